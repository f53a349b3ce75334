//! The `paas` parameter (refactor): App Service, Azure SQL, Container Apps and the ingress in
//! front of the web apps, and each application with the names of its resources.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::input::closed_sets::{AppServiceSku, SqlBackupStorageRedundancy, SqlEdition};
use crate::input::paas::Sql;
use crate::model::facts;
use crate::model::name_key::{AppPart, NameKey, SpokePart, WebAppPart};
use crate::model::params::Source;

/// The `paas` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Paas {
    pub enabled: bool,
    /// [`facts::front_door`].
    pub front_door: bool,
    pub app_service: AppService,
    pub sql: SqlParams,
    pub database_migration: bool,
    pub container_apps: ContainerApps,
    pub applications: Vec<Application>,
    /// Only where some environment has a gateway, so other renders stay as they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_gateway: Option<ApplicationGateway>,
}

/// `paas.appService`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct AppService {
    pub sku: AppServiceSku,
    pub capacity: u32,
    pub zone_redundant: bool,
    pub health_check_path: String,
}

/// `paas.sql`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct SqlParams {
    pub sku: SqlSku,
    pub zone_redundant: bool,
    pub backup_storage_redundancy: SqlBackupStorageRedundancy,
    /// Empty: the identity that deploys becomes the Entra administrator.
    pub administrator_login: String,
    pub administrator_object_id: String,
}

/// The SQL database SKU: `GP_Gen5`, `GP_S_Gen5` (serverless) or `BC_Gen5`, with its vCores.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct SqlSku {
    pub name: String,
    pub tier: SqlEdition,
    pub family: &'static str,
    pub capacity: u32,
    pub serverless: bool,
}

impl SqlSku {
    fn new(sql: &Sql) -> Self {
        let tier = sql.edition;
        let short = match tier {
            SqlEdition::GeneralPurpose => "GP",
            SqlEdition::BusinessCritical => "BC",
            SqlEdition::Hyperscale => "HS",
        };
        // Serverless exists on General Purpose only; the schema's description says so.
        let serverless = sql.serverless && tier == SqlEdition::GeneralPurpose;
        SqlSku {
            name: if serverless {
                format!("{short}_S_Gen5")
            } else {
                format!("{short}_Gen5")
            },
            tier,
            family: "Gen5",
            capacity: sql.v_cores,
            serverless,
        }
    }
}

/// `paas.containerApps`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct ContainerApps {
    pub zone_redundant: bool,
    /// Where the environments' egress comes from, for the hub firewall's rules.
    pub subnet_prefixes: Vec<String>,
}

/// One item of `paas.applications`: an application and the names of its resources (empty
/// where it does not have the resource).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Application {
    pub name: String,
    pub resource_group_name: String,
    pub virtual_network_name: String,
    pub tags: BTreeMap<&'static str, String>,
    pub key_vault_name: String,
    pub key_vault_private_endpoint_name: String,
    pub app_service_plan_name: String,
    pub application_insights_name: String,
    pub web_apps: Vec<WebApp>,
    pub sql_server_name: String,
    pub sql_private_endpoint_name: String,
    pub databases: Vec<Database>,
    pub secrets: Vec<String>,
    pub secrets_officers: Vec<String>,
    pub container_apps: bool,
    pub container_apps_environment_name: String,
    pub container_registry_name: String,
    pub container_registry_private_endpoint_name: String,
    /// Only where some environment has a gateway, so other renders stay as they were.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<ApplicationGatewayNames>,
}

/// One web app of an application.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct WebApp {
    pub name: String,
    pub site_name: String,
    pub private_endpoint_name: String,
    /// Empty without Front Door.
    pub front_door_endpoint_name: String,
}

/// One SQL database of an application.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Database {
    pub name: String,
    pub database_name: String,
}

/// An application's Application Gateway: its names and the certificate it presents.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct ApplicationGatewayNames {
    pub application_gateway_name: String,
    pub application_gateway_public_ip_name: String,
    pub application_gateway_waf_policy_name: String,
    pub application_gateway_identity_name: String,
    pub certificate_secret_id: String,
}

/// `paas.applicationGateway`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct ApplicationGateway {
    pub enabled: bool,
    /// Which of `applications` get one: those with web apps.
    pub application_indexes: Vec<usize>,
    pub certificate_key_vault_id: String,
    pub zones: Vec<&'static str>,
    pub min_capacity: u32,
    pub max_capacity: u32,
}

