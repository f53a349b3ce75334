# Spokes: one virtual network per workload, peered to the hub.
module "spoke_network" {
  source   = "./modules/spoke-network"
  for_each = local.spokes

  spoke                        = each.value
  resource_group_name          = azurerm_resource_group.spoke[each.key].name
  location                     = var.location
  tags                         = merge(var.tags, each.value.tags)
  dns_servers                  = var.hub_network.spoke_dns_servers
  hub_virtual_network_id       = local.hub_virtual_network_id
  bastion_address_prefix       = var.hub_network.bastion_address_prefix
  on_premises_address_prefixes = var.on_premises_address_prefixes
  hub_virtual_network_name     = module.hub_network.name
  hub_resource_group_name      = azurerm_resource_group.connectivity.name
  lock                         = var.lock
  diagnostic_settings          = local.diagnostic_settings
  firewall_private_ip          = var.firewall.enabled ? var.firewall.private_ip_address : null
  use_remote_gateways          = var.vpn_gateway.enabled || var.express_route.enabled

  # Peering with remote gateways fails until the hub's gateway exists.
  depends_on = [
    module.vpn_gateway,
    module.expressroute_gateway,
  ]
}
