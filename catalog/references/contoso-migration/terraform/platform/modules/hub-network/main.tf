# Hub virtual network: the platform subnets (sizes Azure requires), an NSG on every subnet
# that allows one (deny by default), and diagnostics to Log Analytics.
locals {
  subnets     = { for subnet in var.subnets : subnet.name => subnet }
  nsg_subnets = { for name, subnet in local.subnets : name => subnet if subnet.network_security_group_name != null }

  management_access = var.bastion_address_prefix == null ? [] : [
    {
      name                       = "AllowBastionManagementInbound"
      priority                   = 100
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_address_prefix      = var.bastion_address_prefix
      destination_address_prefix = "VirtualNetwork"
      destination_port_ranges    = ["22", "3389"]
    },
  ]
  deny_all_inbound = [
    {
      name                       = "DenyAllInbound"
      priority                   = 4096
      direction                  = "Inbound"
      access                     = "Deny"
      protocol                   = "*"
      source_address_prefix      = "*"
      destination_address_prefix = "*"
      destination_port_ranges    = ["0-65535"]
    },
  ]
  dns_inbound = [
    {
      name                       = "AllowDnsFromNetworksInbound"
      priority                   = 100
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "*"
      source_address_prefix      = "VirtualNetwork"
      destination_address_prefix = "VirtualNetwork"
      destination_port_ranges    = ["53"]
    },
  ]
  # Azure Bastion's documented NSG contract: without these rules Bastion stops working.
  bastion_rules = [
    {
      name                       = "AllowHttpsInbound"
      priority                   = 100
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_address_prefix      = "Internet"
      destination_address_prefix = "*"
      destination_port_ranges    = ["443"]
    },
    {
      name                       = "AllowGatewayManagerInbound"
      priority                   = 110
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_address_prefix      = "GatewayManager"
      destination_address_prefix = "*"
      destination_port_ranges    = ["443"]
    },
    {
      name                       = "AllowAzureLoadBalancerInbound"
      priority                   = 120
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_address_prefix      = "AzureLoadBalancer"
      destination_address_prefix = "*"
      destination_port_ranges    = ["443"]
    },
    {
      name                       = "AllowBastionHostCommunicationInbound"
      priority                   = 130
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "*"
      source_address_prefix      = "VirtualNetwork"
      destination_address_prefix = "VirtualNetwork"
      destination_port_ranges    = ["8080", "5701"]
    },
    {
      name                       = "DenyAllInbound"
      priority                   = 4096
      direction                  = "Inbound"
      access                     = "Deny"
      protocol                   = "*"
      source_address_prefix      = "*"
      destination_address_prefix = "*"
      destination_port_ranges    = ["0-65535"]
    },
    {
      name                       = "AllowSshRdpOutbound"
      priority                   = 100
      direction                  = "Outbound"
      access                     = "Allow"
      protocol                   = "*"
      source_address_prefix      = "*"
      destination_address_prefix = "VirtualNetwork"
      destination_port_ranges    = ["22", "3389"]
    },
    {
      name                       = "AllowAzureCloudOutbound"
      priority                   = 110
      direction                  = "Outbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_address_prefix      = "*"
      destination_address_prefix = "AzureCloud"
      destination_port_ranges    = ["443"]
    },
    {
      name                       = "AllowBastionCommunicationOutbound"
      priority                   = 120
      direction                  = "Outbound"
      access                     = "Allow"
      protocol                   = "*"
      source_address_prefix      = "VirtualNetwork"
      destination_address_prefix = "VirtualNetwork"
      destination_port_ranges    = ["8080", "5701"]
    },
    {
      name                       = "AllowHttpOutbound"
      priority                   = 130
      direction                  = "Outbound"
      access                     = "Allow"
      protocol                   = "*"
      source_address_prefix      = "*"
      destination_address_prefix = "Internet"
      destination_port_ranges    = ["80"]
    },
  ]
  rules_by_subnet = {
    AzureBastionSubnet  = local.bastion_rules
    "snet-dns-inbound"  = concat(local.dns_inbound, local.deny_all_inbound)
    "snet-dns-outbound" = local.deny_all_inbound
    "snet-management"   = concat(local.management_access, local.deny_all_inbound)
  }
}

resource "azurerm_virtual_network" "this" {
  #checkov:skip=CKV_AZURE_183:The hub hosts the DNS Private Resolver and keeps Azure DNS (or the input's servers); spokes point at the resolver or the firewall's DNS proxy.
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  address_space       = var.address_space
  dns_servers         = var.dns_servers
  tags                = var.tags

  dynamic "ddos_protection_plan" {
    for_each = var.ddos_protection_plan_id == null ? [] : [var.ddos_protection_plan_id]

    content {
      id     = ddos_protection_plan.value
      enable = true
    }
  }
}

resource "azurerm_subnet" "this" {
  for_each = local.subnets

  name                 = each.key
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [each.value.address_prefix]
  # Workload subnets get no implicit internet egress: traffic leaves through the firewall (Security).
  default_outbound_access_enabled = !startswith(each.key, "snet-")

  dynamic "delegation" {
    for_each = each.value.delegation == null ? [] : [each.value.delegation]

    content {
      name = "delegation"

      service_delegation {
        name    = delegation.value
        actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
      }
    }
  }
}

resource "azurerm_network_security_group" "this" {
  for_each = local.nsg_subnets

  name                = each.value.network_security_group_name
  resource_group_name = var.resource_group_name
  location            = var.location
  tags                = var.tags

  dynamic "security_rule" {
    for_each = lookup(local.rules_by_subnet, each.key, local.deny_all_inbound)

    content {
      name                       = security_rule.value.name
      priority                   = security_rule.value.priority
      direction                  = security_rule.value.direction
      access                     = security_rule.value.access
      protocol                   = security_rule.value.protocol
      source_address_prefix      = security_rule.value.source_address_prefix
      source_port_range          = "*"
      destination_address_prefix = security_rule.value.destination_address_prefix
      destination_port_ranges    = security_rule.value.destination_port_ranges
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "this" {
  for_each = local.nsg_subnets

  subnet_id                 = azurerm_subnet.this[each.key].id
  network_security_group_id = azurerm_network_security_group.this[each.key].id
}

resource "azurerm_subnet_route_table_association" "gateway" {
  count = var.route_gateway_subnet ? 1 : 0

  subnet_id      = azurerm_subnet.this["GatewaySubnet"].id
  route_table_id = var.gateway_route_table_id
}

resource "azurerm_monitor_diagnostic_setting" "network_security_group" {
  for_each = azurerm_network_security_group.this

  name                       = "diag-log-analytics"
  target_resource_id         = each.value.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "virtual_network" {
  name                       = "diag-log-analytics"
  target_resource_id         = azurerm_virtual_network.this.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category_group = "allLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}
