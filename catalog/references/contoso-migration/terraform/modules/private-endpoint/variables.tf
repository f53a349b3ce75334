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

variable "subnet_resource_id" {
  description = "Resource ID of the subnet the endpoint sits in."
  type        = string
}

variable "private_connection_resource_id" {
  description = "Resource ID of the resource the endpoint reaches."
  type        = string
}

variable "subresource_names" {
  description = "The one sub-resource (group ID) the endpoint reaches: vault, sites, sqlServer, registry, hybridcompute."
  type        = list(string)

  validation {
    condition     = length(var.subresource_names) == 1
    error_message = "A private endpoint reaches exactly one sub-resource."
  }
}

variable "private_dns_zone_resource_ids" {
  description = "Resource IDs of the privatelink zones the endpoint registers its records in; empty for none. A list, not a set: its order is the order Azure keeps, and a reordering would be a change."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "private_dns_zone_group_name" {
  description = "Name of the endpoint's private DNS zone group."
  type        = string
  default     = "default"
}
