variable "location" {
  description = "Azure region of every resource."
  type        = string
}

variable "environment_name" {
  description = "Hub name (its key under hubs:), used in tags."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,7}$", var.environment_name))
    error_message = "The environment name is 2 to 8 lower-case letters or digits, starting with a letter."
  }
}

variable "subscription_id" {
  description = "The subscription this environment deploys into (a GUID): the azurerm provider targets it."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$", var.subscription_id))
    error_message = "The subscription ID is a GUID in lower case, such as 00000000-0000-0000-0000-000000000000."
  }
}

variable "tags" {
  description = "Tags applied to every taggable resource."
  type        = map(string)
}

variable "names" {
  description = "Resource names, computed by meg from the CAF naming convention and checked against Azure's rules."
  type = object({
    connectivity_resource_group    = string
    management_resource_group      = string
    log_analytics_workspace        = string
    hub_virtual_network            = string
    firewall                       = string
    firewall_policy                = string
    firewall_public_ip             = string
    firewall_management_public_ip  = string
    bastion                        = string
    bastion_public_ip              = string
    vpn_gateway                    = string
    vpn_gateway_public_ip          = string
    vpn_gateway_second_public_ip   = string
    dns_resolver                   = string
    dns_resolver_inbound_endpoint  = string
    dns_resolver_outbound_endpoint = string
    dns_forwarding_ruleset         = string
    hub_to_spoke_route_table       = string
  })
}

variable "log_analytics" {
  description = "Log Analytics workspace settings."
  type = object({
    retention_in_days = number
    daily_quota_gb    = number
  })

  validation {
    condition     = var.log_analytics.retention_in_days >= 30 && var.log_analytics.retention_in_days <= 730
    error_message = "Retention is 30 to 730 days."
  }
}

variable "lock" {
  description = "Management lock on the platform resources of this root (AVM interface): kind CanNotDelete or ReadOnly; null for none. A locked resource cannot be deleted (ReadOnly: nor changed) until its lock is removed; terraform destroy removes the locks first."
  type = object({
    kind = string
  })
  default = null

  validation {
    condition     = var.lock == null ? true : contains(["CanNotDelete", "ReadOnly"], var.lock.kind)
    error_message = "A lock's kind is CanNotDelete or ReadOnly."
  }
}

variable "hub_network" {
  description = "Hub virtual network: address space, DNS servers and subnets."
  type = object({
    address_prefixes = list(string)
    dns_servers      = list(string)
    subnets = list(object({
      name                        = string
      address_prefix              = string
      network_security_group_name = optional(string)
      delegation                  = optional(string)
    }))
    bastion_address_prefix = optional(string)
  })
}

variable "private_dns_zones" {
  description = "Private DNS zones created in the connectivity resource group and linked to the hub."
  type        = list(string)
}

variable "attached_spoke_address_prefixes" {
  description = "Address spaces of the spokes of the environments attached to this hub: its firewall allows them and its GatewaySubnet routes them through the firewall."
  type        = list(string)
}

variable "on_premises_address_prefixes" {
  description = "On-premises networks the hub's gateways reach (the sites' address spaces): the firewall and the spokes' NSGs let them and the spokes talk."
  type        = list(string)
}

variable "firewall" {
  description = "Azure Firewall in the hub: tier, private IP (the next hop of every spoke route), availability zones and threat intelligence mode."
  type = object({
    enabled = bool
    # Basic also needs AzureFirewallManagementSubnet and a management public IP.
    tier = string
    # Spread the firewall and its public IPs over availability zones 1-3 (Reliability).
    zone_redundant    = bool
    threat_intel_mode = string
    # Registered ranges the environment's networks use privately: network-rule traffic to them keeps its source address.
    snat_private_ranges = list(string)
    # First usable address (.4) of AzureFirewallSubnet; null when the environment has no firewall.
    private_ip_address = optional(string)
  })

  validation {
    condition     = contains(["Basic", "Standard", "Premium"], var.firewall.tier)
    error_message = "The firewall tier is Basic, Standard or Premium."
  }

  validation {
    condition     = contains(["Alert", "Deny"], var.firewall.threat_intel_mode)
    error_message = "The threat intelligence mode is Alert or Deny."
  }

  validation {
    condition     = alltrue([for range in var.firewall.snat_private_ranges : can(cidrhost(range, 0))])
    error_message = "Each SNAT private range is an IPv4 range in CIDR notation, such as 203.0.113.0/24."
  }

  validation {
    condition     = !var.firewall.enabled || var.firewall.private_ip_address != null
    error_message = "An enabled firewall needs its private IP address: the spokes route through it."
  }
}

variable "attached_rule_collection_groups" {
  description = "Rule collection groups the firewall policy carries for the workloads of the environments attached to this hub, decided by meg: one per environment, its own ranges as sources."
  type = list(object({
    name        = string
    environment = string
    priority    = number
    network_rule_collections = list(object({
      name     = string
      priority = number
      rules = list(object({
        name                  = string
        description           = string
        ip_protocols          = list(string)
        source_addresses      = list(string)
        destination_addresses = list(string)
        destination_ports     = list(string)
      }))
    }))
    application_rule_collections = list(object({
      name     = string
      priority = number
      rules = list(object({
        name             = string
        description      = string
        source_addresses = list(string)
        target_fqdns     = list(string)
        protocols = list(object({
          protocol_type = string
          port          = number
        }))
      }))
    }))
  }))

  validation {
    condition     = alltrue([for group in var.attached_rule_collection_groups : group.priority >= 100 && group.priority <= 65000])
    error_message = "Rule collection group priorities are 100 to 65000."
  }

  validation {
    condition     = length(distinct([for group in var.attached_rule_collection_groups : group.priority])) == length(var.attached_rule_collection_groups)
    error_message = "Each rule collection group needs a priority of its own: the firewall would otherwise process them in no set order."
  }
}

