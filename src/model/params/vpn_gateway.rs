//! The `vpnGateway` parameter (the environment's `vpnGateway` settings, with the zones of its
//! public IPs) and the `onPremisesSites` parameter: the site-to-site connections the hub's VPN
//! gateway makes.

use serde::Serialize;

use crate::input::settings;

use crate::model::name_key::{NameKey, SitePart};
use crate::model::params::Source;

/// The `vpnGateway` parameter: the settings as they are, each one a property, and the zones of
/// the gateway's public IPs.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct VpnGateway<'a> {
    #[serde(flatten)]
    pub settings: &'a settings::VpnGateway,
    /// Zones 1-3 (an AZ SKU's public IPs keep the gateway reachable through a zone failure);
    /// none in a region without availability zones, where Azure refuses a zonal public IP.
    pub zones: Vec<&'static str>,
}

impl<'a> VpnGateway<'a> {
    /// From the environment's settings and its region's zones.
    pub fn new(src: &Source<'a>) -> Self {
        VpnGateway {
            settings: &src.settings.vpn_gateway,
            zones: src.region_zones.to_vec(),
        }
    }
}

/// One item of the `onPremisesSites` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct OnPremisesSite {
    pub name: String,
    pub local_network_gateway_name: String,
    pub connection_name: String,
    pub gateway_address: String,
    pub address_prefixes: Vec<String>,
    /// BGP peer and AS number of the site's device; both `None` for static routing.
    pub bgp_peering_address: Option<String>,
    pub asn: Option<u32>,
}

impl OnPremisesSite {
    /// Every site of the environment, in input order.
    pub fn all(src: &Source) -> Vec<Self> {
        src.settings
            .on_premises
            .sites
            .iter()
            .map(|site| OnPremisesSite {
                name: site.name.clone(),
                local_network_gateway_name: src.name(NameKey::Site(
                    site.name.clone(),
                    SitePart::LocalNetworkGateway,
                )),
                connection_name: src.name(NameKey::Site(site.name.clone(), SitePart::Connection)),
                gateway_address: site.gateway_address.to_string(),
                address_prefixes: site
                    .address_spaces
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
                bgp_peering_address: site.bgp_peering_address.map(|a| a.to_string()),
                asn: site.asn,
            })
            .collect()
    }
}
