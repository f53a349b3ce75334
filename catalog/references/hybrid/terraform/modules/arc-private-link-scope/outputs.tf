output "resource_id" {
  description = "Resource ID of the private link scope, to associate Arc-enabled servers with."
  value       = azurerm_arc_private_link_scope.this.id
}

output "name" {
  description = "Name of the private link scope."
  value       = azurerm_arc_private_link_scope.this.name
}

output "private_endpoints" {
  description = "The scope's private endpoints, by the key they were given: resource_id and name."
  value       = { for key, endpoint in module.private_endpoint : key => { resource_id = endpoint.resource_id, name = endpoint.name } }
}
