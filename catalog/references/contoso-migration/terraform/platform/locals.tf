locals {
  hub_virtual_network_id = module.hub_network.resource_id
}
