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

variable "diagnostic_settings" {
  description = "Diagnostic settings of the spoke virtual network, by a key of your choice (AVM interface): the destinations (workspace_resource_id, storage_account_resource_id, event_hub_authorization_rule_resource_id with event_hub_name, marketplace_partner_resource_id; at least one), the log_categories or log_groups (default allLogs) and metric_categories (default AllMetrics) sent, log_analytics_destination_type (Dedicated or AzureDiagnostics; null leaves the service's default) and the setting's name (default diag-<resource name>)."
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
  description = "Management lock on the spoke virtual network (AVM interface): `kind` CanNotDelete or ReadOnly, and an optional `name`; null for none."
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
