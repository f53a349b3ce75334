output "resource_id" {
  description = "Resource ID of the spoke virtual network."
  value       = azurerm_virtual_network.this.id
}

output "name" {
  description = "Name of the spoke virtual network."
  value       = azurerm_virtual_network.this.name
}

output "subnet_ids" {
  description = "Resource IDs of the spoke's subnets, by subnet name."
  # Built from the network's ID, which exists only once its subnets do: the keys are known at plan.
  value = { for name in keys(local.subnets) : name => "${azurerm_virtual_network.this.id}/subnets/${name}" }
}
