# Connectivity: the hub and what it shares with every spoke.
module "hub_network" {
  source = "./modules/hub-network"

  name                   = var.names.hub_virtual_network
  resource_group_name    = azurerm_resource_group.connectivity.name
  location               = var.location
  tags                   = var.tags
  address_space          = var.hub_network.address_prefixes
  dns_servers            = var.hub_network.dns_servers
  subnets                = var.hub_network.subnets
  bastion_address_prefix = var.hub_network.bastion_address_prefix
  lock                   = var.lock
  diagnostic_settings    = local.diagnostic_settings
  route_gateway_subnet   = length(azurerm_route_table.gateway) > 0
  gateway_route_table_id = one(azurerm_route_table.gateway[*].id)
}

module "private_dns_zones" {
  source = "./modules/private-dns-zones"

  zone_names          = var.private_dns_zones
  resource_group_name = azurerm_resource_group.connectivity.name
  virtual_network_id  = module.hub_network.resource_id
  tags                = var.tags
}
