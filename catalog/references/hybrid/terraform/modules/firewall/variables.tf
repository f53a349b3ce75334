variable "name" {
  description = "Firewall name."
  type        = string
}

variable "policy_name" {
  description = "Firewall policy name."
  type        = string
}

variable "public_ip_name" {
  description = "Name of the firewall's public IP (outbound SNAT, inbound DNAT)."
  type        = string
}

variable "management_public_ip_name" {
  description = "Name of the management public IP; used by the Basic tier only."
  type        = string
  default     = null
}

variable "resource_group_name" {
  description = "Resource group of the firewall (the connectivity group)."
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

variable "sku_tier" {
  description = "SKU tier of the firewall and its policy."
  type        = string

  validation {
    condition     = contains(["Basic", "Standard", "Premium"], var.sku_tier)
    error_message = "The firewall tier is Basic, Standard or Premium."
  }
}

variable "zones" {
  description = "Availability zones of the firewall and its public IPs; empty for a regional firewall."
  type        = list(string)

  validation {
    condition     = alltrue([for zone in var.zones : contains(["1", "2", "3"], zone)])
    error_message = "Zones are \"1\", \"2\" or \"3\"."
  }
}

variable "threat_intel_mode" {
  description = "What threat intelligence does with traffic from and to known-malicious addresses and domains."
  type        = string

  validation {
    condition     = contains(["Alert", "Deny"], var.threat_intel_mode)
    error_message = "The threat intelligence mode is Alert or Deny."
  }
}

variable "snat_private_ranges" {
  description = "Registered (public) ranges the networks use privately: network-rule traffic to them is not SNATed, as traffic to the IANA private ranges is not. Empty keeps Azure's default."
  type        = list(string)
  default     = []
}

variable "subnet_id" {
  description = "Resource ID of AzureFirewallSubnet."
  type        = string
}

variable "management_subnet_id" {
  description = "Resource ID of AzureFirewallManagementSubnet; used by the Basic tier only."
  type        = string
  default     = null

  validation {
    condition     = var.sku_tier != "Basic" || (var.management_subnet_id != null && var.management_public_ip_name != null)
    error_message = "The Basic tier needs AzureFirewallManagementSubnet and a management public IP name."
  }
}

variable "spoke_address_prefixes" {
  description = "Address prefixes of the spokes: the sources the baseline rules allow."
  type        = list(string)
}

variable "on_premises_address_prefixes" {
  description = "Address prefixes of the on-premises networks the gateways reach; empty for none."
  type        = list(string)
  default     = []
}

variable "diagnostic_settings" {
  description = "Diagnostic settings of the firewall, by a key of your choice (AVM interface): the destinations (workspace_resource_id, storage_account_resource_id, event_hub_authorization_rule_resource_id with event_hub_name, marketplace_partner_resource_id; at least one), the log_categories or log_groups (default allLogs) and metric_categories (default AllMetrics) sent, log_analytics_destination_type (Dedicated or AzureDiagnostics; null leaves the service's default) and the setting's name (default diag-<resource name>)."
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
  description = "Management lock on the firewall (AVM interface): `kind` CanNotDelete or ReadOnly, and an optional `name`; null for none."
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
