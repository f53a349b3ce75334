output "web_app_host_names" {
  description = "Default host names of the web apps, by web app name."
  value       = { for name, site in azurerm_linux_web_app.this : name => site.default_hostname }
}

output "web_app_ids" {
  description = "Resource IDs of the web apps, by web app name."
  value       = { for name, site in azurerm_linux_web_app.this : name => site.id }
}

output "key_vault_id" {
  description = "Resource ID of the application's Key Vault."
  value       = module.key_vault.resource_id
}
