# dev (dev preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/dev.tfvars

location = "swedencentral"

environment_name = "dev"

tags = {
  costCenter    = "CC-2210"
  environment   = "dev"
  landingZone   = "fabrikam"
  migrationWave = "wave-1"
  owner         = "infra-team"
}

names = {
  connectivity_resource_group                = "rg-connectivity-dev-sdc-001"
  management_resource_group                  = "rg-management-dev-sdc-001"
  security_resource_group                    = "rg-security-dev-sdc-001"
  log_analytics_workspace                    = "log-management-dev-sdc-001"
  key_vault                                  = "kv-fabrikam-dev-sdc-6454"
  key_vault_private_endpoint                 = "pep-kv-platform-dev-sdc-001"
  hub_virtual_network                        = "vnet-hub-dev-sdc-001"
  firewall                                   = "afw-hub-dev-sdc-001"
  firewall_policy                            = "afwp-hub-dev-sdc-001"
  firewall_public_ip                         = "pip-firewall-dev-sdc-001"
  firewall_management_public_ip              = "pip-firewall-mgmt-dev-sdc-001"
  bastion                                    = "bas-hub-dev-sdc-001"
  bastion_public_ip                          = "pip-bastion-dev-sdc-001"
  migration_resource_group                   = "rg-migration-dev-sdc-001"
  recovery_services_vault                    = "rsv-backup-dev-sdc-001"
  migrate_project                            = "migr-srv-dev-sdc-001"
  maintenance_configuration                  = "mc-servers-dev-sdc-001"
  disk_encryption_key_vault                  = "kv-cmk-dev-sdc-f8ef"
  disk_encryption_key_vault_private_endpoint = "pep-kv-cmk-dev-sdc-001"
  disk_encryption_set                        = "des-servers-dev-sdc-001"
  disk_encryption_identity                   = "id-des-servers-dev-sdc-001"
  data_collection_rule                       = "dcr-servers-dev-sdc-001"
  recovery_resource_group                    = "rg-recovery-dev-sdc-001"
  site_recovery_vault                        = "rsv-asr-dev-sdc-001"
  site_recovery_replication_policy           = "asrpol-vms-dev-sdc-001"
  site_recovery_cache_storage                = "stasrcachedevsdc6670"
  recovery_disk_encryption_key_vault         = "kv-cmk-dev-sdc-f8ef"
  recovery_disk_encryption_set               = "des-servers-dev-sdc-001"
  recovery_disk_encryption_identity          = "id-des-servers-dev-sdc-001"
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
  address_prefixes = ["10.40.0.0/22"]
  dns_servers      = []
  subnets = [
    {
      name                        = "AzureFirewallSubnet"
      address_prefix              = "10.40.0.0/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "AzureFirewallManagementSubnet"
      address_prefix              = "10.40.0.64/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "AzureBastionSubnet"
      address_prefix              = "10.40.0.128/26"
      network_security_group_name = "nsg-hub-bastion-dev-sdc-001"
      delegation                  = null
    },
    {
      name                        = "snet-management"
      address_prefix              = "10.40.1.0/26"
      network_security_group_name = "nsg-hub-management-dev-sdc-001"
      delegation                  = null
    },
  ]
  bastion_address_prefix           = "10.40.0.128/26"
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
  private_ip_address  = "10.40.0.4"
}

bastion = {
  enabled     = true
  sku         = "Basic"
  scale_units = 2
  file_copy   = false
}

spokes = [
  {
    name                 = "erp"
    resource_group_name  = "rg-erp-dev-sdc-001"
    virtual_network_name = "vnet-erp-dev-sdc-001"
    route_table_name     = "rt-erp-dev-sdc-001"
    address_prefixes     = ["10.41.0.0/24"]
    tags = {
      workload = "erp"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.41.0.0/25"
        network_security_group_name = "nsg-erp-workload-dev-sdc-001"
      },
    ]
  },
  {
    name                 = "files"
    resource_group_name  = "rg-files-dev-sdc-001"
    virtual_network_name = "vnet-files-dev-sdc-001"
    route_table_name     = "rt-files-dev-sdc-001"
    address_prefixes     = ["10.41.1.0/24"]
    tags = {
      workload = "files"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.41.1.0/25"
        network_security_group_name = "nsg-files-workload-dev-sdc-001"
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
    start_time              = "05:00"
    duration                = "02:00"
    time_zone               = "W. Europe Standard Time"
    reboot                  = "IfRequired"
    windows_classifications = ["Critical", "Security", "UpdateRollup", "Definition", "Updates"]
    linux_classifications   = ["Critical", "Security"]
  }
}

site_recovery = {
  enabled                          = false
  recovery_location                = "swedencentral"
  recovery_point_retention_minutes = 1440
  app_consistent_frequency_minutes = 240
  network_mappings                 = []
  multi_vm_groups                  = []
}

virtual_machines = []

# vm_admin_ssh_public_key: nothing in dev uses it, so it is not asked for here.

# vm_admin_password_erpapp01: nothing in dev uses it, so it is not asked for here.
