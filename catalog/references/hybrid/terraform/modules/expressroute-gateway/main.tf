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

resource "azurerm_monitor_diagnostic_setting" "gateway" {
  name                       = "diag-log-analytics"
  target_resource_id         = azurerm_virtual_network_gateway.this.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category_group = "allLogs"
  }

  # Bits, packets and BGP route counts show when the SKU is outgrown (Performance Efficiency).
  enabled_metric {
    category = "AllMetrics"
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
