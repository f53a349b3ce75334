output "id" {
  description = "Resource ID of the vault."
  value       = azurerm_key_vault.this.id
}

output "uri" {
  description = "URI of the vault."
  value       = azurerm_key_vault.this.vault_uri
}
