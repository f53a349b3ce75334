# Azure Firewall in the hub: traffic between spokes, on-premises and the internet crosses it.
# Rules live in a firewall policy rather than classic rules, so they change without touching the
# firewall and a landing zone team can later get a child policy of its own (CAF).
locals {
  # Basic sends its own control traffic through a second subnet and public IP, offers threat
  # intelligence in alert mode only and has no DNS proxy.
  is_basic = var.sku_tier == "Basic"

  # Azure's default private ranges (RFC 1918 and RFC 6598's shared space): a list of our own
  # replaces them, so it repeats them (Azure Firewall docs, "SNAT private IP address ranges").
  iana_private_ranges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"]

  public_ip_names = merge(
    { firewall = var.public_ip_name },
    local.is_basic ? { management = var.management_public_ip_name } : {},
  )
}

resource "azurerm_public_ip" "this" {
  for_each = local.public_ip_names

  name                = each.value
  resource_group_name = var.resource_group_name
  location            = var.location
  # Standard: the SKU Azure Firewall requires; closed to inbound traffic unless a rule opens it.
  sku               = "Standard"
  allocation_method = "Static"
  # In the firewall's zones: a zone-redundant firewall needs zone-redundant addresses (Reliability).
  zones = var.zones
  tags  = var.tags
}

resource "azurerm_firewall_policy" "this" {
  #checkov:skip=CKV_AZURE_220:Intrusion detection exists in the Premium tier only, where the policy turns it on in the environment's threat intelligence mode (Deny in prod); Basic and Standard have none to set.
  name                = var.policy_name
  resource_group_name = var.resource_group_name
  location            = var.location
  sku                 = var.sku_tier
  # Deny in production (meg lint SEC-003); Basic only supports Alert.
  threat_intelligence_mode = local.is_basic ? "Alert" : var.threat_intel_mode
  # Network-rule traffic to these keeps its source address, so on-premises sees the real servers.
  private_ip_ranges = length(var.snat_private_ranges) > 0 ? concat(local.iana_private_ranges, var.snat_private_ranges) : null
  tags              = var.tags

  # DNS proxy: spokes can use the firewall as their DNS server, and FQDNs in network rules
  # resolve to the same addresses for the firewall and its clients (Security).
  dynamic "dns" {
    for_each = local.is_basic ? [] : [true]

    content {
      proxy_enabled = true
    }
  }

  # Premium's intrusion detection takes the environment's threat intelligence stance (Security).
  dynamic "intrusion_detection" {
    for_each = var.sku_tier == "Premium" ? [var.threat_intel_mode] : []

    content {
      mode = intrusion_detection.value
    }
  }
}

