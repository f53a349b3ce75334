# DNS Private Resolver in the hub: the inbound endpoint answers on-premises queries for Azure's
# private zones; the outbound endpoint and its ruleset forward on-premises domains to the
# on-premises DNS servers. The ruleset is linked to the hub; spokes use the inbound endpoint as
# their DNS server, so they need no link of their own.
locals {
  # Rule names come from the domain (corp.contoso.com. -> corp-contoso-com): stable across applies.
  forwarding_rules = { for rule in var.forwarding_rules : join("-", compact(split(".", rule.domain))) => rule }
}

resource "azurerm_private_dns_resolver" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  virtual_network_id  = var.virtual_network_id
  tags                = var.tags
}

# No diagnostic settings: dnsResolvers has no log categories and none of its metrics can be
# exported; its metrics stay in Azure Monitor.

resource "azurerm_private_dns_resolver_inbound_endpoint" "this" {
  name                    = var.inbound_endpoint_name
  private_dns_resolver_id = azurerm_private_dns_resolver.this.id
  location                = var.location
  tags                    = var.tags

  ip_configurations {
    subnet_id = var.inbound_subnet_id
    # A fixed address: on-premises conditional forwarders and the spokes' DNS settings point at it (Reliability).
    private_ip_allocation_method = var.inbound_ip_address == null ? "Dynamic" : "Static"
    private_ip_address           = var.inbound_ip_address
  }
}

resource "azurerm_private_dns_resolver_outbound_endpoint" "this" {
  name                    = var.outbound_endpoint_name
  private_dns_resolver_id = azurerm_private_dns_resolver.this.id
  location                = var.location
  subnet_id               = var.outbound_subnet_id
  tags                    = var.tags
}

resource "azurerm_private_dns_resolver_dns_forwarding_ruleset" "this" {
  name                                       = var.forwarding_ruleset_name
  resource_group_name                        = var.resource_group_name
  location                                   = var.location
  private_dns_resolver_outbound_endpoint_ids = [azurerm_private_dns_resolver_outbound_endpoint.this.id]
  tags                                       = var.tags
}

resource "azurerm_private_dns_resolver_forwarding_rule" "on_premises" {
  for_each = local.forwarding_rules

  name                      = each.key
  dns_forwarding_ruleset_id = azurerm_private_dns_resolver_dns_forwarding_ruleset.this.id
  domain_name               = each.value.domain
  enabled                   = true

  # Every on-premises server as a target: one down does not stop resolution (Reliability).
  dynamic "target_dns_servers" {
    for_each = each.value.target_dns_servers

    content {
      ip_address = target_dns_servers.value
      port       = 53
    }
  }
}

resource "azurerm_private_dns_resolver_virtual_network_link" "hub" {
  name                      = "link-hub"
  dns_forwarding_ruleset_id = azurerm_private_dns_resolver_dns_forwarding_ruleset.this.id
  virtual_network_id        = var.virtual_network_id
}
