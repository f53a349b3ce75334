//! Enrolment: the servers Azure Migrate brings are backed up and patched without hand work. The
//! wave roots tag each migrated VM with its environment's vault and patch window; the
//! environment's root assigns, at the subscription, a backup policy and the patch prerequisites
//! policy and a dynamic scope of its maintenance configuration, filtered by the servers'
//! resource groups, OS types, region and tags, with an identity holding the roles the policies
//! need. Nothing of it appears where no server migrates. Every inventory here is written by the
//! test.

mod common;

use common::Meg;
use serde_json::Value;

const VM_CONTRIBUTOR: &str = "9980e02c-c2be-4d73-94e8-173b1dc7cf3c";
const BACKUP_CONTRIBUTOR: &str = "5e467623-bb1f-42f4-a55d-6e525e11384b";
const PATCH_PREREQUISITES: &str =
    "/providers/Microsoft.Authorization/policyDefinitions/9905ca54-1471-49c6-8291-7582c04cd4d4";

/// dev and prod, two spokes each; test has no inventory server at all.
fn landing_zone() -> &'static str {
    "name: enrol
strategy: rehost
location: westeurope
migration:
  inventory:
    files: [servers.csv]
    environments:
      map: {Development: dev, Production: prod}
    placement:
      - {cidr: 10.1.0.0/16, spoke: app, subnet: workload}
      - {cidr: 10.2.0.0/16, spoke: data, subnet: workload}
environments:
  dev:
    network:
      hub: {addressSpace: 10.80.0.0/22}
      spokes:
        - {name: app, addressSpace: 10.81.0.0/20}
        - {name: data, addressSpace: 10.81.16.0/20}
    migration: {enabled: true}
  test:
    network:
      hub: {addressSpace: 10.70.0.0/22}
      spokes:
        - {name: app, addressSpace: 10.71.0.0/20}
    migration: {enabled: true}
  prod:
    network:
      hub: {addressSpace: 10.90.0.0/22}
      spokes:
        - {name: app, addressSpace: 10.91.0.0/20}
        - {name: data, addressSpace: 10.91.16.0/20}
    migration: {enabled: true}
"
}

/// A Windows and a Linux server in prod (two spokes), a Windows one in dev's app spoke.
const SERVERS: &str =
    "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment,Disk 1 size (In GB)
WEB01,10.1.0.4,4,16384,Microsoft Windows Server 2019 Datacenter,Production,128
DB01,10.2.0.4,8,65536,Red Hat Enterprise Linux 8,Production,64
DEVWEB01,10.1.0.5,2,8192,Microsoft Windows Server 2022 Datacenter,Development,128
";

fn rendered() -> Meg {
    let meg = Meg::new();
    meg.write("lz.yaml", landing_zone())
        .write("servers.csv", SERVERS);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    meg
}

/// The text from `start` to the first line after it that is exactly `end`.
fn block<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in\n{text}"));
    let rest = &text[from..];
    let to = rest
        .find(&format!("\n{end}\n"))
        .unwrap_or_else(|| panic!("no end {end:?} after {start:?} in\n{rest}"));
    &rest[..to]
}

#[test]
fn each_environment_enrols_the_resource_groups_and_os_types_its_servers_land_with() {
    let meg = rendered();
    let prod = meg.read("out/bicep/environments/prod.bicepparam");
    let enrolment = block(&prod, "param enrolment = {", "}");
    assert!(enrolment.contains("enabled: true"), "{enrolment}");
    let groups = block(enrolment, "resourceGroups: [", "  ]");
    assert!(
        groups.contains("'rg-app-prod-weu-001'") && groups.contains("'rg-data-prod-weu-001'"),
        "{groups}"
    );
    let os = block(enrolment, "osTypes: [", "  ]");
    assert!(os.contains("'Linux'") && os.contains("'Windows'"), "{os}");
    // The tags name the environment's own vault and patch window.
    assert!(
        enrolment.contains("name: 'backupVault'\n    value: 'rsv-backup-prod-weu-001'"),
        "{enrolment}"
    );
    assert!(
        enrolment.contains("name: 'patchWindow'\n    value: 'mc-servers-prod-weu-001'"),
        "{enrolment}"
    );
    assert!(enrolment.contains(PATCH_PREREQUISITES), "{enrolment}");

    // dev: one spoke, Windows only; its names differ from prod's, so both can share a
    // subscription.
    let dev = meg.read("out/bicep/environments/dev.bicepparam");
    let dev = block(&dev, "param enrolment = {", "}");
    let dev_groups = block(dev, "resourceGroups: [", "  ]");
    assert!(dev_groups.contains("'rg-app-dev-weu-001'"), "{dev_groups}");
    assert!(!dev_groups.contains("data"), "{dev_groups}");
    let dev_os = block(dev, "osTypes: [", "  ]");
    assert!(
        dev_os.contains("'Windows'") && !dev_os.contains("'Linux'"),
        "{dev_os}"
    );
    for name in [
        "backupAssignment: 'backup-migrated-vms-dev'",
        "patchPrerequisitesAssignment: 'patch-prerequisites-dev'",
        "patchSchedule: 'patch-migrated-vms-dev'",
        "backupPolicyDefinition: 'deploy-vm-backup-by-tag-dev'",
    ] {
        assert!(dev.contains(name), "{name} in {dev}");
        assert!(!enrolment.contains(name), "prod has dev's {name}");
    }

    // Terraform gets the same values.
    let tfvars = meg.read("out/terraform/environments/prod.tfvars");
    let tf = block(&tfvars, "enrolment = {", "}");
    assert!(tf.contains("\"rg-app-prod-weu-001\"") && tf.contains("\"rg-data-prod-weu-001\""));
    assert!(tf.contains("value = \"mc-servers-prod-weu-001\""), "{tf}");
    assert!(tf.contains(PATCH_PREREQUISITES), "{tf}");
}

