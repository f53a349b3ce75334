# prod (prod preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/prod.tfvars

location = "westeurope"

environment_name = "prod"

tags = {
  costCenter  = "CC-4410"
  environment = "prod"
  landingZone = "northwind"
  owner       = "migration-team"
}

names = {
  connectivity_resource_group                = "rg-connectivity-prod-weu-001"
  management_resource_group                  = "rg-management-prod-weu-001"
  security_resource_group                    = "rg-security-prod-weu-001"
  log_analytics_workspace                    = "log-management-prod-weu-001"
  key_vault                                  = "kv-northwi-prod-weu-ff40"
  key_vault_private_endpoint                 = "pep-kv-platform-prod-weu-001"
  hub_virtual_network                        = "vnet-hub-prod-weu-001"
  firewall                                   = "afw-hub-prod-weu-001"
  firewall_policy                            = "afwp-hub-prod-weu-001"
  firewall_public_ip                         = "pip-firewall-prod-weu-001"
  firewall_management_public_ip              = "pip-firewall-mgmt-prod-weu-001"
  bastion                                    = "bas-hub-prod-weu-001"
  bastion_public_ip                          = "pip-bastion-prod-weu-001"
  migration_resource_group                   = "rg-migration-prod-weu-001"
  recovery_services_vault                    = "rsv-backup-prod-weu-001"
  migrate_project                            = "migr-srv-prod-weu-001"
  maintenance_configuration                  = "mc-servers-prod-weu-001"
  disk_encryption_key_vault                  = "kv-cmk-prod-weu-30e3"
  disk_encryption_key_vault_private_endpoint = "pep-kv-cmk-prod-weu-001"
  disk_encryption_set                        = "des-servers-prod-weu-001"
  disk_encryption_identity                   = "id-des-servers-prod-weu-001"
  enrolment_identity                         = "id-enrol-prod-weu-001"
}

log_analytics = {
  retention_in_days = 90
  daily_quota_gb    = -1
}

lock = null

key_vault = {
  sku                           = "standard"
  enable_purge_protection       = true
  soft_delete_retention_in_days = 90
  private_endpoint              = true
  administrators                = []
}

hub_network = {
  address_prefixes = ["10.90.0.0/22"]
  dns_servers      = []
  subnets = [
    {
      name                        = "AzureFirewallSubnet"
      address_prefix              = "10.90.0.0/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "AzureBastionSubnet"
      address_prefix              = "10.90.0.128/26"
      network_security_group_name = "nsg-hub-bastion-prod-weu-001"
      delegation                  = null
    },
    {
      name                        = "snet-management"
      address_prefix              = "10.90.1.0/26"
      network_security_group_name = "nsg-hub-management-prod-weu-001"
      delegation                  = null
    },
  ]
  bastion_address_prefix           = "10.90.0.128/26"
  spoke_dns_servers                = ["10.90.0.4"]
  link_private_dns_zones_to_spokes = false
}

private_dns_zones = ["privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net"]

firewall = {
  enabled             = true
  tier                = "Standard"
  zone_redundant      = true
  threat_intel_mode   = "Deny"
  snat_private_ranges = []
  private_ip_address  = "10.90.0.4"
}

bastion = {
  enabled     = true
  sku         = "Standard"
  scale_units = 2
  file_copy   = false
}

spokes = [
  {
    name                 = "orders"
    resource_group_name  = "rg-orders-prod-weu-001"
    virtual_network_name = "vnet-orders-prod-weu-001"
    route_table_name     = "rt-orders-prod-weu-001"
    address_prefixes     = ["10.91.0.0/23"]
    tags = {
      workload = "orders"
    }
    subnets = [
      {
        name                        = "snet-app"
        address_prefix              = "10.91.0.0/24"
        network_security_group_name = "nsg-orders-app-prod-weu-001"
      },
      {
        name                        = "snet-db"
        address_prefix              = "10.91.1.0/26"
        network_security_group_name = "nsg-orders-db-prod-weu-001"
      },
    ]
  },
  {
    name                 = "files"
    resource_group_name  = "rg-files-prod-weu-001"
    virtual_network_name = "vnet-files-prod-weu-001"
    route_table_name     = "rt-files-prod-weu-001"
    address_prefixes     = ["10.91.2.0/24"]
    tags = {
      workload = "files"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.91.2.0/25"
        network_security_group_name = "nsg-files-workload-prod-weu-001"
      },
    ]
  },
]

migration = {
  enabled                  = true
  key_vault_administrators = []
  backup = {
    storage_redundancy       = "GeoRedundant"
    cross_region_restore     = true
    schedule_time            = "23:00"
    time_zone                = "W. Europe Standard Time"
    daily_retention_days     = 30
    weekly_retention_weeks   = 12
    monthly_retention_months = 12
    instant_restore_days     = 5
  }
  patching = {
    weekday                 = "Saturday"
    start_time              = "01:00"
    duration                = "03:00"
    time_zone               = "W. Europe Standard Time"
    reboot                  = "IfRequired"
    windows_classifications = ["Critical", "Security", "UpdateRollup", "Definition"]
    linux_classifications   = ["Critical", "Security"]
  }
}

enrolment = {
  enabled         = true
  resource_groups = ["rg-files-prod-weu-001", "rg-orders-prod-weu-001"]
  os_types        = ["Linux", "Windows"]
  backup_tag = {
    name  = "backupVault"
    value = "rsv-backup-prod-weu-001"
  }
  patch_tag = {
    name  = "patchWindow"
    value = "mc-servers-prod-weu-001"
  }
  patch_prerequisites_policy_id = "/providers/Microsoft.Authorization/policyDefinitions/9905ca54-1471-49c6-8291-7582c04cd4d4"
  names = {
    backup_policy_definition       = "deploy-vm-backup-by-tag-prod"
    backup_assignment              = "backup-migrated-vms-prod"
    patch_prerequisites_assignment = "patch-prerequisites-prod"
    patch_schedule                 = "patch-migrated-vms-prod"
  }
}
