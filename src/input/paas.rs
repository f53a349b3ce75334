//! The `paas` settings of one environment (refactor): applications rebuilt on App Service,
//! Azure SQL and Container Apps, each in its own spoke.
//!
//! Input only: what the workload makes of them lives in `model::workloads::refactor`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::input::closed_sets::{AppServiceSku, Ingress, SqlBackupStorageRedundancy, SqlEdition};

/// The `paas` settings of one environment.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Paas {
    pub enabled: bool,
    pub app_service: AppService,
    pub sql: Sql,
    pub ingress: Ingress,
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
pub struct DatabaseMigration {
    pub enabled: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppService {
    pub sku: AppServiceSku,
    pub zone_redundant: bool,
    pub health_check_path: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Sql {
    pub edition: SqlEdition,
    pub v_cores: u32,
    pub serverless: bool,
    pub zone_redundant: bool,
    pub backup_storage_redundancy: SqlBackupStorageRedundancy,
    /// Empty (as schema defaults leave it) when the deploying identity is the administrator.
    pub administrator: SqlAdministrator,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SqlAdministrator {
    pub login: String,
    pub object_id: String,
}

/// What an Application Gateway needs from the user: its TLS certificate in a Key Vault.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ApplicationGatewaySettings {
    /// Key Vault secret ID of the listener's certificate (PFX), versionless to follow renewals.
    pub certificate_secret_id: String,
    /// Resource ID of the vault holding it, where the gateway's identity gets Secrets User.
    pub certificate_key_vault_id: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContainerApps {
    pub zone_redundant: bool,
}

/// One application: what runs in its spoke.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
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
