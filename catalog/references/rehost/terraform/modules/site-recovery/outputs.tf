output "vault_id" {
  description = "Resource ID of the Site Recovery vault."
  value       = azurerm_recovery_services_vault.this.id
}

output "replication_policy_id" {
  description = "Resource ID of the replication policy."
  value       = azurerm_site_recovery_replication_policy.this.id
}

output "cache_storage_id" {
  description = "Resource ID of the cache storage account."
  value       = azurerm_storage_account.cache.id
}
