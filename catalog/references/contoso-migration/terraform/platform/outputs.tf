output "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace."
  value       = module.log_analytics.resource_id
}

output "hub_virtual_network_id" {
  description = "Resource ID of the hub virtual network."
  value       = local.hub_virtual_network_id
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

output "vpn_gateway_id" {
  description = "Resource ID of the VPN gateway; null where the environment has none."
  value       = one(module.vpn_gateway[*].resource_id)
}

output "vpn_gateway_public_ip_addresses" {
  description = "Public IP addresses of the VPN gateway, to configure as peers on the on-premises VPN devices."
  value       = one(module.vpn_gateway[*].public_ip_addresses)
}

output "dns_resolver_inbound_ip_address" {
  description = "Inbound endpoint address of the DNS Private Resolver: the conditional forwarder target for Azure zones on premises; null where the environment has none."
  value       = one(module.dns_resolver[*].inbound_ip_address)
}
