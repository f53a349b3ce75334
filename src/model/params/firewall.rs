//! The `firewall` parameter: Azure Firewall in the hub.

use serde::Serialize;

use crate::input::closed_sets::{FirewallTier, ThreatIntelMode};
use crate::model::network::HubRole;
use crate::model::params::{Source, hub_network::first_host, zones};

/// The `firewall` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Firewall {
    pub enabled: bool,
    pub tier: FirewallTier,
    /// The first usable address of AzureFirewallSubnet; `None` where the hub has no firewall.
    pub private_ip_address: Option<String>,
    pub zones: Vec<&'static str>,
    pub threat_intel_mode: ThreatIntelMode,
}

impl Firewall {
    /// From the environment's `firewall` settings and hub layout.
    pub fn new(src: &Source) -> Self {
        let fw = &src.settings.firewall;
        Firewall {
            enabled: fw.enabled,
            tier: fw.tier,
            // Azure Firewall always takes the first usable address (.4) of its subnet, so
            // routes can point at it before it exists.
            private_ip_address: first_host(src, HubRole::Firewall),
            zones: zones(fw.zone_redundant),
            threat_intel_mode: fw.threat_intel_mode,
        }
    }
}
