# Spokes: one virtual network per workload, peered to the hub.
module "spoke_network" {
  source   = "./modules/spoke-network"
  for_each = local.spokes

  spoke                       = each.value
  resource_group_name         = azurerm_resource_group.spoke[each.key].name
  location                    = var.location
  tags                        = merge(var.tags, each.value.tags)
  dns_servers                 = var.hub_network.spoke_dns_servers
  hub_virtual_network_id      = local.hub_virtual_network_id
  bastion_address_prefix      = var.hub_network.bastion_address_prefix
  site_recovery_multi_vm_sync = contains(var.site_recovery.multi_vm_groups, each.key)
  hub_virtual_network_name    = module.hub_network.name
  hub_resource_group_name     = azurerm_resource_group.connectivity.name
  lock                        = var.lock
  diagnostic_settings         = local.diagnostic_settings
  firewall_private_ip         = var.firewall.enabled ? var.firewall.private_ip_address : null
}

# Spokes on Azure DNS (no resolver, no firewall DNS proxy) resolve a private zone only through a
# link of their own: meg links every zone to every spoke then (hub_network.link_private_dns_zones_to_spokes).
resource "azurerm_private_dns_zone_virtual_network_link" "spoke" {
  for_each = var.hub_network.link_private_dns_zones_to_spokes ? {
    for pair in setproduct(keys(local.spokes), var.private_dns_zones) : "${pair[0]}/${pair[1]}" => {
      spoke = pair[0]
      zone  = pair[1]
    }
  } : {}

  name                  = "link-${each.value.spoke}"
  resource_group_name   = azurerm_resource_group.connectivity.name
  private_dns_zone_name = each.value.zone
  virtual_network_id    = module.spoke_network[each.value.spoke].resource_id
  # Records come from the private endpoints' DNS zone groups, not auto-registration.
  registration_enabled = false
  tags                 = var.tags

  # The zone is created by the zones module, which the link names only by its name.
  depends_on = [module.private_dns_zones]
}
