output "resource_id" {
  description = "Resource ID of the Site Recovery vault."
  value       = azurerm_recovery_services_vault.this.id
}

output "name" {
  description = "Name of the Site Recovery vault."
  value       = azurerm_recovery_services_vault.this.name
}

output "replication_policy_id" {
  description = "Resource ID of the replication policy."
  value       = azurerm_site_recovery_replication_policy.this.id
}

output "protected_item_ids" {
  description = "Resource IDs of the protected servers' replication items, by server name."
  value       = { for name, item in azurerm_site_recovery_replicated_vm.this : name => item.id }
}

output "cache_storage_id" {
  description = "Resource ID of the cache storage account."
  value       = azurerm_storage_account.cache.id
}
