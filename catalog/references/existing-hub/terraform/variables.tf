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
    management_resource_group                  = string
    security_resource_group                    = string
    log_analytics_workspace                    = string
    key_vault                                  = string
    key_vault_private_endpoint                 = string
    migration_resource_group                   = string
    recovery_services_vault                    = string
    migrate_project                            = string
    maintenance_configuration                  = string
    disk_encryption_key_vault                  = string
    disk_encryption_key_vault_private_endpoint = string
    disk_encryption_set                        = string
    disk_encryption_identity                   = string
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
    }))
  }))
}

variable "on_premises_address_prefixes" {
  description = "On-premises networks the hub's gateways reach (the sites' address spaces): the firewall and the spokes' NSGs let them and the spokes talk."
  type        = list(string)
}

variable "migration" {
  description = "Rehost tooling: whether this environment has it, backup storage and retention, and the patch window."
  type = object({
    enabled = bool
    # Entra object IDs given Key Vault Crypto Officer on the disk encryption vault.
    key_vault_administrators = list(string)
    backup = object({
      # Fixed once the first item is protected.
      storage_redundancy = string
      # Restore in the paired region at any time (GeoRedundant only).
      cross_region_restore     = bool
      schedule_time            = string
      time_zone                = string
      daily_retention_days     = number
      weekly_retention_weeks   = number
      monthly_retention_months = number
      instant_restore_days     = number
    })
    patching = object({
      weekday    = string
      start_time = string
      # At most 03:55 for in-guest patching.
      duration                = string
      time_zone               = string
      reboot                  = string
      windows_classifications = list(string)
      linux_classifications   = list(string)
    })
  })

  validation {
    condition     = alltrue([for id in var.migration.key_vault_administrators : can(regex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", id))])
    error_message = "Key Vault administrators are Entra object IDs (GUIDs)."
  }

  validation {
    condition     = contains(["LocallyRedundant", "ZoneRedundant", "GeoRedundant"], var.migration.backup.storage_redundancy)
    error_message = "Backup storage redundancy is LocallyRedundant, ZoneRedundant or GeoRedundant."
  }

  validation {
    condition     = !var.migration.backup.cross_region_restore || var.migration.backup.storage_redundancy == "GeoRedundant"
    error_message = "Cross-region restore needs GeoRedundant backup storage."
  }

  validation {
    condition     = var.migration.backup.instant_restore_days >= 1 && var.migration.backup.instant_restore_days <= 30
    error_message = "Instant restore keeps snapshots 1 to 30 days."
  }
}