#[test]
fn an_environment_without_migrated_servers_enrols_nothing() {
    let meg = rendered();
    let test = meg.read("out/bicep/environments/test.bicepparam");
    let enrolment = block(&test, "param enrolment = {", "}");
    assert!(enrolment.contains("enabled: false"), "{enrolment}");
    assert!(enrolment.contains("resourceGroups: []"), "{enrolment}");
    // Everything is switched by that flag, in both targets.
    let main = meg.read("out/bicep/main.bicep");
    for module in [
        "module enrolmentIdentity 'modules/enrolment-identity.bicep' = if (enrolment.enabled)",
        "module enrolmentPolicies 'modules/enrolment.bicep' = if (enrolment.enabled)",
        "for rg in (enrolment.enabled ? enrolment.resourceGroups : []): {",
    ] {
        assert!(main.contains(module), "{module}");
    }
    let tf = meg.read("out/terraform/main.enrolment.tf");
    assert!(
        tf.contains("count  = var.enrolment.enabled ? 1 : 0"),
        "{tf}"
    );
}

#[test]
fn without_servers_from_an_inventory_nothing_of_enrolment_is_written() {
    // Hand-written VMs are created and enrolled by the environment itself.
    let meg = Meg::new();
    meg.run(&["render", &common::example("rehost.yaml"), "-o", "out"])
        .ok();
    let main = meg.read("out/bicep/main.bicep");
    assert!(
        !main.contains("enrolment"),
        "the rehost example enrols by tag"
    );
    for path in [
        "out/bicep/modules/enrolment.bicep",
        "out/bicep/modules/enrolment-identity.bicep",
        "out/bicep/modules/enrolment-roles.bicep",
        "out/bicep/modules/policies/vm-backup-by-tag.json",
        "out/terraform/main.enrolment.tf",
        "out/terraform/modules/enrolment",
    ] {
        assert!(!meg.path(path).exists(), "{path} is written");
    }
    assert!(!meg.read("out/terraform/variables.tf").contains("enrolment"));
    let readme = meg.read("out/README.md");
    assert!(!readme.contains("## Enrolment"));
    assert!(!readme.contains("Resource Policy Contributor"));
}

#[test]
fn the_wave_roots_tag_each_migrated_vm_with_what_enrols_it() {
    let meg = rendered();
    let params = meg.read("out/bicep/waves/prod-wave-1/main.bicepparam");
    let tags = block(&params, "param enrolmentTags = {", "}");
    assert!(
        tags.contains("backupVault: 'rsv-backup-prod-weu-001'")
            && tags.contains("patchWindow: 'mc-servers-prod-weu-001'"),
        "{tags}"
    );
    // The VM gets them; its disks and NICs keep the environment's tags only.
    let batch = meg.read("out/bicep/modules/replication-batch.bicep");
    assert!(
        batch.contains("targetVmTags: union(tags, enrolmentTags)"),
        "{batch}"
    );
    assert!(batch.contains("targetDiskTags: tags"), "{batch}");
    let main = meg.read("out/bicep/waves/prod-wave-1/main.bicep");
    assert!(main.contains("enrolmentTags: enrolmentTags"), "{main}");

    let tfvars = meg.read("out/terraform/waves/prod-wave-1/wave.tfvars");
    let tf_tags = block(&tfvars, "enrolment_tags = {", "}");
    assert!(
        tf_tags.contains("backupVault = \"rsv-backup-prod-weu-001\"")
            && tf_tags.contains("patchWindow = \"mc-servers-prod-weu-001\""),
        "{tf_tags}"
    );
    let tf_main = meg.read("out/terraform/waves/prod-wave-1/main.tf");
    assert!(tf_main.contains("targetVmTags   = merge(var.tags, var.enrolment_tags)"));

    // dev's wave names dev's vault.
    let dev = meg.read("out/bicep/waves/dev-wave-1/main.bicepparam");
    assert!(
        dev.contains("backupVault: 'rsv-backup-dev-weu-001'"),
        "{dev}"
    );
}

