# An application's own public entry: an Application Gateway WAF_v2 in its spoke's appgateway
# subnet, with a WAF policy in Prevention mode, reaching each web app through its private
# endpoint (the spoke resolves <site>.azurewebsites.net through privatelink.azurewebsites.net).
#
# What you supply: the Key Vault secret ID of the listener's TLS certificate for this application's
# host name (paas.applications.<spoke>.certificateSecretId, else paas.applicationGateway's; a PFX
# uploaded as a Key Vault certificate, without a version so renewals are picked up), and
# paas.applicationGateway.certificateKeyVaultId, the resource ID of that vault (Azure RBAC
# authorization). The gateway reads it with its own user-assigned identity, which this module
# makes a Key Vault Secrets User on the vault. Point your DNS name at the gateway's public IP.
#
# Azure RBAC takes minutes to propagate: the identity and its role assignment depend only on the
# resource group, so Terraform creates them as soon as it exists, while the gateway also waits for
# the application's web apps (web_app_host_names), minutes later.
locals {
  web_apps = [for web in var.app.web_apps : web.name]
  # The first web app answers every path; each other one answers /<its name>/*.
  path_routed = length(local.web_apps) > 1
}

resource "azurerm_user_assigned_identity" "this" {
  name                = var.app.application_gateway_identity_name
  resource_group_name = var.resource_group_name
  location            = var.location
  tags                = var.tags
}

# The gateway reads its certificate from your vault: Key Vault Secrets User there, nothing more.
resource "azurerm_role_assignment" "certificate_reader" {
  scope                = var.gateway.certificate_key_vault_id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.this.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_public_ip" "this" {
  name                = var.app.application_gateway_public_ip_name
  resource_group_name = var.resource_group_name
  location            = var.location
  sku                 = "Standard"
  allocation_method   = "Static"
  zones               = var.gateway.zones
  tags                = var.tags
}

resource "azurerm_web_application_firewall_policy" "this" {
  name                = var.app.application_gateway_waf_policy_name
  resource_group_name = var.resource_group_name
  location            = var.location
  tags                = var.tags

  policy_settings {
    enabled                     = true
    mode                        = "Prevention"
    request_body_check          = true
    max_request_body_size_in_kb = 128
    file_upload_limit_in_mb     = 100
  }

  # OWASP Core Rule Set 3.2 (covers Log4Shell, CVE-2021-44228) and Microsoft's bad-bot list.
  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }

    managed_rule_set {
      type    = "Microsoft_BotManagerRuleSet"
      version = "1.1"
    }
  }
}