variable "bastion" {
  description = "Azure Bastion in the hub: whether this environment has it, its SKU, its scale units (instances, each taking about 20 concurrent RDP or 40 SSH sessions; 2 on Basic) and whether the native client copies files (Standard and Premium)."
  type = object({
    enabled     = bool
    sku         = string
    scale_units = number
    file_copy   = bool
  })

  validation {
    condition     = contains(["Basic", "Standard", "Premium"], var.bastion.sku)
    error_message = "The Bastion SKU is Basic, Standard or Premium."
  }

  validation {
    condition     = var.bastion.scale_units >= 2 && var.bastion.scale_units <= 50 && (var.bastion.sku != "Basic" || var.bastion.scale_units == 2)
    error_message = "Bastion runs 2 to 50 scale units, and Basic exactly 2."
  }
}

variable "vpn_gateway" {
  description = "VPN gateway: whether this environment has one, its zone-redundant SKU, active-active, and the BGP AS number of the Azure side."
  type = object({
    enabled = bool
    # AZ SKUs spread the instances over availability zones (Reliability).
    sku           = string
    active_active = bool
    asn           = number
    # Zones of the public IPs; empty in a region without availability zones.
    zones = list(string)
  })

  validation {
    condition     = contains(["VpnGw1AZ", "VpnGw2AZ", "VpnGw3AZ", "VpnGw4AZ", "VpnGw5AZ"], var.vpn_gateway.sku)
    error_message = "The VPN gateway SKU is one of the zone-redundant VpnGw1AZ to VpnGw5AZ."
  }

  validation {
    condition     = var.vpn_gateway.asn >= 1 && var.vpn_gateway.asn <= 4294967294 && !contains([8074, 8075, 12076, 23456, 65517, 65518, 65519, 65520], var.vpn_gateway.asn)
    error_message = "The ASN is 1 to 4294967294 and not one Azure or IANA reserves (8074, 8075, 12076, 23456, 65517-65520)."
  }
}

variable "on_premises_sites" {
  description = "On-premises sites, each with a local network gateway and a site-to-site connection."
  type = list(object({
    name                       = string
    local_network_gateway_name = string
    connection_name            = string
    gateway_address            = string
    address_prefixes           = list(string)
    # BGP peer of the site's VPN device and its AS number; both null for static routing.
    bgp_peering_address = optional(string)
    asn                 = optional(number)
  }))

  validation {
    condition     = alltrue([for site in var.on_premises_sites : can(cidrhost("${site.gateway_address}/32", 0))])
    error_message = "A site's gateway address is an IPv4 address."
  }

  validation {
    condition     = alltrue(flatten([for site in var.on_premises_sites : [for prefix in site.address_prefixes : can(cidrnetmask(prefix))]]))
    error_message = "A site's address prefixes are IPv4 CIDR blocks."
  }

  validation {
    condition     = alltrue([for site in var.on_premises_sites : (site.asn == null) == (site.bgp_peering_address == null)])
    error_message = "A site that runs BGP needs both its BGP peering address and its AS number."
  }

  validation {
    condition     = alltrue([for site in var.on_premises_sites : site.asn == null ? true : site.asn != var.vpn_gateway.asn && !contains([8074, 8075, 12076, 23456, 65515, 65517, 65518, 65519, 65520], site.asn)])
    error_message = "A site's AS number differs from the Azure side's and is not one Azure or IANA reserves (8074, 8075, 12076, 23456, 65515, 65517-65520)."
  }
}

variable "vpn_shared_key_amsterdam_dc" {
  description = "Pre-shared key of the connection to site amsterdam-dc: export TF_VAR_vpn_shared_key_amsterdam_dc, never put it in a file. Not needed in an environment that does not connect to that site."
  type        = string
  sensitive   = true
  default     = null

  validation {
    condition     = !contains(var.on_premises_sites[*].name, "amsterdam-dc") || (try(length(var.vpn_shared_key_amsterdam_dc), 0) >= 16 && try(length(var.vpn_shared_key_amsterdam_dc), 0) <= 128)
    error_message = "The connection to site amsterdam-dc needs a shared key of 16 to 128 characters: export TF_VAR_vpn_shared_key_amsterdam_dc."
  }
}

variable "dns_resolver" {
  description = "DNS Private Resolver: whether this environment has one, and one forwarding rule per on-premises domain."
  type = object({
    enabled = bool
    # Static address of the inbound endpoint in snet-dns-inbound; null to let Azure pick one.
    inbound_ip_address = optional(string)
    forwarding_rules = list(object({
      # Fully qualified, with its trailing dot: corp.contoso.com.
      domain             = string
      target_dns_servers = list(string)
    }))
  })

  validation {
    condition     = alltrue([for rule in var.dns_resolver.forwarding_rules : can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+$", lower(rule.domain)))])
    error_message = "A forwarded domain is fully qualified and ends with a dot, e.g. corp.contoso.com."
  }

  validation {
    condition     = alltrue([for rule in var.dns_resolver.forwarding_rules : length(rule.target_dns_servers) > 0 && alltrue([for server in rule.target_dns_servers : can(cidrhost("${server}/32", 0))])])
    error_message = "Every forwarding rule targets at least one on-premises DNS server, by IPv4 address."
  }

  validation {
    condition     = var.dns_resolver.inbound_ip_address == null ? true : can(cidrhost("${var.dns_resolver.inbound_ip_address}/32", 0))
    error_message = "The inbound endpoint address is an IPv4 address."
  }
}
