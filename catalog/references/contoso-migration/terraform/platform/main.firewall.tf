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
  sku_tier                     = var.firewall.tier
  zones                        = var.firewall.zone_redundant ? ["1", "2", "3"] : []
  threat_intel_mode            = var.firewall.threat_intel_mode
  subnet_id                    = module.hub_network.subnet_ids["AzureFirewallSubnet"]
  management_subnet_id         = lookup(module.hub_network.subnet_ids, "AzureFirewallManagementSubnet", null)
  spoke_address_prefixes       = var.attached_spoke_address_prefixes
  on_premises_address_prefixes = var.on_premises_address_prefixes
  snat_private_ranges          = var.firewall.snat_private_ranges
  # Resource-specific tables (AZFWNetworkRule, AZFWApplicationRule, ...) instead of
  # AzureDiagnostics: typed columns, faster queries, the firewall workbook (Operational Excellence).
  lock                = var.lock
  diagnostic_settings = { for key, setting in local.diagnostic_settings : key => merge(setting, { log_analytics_destination_type = "Dedicated" }) }
}

# What the attached environments' workloads call out to (rehosted servers' agents, Container
# Apps), one rule collection group per environment with its own ranges as sources (Security:
# least privilege per landing zone). The policy is the platform's: the environments' roots
# cannot add these themselves, as an own hub's root does.
resource "azurerm_firewall_policy_rule_collection_group" "attached" {
  for_each = var.firewall.enabled ? { for group in var.attached_rule_collection_groups : group.name => group } : {}

  name               = each.key
  firewall_policy_id = module.firewall[0].policy_id
  priority           = each.value.priority

  dynamic "network_rule_collection" {
    for_each = each.value.network_rule_collections

    content {
      name     = network_rule_collection.value.name
      priority = network_rule_collection.value.priority
      action   = "Allow"

      dynamic "rule" {
        for_each = network_rule_collection.value.rules

        content {
          name                  = rule.value.name
          description           = rule.value.description
          protocols             = rule.value.ip_protocols
          source_addresses      = rule.value.source_addresses
          destination_addresses = rule.value.destination_addresses
          destination_ports     = rule.value.destination_ports
        }
      }
    }
  }

  dynamic "application_rule_collection" {
    for_each = each.value.application_rule_collections

    content {
      name     = application_rule_collection.value.name
      priority = application_rule_collection.value.priority
      action   = "Allow"

      dynamic "rule" {
        for_each = application_rule_collection.value.rules

        content {
          name              = rule.value.name
          description       = rule.value.description
          source_addresses  = rule.value.source_addresses
          destination_fqdns = rule.value.target_fqdns

          dynamic "protocols" {
            for_each = rule.value.protocols

            content {
              type = protocols.value.protocol_type
              port = protocols.value.port
            }
          }
        }
      }
    }
  }

  # A firewall policy takes one change at a time: after the platform's rule collection group.
  # The provider applies the groups of one policy one after another.
  depends_on = [module.firewall]
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
    for_each = toset(var.attached_spoke_address_prefixes)

    content {
      name                   = "to-${replace(route.value, "/", "-")}"
      address_prefix         = route.value
      next_hop_type          = "VirtualAppliance"
      next_hop_in_ip_address = var.firewall.private_ip_address
    }
  }
}
