variable "name" {
  description = "Vault name (globally unique)."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$", var.name))
    error_message = "A Key Vault name is 3 to 24 letters, digits and hyphens, starting with a letter."
  }
}

variable "resource_group_name" {
  description = "Resource group of the vault."
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

variable "tenant_id" {
  description = "Entra ID tenant that authenticates requests to the vault."
  type        = string
}

variable "sku_name" {
  description = "Key Vault SKU: standard, or premium for HSM-backed keys."
  type        = string

  validation {
    condition     = contains(["standard", "premium"], var.sku_name)
    error_message = "sku_name is standard or premium."
  }
}

variable "purge_protection_enabled" {
  description = "Forbid purging deleted objects before the retention ends."
  type        = bool
}

variable "soft_delete_retention_days" {
  description = "Days a deleted vault or object stays recoverable."
  type        = number

  validation {
    condition     = var.soft_delete_retention_days >= 7 && var.soft_delete_retention_days <= 90
    error_message = "Key Vault keeps deleted objects for 7 to 90 days."
  }
}

variable "role_assignments" {
  description = "Role assignments on the vault, by a key of your choice: the role by name or definition ID, and the Entra object ID it is granted to. With Azure RBAC nobody else manages the vault's contents, not even whoever deployed it."
  type = map(object({
    role_definition_id_or_name = string
    principal_id               = string
    principal_type             = optional(string)
    description                = optional(string)
  }))
  default  = {}
  nullable = false
}

variable "private_endpoints" {
  description = "Private endpoints to the vault, by a key of your choice; with any, public network access is off."
  type = map(object({
    name                          = string
    subnet_resource_id            = string
    private_dns_zone_resource_ids = optional(list(string), [])
  }))
  default  = {}
  nullable = false
}

variable "diagnostic_settings" {
  description = "Diagnostic settings of the vault, by a key of your choice (AVM interface): the destinations (workspace_resource_id, storage_account_resource_id, event_hub_authorization_rule_resource_id with event_hub_name, marketplace_partner_resource_id; at least one), the log_categories or log_groups (default allLogs) and metric_categories (default AllMetrics) sent, log_analytics_destination_type (Dedicated or AzureDiagnostics; null leaves the service's default) and the setting's name (default diag-<resource name>)."
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
  description = "Management lock on the vault (AVM interface): `kind` CanNotDelete or ReadOnly, and an optional `name`; null for none."
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
