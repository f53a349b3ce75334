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

variable "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace for diagnostics."
  type        = string
}
