//! The `hubNetwork` parameter: the hub meg creates (its address space, subnets and what the
//! spokes take from it), or the existing hub the environment peers to.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::input::settings::ExistingHub;
use crate::model::facts;
use crate::model::name_key::NameKey;
use crate::model::network::{HubRole, SubnetParam};
use crate::model::params::Source;

/// The `hubNetwork` parameter of a hub meg creates.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct HubNetwork {
    pub address_prefixes: Vec<String>,
    pub dns_servers: Vec<String>,
    pub subnets: Vec<SubnetParam>,
    pub bastion_address_prefix: Option<String>,
    /// What the spokes use as DNS servers ([`spoke_dns_servers`]).
    pub spoke_dns_servers: Vec<String>,
    /// [`facts::links_private_dns_zones_to_spokes`].
    pub link_private_dns_zones_to_spokes: bool,
}

impl HubNetwork {
    /// From the environment's `network` settings and hub layout.
    pub fn new(src: &Source) -> Self {
        let s = src.settings;
        HubNetwork {
            address_prefixes: src
                .layout
                .address_space
                .iter()
                .map(ToString::to_string)
                .collect(),
            dns_servers: s
                .network
                .dns_servers
                .iter()
                .map(|a| a.to_string())
                .collect(),
            subnets: src.layout.subnet_params(&|role| {
                src.names
                    .get(&NameKey::HubSubnetNsg(role))
                    .map(|n| n.as_str().to_string())
            }),
            bastion_address_prefix: src
                .layout
                .subnets
                .get(&HubRole::Bastion)
                .map(ToString::to_string),
            spoke_dns_servers: spoke_dns_servers(src),
            link_private_dns_zones_to_spokes: facts::links_private_dns_zones_to_spokes(s),
        }
    }
}

/// The `hubNetwork` parameter of a platform hub (`hubs:`): the hub alone. The spokes' side of
/// it (their DNS servers, zone links) is each attached environment's, through the existing-hub
/// path, so the platform root declares none of it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct PlatformHubNetwork {
    pub address_prefixes: Vec<String>,
    pub dns_servers: Vec<String>,
    pub subnets: Vec<SubnetParam>,
    pub bastion_address_prefix: Option<String>,
}

impl PlatformHubNetwork {
    /// The hub's part of [`HubNetwork`].
    pub fn new(src: &Source) -> Self {
        let HubNetwork {
            address_prefixes,
            dns_servers,
            subnets,
            bastion_address_prefix,
            ..
        } = HubNetwork::new(src);
        PlatformHubNetwork {
            address_prefixes,
            dns_servers,
            subnets,
            bastion_address_prefix,
        }
    }
}

/// The `hubNetwork` parameter of an environment that peers to an existing hub: where the hub
/// is (subscription, resource group, name, for Bicep's `existing` and Terraform's data source),
/// the next hop and DNS servers of the spokes, and the hub's private DNS zones.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct ExistingHubNetwork {
    pub virtual_network_id: String,
    pub subscription_id: String,
    pub resource_group_name: String,
    pub virtual_network_name: String,
    pub firewall_private_ip: Option<String>,
    pub bastion_address_prefix: Option<String>,
    pub use_remote_gateways: bool,
    pub private_dns_zone_ids: BTreeMap<String, String>,
    pub private_endpoint_spoke_index: Option<usize>,
    pub private_endpoint_spoke: Option<String>,
    pub private_endpoint_subnet: Option<String>,
    pub spoke_dns_servers: Vec<String>,
    pub peering_name_prefix: String,
}

impl ExistingHubNetwork {
    /// From `network.hub.existing`.
    pub fn new(src: &Source, hub: &ExistingHub) -> Self {
        let pe = private_endpoint_spoke(src, hub);
        ExistingHubNetwork {
            virtual_network_id: hub.virtual_network_id.clone(),
            subscription_id: hub.id_part("subscriptions").to_string(),
            resource_group_name: hub.id_part("resourceGroups").to_string(),
            virtual_network_name: hub.id_part("virtualNetworks").to_string(),
            firewall_private_ip: hub.firewall_private_ip.map(|a| a.to_string()),
            bastion_address_prefix: hub.bastion_address_prefix.map(|c| c.to_string()),
            use_remote_gateways: hub.use_remote_gateways,
            private_dns_zone_ids: hub.private_dns_zone_ids.clone(),
            private_endpoint_spoke_index: pe.as_ref().map(|(i, _, _)| *i),
            private_endpoint_spoke: pe.as_ref().map(|(_, spoke, _)| spoke.clone()),
            private_endpoint_subnet: pe.as_ref().map(|(_, _, subnet)| subnet.clone()),
            spoke_dns_servers: spoke_dns_servers(src),
            // A shared hub holds many landing zones' peerings and deployments: name ours apart.
            peering_name_prefix: format!("peer-hub-to-{}-{}", src.landing_zone, src.env_name),
        }
    }
}

/// Where the landing zone's own private endpoints go beside an existing hub: (spoke index,
/// spoke name, subnet name), in the named spoke (else the first), in its private-endpoint
/// subnet (else its first subnet).
fn private_endpoint_spoke(src: &Source, hub: &ExistingHub) -> Option<(usize, String, String)> {
    let s = src.settings;
    let (i, spoke) = match &hub.private_endpoint_spoke {
        Some(name) => s
            .network
            .spokes
            .iter()
            .enumerate()
            .find(|(_, sp)| &sp.name == name)?,
        None => s.network.spokes.iter().enumerate().next()?,
    };
    let subnets = src.spoke_subnets.of_spoke(&spoke.name);
    let subnet = subnets
        .iter()
        .find(|sn| sn.name == "private-endpoints")
        .or(subnets.first())?;
    Some((i, spoke.name.clone(), format!("snet-{}", subnet.name)))
}

/// The first address Azure hands out in a hub subnet (see `HubLayout::first_host`).
pub(crate) fn first_host(src: &Source, role: HubRole) -> Option<String> {
    src.layout.first_host(role)
}

/// DNS servers of the spokes: the input's, else the DNS Private Resolver's inbound endpoint
/// (it resolves the private zones linked to the hub and forwards on-premises domains), else the
/// firewall's DNS proxy, else Azure DNS. A spoke on plain Azure DNS would not see the hub's
/// private zones.
fn spoke_dns_servers(src: &Source) -> Vec<String> {
    let s = src.settings;
    if !s.network.dns_servers.is_empty() {
        return s
            .network
            .dns_servers
            .iter()
            .map(|a| a.to_string())
            .collect();
    }
    facts::dns_serving_spokes(s)
        .and_then(|role| first_host(src, role))
        .into_iter()
        .collect()
}
