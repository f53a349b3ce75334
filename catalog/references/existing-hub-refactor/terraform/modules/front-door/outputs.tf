output "host_names" {
  description = "Public host names of the endpoints, by endpoint name."
  value       = { for name, endpoint in azurerm_cdn_frontdoor_endpoint.this : name => endpoint.host_name }
}
