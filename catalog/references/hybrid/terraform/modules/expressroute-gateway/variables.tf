variable "name" {
  description = "ExpressRoute gateway name."
  type        = string
}

variable "connection_name" {
  description = "Name of the connection to the circuit."
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
  description = "Zone-redundant ExpressRoute gateway SKU."
  type        = string

  validation {
    condition     = contains(["ErGw1AZ", "ErGw2AZ", "ErGw3AZ"], var.sku)
    error_message = "The ExpressRoute gateway SKU is one of the zone-redundant ErGw1AZ, ErGw2AZ or ErGw3AZ."
  }
}

variable "gateway_subnet_id" {
  description = "Resource ID of the hub's GatewaySubnet."
  type        = string
}

variable "circuit_id" {
  description = "Resource ID of the provisioned ExpressRoute circuit; null to deploy the gateway unconnected."
  type        = string
  default     = null
}

variable "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace for diagnostics."
  type        = string
}
