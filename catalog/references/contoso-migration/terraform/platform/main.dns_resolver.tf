# DNS Private Resolver: on-premises resolves Azure's private zones, Azure resolves on-premises domains.
module "dns_resolver" {
  source = "./modules/dns-resolver"
  count  = var.dns_resolver.enabled ? 1 : 0

  name                    = var.names.dns_resolver
  inbound_endpoint_name   = var.names.dns_resolver_inbound_endpoint
  outbound_endpoint_name  = var.names.dns_resolver_outbound_endpoint
  forwarding_ruleset_name = var.names.dns_forwarding_ruleset
  resource_group_name     = azurerm_resource_group.connectivity.name
  location                = var.location
  tags                    = var.tags
  virtual_network_id      = module.hub_network.resource_id
  inbound_subnet_id       = module.hub_network.subnet_ids["snet-dns-inbound"]
  outbound_subnet_id      = module.hub_network.subnet_ids["snet-dns-outbound"]
  inbound_ip_address      = var.dns_resolver.inbound_ip_address
  forwarding_rules        = var.dns_resolver.forwarding_rules
}
