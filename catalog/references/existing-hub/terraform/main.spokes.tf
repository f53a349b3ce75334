# Spokes: one virtual network per workload, peered to the hub.
module "spoke_network" {
  source   = "./modules/spoke-network"
  for_each = local.spokes
  providers = {
    azurerm     = azurerm
    azurerm.hub = azurerm.hub
  }

  spoke                        = each.value
  resource_group_name          = azurerm_resource_group.spoke[each.key].name
  location                     = var.location
  tags                         = merge(var.tags, each.value.tags)
  dns_servers                  = var.hub_network.spoke_dns_servers
  hub_virtual_network_id       = local.hub_virtual_network_id
  bastion_address_prefix       = var.hub_network.bastion_address_prefix
  on_premises_address_prefixes = var.on_premises_address_prefixes
  hub_virtual_network_name     = data.azurerm_virtual_network.hub.name
  hub_resource_group_name      = data.azurerm_virtual_network.hub.resource_group_name
  hub_peering_name             = "${var.hub_network.peering_name_prefix}-${each.key}"
  firewall_private_ip          = var.hub_network.firewall_private_ip
  use_remote_gateways          = var.hub_network.use_remote_gateways
  lock                         = var.lock
  diagnostic_settings          = local.diagnostic_settings
}
