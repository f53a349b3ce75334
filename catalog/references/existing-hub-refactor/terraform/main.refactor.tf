# Applications (refactor): each application's platform services sit in its own spoke and are
# reached through private endpoints only.
module "application" {
  source   = "./modules/application"
  for_each = var.paas.enabled ? { for app in var.paas.applications : app.name => app } : {}

  app                                  = each.value
  resource_group_name                  = azurerm_resource_group.spoke[each.key].name
  location                             = var.location
  tags                                 = merge(var.tags, each.value.tags)
  tenant_id                            = data.azurerm_client_config.current.tenant_id
  app_service                          = var.paas.app_service
  sql                                  = var.paas.sql
  deployer_object_id                   = data.azurerm_client_config.current.object_id
  key_vault_purge_protection_enabled   = var.key_vault.enable_purge_protection
  key_vault_soft_delete_retention_days = var.key_vault.soft_delete_retention_in_days
  application_insights_workspace_id    = module.log_analytics.resource_id
  lock                                 = var.lock
  diagnostic_settings                  = local.diagnostic_settings
  integration_subnet_id                = module.spoke_network[each.key].subnet_ids["snet-appservice"]
  private_endpoint_subnet_id           = module.spoke_network[each.key].subnet_ids["snet-private-endpoints"]
  private_dns_zone_ids                 = local.private_dns_zone_ids
  virtual_network_id                   = module.spoke_network[each.key].resource_id
}

# An Application Gateway WAF_v2 per application with web apps: its public entry, through its
# WAF, on to each web app's private endpoint (Security). The listener's certificate is yours:
# paas.applicationGateway.certificateSecretId, read from your vault by the gateway's identity.
module "application_gateway" {
  source   = "./modules/application-gateway"
  for_each = var.paas.enabled && var.paas.application_gateway.enabled ? { for app in var.paas.applications : app.name => app if length(app.web_apps) > 0 } : {}

  app                 = each.value
  web_app_host_names  = module.application[each.key].web_app_host_names
  gateway             = var.paas.application_gateway
  health_probe_path   = var.paas.app_service.health_check_path
  resource_group_name = azurerm_resource_group.spoke[each.key].name
  location            = var.location
  tags                = merge(var.tags, each.value.tags)
  subnet_id           = module.spoke_network[each.key].subnet_ids["snet-appgateway"]
  lock                = var.lock
  diagnostic_settings = local.diagnostic_settings
}
