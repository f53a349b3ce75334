output "id" {
  description = "Resource ID of the disk encryption set."
  value       = azurerm_disk_encryption_set.this.id
}
