output "resource_id" {
  description = "Resource ID of the ExpressRoute gateway."
  value       = azurerm_virtual_network_gateway.this.id
}

output "name" {
  description = "Name of the ExpressRoute gateway."
  value       = azurerm_virtual_network_gateway.this.name
}