resource "azurerm_application_gateway" "this" {
  name                              = var.app.application_gateway_name
  resource_group_name               = var.resource_group_name
  location                          = var.location
  zones                             = var.gateway.zones
  enable_http2                      = true
  firewall_policy_id                = azurerm_web_application_firewall_policy.this.id
  force_firewall_policy_association = true
  tags                              = var.tags

  sku {
    name = "WAF_v2"
    tier = "WAF_v2"
  }

  autoscale_configuration {
    min_capacity = var.gateway.min_capacity
    max_capacity = var.gateway.max_capacity
  }

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.this.id]
  }

  # TLS 1.2 at least from the clients, strong ciphers only (Security).
  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101S"
  }

  gateway_ip_configuration {
    name      = "gateway"
    subnet_id = var.subnet_id
  }

  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.this.id
  }

  frontend_port {
    name = "https"
    port = 443
  }

  ssl_certificate {
    name                = "listener"
    key_vault_secret_id = var.app.certificate_secret_id
  }

  # HTTPS only: no HTTP listener at all, so nothing to redirect.
  http_listener {
    name                           = "https"
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "https"
    protocol                       = "Https"
    ssl_certificate_name           = "listener"
  }

  # Each web app by its default host name, which the spoke resolves to its private endpoint.
  dynamic "backend_address_pool" {
    for_each = local.web_apps
    content {
      name  = backend_address_pool.value
      fqdns = [var.web_app_host_names[backend_address_pool.value]]
    }
  }

  probe {
    name                                      = "health"
    protocol                                  = "Https"
    path                                      = var.health_probe_path
    interval                                  = 30
    timeout                                   = 30
    unhealthy_threshold                       = 3
    pick_host_name_from_backend_http_settings = true

    match {
      status_code = ["200-399"]
    }
  }

  # HTTPS to the web apps, with the host name they answer to (their default host name).
  backend_http_settings {
    name                                = "https"
    port                                = 443
    protocol                            = "Https"
    cookie_based_affinity               = "Disabled"
    pick_host_name_from_backend_address = true
    request_timeout                     = 30
    probe_name                          = "health"
  }

  dynamic "url_path_map" {
    for_each = local.path_routed ? ["web-apps"] : []
    content {
      name                               = url_path_map.value
      default_backend_address_pool_name  = local.web_apps[0]
      default_backend_http_settings_name = "https"

      dynamic "path_rule" {
        for_each = slice(local.web_apps, 1, length(local.web_apps))
        content {
          name                       = path_rule.value
          paths                      = ["/${path_rule.value}/*"]
          backend_address_pool_name  = path_rule.value
          backend_http_settings_name = "https"
        }
      }
    }
  }

  request_routing_rule {
    name                       = "https"
    rule_type                  = local.path_routed ? "PathBasedRouting" : "Basic"
    priority                   = 100
    http_listener_name         = "https"
    backend_address_pool_name  = local.path_routed ? null : local.web_apps[0]
    backend_http_settings_name = local.path_routed ? null : "https"
    url_path_map_name          = local.path_routed ? "web-apps" : null
  }

  # The identity must read the certificate before the gateway is created.
  depends_on = [azurerm_role_assignment.certificate_reader]
}

# Diagnostics of the gateway (access, performance and WAF logs) and of its public IP (DDoS
# notifications), to the destinations of var.diagnostic_settings.
resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                           = coalesce(each.value.name, "diag-${var.app.application_gateway_name}")
  target_resource_id             = azurerm_application_gateway.this.id
  log_analytics_workspace_id     = each.value.workspace_resource_id
  log_analytics_destination_type = each.value.log_analytics_destination_type
  storage_account_id             = each.value.storage_account_resource_id
  eventhub_authorization_rule_id = each.value.event_hub_authorization_rule_resource_id
  eventhub_name                  = each.value.event_hub_name
  partner_solution_id            = each.value.marketplace_partner_resource_id

  dynamic "enabled_log" {
    for_each = each.value.log_categories

    content {
      category = enabled_log.value
    }
  }

  dynamic "enabled_log" {
    for_each = each.value.log_groups

    content {
      category_group = enabled_log.value
    }
  }

  dynamic "enabled_metric" {
    for_each = each.value.metric_categories

    content {
      category = enabled_metric.value
    }
  }
}

resource "azurerm_monitor_diagnostic_setting" "public_ip" {
  for_each = { for pair in setproduct(keys({ public_ip = azurerm_public_ip.this }), keys(var.diagnostic_settings)) : (length(var.diagnostic_settings) == 1 ? pair[0] : "${pair[0]}/${pair[1]}") => merge(var.diagnostic_settings[pair[1]], { target = pair[0] }) }

  name                           = coalesce(each.value.name, "diag-${each.value.target}")
  target_resource_id             = { public_ip = azurerm_public_ip.this }[each.value.target].id
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

resource "azurerm_management_lock" "this" {
  count = var.lock == null ? 0 : 1

  name       = coalesce(var.lock.name, "lock-${var.app.application_gateway_name}")
  scope      = azurerm_application_gateway.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."
}

# The addresses before this module took the AVM interfaces: the settings are kept, not re-created.
moved {
  from = azurerm_monitor_diagnostic_setting.application_gateway
  to   = azurerm_monitor_diagnostic_setting.this["log_analytics"]
}

moved {
  from = azurerm_monitor_diagnostic_setting.public_ip
  to   = azurerm_monitor_diagnostic_setting.public_ip["public_ip"]
}
