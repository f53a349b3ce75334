//! The `bastion` parameter: Azure Bastion in the hub.
//!
//! It is the environment's `bastion` settings themselves (`input::settings::Bastion`), with the
//! scale units Basic always runs: a setting added to that type reaches the templates with nothing
//! written here.

use crate::input::closed_sets::BastionSku;
use crate::input::settings::{self, Settings};

/// The `bastion` parameter, from the environment's `bastion` settings.
pub(crate) fn bastion(s: &Settings) -> settings::Bastion {
    let b = &s.bastion;
    settings::Bastion {
        // Basic cannot scale: it always runs 2 instances, whatever the setting says.
        scale_units: match b.sku {
            BastionSku::Basic => 2,
            _ => b.scale_units,
        },
        ..b.clone()
    }
}
