output "id" {
  description = "Resource ID of the data collection rule."
  value       = azurerm_monitor_data_collection_rule.this.id
}
