# Resource groups per function (CAF): who may change what follows the group.
resource "azurerm_resource_group" "connectivity" {
  name     = var.names.connectivity_resource_group
  location = var.location
  tags     = var.tags
}

resource "azurerm_resource_group" "management" {
  name     = var.names.management_resource_group
  location = var.location
  tags     = var.tags
}

resource "azurerm_resource_group" "security" {
  name     = var.names.security_resource_group
  location = var.location
  tags     = var.tags
}

resource "azurerm_resource_group" "spoke" {
  for_each = local.spokes

  name     = each.value.resource_group_name
  location = var.location
  tags     = merge(var.tags, each.value.tags)
}

# Management: every resource sends its logs and metrics to one workspace.
module "log_analytics" {
  source = "./modules/log-analytics"

  name                = var.names.log_analytics_workspace
  resource_group_name = azurerm_resource_group.management.name
  location            = var.location
  tags                = var.tags
  retention_in_days   = var.log_analytics.retention_in_days
  daily_quota_gb      = var.log_analytics.daily_quota_gb
}

# Connectivity: the hub and what it shares with every spoke.
module "hub_network" {
  source = "./modules/hub-network"

  name                       = var.names.hub_virtual_network
  resource_group_name        = azurerm_resource_group.connectivity.name
  location                   = var.location
  tags                       = var.tags
  address_prefixes           = var.hub_network.address_prefixes
  dns_servers                = var.hub_network.dns_servers
  subnets                    = var.hub_network.subnets
  bastion_address_prefix     = var.hub_network.bastion_address_prefix
  log_analytics_workspace_id = module.log_analytics.id
}

module "private_dns_zones" {
  source = "./modules/private-dns-zones"

  zone_names          = var.private_dns_zones
  resource_group_name = azurerm_resource_group.connectivity.name
  virtual_network_id  = module.hub_network.id
  tags                = var.tags
}

# Firewall: spokes, on-premises and the internet reach each other only through it (Security).
module "firewall" {
  source = "./modules/firewall"
  count  = var.firewall.enabled ? 1 : 0

  name                       = var.names.firewall
  policy_name                = var.names.firewall_policy
  public_ip_name             = var.names.firewall_public_ip
  management_public_ip_name  = var.names.firewall_management_public_ip
  resource_group_name        = azurerm_resource_group.connectivity.name
  location                   = var.location
  tags                       = var.tags
  tier                       = var.firewall.tier
  zones                      = var.firewall.zones
  threat_intel_mode          = var.firewall.threat_intel_mode
  subnet_id                  = module.hub_network.subnet_ids["AzureFirewallSubnet"]
  management_subnet_id       = lookup(module.hub_network.subnet_ids, "AzureFirewallManagementSubnet", null)
  spoke_address_prefixes     = flatten([for spoke in var.spokes : spoke.address_prefixes])
  log_analytics_workspace_id = module.log_analytics.id
}

# Bastion: administrators reach machines without public IPs or open management ports (Security).
module "bastion" {
  source = "./modules/bastion"
  count  = var.bastion.enabled ? 1 : 0

  name                       = var.names.bastion
  public_ip_name             = var.names.bastion_public_ip
  resource_group_name        = azurerm_resource_group.connectivity.name
  location                   = var.location
  tags                       = var.tags
  sku                        = var.bastion.sku
  subnet_id                  = module.hub_network.subnet_ids["AzureBastionSubnet"]
  log_analytics_workspace_id = module.log_analytics.id
}

# Security: the platform Key Vault.
module "key_vault" {
  source = "./modules/key-vault"

  name                          = var.names.key_vault
  resource_group_name           = azurerm_resource_group.security.name
  location                      = var.location
  tags                          = var.tags
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku                           = var.key_vault.sku
  enable_purge_protection       = var.key_vault.enable_purge_protection
  soft_delete_retention_in_days = var.key_vault.soft_delete_retention_in_days
  log_analytics_workspace_id    = module.log_analytics.id
  administrators                = var.key_vault.administrators
  private_endpoint = var.key_vault.private_endpoint ? {
    name                = var.names.key_vault_private_endpoint
    subnet_id           = local.platform_private_endpoint_subnet_id
    private_dns_zone_id = lookup(local.private_dns_zone_ids, "privatelink.vaultcore.azure.net", null)
  } : null
}

