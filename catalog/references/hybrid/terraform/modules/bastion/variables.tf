variable "name" {
  description = "Bastion host name."
  type        = string
}

variable "public_ip_name" {
  description = "Name of the Bastion host's public IP."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the Bastion host (the connectivity group)."
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
  description = "Bastion SKU: Standard and Premium add native-client tunnelling and scaling."
  type        = string

  validation {
    condition     = contains(["Basic", "Standard", "Premium"], var.sku)
    error_message = "The Bastion SKU is Basic, Standard or Premium."
  }
}

variable "scale_units" {
  description = "Instances, each taking about 20 concurrent RDP or 40 SSH sessions (host scaling): Basic always runs 2."
  type        = number
  default     = 2

  validation {
    condition     = var.scale_units >= 2 && var.scale_units <= 50
    error_message = "Bastion runs 2 to 50 scale units."
  }
}

variable "subnet_id" {
  description = "Resource ID of AzureBastionSubnet."
  type        = string
}

variable "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace for diagnostics."
  type        = string
}
