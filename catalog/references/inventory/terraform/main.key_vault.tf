# Security: the platform Key Vault.
module "key_vault" {
  source = "./modules/key-vault"

  name                       = var.names.key_vault
  resource_group_name        = azurerm_resource_group.security.name
  location                   = var.location
  tags                       = var.tags
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = var.key_vault.sku
  purge_protection_enabled   = var.key_vault.enable_purge_protection
  soft_delete_retention_days = var.key_vault.soft_delete_retention_in_days
  # The people who run the vault manage its contents: Key Vault Administrator.
  role_assignments = {
    for principal_id in var.key_vault.administrators : principal_id => {
      role_definition_id_or_name = "Key Vault Administrator"
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
  private_endpoints = var.key_vault.private_endpoint ? {
    vault = {
      name                          = var.names.key_vault_private_endpoint
      subnet_resource_id            = local.platform_private_endpoint_subnet_id
      private_dns_zone_resource_ids = compact([lookup(local.private_dns_zone_ids, "privatelink.vaultcore.azure.net", null)])
    }
  } : {}
}
