output "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace."
  value       = module.log_analytics.resource_id
}

output "hub_virtual_network_id" {
  description = "Resource ID of the hub virtual network."
  value       = local.hub_virtual_network_id
}

output "key_vault_id" {
  description = "Resource ID of the platform Key Vault."
  value       = module.key_vault.resource_id
}

output "key_vault_uri" {
  description = "URI of the platform Key Vault."
  value       = module.key_vault.uri
}

output "spoke_virtual_network_ids" {
  description = "Resource IDs of the spoke virtual networks, by spoke name."
  value       = { for name, spoke in module.spoke_network : name => spoke.resource_id }
}

output "spoke_address_prefixes" {
  description = "Address prefixes of the spokes: the existing hub's owners route each one to the hub firewall on GatewaySubnet, or on-premises replies bypass the firewall the spokes send through."
  value       = flatten([for spoke in var.spokes : spoke.address_prefixes])
}

output "recovery_services_vault_id" {
  description = "Resource ID of the Recovery Services vault that backs up the servers; null when the environment has none."
  value       = one(module.migration[*].resource_id)
}

output "migrate_project_id" {
  description = "Resource ID of the Azure Migrate project; null when the environment has none."
  value       = one(module.migration[*].migrate_project_id)
}

output "maintenance_configuration_id" {
  description = "Resource ID of the Update Manager maintenance configuration; null when the environment has none."
  value       = one(module.migration[*].maintenance_configuration_id)
}

output "disk_encryption_set_id" {
  description = "Resource ID of the disk encryption set for the servers' managed disks; null when the environment has none."
  value       = one(module.disk_encryption[*].resource_id)
}

output "virtual_machine_ids" {
  description = "Resource IDs of the virtual machines meg deployed, by name."
  value       = { for name, vm in module.virtual_machine : name => vm.resource_id }
}

output "web_app_host_names" {
  description = "Default host names of the web apps (private: reachable through their private endpoints), by application."
  value       = { for name, app in module.application : name => app.web_app_host_names }
}

output "front_door_host_names" {
  description = "Public host names of the Front Door endpoints, by endpoint name; empty without Front Door."
  value       = length(module.front_door) > 0 ? module.front_door[0].host_names : {}
}