impl Paas {
    /// From the environment's `paas` settings, when some environment deploys the workload.
    pub fn new(src: &Source) -> Self {
        let s = src.settings;
        let p = &s.paas;
        let with_gateway = src.deploy.application_gateway;
        let applications: Vec<Application> = p
            .applications
            .iter()
            .filter_map(|(spoke, app)| {
                let sp = s.network.spokes.iter().find(|sp| &sp.name == spoke)?;
                let key = |part| src.name(NameKey::App(spoke.into(), part));
                let web = |w: &str, part| src.name(NameKey::WebApp(spoke.into(), w.into(), part));
                Some(Application {
                    name: spoke.clone(),
                    resource_group_name: src
                        .name(NameKey::Spoke(spoke.into(), SpokePart::ResourceGroup)),
                    virtual_network_name: src
                        .name(NameKey::Spoke(spoke.into(), SpokePart::VirtualNetwork)),
                    tags: super::spokes::spoke_tags(sp),
                    key_vault_name: key(AppPart::KeyVault),
                    key_vault_private_endpoint_name: key(AppPart::KeyVaultPrivateEndpoint),
                    app_service_plan_name: key(AppPart::AppServicePlan),
                    application_insights_name: key(AppPart::ApplicationInsights),
                    web_apps: app
                        .web_apps
                        .iter()
                        .map(|w| WebApp {
                            name: w.clone(),
                            site_name: web(w, WebAppPart::Site),
                            private_endpoint_name: web(w, WebAppPart::PrivateEndpoint),
                            front_door_endpoint_name: web(w, WebAppPart::FrontDoorEndpoint),
                        })
                        .collect(),
                    sql_server_name: key(AppPart::SqlServer),
                    sql_private_endpoint_name: key(AppPart::SqlServerPrivateEndpoint),
                    databases: app
                        .databases
                        .iter()
                        .map(|d| Database {
                            name: d.clone(),
                            database_name: src.name(NameKey::SqlDatabase(spoke.into(), d.into())),
                        })
                        .collect(),
                    secrets: app.secrets.clone(),
                    secrets_officers: app.secrets_officers.clone(),
                    container_apps: app.container_apps,
                    container_apps_environment_name: key(AppPart::ContainerAppsEnvironment),
                    container_registry_name: key(AppPart::ContainerRegistry),
                    container_registry_private_endpoint_name: key(
                        AppPart::ContainerRegistryPrivateEndpoint,
                    ),
                    gateway: with_gateway.then(|| ApplicationGatewayNames {
                        application_gateway_name: key(AppPart::ApplicationGateway),
                        application_gateway_public_ip_name: key(
                            AppPart::ApplicationGatewayPublicIp,
                        ),
                        application_gateway_waf_policy_name: key(
                            AppPart::ApplicationGatewayWafPolicy,
                        ),
                        application_gateway_identity_name: key(AppPart::ApplicationGatewayIdentity),
                        certificate_secret_id: app.certificate(&p.application_gateway).to_string(),
                    }),
                })
            })
            .collect();
        let gateway_here = facts::application_gateway(s);
        let zonal = p.app_service.zone_redundant;
        // The gateway in front of web apps that run on more than one instance scales out too.
        let redundant = zonal || p.app_service.instances > 1;
        let application_gateway = with_gateway.then(|| ApplicationGateway {
            enabled: gateway_here,
            application_indexes: if gateway_here {
                applications
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| !a.web_apps.is_empty())
                    .map(|(i, _)| i)
                    .collect()
            } else {
                Vec::new()
            },
            certificate_key_vault_id: p.application_gateway.certificate_key_vault_id.clone(),
            // Zone redundant with the web apps: three zones and two instances at least.
            zones: super::zones(zonal),
            min_capacity: if redundant { 2 } else { 1 },
            max_capacity: if redundant { 10 } else { 2 },
        });
        Paas {
            enabled: p.enabled,
            front_door: facts::front_door(s),
            app_service: AppService {
                sku: p.app_service.sku,
                // Zone redundancy needs three instances at least, one per zone.
                capacity: if zonal {
                    p.app_service.instances.max(3)
                } else {
                    p.app_service.instances
                },
                zone_redundant: p.app_service.zone_redundant,
                health_check_path: p.app_service.health_check_path.clone(),
            },
            sql: SqlParams {
                sku: SqlSku::new(&p.sql),
                zone_redundant: p.sql.zone_redundant,
                backup_storage_redundancy: p.sql.backup_storage_redundancy,
                administrator_login: p
                    .sql
                    .administrator
                    .as_ref()
                    .map(|a| a.login.clone())
                    .unwrap_or_default(),
                administrator_object_id: p
                    .sql
                    .administrator
                    .as_ref()
                    .map(|a| a.object_id.clone())
                    .unwrap_or_default(),
            },
            database_migration: p.database_migration.enabled,
            container_apps: ContainerApps {
                zone_redundant: p.container_apps.zone_redundant,
                subnet_prefixes: container_apps_prefixes(src.settings, src.spoke_subnets),
            },
            applications,
            application_gateway,
        }
    }
}

/// Address prefixes of the Container Apps subnets of the environment's applications: what the
/// hub firewall's Container Apps rules allow.
pub(crate) fn container_apps_prefixes(
    s: &crate::input::settings::Settings,
    subnets: &crate::model::spoke_subnets::SpokeSubnets,
) -> Vec<String> {
    s.paas
        .applications
        .iter()
        .filter(|(_, app)| app.container_apps)
        .filter_map(|(spoke, _)| s.network.spokes.iter().find(|sp| &sp.name == spoke))
        .flat_map(|sp| subnets.of_spoke(&sp.name))
        .filter(|sn| sn.name == "containerapps")
        .map(|sn| sn.address_prefix.to_string())
        .collect()
}
