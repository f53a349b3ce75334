output "resource_id" {
  description = "Resource ID of the Front Door profile."
  value       = azurerm_cdn_frontdoor_profile.this.id
}

output "name" {
  description = "Name of the Front Door profile."
  value       = azurerm_cdn_frontdoor_profile.this.name
}

output "host_names" {
  description = "Public host names of the endpoints, by endpoint name."
  value       = { for name, endpoint in azurerm_cdn_frontdoor_endpoint.this : name => endpoint.host_name }
}
