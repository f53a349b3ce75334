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
    connectivity_resource_group                = string
    management_resource_group                  = string
    security_resource_group                    = string
    log_analytics_workspace                    = string
    key_vault                                  = string
    key_vault_private_endpoint                 = string
    hub_virtual_network                        = string
    firewall                                   = string
    firewall_policy                            = string
    firewall_public_ip                         = string
    firewall_management_public_ip              = string
    bastion                                    = string
    bastion_public_ip                          = string
    migration_resource_group                   = string
    recovery_services_vault                    = string
    migrate_project                            = string
    maintenance_configuration                  = string
    disk_encryption_key_vault                  = string
    disk_encryption_key_vault_private_endpoint = string
    disk_encryption_set                        = string
    disk_encryption_identity                   = string
    data_collection_rule                       = string
    recovery_resource_group                    = string
    site_recovery_vault                        = string
    site_recovery_replication_policy           = string
    site_recovery_cache_storage                = string
    recovery_disk_encryption_key_vault         = string
    recovery_disk_encryption_set               = string
    recovery_disk_encryption_identity          = string
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
    }))
  }))
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

variable "site_recovery" {
  description = "Site Recovery (Azure to Azure): whether this environment has it, the recovery region, recovery point retention and network mappings."
  type = object({
    enabled = bool
    # The region the servers fail over to; the landing zone's own region when disabled.
    recovery_location                = string
    recovery_point_retention_minutes = number
    # 0 for no app-consistent snapshots.
    app_consistent_frequency_minutes = number
    network_mappings = list(object({
      spoke               = string
      recovery_network_id = string
    }))
    # Spokes whose VMs Site Recovery protects: one multi-VM consistency group each.
    multi_vm_groups = list(string)
  })

  validation {
    condition     = !var.site_recovery.enabled || var.site_recovery.recovery_location != var.location
    error_message = "The recovery region must differ from the landing zone's region."
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
