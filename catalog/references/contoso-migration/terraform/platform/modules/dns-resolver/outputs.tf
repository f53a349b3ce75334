output "resource_id" {
  description = "Resource ID of the DNS Private Resolver."
  value       = azurerm_private_dns_resolver.this.id
}

output "name" {
  description = "Name of the DNS Private Resolver."
  value       = azurerm_private_dns_resolver.this.name
}

output "inbound_ip_address" {
  description = "Private IP address of the inbound endpoint: the conditional forwarder target for Azure zones on premises."
  value       = azurerm_private_dns_resolver_inbound_endpoint.this.ip_configurations[0].private_ip_address
}

output "forwarding_ruleset_id" {
  description = "Resource ID of the forwarding ruleset."
  value       = azurerm_private_dns_resolver_dns_forwarding_ruleset.this.id
}
