# Azure Arc private link scope: Arc-enabled servers on premises reach Arc's services through a
# private endpoint in the hub, over the VPN or ExpressRoute, instead of the internet.
resource "azurerm_arc_private_link_scope" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  # Agents in this scope connect only through the private endpoint (Security). Entra ID and
  # Azure Resource Manager are still reached on their public endpoints.
  public_network_access_enabled = false
  tags                          = var.tags
}

# Neither the scope nor the endpoint has log categories: no diagnostic settings.

module "private_endpoint" {
  source   = "../private-endpoint"
  for_each = var.private_endpoints

  name                           = each.value.name
  resource_group_name            = var.resource_group_name
  location                       = var.location
  tags                           = var.tags
  subnet_resource_id             = each.value.subnet_resource_id
  private_connection_resource_id = azurerm_arc_private_link_scope.this.id
  subresource_names              = ["hybridcompute"]
  private_dns_zone_resource_ids  = each.value.private_dns_zone_resource_ids
}

# The endpoint's address before this module took the AVM interface: it stays where it is.
moved {
  from = azurerm_private_endpoint.this
  to   = module.private_endpoint["hybridcompute"].azurerm_private_endpoint.this
}
