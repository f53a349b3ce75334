locals {
  target_subscription_id  = var.target_subscription_id != "" ? var.target_subscription_id : try(split("/", var.vault_id)[2], "")
  protection_container_id = "${var.vault_id}/replicationFabrics/${var.fabric_name}/replicationProtectionContainers/${var.protection_container_name}"
  replication_policy_id   = "${var.vault_id}/replicationPolicies/${var.replication_policy_name}"
  disk_encryption_set_id  = "/subscriptions/${local.target_subscription_id}/resourceGroups/${var.disk_encryption_set_resource_group_name}/providers/Microsoft.Compute/diskEncryptionSets/${var.disk_encryption_set_name}"
  # Azure Migrate keeps the log storage account's SAS token in its key vault under the account's
  # name with "-cacheSas" (as Az.Migrate's New-AzMigrateServerReplication names it).
  log_storage_account_sas_secret_name = "${element(reverse(split("/", var.log_storage_account_id)), 0)}-cacheSas"
  sources = {
    for name, s in var.servers : name => try(var.source_machines[name], { machine_id = "", disk_ids = tolist([]) })
  }
  servers_without_source = sort([for name, m in local.sources : name if m.machine_id == "" || length(m.disk_ids) == 0])
  # What only Azure Migrate knows is filled in by hand (README.md, "Replication waves"). Until it is,
  # nothing is sent that the replication service would refuse: the outputs say what is missing.
  inputs = {
    vault_id                  = var.vault_id
    fabric_name               = var.fabric_name
    protection_container_name = var.protection_container_name
    replication_policy_name   = var.replication_policy_name
    run_as_account_id         = var.run_as_account_id
    log_storage_account_id    = var.log_storage_account_id
  }
  missing_inputs = sort([for k, v in local.inputs : k if v == ""])
  replicated = length(local.missing_inputs) > 0 ? {} : {
    for name, s in var.servers : name => s if !contains(local.servers_without_source, name) && !contains(var.migrated_servers, name)
  }
}

# One migration item per server: Azure Migrate's agentless VMware replication (providerSpecificDetails
# VMwareCbt) of Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/
# replicationMigrationItems@2024-04-01 (Azure/bicep-types-az generated/recoveryservicessiterecovery/
# microsoft.recoveryservices/2024-04-01; REST: learn.microsoft.com/rest/api/site-recovery/replication-migration-items/create),
# the version the Site Recovery templates use.
# Each is its own ARM request here, so ARM's 800-resources-per-deployment limit that splits the Bicep
# root into batches does not apply.
resource "azapi_resource" "migration_item" {
  for_each = local.replicated

  type      = "Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems@2024-04-01"
  name      = each.key
  parent_id = local.protection_container_id
  # azapi checks a body against the API versions it was released with; this one may be newer.
  schema_validation_enabled = false

  body = {
    properties = {
      policyId = local.replication_policy_id
      providerSpecificDetails = {
        instanceType            = "VMwareCbt"
        vmwareMachineId         = local.sources[each.key].machine_id
        dataMoverRunAsAccountId = var.run_as_account_id
        snapshotRunAsAccountId  = var.run_as_account_id
        targetResourceGroupId   = "/subscriptions/${local.target_subscription_id}/resourceGroups/${each.value.resource_group_name}"
        targetNetworkId         = "/subscriptions/${local.target_subscription_id}/resourceGroups/${each.value.resource_group_name}/providers/Microsoft.Network/virtualNetworks/${each.value.virtual_network_name}"
        targetSubnetName        = each.value.subnet_name
        testNetworkId           = var.test_virtual_network_id == "" ? null : var.test_virtual_network_id
        testSubnetName          = var.test_virtual_network_id == "" ? null : var.test_subnet_name
        targetVmName            = each.key
        targetVmSize            = each.value.size
        targetAvailabilityZone  = each.value.zone == "" ? null : each.value.zone
        licenseType             = each.value.license_type
        # Resynchronise by itself when replication breaks (Reliability), as the portal does.
        performAutoResync = "true"
        # The OS disk first, as source_machines lists it; a disk the inventory did not list gets the
        # storage type of the last one it did.
        disksToInclude = [for i, disk_id in local.sources[each.key].disk_ids : {
          diskId                         = disk_id
          isOSDisk                       = i == 0 ? "true" : "false"
          diskType                       = each.value.disk_types[min(i, length(each.value.disk_types) - 1)]
          diskEncryptionSetId            = local.disk_encryption_set_id
          logStorageAccountId            = var.log_storage_account_id
          logStorageAccountSasSecretName = local.log_storage_account_sas_secret_name
        }]
        # The enrolment tags: backup and patching find the VM by them after cutover.
        targetVmTags   = merge(var.tags, var.enrolment_tags)
        targetDiskTags = var.tags
        targetNicTags  = var.tags
        seedDiskTags   = var.tags
      }
    }
  }

  # The service takes an item's settings once, when replication is enabled, and refuses another
  # PUT of an item it protects: a later change is its updateMigrationItem action (RUNBOOK.md,
  # "Changing a server after replication started"), so Terraform keeps the body it sent.
  lifecycle {
    ignore_changes = [body]
  }
}
