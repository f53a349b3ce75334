# Key Vault with the Azure Verified Modules' interfaces (role_assignments, diagnostic_settings,
# private_endpoints): RBAC authorization, soft delete, and purge protection where the
# environment asks for it. With a private endpoint, public network access is off.
resource "azurerm_key_vault" "this" {
  #checkov:skip=CKV_AZURE_189:Public network access is off whenever the vault has a private endpoint (the default); meg lint SEC-001 warns when it has none.
  #checkov:skip=CKV2_AZURE_32:The vault's private endpoints are made by modules/private-endpoint (var.private_endpoints, on by default), which checkov's graph does not follow into a nested module; meg lint SEC-001 warns when a vault has none.
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  tenant_id           = var.tenant_id
  sku_name            = var.sku_name
  # Azure RBAC instead of access policies: one permission model for the platform (Security).
  # (enable_rbac_authorization is accepted by every azurerm 4.x release.)
  enable_rbac_authorization     = true
  soft_delete_retention_days    = var.soft_delete_retention_days
  purge_protection_enabled      = var.purge_protection_enabled
  public_network_access_enabled = length(var.private_endpoints) == 0
  tags                          = var.tags

  network_acls {
    # Deny by default; trusted Azure services (Backup, Disk Encryption) still get through.
    bypass         = "AzureServices"
    default_action = "Deny"
  }
}

# Data-plane access for the people who run the vault: an RBAC vault grants its contents to no one
# by default, so without this `az keyvault secret set` is refused (403) (Security, Operational Excellence).
resource "azurerm_role_assignment" "this" {
  for_each = var.role_assignments

  scope = azurerm_key_vault.this.id
  # A role is named by its definition's resource ID or by its name, as the AVM modules take it.
  role_definition_id   = strcontains(lower(each.value.role_definition_id_or_name), "/providers/microsoft.authorization/roledefinitions/") ? each.value.role_definition_id_or_name : null
  role_definition_name = strcontains(lower(each.value.role_definition_id_or_name), "/providers/microsoft.authorization/roledefinitions/") ? null : each.value.role_definition_id_or_name
  principal_id         = each.value.principal_id
  principal_type       = each.value.principal_type
  description          = each.value.description
}

resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                           = coalesce(each.value.name, "diag-${var.name}")
  target_resource_id             = azurerm_key_vault.this.id
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

  name       = coalesce(var.lock.name, "lock-${var.name}")
  scope      = azurerm_key_vault.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."
}

module "private_endpoint" {
  source   = "../private-endpoint"
  for_each = var.private_endpoints

  name                           = each.value.name
  resource_group_name            = var.resource_group_name
  location                       = var.location
  tags                           = var.tags
  subnet_resource_id             = each.value.subnet_resource_id
  private_connection_resource_id = azurerm_key_vault.this.id
  subresource_names              = ["vault"]
  private_dns_zone_resource_ids  = each.value.private_dns_zone_resource_ids
}

# Addresses before this module took the AVM interfaces: existing vaults keep their resources.
moved {
  from = azurerm_role_assignment.administrators
  to   = azurerm_role_assignment.this
}

moved {
  from = azurerm_monitor_diagnostic_setting.key_vault
  to   = azurerm_monitor_diagnostic_setting.this["log_analytics"]
}

moved {
  from = azurerm_private_endpoint.key_vault[0]
  to   = module.private_endpoint["vault"].azurerm_private_endpoint.this
}
