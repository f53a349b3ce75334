output "id" {
  description = "Resource ID of the spoke virtual network."
  value       = azurerm_virtual_network.this.id
}

output "name" {
  description = "Name of the spoke virtual network."
  value       = azurerm_virtual_network.this.name
}

output "subnet_ids" {
  description = "Resource IDs of the spoke's subnets, by subnet name."
  value       = { for name, subnet in azurerm_subnet.this : name => subnet.id }
}
