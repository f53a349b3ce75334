variable "names" {
  description = "Resource names: vault, replication_policy, cache_storage."
  type = object({
    vault              = string
    replication_policy = string
    cache_storage      = string
  })
}

variable "resource_group_name" {
  description = "Resource group of the vault, in the recovery region."
  type        = string
}

variable "resource_group_id" {
  description = "Resource ID of that group: failed-over servers and their replica disks go there too."
  type        = string
}

variable "cache_resource_group_name" {
  description = "Resource group of the cache storage account, in the servers' region (the migration group)."
  type        = string
}

variable "primary_location" {
  description = "Region the servers run in."
  type        = string
}

variable "recovery_location" {
  description = "Region they fail over to: the vault's region."
  type        = string
}

variable "tags" {
  description = "Tags."
  type        = map(string)
}

variable "recovery_point_retention_minutes" {
  description = "Minutes of crash-consistent recovery points kept."
  type        = number
}

variable "app_consistent_frequency_minutes" {
  description = "Minutes between app-consistent snapshots; 0 for none."
  type        = number
}

variable "network_mappings" {
  description = "The virtual network in the recovery region each spoke fails over into, by spoke name: { primary_network_id, recovery_network_id }."
  type = map(object({
    primary_network_id  = string
    recovery_network_id = string
  }))
}

variable "replicated_vms" {
  description = "Servers to protect, by name: { vm_id, network_interface_id, disk_ids (OS disk first), zone, multi_vm_group_name (their spoke), recovery_network_id (null for none yet), subnet_name }."
  type = map(object({
    vm_id                = string
    network_interface_id = string
    disk_ids             = list(string)
    zone                 = optional(string)
    multi_vm_group_name  = string
    recovery_network_id  = optional(string)
    subnet_name          = string
  }))
  default = {}
}

variable "target_disk_encryption_set_id" {
  description = "Resource ID of the disk encryption set in the recovery region the replica disks are encrypted with."
  type        = string
}

variable "diagnostic_settings" {
  description = "Diagnostic settings of the Site Recovery vault (its destinations also take the cache storage account's transaction metrics), by a key of your choice (AVM interface): the destinations (workspace_resource_id, storage_account_resource_id, event_hub_authorization_rule_resource_id with event_hub_name, marketplace_partner_resource_id; at least one), the log_categories or log_groups (default allLogs) and metric_categories (default AllMetrics) sent, log_analytics_destination_type (Dedicated or AzureDiagnostics; null leaves the service's default) and the setting's name (default diag-<resource name>)."
  type = map(object({
    name                                     = optional(string, null)
    log_categories                           = optional(set(string), [])
    log_groups                               = optional(set(string), ["allLogs"])
    metric_categories                        = optional(set(string), ["AllMetrics"])
    log_analytics_destination_type           = optional(string, null)
    workspace_resource_id                    = optional(string, null)
    storage_account_resource_id              = optional(string, null)
    event_hub_authorization_rule_resource_id = optional(string, null)
    event_hub_name                           = optional(string, null)
    marketplace_partner_resource_id          = optional(string, null)
  }))
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for _, v in var.diagnostic_settings : v.log_analytics_destination_type == null ? true : contains(["Dedicated", "AzureDiagnostics"], v.log_analytics_destination_type)])
    error_message = "log_analytics_destination_type is Dedicated or AzureDiagnostics."
  }

  validation {
    condition     = alltrue([for _, v in var.diagnostic_settings : v.workspace_resource_id != null || v.storage_account_resource_id != null || v.event_hub_authorization_rule_resource_id != null || v.marketplace_partner_resource_id != null])
    error_message = "A diagnostic setting needs a destination: workspace_resource_id, storage_account_resource_id, event_hub_authorization_rule_resource_id or marketplace_partner_resource_id."
  }
}

variable "lock" {
  description = "Management lock on the Site Recovery vault (AVM interface): `kind` CanNotDelete or ReadOnly, and an optional `name`; null for none."
  type = object({
    kind = string
    name = optional(string, null)
  })
  default = null

  validation {
    condition     = var.lock == null ? true : contains(["CanNotDelete", "ReadOnly"], var.lock.kind)
    error_message = "A lock's kind is CanNotDelete or ReadOnly."
  }
}