# Baseline rules: only what a migrated server needs to stay managed and patched. Everything
# else is denied until a workload asks for it (Security: deny by default).
resource "azurerm_firewall_policy_rule_collection_group" "platform" {
  count = length(var.spoke_address_prefixes) > 0 ? 1 : 0

  name               = "rcg-platform"
  firewall_policy_id = azurerm_firewall_policy.this.id
  # Platform rules first; landing zone teams add groups after 1000.
  priority = 1000

  network_rule_collection {
    name     = "net-platform-allow"
    priority = 100
    action   = "Allow"

    rule {
      name                  = "AllowAzureMonitor"
      description           = "Monitoring agents send logs and metrics to Azure Monitor."
      protocols             = ["TCP"]
      source_addresses      = var.spoke_address_prefixes
      destination_addresses = ["AzureMonitor"]
      destination_ports     = ["443"]
    }

    # FQDNs in network rules need the DNS proxy, which Basic lacks.
    dynamic "rule" {
      for_each = local.is_basic ? [] : [true]

      content {
        name              = "AllowWindowsActivation"
        description       = "Windows VMs activate against Azure KMS, which forced routing would otherwise cut off."
        protocols         = ["TCP"]
        source_addresses  = var.spoke_address_prefixes
        destination_fqdns = ["azkms.core.windows.net", "kms.core.windows.net"]
        destination_ports = ["1688"]
      }
    }

    # Hybrid traffic: on-premises and the spokes reach each other through the firewall in both
    # directions (the spokes' default route and GatewaySubnet's routes send it here). Any port, as
    # a site-to-site link carries what the servers spoke before the move; narrow it per application
    # in a rule collection group of your own, or by replacing these (Security: least privilege).
    dynamic "rule" {
      for_each = length(var.on_premises_address_prefixes) > 0 ? [var.on_premises_address_prefixes] : []

      content {
        name                  = "AllowOnPremisesToSpokes"
        description           = "On-premises clients and servers reach the workloads in the spokes."
        protocols             = ["Any"]
        source_addresses      = rule.value
        destination_addresses = var.spoke_address_prefixes
        destination_ports     = ["*"]
      }
    }

    dynamic "rule" {
      for_each = length(var.on_premises_address_prefixes) > 0 ? [var.on_premises_address_prefixes] : []

      content {
        name                  = "AllowSpokesToOnPremises"
        description           = "Workloads reach what stays on-premises: domain controllers, DNS, databases, file shares."
        protocols             = ["Any"]
        source_addresses      = var.spoke_address_prefixes
        destination_addresses = rule.value
        destination_ports     = ["*"]
      }
    }
  }

  application_rule_collection {
    name     = "app-platform-allow"
    priority = 200
    action   = "Allow"

    rule {
      name                  = "AllowWindowsUpdate"
      description           = "Patching keeps working after the move (Security)."
      source_addresses      = var.spoke_address_prefixes
      destination_fqdn_tags = ["WindowsUpdate"]

      protocols {
        type = "Http"
        port = 80
      }

      protocols {
        type = "Https"
        port = 443
      }
    }

    rule {
      name                  = "AllowWindowsDiagnosticsAndDefender"
      description           = "Defender signatures and Windows diagnostics."
      source_addresses      = var.spoke_address_prefixes
      destination_fqdn_tags = ["WindowsDiagnostics", "MicrosoftActiveProtectionService"]

      protocols {
        type = "Https"
        port = 443
      }
    }
  }
}

resource "azurerm_firewall" "this" {
  #checkov:skip=CKV_AZURE_216:Threat intelligence is set on the firewall policy (Deny in prod, meg lint SEC-003); the firewall's own threat_intel_mode applies to classic rules only.
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  sku_name            = "AZFW_VNet"
  sku_tier            = var.sku_tier
  firewall_policy_id  = azurerm_firewall_policy.this.id
  # Zones 1-3 in production: the 99.99% SLA, at no extra charge for the firewall (Reliability).
  zones = var.zones
  tags  = var.tags

  ip_configuration {
    name                 = "ipconfig-firewall"
    subnet_id            = var.subnet_id
    public_ip_address_id = azurerm_public_ip.this["firewall"].id
  }

  dynamic "management_ip_configuration" {
    for_each = local.is_basic ? [var.management_subnet_id] : []

    content {
      name                 = "ipconfig-management"
      subnet_id            = management_ip_configuration.value
      public_ip_address_id = azurerm_public_ip.this["management"].id
    }
  }

  # A policy being updated rejects the firewall's update: let the rules settle first.
  depends_on = [azurerm_firewall_policy_rule_collection_group.platform]
}

# Diagnostics of the firewall and of its public IPs (DDoS notifications and mitigation reports
# when the hub has a protection plan), to the destinations of var.diagnostic_settings.
resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                           = coalesce(each.value.name, "diag-${var.name}")
  target_resource_id             = azurerm_firewall.this.id
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
  scope      = azurerm_firewall.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."
}

# The address before this module took the AVM interfaces: the setting is kept, not re-created.
moved {
  from = azurerm_monitor_diagnostic_setting.firewall
  to   = azurerm_monitor_diagnostic_setting.this["log_analytics"]
}
