# ExpressRoute gateway: zone-redundant (AZ SKU) in the hub's GatewaySubnet, connected to the
# circuit when one is given. Diagnostics to Log Analytics.
resource "azurerm_virtual_network_gateway" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  type                = "ExpressRoute"
  # ExpressRoute gateways are route-based only; Generation applies to VPN gateways.
  vpn_type   = "RouteBased"
  generation = "None"
  # AZ SKU: instances spread over the region's zones (Reliability).
  sku  = var.sku
  tags = var.tags

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = var.gateway_subnet_id
    private_ip_address_allocation = "Dynamic"
    # No public IP of ours: since 2025 Azure assigns and manages a zone-redundant one for every new
    # ExpressRoute gateway, and rejects one passed in.
  }
}

resource "azurerm_virtual_network_gateway_connection" "circuit" {
  count = var.circuit_id == null ? 0 : 1

  name                       = var.connection_name
  resource_group_name        = var.resource_group_name
  location                   = var.location
  type                       = "ExpressRoute"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.this.id
  express_route_circuit_id   = var.circuit_id
  # For the same prefix Azure prefers ExpressRoute over a site-to-site VPN, so a VPN gateway
  # beside this one stays the backup path (Reliability).
  routing_weight = 0
  tags           = var.tags
}
# Diagnostics of the gateway (bits, packets and BGP route counts show when the SKU is outgrown:
# Performance Efficiency), to the destinations of var.diagnostic_settings.
resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                           = coalesce(each.value.name, "diag-${var.name}")
  target_resource_id             = azurerm_virtual_network_gateway.this.id
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
  scope      = azurerm_virtual_network_gateway.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."
}

# The address before this module took the AVM interfaces: the setting is kept, not re-created.
moved {
  from = azurerm_monitor_diagnostic_setting.gateway
  to   = azurerm_monitor_diagnostic_setting.this["log_analytics"]
}
