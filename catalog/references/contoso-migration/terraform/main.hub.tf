# Connectivity: the hub and what it shares with every spoke.
# The platform team's hub, maybe in the connectivity subscription: read, never changed here
# except for the hub side of each spoke's peering (Network Contributor on the hub's group).
data "azurerm_virtual_network" "hub" {
  provider = azurerm.hub

  name                = var.hub_network.virtual_network_name
  resource_group_name = var.hub_network.resource_group_name
}
