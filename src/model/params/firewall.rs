//! The `firewall` parameter: Azure Firewall in the hub.
//!
//! It is the environment's `firewall` settings (`input::settings::Firewall`, flattened, so a
//! setting added to that type reaches the templates with nothing written here), beside the one
//! fact the hub layout decides: the firewall's private address.

use serde::Serialize;

use crate::input::settings;
use crate::model::network::HubRole;
use crate::model::params::{Source, hub_network::first_host};

/// The `firewall` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Firewall {
    #[serde(flatten)]
    pub settings: settings::Firewall,
    /// The first usable address of AzureFirewallSubnet; `None` where the hub has no firewall.
    pub private_ip_address: Option<String>,
}

impl Firewall {
    /// From the environment's `firewall` settings and hub layout.
    pub fn new(src: &Source) -> Self {
        Firewall {
            settings: src.settings.firewall.clone(),
            // Azure Firewall always takes the first usable address (.4) of its subnet, so
            // routes can point at it before it exists.
            private_ip_address: first_host(src, HubRole::Firewall),
        }
    }
}
