# Rehost tooling in one resource group: the Azure Migrate project, through which servers are
# discovered and replicated; the Recovery Services vault that backs them up once they run in
# Azure; and the Update Manager window that patches them.
resource "azurerm_recovery_services_vault" "this" {
  #checkov:skip=CKV2_AZURE_35:The vault takes var.managed_identities (the AVM interface), system-assigned by default; checkov does not read a dynamic identity block.
  name                = var.names.recovery_services_vault
  resource_group_name = var.resource_group_name
  location            = var.location
  sku                 = "Standard"
  # Azure VM backup takes snapshots through the platform, not the vault's public endpoint (Security).
  public_network_access_enabled = false
  # Deleted backup data stays recoverable for 14 days: a mistaken or malicious delete cannot
  # wipe the restore points at once (Security, Reliability).
  soft_delete_enabled = true
  immutability        = "Unlocked"
  # Fixed once the first VM is protected, so it is set with the vault.
  storage_mode_type = var.backup.storage_redundancy
  # Restore in the paired region without waiting for Microsoft to declare a disaster (Reliability).
  cross_region_restore_enabled = var.backup.cross_region_restore
  tags                         = var.tags

  # An identity of its own (var.managed_identities, system-assigned by default), for
  # customer-managed keys and private endpoints later (Security).
  dynamic "identity" {
    for_each = var.managed_identities.system_assigned || length(var.managed_identities.user_assigned_resource_ids) > 0 ? [var.managed_identities] : []

    content {
      type         = identity.value.system_assigned ? (length(identity.value.user_assigned_resource_ids) > 0 ? "SystemAssigned, UserAssigned" : "SystemAssigned") : "UserAssigned"
      identity_ids = length(identity.value.user_assigned_resource_ids) > 0 ? identity.value.user_assigned_resource_ids : null
    }
  }

  monitoring {
    # Every failed backup or restore job raises an Azure Monitor alert (Operational Excellence).
    alerts_for_all_job_failures_enabled = true
  }
}

resource "azurerm_backup_policy_vm" "daily" {
  name                = "policy-vm-daily"
  resource_group_name = var.resource_group_name
  recovery_vault_name = azurerm_recovery_services_vault.this.name
  # Enhanced policy: needed for Trusted Launch VMs and gives zone-redundant snapshots (Reliability).
  policy_type                    = "V2"
  timezone                       = var.backup.time_zone
  instant_restore_retention_days = var.backup.instant_restore_days

  backup {
    frequency = "Daily"
    time      = var.backup.schedule_time
  }

  retention_daily {
    count = var.backup.daily_retention_days
  }

  retention_weekly {
    count    = var.backup.weekly_retention_weeks
    weekdays = ["Sunday"]
  }

  retention_monthly {
    count    = var.backup.monthly_retention_months
    weekdays = ["Sunday"]
    weeks    = ["First"]
  }
}

# Backup jobs, alerts and health, to the destinations of var.diagnostic_settings; resource-specific
# tables (AddonAzureBackupJobs, ...) feed the Backup reports (Operational Excellence).
resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                           = coalesce(each.value.name, "diag-${var.names.recovery_services_vault}")
  target_resource_id             = azurerm_recovery_services_vault.this.id
  log_analytics_workspace_id     = each.value.workspace_resource_id
  log_analytics_destination_type = each.value.log_analytics_destination_type
  storage_account_id             = each.value.storage_account_resource_id
  eventhub_authorization_rule_id = each.value.event_hub_authorization_rule_resource_id
  eventhub_name                  = each.value.event_hub_name
  partner_solution_id            = each.value.marketplace_partner_resource_id

  dynamic "enabled_log" {
    for_each = each.value.log_categories

    content {
      category = enabled_log.value
    }
  }

  dynamic "enabled_log" {
    for_each = each.value.log_groups

    content {
      category_group = enabled_log.value
    }
  }

  dynamic "enabled_metric" {
    for_each = each.value.metric_categories

    content {
      category = enabled_metric.value
    }
  }
}

resource "azurerm_management_lock" "this" {
  count = var.lock == null ? 0 : 1

  name       = coalesce(var.lock.name, "lock-${var.names.recovery_services_vault}")
  scope      = azurerm_recovery_services_vault.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."
}

# The address before this module took the AVM interfaces: the setting is kept, not re-created.
moved {
  from = azurerm_monitor_diagnostic_setting.vault
  to   = azurerm_monitor_diagnostic_setting.this["log_analytics"]
}

# The project through which servers are discovered, assessed and replicated; the appliance on
# premises registers with it. azurerm has no resource for it: azapi calls the ARM API directly.
resource "azapi_resource" "migrate_project" {
  type      = "Microsoft.Migrate/migrateProjects@2023-01-01"
  name      = var.names.migrate_project
  parent_id = var.resource_group_id
  location  = var.location

  body = {
    properties = {
      # The appliance on premises registers and replicates over the internet unless private
      # endpoints and a private path (VPN, ExpressRoute) are set up for it first.
      publicNetworkAccess = "Enabled"
    }
  }
  # No tags: the 2023-01-01 schema of migrateProjects has none (ARM ignores or refuses them); the
  # migration resource group carries the landing zone's tags, and cost analysis reads them there.
}

# The tools the portal registers when it creates a project: without them the project has no
# Discovery and assessment or Migration and modernization tool, and no key can be generated for an
# appliance. (The appliance's key, made in the portal, then adds the assessment project.)
resource "azapi_resource" "migrate_project_tool" {
  for_each = {
    ServerDiscovery  = "Discovery"
    ServerAssessment = "Assessment"
    ServerMigration  = "Migration"
  }

  type      = "Microsoft.Migrate/migrateProjects/solutions@2023-01-01"
  name      = "Servers-${each.value}-${each.key}"
  parent_id = azapi_resource.migrate_project.id

  body = {
    properties = {
      tool    = each.key
      purpose = each.value
      goal    = "Servers"
    }
  }
}

# Update Manager patches in a weekly window per tier: dev first, production last (Reliability).
resource "azurerm_maintenance_configuration" "this" {
  name                     = var.names.maintenance_configuration
  resource_group_name      = var.resource_group_name
  location                 = var.location
  scope                    = "InGuestPatch"
  in_guest_user_patch_mode = "User"
  tags                     = var.tags

  window {
    start_date_time = "2025-01-01 ${var.patching.start_time}"
    duration        = var.patching.duration
    time_zone       = var.patching.time_zone
    recur_every     = "1Week ${var.patching.weekday}"
  }

  install_patches {
    reboot = var.patching.reboot

    windows {
      classifications_to_include = var.patching.windows_classifications
    }

    linux {
      classifications_to_include = var.patching.linux_classifications
    }
  }
}
