output "resource_id" {
  description = "Resource ID of the hub virtual network."
  value       = azurerm_virtual_network.this.id
}

output "name" {
  description = "Name of the hub virtual network."
  value       = azurerm_virtual_network.this.name
}

output "subnet_ids" {
  description = "Subnet resource IDs by subnet name."
  value       = { for name, subnet in azurerm_subnet.this : name => subnet.id }
}
