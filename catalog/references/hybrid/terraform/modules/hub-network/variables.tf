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

variable "diagnostic_settings" {
  description = "Diagnostic settings of the hub virtual network, by a key of your choice (AVM interface): the destinations (workspace_resource_id, storage_account_resource_id, event_hub_authorization_rule_resource_id with event_hub_name, marketplace_partner_resource_id; at least one), the log_categories or log_groups (default allLogs) and metric_categories (default AllMetrics) sent, log_analytics_destination_type (Dedicated or AzureDiagnostics; null leaves the service's default) and the setting's name (default diag-<resource name>)."
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
  description = "Management lock on the hub virtual network (AVM interface): `kind` CanNotDelete or ReadOnly, and an optional `name`; null for none."
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
