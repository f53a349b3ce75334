# VPN gateway: route-based, zone-redundant (AZ SKU), BGP on, optionally active-active, with a
# local network gateway and an IKEv2 connection per on-premises site. Diagnostics to Log Analytics.
locals {
  # VpnGw1AZ exists only as Generation1; the larger SKUs get Generation2's throughput (Performance Efficiency).
  generation = startswith(var.sku, "VpnGw1") ? "Generation1" : "Generation2"

  # Active-active needs one public IP per instance.
  public_ip_names = var.active_active ? [var.public_ip_name, var.second_public_ip_name] : [var.public_ip_name]

  sites = { for site in var.sites : site.name => site }

  # A site runs BGP only when both its peer address and AS number are known.
  site_uses_bgp = { for name, site in local.sites : name => site.asn != null && site.bgp_peering_address != null }
}

resource "azurerm_public_ip" "this" {
  for_each = toset(local.public_ip_names)

  name                = each.value
  resource_group_name = var.resource_group_name
  location            = var.location
  # AZ gateway SKUs take only Standard public IPs; zones 1-3 keep the IP up through a zone failure
  # (Reliability), where the region has zones.
  sku               = "Standard"
  sku_tier          = "Regional"
  allocation_method = "Static"
  ip_version        = "IPv4"
  zones             = var.zones
  tags              = var.tags
}

resource "azurerm_virtual_network_gateway" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  type                = "Vpn"
  # Route-based: needed for IKEv2, BGP, active-active and coexistence with ExpressRoute.
  vpn_type   = "RouteBased"
  sku        = var.sku
  generation = local.generation
  # A second instance carries traffic too: no failover wait during maintenance (Reliability).
  active_active = var.active_active
  # BGP exchanges routes with on-premises, so new spokes and sites need no static route edits (Operational Excellence).
  enable_bgp = true
  tags       = var.tags

  dynamic "ip_configuration" {
    for_each = local.public_ip_names

    content {
      name                          = "ipconfig${ip_configuration.key + 1}"
      subnet_id                     = var.gateway_subnet_id
      public_ip_address_id          = azurerm_public_ip.this[ip_configuration.value].id
      private_ip_address_allocation = "Dynamic"
    }
  }

  bgp_settings {
    asn = var.asn
  }
}

resource "azurerm_local_network_gateway" "site" {
  for_each = local.sites

  name                = each.value.local_network_gateway_name
  resource_group_name = var.resource_group_name
  location            = var.location
  gateway_address     = each.value.gateway_address
  address_space       = each.value.address_prefixes
  tags                = var.tags

  dynamic "bgp_settings" {
    for_each = local.site_uses_bgp[each.key] ? [each.value] : []

    content {
      asn                 = bgp_settings.value.asn
      bgp_peering_address = bgp_settings.value.bgp_peering_address
    }
  }
}

resource "azurerm_virtual_network_gateway_connection" "site" {
  for_each = local.sites

  name                       = each.value.connection_name
  resource_group_name        = var.resource_group_name
  location                   = var.location
  type                       = "IPsec"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.this.id
  local_network_gateway_id   = azurerm_local_network_gateway.site[each.key].id
  shared_key                 = var.shared_keys[each.key]
  # IKEv2 only: IKEv1 is legacy and weaker (Security). Azure's default IKEv2 proposals apply; pin a
  # custom ipsec_policy only together with the on-premises device's configuration.
  connection_protocol = "IKEv2"
  enable_bgp          = local.site_uses_bgp[each.key]
  tags                = var.tags
}
# Diagnostics of the gateway (tunnel, IKE and route logs are what a broken tunnel is diagnosed
# from: Operational Excellence) and of its public IPs, to the destinations of var.diagnostic_settings.
resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                           = coalesce(each.value.name, "diag-${var.name}")
  target_resource_id             = azurerm_virtual_network_gateway.this.id
  log_analytics_workspace_id     = each.value.workspace_resource_id
  log_analytics_destination_type = each.value.log_analytics_destination_type
  storage_account_id             = each.value.storage_account_resource_id
  eventhub_authorization_rule_id = each.value.event_hub_authorization_rule_resource_id
  eventhub_name                  = each.value.event_hub_name
  partner_solution_id            = each.value.marketplace_partner_resource_id

  dynamic "enabled_log" {
    for_each = each.value.log_categories

    content {
      category = enabled_log.value
    }
  }

  dynamic "enabled_log" {
    for_each = each.value.log_groups

    content {
      category_group = enabled_log.value
    }
  }

  dynamic "enabled_metric" {
    for_each = each.value.metric_categories

    content {
      category = enabled_metric.value
    }
  }
}

resource "azurerm_monitor_diagnostic_setting" "public_ip" {
  for_each = { for pair in setproduct(keys(azurerm_public_ip.this), keys(var.diagnostic_settings)) : (length(var.diagnostic_settings) == 1 ? pair[0] : "${pair[0]}/${pair[1]}") => merge(var.diagnostic_settings[pair[1]], { target = pair[0] }) }

  name                           = coalesce(each.value.name, "diag-${each.value.target}")
  target_resource_id             = azurerm_public_ip.this[each.value.target].id
  log_analytics_workspace_id     = each.value.workspace_resource_id
  storage_account_id             = each.value.storage_account_resource_id
  eventhub_authorization_rule_id = each.value.event_hub_authorization_rule_resource_id
  eventhub_name                  = each.value.event_hub_name
  partner_solution_id            = each.value.marketplace_partner_resource_id

  # The resource's own logs (a public IP's: DDoS notifications and mitigation reports; an NSG's:
  # rule hits).
  enabled_log {
    category_group = "allLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_management_lock" "this" {
  count = var.lock == null ? 0 : 1

  name       = coalesce(var.lock.name, "lock-${var.name}")
  scope      = azurerm_virtual_network_gateway.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."
}

# The address before this module took the AVM interfaces: the setting is kept, not re-created.
moved {
  from = azurerm_monitor_diagnostic_setting.gateway
  to   = azurerm_monitor_diagnostic_setting.this["log_analytics"]
}
