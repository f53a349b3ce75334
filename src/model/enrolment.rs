//! Enrolment of the servers Azure Migrate brings: how a VM that the cutover creates (not the
//! environment's root) is backed up and patched without anyone enrolling it by hand.
//!
//! The choice, decided once here for both targets and the wave roots:
//! - **Tags on the migrated VMs**, set by the replication items (`targetVmTags` of VMwareCbt), name
//!   what each VM is enrolled in: [`BACKUP_TAG`] the environment's Recovery Services vault,
//!   [`PATCH_TAG`] its maintenance configuration. The VM carries them from the moment it exists.
//! - **Patching by dynamic scope**: one `Microsoft.Maintenance/configurationAssignments` at the
//!   subscription with a filter (these resource groups, these OS types, the region, the tag), so
//!   Update Manager picks each VM up at every run, however many waves land later. A schedule
//!   only applies to a VM whose patch orchestration is AutomaticByPlatform with
//!   bypassPlatformSafetyChecksOnUserSchedule: a migrated VM has neither, so the built-in policy
//!   that sets them is assigned with the same filter ([`PATCH_PREREQUISITES_POLICY`]).
//! - **Backup by policy**: Azure's built-in "Configure backup on virtual machines with a given
//!   tag" policies only match VMs made from marketplace images (their rule lists image
//!   publishers, offers and SKUs), and a migrated VM has no image reference. The environment
//!   therefore defines its own DeployIfNotExists policy, the same deployment without the image
//!   filter, assigned at the subscription for VMs with the tag in the resource groups.
//!
//! Explicit per-VM items would need the VM to exist, so a second deployment after every cutover:
//! the hand work this module removes. Not here: the servers' wave (`model::waves`), nor the VMs
//! meg creates itself, which the environment enrols directly (`modules/virtual-machine`).

use std::collections::BTreeSet;

use serde::Serialize;

use crate::input::settings::Settings;

/// The tag naming the Recovery Services vault a migrated VM is backed up to.
pub const BACKUP_TAG: &str = "backupVault";

/// The tag naming the maintenance configuration (patch window) a migrated VM is patched in.
pub const PATCH_TAG: &str = "patchWindow";

/// Azure's built-in "Set prerequisite for Scheduling recurring updates on Azure virtual
/// machines" (version 1.2.0): sets patchMode AutomaticByPlatform and
/// bypassPlatformSafetyChecksOnUserSchedule, also on VMs whose OS disk was attached rather than
/// made from an image (as Azure Migrate's are), filtered by resource groups, OS types, locations
/// and tags; its identity needs Contributor (Azure/azure-policy,
/// built-in-policies/policyDefinitions/Azure Update Manager/AzUpdateMgmtCenter_CustomerManagedSchedules_DINE.json).
pub const PATCH_PREREQUISITES_POLICY: &str = "9905ca54-1471-49c6-8291-7582c04cd4d4";

/// Names of what enrolment creates at the subscription, each unique per environment so that two
/// environments can share a subscription: (backup policy definition, backup assignment, patch
/// prerequisites assignment, patch schedule).
pub fn names(env: &str) -> [String; 4] {
    [
        format!("deploy-vm-backup-by-tag-{env}"),
        format!("backup-migrated-vms-{env}"),
        format!("patch-prerequisites-{env}"),
        format!("patch-migrated-vms-{env}"),
    ]
}

/// What Azure Migrate brings into one environment, as enrolment needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replicated {
    /// The resource groups the servers land in (their spokes'), sorted.
    pub resource_groups: Vec<String>,
    /// Their operating systems as Azure names them (`Linux`, `Windows`), sorted.
    pub os_types: Vec<&'static str>,
}

/// The servers of the environment that a wave replicates, if any: `spoke_resource_group` gives
/// a spoke's resource group name.
pub fn replicated(s: &Settings, spoke_resource_group: impl Fn(&str) -> String) -> Replicated {
    let m = &s.migration;
    if !m.enabled {
        return Replicated::default();
    }
    let mut groups = BTreeSet::new();
    let mut os = BTreeSet::new();
    for vm in m.virtual_machines.values().filter(|vm| vm.replicated()) {
        groups.insert(spoke_resource_group(&vm.spoke));
        os.insert(if vm.windows() { "Windows" } else { "Linux" });
    }
    Replicated {
        resource_groups: groups.into_iter().collect(),
        os_types: os.into_iter().collect(),
    }
}

/// Whether an environment has servers that Azure Migrate brings.
pub fn has_replicated(s: &Settings) -> bool {
    s.migration.enabled
        && s.migration
            .virtual_machines
            .values()
            .any(|vm| vm.replicated())
}

/// One tag and the value a VM must carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TagFilter {
    /// The tag's name.
    pub name: String,
    /// Its value.
    pub value: String,
}

/// The tags a migrated VM of an environment carries to be enrolled: its vault and its patch
/// window, by name.
pub fn tags(vault: &str, maintenance_configuration: &str) -> [TagFilter; 2] {
    [
        TagFilter {
            name: BACKUP_TAG.to_string(),
            value: vault.to_string(),
        },
        TagFilter {
            name: PATCH_TAG.to_string(),
            value: maintenance_configuration.to_string(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tags_name_the_vault_and_the_window() {
        let [backup, patch] = tags("rsv-backup-dev-weu-001", "mc-servers-dev-weu-001");
        assert_eq!(
            (backup.name.as_str(), backup.value.as_str()),
            (BACKUP_TAG, "rsv-backup-dev-weu-001")
        );
        assert_eq!(
            (patch.name.as_str(), patch.value.as_str()),
            (PATCH_TAG, "mc-servers-dev-weu-001")
        );
    }
}
