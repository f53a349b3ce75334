variable "name" {
  description = "DNS Private Resolver name."
  type        = string
}

variable "inbound_endpoint_name" {
  description = "Inbound endpoint name."
  type        = string
}

variable "outbound_endpoint_name" {
  description = "Outbound endpoint name."
  type        = string
}

variable "forwarding_ruleset_name" {
  description = "Forwarding ruleset name."
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

variable "virtual_network_id" {
  description = "Resource ID of the hub virtual network."
  type        = string
}

variable "inbound_subnet_id" {
  description = "Resource ID of snet-dns-inbound (delegated to Microsoft.Network/dnsResolvers)."
  type        = string
}

variable "outbound_subnet_id" {
  description = "Resource ID of snet-dns-outbound (delegated to Microsoft.Network/dnsResolvers)."
  type        = string
}

variable "inbound_ip_address" {
  description = "Static private IP address of the inbound endpoint; null to let Azure pick one."
  type        = string
  default     = null
}

variable "forwarding_rules" {
  description = "One rule per on-premises domain (with its trailing dot) and the DNS servers that answer for it."
  type = list(object({
    domain             = string
    target_dns_servers = list(string)
  }))
}
