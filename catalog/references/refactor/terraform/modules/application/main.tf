# One application rebuilt on platform services, in its spoke's resource group: a Key Vault, an
# App Service plan with its web apps, an Azure SQL server with its databases. Every service is
# reached through a private endpoint in the spoke and has public network access off.
locals {
  web_apps  = { for web in var.app.web_apps : web.name => web }
  databases = { for db in var.app.databases : db.name => db }

  # Without an administrator in the input, the identity that deploys administers the servers, so
  # a first deployment works; name a group in paas.sql.administrator for production.
  sql_administrator_object_id = var.sql.administrator_object_id == "" ? var.deployer_object_id : var.sql.administrator_object_id
  sql_administrator_login     = var.sql.administrator_login == "" ? "meg-deployer" : var.sql.administrator_login
  sql_sku_name                = "${var.sql.sku.name}_${var.sql.sku.capacity}"

  telemetry_settings = {
    APPLICATIONINSIGHTS_CONNECTION_STRING = one(azurerm_application_insights.this[*].connection_string)
    # Application Insights takes Entra tokens only: the web app's identity signs its telemetry.
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING = "Authorization=AAD"
  }

  # Secrets appear as app settings (PAYMENT_API_KEY for payment-api-key) that App Service resolves
  # with the web app's identity; the application team sets the values in the vault.
  secret_settings = {
    for secret in var.app.secrets :
    upper(replace(secret, "-", "_")) => "@Microsoft.KeyVault(SecretUri=${module.key_vault.uri}secrets/${secret})"
  }
}

# The application's own vault: its secrets stay apart from the platform's and from other
# applications', and its team manages them without rights on anything else (Security).
module "key_vault" {
  source = "../key-vault"

  name                       = var.app.key_vault_name
  resource_group_name        = var.resource_group_name
  location                   = var.location
  tags                       = var.tags
  tenant_id                  = var.tenant_id
  sku_name                   = "standard"
  purge_protection_enabled   = var.key_vault_purge_protection_enabled
  soft_delete_retention_days = var.key_vault_soft_delete_retention_days
  # The application team sets the secrets' values: Key Vault Secrets Officer, secrets only.
  role_assignments = {
    for principal_id in var.app.secrets_officers : principal_id => {
      role_definition_id_or_name = "Key Vault Secrets Officer"
      principal_id               = principal_id
    }
  }
  lock                = var.lock
  diagnostic_settings = { for key, setting in var.diagnostic_settings : key => merge(setting, { log_groups = ["audit", "allLogs"] }) }
  private_endpoints = {
    vault = {
      name                          = var.app.key_vault_private_endpoint_name
      subnet_resource_id            = var.private_endpoint_subnet_id
      private_dns_zone_resource_ids = compact([lookup(var.private_dns_zone_ids, "privatelink.vaultcore.azure.net", null)])
    }
  }
}

# Container Apps: an internal environment on workload profiles in the spoke's delegated subnet, a
# Premium registry reached through a private endpoint, and the private DNS zone that makes the
# environment's apps resolvable from the spoke and the hub. The apps themselves are deployed by
# the application team (with AcrPull for their identity).
resource "azurerm_container_registry" "this" {
  #checkov:skip=CKV_AZURE_163:Image vulnerability scanning is Microsoft Defender for Containers, a subscription-level plan outside the landing zone's templates.
  #checkov:skip=CKV_AZURE_166:Quarantine holds every pushed image until a scanner releases it; without one configured, pulls would fail.
  #checkov:skip=CKV_AZURE_164:Docker Content Trust (Notary v1) is being retired by Microsoft; sign images with Notation instead.
  #checkov:skip=CKV_AZURE_165:Geo-replication doubles the registry's cost; the images can be rebuilt from source in another region.
  #checkov:skip=CKV_AZURE_233:Zone redundancy is set per environment: on in prod (paas.containerApps.zoneRedundant), off in dev and test to save cost.
  count = var.app.container_apps ? 1 : 0

  name                = var.app.container_registry_name
  resource_group_name = var.resource_group_name
  location            = var.location
  sku                 = "Premium"
  # Pushes and pulls with Entra identities only (Security).
  admin_enabled                 = false
  anonymous_pull_enabled        = false
  public_network_access_enabled = false
  network_rule_bypass_option    = "AzureServices"
  # Dedicated data endpoints, so firewall rules name this registry's storage only.
  data_endpoint_enabled   = true
  zone_redundancy_enabled = var.container_apps.zone_redundant
  # Images cannot be exported out of the private registry (Security).
  export_policy_enabled = false
  # Untagged manifests go after a week (Cost Optimization).
  retention_policy_in_days = 7
  tags                     = var.tags
}

