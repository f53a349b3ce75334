output "resource_id" {
  description = "Resource ID of the Recovery Services vault."
  value       = azurerm_recovery_services_vault.this.id
}

output "name" {
  description = "Name of the Recovery Services vault."
  value       = azurerm_recovery_services_vault.this.name
}

output "backup_policy_id" {
  description = "Resource ID of the daily VM backup policy."
  value       = azurerm_backup_policy_vm.daily.id
}

output "migrate_project_id" {
  description = "Resource ID of the Azure Migrate project."
  value       = azapi_resource.migrate_project.id
}

output "maintenance_configuration_id" {
  description = "Resource ID of the maintenance configuration."
  value       = azurerm_maintenance_configuration.this.id
}
