# Azure Arc: servers that stay on premises are managed through a private endpoint in the hub.
# Arc is a management service, so the scope and its endpoint live in the management resource group (CAF).
module "arc_private_link_scope" {
  source = "./modules/arc-private-link-scope"
  count  = var.arc_private_link_scope.enabled ? 1 : 0

  name                = var.names.arc_private_link_scope
  resource_group_name = azurerm_resource_group.management.name
  location            = var.location
  tags                = var.tags
  private_endpoints = {
    hybridcompute = {
      name               = var.names.arc_private_link_scope_private_endpoint
      subnet_resource_id = module.hub_network.subnet_ids["snet-management"]
      # The Arc zones the hub has (Kubernetes configuration serves Arc-enabled Kubernetes only).
      private_dns_zone_resource_ids = [
        for zone in ["privatelink.his.arc.azure.com", "privatelink.guestconfiguration.azure.com", "privatelink.dp.kubernetesconfiguration.azure.com"] :
        module.private_dns_zones.zone_ids[zone] if contains(keys(module.private_dns_zones.zone_ids), zone)
      ]
    }
  }
}
