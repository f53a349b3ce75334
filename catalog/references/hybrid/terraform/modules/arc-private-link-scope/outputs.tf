output "id" {
  description = "Resource ID of the private link scope, to associate Arc-enabled servers with."
  value       = azurerm_arc_private_link_scope.this.id
}

output "private_endpoint_id" {
  description = "Resource ID of the private endpoint."
  value       = azurerm_private_endpoint.this.id
}