locals {
  # The registry, when this application has one, under the key its diagnostic settings carry.
  container_registries = { for registry in azurerm_container_registry.this : "container_registry" => registry }
}

resource "azurerm_monitor_diagnostic_setting" "container_registry" {
  for_each = { for pair in setproduct(keys(local.container_registries), keys(var.diagnostic_settings)) : (length(var.diagnostic_settings) == 1 ? pair[0] : "${pair[0]}/${pair[1]}") => merge(var.diagnostic_settings[pair[1]], { target = pair[0] }) }

  name                           = coalesce(each.value.name, "diag-${each.value.target}")
  target_resource_id             = local.container_registries[each.value.target].id
  log_analytics_workspace_id     = each.value.workspace_resource_id
  storage_account_id             = each.value.storage_account_resource_id
  eventhub_authorization_rule_id = each.value.event_hub_authorization_rule_resource_id
  eventhub_name                  = each.value.event_hub_name
  partner_solution_id            = each.value.marketplace_partner_resource_id

  # The resource's own logs (a public IP's: DDoS notifications and mitigation reports; an NSG's:
  # rule hits).
  enabled_log {
    category_group = "allLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}

# The address before this module took the AVM interfaces: the setting is kept, not re-created.
moved {
  from = azurerm_monitor_diagnostic_setting.container_registry[0]
  to   = azurerm_monitor_diagnostic_setting.container_registry["container_registry"]
}

module "container_registry_private_endpoint" {
  source = "../private-endpoint"
  count  = length(azurerm_container_registry.this)

  name                           = var.app.container_registry_private_endpoint_name
  resource_group_name            = var.resource_group_name
  location                       = var.location
  tags                           = var.tags
  subnet_resource_id             = var.private_endpoint_subnet_id
  private_connection_resource_id = azurerm_container_registry.this[0].id
  subresource_names              = ["registry"]
  private_dns_zone_resource_ids  = compact([lookup(var.private_dns_zone_ids, "privatelink.azurecr.io", null)])
}

resource "azurerm_container_app_environment" "this" {
  count = var.app.container_apps ? 1 : 0

  name                = var.app.container_apps_environment_name
  resource_group_name = var.resource_group_name
  location            = var.location
  # Internal: the apps get a private address in the spoke, no public ingress (Security).
  infrastructure_subnet_id       = var.container_apps_subnet_id
  internal_load_balancer_enabled = true
  zone_redundancy_enabled        = var.container_apps.zone_redundant
  # Console and system logs through the diagnostic setting below.
  logs_destination = "azure-monitor"
  # Traffic between apps in the environment is encrypted and mutually authenticated (Security):
  # azurerm sets peerAuthentication.mtls and peerTrafficConfiguration.encryption from this one.
  mutual_tls_enabled = true
  tags               = var.tags

  workload_profile {
    name                  = "Consumption"
    workload_profile_type = "Consumption"
  }
}

locals {
  # The Container Apps environment, when this application has one, under the key its diagnostic
  # settings carry.
  container_app_environments = { for environment in azurerm_container_app_environment.this : "container_app_environment" => environment }
}

resource "azurerm_monitor_diagnostic_setting" "container_app_environment" {
  for_each = { for pair in setproduct(keys(local.container_app_environments), keys(var.diagnostic_settings)) : (length(var.diagnostic_settings) == 1 ? pair[0] : "${pair[0]}/${pair[1]}") => merge(var.diagnostic_settings[pair[1]], { target = pair[0] }) }

  name                           = coalesce(each.value.name, "diag-${each.value.target}")
  target_resource_id             = local.container_app_environments[each.value.target].id
  log_analytics_workspace_id     = each.value.workspace_resource_id
  storage_account_id             = each.value.storage_account_resource_id
  eventhub_authorization_rule_id = each.value.event_hub_authorization_rule_resource_id
  eventhub_name                  = each.value.event_hub_name
  partner_solution_id            = each.value.marketplace_partner_resource_id

  # The resource's own logs (a public IP's: DDoS notifications and mitigation reports; an NSG's:
  # rule hits).
  enabled_log {
    category_group = "allLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}

# The address before this module took the AVM interfaces: the setting is kept, not re-created.
moved {
  from = azurerm_monitor_diagnostic_setting.container_app_environment[0]
  to   = azurerm_monitor_diagnostic_setting.container_app_environment["container_app_environment"]
}

# Every app name under the environment's default domain resolves to its static private IP.
resource "azurerm_private_dns_zone" "container_apps" {
  count = length(azurerm_container_app_environment.this)

  name                = azurerm_container_app_environment.this[0].default_domain
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_private_dns_a_record" "container_apps" {
  count = length(azurerm_private_dns_zone.container_apps)

  name                = "*"
  zone_name           = azurerm_private_dns_zone.container_apps[0].name
  resource_group_name = var.resource_group_name
  ttl                 = 300
  records             = [azurerm_container_app_environment.this[0].static_ip_address]
  tags                = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "container_apps" {
  for_each = length(azurerm_private_dns_zone.container_apps) > 0 ? {
    spoke = var.virtual_network_id
    hub   = var.hub_virtual_network_id
  } : {}

  name                  = "link-${each.key}"
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.container_apps[0].name
  virtual_network_id    = each.value
  registration_enabled  = false
  tags                  = var.tags
}

# Workspace-based Application Insights: telemetry lands in the platform workspace beside the
# platform's logs, with its retention and access control (Operational Excellence).
resource "azurerm_application_insights" "this" {
  count = length(local.web_apps) > 0 ? 1 : 0

  name                = var.app.application_insights_name
  resource_group_name = var.resource_group_name
  location            = var.location
  application_type    = "web"
  workspace_id        = var.application_insights_workspace_id
  # Telemetry is accepted from Entra-authenticated senders only, not from anyone holding the key (Security).
  local_authentication_disabled = true
  tags                          = var.tags
}

resource "azurerm_service_plan" "this" {
  #checkov:skip=CKV_AZURE_225:Zone redundancy is set per environment: on in prod (paas.appService.zoneRedundant), off in dev and test to save cost.
  #checkov:skip=CKV_AZURE_212:The instance count is set per environment (paas.appService.instances): three in prod, zone-redundant where the region has zones; one in dev and test.
  count = length(local.web_apps) > 0 ? 1 : 0

  name                = var.app.app_service_plan_name
  resource_group_name = var.resource_group_name
  location            = var.location
  os_type             = "Linux"
  sku_name            = var.app_service.sku
  worker_count        = var.app_service.capacity
  # Instances spread over three zones where the environment asks for it (Reliability).
  zone_balancing_enabled = var.app_service.zone_redundant
  tags                   = var.tags
}

locals {
  # The plan, when this application has one, under the key its diagnostic settings carry.
  service_plans = { for plan in azurerm_service_plan.this : "service_plan" => plan }
}

# A plan has metrics only.
resource "azurerm_monitor_diagnostic_setting" "service_plan" {
  for_each = { for pair in setproduct(keys(local.service_plans), keys(var.diagnostic_settings)) : (length(var.diagnostic_settings) == 1 ? pair[0] : "${pair[0]}/${pair[1]}") => merge(var.diagnostic_settings[pair[1]], { target = pair[0] }) }

  name                           = coalesce(each.value.name, "diag-${each.value.target}")
  target_resource_id             = local.service_plans[each.value.target].id
  log_analytics_workspace_id     = each.value.workspace_resource_id
  storage_account_id             = each.value.storage_account_resource_id
  eventhub_authorization_rule_id = each.value.event_hub_authorization_rule_resource_id
  eventhub_name                  = each.value.event_hub_name
  partner_solution_id            = each.value.marketplace_partner_resource_id

  enabled_metric {
    category = "AllMetrics"
  }
}

# The address before this module took the AVM interfaces: the setting is kept, not re-created.
moved {
  from = azurerm_monitor_diagnostic_setting.service_plan[0]
  to   = azurerm_monitor_diagnostic_setting.service_plan["service_plan"]
}

# Linux web apps: VNet integration with all outbound traffic through the spoke (and so the hub
# firewall), inbound only through their private endpoints, a system-assigned identity that reads
# the application's secrets and signs in to its databases. No password anywhere.
resource "azurerm_linux_web_app" "this" {
  #checkov:skip=CKV_AZURE_13:App Service Authentication is the application's choice (its own sign-in or Easy Auth with its app registration); meg cannot create the app registration.
  #checkov:skip=CKV_AZURE_17:Client certificates would make every browser present one; users reach the app through its private endpoint and the application authenticates them.
  #checkov:skip=CKV_AZURE_88:The web apps are stateless: their state lives in Azure SQL and Key Vault, not on a mounted Azure Files share.
  for_each = local.web_apps

  name                = each.value.site_name
  resource_group_name = var.resource_group_name
  location            = var.location
  service_plan_id     = azurerm_service_plan.this[0].id
  https_only          = true
  # Reached through its private endpoint only (Security).
  public_network_access_enabled = false
  virtual_network_subnet_id     = var.integration_subnet_id
  client_affinity_enabled       = false
  # Deployments sign in with Entra ID, never with FTP or Web Deploy passwords (Security).
  ftp_publish_basic_authentication_enabled       = false
  webdeploy_publish_basic_authentication_enabled = false
  tags                                           = var.tags

  identity {
    type = "SystemAssigned"
  }

  site_config {
    # All outbound traffic, Key Vault references included, goes through the spoke (Security).
    vnet_route_all_enabled            = true
    minimum_tls_version               = "1.2"
    scm_minimum_tls_version           = "1.2"
    ftps_state                        = "Disabled"
    http2_enabled                     = true
    always_on                         = true
    health_check_path                 = var.app_service.health_check_path
    health_check_eviction_time_in_min = 5
    remote_debugging_enabled          = false
  }

  app_settings = merge(local.telemetry_settings, local.secret_settings)

  # Passwordless: the web app signs in with its managed identity. The database user for it is
  # created by the application team (CREATE USER [<web app>] FROM EXTERNAL PROVIDER).
  dynamic "connection_string" {
    for_each = local.databases

    content {
      name  = connection_string.key
      type  = "SQLAzure"
      value = "Server=tcp:${azurerm_mssql_server.this[0].fully_qualified_domain_name},1433;Database=${connection_string.value.database_name};Authentication=Active Directory Managed Identity;Encrypt=True;"
    }
  }

  logs {
    detailed_error_messages = true
    failed_request_tracing  = true

    http_logs {
      file_system {
        retention_in_days = 7
        retention_in_mb   = 35
      }
    }
  }
}

# Built-in role Key Vault Secrets User: read secret values, nothing else (Security).
resource "azurerm_role_assignment" "secrets_user" {
  for_each = length(var.app.secrets) > 0 ? azurerm_linux_web_app.this : {}

  scope                = module.key_vault.resource_id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = each.value.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

# Monitoring Metrics Publisher: Application Insights accepts the web app's Entra-signed telemetry.
resource "azurerm_role_assignment" "telemetry_publisher" {
  for_each = azurerm_linux_web_app.this

  scope                = azurerm_application_insights.this[0].id
  role_definition_name = "Monitoring Metrics Publisher"
  principal_id         = each.value.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_monitor_diagnostic_setting" "web_app" {
  for_each = { for pair in setproduct(keys(azurerm_linux_web_app.this), keys(var.diagnostic_settings)) : (length(var.diagnostic_settings) == 1 ? pair[0] : "${pair[0]}/${pair[1]}") => merge(var.diagnostic_settings[pair[1]], { target = pair[0] }) }

  name                           = coalesce(each.value.name, "diag-${each.value.target}")
  target_resource_id             = azurerm_linux_web_app.this[each.value.target].id
  log_analytics_workspace_id     = each.value.workspace_resource_id
  storage_account_id             = each.value.storage_account_resource_id
  eventhub_authorization_rule_id = each.value.event_hub_authorization_rule_resource_id
  eventhub_name                  = each.value.event_hub_name
  partner_solution_id            = each.value.marketplace_partner_resource_id

  # The resource's own logs (a public IP's: DDoS notifications and mitigation reports; an NSG's:
  # rule hits).
  enabled_log {
    category_group = "allLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}

module "web_app_private_endpoint" {
  source   = "../private-endpoint"
  for_each = azurerm_linux_web_app.this

  name                           = local.web_apps[each.key].private_endpoint_name
  resource_group_name            = var.resource_group_name
  location                       = var.location
  tags                           = var.tags
  subnet_resource_id             = var.private_endpoint_subnet_id
  private_connection_resource_id = each.value.id
  subresource_names              = ["sites"]
  private_dns_zone_resource_ids  = compact([lookup(var.private_dns_zone_ids, "privatelink.azurewebsites.net", null)])
}

# Azure SQL: Entra-only authentication, TLS 1.2, no public network access, auditing and threat
# detection into the workspace.
resource "azurerm_mssql_server" "this" {
  count = length(local.databases) > 0 ? 1 : 0

  name                          = var.app.sql_server_name
  resource_group_name           = var.resource_group_name
  location                      = var.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
  tags                          = var.tags

  # Only Entra identities sign in: no SQL logins, no password to leak or rotate (Security).
  azuread_administrator {
    login_username              = local.sql_administrator_login
    object_id                   = local.sql_administrator_object_id
    tenant_id                   = var.tenant_id
    azuread_authentication_only = true
  }

  identity {
    type = "SystemAssigned"
  }
}

# The server-level policy audits every database on the server, also one created later outside
# meg. meg sends each database's records to the workspace through the database's own policy and
# diagnostic setting; a diagnostic setting on master, which would collect this policy's records as
# well, is left out so the workspace gets each record once.
resource "azurerm_mssql_server_extended_auditing_policy" "this" {
  count = length(azurerm_mssql_server.this)

  server_id              = azurerm_mssql_server.this[0].id
  log_monitoring_enabled = true
  # Applies if a storage target is added; the workspace keeps its records for monitoring.retentionDays.
  retention_in_days = 90
}

# Microsoft Defender for SQL's threat detection: all alert types (Security).
resource "azurerm_mssql_server_security_alert_policy" "this" {
  #checkov:skip=CKV_AZURE_26:Alerts reach the subscription's admins and owners (email_account_admins) and Defender for Cloud; meg knows no security mailbox to add.
  count = length(azurerm_mssql_server.this)

  resource_group_name  = var.resource_group_name
  server_name          = azurerm_mssql_server.this[0].name
  state                = "Enabled"
  email_account_admins = true
}

resource "azurerm_mssql_database" "this" {
  #checkov:skip=CKV_AZURE_229:Zone redundancy is set per environment: on in prod (paas.sql.zoneRedundant), off in dev and test to save cost.
  #checkov:skip=CKV_AZURE_224:Ledger tables are a design choice of the application (they cannot be turned off once on); the application team decides.
  for_each = local.databases

  name      = each.value.database_name
  server_id = azurerm_mssql_server.this[0].id
  sku_name  = local.sql_sku_name
  # Replicas in three zones where the environment asks for it (Reliability).
  zone_redundant       = var.sql.zone_redundant
  storage_account_type = var.sql.backup_storage_redundancy
  # Serverless pauses after an idle hour and bills storage only (Cost Optimization).
  auto_pause_delay_in_minutes = var.sql.sku.serverless ? 60 : null
  min_capacity                = var.sql.sku.serverless ? 0.5 : null
  tags                        = var.tags

  threat_detection_policy {
    state                = "Enabled"
    email_account_admins = "Enabled"
  }

  # The database policies add to the server's, which must exist first.
  depends_on = [
    azurerm_mssql_server_extended_auditing_policy.this,
    azurerm_mssql_server_security_alert_policy.this,
  ]
}

# Each database's audit records go to the workspace through its diagnostic setting (Security).
resource "azurerm_mssql_database_extended_auditing_policy" "this" {
  for_each = azurerm_mssql_database.this

  database_id            = each.value.id
  log_monitoring_enabled = true
}

# The audit records and the database's basic metrics.
resource "azurerm_monitor_diagnostic_setting" "sql_database" {
  for_each = { for pair in setproduct(keys(azurerm_mssql_database.this), keys(var.diagnostic_settings)) : (length(var.diagnostic_settings) == 1 ? pair[0] : "${pair[0]}/${pair[1]}") => merge(var.diagnostic_settings[pair[1]], { target = pair[0] }) }

  name                           = coalesce(each.value.name, "diag-${each.value.target}")
  target_resource_id             = azurerm_mssql_database.this[each.value.target].id
  log_analytics_workspace_id     = each.value.workspace_resource_id
  storage_account_id             = each.value.storage_account_resource_id
  eventhub_authorization_rule_id = each.value.event_hub_authorization_rule_resource_id
  eventhub_name                  = each.value.event_hub_name
  partner_solution_id            = each.value.marketplace_partner_resource_id

  enabled_log {
    category = "SQLSecurityAuditEvents"
  }

  enabled_metric {
    category = "Basic"
  }

  depends_on = [azurerm_mssql_database_extended_auditing_policy.this]
}

module "sql_private_endpoint" {
  source = "../private-endpoint"
  count  = length(azurerm_mssql_server.this)

  name                           = var.app.sql_private_endpoint_name
  resource_group_name            = var.resource_group_name
  location                       = var.location
  tags                           = var.tags
  subnet_resource_id             = var.private_endpoint_subnet_id
  private_connection_resource_id = azurerm_mssql_server.this[0].id
  subresource_names              = ["sqlServer"]
  private_dns_zone_resource_ids  = compact([lookup(var.private_dns_zone_ids, "privatelink.database.windows.net", null)])
}
