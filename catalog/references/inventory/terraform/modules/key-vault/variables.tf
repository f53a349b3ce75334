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

variable "sku" {
  description = "Key Vault SKU: standard or premium."
  type        = string
}

variable "enable_purge_protection" {
  description = "Forbid purging deleted objects before the retention ends."
  type        = bool
}

variable "soft_delete_retention_in_days" {
  description = "Days a deleted vault or object stays recoverable."
  type        = number
}

variable "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace for diagnostics."
  type        = string
}

variable "administrators" {
  description = "Entra object IDs (users, groups, service principals) that manage the vault's contents: with Azure RBAC, nobody else can, not even whoever deployed it."
  type        = list(string)
  default     = []
}

variable "administrator_role" {
  description = "Name of the Key Vault data-plane role the administrators get on the vault."
  type        = string
  default     = "Key Vault Administrator"
}

variable "private_endpoint" {
  description = "Private endpoint in the hub, or null for none."
  type = object({
    name                = string
    subnet_id           = string
    private_dns_zone_id = optional(string)
  })
  default = null
}
