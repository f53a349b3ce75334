//! The Azure built-in roles meg's templates assign, and the role assignments a render creates.
//!
//! One table, so the templates (which spell each role's ID in Bicep and its name in Terraform),
//! the render's README (which tells the deployer which roles they must be allowed to assign) and
//! the tests read the same facts. A template never writes a role ID by hand: it takes it from
//! `roles.<key>` in its context. Contributor cannot create role assignments
//! (`Microsoft.Authorization/*/Write` is among its NotActions), so whoever deploys a template that
//! assigns roles also needs Role Based Access Control Administrator (constrained to these IDs) or
//! User Access Administrator where the assignments land.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::deploy::Deploy;

/// One Azure built-in role.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Role {
    /// The camelCase key templates use (`roles.keyVaultSecretsUser`).
    pub key: &'static str,
    /// The role's name, as Azure shows it and Terraform's `role_definition_name` takes it.
    pub name: &'static str,
    /// The role definition ID (the same GUID in every subscription and cloud).
    pub id: &'static str,
}

// Role definition IDs from the Azure built-in roles reference
// (learn.microsoft.com/azure/role-based-access-control/built-in-roles, "Security" and
// "Monitor" and "Privileged" sections).
/// Every role a template may assign, or that the README names for the deployer.
pub const ROLES: [Role; 13] = [
    Role {
        key: "keyVaultAdministrator",
        name: "Key Vault Administrator",
        id: "00482a5a-887f-4fb3-b363-3b7fe8e74483",
    },
    Role {
        key: "keyVaultSecretsOfficer",
        name: "Key Vault Secrets Officer",
        id: "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
    },
    Role {
        key: "keyVaultSecretsUser",
        name: "Key Vault Secrets User",
        id: "4633458b-17de-408a-b874-0445c86b69e6",
    },
    Role {
        key: "keyVaultCryptoOfficer",
        name: "Key Vault Crypto Officer",
        id: "14b46e9e-c2b7-41b4-b07b-48a6ebf60603",
    },
    Role {
        key: "keyVaultCryptoServiceEncryptionUser",
        name: "Key Vault Crypto Service Encryption User",
        id: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
    },
    Role {
        key: "monitoringMetricsPublisher",
        name: "Monitoring Metrics Publisher",
        id: "3913510d-42f4-4e42-8a64-420c390055eb",
    },
    // The roles the roleDefinitionIds of the enrolment policies name (Azure/azure-policy,
    // built-in-policies/policyDefinitions/Backup/VirtualMachineWithTag_DINE.json and
    // Azure Update Manager/AzUpdateMgmtCenter_CustomerManagedSchedules_DINE.json).
    Role {
        key: "virtualMachineContributor",
        name: "Virtual Machine Contributor",
        id: "9980e02c-c2be-4d73-94e8-173b1dc7cf3c",
    },
    Role {
        key: "backupContributor",
        name: "Backup Contributor",
        id: "5e467623-bb1f-42f4-a55d-6e525e11384b",
    },
    // The deployer's roles, never assigned by a template.
    Role {
        key: "resourcePolicyContributor",
        name: "Resource Policy Contributor",
        id: "36243c78-bf99-498c-9df9-86d9f8d28608",
    },
    Role {
        key: "contributor",
        name: "Contributor",
        id: "b24988ac-6180-42a0-ab88-20f7382dd24c",
    },
    Role {
        key: "reader",
        name: "Reader",
        id: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
    },
    Role {
        key: "roleBasedAccessControlAdministrator",
        name: "Role Based Access Control Administrator",
        id: "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
    },
    Role {
        key: "userAccessAdministrator",
        name: "User Access Administrator",
        id: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
    },
];

/// The roles by key, as the templates receive them (`roles.keyVaultSecretsUser.id`).
pub fn by_key() -> BTreeMap<&'static str, Role> {
    ROLES.iter().map(|r| (r.key, *r)).collect()
}

fn role(key: &str) -> Role {
    *ROLES
        .iter()
        .find(|r| r.key == key)
        .expect("a grant names a role of ROLES")
}

