# Resource groups per function (CAF): who may change what follows the group.
resource "azurerm_resource_group" "management" {
  name     = var.names.management_resource_group
  location = var.location
  tags     = var.tags
}

resource "azurerm_resource_group" "security" {
  name     = var.names.security_resource_group
  location = var.location
  tags     = var.tags
}

resource "azurerm_resource_group" "spoke" {
  for_each = local.spokes

  name     = each.value.resource_group_name
  location = var.location
  tags     = merge(var.tags, each.value.tags)
}

# Management: every resource sends its logs and metrics to one workspace.
module "log_analytics" {
  source = "./modules/log-analytics"

  name                = var.names.log_analytics_workspace
  resource_group_name = azurerm_resource_group.management.name
  location            = var.location
  tags                = var.tags
  retention_in_days   = var.log_analytics.retention_in_days
  daily_quota_gb      = var.log_analytics.daily_quota_gb
}

# Connectivity: the hub and what it shares with every spoke.
# The platform team's hub, maybe in the connectivity subscription: read, never changed here
# except for the hub side of each spoke's peering (Network Contributor on the hub's group).
data "azurerm_virtual_network" "hub" {
  provider = azurerm.hub

  name                = var.hub_network.virtual_network_name
  resource_group_name = var.hub_network.resource_group_name
}

# Security: the platform Key Vault.
module "key_vault" {
  source = "./modules/key-vault"

  name                          = var.names.key_vault
  resource_group_name           = azurerm_resource_group.security.name
  location                      = var.location
  tags                          = var.tags
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku                           = var.key_vault.sku
  enable_purge_protection       = var.key_vault.enable_purge_protection
  soft_delete_retention_in_days = var.key_vault.soft_delete_retention_in_days
  log_analytics_workspace_id    = module.log_analytics.id
  administrators                = var.key_vault.administrators
  private_endpoint = var.key_vault.private_endpoint ? {
    name                = var.names.key_vault_private_endpoint
    subnet_id           = local.platform_private_endpoint_subnet_id
    private_dns_zone_id = lookup(local.private_dns_zone_ids, "privatelink.vaultcore.azure.net", null)
  } : null
}

# Spokes: one virtual network per workload, peered to the hub.
module "spoke_network" {
  source   = "./modules/spoke-network"
  for_each = local.spokes
  providers = {
    azurerm     = azurerm
    azurerm.hub = azurerm.hub
  }

  spoke                      = each.value
  resource_group_name        = azurerm_resource_group.spoke[each.key].name
  location                   = var.location
  tags                       = merge(var.tags, each.value.tags)
  dns_servers                = var.hub_network.spoke_dns_servers
  hub_virtual_network_id     = local.hub_virtual_network_id
  bastion_address_prefix     = var.hub_network.bastion_address_prefix
  hub_virtual_network_name   = data.azurerm_virtual_network.hub.name
  hub_resource_group_name    = data.azurerm_virtual_network.hub.resource_group_name
  hub_peering_name           = "${var.hub_network.peering_name_prefix}-${each.key}"
  firewall_private_ip        = var.hub_network.firewall_private_ip
  use_remote_gateways        = var.hub_network.use_remote_gateways
  log_analytics_workspace_id = module.log_analytics.id
}

# Applications (refactor): each application's platform services sit in its own spoke and are
# reached through private endpoints only.
module "application" {
  source   = "./modules/application"
  for_each = var.paas.enabled ? { for app in var.paas.applications : app.name => app } : {}

  app                             = each.value
  resource_group_name             = azurerm_resource_group.spoke[each.key].name
  location                        = var.location
  tags                            = merge(var.tags, each.value.tags)
  tenant_id                       = data.azurerm_client_config.current.tenant_id
  app_service                     = var.paas.app_service
  sql                             = var.paas.sql
  deployer_object_id              = data.azurerm_client_config.current.object_id
  key_vault_purge_protection      = var.key_vault.enable_purge_protection
  key_vault_soft_delete_retention = var.key_vault.soft_delete_retention_in_days
  log_analytics_workspace_id      = module.log_analytics.id
  integration_subnet_id           = module.spoke_network[each.key].subnet_ids["snet-appservice"]
  private_endpoint_subnet_id      = module.spoke_network[each.key].subnet_ids["snet-private-endpoints"]
  private_dns_zone_ids            = local.private_dns_zone_ids
  virtual_network_id              = module.spoke_network[each.key].id
}

# An Application Gateway WAF_v2 per application with web apps: its public entry, through its
# WAF, on to each web app's private endpoint (Security). The listener's certificate is yours:
# paas.applicationGateway.certificateSecretId, read from your vault by the gateway's identity.
module "application_gateway" {
  source   = "./modules/application-gateway"
  for_each = var.paas.enabled && var.paas.application_gateway.enabled ? { for app in var.paas.applications : app.name => app if length(app.web_apps) > 0 } : {}

  app                        = each.value
  web_app_host_names         = module.application[each.key].web_app_host_names
  gateway                    = var.paas.application_gateway
  health_probe_path          = var.paas.app_service.health_check_path
  resource_group_name        = azurerm_resource_group.spoke[each.key].name
  location                   = var.location
  tags                       = merge(var.tags, each.value.tags)
  subnet_id                  = module.spoke_network[each.key].subnet_ids["snet-appgateway"]
  log_analytics_workspace_id = module.log_analytics.id
}
