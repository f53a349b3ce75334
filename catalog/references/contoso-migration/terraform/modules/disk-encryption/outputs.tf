output "resource_id" {
  description = "Resource ID of the disk encryption set."
  value       = azurerm_disk_encryption_set.this.id
}

output "name" {
  description = "Name of the disk encryption set."
  value       = azurerm_disk_encryption_set.this.name
}
