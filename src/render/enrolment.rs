//! What the README and the wave runbooks see of enrolment (`model::enrolment`): per environment
//! with servers Azure Migrate brings, the names to check after a cutover. Not the templates'
//! parameter (`model::params::enrolment`), which the environment's root deploys.

use serde::Serialize;

use crate::model::Environment;
use crate::model::enrolment::{self, TagFilter};
use crate::model::fixed_name::FixedName;
use crate::model::name_key::{NameKey, SpokePart};

/// One environment's enrolment, for the README and the wave runbooks: what to check after a
/// cutover, by name.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Summary {
    /// The environment.
    pub environment: String,
    /// The migration resource group: the vault, the maintenance configuration, the identity.
    pub resource_group: String,
    /// The Recovery Services vault.
    pub vault: String,
    /// The maintenance configuration (patch window).
    pub maintenance_configuration: String,
    /// The policies' user-assigned identity.
    pub identity: String,
    /// The resource groups the servers land in.
    pub resource_groups: Vec<String>,
    /// Their OS types.
    pub os_types: Vec<&'static str>,
    /// The backup policy definition.
    pub backup_policy_definition: String,
    /// Its assignment.
    pub backup_assignment: String,
    /// The patch prerequisites' assignment.
    pub patch_prerequisites_assignment: String,
    /// The dynamic scope.
    pub patch_schedule: String,
    /// The tags the wave roots give the servers' VMs.
    pub tags: [TagFilter; 2],
}

/// The enrolment of every environment with servers Azure Migrate brings, in environment order.
pub(crate) fn summary(environments: &[Environment]) -> Vec<Summary> {
    environments
        .iter()
        .filter(|env| enrolment::has_replicated(&env.settings))
        .map(|env| {
            let name = |key: FixedName| env.names.text(key).to_string();
            let replicated = enrolment::replicated(&env.settings, |spoke| {
                env.names
                    .text(NameKey::Spoke(spoke.into(), SpokePart::ResourceGroup))
                    .to_string()
            });
            let [
                backup_policy_definition,
                backup_assignment,
                patch_prerequisites_assignment,
                patch_schedule,
            ] = enrolment::names(&env.name);
            Summary {
                environment: env.name.clone(),
                resource_group: name(FixedName::MigrationResourceGroup),
                vault: name(FixedName::RecoveryServicesVault),
                maintenance_configuration: name(FixedName::MaintenanceConfiguration),
                identity: name(FixedName::EnrolmentIdentity),
                resource_groups: replicated.resource_groups,
                os_types: replicated.os_types,
                backup_policy_definition,
                backup_assignment,
                patch_prerequisites_assignment,
                patch_schedule,
                tags: enrolment::tags(
                    &name(FixedName::RecoveryServicesVault),
                    &name(FixedName::MaintenanceConfiguration),
                ),
            }
        })
        .collect()
}
