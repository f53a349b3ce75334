variable "spoke" {
  description = "The spoke: names, address space and subnets."
  type = object({
    name                 = string
    resource_group_name  = string
    virtual_network_name = string
    route_table_name     = string
    address_prefixes     = list(string)
    subnets = list(object({
      name                        = string
      address_prefix              = string
      network_security_group_name = string
      delegation                  = optional(string)
    }))
  })
}

variable "resource_group_name" {
  description = "Resource group of the spoke."
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

variable "dns_servers" {
  description = "Custom DNS servers; empty for Azure DNS."
  type        = list(string)
}

variable "bastion_address_prefix" {
  description = "Address prefix of the hub's AzureBastionSubnet, allowed to reach management ports; null without Bastion."
  type        = string
  default     = null
}

variable "on_premises_address_prefixes" {
  description = "On-premises address prefixes the gateways reach, allowed into the spoke's subnets; empty for none."
  type        = list(string)
  default     = []
}

variable "hub_virtual_network_id" {
  description = "Resource ID of the hub virtual network."
  type        = string
}

variable "hub_virtual_network_name" {
  description = "Name of the hub virtual network."
  type        = string
}

variable "hub_resource_group_name" {
  description = "Resource group of the hub virtual network."
  type        = string
}

variable "hub_peering_name" {
  description = "Name of the hub side of the peering, unique in a hub that other landing zones share."
  type        = string
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

variable "firewall_private_ip" {
  description = "Private IP of the hub firewall; null when the environment has no firewall."
  type        = string
  default     = null
}

variable "use_remote_gateways" {
  description = "Use the hub's VPN or ExpressRoute gateway to reach on-premises (and let the hub offer it)."
  type        = bool
  default     = false
}