# Spokes: one virtual network per workload, peered to the hub.
module "spoke_network" {
  source   = "./modules/spoke-network"
  for_each = local.spokes

  spoke                      = each.value
  resource_group_name        = azurerm_resource_group.spoke[each.key].name
  location                   = var.location
  tags                       = merge(var.tags, each.value.tags)
  dns_servers                = var.hub_network.spoke_dns_servers
  hub_virtual_network_id     = local.hub_virtual_network_id
  bastion_address_prefix     = var.hub_network.bastion_address_prefix
  hub_virtual_network_name   = module.hub_network.name
  hub_resource_group_name    = azurerm_resource_group.connectivity.name
  log_analytics_workspace_id = module.log_analytics.id
  firewall_private_ip        = var.firewall.enabled ? var.firewall.private_ip_address : null
}

# Spokes on Azure DNS (no resolver, no firewall DNS proxy) resolve a private zone only through a
# link of their own: meg links every zone to every spoke then (hub_network.link_private_dns_zones_to_spokes).
resource "azurerm_private_dns_zone_virtual_network_link" "spoke" {
  for_each = var.hub_network.link_private_dns_zones_to_spokes ? {
    for pair in setproduct(keys(local.spokes), var.private_dns_zones) : "${pair[0]}/${pair[1]}" => {
      spoke = pair[0]
      zone  = pair[1]
    }
  } : {}

  name                  = "link-${each.value.spoke}"
  resource_group_name   = azurerm_resource_group.connectivity.name
  private_dns_zone_name = each.value.zone
  virtual_network_id    = module.spoke_network[each.value.spoke].id
  # Records come from the private endpoints' DNS zone groups, not auto-registration.
  registration_enabled = false
  tags                 = var.tags

  # The zone is created by the zones module, which the link names only by its name.
  depends_on = [module.private_dns_zones]
}

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
  resource_group_name        = azurerm_resource_group.migration[0].name
  resource_group_id          = azurerm_resource_group.migration[0].id
  location                   = var.location
  tags                       = var.tags
  backup                     = var.migration.backup
  patching                   = var.migration.patching
  log_analytics_workspace_id = module.log_analytics.id
}

# Disk encryption keys: an HSM-backed vault of their own, with purge protection always on,
# since a purged key would make every disk encrypted with it unreadable (Security, Reliability).
module "disk_encryption_key_vault" {
  source = "./modules/key-vault"
  count  = var.migration.enabled ? 1 : 0

  name                          = var.names.disk_encryption_key_vault
  resource_group_name           = azurerm_resource_group.migration[0].name
  location                      = var.location
  tags                          = var.tags
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku                           = "premium"
  enable_purge_protection       = true
  soft_delete_retention_in_days = var.key_vault.soft_delete_retention_in_days
  log_analytics_workspace_id    = module.log_analytics.id
  # Who rotate or recover the disk keys: Key Vault Crypto Officer, keys only.
  administrators     = var.migration.key_vault_administrators
  administrator_role = "Key Vault Crypto Officer"
  # Disk encryption sets reach the vault as a trusted Azure service, whatever the network rules.
  private_endpoint = var.key_vault.private_endpoint ? {
    name                = var.names.disk_encryption_key_vault_private_endpoint
    subnet_id           = local.platform_private_endpoint_subnet_id
    private_dns_zone_id = lookup(local.private_dns_zone_ids, "privatelink.vaultcore.azure.net", null)
  } : null
}

module "disk_encryption" {
  source = "./modules/disk-encryption"
  count  = var.migration.enabled ? 1 : 0

