//! The `migration` settings of one environment (rehost): backup, patching, Site Recovery and
//! the virtual machines meg deploys itself.
//!
//! Input only: what the workload makes of them lives in `model::workloads::rehost`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::input::closed_sets::{BackupStorageRedundancy, RebootSetting, VmOs, Weekday};

/// The `migration` settings of one environment.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Migration {
    pub enabled: bool,
    /// Object IDs given Key Vault Crypto Officer on the disk encryption vault.
    pub key_vault_administrators: Vec<String>,
    pub backup: Backup,
    pub patching: Patching,
    pub site_recovery: SiteRecovery,
    pub virtual_machines: BTreeMap<String, VirtualMachine>,
}

/// Azure Backup of the migrated servers.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Backup {
    pub storage_redundancy: BackupStorageRedundancy,
    pub cross_region_restore: bool,
    pub schedule_time: String,
    pub time_zone: String,
    pub daily_retention_days: u32,
    pub weekly_retention_weeks: u32,
    pub monthly_retention_months: u32,
    pub instant_restore_days: u32,
}

/// The Update Manager maintenance window.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Patching {
    pub weekday: Weekday,
    pub start_time: String,
    pub duration: String,
    pub time_zone: String,
    pub reboot: RebootSetting,
    pub windows_classifications: Vec<String>,
    pub linux_classifications: Vec<String>,
}

/// Azure-to-Azure disaster recovery into a second region.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SiteRecovery {
    pub enabled: bool,
    pub recovery_location: Option<String>,
    pub recovery_point_retention_hours: u32,
    pub app_consistent_frequency_hours: u32,
    pub recovery_networks: BTreeMap<String, String>,
}

/// A virtual machine meg deploys itself (most arrive through Azure Migrate instead).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VirtualMachine {
    pub spoke: String,
    pub subnet: String,
    pub os: VmOs,
    pub size: String,
    #[serde(default)]
    pub zone: Option<String>,
    #[serde(default)]
    pub os_disk_size_gb: Option<u32>,
    #[serde(default)]
    pub data_disks: Vec<u32>,
    #[serde(default)]
    pub image: Option<Image>,
    /// OS disk storage type; `None`: Premium SSD.
    #[serde(default)]
    pub os_disk_storage: Option<String>,
    /// Storage type of each data disk, in the order of `data_disks`; missing ones Premium SSD.
    #[serde(default)]
    pub data_disk_storage: Vec<String>,
    /// The inventory row this VM was sized from (servers of `migration.inventory`).
    #[serde(default)]
    pub migrated_from: Option<MigratedFrom>,
}

/// Where a VM from an inventory came from, and why it has its size.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MigratedFrom {
    pub server: String,
    pub origin: String,
    pub size_source: String,
    pub reason: String,
    /// The wave that replicates it.
    #[serde(default)]
    pub wave: Option<String>,
    /// The inventory's machine ID (an Azure Migrate machine resource ID, or a VMware UUID).
    #[serde(default)]
    pub machine_id: Option<String>,
    /// `WindowsServer` (Azure Hybrid Benefit) or `NoLicenseType`.
    #[serde(default)]
    pub license_type: Option<String>,
    /// `hyperV`, `physical` or `other` when the inventory says the server is not a VMware VM:
    /// the wave's VMware replication root leaves it out.
    #[serde(default)]
    pub platform: Option<String>,
}

/// A marketplace image reference.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Image {
    pub publisher: String,
    pub offer: String,
    pub sku: String,
    pub version: String,
}

impl VirtualMachine {
    /// Whether it runs Windows (else Linux).
    pub fn windows(&self) -> bool {
        self.os == VmOs::Windows
    }

    /// Whether Azure Migrate replicates it in a wave (a server of `migration.inventory`):
    /// its cutover creates the VM, so the environment must not create it from an image too.
    pub fn replicated(&self) -> bool {
        self.migrated_from
            .as_ref()
            .is_some_and(|m| m.wave.is_some())
    }
}

impl Migration {
    /// The VMs the environment creates itself from an image: every one but those replicated.
    pub fn created_vms(&self) -> impl Iterator<Item = (&String, &VirtualMachine)> {
        self.virtual_machines
            .iter()
            .filter(|(_, vm)| !vm.replicated())
    }
}
