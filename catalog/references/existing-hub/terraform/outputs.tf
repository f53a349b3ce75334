output "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace."
  value       = module.log_analytics.id
}

output "hub_virtual_network_id" {
  description = "Resource ID of the hub virtual network."
  value       = data.azurerm_virtual_network.hub.id
}

output "key_vault_id" {
  description = "Resource ID of the platform Key Vault."
  value       = module.key_vault.id
}

output "key_vault_uri" {
  description = "URI of the platform Key Vault."
  value       = module.key_vault.uri
}

output "spoke_virtual_network_ids" {
  description = "Resource IDs of the spoke virtual networks, by spoke name."
  value       = { for name, spoke in module.spoke_network : name => spoke.id }
}
