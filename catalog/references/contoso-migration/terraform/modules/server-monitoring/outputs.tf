output "resource_id" {
  description = "Resource ID of the data collection rule."
  value       = azurerm_monitor_data_collection_rule.this.id
}

output "name" {
  description = "Name of the data collection rule."
  value       = azurerm_monitor_data_collection_rule.this.name
}
