//! Facts about an environment's address plan that `meg lint` warns about (NET-002, NET-003):
//! Azure ranges in public address space, and on-premises VPN gateway addresses that fall inside
//! an Azure range. Both deploy, so they are lint warnings rather than input errors: a company
//! may own the public range it uses, but usually the range is a typo or a copied example, and
//! traffic to the real owners of those addresses would then route into Azure.
//!
//! This is not the overlap check between environments (`address_overlaps` refuses overlaps
//! between environments that route to each other; NET-001, in `lint::view`, warns about the
//! rest) nor the subnet layout's own checks (`network`), which refuse what cannot deploy.

use std::net::Ipv4Addr;

use crate::cidr::Cidr;
use crate::model::Environment;

/// The private ranges a virtual network is expected to use: RFC 1918 (10/8, 172.16/12,
/// 192.168/16) and RFC 6598's shared address space (100.64/10), which Azure also treats as
/// private ("Plan virtual networks", learn.microsoft.com/azure/virtual-network/
/// virtual-network-vnet-plan-design-arm: public ranges are allowed, not recommended).
fn private_ranges() -> [Cidr; 4] {
    [
        (Ipv4Addr::new(10, 0, 0, 0), 8),
        (Ipv4Addr::new(172, 16, 0, 0), 12),
        (Ipv4Addr::new(192, 168, 0, 0), 16),
        (Ipv4Addr::new(100, 64, 0, 0), 10),
    ]
    .map(|(a, p)| Cidr::new(a, p).expect("a network address"))
}

/// Every Azure range of the environment, named by what it is (`the hub`, `spoke 'app1'`), with
/// the setting that holds it (`network.spokes[0].addressSpace`).
fn azure_ranges(env: &Environment) -> Vec<(String, Cidr, String)> {
    let hub_key = if env.settings.network.hub.existing.is_some() {
        "network.hub.existing.addressSpace"
    } else {
        "network.hub.addressSpace"
    };
    env.layout
        .address_space
        .map(|c| ("the hub".to_string(), c, hub_key.to_string()))
        .into_iter()
        .chain(
            env.settings
                .network
                .spokes
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    (
                        format!("spoke '{}'", s.name),
                        s.address_space,
                        format!("network.spokes[{i}].addressSpace"),
                    )
                }),
        )
        .collect()
}

/// The environment's Azure ranges that are not inside a private range, each with the setting
/// that holds it, as `"the hub 8.8.0.0/22 at network.hub.addressSpace"`.
pub(crate) fn public_ranges(env: &Environment) -> Vec<String> {
    let private = private_ranges();
    azure_ranges(env)
        .into_iter()
        .filter(|(_, c, _)| !private.iter().any(|p| p.contains(c)))
        .map(|(what, c, key)| format!("{what} {c} at {key}"))
        .collect()
}

/// The on-premises sites whose VPN gateway address lies inside one of the environment's
/// Azure ranges, each with both settings, as `"site 'dc' gateway 10.10.0.5
/// at onPremises.sites[0].gatewayAddress is inside the hub 10.10.0.0/22
/// at network.hub.addressSpace"`.
pub(crate) fn gateways_inside_azure(env: &Environment) -> Vec<String> {
    let ranges = azure_ranges(env);
    env.settings
        .on_premises
        .sites
        .iter()
        .enumerate()
        .flat_map(|(i, site)| {
            let host = Cidr::new(site.gateway_address, 32).expect("a /32 is a network");
            ranges
                .iter()
                .filter(move |(_, c, _)| c.contains(&host))
                .map(move |(what, c, key)| {
                    format!(
                        "site '{}' gateway {} at onPremises.sites[{i}].gatewayAddress is inside {what} {c} at {key}",
                        site.name, site.gateway_address
                    )
                })
        })
        .collect()
}
