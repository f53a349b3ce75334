locals {
  # Every resource with platform logs and metrics sends them to this root's Log Analytics
  # workspace, through the modules' AVM interface (Operational Excellence).
  diagnostic_settings = {
    log_analytics = {
      name                  = "diag-log-analytics"
      workspace_resource_id = module.log_analytics.resource_id
    }
  }
  hub_virtual_network_id = module.hub_network.resource_id
}
