variable "location" {
  description = "Azure region of every resource."
  type        = string
}

variable "environment_name" {
  description = "Environment name, used in tags."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,7}$", var.environment_name))
    error_message = "The environment name is 2 to 8 lower-case letters or digits, starting with a letter."
  }
}

variable "tags" {
  description = "Tags applied to every taggable resource."
  type        = map(string)
}

variable "names" {
  description = "Resource names, computed by meg from the CAF naming convention and checked against Azure's rules."
  type = object({
    connectivity_resource_group   = string
    management_resource_group     = string
    security_resource_group       = string
    log_analytics_workspace       = string
    key_vault                     = string
    key_vault_private_endpoint    = string
    hub_virtual_network           = string
    firewall                      = string
    firewall_policy               = string
    firewall_public_ip            = string
    firewall_management_public_ip = string
    vpn_gateway                   = string
    vpn_gateway_public_ip         = string
    vpn_gateway_second_public_ip  = string
    hub_to_spoke_route_table      = string
    front_door_profile            = string
    front_door_waf_policy         = string
    database_migration_service    = string
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

variable "key_vault" {
  description = "Platform Key Vault settings."
  type = object({
    sku                           = string
    enable_purge_protection       = bool
    soft_delete_retention_in_days = number
    private_endpoint              = bool
    # Entra object IDs given Key Vault Administrator on the vault (it uses Azure RBAC).
    administrators = list(string)
  })

  validation {
    condition     = contains(["standard", "premium"], var.key_vault.sku)
    error_message = "The Key Vault SKU is standard or premium."
  }

  validation {
    condition     = var.key_vault.soft_delete_retention_in_days >= 7 && var.key_vault.soft_delete_retention_in_days <= 90
    error_message = "Soft-delete retention is 7 to 90 days."
  }

  validation {
    condition     = alltrue([for id in var.key_vault.administrators : can(regex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", id))])
    error_message = "Key Vault administrators are Entra object IDs (GUIDs)."
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
    # The DNS resolver's inbound endpoint or the firewall's DNS proxy, so spokes resolve the hub's private zones.
    spoke_dns_servers = list(string)
    # Without either, the spokes are on Azure DNS: the private DNS zones are linked to every spoke too.
    link_private_dns_zones_to_spokes = bool
  })
}

variable "private_dns_zones" {
  description = "Private DNS zones created in the connectivity resource group and linked to the hub."
  type        = list(string)
}

variable "spokes" {
  description = "Spoke virtual networks peered to the hub."
  type = list(object({
    name                 = string
    resource_group_name  = string
    virtual_network_name = string
    route_table_name     = string
    address_prefixes     = list(string)
    # workload, and the application's owner and costCenter when it names them
    tags = map(string)
    subnets = list(object({
      name                        = string
      address_prefix              = string
      network_security_group_name = string
      # the service the subnet is delegated to (App Service VNet integration)
      delegation = optional(string)
    }))
  }))
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

variable "vpn_shared_key_dublin_dc" {
  description = "Pre-shared key of the connection to site dublin-dc: export TF_VAR_vpn_shared_key_dublin_dc, never put it in a file. Not needed in an environment that does not connect to that site."
  type        = string
  sensitive   = true
  default     = null

  validation {
    condition     = !contains(var.on_premises_sites[*].name, "dublin-dc") || (try(length(var.vpn_shared_key_dublin_dc), 0) >= 16 && try(length(var.vpn_shared_key_dublin_dc), 0) <= 128)
    error_message = "The connection to site dublin-dc needs a shared key of 16 to 128 characters: export TF_VAR_vpn_shared_key_dublin_dc."
  }
}

variable "paas" {
  description = "Refactor: App Service, Azure SQL and a Key Vault per application, in the application's spoke."
  type = object({
    enabled = bool
    # Front Door Premium with a WAF in front of the web apps
    front_door = bool
    # Azure Database Migration Service for the (offline) database moves
    database_migration = bool
    app_service = object({
      sku               = string
      capacity          = number
      zone_redundant    = bool
      health_check_path = string
    })
    sql = object({
      sku = object({
        name       = string
        tier       = string
        family     = string
        capacity   = number
        serverless = bool
      })
      zone_redundant            = bool
      backup_storage_redundancy = string
      # empty: the identity that deploys becomes the Entra administrator
      administrator_login     = string
      administrator_object_id = string
    })
    container_apps = object({
      zone_redundant = bool
      # the Container Apps subnets, where the environments' egress comes from
      subnet_prefixes = list(string)
    })
    applications = list(object({
      name                            = string
      resource_group_name             = string
      virtual_network_name            = string
      tags                            = map(string)
      key_vault_name                  = string
      key_vault_private_endpoint_name = string
      app_service_plan_name           = string
      application_insights_name       = string
      web_apps = list(object({
        name                  = string
        site_name             = string
        private_endpoint_name = string
        # empty without Front Door
        front_door_endpoint_name = string
      }))
      sql_server_name           = string
      sql_private_endpoint_name = string
      databases = list(object({
        name          = string
        database_name = string
      }))
      secrets = list(string)
      # Entra object IDs given Key Vault Secrets Officer on the application's vault.
      secrets_officers                         = list(string)
      container_apps                           = bool
      container_apps_environment_name          = string
      container_registry_name                  = string
      container_registry_private_endpoint_name = string
    }))
  })

  validation {
    condition     = alltrue(flatten([for app in var.paas.applications : [for id in app.secrets_officers : can(regex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", id))]]))
    error_message = "Secrets officers are Entra object IDs (GUIDs)."
  }

  validation {
    condition     = contains(["B1", "B2", "S1", "P0v3", "P1v3", "P2v3", "P3v3"], var.paas.app_service.sku)
    error_message = "The App Service plan SKU is one of B1, B2, S1, P0v3, P1v3, P2v3, P3v3."
  }
}
