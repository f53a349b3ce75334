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
    management_resource_group  = string
    security_resource_group    = string
    log_analytics_workspace    = string
    key_vault                  = string
    key_vault_private_endpoint = string
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
  description = "The existing hub this landing zone peers to, and what the spokes take from it (next hop, DNS, private DNS zones)."
  type = object({
    # The hub's virtual network, and its parts for the data source and the peering.
    virtual_network_id   = string
    subscription_id      = string
    resource_group_name  = string
    virtual_network_name = string
    # Next hop of the spokes' default route: the hub's firewall or appliance; none without it.
    firewall_private_ip = optional(string)
    # The hub's AzureBastionSubnet, allowed to reach the spokes' management ports.
    bastion_address_prefix = optional(string)
    # The hub has a VPN or ExpressRoute gateway and offers gateway transit.
    use_remote_gateways = bool
    # Resource IDs of the hub's private DNS zones, by zone name.
    private_dns_zone_ids = map(string)
    # Subnet of the hub that takes the platform Key Vault's private endpoint.
    # Where the landing zone's own private endpoints go: a spoke's subnet, in its subscription.
    private_endpoint_spoke_index = optional(number)
    private_endpoint_spoke       = optional(string)
    private_endpoint_subnet      = optional(string)
    spoke_dns_servers            = list(string)
    # Prefix of the hub side of each peering, unique in a hub other landing zones share.
    peering_name_prefix = string
  })
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

variable "paas" {
  description = "Refactor: App Service, Azure SQL and a Key Vault per application, in the application's spoke."
  type = object({
    enabled = bool
    # Front Door Premium with a WAF in front of the web apps
    front_door = bool
    # Azure Database Migration Service for the (offline) database moves
    database_migration = bool
    # An Application Gateway WAF_v2 per application with web apps; each one's listener certificate
    # (applications[].certificate_secret_id) is a Key Vault secret in this vault, read by the
    # gateway's identity.
    application_gateway = object({
      enabled                  = bool
      certificate_key_vault_id = string
      zones                    = list(string)
      min_capacity             = number
      max_capacity             = number
      # which of applications get one (Bicep's loop)
      application_indexes = list(number)
    })
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
      application_gateway_name                 = string
      application_gateway_public_ip_name       = string
      application_gateway_waf_policy_name      = string
      application_gateway_identity_name        = string
      # Key Vault secret ID of the gateway's listener certificate, one per application
      certificate_secret_id = string
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
