//! Refactor: App Service, Azure SQL and Key Vault references for applications rebuilt on
//! platform services, each in its own application spoke behind private endpoints.

use crate::error::{Diagnostic, did_you_mean};
use crate::input::settings::Settings;
use crate::model::facts::{application_gateway, front_door};
use crate::model::name_key::{AppPart, NameKey, ToName, WebAppPart};
use crate::model::params::paas::Paas;
use crate::model::params::{ParamList, Source};
use crate::model::subnet_rules::{APP_SUBNETS, application};

/// Per-application names: the plan, web apps, SQL server and databases, the vault, and the
/// private endpoints that reach them.
pub(crate) fn names(s: &Settings) -> Vec<ToName> {
    let mut out = Vec::new();
    if !s.paas.enabled {
        return out;
    }
    for (spoke, app) in &s.paas.applications {
        if !s.network.spokes.iter().any(|sp| &sp.name == spoke) {
            continue;
        }
        let part = |part, kind, workload: String| {
            ToName::new(NameKey::App(spoke.clone(), part), kind, workload)
        };
        out.push(part(AppPart::KeyVault, "keyVault", spoke.clone()));
        out.push(part(
            AppPart::KeyVaultPrivateEndpoint,
            "privateEndpoint",
            format!("kv-{spoke}"),
        ));
        if !app.web_apps.is_empty() {
            out.push(part(
                AppPart::AppServicePlan,
                "appServicePlan",
                spoke.clone(),
            ));
            out.push(part(
                AppPart::ApplicationInsights,
                "applicationInsights",
                spoke.clone(),
            ));
            if application_gateway(s) {
                let agw = format!("agw-{spoke}");
                out.push(part(
                    AppPart::ApplicationGateway,
                    "applicationGateway",
                    spoke.clone(),
                ));
                out.push(part(
                    AppPart::ApplicationGatewayPublicIp,
                    "publicIpAddress",
                    agw.clone(),
                ));
                out.push(part(
                    AppPart::ApplicationGatewayWafPolicy,
                    "wafPolicy",
                    agw.clone(),
                ));
                out.push(part(
                    AppPart::ApplicationGatewayIdentity,
                    "userAssignedIdentity",
                    agw,
                ));
            }
        }
        for web in &app.web_apps {
            let key = |part| NameKey::WebApp(spoke.clone(), web.clone(), part);
            out.push(ToName::new(
                key(WebAppPart::Site),
                "webApp",
                format!("{spoke}-{web}"),
            ));
            out.push(ToName::new(
                key(WebAppPart::PrivateEndpoint),
                "privateEndpoint",
                format!("app-{spoke}-{web}"),
            ));
            if front_door(s) {
                out.push(ToName::new(
                    key(WebAppPart::FrontDoorEndpoint),
                    "frontDoorEndpoint",
                    format!("{spoke}-{web}"),
                ));
            }
        }
        if !app.databases.is_empty() {
            out.push(part(AppPart::SqlServer, "sqlServer", spoke.clone()));
            out.push(part(
                AppPart::SqlServerPrivateEndpoint,
                "privateEndpoint",
                format!("sql-{spoke}"),
            ));
        }
        if app.container_apps {
            out.push(part(
                AppPart::ContainerAppsEnvironment,
                "containerAppsEnvironment",
                spoke.clone(),
            ));
            out.push(part(
                AppPart::ContainerRegistry,
                "containerRegistry",
                spoke.clone(),
            ));
            out.push(part(
                AppPart::ContainerRegistryPrivateEndpoint,
                "privateEndpoint",
                format!("cr-{spoke}"),
            ));
        }
        for db in &app.databases {
            out.push(ToName::new(
                NameKey::SqlDatabase(spoke.clone(), db.clone()),
                "sqlDatabase",
                format!("{spoke}-{db}"),
            ));
        }
    }
    out
}

