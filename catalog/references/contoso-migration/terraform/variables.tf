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
    data_collection_rule                       = string
    front_door_profile                         = string
    front_door_waf_policy                      = string
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

variable "virtual_machines" {
  description = "Virtual machines meg deploys itself into the spokes; most servers arrive through Azure Migrate instead."
  type = list(object({
    name                 = string
    spoke                = string
    resource_group_name  = string
    virtual_network_name = string
    # snet-<subnet>, a subnet of the spoke.
    subnet_name            = string
    os                     = string
    size                   = string
    zone                   = optional(string)
    os_disk_size_gb        = optional(number)
    os_disk_storage        = string
    network_interface_name = string
    os_disk_name           = string
    data_disks = list(object({
      name    = string
      lun     = number
      size_gb = number
      storage = string
    }))
    image = object({
      publisher = string
      offer     = string
      sku       = string
      version   = string
    })
    # Every managed disk, OS disk first: what Site Recovery replicates.
    disk_names = list(string)
    # The spoke's recovery network, when Site Recovery protects the server.
    recovery_network_id = optional(string)
  }))

  validation {
    condition     = alltrue([for vm in var.virtual_machines : contains(["windows", "linux"], vm.os)])
    error_message = "A virtual machine's os is windows or linux."
  }

  validation {
    condition = alltrue(flatten([for vm in var.virtual_machines : concat(
      [contains(["Premium_LRS", "StandardSSD_LRS", "Standard_LRS"], vm.os_disk_storage)],
      [for disk in vm.data_disks : contains(["Premium_LRS", "StandardSSD_LRS", "Standard_LRS"], disk.storage)]
    )]))
    error_message = "A disk's storage type is Premium_LRS, StandardSSD_LRS or Standard_LRS."
  }
}

variable "vm_admin_password_erpapp01" {
  description = "Local administrator (azureadmin) password of VM erpapp01: export TF_VAR_vm_admin_password_erpapp01, never put it in a file. Not needed in an environment that does not create that VM."
  type        = string
  sensitive   = true
  default     = null

  validation {
    condition     = !anytrue([for vm in var.virtual_machines : vm.name == "erpapp01" && vm.os == "windows"]) || (try(length(var.vm_admin_password_erpapp01), 0) >= 12 && try(length(var.vm_admin_password_erpapp01), 0) <= 123)
    error_message = "VM erpapp01 needs an administrator password of 12 to 123 characters: export TF_VAR_vm_admin_password_erpapp01."
  }
}

variable "vm_admin_ssh_public_key" {
  description = "SSH public key of the Linux VMs' administrator (azureadmin): export TF_VAR_vm_admin_ssh_public_key. Not needed in an environment without Linux VMs."
  type        = string
  sensitive   = true
  default     = null

  validation {
    condition     = var.vm_admin_ssh_public_key != null || !anytrue([for vm in var.virtual_machines : vm.os == "linux"])
    error_message = "Linux VMs need the administrator's SSH public key: export TF_VAR_vm_admin_ssh_public_key."
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
