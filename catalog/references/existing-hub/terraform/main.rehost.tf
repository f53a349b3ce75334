# Rehost: Azure Migrate, backup and patching for the servers moved into the spokes.
resource "azurerm_resource_group" "migration" {
  count = var.migration.enabled ? 1 : 0

  name     = var.names.migration_resource_group
  location = var.location
  tags     = var.tags
}

module "migration" {
  source = "./modules/migration"
  count  = var.migration.enabled ? 1 : 0

  names = {
    recovery_services_vault   = var.names.recovery_services_vault
    migrate_project           = var.names.migrate_project
    maintenance_configuration = var.names.maintenance_configuration
  }
  resource_group_name = azurerm_resource_group.migration[0].name
  resource_group_id   = azurerm_resource_group.migration[0].id
  location            = var.location
  tags                = var.tags
  backup              = var.migration.backup
  patching            = var.migration.patching
  lock                = var.lock
  # Resource-specific tables feed the Backup reports; a vault's only metric category is Health.
  diagnostic_settings = { for key, setting in local.diagnostic_settings : key => merge(setting, { log_analytics_destination_type = "Dedicated", metric_categories = ["Health"] }) }
}

# Disk encryption keys: an HSM-backed vault of their own, with purge protection always on,
# since a purged key would make every disk encrypted with it unreadable (Security, Reliability).
module "disk_encryption_key_vault" {
  source = "./modules/key-vault"
  count  = var.migration.enabled ? 1 : 0

  name                       = var.names.disk_encryption_key_vault
  resource_group_name        = azurerm_resource_group.migration[0].name
  location                   = var.location
  tags                       = var.tags
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = var.key_vault.soft_delete_retention_in_days
  # Who rotate or recover the disk keys: Key Vault Crypto Officer, keys only.
  role_assignments = {
    for principal_id in var.migration.key_vault_administrators : principal_id => {
      role_definition_id_or_name = "Key Vault Crypto Officer"
      principal_id               = principal_id
    }
  }
  lock = var.lock
  diagnostic_settings = {
    log_analytics = {
      name                  = "diag-log-analytics"
      workspace_resource_id = module.log_analytics.resource_id
      log_groups            = ["audit", "allLogs"]
    }
  }
  # Disk encryption sets reach the vault as a trusted Azure service, whatever the network rules.
  private_endpoints = var.key_vault.private_endpoint ? {
    vault = {
      name                          = var.names.disk_encryption_key_vault_private_endpoint
      subnet_resource_id            = local.platform_private_endpoint_subnet_id
      private_dns_zone_resource_ids = compact([lookup(local.private_dns_zone_ids, "privatelink.vaultcore.azure.net", null)])
    }
  } : {}
}

module "disk_encryption" {
  source = "./modules/disk-encryption"
  count  = var.migration.enabled ? 1 : 0

  key_vault_id             = module.disk_encryption_key_vault[0].resource_id
  disk_encryption_set_name = var.names.disk_encryption_set
  identity_name            = var.names.disk_encryption_identity
  resource_group_name      = azurerm_resource_group.migration[0].name
  location                 = var.location
  tags                     = var.tags
}
