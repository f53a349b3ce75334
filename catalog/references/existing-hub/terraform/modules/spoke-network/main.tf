# A spoke virtual network: workload subnets behind NSGs (deny by default), a route table that
# sends traffic through the hub firewall, and the peering to the hub in both directions.
locals {
  subnets = { for subnet in var.spoke.subnets : subnet.name => subnet }

  management_access = var.bastion_address_prefix == null ? [] : [
    {
      name                       = "AllowBastionManagementInbound"
      priority                   = 100
      access                     = "Allow"
      protocol                   = "Tcp"
      source_address_prefix      = var.bastion_address_prefix
      destination_address_prefix = "VirtualNetwork"
      destination_port_ranges    = ["22", "3389"]
    },
  ]
  # Hybrid: what on-premises reaches through the gateways (and the hub firewall, which inspects
  # it) is let into the spoke, or the deny below would drop every hybrid flow.
  on_premises_access = length(var.on_premises_address_prefixes) == 0 ? [] : [
    {
      name                       = "AllowOnPremisesInbound"
      priority                   = 4000
      access                     = "Allow"
      protocol                   = "*"
      source_address_prefixes    = var.on_premises_address_prefixes
      destination_address_prefix = "VirtualNetwork"
      destination_port_ranges    = ["0-65535"]
    },
  ]
  # Deny by default: workloads open what they need above priority 4096. Azure's load balancer
  # probes (health of internal load balancers and of the platform's own agents) come from
  # AzureLoadBalancer, which the deny would also block: it is let in just before.
  inbound_rules = concat(local.management_access, local.on_premises_access, [
    {
      name                       = "AllowAzureLoadBalancerInbound"
      priority                   = 4095
      access                     = "Allow"
      protocol                   = "*"
      source_address_prefix      = "AzureLoadBalancer"
      destination_address_prefix = "*"
      destination_port_ranges    = ["0-65535"]
    },
    {
      name                       = "DenyAllInbound"
      priority                   = 4096
      access                     = "Deny"
      protocol                   = "*"
      source_address_prefix      = "*"
      destination_address_prefix = "*"
      destination_port_ranges    = ["0-65535"]
    },
  ])
}

# The subnets are blocks of the network, not azurerm_subnet resources: each is created with its
# NSG and route table in the same request, so no subnet exists, even briefly, without its NSG,
# and a policy that denies such subnets (ALZ's Deny-Subnet-Without-Nsg on landing zones) lets
# them through (Security). Subnets added outside Terraform would be removed on the next apply.
resource "azurerm_virtual_network" "this" {
  #checkov:skip=CKV_AZURE_183:DNS servers are the hub's DNS resolver or firewall DNS proxy, set per environment; checkov cannot evaluate the variable.
  name                = var.spoke.virtual_network_name
  resource_group_name = var.resource_group_name
  location            = var.location
  address_space       = var.spoke.address_prefixes
  dns_servers         = var.dns_servers
  tags                = var.tags

  dynamic "ddos_protection_plan" {
    for_each = var.ddos_protection_plan_id == null ? [] : [var.ddos_protection_plan_id]

    content {
      id     = ddos_protection_plan.value
      enable = true
    }
  }

  dynamic "subnet" {
    for_each = local.subnets

    content {
      name             = subnet.key
      address_prefixes = [subnet.value.address_prefix]
      security_group   = azurerm_network_security_group.this[subnet.key].id
      route_table_id   = azurerm_route_table.this.id
      # No implicit internet egress: traffic leaves through the firewall (Security).
      default_outbound_access_enabled = false
    }
  }
}

resource "azurerm_network_security_group" "this" {
  for_each = local.subnets

  name                = each.value.network_security_group_name
  resource_group_name = var.resource_group_name
  location            = var.location
  tags                = var.tags

  dynamic "security_rule" {
    for_each = local.inbound_rules

    content {
      name      = security_rule.value.name
      priority  = security_rule.value.priority
      direction = "Inbound"
      access    = security_rule.value.access
      protocol  = security_rule.value.protocol
      # One source, or a list of them (on-premises), as the rule gives.
      source_address_prefix      = try(security_rule.value.source_address_prefix, null)
      source_address_prefixes    = try(security_rule.value.source_address_prefixes, null)
      source_port_range          = "*"
      destination_address_prefix = security_rule.value.destination_address_prefix
      destination_port_ranges    = security_rule.value.destination_port_ranges
    }
  }
}

resource "azurerm_route_table" "this" {
  name                = var.spoke.route_table_name
  resource_group_name = var.resource_group_name
  location            = var.location
  # Routes learned from the gateways would bypass the firewall: the default route decides.
  bgp_route_propagation_enabled = var.firewall_private_ip == null
  tags                          = var.tags

  dynamic "route" {
    for_each = var.firewall_private_ip == null ? [] : [var.firewall_private_ip]

    content {
      name                   = "default-via-firewall"
      address_prefix         = "0.0.0.0/0"
      next_hop_type          = "VirtualAppliance"
      next_hop_in_ip_address = route.value
    }
  }
}

# Diagnostics of the virtual network and of its NSGs (rule hits; an NSG has no metrics), to the
# destinations of var.diagnostic_settings.
resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                           = coalesce(each.value.name, "diag-${var.spoke.virtual_network_name}")
  target_resource_id             = azurerm_virtual_network.this.id
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

resource "azurerm_monitor_diagnostic_setting" "network_security_group" {
  for_each = { for pair in setproduct(keys(azurerm_network_security_group.this), keys(var.diagnostic_settings)) : (length(var.diagnostic_settings) == 1 ? pair[0] : "${pair[0]}/${pair[1]}") => merge(var.diagnostic_settings[pair[1]], { target = pair[0] }) }

  name                           = coalesce(each.value.name, "diag-${each.value.target}")
  target_resource_id             = azurerm_network_security_group.this[each.value.target].id
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
}

resource "azurerm_management_lock" "this" {
  count = var.lock == null ? 0 : 1

  name       = coalesce(var.lock.name, "lock-${var.spoke.virtual_network_name}")
  scope      = azurerm_virtual_network.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."
}

# The address before this module took the AVM interfaces: the setting is kept, not re-created.
moved {
  from = azurerm_monitor_diagnostic_setting.virtual_network
  to   = azurerm_monitor_diagnostic_setting.this["log_analytics"]
}

resource "azurerm_virtual_network_peering" "spoke_to_hub" {
  name                         = "peer-${var.spoke.name}-to-hub"
  resource_group_name          = var.resource_group_name
  virtual_network_name         = azurerm_virtual_network.this.name
  remote_virtual_network_id    = var.hub_virtual_network_id
  allow_virtual_network_access = true
  # Traffic the firewall forwards from other spokes and on-premises must be accepted.
  allow_forwarded_traffic = true
  use_remote_gateways     = var.use_remote_gateways

  # Using the hub's gateways is only accepted once the hub side offers gateway transit.
  depends_on = [azurerm_virtual_network_peering.hub_to_spoke]
}

resource "azurerm_virtual_network_peering" "hub_to_spoke" {
  # In the existing hub's subscription.
  provider = azurerm.hub

  # A shared hub holds the peerings of many landing zones: this one's carry its name.
  name                         = var.hub_peering_name
  resource_group_name          = var.hub_resource_group_name
  virtual_network_name         = var.hub_virtual_network_name
  remote_virtual_network_id    = azurerm_virtual_network.this.id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
  allow_gateway_transit        = var.use_remote_gateways
}
