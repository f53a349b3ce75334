variable "app" {
  description = "The application: names of its resources, its web apps, databases and secrets."
  type = object({
    name                            = string
    key_vault_name                  = string
    key_vault_private_endpoint_name = string
    app_service_plan_name           = string
    application_insights_name       = string
    web_apps = list(object({
      name                     = string
      site_name                = string
      private_endpoint_name    = string
      front_door_endpoint_name = string
    }))
    sql_server_name           = string
    sql_private_endpoint_name = string
    databases = list(object({
      name          = string
      database_name = string
    }))
    secrets = list(string)
    # Entra object IDs given Key Vault Secrets Officer on the application's vault.
    secrets_officers                         = list(string)
    container_apps                           = bool
    container_apps_environment_name          = string
    container_registry_name                  = string
    container_registry_private_endpoint_name = string
  })
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

variable "tenant_id" {
  description = "Entra ID tenant of the vault and the SQL administrator."
  type        = string
}

variable "app_service" {
  description = "App Service plan settings."
  type = object({
    sku               = string
    capacity          = number
    zone_redundant    = bool
    health_check_path = string
  })
}

variable "sql" {
  description = "Azure SQL settings; an empty administrator means the deploying identity."
  type = object({
    sku = object({
      name       = string
      tier       = string
      family     = string
      capacity   = number
      serverless = bool
    })
    zone_redundant            = bool
    backup_storage_redundancy = string
    administrator_login       = string
    administrator_object_id   = string
  })
}

variable "deployer_object_id" {
  description = "Object ID of the identity that deploys: the SQL administrator when the input names none."
  type        = string
}

variable "key_vault_purge_protection_enabled" {
  description = "Forbid purging the application's vault before its retention ends."
  type        = bool
}

variable "key_vault_soft_delete_retention_days" {
  description = "Days a deleted vault or secret stays recoverable."
  type        = number
}

variable "application_insights_workspace_id" {
  description = "Resource ID of the Log Analytics workspace Application Insights stores its telemetry in."
  type        = string
}

variable "diagnostic_settings" {
  description = "Diagnostic settings of the application's resources (vault, plan, web apps, databases' audit records, registry, Container Apps environment), by a key of your choice (AVM interface): the destinations (workspace_resource_id, storage_account_resource_id, event_hub_authorization_rule_resource_id with event_hub_name, marketplace_partner_resource_id; at least one), the log_categories or log_groups (default allLogs) and metric_categories (default AllMetrics) sent, log_analytics_destination_type (Dedicated or AzureDiagnostics; null leaves the service's default) and the setting's name (default diag-<resource name>)."
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
  description = "Management lock on the application's Key Vault (AVM interface): `kind` CanNotDelete or ReadOnly, and an optional `name`; null for none."
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

variable "integration_subnet_id" {
  description = "Resource ID of the spoke subnet delegated to Microsoft.Web/serverFarms."
  type        = string
}

variable "private_endpoint_subnet_id" {
  description = "Resource ID of the spoke's private-endpoint subnet."
  type        = string
}

variable "private_dns_zone_ids" {
  description = "Private DNS zone IDs by zone name, from the hub."
  type        = map(string)
}

variable "virtual_network_id" {
  description = "Resource ID of the application's spoke network."
  type        = string
}