/// Checks a schema cannot express: every application names a spoke of the environment, and
/// its spoke has the subnets it needs, big enough.
pub fn check(s: &Settings) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if !s.paas.enabled {
        return problems;
    }
    if application_gateway(s) {
        let agw = &s.paas.application_gateway;
        // The shared certificate is needed only where an application with web apps has none.
        let uncovered = s
            .paas
            .applications
            .values()
            .any(|a| !a.web_apps.is_empty() && a.certificate(agw).trim().is_empty());
        for (key, missing, what) in [
            (
                "certificateSecretId",
                uncovered,
                "the Key Vault secret ID of the listener's TLS certificate (https://<vault>.vault.azure.net/secrets/<name>), or one per application (paas.applications.<spoke>.certificateSecretId)",
            ),
            (
                "certificateKeyVaultId",
                agw.certificate_key_vault_id.trim().is_empty(),
                "the resource ID of the Key Vault holding that certificate, where the gateway's identity gets Key Vault Secrets User",
            ),
        ] {
            if missing {
                problems.push(
                    Diagnostic::at_key(
                        "/paas/applicationGateway",
                        format!(
                            "missing required key 'paas.applicationGateway.{key}': paas.ingress applicationGateway needs {what}"
                        ),
                    )
                    .hint(format!("set paas.applicationGateway.{key}, per environment if they differ")),
                );
            }
        }
    }
    let plan = &s.paas.app_service;
    if plan.instances > plan.sku.max_instances() {
        problems.push(
            Diagnostic::at_key(
                "/paas/appService/instances",
                format!(
                    "paas.appService.instances is {}, but a {} plan runs at most {} instances: Azure refuses the plan",
                    plan.instances,
                    plan.sku,
                    plan.sku.max_instances()
                ),
            )
            .hint("lower paas.appService.instances, or choose a larger paas.appService.sku"),
        );
    }
    let spokes: Vec<&str> = s.network.spokes.iter().map(|sp| sp.name.as_str()).collect();
    for name in s.paas.applications.keys() {
        if !spokes.contains(&name.as_str()) {
            let d = Diagnostic::at_key(
                format!("/paas/applications/{name}"),
                format!(
                    "application '{name}' names no spoke of this environment: an application lives in the spoke of the same name"
                ),
            );
            problems.push(match did_you_mean(name, spokes.iter().copied()) {
                Some(sp) => d.hint(format!("did you mean '{sp}'?")),
                None => d.hint(format!(
                    "add a spoke named '{name}' under network.spokes, or use one of: {}",
                    spokes.join(", ")
                )),
            });
        }
    }
    for (i, spoke) in s.network.spokes.iter().enumerate() {
        let Some(app) = application(s, &spoke.name) else {
            continue;
        };
        let here = format!("/network/spokes/{i}");
        match &spoke.subnets {
            None => {
                let quarter = spoke.address_space.prefix() + 2;
                if let Some(sub) = APP_SUBNETS
                    .iter()
                    .find(|a| a.needed(s, app) && quarter > a.min_size)
                {
                    problems.push(
                        Diagnostic::at_key(
                            format!("{here}/addressSpace"),
                            format!(
                                "spoke '{}' ({}) is too small for an application: its '{}' subnet would be a /{quarter}, Azure requires /{} or larger",
                                spoke.name, spoke.address_space, sub.name, sub.min_size
                            ),
                        )
                        .hint(if sub.name == "appgateway" {
                            "an Application Gateway needs a /26 subnet: give the application's spoke a /24 or larger address space"
                        } else {
                            "give the application's spoke a /26 or larger address space (a /24 leaves room to grow)"
                        }),
                    );
                }
            }
            Some(given) => {
                for need in APP_SUBNETS.iter().filter(|a| a.needed(s, app)) {
                    match given.iter().position(|g| g.name == need.name) {
                        None => problems.push(
                            Diagnostic::at_key(
                                format!("{here}/subnets"),
                                format!(
                                    "spoke '{}' holds an application but has no subnet named '{}'",
                                    spoke.name, need.name
                                ),
                            )
                            .hint("leave out the spoke's subnets and meg carves them, or add the subnet"),
                        ),
                        Some(j) if given[j].address_prefix.prefix() > need.min_size => problems
                            .push(Diagnostic::at_key(
                                format!("{here}/subnets/{j}/addressPrefix"),
                                format!(
                                    "subnet '{}' {} is too small: Azure requires /{} or larger",
                                    need.name, given[j].address_prefix, need.min_size
                                ),
                            )),
                        Some(_) => {}
                    }
                }
            }
        }
    }
    problems
}

/// The `paas` parameter, when some environment deploys the workload.
pub(crate) fn params(src: &Source) -> ParamList {
    let mut out = ParamList::default();
    if src.deploy.paas {
        out.add("paas", &Paas::new(src));
    }
    out
}
