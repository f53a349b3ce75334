//! The `dnsResolver` parameter: the hub's DNS Private Resolver and its forwarding rules.

use serde::Serialize;

use crate::model::network::HubRole;
use crate::model::params::{Source, hub_network::first_host};

/// The `dnsResolver` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct DnsResolver {
    pub enabled: bool,
    /// The inbound endpoint's static address; `None` where the hub has no resolver.
    pub inbound_ip_address: Option<String>,
    pub forwarding_rules: Vec<ForwardingRule>,
}

/// One on-premises domain forwarded to the on-premises DNS servers.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct ForwardingRule {
    /// Fully qualified, with its trailing dot.
    pub domain: String,
    pub target_dns_servers: Vec<String>,
}

impl DnsResolver {
    /// From the environment's `dnsResolver` and `onPremises` settings and hub layout.
    pub fn new(src: &Source) -> Self {
        let s = src.settings;
        let targets: Vec<String> = s
            .on_premises
            .dns_servers
            .iter()
            .map(ToString::to_string)
            .collect();
        DnsResolver {
            enabled: s.dns_resolver.enabled,
            inbound_ip_address: first_host(src, HubRole::DnsResolverInbound),
            forwarding_rules: s
                .on_premises
                .domains
                .iter()
                .map(|d| ForwardingRule {
                    domain: format!("{d}."),
                    target_dns_servers: targets.clone(),
                })
                .collect(),
        }
    }
}
