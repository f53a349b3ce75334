# Azure Bastion in the hub: RDP and SSH to every peered network over TLS from the portal or the
# Azure CLI, so no virtual machine needs a public IP or an open management port (Security).
resource "azurerm_public_ip" "this" {
  name                = var.public_ip_name
  resource_group_name = var.resource_group_name
  location            = var.location
  # Standard and static: what Azure Bastion requires.
  sku               = "Standard"
  allocation_method = "Static"
  tags              = var.tags
}

resource "azurerm_monitor_diagnostic_setting" "public_ip" {
  name                       = "diag-log-analytics"
  target_resource_id         = azurerm_public_ip.this.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category_group = "allLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_bastion_host" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  sku                 = var.sku
  # Room for the sessions of a migration wave's engineers (Performance Efficiency).
  scale_units = var.scale_units
  # Native client (az network bastion rdp/ssh) where the SKU offers it (Operational Excellence).
  tunneling_enabled = var.sku != "Basic"
  # A shareable link lets anyone holding it reach a VM without an Azure role: off (Security).
  shareable_link_enabled = false
  tags                   = var.tags

  ip_configuration {
    name                 = "ipconfig-bastion"
    subnet_id            = var.subnet_id
    public_ip_address_id = azurerm_public_ip.this.id
  }
}

resource "azurerm_monitor_diagnostic_setting" "bastion" {
  name                       = "diag-log-analytics"
  target_resource_id         = azurerm_bastion_host.this.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  # BastionAuditLogs: who opened a session to which machine, from where (Security).
  enabled_log {
    category_group = "allLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}
