locals {
<<<<<<< HEAD
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
  hub_virtual_network_id              = module.hub_network.resource_id
  platform_private_endpoint_subnet_id = module.hub_network.subnet_ids["snet-management"]
  private_dns_zone_ids                = module.private_dns_zones.zone_ids
=======
  hub_virtual_network_id = module.hub_network.resource_id
>>>>>>> platform-root
}
