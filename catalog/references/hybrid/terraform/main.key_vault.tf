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
