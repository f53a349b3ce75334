variable "name" {
  description = "VPN gateway name."
  type        = string
}

variable "public_ip_name" {
  description = "Name of the gateway's first public IP address."
  type        = string
}

variable "second_public_ip_name" {
  description = "Name of the second public IP address, used only when the gateway is active-active."
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

variable "sku" {
  description = "Zone-redundant VPN gateway SKU."
  type        = string

  validation {
    condition     = contains(["VpnGw1AZ", "VpnGw2AZ", "VpnGw3AZ", "VpnGw4AZ", "VpnGw5AZ"], var.sku)
    error_message = "The VPN gateway SKU is one of the zone-redundant VpnGw1AZ to VpnGw5AZ."
  }
}

variable "active_active" {
  description = "Run two active instances, each with its own public IP and tunnel per site."
  type        = bool
}

variable "asn" {
  description = "BGP autonomous system number of the Azure side."
  type        = number
}

variable "gateway_subnet_id" {
  description = "Resource ID of the hub's GatewaySubnet."
  type        = string
}

variable "sites" {
  description = "On-premises sites: names of their local network gateway and connection, public address, address prefixes and optional BGP peer."
  type = list(object({
    name                       = string
    local_network_gateway_name = string
    connection_name            = string
    gateway_address            = string
    address_prefixes           = list(string)
    bgp_peering_address        = optional(string)
    asn                        = optional(number)
  }))
  default = []
}

# One key per connection, so a key leaked from one site's device opens no other tunnel (Security).
variable "shared_keys" {
  description = "Pre-shared key of each site's connection, by site name; empty without sites."
  type        = map(string)
  sensitive   = true
  default     = {}
}

variable "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace for diagnostics."
  type        = string
}
