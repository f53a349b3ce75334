//! Rehost: backup, Site Recovery, Azure Migrate and patching around servers moved as they are.

use crate::error::Diagnostic;
use crate::input::settings::Settings;
use crate::model::deploy::Deploy;
use crate::model::fixed_name::FixedName;
use crate::model::name_key::{NameKey, ToName, VmPart};
use crate::model::params::enrolment::Enrolment;
use crate::model::params::migration::{Migration, SiteRecovery};
use crate::model::params::virtual_machines::VirtualMachine;
use crate::model::params::{ParamList, Source};
use crate::model::spoke_subnets::SpokeSubnets;

/// The name keys of resources that live in the recovery region.
const IN_RECOVERY_REGION: &[FixedName] = &[
    FixedName::RecoveryResourceGroup,
    FixedName::SiteRecoveryVault,
    FixedName::SiteRecoveryReplicationPolicy,
    FixedName::RecoveryDiskEncryptionKeyVault,
    FixedName::RecoveryDiskEncryptionSet,
    FixedName::RecoveryDiskEncryptionIdentity,
];

/// The region a fixed name key's resource lives in when it is not the landing zone's: Site
/// Recovery's resource group, vault, replication policy and disk encryption set sit in the
/// recovery region, so their names carry its code (`rsv-asr-prod-neu-001` beside servers in
/// Sweden Central).
pub fn name_region(key: FixedName, s: &Settings) -> Option<(&str, &'static str)> {
    let sr = &s.migration.site_recovery;
    let in_recovery_region = IN_RECOVERY_REGION.contains(&key);
    if !(in_recovery_region && s.migration.enabled && sr.enabled) {
        return None;
    }
    sr.recovery_location
        .as_deref()
        .map(|region| (region, "/migration/siteRecovery/recoveryLocation"))
}

/// Per-item names: each VM's network interface and disks (the VM keeps the name it had).
pub(crate) fn names(s: &Settings) -> Vec<ToName> {
    let mut out = Vec::new();
    if !s.migration.enabled {
        return out;
    }
    for (vm, spec) in s.migration.created_vms() {
        out.push(ToName::new(
            NameKey::Vm(vm.clone(), VmPart::NetworkInterface),
            "networkInterface",
            vm.as_str(),
        ));
        out.push(ToName::new(
            NameKey::Vm(vm.clone(), VmPart::OsDisk),
            "managedDisk",
            format!("{vm}-os"),
        ));
        for lun in 0..spec.data_disks.len() {
            out.push(ToName::new(
                NameKey::Vm(vm.clone(), VmPart::DataDisk(lun)),
                "managedDisk",
                format!("{vm}-data{lun}"),
            ));
        }
    }
    out
}

