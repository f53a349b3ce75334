# dev (dev preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/dev.tfvars

location = "westeurope"

environment_name = "dev"

tags = {
  costCenter  = "CC-4410"
  environment = "dev"
  landingZone = "northwind"
  owner       = "migration-team"
}

names = {
  connectivity_resource_group                = "rg-connectivity-dev-weu-001"
  management_resource_group                  = "rg-management-dev-weu-001"
  security_resource_group                    = "rg-security-dev-weu-001"
  log_analytics_workspace                    = "log-management-dev-weu-001"
  key_vault                                  = "kv-northwin-dev-weu-10d9"
  key_vault_private_endpoint                 = "pep-kv-platform-dev-weu-001"
  hub_virtual_network                        = "vnet-hub-dev-weu-001"
  firewall                                   = "afw-hub-dev-weu-001"
  firewall_policy                            = "afwp-hub-dev-weu-001"
  firewall_public_ip                         = "pip-firewall-dev-weu-001"
  firewall_management_public_ip              = "pip-firewall-mgmt-dev-weu-001"
  bastion                                    = "bas-hub-dev-weu-001"
  bastion_public_ip                          = "pip-bastion-dev-weu-001"
  migration_resource_group                   = "rg-migration-dev-weu-001"
  recovery_services_vault                    = "rsv-backup-dev-weu-001"
  migrate_project                            = "migr-srv-dev-weu-001"
  maintenance_configuration                  = "mc-servers-dev-weu-001"
  disk_encryption_key_vault                  = "kv-cmk-dev-weu-2d7b"
  disk_encryption_key_vault_private_endpoint = "pep-kv-cmk-dev-weu-001"
  disk_encryption_set                        = "des-servers-dev-weu-001"
  disk_encryption_identity                   = "id-des-servers-dev-weu-001"
  enrolment_identity                         = "id-enrol-dev-weu-001"
}

log_analytics = {
  retention_in_days = 30
  daily_quota_gb    = 5
}

lock = null

key_vault = {
  sku                           = "standard"
  enable_purge_protection       = false
  soft_delete_retention_in_days = 7
  private_endpoint              = true
  administrators                = []
}

hub_network = {
  address_prefixes = ["10.80.0.0/22"]
  dns_servers      = []
  subnets = [
    {
      name                        = "AzureFirewallSubnet"
      address_prefix              = "10.80.0.0/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "AzureFirewallManagementSubnet"
      address_prefix              = "10.80.0.64/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "AzureBastionSubnet"
      address_prefix              = "10.80.0.128/26"
      network_security_group_name = "nsg-hub-bastion-dev-weu-001"
      delegation                  = null
    },
    {
      name                        = "snet-management"
      address_prefix              = "10.80.1.0/26"
      network_security_group_name = "nsg-hub-management-dev-weu-001"
      delegation                  = null
    },
  ]
  bastion_address_prefix           = "10.80.0.128/26"
  spoke_dns_servers                = []
  link_private_dns_zones_to_spokes = true
}

private_dns_zones = ["privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net"]

firewall = {
  enabled             = true
  tier                = "Basic"
  zone_redundant      = false
  threat_intel_mode   = "Alert"
  snat_private_ranges = []
  private_ip_address  = "10.80.0.4"
}

bastion = {
  enabled     = true
  sku         = "Basic"
  scale_units = 2
  file_copy   = false
}

spokes = [
  {
    name                 = "orders"
    resource_group_name  = "rg-orders-dev-weu-001"
    virtual_network_name = "vnet-orders-dev-weu-001"
    route_table_name     = "rt-orders-dev-weu-001"
    address_prefixes     = ["10.81.0.0/23"]
    tags = {
      workload = "orders"
    }
    subnets = [
      {
        name                        = "snet-app"
        address_prefix              = "10.81.0.0/24"
        network_security_group_name = "nsg-orders-app-dev-weu-001"
      },
      {
        name                        = "snet-db"
        address_prefix              = "10.81.1.0/26"
        network_security_group_name = "nsg-orders-db-dev-weu-001"
      },
    ]
  },
  {
    name                 = "files"
    resource_group_name  = "rg-files-dev-weu-001"
    virtual_network_name = "vnet-files-dev-weu-001"
    route_table_name     = "rt-files-dev-weu-001"
    address_prefixes     = ["10.81.2.0/24"]
    tags = {
      workload = "files"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.81.2.0/25"
        network_security_group_name = "nsg-files-workload-dev-weu-001"
      },
    ]
  },
]

migration = {
  enabled                  = true
  key_vault_administrators = []
  backup = {
    storage_redundancy       = "LocallyRedundant"
    cross_region_restore     = false
    schedule_time            = "23:00"
    time_zone                = "UTC"
    daily_retention_days     = 7
    weekly_retention_weeks   = 1
    monthly_retention_months = 1
    instant_restore_days     = 1
  }
  patching = {
    weekday                 = "Tuesday"
    start_time              = "22:00"
    duration                = "03:00"
    time_zone               = "UTC"
    reboot                  = "IfRequired"
    windows_classifications = ["Critical", "Security", "UpdateRollup", "Definition", "Updates"]
    linux_classifications   = ["Critical", "Security"]
  }
}

enrolment = {
  enabled         = true
  resource_groups = ["rg-orders-dev-weu-001"]
  os_types        = ["Linux", "Windows"]
  backup_tag = {
    name  = "backupVault"
    value = "rsv-backup-dev-weu-001"
  }
  patch_tag = {
    name  = "patchWindow"
    value = "mc-servers-dev-weu-001"
  }
  patch_prerequisites_policy_id = "/providers/Microsoft.Authorization/policyDefinitions/9905ca54-1471-49c6-8291-7582c04cd4d4"
  names = {
    backup_policy_definition       = "deploy-vm-backup-by-tag-dev"
    backup_assignment              = "backup-migrated-vms-dev"
    patch_prerequisites_assignment = "patch-prerequisites-dev"
    patch_schedule                 = "patch-migrated-vms-dev"
  }
}
