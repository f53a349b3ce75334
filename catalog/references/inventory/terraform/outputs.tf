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

output "firewall_private_ip_address" {
  description = "Private IP of the hub firewall (the first usable address of AzureFirewallSubnet, which Azure always gives it); null when the environment has none."
  value       = var.firewall.enabled ? var.firewall.private_ip_address : null
}

output "firewall_public_ip_address" {
  description = "Public IP of the hub firewall, the source address of the spokes' internet traffic; null when the environment has none."
  value       = one(module.firewall[*].public_ip_address)
}

output "firewall_policy_id" {
  description = "Resource ID of the firewall policy, for rule collection groups added by landing zone teams; null when the environment has no firewall."
  value       = one(module.firewall[*].policy_id)
}

output "bastion_id" {
  description = "Resource ID of the Bastion host; null when the environment has none."
  value       = one(module.bastion[*].resource_id)
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
