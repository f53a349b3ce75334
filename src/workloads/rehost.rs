//! Rehost: backup, Site Recovery, Azure Migrate and patching around servers moved as they are.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Value, json};

use super::{Name, Push};
use crate::error::Diagnostic;
use crate::model::Environment;
use crate::network;
use crate::settings::Settings;

/// The `migration` settings of one environment.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[allow(missing_docs)]
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
#[allow(missing_docs)]
pub struct Backup {
    pub storage_redundancy: String,
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
#[allow(missing_docs)]
pub struct Patching {
    pub weekday: String,
    pub start_time: String,
    pub duration: String,
    pub time_zone: String,
    pub reboot: String,
    pub windows_classifications: Vec<String>,
    pub linux_classifications: Vec<String>,
}

/// Azure-to-Azure disaster recovery into a second region.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[allow(missing_docs)]
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
#[allow(missing_docs)]
pub struct VirtualMachine {
    pub spoke: String,
    pub subnet: String,
    pub os: String,
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
#[allow(missing_docs)]
pub struct MigratedFrom {
    pub server: String,
    pub origin: String,
    pub size_source: String,
    pub reason: String,
}

/// A marketplace image reference.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Image {
    pub publisher: String,
    pub offer: String,
    pub sku: String,
    pub version: String,
}

impl VirtualMachine {
    fn windows(&self) -> bool {
        self.os == "windows"
    }

    /// The image to use: the input's, else a supported Windows Server or Ubuntu LTS.
    fn image(&self) -> Value {
        match &self.image {
            Some(i) => {
                json!({"publisher": i.publisher, "offer": i.offer, "sku": i.sku, "version": i.version})
            }
            None if self.windows() => json!({
                "publisher": "MicrosoftWindowsServer",
                "offer": "WindowsServer",
                "sku": "2022-datacenter-azure-edition",
                "version": "latest",
            }),
            None => json!({
                "publisher": "Canonical",
                "offer": "ubuntu-24_04-lts",
                "sku": "server",
                "version": "latest",
            }),
        }
    }
}

/// Fixed name keys: (key, naming kind, workload token).
pub const NAMES: &[(&str, &str, &str)] = &[
    ("migrationResourceGroup", "resourceGroup", "migration"),
    ("recoveryServicesVault", "recoveryServicesVault", "backup"),
    ("migrateProject", "migrateProject", "srv"),
    (
        "maintenanceConfiguration",
        "maintenanceConfiguration",
        "servers",
    ),
    ("diskEncryptionKeyVault", "keyVault", "cmk"),
    (
        "diskEncryptionKeyVaultPrivateEndpoint",
        "privateEndpoint",
        "kv-cmk",
    ),
    ("diskEncryptionSet", "diskEncryptionSet", "servers"),
    (
        "diskEncryptionIdentity",
        "userAssignedIdentity",
        "des-servers",
    ),
    ("dataCollectionRule", "dataCollectionRule", "servers"),
    ("recoveryResourceGroup", "resourceGroup", "recovery"),
    ("siteRecoveryVault", "recoveryServicesVault", "asr"),
    (
        "siteRecoveryReplicationPolicy",
        "siteRecoveryReplicationPolicy",
        "vms",
    ),
    ("siteRecoveryCacheStorage", "storageAccount", "asrcache"),
];

/// Which parts of the workload an environment deploys.
pub fn deploy_flags(s: &Settings) -> Vec<(&'static str, bool)> {
    let m = &s.migration;
    let vms = || m.virtual_machines.values();
    vec![
        ("migration", m.enabled),
        ("siteRecovery", m.enabled && m.site_recovery.enabled),
        (
            "virtualMachines",
            m.enabled && !m.virtual_machines.is_empty(),
        ),
        (
            "windowsVirtualMachines",
            m.enabled && vms().any(|v| v.windows()),
        ),
        (
            "linuxVirtualMachines",
            m.enabled && vms().any(|v| !v.windows()),
        ),
    ]
}

/// Whether a fixed name key of this workload is deployed; `None` for keys it does not own.
pub fn name_deployed(key: &str, on: &dyn Fn(&str) -> bool) -> Option<bool> {
    if !NAMES.iter().any(|(k, _, _)| *k == key) {
        return None;
    }
    Some(match key {
        "recoveryResourceGroup" => on("siteRecovery"),
        k if k.starts_with("siteRecovery") => on("siteRecovery"),
        "dataCollectionRule" => on("virtualMachines"),
        _ => on("migration"),
    })
}

/// The region a fixed name key's resource lives in when it is not the landing zone's: Site
/// Recovery's resource group, vault and replication policy sit in the recovery region, so their
/// names carry its code (`rsv-asr-prod-neu-001` beside servers in Sweden Central).
pub fn name_region<'s>(key: &str, s: &'s Settings) -> Option<(&'s str, &'static str)> {
    let sr = &s.migration.site_recovery;
    let in_recovery_region = matches!(
        key,
        "recoveryResourceGroup" | "siteRecoveryVault" | "siteRecoveryReplicationPolicy"
    );
    if !(in_recovery_region && s.migration.enabled && sr.enabled) {
        return None;
    }
    sr.recovery_location
        .as_deref()
        .map(|region| (region, "/migration/siteRecovery/recoveryLocation"))
}

