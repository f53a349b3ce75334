//! The `bastion` parameter: Azure Bastion in the hub.

use serde::Serialize;

use crate::input::closed_sets::BastionSku;
use crate::input::settings::Settings;

/// The `bastion` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Bastion {
    pub enabled: bool,
    pub sku: BastionSku,
    /// Instances, each taking about 20 concurrent RDP or 40 SSH sessions: the setting on
    /// Standard and Premium, always 2 on Basic, which cannot scale.
    pub scale_units: u8,
}

impl Bastion {
    /// From the environment's `bastion` settings.
    pub fn new(s: &Settings) -> Self {
        Bastion {
            enabled: s.bastion.enabled,
            sku: s.bastion.sku,
            scale_units: match s.bastion.sku {
                BastionSku::Basic => 2,
                _ => s.bastion.scale_units,
            },
        }
    }
}
