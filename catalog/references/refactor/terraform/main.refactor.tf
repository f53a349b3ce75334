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
  container_apps                       = var.paas.container_apps
  container_apps_subnet_id             = each.value.container_apps ? module.spoke_network[each.key].subnet_ids["snet-containerapps"] : null
  hub_virtual_network_id               = local.hub_virtual_network_id
}

# Container Apps environments pull Microsoft's images and reach Entra ID and Azure Monitor
# through the hub firewall, which denies what it was not told about (Security: allow by
# service tag, from the Container Apps subnets only).
resource "azurerm_firewall_policy_rule_collection_group" "container_apps" {
  count = var.paas.enabled && var.firewall.enabled && length(var.paas.container_apps.subnet_prefixes) > 0 ? 1 : 0

  name               = "rcg-container-apps"
  firewall_policy_id = module.firewall[0].policy_id
  # After the platform's group (1000) and rehost's (1100).
  priority = 1200

  network_rule_collection {
    name     = "net-container-apps-allow"
    priority = 100
    action   = "Allow"

    rule {
      name                  = "AllowMicrosoftContainerRegistry"
      description           = "The environments pull their system images from mcr.microsoft.com."
      protocols             = ["TCP"]
      source_addresses      = var.paas.container_apps.subnet_prefixes
      destination_addresses = ["MicrosoftContainerRegistry", "AzureFrontDoor.FirstParty"]
      destination_ports     = ["443"]
    }

    rule {
      name                  = "AllowEntraId"
      description           = "Managed identities get their tokens from Entra ID."
      protocols             = ["TCP"]
      source_addresses      = var.paas.container_apps.subnet_prefixes
      destination_addresses = ["AzureActiveDirectory"]
      destination_ports     = ["443"]
    }

    rule {
      name                  = "AllowAzureMonitor"
      description           = "The environments send logs and metrics to Azure Monitor."
      protocols             = ["TCP"]
      source_addresses      = var.paas.container_apps.subnet_prefixes
      destination_addresses = ["AzureMonitor"]
      destination_ports     = ["443"]
    }
  }

  # A firewall policy takes one change at a time: after the groups before it.
  depends_on = [
    module.firewall,
  ]
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

  profile_name        = var.names.front_door_profile
  waf_policy_name     = var.names.front_door_waf_policy
  resource_group_name = azurerm_resource_group.connectivity.name
  location            = var.location
  tags                = var.tags
  health_probe_path   = var.paas.app_service.health_check_path
  origins             = local.front_door_origins
  lock                = var.lock
  diagnostic_settings = local.diagnostic_settings
}

# Database Migration Service: the SQL Server databases move offline into Azure SQL Database through
# it (online is not supported for that target), from a self-hosted integration runtime on premises
# that reaches the servers' private endpoints over the VPN or ExpressRoute (Operational Excellence:
# remove it after the last database moved). azurerm has no resource for it, and its ARM API has preview versions only.
resource "azapi_resource" "database_migration" {
  count = var.paas.enabled && var.paas.database_migration ? 1 : 0

  type      = "Microsoft.DataMigration/sqlMigrationServices@2023-07-15-preview"
  name      = var.names.database_migration_service
  parent_id = azurerm_resource_group.management.id
  location  = var.location
  tags      = var.tags

  body = {
    properties = {}
  }
}
