# Resource groups per function (CAF): who may change what follows the group.
resource "azurerm_resource_group" "connectivity" {
  name     = var.names.connectivity_resource_group
  location = var.location
  tags     = var.tags
}

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
module "hub_network" {
  source = "./modules/hub-network"

  name                       = var.names.hub_virtual_network
  resource_group_name        = azurerm_resource_group.connectivity.name
  location                   = var.location
  tags                       = var.tags
  address_prefixes           = var.hub_network.address_prefixes
  dns_servers                = var.hub_network.dns_servers
  subnets                    = var.hub_network.subnets
  bastion_address_prefix     = var.hub_network.bastion_address_prefix
  log_analytics_workspace_id = module.log_analytics.id
  route_gateway_subnet       = length(azurerm_route_table.gateway) > 0
  gateway_route_table_id     = one(azurerm_route_table.gateway[*].id)
}

module "private_dns_zones" {
  source = "./modules/private-dns-zones"

  zone_names          = var.private_dns_zones
  resource_group_name = azurerm_resource_group.connectivity.name
  virtual_network_id  = module.hub_network.id
  tags                = var.tags
}

# Firewall: spokes, on-premises and the internet reach each other only through it (Security).
module "firewall" {
  source = "./modules/firewall"
  count  = var.firewall.enabled ? 1 : 0

  name                         = var.names.firewall
  policy_name                  = var.names.firewall_policy
  public_ip_name               = var.names.firewall_public_ip
  management_public_ip_name    = var.names.firewall_management_public_ip
  resource_group_name          = azurerm_resource_group.connectivity.name
  location                     = var.location
  tags                         = var.tags
  tier                         = var.firewall.tier
  zones                        = var.firewall.zones
  threat_intel_mode            = var.firewall.threat_intel_mode
  subnet_id                    = module.hub_network.subnet_ids["AzureFirewallSubnet"]
  management_subnet_id         = lookup(module.hub_network.subnet_ids, "AzureFirewallManagementSubnet", null)
  spoke_address_prefixes       = flatten([for spoke in var.spokes : spoke.address_prefixes])
  on_premises_address_prefixes = var.on_premises_address_prefixes
  log_analytics_workspace_id   = module.log_analytics.id
}

# Traffic from on-premises to the spokes crosses the firewall too, so both directions of a flow
# take the same path: GatewaySubnet gets routes to the spokes through it (Security).
resource "azurerm_route_table" "gateway" {
  count = var.firewall.enabled && (var.vpn_gateway.enabled) ? 1 : 0

  name                = var.names.hub_to_spoke_route_table
  resource_group_name = azurerm_resource_group.connectivity.name
  location            = var.location
  # Azure does not support turning route propagation off on GatewaySubnet.
  bgp_route_propagation_enabled = true
  tags                          = var.tags

  # A user route beats the peering's system route of the same prefix.
  dynamic "route" {
    for_each = toset(flatten([for spoke in var.spokes : spoke.address_prefixes]))

    content {
      name                   = "to-${replace(route.value, "/", "-")}"
      address_prefix         = route.value
      next_hop_type          = "VirtualAppliance"
      next_hop_in_ip_address = var.firewall.private_ip_address
    }
  }
}

# Site-to-site VPN: on-premises stays reachable while workloads move (hybrid).
module "vpn_gateway" {
  source = "./modules/vpn-gateway"
  count  = var.vpn_gateway.enabled ? 1 : 0

  name                       = var.names.vpn_gateway
  public_ip_name             = var.names.vpn_gateway_public_ip
  second_public_ip_name      = var.names.vpn_gateway_second_public_ip
  resource_group_name        = azurerm_resource_group.connectivity.name
  location                   = var.location
  tags                       = var.tags
  sku                        = var.vpn_gateway.sku
  active_active              = var.vpn_gateway.active_active
  asn                        = var.vpn_gateway.asn
  gateway_subnet_id          = module.hub_network.gateway_subnet_id
  sites                      = var.on_premises_sites
  shared_key                 = var.vpn_shared_key
  log_analytics_workspace_id = module.log_analytics.id
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

  spoke                        = each.value
  resource_group_name          = azurerm_resource_group.spoke[each.key].name
  location                     = var.location
  tags                         = merge(var.tags, each.value.tags)
  dns_servers                  = var.hub_network.spoke_dns_servers
  hub_virtual_network_id       = local.hub_virtual_network_id
  bastion_address_prefix       = var.hub_network.bastion_address_prefix
  on_premises_address_prefixes = var.on_premises_address_prefixes
  hub_virtual_network_name     = module.hub_network.name
  hub_resource_group_name      = azurerm_resource_group.connectivity.name
  log_analytics_workspace_id   = module.log_analytics.id
  firewall_private_ip          = var.firewall.enabled ? var.firewall.private_ip_address : null
  use_remote_gateways          = var.vpn_gateway.enabled

  # Peering with remote gateways fails until the hub's gateway exists.
  depends_on = [
    module.vpn_gateway,
  ]
}

# Spokes on Azure DNS (no resolver, no firewall DNS proxy) resolve a private zone only through a
# link of their own: meg links every zone to every spoke then (hub_network.link_private_dns_zones_to_spokes).
resource "azurerm_private_dns_zone_virtual_network_link" "spoke" {
  for_each = var.hub_network.link_private_dns_zones_to_spokes ? {
    for pair in setproduct(keys(local.spokes), var.private_dns_zones) : "${pair[0]}/${pair[1]}" => {
      spoke = pair[0]
      zone  = pair[1]
    }
  } : {}

  name                  = "link-${each.value.spoke}"
  resource_group_name   = azurerm_resource_group.connectivity.name
  private_dns_zone_name = each.value.zone
  virtual_network_id    = module.spoke_network[each.value.spoke].id
  # Records come from the private endpoints' DNS zone groups, not auto-registration.
  registration_enabled = false
  tags                 = var.tags

  # The zone is created by the zones module, which the link names only by its name.
  depends_on = [module.private_dns_zones]
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
  container_apps                  = var.paas.container_apps
  container_apps_subnet_id        = each.value.container_apps ? module.spoke_network[each.key].subnet_ids["snet-containerapps"] : null
  hub_virtual_network_id          = local.hub_virtual_network_id
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

  profile_name               = var.names.front_door_profile
  waf_policy_name            = var.names.front_door_waf_policy
  resource_group_name        = azurerm_resource_group.connectivity.name
  location                   = var.location
  tags                       = var.tags
  health_probe_path          = var.paas.app_service.health_check_path
  origins                    = local.front_door_origins
  log_analytics_workspace_id = module.log_analytics.id
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
