//! Whether the virtual machines placed in a spoke subnet fit in it. Azure reserves five
//! addresses of every subnet (the network address, three for Azure services and the broadcast
//! address), so a /29 holds three network interfaces: a fourth VM placed there would render
//! code whose deployment fails with the subnet full. The VMs counted are every VM of the
//! environment, the landing-zone file's and the inventory's (Azure Migrate's cutover gives each
//! migrated server a network interface in its subnet too).
//!
//! Not for: whether the spoke and subnet exist, or a delegated subnet's rules (the rehost
//! checks say that), nor the addresses private endpoints take in application subnets.

use std::collections::BTreeMap;

use crate::error::Diagnostic;
use crate::input::settings::Settings;
use crate::model::spoke_subnets::SpokeSubnets;
use crate::model::subnet_rules::SMALLEST_SUBNET;

/// Addresses Azure reserves in every subnet. Source: Azure Virtual Network FAQ, "Are there any
/// restrictions on using IP addresses within these subnets?" (learn.microsoft.com/azure/
/// virtual-network/virtual-networks-faq): the first four and the last address of each subnet.
pub(crate) const RESERVED_ADDRESSES: u64 = 5;

/// One problem per subnet with more VMs than addresses, keyed at the subnet's prefix (or the
/// spoke's address space, when meg laid the subnet out).
pub(crate) fn check(s: &Settings, subnets: &SpokeSubnets) -> Vec<Diagnostic> {
    let mut placed: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for (vm, spec) in &s.migration.virtual_machines {
        placed
            .entry((spec.spoke.as_str(), spec.subnet.as_str()))
            .or_default()
            .push(vm.as_str());
    }
    let mut out = Vec::new();
    for (index, spoke) in s.network.spokes.iter().enumerate() {
        for subnet in subnets.of_spoke(&spoke.name) {
            let Some(vms) = placed.get(&(spoke.name.as_str(), subnet.name.as_str())) else {
                continue;
            };
            // A subnet below Azure's smallest is refused by the layout check already.
            if subnet.address_prefix.prefix() > SMALLEST_SUBNET {
                continue;
            }
            let usable = subnet
                .address_prefix
                .size()
                .saturating_sub(RESERVED_ADDRESSES);
            if vms.len() as u64 <= usable {
                continue;
            }
            let pointer = match &spoke.subnets {
                Some(given) => match given.iter().position(|g| g.name == subnet.name) {
                    Some(j) => format!("/network/spokes/{index}/subnets/{j}/addressPrefix"),
                    None => format!("/network/spokes/{index}"),
                },
                None => format!("/network/spokes/{index}/addressSpace"),
            };
            let listed = if vms.len() > 10 {
                format!("{} and {} more", vms[..10].join(", "), vms.len() - 10)
            } else {
                vms.join(", ")
            };
            out.push(
                Diagnostic::at_key(
                    pointer,
                    format!(
                        "subnet '{}' of spoke '{}' ({}) has {usable} addresses for network interfaces (Azure reserves {RESERVED_ADDRESSES} of every subnet), but {} virtual machines are placed in it: {listed}",
                        subnet.name,
                        spoke.name,
                        subnet.address_prefix,
                        vms.len()
                    ),
                )
                .hint(format!(
                    "give subnet '{}' a larger prefix, or place some of the VMs in another subnet",
                    subnet.name
                )),
            );
        }
    }
    out
}
