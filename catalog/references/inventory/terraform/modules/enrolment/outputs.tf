output "backup_assignment_id" {
  description = "Resource ID of the backup policy assignment."
  value       = azurerm_subscription_policy_assignment.backup.id
}

output "patch_prerequisites_assignment_id" {
  description = "Resource ID of the patch prerequisites policy assignment."
  value       = azurerm_subscription_policy_assignment.patch_prerequisites.id
}

output "patch_schedule_id" {
  description = "Resource ID of the dynamic scope of the patch window."
  value       = azurerm_maintenance_assignment_dynamic_scope.this.id
}
