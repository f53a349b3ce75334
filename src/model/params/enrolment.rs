//! The `enrolment` parameter (rehost with an inventory): what enrols the servers Azure Migrate
//! brings in backup and patching, decided in `model::enrolment` and spelt by both targets.

use serde::Serialize;

use crate::model::enrolment::{self, TagFilter};
use crate::model::fixed_name::FixedName;
use crate::model::name_key::{NameKey, SpokePart};
use crate::model::params::Source;

/// The `enrolment` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Enrolment {
    /// Whether this environment has servers a wave replicates.
    pub enabled: bool,
    /// The resource groups they land in: the patch schedule's filter and the scope of the
    /// policies' identities' roles.
    pub resource_groups: Vec<String>,
    /// Their operating systems (`Linux`, `Windows`): the patch schedule's filter.
    pub os_types: Vec<String>,
    /// The tag naming the vault: the backup policy's filter.
    pub backup_tag: TagFilter,
    /// The tag naming the patch window: the patch schedule's filter.
    pub patch_tag: TagFilter,
    /// The built-in policy that sets the patch prerequisites (its definition's resource ID).
    pub patch_prerequisites_policy_id: String,
    /// Names of what enrolment creates at the subscription.
    pub names: EnrolmentNames,
}

/// Names of the policy definition, the assignments and the dynamic scope, each unique per
/// environment, so two environments can share a subscription.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct EnrolmentNames {
    /// The custom backup policy definition.
    pub backup_policy_definition: String,
    /// Its assignment.
    pub backup_assignment: String,
    /// The assignment of the patch prerequisites' built-in policy.
    pub patch_prerequisites_assignment: String,
    /// The dynamic scope (configuration assignment) of the maintenance configuration.
    pub patch_schedule: String,
}

impl Enrolment {
    /// From the environment's servers of `migration.inventory`.
    pub fn new(src: &Source) -> Self {
        let replicated = enrolment::replicated(src.settings, |spoke| {
            src.name(NameKey::Spoke(spoke.into(), SpokePart::ResourceGroup))
        });
        let [backup_tag, patch_tag] = enrolment::tags(
            &src.name(FixedName::RecoveryServicesVault),
            &src.name(FixedName::MaintenanceConfiguration),
        );
        let [
            backup_policy_definition,
            backup_assignment,
            patch_prerequisites_assignment,
            patch_schedule,
        ] = enrolment::names(src.env_name);
        Enrolment {
            enabled: enrolment::has_replicated(src.settings),
            resource_groups: replicated.resource_groups,
            os_types: replicated.os_types.iter().map(|s| s.to_string()).collect(),
            backup_tag,
            patch_tag,
            patch_prerequisites_policy_id: format!(
                "/providers/Microsoft.Authorization/policyDefinitions/{}",
                enrolment::PATCH_PREREQUISITES_POLICY
            ),
            names: EnrolmentNames {
                backup_policy_definition,
                backup_assignment,
                patch_prerequisites_assignment,
                patch_schedule,
            },
        }
    }
}
