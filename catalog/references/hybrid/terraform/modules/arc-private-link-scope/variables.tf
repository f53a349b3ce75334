variable "name" {
  description = "Private link scope name."
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

variable "private_endpoints" {
  description = "Private endpoints to the scope, by a key of your choice: Arc agents on premises reach Arc's services only through them. The hybridcompute endpoint registers in the Arc zones (privatelink.his.arc.azure.com, privatelink.guestconfiguration.azure.com, privatelink.dp.kubernetesconfiguration.azure.com)."
  type = map(object({
    name                          = string
    subnet_resource_id            = string
    private_dns_zone_resource_ids = optional(list(string), [])
  }))
  default  = {}
  nullable = false
}