/// Where a role assignment lands, for the deployer's rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Scope {
    /// Inside the environment's own subscription (a vault, an Application Insights component).
    Environment,
    /// The vault you name for the Application Gateway's certificate, possibly in another
    /// subscription (`paas.applicationGateway.certificateKeyVaultId`).
    CertificateVault,
}

/// One role assignment the templates create (for each environment that deploys its part).
#[derive(Debug, Clone, Serialize)]
pub struct Grant {
    /// The role.
    pub role: Role,
    /// Who receives it.
    pub principal: &'static str,
    /// On what, in words.
    pub target: &'static str,
    /// Where that is, for the deployer's rights.
    pub scope: Scope,
}

/// The role assignments the code holds, from what the landing zone deploys (`deploy` flags):
/// the README lists them, and tests check that every role the render assigns is listed.
pub fn grants(deploy: &Deploy) -> Vec<Grant> {
    let grant = |key: &str, principal, target, scope| Grant {
        role: role(key),
        principal,
        target,
        scope,
    };
    let mut all = Vec::new();
    // Every environment root has its Key Vault; the platform root has none.
    if deploy.key_vault {
        all.push(grant(
            "keyVaultAdministrator",
            "`keyVault.administrators` (people or groups who manage the vault's contents)",
            "the platform Key Vault",
            Scope::Environment,
        ));
    }
    if deploy.migration {
        all.push(grant(
            "keyVaultCryptoServiceEncryptionUser",
            "the disk encryption set's managed identity",
            "the disk encryption Key Vault",
            Scope::Environment,
        ));
        all.push(grant(
            "keyVaultCryptoOfficer",
            "`migration.keyVaultAdministrators` (who rotate or recover the disk keys)",
            "the disk encryption Key Vault",
            Scope::Environment,
        ));
    }
    if deploy.enrolment {
        // The identity of the policies that enrol the servers Azure Migrate brings
        // (model::enrolment). The backup policy names Virtual Machine Contributor and Backup
        // Contributor; the built-in patch prerequisites policy names Contributor, but its
        // deployment only updates the VM's patch settings, so Virtual Machine Contributor is
        // enough and keeps Contributor out of the roles the deployer may assign.
        all.push(grant(
            "virtualMachineContributor",
            "the enrolment policies' identity (backup, patch prerequisites)",
            "the resource groups migrated servers land in",
            Scope::Environment,
        ));
        all.push(grant(
            "backupContributor",
            "the enrolment policies' identity",
            "the migration resource group (the Recovery Services vault)",
            Scope::Environment,
        ));
    }
    if deploy.site_recovery {
        // The recovery region's disk encryption set and its vault (Site Recovery's replica disks).
        all.push(grant(
            "keyVaultCryptoServiceEncryptionUser",
            "the recovery region's disk encryption set's managed identity",
            "the recovery region's disk encryption Key Vault",
            Scope::Environment,
        ));
        all.push(grant(
            "keyVaultCryptoOfficer",
            "`migration.keyVaultAdministrators` (who rotate or recover the disk keys)",
            "the recovery region's disk encryption Key Vault",
            Scope::Environment,
        ));
    }
    if deploy.paas {
        all.push(grant(
            "keyVaultSecretsUser",
            "each web app's managed identity",
            "its application's Key Vault",
            Scope::Environment,
        ));
        all.push(grant(
            "keyVaultSecretsOfficer",
            "`paas.applications.<spoke>.secretsOfficers` (who set the secrets' values)",
            "that application's Key Vault",
            Scope::Environment,
        ));
        all.push(grant(
            "monitoringMetricsPublisher",
            "each web app's managed identity",
            "its application's Application Insights (Entra-authenticated telemetry)",
            Scope::Environment,
        ));
    }
    if deploy.application_gateway {
        all.push(grant(
            "keyVaultSecretsUser",
            "each Application Gateway's user-assigned identity",
            "the certificate vault `paas.applicationGateway.certificateKeyVaultId`",
            Scope::CertificateVault,
        ));
    }
    all
}