/// Per-item names: each VM's network interface and disks (the VM keeps the name it had).
pub fn names(s: &Settings, name: &mut Name) {
    if !s.migration.enabled {
        return;
    }
    for (vm, spec) in &s.migration.virtual_machines {
        name(format!("vm.{vm}.networkInterface"), "networkInterface", vm);
        name(
            format!("vm.{vm}.osDisk"),
            "managedDisk",
            &format!("{vm}-os"),
        );
        for lun in 0..spec.data_disks.len() {
            name(
                format!("vm.{vm}.dataDisk.{lun}"),
                "managedDisk",
                &format!("{vm}-data{lun}"),
            );
        }
    }
}

/// Checks a schema cannot express: a VM's spoke and subnet exist, its name suits Azure, and
/// Site Recovery has a region other than the landing zone's and maps only known spokes.
pub fn check(s: &Settings, location: &str, locate: &dyn Fn(&str) -> String) -> Vec<Diagnostic> {
    let m = &s.migration;
    let mut out = Vec::new();
    if !m.enabled {
        // The VMs' backup vault, disk encryption set and data collection rule live in the
        // migration resource group: without it the VMs would be dropped without a word.
        if !m.virtual_machines.is_empty() {
            out.push(
                Diagnostic::at(
                    locate("/migration/virtualMachines"),
                    "migration.virtualMachines needs migration.enabled: the VMs' backup, disk encryption and monitoring come with it",
                )
                .hint("set migration.enabled: true, or remove the virtual machines"),
            );
        }
        return out;
    }
    let b = &m.backup;
    if b.cross_region_restore && b.storage_redundancy != "GeoRedundant" {
        out.push(
            Diagnostic::at(
                locate("/migration/backup/crossRegionRestore"),
                format!(
                    "cross-region restore needs geo-redundant backup storage, and this environment's is {}",
                    b.storage_redundancy
                ),
            )
            .hint("set migration.backup.storageRedundancy: GeoRedundant, or crossRegionRestore: false"),
        );
    }
    let spoke_names: Vec<&str> = s.network.spokes.iter().map(|sp| sp.name.as_str()).collect();
    for (vm, spec) in &m.virtual_machines {
        let here = |field: &str| locate(&format!("/migration/virtualMachines/{vm}{field}"));
        // A Windows computer name: 1 to 15 letters, digits and hyphens, not all digits.
        let valid = (1..=15).contains(&vm.len())
            && vm.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !vm.starts_with('-')
            && !vm.ends_with('-')
            && !vm.chars().all(|c| c.is_ascii_digit());
        if !valid {
            out.push(
                Diagnostic::at(here(""), format!("'{vm}' is not a valid virtual machine name"))
                    .hint("1 to 15 letters, digits and inner hyphens, not all digits: the name is also the computer name"),
            );
        }
        if spec.data_disk_storage.len() > spec.data_disks.len() {
            out.push(
                Diagnostic::at(
                    here("/dataDiskStorage"),
                    format!(
                        "virtual machine '{vm}' gives {} data disk storage types for {} data disks",
                        spec.data_disk_storage.len(),
                        spec.data_disks.len()
                    ),
                )
                .hint("one storage type per entry of dataDisks, in the same order"),
            );
        }
        let Some(spoke) = s.network.spokes.iter().find(|sp| sp.name == spec.spoke) else {
            let mut d = Diagnostic::at(
                here("/spoke"),
                format!(
                    "virtual machine '{vm}' names spoke '{}', which this environment does not have",
                    spec.spoke
                ),
            );
            d = match crate::error::did_you_mean(&spec.spoke, spoke_names.iter().copied()) {
                Some(n) => d.hint(format!("did you mean '{n}'?")),
                None => d.hint(format!("spokes: {}", spoke_names.join(", "))),
            };
            out.push(d);
            continue;
        };
        let subnets: Vec<String> = network::spoke_subnets(spoke, s)
            .into_iter()
            .map(|sn| sn.name)
            .collect();
        if !subnets.contains(&spec.subnet) {
            let d = Diagnostic::at(
                here("/subnet"),
                format!(
                    "virtual machine '{vm}' names subnet '{}', which spoke '{}' does not have",
                    spec.subnet, spoke.name
                ),
            );
            out.push(
                match crate::error::did_you_mean(&spec.subnet, subnets.iter().map(String::as_str)) {
                    Some(n) => d.hint(format!("did you mean '{n}'?")),
                    None => d.hint(format!(
                        "subnets of '{}': {}",
                        spoke.name,
                        subnets.join(", ")
                    )),
                },
            );
        }
    }
    let sr = &m.site_recovery;
    if sr.enabled {
        match sr.recovery_location.as_deref() {
            None => out.push(
                Diagnostic::at(
                    locate("/migration/siteRecovery"),
                    "Site Recovery is on but has no recoveryLocation",
                )
                .hint("set migration.siteRecovery.recoveryLocation, usually the region paired with the landing zone's"),
            ),
            Some(l) if l == location => out.push(Diagnostic::at(
                locate("/migration/siteRecovery/recoveryLocation"),
                format!("the recovery region must differ from the landing zone's region '{location}'"),
            )),
            Some(_) => {}
        }
        for spoke in sr.recovery_networks.keys() {
            if !spoke_names.contains(&spoke.as_str()) {
                out.push(
                    Diagnostic::at(
                        locate(&format!("/migration/siteRecovery/recoveryNetworks/{spoke}")),
                        format!("recovery network for spoke '{spoke}', which this environment does not have"),
                    )
                    .hint(match crate::error::did_you_mean(spoke, spoke_names.iter().copied()) {
                        Some(n) => format!("did you mean '{n}'?"),
                        None => format!("spokes: {}", spoke_names.join(", ")),
                    }),
                );
            }
        }
    }
    out
}

