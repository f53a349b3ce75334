//! The `migration` and `siteRecovery` parameters (rehost): backup, patching, disk encryption
//! administrators, and Azure-to-Azure disaster recovery.

use serde::Serialize;

use crate::input::closed_sets::{BackupStorageRedundancy, RebootSetting, Weekday};
use crate::model::params::Source;

/// The `migration` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Migration {
    pub enabled: bool,
    pub key_vault_administrators: Vec<String>,
    pub backup: Backup,
    pub patching: Patching,
}

/// `migration.backup`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Backup {
    pub storage_redundancy: BackupStorageRedundancy,
    /// Only with geo-redundant storage, which cross-region restore needs.
    pub cross_region_restore: bool,
    pub schedule_time: String,
    pub time_zone: String,
    pub daily_retention_days: u32,
    pub weekly_retention_weeks: u32,
    pub monthly_retention_months: u32,
    pub instant_restore_days: u32,
}

/// `migration.patching`: the Update Manager maintenance window.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Patching {
    pub weekday: Weekday,
    pub start_time: String,
    pub duration: String,
    pub time_zone: String,
    pub reboot: RebootSetting,
    pub windows_classifications: Vec<String>,
    pub linux_classifications: Vec<String>,
}

impl Migration {
    /// From the environment's `migration` settings.
    pub fn new(src: &Source) -> Self {
        let m = &src.settings.migration;
        let b = &m.backup;
        let p = &m.patching;
        Migration {
            enabled: m.enabled,
            key_vault_administrators: m.key_vault_administrators.clone(),
            backup: Backup {
                storage_redundancy: b.storage_redundancy,
                cross_region_restore: b.cross_region_restore
                    && b.storage_redundancy == BackupStorageRedundancy::GeoRedundant,
                schedule_time: b.schedule_time.clone(),
                time_zone: b.time_zone.clone(),
                daily_retention_days: b.daily_retention_days,
                weekly_retention_weeks: b.weekly_retention_weeks,
                monthly_retention_months: b.monthly_retention_months,
                instant_restore_days: b.instant_restore_days,
            },
            patching: Patching {
                weekday: p.weekday,
                start_time: p.start_time.clone(),
                duration: p.duration.clone(),
                time_zone: p.time_zone.clone(),
                reboot: p.reboot,
                windows_classifications: p.windows_classifications.clone(),
                linux_classifications: p.linux_classifications.clone(),
            },
        }
    }
}

/// The `siteRecovery` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct SiteRecovery {
    pub enabled: bool,
    /// The landing zone's region where the environment has no Site Recovery: the type needs one.
    pub recovery_location: String,
    pub recovery_point_retention_minutes: u32,
    pub app_consistent_frequency_minutes: u32,
    pub network_mappings: Vec<NetworkMapping>,
    /// The VMs of one spoke recover to one point in time: a multi-VM group per spoke.
    pub multi_vm_groups: Vec<String>,
}

/// A spoke and the network its servers fail over into.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct NetworkMapping {
    pub spoke: String,
    pub recovery_network_id: String,
}

impl SiteRecovery {
    /// From the environment's `migration.siteRecovery` settings.
    pub fn new(src: &Source) -> Self {
        let m = &src.settings.migration;
        let sr = &m.site_recovery;
        SiteRecovery {
            enabled: m.enabled && sr.enabled,
            recovery_location: sr
                .recovery_location
                .clone()
                .unwrap_or_else(|| src.location.to_string()),
            recovery_point_retention_minutes: sr.recovery_point_retention_hours * 60,
            app_consistent_frequency_minutes: sr.app_consistent_frequency_hours * 60,
            network_mappings: src
                .settings
                .network
                .spokes
                .iter()
                .filter_map(|spoke| {
                    sr.recovery_networks
                        .get(&spoke.name)
                        .map(|id| NetworkMapping {
                            spoke: spoke.name.clone(),
                            recovery_network_id: id.clone(),
                        })
                })
                .collect(),
            multi_vm_groups: multi_vm_groups(src),
        }
    }
}

/// The spokes holding VMs that Site Recovery protects, each one multi-VM consistency group.
fn multi_vm_groups(src: &Source) -> Vec<String> {
    let m = &src.settings.migration;
    if !(m.enabled && m.site_recovery.enabled) {
        return Vec::new();
    }
    let spokes: std::collections::BTreeSet<&str> =
        m.created_vms().map(|(_, vm)| vm.spoke.as_str()).collect();
    spokes.into_iter().map(str::to_string).collect()
}
