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

variable "diagnostic_settings" {
  description = "Diagnostic settings of the Recovery Services vault, by a key of your choice (AVM interface): the destinations (workspace_resource_id, storage_account_resource_id, event_hub_authorization_rule_resource_id with event_hub_name, marketplace_partner_resource_id; at least one), the log_categories or log_groups (default allLogs) and metric_categories (default AllMetrics) sent, log_analytics_destination_type (Dedicated or AzureDiagnostics; null leaves the service's default) and the setting's name (default diag-<resource name>)."
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
  description = "Management lock on the Recovery Services vault (AVM interface): `kind` CanNotDelete or ReadOnly, and an optional `name`; null for none."
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
