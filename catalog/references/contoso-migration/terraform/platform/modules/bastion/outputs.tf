output "resource_id" {
  description = "Resource ID of the Bastion host."
  value       = azurerm_bastion_host.this.id
}

output "name" {
  description = "Name of the Bastion host."
  value       = azurerm_bastion_host.this.name
}
