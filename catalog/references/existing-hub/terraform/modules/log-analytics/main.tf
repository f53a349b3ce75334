# Log Analytics workspace: the one place every platform resource sends logs and metrics.
resource "azurerm_log_analytics_workspace" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  sku                 = "PerGB2018"
  retention_in_days   = var.retention_in_days
  daily_quota_gb      = var.daily_quota_gb
  # Access follows Azure RBAC on the resources, not only on the workspace (Security).
  allow_resource_only_permissions = true
  # Entra ID only: no shared keys for agents or queries (Security).
  local_authentication_disabled = true
  tags                          = var.tags
}

# The workspace audits its own queries and settings changes (who looked at what).
resource "azurerm_monitor_diagnostic_setting" "workspace" {
  name                       = "diag-log-analytics"
  target_resource_id         = azurerm_log_analytics_workspace.this.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id

  enabled_log {
    category_group = "audit"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_management_lock" "this" {
  count = var.lock == null ? 0 : 1

  name       = coalesce(var.lock.name, "lock-${var.name}")
  scope      = azurerm_log_analytics_workspace.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."
}