/// Parameters, when some environment deploys the workload.
pub fn params(env: &Environment, on: &dyn Fn(&str) -> bool, push: &mut Push) {
    if !on("migration") {
        return;
    }
    let m = &env.settings.migration;
    let b = &m.backup;
    let p = &m.patching;
    push(
        "migration",
        json!({
            "enabled": m.enabled,
            "keyVaultAdministrators": m.key_vault_administrators,
            "backup": {
                "storageRedundancy": b.storage_redundancy,
                // Cross-region restore needs geo-redundant storage.
                "crossRegionRestore": b.cross_region_restore && b.storage_redundancy == "GeoRedundant",
                "scheduleTime": b.schedule_time,
                "timeZone": b.time_zone,
                "dailyRetentionDays": b.daily_retention_days,
                "weeklyRetentionWeeks": b.weekly_retention_weeks,
                "monthlyRetentionMonths": b.monthly_retention_months,
                "instantRestoreDays": b.instant_restore_days,
            },
            "patching": {
                "weekday": p.weekday,
                "startTime": p.start_time,
                "duration": p.duration,
                "timeZone": p.time_zone,
                "reboot": p.reboot,
                "windowsClassifications": p.windows_classifications,
                "linuxClassifications": p.linux_classifications,
            },
        }),
        false,
    );
    if on("siteRecovery") {
        let sr = &m.site_recovery;
        let networks: Vec<Value> = env
            .settings
            .network
            .spokes
            .iter()
            .filter_map(|spoke| {
                sr.recovery_networks
                    .get(&spoke.name)
                    .map(|id| json!({"spoke": spoke.name, "recoveryNetworkId": id}))
            })
            .collect();
        push(
            "siteRecovery",
            json!({
                "enabled": m.enabled && sr.enabled,
                // An environment without Site Recovery still needs a value for the type.
                "recoveryLocation": sr.recovery_location.clone().unwrap_or_else(|| env.location.clone()),
                "recoveryPointRetentionMinutes": sr.recovery_point_retention_hours * 60,
                "appConsistentFrequencyMinutes": sr.app_consistent_frequency_hours * 60,
                "networkMappings": networks,
            }),
            false,
        );
    }
    if on("virtualMachines") {
        let vms: Vec<Value> = m
            .virtual_machines
            .iter()
            .filter(|_| m.enabled)
            .map(|(vm, spec)| {
                let name = |k: &str| {
                    env.names
                        .get(&format!("vm.{vm}.{k}"))
                        .map(|n| n.as_str().to_string())
                        .unwrap_or_default()
                };
                let spoke = |k: &str| {
                    env.names
                        .get(&format!("spoke.{}.{k}", spec.spoke))
                        .map(|n| n.as_str().to_string())
                        .unwrap_or_default()
                };
                json!({
                    "name": vm,
                    "spoke": spec.spoke,
                    "resourceGroupName": spoke("resourceGroup"),
                    "virtualNetworkName": spoke("virtualNetwork"),
                    "subnetName": format!("snet-{}", spec.subnet),
                    "os": spec.os,
                    "size": spec.size,
                    "zone": spec.zone,
                    "osDiskSizeGb": spec.os_disk_size_gb,
                    "osDiskStorage": spec.os_disk_storage.as_deref().unwrap_or("Premium_LRS"),
                    "networkInterfaceName": name("networkInterface"),
                    "osDiskName": name("osDisk"),
                    "dataDisks": spec.data_disks.iter().enumerate().map(|(lun, size)| json!({
                        "name": name(&format!("dataDisk.{lun}")),
                        "lun": lun,
                        "sizeGb": size,
                        "storage": spec.data_disk_storage.get(lun).map_or("Premium_LRS", String::as_str),
                    })).collect::<Vec<_>>(),
                    "image": spec.image(),
                })
            })
            .collect();
        push("virtualMachines", json!(vms), false);
    }
}

/// The VMs sized from an inventory, for the README: name, size, and where and why.
pub fn migrated(s: &Settings) -> Vec<Value> {
    if !s.migration.enabled {
        return Vec::new();
    }
    s.migration
        .virtual_machines
        .iter()
        .filter_map(|(name, vm)| {
            let from = vm.migrated_from.as_ref()?;
            Some(json!({
                "name": name,
                "size": vm.size,
                "spoke": vm.spoke,
                "subnet": vm.subnet,
                "server": from.server,
                "origin": from.origin,
                "sizeSource": from.size_source,
                "reason": from.reason,
            }))
        })
        .collect()
}

/// Secret parameters: (name, when some environment needs it). Never written to a file.
pub fn secrets(on: &dyn Fn(&str) -> bool, s: &Settings) -> Vec<(&'static str, bool)> {
    let has = |os: &str| {
        s.migration.enabled && s.migration.virtual_machines.values().any(|vm| vm.os == os)
    };
    let mut out = Vec::new();
    if on("windowsVirtualMachines") {
        out.push(("vmAdminPassword", has("windows")));
    }
    if on("linuxVirtualMachines") {
        out.push(("vmAdminSshPublicKey", has("linux")));
    }
    out
}
