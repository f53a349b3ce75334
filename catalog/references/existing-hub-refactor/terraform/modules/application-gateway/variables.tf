variable "app" {
  description = "The application: names of its gateway resources and its web apps."
  type = object({
    name                                = string
    application_gateway_name            = string
    application_gateway_public_ip_name  = string
    application_gateway_waf_policy_name = string
    application_gateway_identity_name   = string
    # Key Vault secret ID of this application's listener certificate
    certificate_secret_id = string
    web_apps = list(object({
      name = string
    }))
  })
}

variable "web_app_host_names" {
  description = "Default host names of the application's web apps, by web app name."
  type        = map(string)
}

variable "gateway" {
  description = "Gateway settings: the vault holding the listener certificates, zones, autoscale bounds."
  type = object({
    enabled                  = bool
    certificate_key_vault_id = string
    zones                    = list(string)
    min_capacity             = number
    max_capacity             = number
  })
}

variable "health_probe_path" {
  description = "Path the gateway probes on each web app."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the application's spoke."
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

variable "subnet_id" {
  description = "Resource ID of the spoke's appgateway subnet."
  type        = string
}

variable "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace for diagnostics."
  type        = string
}
