# Rehost: Azure Migrate, backup and patching for the servers moved into the spokes.
resource "azurerm_resource_group" "migration" {
  count = var.migration.enabled ? 1 : 0

  name     = var.names.migration_resource_group
  location = var.location
  tags     = var.tags
}

module "migration" {
  source = "./modules/migration"
  count  = var.migration.enabled ? 1 : 0

  names = {
    recovery_services_vault   = var.names.recovery_services_vault
    migrate_project           = var.names.migrate_project
    maintenance_configuration = var.names.maintenance_configuration
  }
  resource_group_name = azurerm_resource_group.migration[0].name
  resource_group_id   = azurerm_resource_group.migration[0].id
  location            = var.location
  tags                = var.tags
  backup              = var.migration.backup
  patching            = var.migration.patching
  lock                = var.lock
  # Resource-specific tables feed the Backup reports; a vault's only metric category is Health.
  diagnostic_settings = { for key, setting in local.diagnostic_settings : key => merge(setting, { log_analytics_destination_type = "Dedicated", metric_categories = ["Health"] }) }
}

# Disk encryption keys: an HSM-backed vault of their own, with purge protection always on,
# since a purged key would make every disk encrypted with it unreadable (Security, Reliability).
module "disk_encryption_key_vault" {
  source = "./modules/key-vault"
  count  = var.migration.enabled ? 1 : 0

  name                       = var.names.disk_encryption_key_vault
  resource_group_name        = azurerm_resource_group.migration[0].name
  location                   = var.location
  tags                       = var.tags
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = var.key_vault.soft_delete_retention_in_days
  # Who rotate or recover the disk keys: Key Vault Crypto Officer, keys only.
  role_assignments = {
    for principal_id in var.migration.key_vault_administrators : principal_id => {
      role_definition_id_or_name = "Key Vault Crypto Officer"
      principal_id               = principal_id
    }
  }
  lock = var.lock
  diagnostic_settings = {
    log_analytics = {
      name                  = "diag-log-analytics"
      workspace_resource_id = module.log_analytics.resource_id
      log_groups            = ["audit", "allLogs"]
    }
  }
  # Disk encryption sets reach the vault as a trusted Azure service, whatever the network rules.
  private_endpoints = var.key_vault.private_endpoint ? {
    vault = {
      name                          = var.names.disk_encryption_key_vault_private_endpoint
      subnet_resource_id            = local.platform_private_endpoint_subnet_id
      private_dns_zone_resource_ids = compact([lookup(local.private_dns_zone_ids, "privatelink.vaultcore.azure.net", null)])
    }
  } : {}
}

module "disk_encryption" {
  source = "./modules/disk-encryption"
  count  = var.migration.enabled ? 1 : 0

  key_vault_id             = module.disk_encryption_key_vault[0].resource_id
  disk_encryption_set_name = var.names.disk_encryption_set
  identity_name            = var.names.disk_encryption_identity
  resource_group_name      = azurerm_resource_group.migration[0].name
  location                 = var.location
  tags                     = var.tags
}

# The servers' agents reach Backup, Entra ID, Storage, Update Manager (and Site Recovery)
# through the hub firewall, which denies what it was not told about (Security: allow by
# service tag, nothing wider).
locals {
  rehost_service_tag_rules = merge(
    {
      AllowAzureBackup = {
        tags        = ["AzureBackup"]
        description = "The VM backup extension talks to Azure Backup."
      }
      AllowEntraId = {
        tags        = ["AzureActiveDirectory"]
        description = "Backup, Site Recovery and the Azure Monitor agent sign in with Entra ID."
      }
      AllowStorage = {
        tags        = ["Storage"]
        description = "Backup snapshots and the Site Recovery cache are written to Azure Storage."
      }
      AllowGuestAndHybridManagement = {
        tags        = ["GuestAndHybridManagement"]
        description = "Update Manager and VM extensions are driven through the guest management service."
      }
    },
  )
}

resource "azurerm_firewall_policy_rule_collection_group" "rehost" {
  count = var.migration.enabled && var.firewall.enabled && length(var.spokes) > 0 ? 1 : 0

  name               = "rcg-rehost"
  firewall_policy_id = module.firewall[0].policy_id
  # After the platform's group (1000).
  priority = 1100

  network_rule_collection {
    name     = "net-rehost-allow"
    priority = 100
    action   = "Allow"

    dynamic "rule" {
      for_each = local.rehost_service_tag_rules

      content {
        name                  = rule.key
        description           = rule.value.description
        protocols             = ["TCP"]
        source_addresses      = flatten([for spoke in var.spokes : spoke.address_prefixes])
        destination_addresses = rule.value.tags
        destination_ports     = ["443"]
      }
    }
  }

  application_rule_collection {
    name     = "app-rehost-allow"
    priority = 200
    action   = "Allow"

    rule {
      name              = "AllowUbuntuPackages"
      description       = "Update Manager patches Ubuntu servers from the Ubuntu archives; add the repositories of other distributions here."
      source_addresses  = flatten([for spoke in var.spokes : spoke.address_prefixes])
      destination_fqdns = ["azure.archive.ubuntu.com", "archive.ubuntu.com", "security.ubuntu.com"]

      protocols {
        type = "Http"
        port = 80
      }

      protocols {
        type = "Https"
        port = 443
      }
    }
  }

  # A firewall policy takes one change at a time: after the platform's rule collection group.
  depends_on = [module.firewall]
}
