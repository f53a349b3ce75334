//! Each spoke's subnets, laid out once per environment.
//!
//! A spoke's subnets are what the input gives, else the subnets of the application it holds
//! (refactor), else one `workload` subnet over the first half of its space. Network checks, VM
//! placement, the spokes' and the existing hub's parameters, Container Apps' prefixes, the NSG
//! names and the README all read this one layout, so they cannot disagree on a subnet. It is not
//! the checks of the layout (`network::check`) nor the rules of what Azure requires of a subnet
//! (`subnet_rules`).

use std::collections::BTreeMap;

use crate::input::settings::{Settings, Spoke, SpokeSubnet};
use crate::model::subnet_rules::{self, SMALLEST_SUBNET};

/// The subnets of every spoke of one environment, by spoke name.
#[derive(Debug, Clone, Default)]
pub struct SpokeSubnets(BTreeMap<String, Vec<SpokeSubnet>>);

impl SpokeSubnets {
    /// Lays out the subnets of every spoke of the environment.
    pub fn of(s: &Settings) -> Self {
        SpokeSubnets(
            s.network
                .spokes
                .iter()
                .map(|spoke| (spoke.name.clone(), lay_out(spoke, s)))
                .collect(),
        )
    }

    /// The subnets of the spoke named `spoke`, in order; none for a spoke the environment does
    /// not have.
    pub fn of_spoke(&self, spoke: &str) -> &[SpokeSubnet] {
        self.0.get(spoke).map_or(&[], Vec::as_slice)
    }
}

/// One spoke's subnets. Subnets of an application spoke carry their service delegation.
fn lay_out(spoke: &Spoke, s: &Settings) -> Vec<SpokeSubnet> {
    match &spoke.subnets {
        Some(given) => given
            .iter()
            .map(|sub| SpokeSubnet {
                delegation: subnet_rules::delegation(s, &spoke.name, &sub.name),
                ..sub.clone()
            })
            .collect(),
        None => match subnet_rules::carve(s, spoke) {
            Some(carved) => carved
                .into_iter()
                .map(|(name, address_prefix)| SpokeSubnet {
                    name: name.into(),
                    address_prefix,
                    delegation: subnet_rules::delegation(s, &spoke.name, name),
                })
                .collect(),
            None => {
                let prefix = (spoke.address_space.prefix() + 1)
                    .min(SMALLEST_SUBNET)
                    .max(spoke.address_space.prefix());
                vec![SpokeSubnet {
                    name: "workload".into(),
                    address_prefix: spoke
                        .address_space
                        .subnet(prefix, 0)
                        .expect("a prefix at least as long fits"),
                    delegation: None,
                }]
            }
        },
    }
}