/// Checks a schema cannot express: a VM's spoke and subnet exist, its name suits Azure, and
/// Site Recovery has a region other than the landing zone's and maps only known spokes.
pub fn check(s: &Settings, subnets: &SpokeSubnets, location: &str) -> Vec<Diagnostic> {
    let m = &s.migration;
    let mut out = Vec::new();
    if !m.enabled {
        // The VMs' backup vault, disk encryption set and data collection rule live in the
        // migration resource group: without it the VMs would be dropped without a word.
        if !m.virtual_machines.is_empty() {
            out.push(
                Diagnostic::at_key(
                    "/migration/virtualMachines",
                    "migration.virtualMachines needs migration.enabled: the VMs' backup, disk encryption and monitoring come with it",
                )
                .hint("set migration.enabled: true, or remove the virtual machines"),
            );
        }
        return out;
    }
    let b = &m.backup;
    if b.cross_region_restore
        && b.storage_redundancy != crate::input::closed_sets::BackupStorageRedundancy::GeoRedundant
    {
        out.push(
            Diagnostic::at_key(
                "/migration/backup/crossRegionRestore",
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
        let here = |field: &str| {
            format!(
                "/migration/virtualMachines/{}{field}",
                crate::input::values::pointer_token(vm)
            )
        };
        // A Windows computer name: 1 to 15 letters, digits and hyphens, not all digits.
        let valid = (1..=15).contains(&vm.len())
            && vm.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !vm.starts_with('-')
            && !vm.ends_with('-')
            && !vm.chars().all(|c| c.is_ascii_digit());
        if !valid {
            out.push(
                Diagnostic::at_key(here(""), format!("'{vm}' is not a valid virtual machine name"))
                    .hint("1 to 15 letters, digits and inner hyphens, not all digits: the name is also the computer name"),
            );
        }
        if spec.data_disk_storage.len() > spec.data_disks.len() {
            out.push(
                Diagnostic::at_key(
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
            // The message leaves the VM's name to the location, so that forty VMs naming the
            // same missing spoke read as one problem in forty places.
            let mut d = Diagnostic::at_key(
                here("/spoke"),
                format!(
                    "a virtual machine names spoke '{}', which this environment does not have",
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
        let spoke_subnets = subnets.of_spoke(&spoke.name);
        let subnets: Vec<String> = spoke_subnets.iter().map(|sn| sn.name.clone()).collect();
        // A delegated subnet takes only its service's resources: Azure refuses a VM's network
        // interface there, at deployment time, after everything before it was created.
        if let Some(delegation) = spoke_subnets
            .iter()
            .find(|sn| sn.name == spec.subnet)
            .and_then(|sn| sn.delegation)
        {
            let free: Vec<&str> = spoke_subnets
                .iter()
                .filter(|sn| sn.delegation.is_none())
                .map(|sn| sn.name.as_str())
                .collect();
            out.push(
                Diagnostic::at_key(
                    here("/subnet"),
                    format!(
                        "virtual machine '{vm}' is placed in subnet '{}' of spoke '{}', which is delegated to {delegation}: a delegated subnet takes only that service's resources",
                        spec.subnet, spoke.name
                    ),
                )
                .hint(if free.is_empty() {
                    format!("spoke '{}' has no subnet without a delegation: put the VM in another spoke", spoke.name)
                } else {
                    format!("subnets of '{}' without a delegation: {}", spoke.name, free.join(", "))
                }),
            );
        }
        if !subnets.contains(&spec.subnet) {
            let d = Diagnostic::at_key(
                here("/subnet"),
                format!(
                    "a virtual machine names subnet '{}', which spoke '{}' does not have",
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
                Diagnostic::at_key(
                    "/migration/siteRecovery",
                    "Site Recovery is on but has no recoveryLocation",
                )
                .hint("set migration.siteRecovery.recoveryLocation, usually the region paired with the landing zone's"),
            ),
            Some(l) if l == location => out.push(Diagnostic::at_key(
                "/migration/siteRecovery/recoveryLocation",
                format!("the recovery region must differ from the landing zone's region '{location}'"),
            )),
            Some(_) => {}
        }
        for spoke in sr.recovery_networks.keys() {
            if !spoke_names.contains(&spoke.as_str()) {
                out.push(
                    Diagnostic::at_key(
                        format!("/migration/siteRecovery/recoveryNetworks/{spoke}"),
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

/// The VMs Site Recovery protects whose spoke has no recovery network: their protected items
/// replicate, but a failover has no network to bring them up in until one is mapped.
pub fn vms_without_recovery_network(s: &Settings) -> Vec<String> {
    let m = &s.migration;
    if !(m.enabled && m.site_recovery.enabled) {
        return Vec::new();
    }
    m.created_vms()
        .filter(|(_, vm)| !m.site_recovery.recovery_networks.contains_key(&vm.spoke))
        .map(|(name, vm)| format!("{name} (spoke {})", vm.spoke))
        .collect()
}

/// Parameters, when some environment deploys the workload; then the secrets of its virtual
/// machines, read from the environment at deploy time and never written to a file.
pub(crate) fn params(src: &Source) -> ParamList {
    let mut out = ParamList::default();
    let deploy = src.deploy;
    if !deploy.migration {
        return out;
    }
    out.add("migration", &Migration::new(src));
    if deploy.site_recovery {
        out.add("siteRecovery", &SiteRecovery::new(src));
    }
    if deploy.virtual_machines {
        out.add("virtualMachines", &VirtualMachine::all(src));
    }
    if deploy.enrolment {
        out.add("enrolment", &Enrolment::new(src));
    }
    out
}

/// Secret parameters: (name, whether this environment needs it), where some environment does.
pub(crate) fn secrets(deploy: &Deploy, s: &Settings) -> Vec<(&'static str, bool)> {
    // Windows VMs have a password each (model::secrets); Linux VMs share the administrator's
    // public key, which is not a secret to keep apart.
    let linux = s.migration.enabled && s.migration.created_vms().any(|(_, vm)| !vm.windows());
    let mut out = Vec::new();
    if deploy.linux_virtual_machines {
        out.push(("vmAdminSshPublicKey", linux));
    }
    out
}
