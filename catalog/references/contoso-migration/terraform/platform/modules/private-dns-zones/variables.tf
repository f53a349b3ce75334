variable "zone_names" {
  description = "Zone names, e.g. privatelink.vaultcore.azure.net."
  type        = list(string)
}

variable "resource_group_name" {
  description = "Resource group of the zones."
  type        = string
}

variable "virtual_network_id" {
  description = "Resource ID of the hub virtual network."
  type        = string
}

variable "tags" {
  description = "Tags."
  type        = map(string)
}
