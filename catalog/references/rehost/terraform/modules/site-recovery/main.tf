# Azure Site Recovery, Azure to Azure: the servers replicate to a second region and fail over
# there when theirs is lost (Reliability). The vault lives in the recovery region, so it
# survives the outage it protects against.
resource "azurerm_recovery_services_vault" "this" {
  name                = var.names.vault
  resource_group_name = var.resource_group_name
  location            = var.recovery_location
  sku                 = "Standard"
  # The mobility agent on each server reaches the vault over its public endpoint unless
  # private endpoints are added for it (Security: see the component's notes).
  public_network_access_enabled = true
  soft_delete_enabled           = true
  tags                          = var.tags

  identity {
    type = "SystemAssigned"
  }

  monitoring {
    alerts_for_all_job_failures_enabled = true
  }
}

# Replication health, jobs and recovery points per server, to the destinations of
# var.diagnostic_settings (Operational Excellence).
resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                           = coalesce(each.value.name, "diag-${var.names.vault}")
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

  name       = coalesce(var.lock.name, "lock-${var.names.vault}")
  scope      = azurerm_recovery_services_vault.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."
}

# The address before this module took the AVM interfaces: the setting is kept, not re-created.
moved {
  from = azurerm_monitor_diagnostic_setting.vault
  to   = azurerm_monitor_diagnostic_setting.this["log_analytics"]
}

# One fabric per region: Azure-to-Azure fabrics stand for the regions themselves.
resource "azurerm_site_recovery_fabric" "primary" {
  name                = "asr-a2a-${var.primary_location}"
  resource_group_name = var.resource_group_name
  recovery_vault_name = azurerm_recovery_services_vault.this.name
  location            = var.primary_location
}

resource "azurerm_site_recovery_fabric" "recovery" {
  name                = "asr-a2a-${var.recovery_location}"
  resource_group_name = var.resource_group_name
  recovery_vault_name = azurerm_recovery_services_vault.this.name
  location            = var.recovery_location
}

resource "azurerm_site_recovery_protection_container" "primary" {
  name                 = "asr-a2a-${var.primary_location}-container"
  resource_group_name  = var.resource_group_name
  recovery_vault_name  = azurerm_recovery_services_vault.this.name
  recovery_fabric_name = azurerm_site_recovery_fabric.primary.name
}

resource "azurerm_site_recovery_protection_container" "recovery" {
  name                 = "asr-a2a-${var.recovery_location}-container"
  resource_group_name  = var.resource_group_name
  recovery_vault_name  = azurerm_recovery_services_vault.this.name
  recovery_fabric_name = azurerm_site_recovery_fabric.recovery.name
}

# Servers of one application replicate to a shared, consistent point in time (Reliability):
# azurerm sends multiVmSyncStatus Enable on every policy it creates, so no argument says so.
resource "azurerm_site_recovery_replication_policy" "this" {
  name                                                 = var.names.replication_policy
  resource_group_name                                  = var.resource_group_name
  recovery_vault_name                                  = azurerm_recovery_services_vault.this.name
  recovery_point_retention_in_minutes                  = var.recovery_point_retention_minutes
  application_consistent_snapshot_frequency_in_minutes = var.app_consistent_frequency_minutes
}

# Failover: primary to recovery region. Agent updates stay manual here (Operational Excellence:
# automatic updates need an Automation account that this landing zone does not create).
resource "azurerm_site_recovery_protection_container_mapping" "failover" {
  name                                      = "map-${var.primary_location}-to-${var.recovery_location}"
  resource_group_name                       = var.resource_group_name
  recovery_vault_name                       = azurerm_recovery_services_vault.this.name
  recovery_fabric_name                      = azurerm_site_recovery_fabric.primary.name
  recovery_source_protection_container_name = azurerm_site_recovery_protection_container.primary.name
  recovery_target_protection_container_id   = azurerm_site_recovery_protection_container.recovery.id
  recovery_replication_policy_id            = azurerm_site_recovery_replication_policy.this.id
}

# Failback: after a failover the servers are re-protected in the other direction with the same policy.
resource "azurerm_site_recovery_protection_container_mapping" "failback" {
  name                                      = "map-${var.recovery_location}-to-${var.primary_location}"
  resource_group_name                       = var.resource_group_name
  recovery_vault_name                       = azurerm_recovery_services_vault.this.name
  recovery_fabric_name                      = azurerm_site_recovery_fabric.recovery.name
  recovery_source_protection_container_name = azurerm_site_recovery_protection_container.recovery.name
  recovery_target_protection_container_id   = azurerm_site_recovery_protection_container.primary.id
  recovery_replication_policy_id            = azurerm_site_recovery_replication_policy.this.id
}

# A failed-over server joins the mapped network in the recovery region (Reliability).
resource "azurerm_site_recovery_network_mapping" "this" {
  for_each = var.network_mappings

  name                        = "map-${each.key}-to-${var.recovery_location}"
  resource_group_name         = var.resource_group_name
  recovery_vault_name         = azurerm_recovery_services_vault.this.name
  source_recovery_fabric_name = azurerm_site_recovery_fabric.primary.name
  target_recovery_fabric_name = azurerm_site_recovery_fabric.recovery.name
  source_network_id           = each.value.primary_network_id
  target_network_id           = each.value.recovery_network_id
}

# Failback: once a failed-over server is re-protected towards its own region, it returns to its
# spoke's network; without this reverse mapping re-protection stops and asks for one (Reliability).
resource "azurerm_site_recovery_network_mapping" "failback" {
  for_each = var.network_mappings

  name                        = "map-${each.key}-to-${var.primary_location}"
  resource_group_name         = var.resource_group_name
  recovery_vault_name         = azurerm_recovery_services_vault.this.name
  source_recovery_fabric_name = azurerm_site_recovery_fabric.recovery.name
  target_recovery_fabric_name = azurerm_site_recovery_fabric.primary.name
  source_network_id           = each.value.recovery_network_id
  target_network_id           = each.value.primary_network_id
}

