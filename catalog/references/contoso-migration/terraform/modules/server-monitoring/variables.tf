variable "name" {
  description = "Data collection rule name."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the rule (the migration group)."
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

variable "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace the data goes to."
  type        = string
}
