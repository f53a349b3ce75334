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

variable "zones" {
  description = "Availability zones of the public IPs; empty in a region without availability zones."
  type        = list(string)

  validation {
    condition     = alltrue([for zone in var.zones : contains(["1", "2", "3"], zone)])
    error_message = "Zones are \"1\", \"2\" or \"3\"."
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

variable "diagnostic_settings" {
  description = "Diagnostic settings of the VPN gateway, by a key of your choice (AVM interface): the destinations (workspace_resource_id, storage_account_resource_id, event_hub_authorization_rule_resource_id with event_hub_name, marketplace_partner_resource_id; at least one), the log_categories or log_groups (default allLogs) and metric_categories (default AllMetrics) sent, log_analytics_destination_type (Dedicated or AzureDiagnostics; null leaves the service's default) and the setting's name (default diag-<resource name>)."
  type = map(object({
    name                                     = optional(string, null)
    log_categories                           = optional(set(string), [])
    log_groups                               = optional(set(string), ["allLogs"])
    metric_categories                        = optional(set(string), ["AllMetrics"])
    log_analytics_destination_type           = optional(string, null)
    workspace_resource_id                    = optional(string, null)
    storage_account_resource_id              = optional(string, null)
    event_hub_authorization_rule_resource_id = optional(string, null)
    event_hub_name                           = optional(string, null)
    marketplace_partner_resource_id          = optional(string, null)
  }))
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for _, v in var.diagnostic_settings : v.log_analytics_destination_type == null ? true : contains(["Dedicated", "AzureDiagnostics"], v.log_analytics_destination_type)])
    error_message = "log_analytics_destination_type is Dedicated or AzureDiagnostics."
  }

  validation {
    condition     = alltrue([for _, v in var.diagnostic_settings : v.workspace_resource_id != null || v.storage_account_resource_id != null || v.event_hub_authorization_rule_resource_id != null || v.marketplace_partner_resource_id != null])
    error_message = "A diagnostic setting needs a destination: workspace_resource_id, storage_account_resource_id, event_hub_authorization_rule_resource_id or marketplace_partner_resource_id."
  }
}

variable "lock" {
  description = "Management lock on the VPN gateway (AVM interface): `kind` CanNotDelete or ReadOnly, and an optional `name`; null for none."
  type = object({
    kind = string
    name = optional(string, null)
  })
  default = null

  validation {
    condition     = var.lock == null ? true : contains(["CanNotDelete", "ReadOnly"], var.lock.kind)
    error_message = "A lock's kind is CanNotDelete or ReadOnly."
  }
}
