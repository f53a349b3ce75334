//! Refactor: App Service, Azure SQL and Key Vault references for applications rebuilt on
//! platform services, each in its own application spoke behind private endpoints.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Value, json};

use super::{Name, Push};
use crate::error::{Diagnostic, did_you_mean};
use crate::input::settings::{Settings, Spoke};
use crate::model::Environment;

/// The `paas` settings of one environment.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[allow(missing_docs)]
pub struct Paas {
    pub enabled: bool,
    pub app_service: AppService,
    pub sql: Sql,
    /// `frontDoor`, `applicationGateway` or `none`.
    pub ingress: String,
    pub application_gateway: ApplicationGatewaySettings,
    pub container_apps: ContainerApps,
    pub database_migration: DatabaseMigration,
    /// What each application has, by the name of its spoke.
    pub applications: BTreeMap<String, Application>,
}

/// Azure Database Migration Service for moving the databases (offline: the only mode Azure SQL
/// Database supports).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[allow(missing_docs)]
pub struct DatabaseMigration {
    pub enabled: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[allow(missing_docs)]
pub struct AppService {
    pub sku: String,
    pub zone_redundant: bool,
    pub health_check_path: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[allow(missing_docs)]
pub struct Sql {
    pub edition: String,
    pub v_cores: u32,
    pub serverless: bool,
    pub zone_redundant: bool,
    pub backup_storage_redundancy: String,
    /// Empty (as schema defaults leave it) when the deploying identity is the administrator.
    pub administrator: SqlAdministrator,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[allow(missing_docs)]
pub struct SqlAdministrator {
    pub login: String,
    pub object_id: String,
}

/// What an Application Gateway needs from the user: its TLS certificate in a Key Vault.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[allow(missing_docs)]
pub struct ApplicationGatewaySettings {
    /// Key Vault secret ID of the listener's certificate (PFX), versionless to follow renewals.
    pub certificate_secret_id: String,
    /// Resource ID of the vault holding it, where the gateway's identity gets Secrets User.
    pub certificate_key_vault_id: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[allow(missing_docs)]
pub struct ContainerApps {
    pub zone_redundant: bool,
}

/// One application: what runs in its spoke.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[allow(missing_docs)]
pub struct Application {
    pub web_apps: Vec<String>,
    pub databases: Vec<String>,
    pub secrets: Vec<String>,
    pub container_apps: bool,
    /// Object IDs given Key Vault Secrets Officer on the application's vault.
    pub secrets_officers: Vec<String>,
    /// Its Application Gateway's listener certificate, when not the shared one.
    pub certificate_secret_id: String,
}

impl Application {
    /// The certificate its gateway presents: its own, else `paas.applicationGateway`'s.
    pub fn certificate<'a>(&'a self, shared: &'a ApplicationGatewaySettings) -> &'a str {
        if self.certificate_secret_id.trim().is_empty() {
            &shared.certificate_secret_id
        } else {
            &self.certificate_secret_id
        }
    }
}

/// A subnet an application spoke needs: its name (without `snet-`), the service it is
/// delegated to, and the smallest size Azure accepts for it.
pub struct AppSubnet {
    /// Name under `network.spokes[].subnets`.
    pub name: &'static str,
    /// Service delegation.
    pub delegation: Option<&'static str>,
    /// Largest prefix length Azure accepts.
    pub min_size: u8,
}

/// The subnets of an application spoke, in slot order: meg carves each from its own quarter of
/// the spoke, so turning Container Apps on later never re-addresses the others. The last quarter
/// holds the Application Gateway when `paas.ingress` is `applicationGateway`.
pub const APP_SUBNETS: [AppSubnet; 4] = [
    // VNet integration: App Service needs a delegated subnet, /28 at least; Microsoft
    // recommends /26 so a plan can scale out and swap slots.
    AppSubnet {
        name: "appservice",
        delegation: Some("Microsoft.Web/serverFarms"),
        min_size: 28,
    },
    AppSubnet {
        name: "private-endpoints",
        delegation: None,
        min_size: crate::model::network::SMALLEST_SUBNET,
    },
    // A workload-profiles environment needs /27 at least.
    AppSubnet {
        name: "containerapps",
        delegation: Some("Microsoft.App/environments"),
        min_size: 27,
    },
    // Application Gateway v2: a subnet of its own, /26 recommended so it can autoscale.
    AppSubnet {
        name: "appgateway",
        delegation: None,
        min_size: 26,
    },
];

impl AppSubnet {
    /// Whether an application needs this subnet.
    fn needed(&self, s: &Settings, app: &Application) -> bool {
        match self.name {
            "containerapps" => app.container_apps,
            "appgateway" => s.paas.ingress == "applicationGateway" && !app.web_apps.is_empty(),
            _ => true,
        }
    }
}

/// The application of a spoke, when the environment deploys the workload and names one.
pub fn application<'a>(s: &'a Settings, spoke: &str) -> Option<&'a Application> {
    if s.paas.enabled {
        s.paas.applications.get(spoke)
    } else {
        None
    }
}

/// Fixed name keys: (key, naming kind, workload token).
pub const NAMES: &[(&str, &str, &str)] = &[
    ("frontDoorProfile", "frontDoorProfile", "edge"),
    ("frontDoorWafPolicy", "wafPolicy", "edge"),
    (
        "databaseMigrationService",
        "databaseMigrationService",
        "sql",
    ),
];

/// Whether an environment puts Front Door in front of its web apps.
fn front_door(s: &Settings) -> bool {
    s.paas.enabled
        && s.paas.ingress == "frontDoor"
        && s.paas.applications.values().any(|a| !a.web_apps.is_empty())
}

/// Whether an environment puts an Application Gateway in front of each application's web apps.
fn application_gateway(s: &Settings) -> bool {
    s.paas.enabled
        && s.paas.ingress == "applicationGateway"
        && s.paas.applications.values().any(|a| !a.web_apps.is_empty())
}

/// Which parts of the workload an environment deploys.
pub fn deploy_flags(s: &Settings) -> Vec<(&'static str, bool)> {
    vec![
        ("paas", s.paas.enabled),
        ("frontDoor", front_door(s)),
        ("applicationGateway", application_gateway(s)),
        (
            "containerApps",
            s.paas.enabled && s.paas.applications.values().any(|a| a.container_apps),
        ),
        (
            "databaseMigration",
            s.paas.enabled && s.paas.database_migration.enabled,
        ),
    ]
}

/// Whether a fixed name key of this workload is deployed; `None` for keys it does not own.
pub fn name_deployed(key: &str, on: &dyn Fn(&str) -> bool) -> Option<bool> {
    match key {
        "databaseMigrationService" => Some(on("databaseMigration")),
        k if k.starts_with("frontDoor") => Some(on("frontDoor")),
        _ => None,
    }
}

/// Per-application names: the plan, web apps, SQL server and databases, the vault, and the
/// private endpoints that reach them.
pub fn names(s: &Settings, name: &mut Name) {
    if !s.paas.enabled {
        return;
    }
    for (spoke, app) in &s.paas.applications {
        if !s.network.spokes.iter().any(|sp| &sp.name == spoke) {
            continue;
        }
        let key = |k: &str| format!("app.{spoke}.{k}");
        name(key("keyVault"), "keyVault", spoke);
        name(
            key("keyVault.privateEndpoint"),
            "privateEndpoint",
            &format!("kv-{spoke}"),
        );
        if !app.web_apps.is_empty() {
            name(key("appServicePlan"), "appServicePlan", spoke);
            name(key("applicationInsights"), "applicationInsights", spoke);
            if application_gateway(s) {
                name(key("applicationGateway"), "applicationGateway", spoke);
                name(
                    key("applicationGateway.publicIp"),
                    "publicIpAddress",
                    &format!("agw-{spoke}"),
                );
                name(
                    key("applicationGateway.wafPolicy"),
                    "wafPolicy",
                    &format!("agw-{spoke}"),
                );
                name(
                    key("applicationGateway.identity"),
                    "userAssignedIdentity",
                    &format!("agw-{spoke}"),
                );
            }
        }
        for web in &app.web_apps {
            name(
                key(&format!("webApp.{web}")),
                "webApp",
                &format!("{spoke}-{web}"),
            );
            name(
                key(&format!("webApp.{web}.privateEndpoint")),
                "privateEndpoint",
                &format!("app-{spoke}-{web}"),
            );
            if front_door(s) {
                name(
                    key(&format!("webApp.{web}.frontDoorEndpoint")),
                    "frontDoorEndpoint",
                    &format!("{spoke}-{web}"),
                );
            }
        }
        if !app.databases.is_empty() {
            name(key("sqlServer"), "sqlServer", spoke);
            name(
                key("sqlServer.privateEndpoint"),
                "privateEndpoint",
                &format!("sql-{spoke}"),
            );
        }
        if app.container_apps {
            name(
                key("containerAppsEnvironment"),
                "containerAppsEnvironment",
                spoke,
            );
            name(key("containerRegistry"), "containerRegistry", spoke);
            name(
                key("containerRegistry.privateEndpoint"),
                "privateEndpoint",
                &format!("cr-{spoke}"),
            );
        }
        for db in &app.databases {
            name(
                key(&format!("sqlDatabase.{db}")),
                "sqlDatabase",
                &format!("{spoke}-{db}"),
            );
        }
    }
}

/// Checks a schema cannot express: every application names a spoke of the environment, and
/// its spoke has the subnets it needs, big enough.
pub fn check(s: &Settings, locate: &dyn Fn(&str) -> String) -> Vec<Diagnostic> {
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
                    Diagnostic::at(
                        locate("/paas/applicationGateway"),
                        format!(
                            "missing required key 'paas.applicationGateway.{key}': paas.ingress applicationGateway needs {what}"
                        ),
                    )
                    .hint(format!("set paas.applicationGateway.{key}, per environment if they differ")),
                );
            }
        }
    }
    let spokes: Vec<&str> = s.network.spokes.iter().map(|sp| sp.name.as_str()).collect();
    for name in s.paas.applications.keys() {
        if !spokes.contains(&name.as_str()) {
            let d = Diagnostic::at(
                locate(&format!("/paas/applications/{name}")),
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
                        Diagnostic::at(
                            locate(&format!("{here}/addressSpace")),
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
                            Diagnostic::at(
                                locate(&format!("{here}/subnets")),
                                format!(
                                    "spoke '{}' holds an application but has no subnet named '{}'",
                                    spoke.name, need.name
                                ),
                            )
                            .hint("leave out the spoke's subnets and meg carves them, or add the subnet"),
                        ),
                        Some(j) if given[j].address_prefix.prefix() > need.min_size => problems
                            .push(Diagnostic::at(
                                locate(&format!("{here}/subnets/{j}/addressPrefix")),
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

/// The subnets meg carves for an application spoke without subnets of its own: one quarter of
/// the spoke each, in [`APP_SUBNETS`] order. `None` when the spoke holds no application.
pub fn carve(s: &Settings, spoke: &Spoke) -> Option<Vec<(&'static str, crate::cidr::Cidr)>> {
    let app = application(s, &spoke.name)?;
    let quarter = (spoke.address_space.prefix() + 2).min(32);
    Some(
        APP_SUBNETS
            .iter()
            .enumerate()
            .filter(|(_, sub)| sub.needed(s, app))
            .filter_map(|(n, sub)| {
                spoke
                    .address_space
                    .subnet(quarter, n as u32)
                    .map(|c| (sub.name, c))
            })
            .collect(),
    )
}

/// The service a subnet of an application spoke is delegated to.
pub fn delegation(s: &Settings, spoke: &str, subnet: &str) -> Option<&'static str> {
    application(s, spoke)?;
    APP_SUBNETS
        .iter()
        .find(|a| a.name == subnet)
        .and_then(|a| a.delegation)
}

/// The SQL database SKU: `GP_Gen5` with capacity 2, `GP_S_Gen5` (serverless) or `BC_Gen5`.
fn sql_sku(sql: &Sql) -> Value {
    let (tier, short) = match sql.edition.as_str() {
        "BusinessCritical" => ("BusinessCritical", "BC"),
        "Hyperscale" => ("Hyperscale", "HS"),
        _ => ("GeneralPurpose", "GP"),
    };
    // Serverless exists on General Purpose only; the schema's description says so.
    let serverless = sql.serverless && tier == "GeneralPurpose";
    let name = if serverless {
        format!("{short}_S_Gen5")
    } else {
        format!("{short}_Gen5")
    };
    json!({
        "name": name,
        "tier": tier,
        "family": "Gen5",
        "capacity": sql.v_cores,
        "serverless": serverless,
    })
}

/// Parameters, when some environment deploys the workload.
pub fn params(env: &Environment, on: &dyn Fn(&str) -> bool, push: &mut Push) {
    if !on("paas") {
        return;
    }
    let s = &env.settings;
    let p = &s.paas;
    let name_of = |key: String| {
        env.names
            .get(&key)
            .map(|n| n.as_str().to_string())
            .unwrap_or_default()
    };
    let applications: Vec<Value> = p
        .applications
        .iter()
        .filter_map(|(spoke, app)| {
            let sp = s.network.spokes.iter().find(|sp| &sp.name == spoke)?;
            let key = |k: &str| name_of(format!("app.{spoke}.{k}"));
            let mut one = json!({
                "name": spoke,
                "resourceGroupName": name_of(format!("spoke.{spoke}.resourceGroup")),
                "virtualNetworkName": name_of(format!("spoke.{spoke}.virtualNetwork")),
                "tags": crate::input::tags::spoke_tags(sp),
                "keyVaultName": key("keyVault"),
                "keyVaultPrivateEndpointName": key("keyVault.privateEndpoint"),
                "appServicePlanName": key("appServicePlan"),
                "applicationInsightsName": key("applicationInsights"),
                "webApps": app.web_apps.iter().map(|w| json!({
                    "name": w,
                    "siteName": key(&format!("webApp.{w}")),
                    "privateEndpointName": key(&format!("webApp.{w}.privateEndpoint")),
                    // Empty without Front Door.
                    "frontDoorEndpointName": key(&format!("webApp.{w}.frontDoorEndpoint")),
                })).collect::<Vec<_>>(),

                "sqlServerName": key("sqlServer"),
                "sqlPrivateEndpointName": key("sqlServer.privateEndpoint"),
                "databases": app.databases.iter().map(|d| json!({
                    "name": d,
                    "databaseName": key(&format!("sqlDatabase.{d}")),
                })).collect::<Vec<_>>(),
                "secrets": app.secrets,
                "secretsOfficers": app.secrets_officers,
                "containerApps": app.container_apps,
                "containerAppsEnvironmentName": key("containerAppsEnvironment"),
                "containerRegistryName": key("containerRegistry"),
                "containerRegistryPrivateEndpointName": key("containerRegistry.privateEndpoint"),
            });
            // Only where some environment has a gateway, so other renders stay as they were.
            if on("applicationGateway") {
                one["applicationGatewayName"] = json!(key("applicationGateway"));
                one["applicationGatewayPublicIpName"] = json!(key("applicationGateway.publicIp"));
                one["applicationGatewayWafPolicyName"] = json!(key("applicationGateway.wafPolicy"));
                one["applicationGatewayIdentityName"] = json!(key("applicationGateway.identity"));
                one["certificateSecretId"] = json!(app.certificate(&p.application_gateway));
            }
            Some(one)
        })
        .collect();
    let with_web_apps: Vec<usize> = applications
        .iter()
        .enumerate()
        .filter(|(_, a)| a["webApps"].as_array().is_some_and(|w| !w.is_empty()))
        .map(|(i, _)| i)
        .collect();
    let mut paas = json!({
            "enabled": p.enabled,
            "frontDoor": front_door(s),
            "appService": {
                "sku": p.app_service.sku,
                // Zone redundancy needs three instances at least.
                "capacity": if p.app_service.zone_redundant { 3 } else { 1 },
                "zoneRedundant": p.app_service.zone_redundant,
                "healthCheckPath": p.app_service.health_check_path,
            },
            "sql": {
                "sku": sql_sku(&p.sql),
                "zoneRedundant": p.sql.zone_redundant,
                "backupStorageRedundancy": p.sql.backup_storage_redundancy,
                // Empty: the identity that deploys becomes the Entra administrator.
                "administratorLogin": p.sql.administrator.login,
                "administratorObjectId": p.sql.administrator.object_id,
            },
            "databaseMigration": p.database_migration.enabled,
            "containerApps": {
                "zoneRedundant": p.container_apps.zone_redundant,
                // Where the environments' egress comes from, for the hub firewall's rules.
                "subnetPrefixes": container_apps_prefixes(s),
            },
            "applications": applications,
    });
    if on("applicationGateway") {
        let agw = &p.application_gateway;
        let prod = p.app_service.zone_redundant;
        paas["applicationGateway"] = json!({
            "enabled": application_gateway(s),
            // Which of `applications` get one: those with web apps.
            "applicationIndexes": if application_gateway(s) {
                with_web_apps
            } else {
                Vec::new()
            },
            "certificateKeyVaultId": agw.certificate_key_vault_id,
            // Zone redundant with the web apps: three zones and two instances at least.
            "zones": if prod { json!(["1", "2", "3"]) } else { json!([]) },
            "minCapacity": if prod { 2 } else { 1 },
            "maxCapacity": if prod { 10 } else { 2 },
        });
    }
    push("paas", paas, false);
}

/// Address prefixes of the Container Apps subnets of the environment's applications.
fn container_apps_prefixes(s: &Settings) -> Vec<String> {
    s.paas
        .applications
        .iter()
        .filter(|(_, app)| app.container_apps)
        .filter_map(|(spoke, _)| s.network.spokes.iter().find(|sp| &sp.name == spoke))
        .flat_map(|sp| crate::model::network::spoke_subnets(sp, s))
        .filter(|sn| sn.name == "containerapps")
        .map(|sn| sn.address_prefix.to_string())
        .collect()
}
