//! The `paas` settings of one environment (refactor): applications rebuilt on App Service,
//! Azure SQL and Container Apps, each in its own spoke.
//!
//! Input only: what the workload makes of them lives in `model::workloads::refactor`. The
//! schema's `paas` definition is derived from these types (`input::schema_source`): their doc
//! comments are its descriptions, their attributes its rules, their `Default` its defaults.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::input::closed_sets::{AppServiceSku, Ingress, SqlBackupStorageRedundancy, SqlEdition};
use crate::input::schema_kinds::Guid;

/// Refactor: the platform services applications move onto: App Service, Azure SQL and a Key
/// Vault per application, in the application's spoke behind private endpoints, and optionally
/// Front Door in front of the web apps.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct Paas {
    /// Deploy the refactor workload resources.
    pub enabled: bool,
    /// App Service plans (Linux), one per application with web apps.
    pub app_service: AppService,
    /// Azure SQL: one logical server per application with databases, Entra-only
    /// authentication.
    pub sql: Sql,
    /// How users reach the web apps from the internet: frontDoor puts one Azure Front Door
    /// Premium profile per environment with a WAF policy (Prevention) in front of them, reaching
    /// each web app over Private Link; applicationGateway puts an Application Gateway WAF_v2 in
    /// each application spoke, reaching the web apps through their private endpoints (give
    /// paas.applicationGateway.certificateSecretId and certificateKeyVaultId); none leaves them
    /// reachable from peered and connected networks only.
    pub ingress: Ingress,
    /// The Application Gateway's HTTPS listener certificate, for paas.ingress applicationGateway
    /// (required then). Upload the certificate (PFX with its chain, for the host name users
    /// reach) to a Key Vault of yours as a certificate; meg gives the gateway a user-assigned
    /// identity with Key Vault Secrets User on that vault. Point the DNS name of the certificate
    /// at the gateway's public IP.
    pub application_gateway: ApplicationGatewaySettings,
    /// Container Apps environments, for applications with containerApps: true.
    pub container_apps: ContainerApps,
    /// Azure Database Migration Service, for moving the SQL Server databases offline into Azure
    /// SQL Database with the Azure SQL migration extension (online is not a supported scenario
    /// for Azure SQL Database).
    pub database_migration: DatabaseMigration,
    /// Applications by the name of the spoke they live in: what each one has. A map, so
    /// environments add to it.
    #[schemars(extend("propertyNames" = {
        "pattern": "^[a-z][a-z0-9-]{0,18}[a-z0-9]$",
        "x-rule": "starts with a lower-case letter, then lower-case letters, digits or hyphens; 2 to 20 characters; does not end with a hyphen",
        "description": "applications are keyed by the name of their spoke (lower case, digits, hyphens)"
    }))]
    pub applications: BTreeMap<String, Application>,
}

/// Azure Database Migration Service for moving the databases (offline: the only mode Azure SQL
/// Database supports).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct DatabaseMigration {
    /// Create a Database Migration Service in the management resource group; a self-hosted
    /// integration runtime on premises registers with its authentication key and reaches the
    /// target servers' private endpoints over hybrid connectivity, which meg lint requires
    /// (Operational Excellence: remove it after the last database moved).
    pub enabled: bool,
}

/// The App Service plans of the applications.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct AppService {
    /// Plan SKU. Premium v3 (P*v3) is needed for zone redundancy; B1 keeps dev cheap.
    pub sku: AppServiceSku,
    /// Spread the plan over availability zones (Premium v3, three instances at least)
    /// (Reliability).
    pub zone_redundant: bool,
    /// Instances the plan runs (Reliability: two or more keep the web apps serving while one
    /// is patched or fails, also in a region without availability zones). A zone-redundant plan
    /// runs at least three, one per zone. Basic plans (B1, B2) run at most 3 and Standard (S1)
    /// at most 10.
    #[schemars(range(min = 1, max = 30))]
    pub instances: u32,
    /// Path App Service probes on every instance to take unhealthy ones out of rotation
    /// (Reliability).
    #[schemars(
        regex(pattern = "^/"),
        extend("x-rule" = "a path starting with /, such as /health")
    )]
    pub health_check_path: String,
}

impl Default for AppService {
    fn default() -> Self {
        AppService {
            sku: AppServiceSku::default(),
            zone_redundant: false,
            instances: 1,
            health_check_path: "/healthz".into(),
        }
    }
}

/// The Azure SQL servers and databases of the applications.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct Sql {
    /// vCore service tier of the databases.
    pub edition: SqlEdition,
    /// vCores per database (serverless: the most it scales to).
    #[schemars(range(min = 1, max = 128))]
    pub v_cores: u32,
    /// Serverless compute that pauses when idle (General Purpose only; ignored otherwise) (Cost
    /// Optimization).
    pub serverless: bool,
    /// Zone-redundant databases (Reliability).
    pub zone_redundant: bool,
    /// Where backups are kept: Geo survives a region loss (Reliability).
    pub backup_storage_redundancy: SqlBackupStorageRedundancy,
    /// Entra ID administrator of every SQL server (a group, ideally). Default: the identity
    /// that deploys.
    pub administrator: Option<SqlAdministrator>,
}

impl Default for Sql {
    fn default() -> Self {
        Sql {
            edition: SqlEdition::default(),
            v_cores: 2,
            serverless: false,
            zone_redundant: false,
            backup_storage_redundancy: SqlBackupStorageRedundancy::default(),
            administrator: None,
        }
    }
}

