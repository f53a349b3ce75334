//! The `onPremisesSites` parameter: the site-to-site connections the hub's VPN gateway makes.
//! (The `vpnGateway` parameter is the environment's `vpnGateway` settings as they are.)

use serde::Serialize;

use crate::model::name_key::{NameKey, SitePart};
use crate::model::params::Source;

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
