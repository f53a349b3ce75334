# Azure Arc private link scope: Arc-enabled servers on premises reach Arc's services through a
# private endpoint in the hub, over the VPN or ExpressRoute, instead of the internet.
locals {
  # The zones the hybridcompute endpoint registers in (Kubernetes configuration only for Arc-enabled Kubernetes).
  arc_zone_names = [
    "privatelink.his.arc.azure.com",
    "privatelink.guestconfiguration.azure.com",
    "privatelink.dp.kubernetesconfiguration.azure.com",
  ]
  private_dns_zone_ids = [for zone in local.arc_zone_names : var.private_dns_zone_ids[zone] if contains(keys(var.private_dns_zone_ids), zone)]
}

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

resource "azurerm_private_endpoint" "this" {
  name                = var.private_endpoint_name
  resource_group_name = var.resource_group_name
  location            = var.location
  subnet_id           = var.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = "hybridcompute"
    private_connection_resource_id = azurerm_arc_private_link_scope.this.id
    subresource_names              = ["hybridcompute"]
    is_manual_connection           = false
  }

  dynamic "private_dns_zone_group" {
    for_each = length(local.private_dns_zone_ids) == 0 ? [] : [local.private_dns_zone_ids]

    content {
      name                 = "default"
      private_dns_zone_ids = private_dns_zone_group.value
    }
  }
}
