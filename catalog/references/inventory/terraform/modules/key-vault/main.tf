# Platform Key Vault: RBAC authorization, soft delete, and purge protection where the
# environment asks for it. With a private endpoint, public network access is off.
resource "azurerm_key_vault" "this" {
  #checkov:skip=CKV_AZURE_189:Public network access is off whenever the vault has a private endpoint (the default); meg lint SEC-001 warns when it has none.
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  tenant_id           = var.tenant_id
  sku_name            = var.sku
  # Azure RBAC instead of access policies: one permission model for the platform (Security).
  # (enable_rbac_authorization is accepted by every azurerm 4.x release.)
  enable_rbac_authorization     = true
  soft_delete_retention_days    = var.soft_delete_retention_in_days
  purge_protection_enabled      = var.enable_purge_protection
  public_network_access_enabled = var.private_endpoint == null
  tags                          = var.tags

  network_acls {
    # Deny by default; trusted Azure services (Backup, Disk Encryption) still get through.
    bypass         = "AzureServices"
    default_action = "Deny"
  }
}

# Data-plane access for the people who run the vault: an RBAC vault grants its contents to no one
# by default, so without this `az keyvault secret set` is refused (403) (Security, Operational Excellence).
resource "azurerm_role_assignment" "administrators" {
  for_each = toset(var.administrators)

  scope                = azurerm_key_vault.this.id
  role_definition_name = var.administrator_role
  principal_id         = each.value
}

resource "azurerm_monitor_diagnostic_setting" "key_vault" {
  name                       = "diag-log-analytics"
  target_resource_id         = azurerm_key_vault.this.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category_group = "audit"
  }

  enabled_log {
    category_group = "allLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_private_endpoint" "key_vault" {
  count = var.private_endpoint == null ? 0 : 1

  name                = var.private_endpoint.name
  resource_group_name = var.resource_group_name
  location            = var.location
  subnet_id           = var.private_endpoint.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = "vault"
    private_connection_resource_id = azurerm_key_vault.this.id
    subresource_names              = ["vault"]
    is_manual_connection           = false
  }

  dynamic "private_dns_zone_group" {
    for_each = var.private_endpoint.private_dns_zone_id == null ? [] : [var.private_endpoint.private_dns_zone_id]

    content {
      name                 = "default"
      private_dns_zone_ids = [private_dns_zone_group.value]
    }
  }
}
