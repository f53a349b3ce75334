# Private DNS zones for private endpoints, linked to the hub so every peered network that
# uses the hub's DNS resolves them.
resource "azurerm_private_dns_zone" "this" {
  for_each = toset(var.zone_names)

  name                = each.value
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "hub" {
  for_each = azurerm_private_dns_zone.this

  name                  = "link-hub"
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = each.value.name
  virtual_network_id    = var.virtual_network_id
  # Private endpoint records are managed by their DNS zone groups, not auto-registration.
  registration_enabled = false
  tags                 = var.tags
}
