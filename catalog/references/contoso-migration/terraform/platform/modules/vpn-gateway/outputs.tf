output "resource_id" {
  description = "Resource ID of the VPN gateway."
  value       = azurerm_virtual_network_gateway.this.id
}

output "name" {
  description = "Name of the VPN gateway."
  value       = azurerm_virtual_network_gateway.this.name
}

output "public_ip_addresses" {
  description = "Public IP addresses of the gateway, to configure as peers on the on-premises VPN devices."
  value       = [for name in local.public_ip_names : azurerm_public_ip.this[name].ip_address]
}
