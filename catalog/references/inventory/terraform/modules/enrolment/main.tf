# Enrolment of the servers Azure Migrate brings (README.md, "Enrolment"). Their VMs are created by
# the cutover, after this apply, so nothing here names a VM: each is enrolled by its resource group,
# its OS and the tags its replication item gave it.
#   - Backup: a DeployIfNotExists policy protects each tagged VM in the vault. Azure's built-in
#     "Configure backup on virtual machines with a given tag" policies (345fa903-145c-4fe1-8bcd-93ec2adccde8;
#     Azure/azure-policy, built-in-policies/policyDefinitions/Backup/VirtualMachineWithTag_DINE.json)
#     only match VMs made from marketplace images (their rules list image publishers and SKUs),
#     which a migrated VM is not: this definition is the same deployment without that filter.
#   - Patching: a dynamic scope assigns the maintenance configuration to every matching VM at each
#     run (learn.microsoft.com/azure/update-manager/dynamic-scope-overview), and the built-in
#     policy "Set prerequisite for Scheduling recurring updates on Azure virtual machines"
#     (9905ca54-1471-49c6-8291-7582c04cd4d4; Azure/azure-policy, built-in-policies/policyDefinitions/
#     Azure Update Manager/AzUpdateMgmtCenter_CustomerManagedSchedules_DINE.json) gives them the
#     patch mode a schedule needs (AutomaticByPlatform with bypassPlatformSafetyChecksOnUserSchedule),
#     which Azure Migrate does not set; it also matches VMs whose OS disk was attached.
locals {
  # One rule for both targets: Bicep loads the same file.
  backup_policy = jsondecode(file("${path.module}/policies/vm-backup-by-tag.json"))
}

# One user-assigned identity runs both policies' deployments: its roles exist before the policies
# are assigned, so the first server cut over is enrolled without waiting for role propagation.
resource "azurerm_user_assigned_identity" "this" {
  name                = var.identity_name
  resource_group_name = var.vault_resource_group_name
  location            = var.location
  tags                = var.tags
}

# Backup Contributor beside the vault: it adds each VM to the vault.
resource "azurerm_role_assignment" "backup" {
  scope                = var.vault_resource_group_id
  role_definition_name = "Backup Contributor"
  principal_id         = azurerm_user_assigned_identity.this.principal_id
  principal_type       = "ServicePrincipal"
}

# It updates the migrated VMs (protection, patch settings) in their resource groups: Virtual Machine
# Contributor there and nowhere else (Security: least privilege). The built-in prerequisites policy
# names Contributor, but its deployment only updates the VM.
resource "azurerm_role_assignment" "virtual_machines" {
  for_each = var.resource_groups

  scope                = each.value
  role_definition_name = "Virtual Machine Contributor"
  principal_id         = azurerm_user_assigned_identity.this.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_policy_definition" "backup" {
  name         = var.names.backup_policy_definition
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Configure backup of migrated virtual machines with a given tag"
  description  = "Protects each VM of the given resource groups that carries the tag in the given backup policy of a vault in its region, whether or not it was made from a marketplace image."
  metadata = jsonencode({
    category = "Backup"
    version  = "1.0.0"
  })
  parameters  = jsonencode(local.backup_policy.parameters)
  policy_rule = jsonencode(local.backup_policy.policyRule)
}

# A server is protected within minutes of its cutover, and from then on every day (Reliability).
resource "azurerm_subscription_policy_assignment" "backup" {
  name                 = var.names.backup_assignment
  subscription_id      = var.subscription_id
  policy_definition_id = azurerm_policy_definition.backup.id
  display_name         = "Back up the migrated servers tagged ${var.backup_tag.name}=${var.backup_tag.value}"
  location             = var.location
  parameters = jsonencode({
    vaultLocation     = { value = var.location }
    resourceGroups    = { value = keys(var.resource_groups) }
    inclusionTagName  = { value = var.backup_tag.name }
    inclusionTagValue = { value = [var.backup_tag.value] }
    backupPolicyId    = { value = var.backup_policy_id }
  })

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.this.id]
  }

  # The identity's roles first: a remediation that starts before them fails.
  depends_on = [azurerm_role_assignment.backup, azurerm_role_assignment.virtual_machines]

  non_compliance_message {
    content = "A migrated server tagged ${var.backup_tag.name}=${var.backup_tag.value} is not backed up yet: start a remediation of ${var.names.backup_assignment}."
  }
}

resource "azurerm_subscription_policy_assignment" "patch_prerequisites" {
  name                 = var.names.patch_prerequisites_assignment
  subscription_id      = var.subscription_id
  policy_definition_id = var.patch_prerequisites_policy_id
  display_name         = "Let the patch window ${var.patch_tag.value} patch the migrated servers"
  location             = var.location
  parameters = jsonencode({
    resourceGroups       = { value = keys(var.resource_groups) }
    operatingSystemTypes = { value = var.os_types }
    locations            = { value = [var.location] }
    tagValues            = { value = [{ key = var.patch_tag.name, value = var.patch_tag.value }] }
    tagOperator          = { value = "All" }
  })

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.this.id]
  }

  depends_on = [azurerm_role_assignment.virtual_machines]

  non_compliance_message {
    content = "A migrated server tagged ${var.patch_tag.name}=${var.patch_tag.value} lacks the patch mode its schedule needs: start a remediation of ${var.names.patch_prerequisites_assignment}."
  }
}

# Update Manager resolves the filter at every run: a server cut over later is patched in the next
# window without a new assignment (Operational Excellence).
resource "azurerm_maintenance_assignment_dynamic_scope" "this" {
  name                         = var.names.patch_schedule
  maintenance_configuration_id = var.maintenance_configuration_id

  filter {
    resource_types  = ["Microsoft.Compute/virtualMachines"]
    resource_groups = keys(var.resource_groups)
    os_types        = var.os_types
    locations       = [var.location]
    tag_filter      = "All"

    tags {
      tag    = var.patch_tag.name
      values = [var.patch_tag.value]
    }
  }
}
