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

# Front Door per environment: the one public entry to the web apps, through its WAF, and on to
# each web app over Private Link (Security).
locals {
  applications_by_name = { for app in var.paas.applications : app.name => app }
  front_door_origins = {
    for origin in flatten([
      for name, app in module.application : [
        for web in local.applications_by_name[name].web_apps : {
          endpoint_name = web.front_door_endpoint_name
          site_id       = app.web_app_ids[web.name]
          host_name     = app.web_app_host_names[web.name]
        }
      ]
    ]) : origin.endpoint_name => origin
  }
}

module "front_door" {
  source = "./modules/front-door"
  count  = var.paas.enabled && var.paas.front_door ? 1 : 0

  profile_name    = var.names.front_door_profile
  waf_policy_name = var.names.front_door_waf_policy
  # No connectivity group of ours beside an existing hub: the edge sits with the security services.
  resource_group_name = azurerm_resource_group.security.name
  location            = var.location
  tags                = var.tags
  health_probe_path   = var.paas.app_service.health_check_path
  origins             = local.front_door_origins
  lock                = var.lock
  diagnostic_settings = local.diagnostic_settings
}
