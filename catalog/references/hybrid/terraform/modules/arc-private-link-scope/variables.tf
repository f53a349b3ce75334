variable "name" {
  description = "Private link scope name."
  type        = string
}

variable "private_endpoint_name" {
  description = "Name of the scope's private endpoint."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the scope and its endpoint."
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
  description = "Resource ID of the hub subnet that holds the private endpoint (snet-management)."
  type        = string
}

variable "private_dns_zone_ids" {
  description = "Private DNS zone resource IDs by zone name; the Arc zones found here get the endpoint's records."
  type        = map(string)
}
