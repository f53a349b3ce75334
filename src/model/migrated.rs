//! The servers an inventory brought into an environment, as the README lists them: each VM
//! with its size, where it lands, the inventory row it came from and why it has that size.
//!
//! Typed rather than a JSON object per server, both on the way in (`ServerVms`) and out: at Azure Migrate's import limit (20,000 servers)
//! a map per row is most of a render's memory. Not the servers themselves: those are the
//! environment's settings (`migration.virtualMachines`) and its waves (`model::waves`).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::input::migration::VirtualMachine;
use crate::input::settings::Settings;

/// The VMs an inventory brings, by environment, then by VM name: added to each environment's
/// `migration.virtualMachines` as it resolves.
pub type ServerVms = BTreeMap<String, BTreeMap<String, VirtualMachine>>;

/// One VM sized from an inventory row.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MigratedVm {
    /// VM name (the `migration.virtualMachines` key).
    pub name: String,
    /// Azure VM size.
    pub size: String,
    /// Spoke it lands in.
    pub spoke: String,
    /// Subnet of that spoke.
    pub subnet: String,
    /// The server's name in the inventory.
    pub server: String,
    /// The file and row it came from.
    pub origin: String,
    /// Where its size came from (`assessment`, `as-on-premises`).
    pub size_source: String,
    /// Why it has that size, in a sentence.
    pub reason: String,
}

/// The VMs of an environment sized from an inventory, in name order; none when migration is
/// off.
pub fn of(s: &Settings) -> Vec<MigratedVm> {
    if !s.migration.enabled {
        return Vec::new();
    }
    s.migration
        .virtual_machines
        .iter()
        .filter_map(|(name, vm)| {
            let from = vm.migrated_from.as_ref()?;
            Some(MigratedVm {
                name: name.clone(),
                size: vm.size.clone(),
                spoke: vm.spoke.clone(),
                subnet: vm.subnet.clone(),
                server: from.server.clone(),
                origin: from.origin.clone(),
                size_source: from.size_source.to_string(),
                reason: from.reason.clone(),
            })
        })
        .collect()
}
