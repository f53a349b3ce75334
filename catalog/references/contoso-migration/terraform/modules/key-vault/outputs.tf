output "resource_id" {
  description = "Resource ID of the vault."
  value       = azurerm_key_vault.this.id
}

output "name" {
  description = "Name of the vault."
  value       = azurerm_key_vault.this.name
}

output "uri" {
  description = "URI of the vault."
  value       = azurerm_key_vault.this.vault_uri
}

output "private_endpoints" {
  description = "The vault's private endpoints, by the key they were given: resource_id and name."
  value       = { for key, endpoint in module.private_endpoint : key => { resource_id = endpoint.resource_id, name = endpoint.name } }
}
