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
  count = var.firewall.enabled && (var.vpn_gateway.enabled || var.express_route.enabled) ? 1 : 0

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

# Bastion: administrators reach machines without public IPs or open management ports (Security).
module "bastion" {
  source = "./modules/bastion"
  count  = var.bastion.enabled ? 1 : 0

  name                       = var.names.bastion
  public_ip_name             = var.names.bastion_public_ip
  resource_group_name        = azurerm_resource_group.connectivity.name
  location                   = var.location
  tags                       = var.tags
  sku                        = var.bastion.sku
  subnet_id                  = module.hub_network.subnet_ids["AzureBastionSubnet"]
  log_analytics_workspace_id = module.log_analytics.id
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

# ExpressRoute: private, SLA-backed connectivity to on-premises through the provider's circuit.
module "expressroute_gateway" {
  source = "./modules/expressroute-gateway"
  count  = var.express_route.enabled ? 1 : 0

  name                       = var.names.express_route_gateway
  connection_name            = var.names.express_route_connection
  resource_group_name        = azurerm_resource_group.connectivity.name
  location                   = var.location
  tags                       = var.tags
  sku                        = var.express_route.sku
  gateway_subnet_id          = module.hub_network.gateway_subnet_id
  circuit_id                 = var.express_route.circuit_id
  log_analytics_workspace_id = module.log_analytics.id

  # Both gateways share GatewaySubnet and Azure runs one gateway operation per network at a time.
  depends_on = [module.vpn_gateway]
}

# DNS Private Resolver: on-premises resolves Azure's private zones, Azure resolves on-premises domains.
module "dns_resolver" {
  source = "./modules/dns-resolver"
  count  = var.dns_resolver.enabled ? 1 : 0

  name                    = var.names.dns_resolver
  inbound_endpoint_name   = var.names.dns_resolver_inbound_endpoint
  outbound_endpoint_name  = var.names.dns_resolver_outbound_endpoint
  forwarding_ruleset_name = var.names.dns_forwarding_ruleset
  resource_group_name     = azurerm_resource_group.connectivity.name
  location                = var.location
  tags                    = var.tags
  virtual_network_id      = module.hub_network.id
  inbound_subnet_id       = module.hub_network.subnet_ids["snet-dns-inbound"]
  outbound_subnet_id      = module.hub_network.subnet_ids["snet-dns-outbound"]
  inbound_ip_address      = var.dns_resolver.inbound_ip_address
  forwarding_rules        = var.dns_resolver.forwarding_rules
}

# Azure Arc: servers that stay on premises are managed through a private endpoint in the hub.
# Arc is a management service, so the scope and its endpoint live in the management resource group (CAF).
module "arc_private_link_scope" {
  source = "./modules/arc-private-link-scope"
  count  = var.arc_private_link_scope.enabled ? 1 : 0

  name                  = var.names.arc_private_link_scope
  private_endpoint_name = var.names.arc_private_link_scope_private_endpoint
  resource_group_name   = azurerm_resource_group.management.name
  location              = var.location
  tags                  = var.tags
  subnet_id             = module.hub_network.subnet_ids["snet-management"]
  private_dns_zone_ids  = module.private_dns_zones.zone_ids
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
  use_remote_gateways          = var.vpn_gateway.enabled || var.express_route.enabled

  # Peering with remote gateways fails until the hub's gateway exists.
  depends_on = [
    module.vpn_gateway,
    module.expressroute_gateway,
  ]
}
