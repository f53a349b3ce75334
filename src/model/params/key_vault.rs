//! The `keyVault` parameter: the platform Key Vault.

use serde::Serialize;

use crate::input::closed_sets::KeyVaultSku;
use crate::input::settings::Settings;

/// The `keyVault` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct KeyVault {
    pub sku: KeyVaultSku,
    pub enable_purge_protection: bool,
    pub soft_delete_retention_in_days: u32,
    pub private_endpoint: bool,
    /// Object IDs given Key Vault Administrator.
    pub administrators: Vec<String>,
}

impl KeyVault {
    /// From the environment's `keyVault` settings.
    pub fn new(s: &Settings) -> Self {
        let kv = &s.key_vault;
        KeyVault {
            sku: kv.sku,
            enable_purge_protection: kv.purge_protection,
            soft_delete_retention_in_days: kv.soft_delete_retention_days,
            private_endpoint: kv.private_endpoint,
            administrators: kv.administrators.clone(),
        }
    }
}
