locals {
  # Spokes by name, so adding one never re-creates the others.
  spokes = { for spoke in var.spokes : spoke.name => spoke }

  # What workloads take from the hub, whoever runs it: where private endpoints go and the
  # zones they register in.
  hub_virtual_network_id         = data.azurerm_virtual_network.hub.id
  hub_private_endpoint_subnet_id = var.hub_network.private_endpoint_subnet_id
  private_dns_zone_ids           = var.hub_network.private_dns_zone_ids
}
