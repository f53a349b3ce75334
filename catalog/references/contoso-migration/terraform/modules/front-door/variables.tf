variable "profile_name" {
  description = "Front Door profile name."
  type        = string
}

variable "waf_policy_name" {
  description = "WAF policy name (letters and digits)."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the profile."
  type        = string
}

variable "location" {
  description = "Azure region of the web apps: where Front Door's private endpoints to them are made."
  type        = string
}

variable "tags" {
  description = "Tags."
  type        = map(string)
}

variable "health_probe_path" {
  description = "Path Front Door probes on each web app."
  type        = string
}

variable "origins" {
  description = "Web apps behind Front Door, by endpoint name."
  type = map(object({
    endpoint_name = string
    site_id       = string
    host_name     = string
  }))
}

variable "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace for diagnostics."
  type        = string
}
