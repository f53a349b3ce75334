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

variable "diagnostic_settings" {
  description = "Diagnostic settings of the vault, by a key of your choice: the Log Analytics workspace, the log category groups and the metric categories sent to it."
  type = map(object({
    name                  = string
    workspace_resource_id = string
    log_groups            = optional(set(string), ["allLogs"])
    metric_categories     = optional(set(string), ["AllMetrics"])
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
