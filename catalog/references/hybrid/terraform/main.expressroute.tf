# ExpressRoute: private, SLA-backed connectivity to on-premises through the provider's circuit.
module "expressroute_gateway" {
  source = "./modules/expressroute-gateway"
  count  = var.express_route.enabled ? 1 : 0

  name                = var.names.express_route_gateway
  connection_name     = var.names.express_route_connection
  resource_group_name = azurerm_resource_group.connectivity.name
  location            = var.location
  tags                = var.tags
  sku                 = var.express_route.sku
  gateway_subnet_id   = module.hub_network.gateway_subnet_id
  circuit_id          = var.express_route.circuit_id
  lock                = var.lock
  diagnostic_settings = local.diagnostic_settings

  # Both gateways share GatewaySubnet and Azure runs one gateway operation per network at a time.
  depends_on = [module.vpn_gateway]
}
