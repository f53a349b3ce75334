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

variable "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace for diagnostics."
  type        = string
}