# One server protected by Site Recovery, Azure to Azure: every managed disk (OS and data)
# replicates through the cache account into replica disks in the recovery region, encrypted
# with the recovery region's disk encryption set, and a failover brings the server up in its
# spoke's recovery network, in the same zone number (Reliability).
resource "azurerm_site_recovery_replicated_vm" "this" {
  for_each = var.replicated_vms

  name                                      = each.key
  resource_group_name                       = var.resource_group_name
  recovery_vault_name                       = azurerm_recovery_services_vault.this.name
  source_recovery_fabric_name               = azurerm_site_recovery_fabric.primary.name
  source_vm_id                              = each.value.vm_id
  recovery_replication_policy_id            = azurerm_site_recovery_replication_policy.this.id
  source_recovery_protection_container_name = azurerm_site_recovery_protection_container.primary.name
  target_resource_group_id                  = var.resource_group_id
  target_recovery_fabric_id                 = azurerm_site_recovery_fabric.recovery.id
  target_recovery_protection_container_id   = azurerm_site_recovery_protection_container.recovery.id
  target_network_id                         = each.value.recovery_network_id
  target_zone                               = each.value.zone
  # The servers of one spoke recover to one point in time.
  multi_vm_group_name = each.value.multi_vm_group_name

  dynamic "managed_disk" {
    for_each = each.value.disk_ids

    content {
      disk_id                    = managed_disk.value
      staging_storage_account_id = azurerm_storage_account.cache.id
      target_resource_group_id   = var.resource_group_id
      # Premium like the source disks, so a failed-over server performs as it did.
      target_replica_disk_type = "Premium_LRS"
      target_disk_type         = "Premium_LRS"
      # Site Recovery refuses disks encrypted with customer-managed keys without a set here.
      target_disk_encryption_set_id = var.target_disk_encryption_set_id
    }
  }

  dynamic "network_interface" {
    for_each = each.value.recovery_network_id == null ? [] : [each.value.network_interface_id]

    content {
      source_network_interface_id = network_interface.value
      target_subnet_name          = each.value.subnet_name
    }
  }

  # Replication starts once both directions are mapped, containers and networks alike.
  depends_on = [
    azurerm_site_recovery_protection_container_mapping.failover,
    azurerm_site_recovery_protection_container_mapping.failback,
    azurerm_site_recovery_network_mapping.this,
    azurerm_site_recovery_network_mapping.failback,
  ]
}

# The cache storage account Site Recovery stages changed disk blocks in before it ships them to
# the recovery region. It must be in the servers' region, so it is not with the vault.
resource "azurerm_storage_account" "cache" {
  #checkov:skip=CKV_AZURE_206:The cache only holds changes in transit for minutes; Site Recovery asks for locally redundant Standard storage here, and the replicas themselves live in the recovery region.
  #checkov:skip=CKV_AZURE_59:The mobility agent on every replicated server writes to the cache from the spokes; without a blob private endpoint for it the public endpoint must accept them (TLS 1.2, no anonymous access).
  #checkov:skip=CKV2_AZURE_33:A blob private endpoint needs the privatelink.blob zone resolved from every spoke; until the landing zone has one, the agents use the public endpoint.
  #checkov:skip=CKV2_AZURE_40:Site Recovery hands the mobility agents SAS tokens signed with the account key; Entra-only access would stop replication.
  #checkov:skip=CKV2_AZURE_38:Site Recovery does not support soft delete on cache storage accounts.
  #checkov:skip=CKV2_AZURE_1:Blocks stay in the cache only until they are shipped; the replica disks in the recovery region are what hold the data.
  #checkov:skip=CKV_AZURE_33:The cache uses blobs only; it has no queues to log.
  name                       = var.names.cache_storage
  resource_group_name        = var.cache_resource_group_name
  location                   = var.primary_location
  account_kind               = "StorageV2"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  min_tls_version            = "TLS1_2"
  https_traffic_only_enabled = true
  # Nothing in the cache is ever meant to be read anonymously (Security).
  allow_nested_items_to_be_public  = false
  cross_tenant_replication_enabled = false
  # Site Recovery signs the agents' SAS tokens with the account key.
  shared_access_key_enabled = true
  tags                      = var.tags

  # SAS tokens valid for more than a day are logged, so a leaked long-lived token shows up (Security).
  sas_policy {
    expiration_period = "1.00:00:00"
    expiration_action = "Log"
  }
}

# The cache account's transactions go to every setting's destinations; a storage account has no
# logs of its own (its services do) and Transaction is the metric that shows replication load.
resource "azurerm_monitor_diagnostic_setting" "cache" {
  for_each = var.diagnostic_settings

  name                           = coalesce(each.value.name, "diag-${azurerm_storage_account.cache.name}")
  target_resource_id             = azurerm_storage_account.cache.id
  log_analytics_workspace_id     = each.value.workspace_resource_id
  storage_account_id             = each.value.storage_account_resource_id
  eventhub_authorization_rule_id = each.value.event_hub_authorization_rule_resource_id
  eventhub_name                  = each.value.event_hub_name
  partner_solution_id            = each.value.marketplace_partner_resource_id

  enabled_metric {
    category = "Transaction"
  }
}

# The address before this module took the AVM interfaces: the setting is kept, not re-created.
moved {
  from = azurerm_monitor_diagnostic_setting.cache
  to   = azurerm_monitor_diagnostic_setting.cache["log_analytics"]
}
