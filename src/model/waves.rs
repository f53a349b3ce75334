//! Replication waves: the servers of `migration.inventory` grouped by the wave that replicates
//! them, each wave one deployment root (`bicep/waves/<wave>/`, `terraform/waves/<wave>/`) that
//! enables Azure Migrate's agentless VMware replication of its servers.
//!
//! Decided here once for both targets: each server's target (resource group, network, subnet,
//! VM name, size, zone, disk types, licence type), its source machine ID when the inventory
//! holds one, and how a wave is split into ARM deployments. Not here: which wave a server is in
//! (the inventory's plan decides, `inventory::plan`), nor the replication infrastructure Azure
//! Migrate creates itself (vault, fabric, container, policy, run-as account, log storage
//! account): those are parameters of the wave root that its README says how to read.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::input::closed_sets::LicenseType;
use crate::input::settings::Settings;
use crate::model::fixed_name::FixedName;
use crate::model::name_key::{NameKey, SpokePart};
use crate::model::names::Names;

/// What the waves read of one environment (the model's environment, seen from here).
pub struct EnvironmentView<'a> {
    /// The environment's name.
    pub name: &'a str,
    /// Its settings: `migration.virtualMachines` holds the inventory's servers.
    pub settings: &'a Settings,
    /// Every resource name of the environment, by name key.
    pub names: &'a Names,
    /// The environment's tags.
    pub tags: serde_json::Value,
}

/// Servers per ARM deployment of a wave root.
///
/// ARM takes at most 800 resources per deployment and a template of at most 4 MB after its
/// loops and parameters are expanded (learn.microsoft.com/azure/azure-resource-manager/templates/best-practices,
/// "Template limits"; .../management/azure-subscription-service-limits, "Azure Resource Manager
/// limits"). A migration item is one resource, so 800 would fit; 200 keeps each nested
/// deployment small (a failed batch is quick to redeploy) and, with the batches deployed one
/// after another, never asks the replication appliance to start more than 200 replications at
/// once (Azure Migrate's agentless VMware replication runs at most 500 replications at a time
/// per vCenter Server: learn.microsoft.com/azure/migrate/migrate-support-matrix-vmware-migration).
pub const BATCH_SIZE: usize = 200;

/// ARM's limit on resources per deployment (see [`BATCH_SIZE`]).
pub const ARM_RESOURCES_PER_DEPLOYMENT: usize = 800;

/// One wave: the servers Azure Migrate replicates together.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Wave {
    /// The wave's name, lower-case letters, digits and hyphens (`dev-wave-1`): its folder.
    pub name: String,
    /// The environment its servers land in.
    pub environment: String,
    /// The disk encryption set of that environment (its customer-managed key), which every
    /// replicated disk uses: resource group and name.
    pub disk_encryption_set_resource_group: String,
    /// The disk encryption set's name.
    pub disk_encryption_set: String,
    /// The environment's resource group for migration (Azure Migrate project and vault).
    pub migration_resource_group: String,
    /// The environment's Azure Migrate project.
    pub migrate_project: String,
    /// Tags every replicated VM, disk and NIC gets: the environment's.
    pub tags: serde_json::Value,
    /// Tags the replicated VMs get besides: the vault and patch window that enrol them
    /// (`model::enrolment`), which the environment's backup policy and patch schedule match.
    pub enrolment_tags: BTreeMap<String, String>,
    /// The servers, by VM name.
    pub servers: Vec<WaveServer>,
    /// ARM deployments the Bicep root splits the servers into: one per [`BATCH_SIZE`] servers.
    pub batches: usize,
    /// Servers per deployment.
    pub batch_size: usize,
}

/// One server of a wave: where Azure Migrate's cutover creates it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WaveServer {
    /// The VM's name in Azure (the migration item's name too).
    pub name: String,
    /// The server's name in the inventory (Azure Migrate's display name of the machine).
    pub source_name: String,
    /// Azure Migrate's machine resource ID, when the inventory holds one; empty otherwise
    /// (the wave root's parameter then waits for it).
    pub machine_id: String,
    /// The VMware UUID the inventory gives instead, to find the machine by.
    pub vmware_uuid: Option<String>,
    /// Target resource group: the spoke's.
    pub resource_group_name: String,
    /// Target virtual network: the spoke's (in the same resource group).
    pub virtual_network_name: String,
    /// Target subnet.
    pub subnet_name: String,
    /// VM size.
    pub size: String,
    /// Availability zone, empty for none.
    pub zone: String,
    /// `WindowsServer` (Azure Hybrid Benefit) or `NoLicenseType`.
    pub license_type: String,
    /// The OS family, `windows` or `linux`.
    pub os: String,
    /// Storage type of each disk, the OS disk first (one at least).
    pub disk_types: Vec<String>,
}

