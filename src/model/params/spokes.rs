//! The `spokes` parameter: each spoke's resource group, network, route table, tags and subnets.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::name_key::{NameKey, SpokePart};
use crate::model::params::Source;

/// One item of the `spokes` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Spoke {
    pub name: String,
    pub resource_group_name: String,
    pub virtual_network_name: String,
    pub route_table_name: String,
    pub address_prefixes: Vec<String>,
    /// The spoke's own tags, over the landing zone's (`workload`, `owner`, `costCenter`).
    pub tags: BTreeMap<&'static str, String>,
    pub subnets: Vec<SpokeSubnet>,
}

/// One subnet of a spoke.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct SpokeSubnet {
    /// `snet-<name>`.
    pub name: String,
    pub address_prefix: String,
    pub network_security_group_name: String,
    /// Only delegated subnets carry the key, so spokes without one render as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delegation: Option<&'static str>,
}

impl Spoke {
    /// Every spoke of the environment, in input order.
    pub fn all(src: &Source) -> Vec<Self> {
        let s = src.settings;
        s.network
            .spokes
            .iter()
            .map(|spoke| {
                let part = |p| src.name(NameKey::Spoke(spoke.name.clone(), p));
                Spoke {
                    name: spoke.name.clone(),
                    resource_group_name: part(SpokePart::ResourceGroup),
                    virtual_network_name: part(SpokePart::VirtualNetwork),
                    route_table_name: part(SpokePart::RouteTable),
                    address_prefixes: vec![spoke.address_space.to_string()],
                    tags: spoke_tags(spoke),
                    subnets: src
                        .spoke_subnets
                        .of_spoke(&spoke.name)
                        .iter()
                        .map(|sn| SpokeSubnet {
                            name: format!("snet-{}", sn.name),
                            address_prefix: sn.address_prefix.to_string(),
                            network_security_group_name: src
                                .name(NameKey::SpokeSubnetNsg(spoke.name.clone(), sn.name.clone())),
                            delegation: sn.delegation,
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

/// A spoke's tags, owned.
pub(crate) fn spoke_tags(spoke: &crate::input::settings::Spoke) -> BTreeMap<&'static str, String> {
    crate::input::tags::spoke_tags(spoke)
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .collect()
}
