# Azure Arc: servers that stay on premises are managed through a private endpoint in the hub.
# Arc is a management service, so the scope and its endpoint live in the management resource group (CAF).
module "arc_private_link_scope" {
  source = "./modules/arc-private-link-scope"
  count  = var.arc_private_link_scope.enabled ? 1 : 0

  name                  = var.names.arc_private_link_scope
  private_endpoint_name = var.names.arc_private_link_scope_private_endpoint
  resource_group_name   = azurerm_resource_group.management.name
  location              = var.location
  tags                  = var.tags
  subnet_id             = module.hub_network.subnet_ids["snet-management"]
  private_dns_zone_ids  = module.private_dns_zones.zone_ids
}