/// The waves of a landing zone, in environment order (dev, test, prod) then by name: every
/// server of an inventory in an environment with `migration.enabled`.
pub fn of<'a>(environments: impl IntoIterator<Item = EnvironmentView<'a>>) -> Vec<Wave> {
    let mut out = Vec::new();
    for env in environments {
        let m = &env.settings.migration;
        if !m.enabled {
            continue;
        }
        let name = |key: FixedName| env.names.text(key).to_string();
        let tags = &env.tags;
        let mut by_wave: BTreeMap<&str, Vec<WaveServer>> = BTreeMap::new();
        for (vm, spec) in &m.virtual_machines {
            let Some(from) = spec.migrated_from.as_ref() else {
                continue;
            };
            let Some(wave) = from.wave.as_deref() else {
                continue;
            };
            // Agentless VMware replication only: a Hyper-V VM or a physical server moves by
            // another path, which its runbook names. Its wave keeps a root (maybe of no server),
            // since its pipeline deploys one.
            if from.platform.is_some() {
                by_wave.entry(wave).or_default();
                continue;
            }
            let spoke = |part| {
                env.names
                    .text(NameKey::Spoke(spec.spoke.clone(), part))
                    .to_string()
            };
            let (machine_id, vmware_uuid) = match from.machine_id.as_deref() {
                Some(id) if is_machine_resource_id(id) => (id.to_string(), None),
                Some(uuid) => (String::new(), Some(uuid.to_string())),
                None => (String::new(), None),
            };
            let premium = "Premium_LRS".to_string();
            let mut disk_types = vec![spec.os_disk_storage.clone().unwrap_or(premium.clone())];
            disk_types.extend((0..spec.data_disks.len()).map(|lun| {
                spec.data_disk_storage
                    .get(lun)
                    .cloned()
                    .unwrap_or(premium.clone())
            }));
            by_wave.entry(wave).or_default().push(WaveServer {
                name: vm.clone(),
                source_name: from.server.clone(),
                machine_id,
                vmware_uuid,
                resource_group_name: spoke(SpokePart::ResourceGroup),
                virtual_network_name: spoke(SpokePart::VirtualNetwork),
                subnet_name: format!("snet-{}", spec.subnet),
                size: spec.size.clone(),
                zone: spec.zone.clone().unwrap_or_default(),
                license_type: from
                    .license_type
                    .unwrap_or(LicenseType::NoLicenseType)
                    .to_string(),
                os: if spec.windows() { "windows" } else { "linux" }.to_string(),
                disk_types,
            });
        }
        let enrolment_tags: BTreeMap<String, String> = crate::model::enrolment::tags(
            &name(FixedName::RecoveryServicesVault),
            &name(FixedName::MaintenanceConfiguration),
        )
        .into_iter()
        .map(|t| (t.name, t.value))
        .collect();
        for (wave, servers) in by_wave {
            out.push(Wave {
                enrolment_tags: enrolment_tags.clone(),
                name: wave.to_string(),
                environment: env.name.to_string(),
                disk_encryption_set_resource_group: name(FixedName::MigrationResourceGroup),
                disk_encryption_set: name(FixedName::DiskEncryptionSet),
                migration_resource_group: name(FixedName::MigrationResourceGroup),
                migrate_project: name(FixedName::MigrateProject),
                tags: tags.clone(),
                batches: servers.len().div_ceil(BATCH_SIZE),
                batch_size: BATCH_SIZE,
                servers,
            });
        }
    }
    out
}

/// Whether an inventory's machine ID is Azure Migrate's discovered VMware machine (a resource
/// ID `/subscriptions/…/providers/Microsoft.OffAzure/VMwareSites/<site>/machines/<machine>`),
/// which replication takes as it is, rather than a VMware UUID from RVTools.
pub fn is_machine_resource_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('/').collect();
    // "", subscriptions, <id>, resourceGroups, <rg>, providers, Microsoft.OffAzure,
    // VMwareSites, <site>, machines, <machine>
    parts.len() == 11
        && parts[0].is_empty()
        && parts[1].eq_ignore_ascii_case("subscriptions")
        && parts[3].eq_ignore_ascii_case("resourceGroups")
        && parts[5].eq_ignore_ascii_case("providers")
        && parts[6].eq_ignore_ascii_case("Microsoft.OffAzure")
        && parts[7].eq_ignore_ascii_case("VMwareSites")
        && parts[9].eq_ignore_ascii_case("machines")
        && parts.iter().skip(1).all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_graphic() && c != '\'' && c != '"' && c != '$')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_machine_resource_ids_from_vmware_uuids() {
        assert!(is_machine_resource_id(
            "/subscriptions/0000/resourceGroups/rg-migrate/providers/Microsoft.OffAzure/VMwareSites/site1/machines/m1"
        ));
        assert!(!is_machine_resource_id(
            "4211aa01-0000-4000-8000-000000000001"
        ));
        assert!(!is_machine_resource_id(
            "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OffAzure/HyperVSites/s/machines/m"
        ));
        assert!(!is_machine_resource_id(
            "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OffAzure/VMwareSites/s/machines/m'x"
        ));
    }
}
