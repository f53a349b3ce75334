variable "names" {
  description = "Resource names: recovery_services_vault, migrate_project, maintenance_configuration."
  type = object({
    recovery_services_vault   = string
    migrate_project           = string
    maintenance_configuration = string
  })
}

variable "resource_group_name" {
  description = "Resource group of the rehost tooling (the migration group)."
  type        = string
}

variable "resource_group_id" {
  description = "Resource ID of that group: the parent of the Azure Migrate project."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "tags" {
  description = "Tags."
  type        = map(string)
}

variable "backup" {
  description = "Backup storage, schedule and retention (see the root variable migration.backup)."
  type = object({
    storage_redundancy       = string
    cross_region_restore     = bool
    schedule_time            = string
    time_zone                = string
    daily_retention_days     = number
    weekly_retention_weeks   = number
    monthly_retention_months = number
    instant_restore_days     = number
  })
}

variable "patching" {
  description = "Weekly patch window and what it installs (see the root variable migration.patching)."
  type = object({
    weekday                 = string
    start_time              = string
    duration                = string
    time_zone               = string
    reboot                  = string
    windows_classifications = list(string)
    linux_classifications   = list(string)
  })
}

variable "managed_identities" {
  description = "Managed identities of the Recovery Services vault (AVM interface): `system_assigned`, and `user_assigned_resource_ids` of user-assigned identities."
  type = object({
    system_assigned            = optional(bool, true)
    user_assigned_resource_ids = optional(set(string), [])
  })
  default  = {}
  nullable = false
}

variable "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace for diagnostics."
  type        = string
}
