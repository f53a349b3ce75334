output "resource_id" {
  description = "Resource ID of the firewall."
  value       = azurerm_firewall.this.id
}

output "name" {
  description = "Name of the firewall."
  value       = azurerm_firewall.this.name
}

output "public_ip_address" {
  description = "Public IP of the firewall: the source address of the spokes' internet traffic."
  value       = azurerm_public_ip.this["firewall"].ip_address
}

output "policy_id" {
  description = "Resource ID of the firewall policy."
  value       = azurerm_firewall_policy.this.id
}