/// The role definition IDs among `grants` that land in `scope`, sorted and without repeats.
pub fn role_ids(grants: &[Grant], scope: Scope) -> Vec<&'static str> {
    let mut ids: Vec<&str> = grants
        .iter()
        .filter(|g| g.scope == scope)
        .map(|g| g.role.id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The ABAC condition that lets Role Based Access Control Administrator add and remove
/// assignments of these roles only (the "Constrain roles" example of Azure's delegation
/// conditions: writes are checked on the request, deletes on the existing assignment).
pub fn condition(ids: &[&str]) -> String {
    let set = ids.join(", ");
    format!(
        "((!(ActionMatches{{'Microsoft.Authorization/roleAssignments/write'}})) OR \
         (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {{{set}}})) AND \
         ((!(ActionMatches{{'Microsoft.Authorization/roleAssignments/delete'}})) OR \
         (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {{{set}}}))"
    )
}

/// What the README needs: the grants, and per scope the role IDs and the condition.
#[derive(Debug, Clone, Serialize)]
pub struct Access {
    /// Every role assignment the code holds.
    pub grants: Vec<Grant>,
    /// Role IDs assigned in the environment's subscription.
    pub environment_role_ids: Vec<&'static str>,
    /// The condition for Role Based Access Control Administrator on that subscription.
    pub environment_condition: String,
    /// Role IDs assigned on the certificate vault (empty without Application Gateways).
    pub certificate_vault_role_ids: Vec<&'static str>,
    /// The condition for Role Based Access Control Administrator on that vault.
    pub certificate_vault_condition: String,
}

impl Access {
    /// The access a landing zone with these parts needs.
    pub fn new(deploy: &Deploy) -> Self {
        let grants = grants(deploy);
        let env = role_ids(&grants, Scope::Environment);
        let vault = role_ids(&grants, Scope::CertificateVault);
        Access {
            environment_condition: condition(&env),
            certificate_vault_condition: if vault.is_empty() {
                String::new()
            } else {
                condition(&vault)
            },
            environment_role_ids: env,
            certificate_vault_role_ids: vault,
            grants,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_and_ids_are_unique_guids() {
        let mut keys: Vec<&str> = ROLES.iter().map(|r| r.key).collect();
        let mut ids: Vec<&str> = ROLES.iter().map(|r| r.id).collect();
        keys.sort_unstable();
        keys.dedup();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(keys.len(), ROLES.len());
        assert_eq!(ids.len(), ROLES.len());
        for id in ids {
            let groups: Vec<usize> = id.split('-').map(str::len).collect();
            assert_eq!(groups, [8, 4, 4, 4, 12], "{id}");
            assert!(id.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
        }
    }

    #[test]
    fn the_condition_names_each_role_for_writes_and_deletes() {
        let c = condition(&["a", "b"]);
        assert_eq!(c.matches("GuidEquals {a, b}").count(), 2);
        assert!(c.contains("@Request[") && c.contains("@Resource["));
    }

    #[test]
    fn grants_follow_what_is_deployed() {
        let mut deploy = Deploy::default();
        // A platform hub's root assigns nothing.
        assert!(Access::new(&deploy).environment_role_ids.is_empty());
        deploy.key_vault = true;
        let only_platform = Access::new(&deploy);
        assert_eq!(
            only_platform.environment_role_ids,
            ["00482a5a-887f-4fb3-b363-3b7fe8e74483"]
        );
        assert!(only_platform.certificate_vault_condition.is_empty());
        deploy.site_recovery = true;
        let recovery = Access::new(&deploy);
        assert!(
            recovery
                .grants
                .iter()
                .any(|g| g.role.key == "keyVaultCryptoServiceEncryptionUser"
                    && g.target.contains("recovery region"))
        );
        deploy.paas = true;
        deploy.application_gateway = true;
        let refactor = Access::new(&deploy);
        assert!(
            refactor
                .environment_role_ids
                .contains(&"3913510d-42f4-4e42-8a64-420c390055eb")
        );
        assert_eq!(
            refactor.certificate_vault_role_ids,
            ["4633458b-17de-408a-b874-0445c86b69e6"]
        );
    }
}
