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
  resource_group_name        = azurerm_resource_group.migration[0].name
  resource_group_id          = azurerm_resource_group.migration[0].id
  location                   = var.location
  tags                       = var.tags
  backup                     = var.migration.backup
  patching                   = var.migration.patching
  log_analytics_workspace_id = module.log_analytics.id
}

# Disk encryption keys: an HSM-backed vault of their own, with purge protection always on,
# since a purged key would make every disk encrypted with it unreadable (Security, Reliability).
module "disk_encryption_key_vault" {
  source = "./modules/key-vault"
  count  = var.migration.enabled ? 1 : 0

  name                          = var.names.disk_encryption_key_vault
  resource_group_name           = azurerm_resource_group.migration[0].name
  location                      = var.location
  tags                          = var.tags
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku                           = "premium"
  enable_purge_protection       = true
  soft_delete_retention_in_days = var.key_vault.soft_delete_retention_in_days
  log_analytics_workspace_id    = module.log_analytics.id
  # Who rotate or recover the disk keys: Key Vault Crypto Officer, keys only.
  administrators     = var.migration.key_vault_administrators
  administrator_role = "Key Vault Crypto Officer"
  # Disk encryption sets reach the vault as a trusted Azure service, whatever the network rules.
  private_endpoint = var.key_vault.private_endpoint ? {
    name                = var.names.disk_encryption_key_vault_private_endpoint
    subnet_id           = local.platform_private_endpoint_subnet_id
    private_dns_zone_id = lookup(local.private_dns_zone_ids, "privatelink.vaultcore.azure.net", null)
  } : null
}

module "disk_encryption" {
  source = "./modules/disk-encryption"
  count  = var.migration.enabled ? 1 : 0

  key_vault_id             = module.disk_encryption_key_vault[0].id
  disk_encryption_set_name = var.names.disk_encryption_set
  identity_name            = var.names.disk_encryption_identity
  resource_group_name      = azurerm_resource_group.migration[0].name
  location                 = var.location
  tags                     = var.tags
}
