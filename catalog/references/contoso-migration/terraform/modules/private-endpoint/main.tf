# One private endpoint and its records in the privatelink zones: every private endpoint meg
# writes (vaults, web apps, SQL, registries, Arc) goes through this module.
resource "azurerm_private_endpoint" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  subnet_id           = var.subnet_resource_id
  tags                = var.tags

  private_service_connection {
    # Named after the sub-resource, as meg has always named it: renaming it replaces the endpoint.
    name                           = one(var.subresource_names)
    private_connection_resource_id = var.private_connection_resource_id
    subresource_names              = var.subresource_names
    is_manual_connection           = false
  }

  dynamic "private_dns_zone_group" {
    for_each = length(var.private_dns_zone_resource_ids) == 0 ? [] : [var.private_dns_zone_resource_ids]

    content {
      name                 = var.private_dns_zone_group_name
      private_dns_zone_ids = private_dns_zone_group.value
    }
  }
}
