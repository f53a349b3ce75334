# Resource groups per function (CAF): who may change what follows the group.
resource "azurerm_resource_group" "management" {
  name     = var.names.management_resource_group
  location = var.location
  tags     = var.tags
}

resource "azurerm_resource_group" "security" {
  name     = var.names.security_resource_group
  location = var.location
  tags     = var.tags
}

resource "azurerm_resource_group" "spoke" {
  for_each = local.spokes

  name     = each.value.resource_group_name
  location = var.location
  tags     = merge(var.tags, each.value.tags)
}

# Management: every resource sends its logs and metrics to one workspace.
module "log_analytics" {
  source = "./modules/log-analytics"

  name                = var.names.log_analytics_workspace
  resource_group_name = azurerm_resource_group.management.name
  location            = var.location
  tags                = var.tags
  retention_in_days   = var.log_analytics.retention_in_days
  daily_quota_gb      = var.log_analytics.daily_quota_gb
}

# Connectivity: the hub and what it shares with every spoke.
# The platform team's hub, maybe in the connectivity subscription: read, never changed here
# except for the hub side of each spoke's peering (Network Contributor on the hub's group).
data "azurerm_virtual_network" "hub" {
  provider = azurerm.hub

  name                = var.hub_network.virtual_network_name
  resource_group_name = var.hub_network.resource_group_name
}

# Security: the platform Key Vault.
module "key_vault" {
  source = "./modules/key-vault"

  name                          = var.names.key_vault
  resource_group_name           = azurerm_resource_group.security.name
  location                      = var.location
  tags                          = var.tags
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku                           = var.key_vault.sku
  enable_purge_protection       = var.key_vault.enable_purge_protection
  soft_delete_retention_in_days = var.key_vault.soft_delete_retention_in_days
  log_analytics_workspace_id    = module.log_analytics.id
  administrators                = var.key_vault.administrators
  private_endpoint = var.key_vault.private_endpoint ? {
    name                = var.names.key_vault_private_endpoint
    subnet_id           = local.platform_private_endpoint_subnet_id
    private_dns_zone_id = lookup(local.private_dns_zone_ids, "privatelink.vaultcore.azure.net", null)
  } : null
}

# Spokes: one virtual network per workload, peered to the hub.
module "spoke_network" {
  source   = "./modules/spoke-network"
  for_each = local.spokes
  providers = {
    azurerm     = azurerm
    azurerm.hub = azurerm.hub
  }

  spoke                      = each.value
  resource_group_name        = azurerm_resource_group.spoke[each.key].name
  location                   = var.location
  tags                       = merge(var.tags, each.value.tags)
  dns_servers                = var.hub_network.spoke_dns_servers
  hub_virtual_network_id     = local.hub_virtual_network_id
  bastion_address_prefix     = var.hub_network.bastion_address_prefix
  hub_virtual_network_name   = data.azurerm_virtual_network.hub.name
  hub_resource_group_name    = data.azurerm_virtual_network.hub.resource_group_name
  hub_peering_name           = "${var.hub_network.peering_name_prefix}-${each.key}"
  firewall_private_ip        = var.hub_network.firewall_private_ip
  use_remote_gateways        = var.hub_network.use_remote_gateways
  log_analytics_workspace_id = module.log_analytics.id
}

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
