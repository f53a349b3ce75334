variable "name" {
  description = "Workspace name."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the workspace."
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

variable "retention_in_days" {
  description = "Days the workspace keeps data."
  type        = number
}

variable "daily_quota_gb" {
  description = "Daily ingestion cap in GB; -1 for none."
  type        = number
}

variable "lock" {
  description = "Management lock on the workspace (AVM interface): `kind` CanNotDelete or ReadOnly, and an optional `name`; null for none."
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
