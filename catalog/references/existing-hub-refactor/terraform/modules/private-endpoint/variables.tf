variable "name" {
  description = "Private endpoint name."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the endpoint."
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

variable "subnet_id" {
  description = "Resource ID of the subnet the endpoint sits in."
  type        = string
}

variable "target_id" {
  description = "Resource ID of the resource the endpoint reaches."
  type        = string
}

variable "group_id" {
  description = "Sub-resource it reaches: sites, sqlServer, registry, vault."
  type        = string
}

variable "private_dns_zone_id" {
  description = "Resource ID of the privatelink zone to register in; null for none."
  type        = string
  default     = null
}
