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

output "gateway_subnet_id" {
  description = "Resource ID of GatewaySubnet once its route table is attached: a gateway being created in the subnet would make the attachment fail, so the gateways wait for it."
  value       = lookup({ for name, subnet in azurerm_subnet.this : name => subnet.id }, "GatewaySubnet", null)
  depends_on  = [azurerm_subnet_route_table_association.gateway]
}