/// The JSON of the backup policy both targets deploy.
fn backup_policy(meg: &Meg) -> Value {
    let bicep = meg.read("out/bicep/modules/policies/vm-backup-by-tag.json");
    let terraform = meg.read("out/terraform/modules/enrolment/policies/vm-backup-by-tag.json");
    assert_eq!(bicep, terraform, "one rule for both targets");
    serde_json::from_str(&bicep).expect("the policy is JSON")
}

#[test]
fn the_backup_policy_matches_migrated_vms_by_tag_resource_group_and_region_not_by_image() {
    let meg = rendered();
    let policy = backup_policy(&meg);
    let conditions = policy["policyRule"]["if"]["allOf"]
        .as_array()
        .expect("allOf");
    let text = serde_json::to_string(conditions).unwrap();
    assert!(text.contains("\"equals\":\"Microsoft.Compute/virtualMachines\""));
    assert!(
        text.contains("tags[', parameters('inclusionTagName')"),
        "{text}"
    );
    assert!(text.contains("[parameters('resourceGroups')]"), "{text}");
    assert!(text.contains("[parameters('vaultLocation')]"), "{text}");
    // A migrated VM has no image reference: any image condition would leave it out.
    assert!(!text.to_lowercase().contains("image"), "{text}");
    let details = &policy["policyRule"]["then"]["details"];
    assert_eq!(
        details["type"], "Microsoft.RecoveryServices/backupprotecteditems",
        "{details}"
    );
    let deployment = serde_json::to_string(&details["deployment"]).unwrap();
    assert!(deployment.contains(
        "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems"
    ));
    // Every parameter the assignments give is declared, and none the rule needs is left out.
    let declared: Vec<&str> = policy["parameters"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let module = meg.read("out/bicep/modules/enrolment.bicep");
    let assignment = block(
        &module,
        "resource backupAssignment 'Microsoft.Authorization/policyAssignments@2024-05-01' = {",
        "}",
    );
    for p in [
        "vaultLocation",
        "resourceGroups",
        "inclusionTagName",
        "inclusionTagValue",
        "backupPolicyId",
    ] {
        assert!(declared.contains(&p), "{p} is not declared: {declared:?}");
        assert!(
            assignment.contains(&format!("      {p}: {{")),
            "{p} not given"
        );
    }
}

#[test]
fn the_assignments_target_the_vault_the_window_and_the_servers_tags() {
    let meg = rendered();
    let main = meg.read("out/bicep/main.bicep");
    let call = block(
        &main,
        "module enrolmentPolicies 'modules/enrolment.bicep'",
        "}",
    );
    assert!(call.contains("backupPolicyId: migrationServices.outputs.backupPolicyId"));
    assert!(call.contains(
        "maintenanceConfigurationId: migrationServices.outputs.maintenanceConfigurationId"
    ));
    assert!(call.contains("identityId: enrolmentIdentity.outputs.resourceId"));
    let module = meg.read("out/bicep/modules/enrolment.bicep");
    let schedule = block(
        &module,
        "resource patchSchedule 'Microsoft.Maintenance/configurationAssignments@2023-04-01' = {",
        "}",
    );
    for part in [
        "maintenanceConfigurationId: maintenanceConfigurationId",
        "resourceGroups: resourceGroups",
        "osTypes: osTypes",
        "'${patchTag.name}': [",
        "'Microsoft.Compute/virtualMachines'",
    ] {
        assert!(schedule.contains(part), "{part} in {schedule}");
    }
    let prerequisites = block(
        &module,
        "resource patchPrerequisitesAssignment 'Microsoft.Authorization/policyAssignments@2024-05-01' = {",
        "}",
    );
    assert!(prerequisites.contains("policyDefinitionId: patchPrerequisitesPolicyId"));
    assert!(prerequisites.contains("key: patchTag.name"));
    // Both deploy as the user-assigned identity.
    assert_eq!(module.matches("'${identityId}': {}").count(), 2);

    let tf = meg.read("out/terraform/modules/enrolment/main.tf");
    assert!(tf.contains("resource \"azurerm_maintenance_assignment_dynamic_scope\" \"this\""));
    assert!(tf.contains("tag    = var.patch_tag.name"));
    assert!(tf.contains("resource_groups = keys(var.resource_groups)"));
    assert_eq!(
        tf.matches("identity_ids = [azurerm_user_assigned_identity.this.id]")
            .count(),
        2
    );
    let root = meg.read("out/terraform/main.enrolment.tf");
    assert!(root.contains("backup_policy_id              = module.migration[0].backup_policy_id"));
    assert!(root.contains(
        "maintenance_configuration_id  = module.migration[0].maintenance_configuration_id"
    ));
}

#[test]
fn the_identity_holds_the_roles_the_policies_name_where_they_write() {
    let meg = rendered();
    // The roles the backup rule names are the ones the identity gets (the patch prerequisites
    // deployment only updates VMs: Virtual Machine Contributor).
    let policy = backup_policy(&meg);
    let named: Vec<String> = policy["policyRule"]["then"]["details"]["roleDefinitionIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap().rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(named, [VM_CONTRIBUTOR, BACKUP_CONTRIBUTOR]);

    let main = meg.read("out/bicep/main.bicep");
    let identity = block(
        &main,
        "module enrolmentIdentity 'modules/enrolment-identity.bicep'",
        "}",
    );
    assert!(
        identity.contains("scope: migrationResourceGroup"),
        "{identity}"
    );
    assert!(identity.contains(&format!("roleDefinitionId: '{BACKUP_CONTRIBUTOR}'")));
    let roles = block(
        &main,
        "module enrolmentRoles 'modules/enrolment-roles.bicep'",
        "]",
    );
    assert!(roles.contains("scope: resourceGroup(rg)"), "{roles}");
    assert!(roles.contains(&format!("roleDefinitionId: '{VM_CONTRIBUTOR}'")));
    let policies = block(
        &main,
        "module enrolmentPolicies 'modules/enrolment.bicep'",
        "}",
    );
    assert!(policies.contains("enrolmentRoles"), "the roles come first");

    let tf = meg.read("out/terraform/modules/enrolment/main.tf");
    assert!(tf.contains("role_definition_name = \"Backup Contributor\""));
    assert!(tf.contains("role_definition_name = \"Virtual Machine Contributor\""));
    assert!(tf.contains("for_each = var.resource_groups"));
    assert!(tf.contains(
        "depends_on = [azurerm_role_assignment.backup, azurerm_role_assignment.virtual_machines]"
    ));

    // The deployer may assign them, and is told it also needs Resource Policy Contributor.
    let readme = meg.read("out/README.md");
    let condition_roles = block(&readme, "## Roles", "## Deploy with Bicep");
    assert!(
        condition_roles.contains(VM_CONTRIBUTOR) && condition_roles.contains(BACKUP_CONTRIBUTOR)
    );
    assert!(condition_roles.contains("Resource Policy Contributor"));
    // Contributor stays out of what the deployer may assign.
    assert!(!condition_roles.contains("b24988ac-6180-42a0-ab88-20f7382dd24c"));
}

#[test]
fn the_readme_and_each_runbook_say_how_enrolment_works_and_how_to_verify_it() {
    let meg = rendered();
    let readme = meg.read("out/README.md");
    let section = block(
        &readme,
        "## Enrolment",
        "Deploying this needs **Resource Policy Contributor** on the environment's subscription besides the",
    );
    assert!(
        section.contains("marketplace images"),
        "why not the built-in"
    );
    assert!(section.contains("| prod | `rg-app-prod-weu-001`, `rg-data-prod-weu-001` |"));
    assert!(!readme.contains("enrol it yourself"));

    let runbook = meg.read("out/waves/prod-wave-1/RUNBOOK.md");
    let after = block(
        &runbook,
        "## After",
        "- [ ] Replication stopped, once the checks above passed (the pipeline's last approval):",
    );
    // Each server of the wave, in its resource group.
    assert!(
        after.contains("for VM in rg-app-prod-weu-001/web01 rg-data-prod-weu-001/db01; do")
            || after.contains("for VM in rg-data-prod-weu-001/db01 rg-app-prod-weu-001/web01; do"),
        "{after}"
    );
    assert!(after.contains("--vault-name rsv-backup-prod-weu-001"));
    assert!(
        after.contains("configurationAssignments/patch-migrated-vms-prod?api-version=2023-04-01")
    );
    assert!(after.contains("for A in backup-migrated-vms-prod patch-prerequisites-prod; do"));
    assert!(!after.contains("dev"), "prod's runbook names dev: {after}");
}
