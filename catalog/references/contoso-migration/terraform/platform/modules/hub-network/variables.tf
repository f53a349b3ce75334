variable "name" {
  description = "Virtual network name."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the hub."
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

variable "address_space" {
  description = "Address space of the hub."
  type        = list(string)
}

variable "dns_servers" {
  description = "Custom DNS servers; empty for Azure DNS."
  type        = list(string)
}

variable "subnets" {
  description = "Subnets: name, prefix, NSG name (where Azure allows one) and delegation."
  type = list(object({
    name                        = string
    address_prefix              = string
    network_security_group_name = optional(string)
    delegation                  = optional(string)
  }))
}

variable "bastion_address_prefix" {
  description = "Address prefix of AzureBastionSubnet, allowed to reach management ports; null without Bastion."
  type        = string
  default     = null
}

variable "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace for diagnostics."
  type        = string
}

variable "ddos_protection_plan_id" {
  description = "Resource ID of a DDoS protection plan; null for none."
  type        = string
  default     = null
}

variable "route_gateway_subnet" {
  description = "Attach gateway_route_table_id to GatewaySubnet. A separate flag because the table's ID is unknown until it exists, and count must be known at plan time."
  type        = bool
  default     = false
}

variable "gateway_route_table_id" {
  description = "Resource ID of the route table for GatewaySubnet (on-premises to spokes through the firewall); null for none."
  type        = string
  default     = null
}