/// The Entra administrator of the SQL servers: both keys or neither.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct SqlAdministrator {
    /// Display name of the administrator (user, group or service principal).
    #[schemars(
        length(min = 1, max = 128),
        regex(pattern = r"^[^\x00-\x1F\x7F]+$"),
        extend(
            "x-rule" = "any text on one line, without tabs or other control characters",
            "$comment" = "The Entra administrator's login becomes a SQL Server login: sysname, at most 128 characters."
        )
    )]
    pub login: String,
    /// Entra object ID of the administrator.
    #[schemars(with = "Guid")]
    pub object_id: String,
}

/// What an Application Gateway needs from the user: its TLS certificate in a Key Vault.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct ApplicationGatewaySettings {
    /// Key Vault secret ID of the certificate for applications that name none of their own
    /// (paas.applications.<spoke>.certificateSecretId), such as
    /// https://kv-certs.vault.azure.net/secrets/shop-tls (leave out the version so renewals are
    /// picked up).
    // Empty when unset: no default in the schema, whose pattern an empty text would break.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[schemars(with = "SecretUri")]
    pub certificate_secret_id: String,
    /// Resource ID of the Key Vault holding the certificate
    /// (/subscriptions/.../resourceGroups/.../providers/Microsoft.KeyVault/vaults/<name>); the
    /// vault must use Azure RBAC authorization.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[schemars(
        regex(
            pattern = r"^/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/resourceGroups/[-A-Za-z0-9_.()]{0,89}[-A-Za-z0-9_()]/providers/Microsoft\.KeyVault/vaults/[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$"
        ),
        extend(
            "x-rule" = "the resource ID of a key vault: /subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>",
            "$comment" = "Resource IDs: subscription GUID; resource group names 1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period (Azure naming rules, Microsoft.Resources/resourceGroups). Key Vault names: 3-24 letters, digits and hyphens, starting with a letter."
        )
    )]
    pub certificate_key_vault_id: String,
}

/// The Container Apps environments of the applications that run containers.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct ContainerApps {
    /// Spread the environment and its registry over availability zones (Reliability).
    pub zone_redundant: bool,
}

/// One application.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct Application {
    /// Web apps on the application's App Service plan (short names, e.g. web, api).
    #[schemars(with = "Vec<WebAppName>", extend("uniqueItems" = true))]
    pub web_apps: Vec<String>,
    /// Azure SQL databases on the application's server.
    #[schemars(with = "Vec<DatabaseName>", extend("uniqueItems" = true))]
    pub databases: Vec<String>,
    /// Key Vault secrets the web apps read as Key Vault references (app settings); the
    /// application team sets their values.
    #[schemars(with = "Vec<SecretName>", extend("uniqueItems" = true))]
    pub secrets: Vec<String>,
    /// Give the application a Container Apps environment (workload profiles, internal only) in
    /// its spoke and a Premium container registry behind a private endpoint.
    pub container_apps: bool,
    /// Entra object IDs (users, groups or service principals) given Key Vault Secrets Officer
    /// on the application's Key Vault, to set the secrets' values (the vault uses Azure RBAC:
    /// nobody else can, and the web apps only read).
    #[schemars(with = "Vec<Guid>", extend("uniqueItems" = true))]
    pub secrets_officers: Vec<String>,
    /// Key Vault secret ID of the TLS certificate for this application's host name, which its
    /// Application Gateway presents (paas.ingress applicationGateway); default:
    /// paas.applicationGateway.certificateSecretId. Give each application its own: two gateways
    /// presenting one certificate share its private key and its renewal.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[schemars(with = "SecretUri")]
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

/// Declares a kind of text the `paas` definition checks in more than one place or in a list:
/// a type that stands for it in `#[schemars(with = "...")]`.
macro_rules! text_kind {
    ($(#[$doc:meta])* $name:ident, $id:literal, $schema:tt) => {
        $(#[$doc])*
        struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                $id.into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

text_kind!(
    /// A web app's short name, which becomes part of its host name.
    WebAppName, "webAppName", {
        "type": "string",
        "pattern": "^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$",
        "x-rule": "starts with a lower-case letter, then lower-case letters, digits or hyphens, and ends with a letter or digit; at most 16 characters",
        "description": "A web app's short name: 1 to 16 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit (it becomes part of the app's host name)."
    }
);

text_kind!(
    /// An Azure SQL database's name.
    DatabaseName, "databaseName", {
        "type": "string",
        "pattern": "^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$",
        "x-rule": "starts with a lower-case letter, then lower-case letters, digits or hyphens, and ends with a letter or digit; at most 32 characters",
        "description": "A database name: 1 to 32 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit."
    }
);

text_kind!(
    /// A Key Vault secret's name.
    SecretName, "secretName", {
        "type": "string",
        "pattern": "^[A-Za-z][A-Za-z0-9-]{0,126}$",
        "x-rule": "starts with a letter, then letters, digits or hyphens; at most 127 characters"
    }
);

text_kind!(
    /// A Key Vault secret's URI, with or without its version.
    SecretUri, "secretUri", {
        "type": "string",
        "pattern": "^https://[A-Za-z0-9-]+\\.vault\\.azure\\.(net|cn|us)/secrets/[A-Za-z0-9-]+(/[0-9a-f]{32})?/?$",
        "x-rule": "a Key Vault secret URI: https://<vault>.vault.azure.net/secrets/<name>, optionally followed by /<version>"
    }
);
