locals {
  # Every resource with platform logs and metrics sends them to this root's Log Analytics
  # workspace, through the modules' AVM interface (Operational Excellence).
  diagnostic_settings = {
    log_analytics = {
      name                  = "diag-log-analytics"
      workspace_resource_id = module.log_analytics.resource_id
    }
  }

  # Spokes by name, so adding one never re-creates the others.
  spokes = { for spoke in var.spokes : spoke.name => spoke }

  # What workloads take from the hub, whoever runs it: where private endpoints go and the
  # zones they register in.
  hub_virtual_network_id = data.azurerm_virtual_network.hub.id
  # A private endpoint sits in its virtual network's subscription: ours go into a spoke.
  platform_private_endpoint_subnet_id = var.hub_network.private_endpoint_spoke == null ? null : module.spoke_network[var.hub_network.private_endpoint_spoke].subnet_ids[var.hub_network.private_endpoint_subnet]
  private_dns_zone_ids                = var.hub_network.private_dns_zone_ids
}