  key_vault_id             = module.disk_encryption_key_vault[0].id
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
    var.site_recovery.enabled ? {
      AllowSiteRecovery = {
        tags        = ["AzureSiteRecovery", "EventHub"]
        description = "The mobility agent talks to Site Recovery and sends its monitoring data to Event Hubs."
      }
    } : {},
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

# Site Recovery: the vault and the failover target live in the recovery region, so they survive
# the outage they protect against (Reliability).
resource "azurerm_resource_group" "recovery" {
  count = var.site_recovery.enabled ? 1 : 0

  name     = var.names.recovery_resource_group
  location = var.site_recovery.recovery_location
  tags     = var.tags
}

module "site_recovery" {
  source = "./modules/site-recovery"
  count  = var.site_recovery.enabled ? 1 : 0

  names = {
    vault              = var.names.site_recovery_vault
    replication_policy = var.names.site_recovery_replication_policy
    cache_storage      = var.names.site_recovery_cache_storage
  }
  resource_group_name              = azurerm_resource_group.recovery[0].name
  cache_resource_group_name        = azurerm_resource_group.migration[0].name
  primary_location                 = var.location
  recovery_location                = var.site_recovery.recovery_location
  tags                             = var.tags
  recovery_point_retention_minutes = var.site_recovery.recovery_point_retention_minutes
  app_consistent_frequency_minutes = var.site_recovery.app_consistent_frequency_minutes
  network_mappings = {
    for mapping in var.site_recovery.network_mappings : mapping.spoke => {
      primary_network_id  = module.spoke_network[mapping.spoke].id
      recovery_network_id = mapping.recovery_network_id
    }
  }
  log_analytics_workspace_id = module.log_analytics.id
}

# Servers meg deploys itself, each in its spoke's resource group, backed up, monitored and
# patched like the servers Azure Migrate brings.
module "server_monitoring" {
  source = "./modules/server-monitoring"
  count  = length(var.virtual_machines) > 0 ? 1 : 0

  name                       = var.names.data_collection_rule
  resource_group_name        = azurerm_resource_group.migration[0].name
  location                   = var.location
  tags                       = var.tags
  log_analytics_workspace_id = module.log_analytics.id
}

module "virtual_machine" {
  source   = "./modules/virtual-machine"
  for_each = { for vm in var.virtual_machines : vm.name => vm }

  vm = {
    name                   = each.value.name
    resource_group_name    = azurerm_resource_group.spoke[each.value.spoke].name
    subnet_id              = "${module.spoke_network[each.value.spoke].id}/subnets/${each.value.subnet_name}"
    os                     = each.value.os
    size                   = each.value.size
    zone                   = each.value.zone
    os_disk_size_gb        = each.value.os_disk_size_gb
    os_disk_storage        = each.value.os_disk_storage
    network_interface_name = each.value.network_interface_name
    os_disk_name           = each.value.os_disk_name
    data_disks             = each.value.data_disks
    image                  = each.value.image
  }
  location = var.location
  # The spoke's tags too: a server is charged to the application that owns its spoke.
  tags                         = merge(var.tags, local.spokes[each.value.spoke].tags)
  disk_encryption_set_id       = module.disk_encryption[0].id
  data_collection_rule_id      = module.server_monitoring[0].id
  maintenance_configuration_id = module.migration[0].maintenance_configuration_id
  backup = {
    resource_group_name = azurerm_resource_group.migration[0].name
    vault_name          = module.migration[0].vault_name
    policy_id           = module.migration[0].backup_policy_id
  }
  admin_password       = each.value.os == "windows" ? var.vm_admin_password : null
  admin_ssh_public_key = each.value.os == "linux" ? var.vm_admin_ssh_public_key : null

  # The subnet ID is built from the network's, so wait for the spokes' subnets (and their NSGs)
  # and peerings; agents and extensions call out at first boot, so their network path (firewall
  # with its rules and DNS proxy) and the DNS the spokes use must be in place too.
  depends_on = [
    module.spoke_network,
    azurerm_private_dns_zone_virtual_network_link.spoke,
    module.firewall,
    azurerm_firewall_policy_rule_collection_group.rehost,
  ]
}
