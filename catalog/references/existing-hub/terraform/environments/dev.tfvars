# dev (dev preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/dev.tfvars

location = "westeurope"

environment_name = "dev"

tags = {
  costCenter  = "CC-4100"
  environment = "dev"
  landingZone = "northwind"
  owner       = "app-hosting-team"
}

names = {
  management_resource_group                  = "rg-management-dev-weu-001"
  security_resource_group                    = "rg-security-dev-weu-001"
  log_analytics_workspace                    = "log-management-dev-weu-001"
  key_vault                                  = "kv-northwin-dev-weu-10d9"
  key_vault_private_endpoint                 = "pep-kv-platform-dev-weu-001"
  migration_resource_group                   = "rg-migration-dev-weu-001"
  recovery_services_vault                    = "rsv-backup-dev-weu-001"
  migrate_project                            = "migr-srv-dev-weu-001"
  maintenance_configuration                  = "mc-servers-dev-weu-001"
  disk_encryption_key_vault                  = "kv-cmk-dev-weu-2d7b"
  disk_encryption_key_vault_private_endpoint = "pep-kv-cmk-dev-weu-001"
  disk_encryption_set                        = "des-servers-dev-weu-001"
  disk_encryption_identity                   = "id-des-servers-dev-weu-001"
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
  virtual_network_id     = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-connectivity-nonprod-weu-001/providers/Microsoft.Network/virtualNetworks/vnet-hub-nonprod-weu-001"
  subscription_id        = "3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c"
  resource_group_name    = "rg-connectivity-nonprod-weu-001"
  virtual_network_name   = "vnet-hub-nonprod-weu-001"
  firewall_private_ip    = "10.200.1.4"
  bastion_address_prefix = "10.200.2.0/26"
  use_remote_gateways    = false
  private_dns_zone_ids = {
    "privatelink.vaultcore.azure.net" = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"
  }
  private_endpoint_spoke_index = 0
  private_endpoint_spoke       = "crm"
  private_endpoint_subnet      = "snet-workload"
  spoke_dns_servers            = ["10.200.0.68"]
  peering_name_prefix          = "peer-hub-to-northwind-dev"
}

on_premises_address_prefixes = []

spokes = [
  {
    name                 = "crm"
    resource_group_name  = "rg-crm-dev-weu-001"
    virtual_network_name = "vnet-crm-dev-weu-001"
    route_table_name     = "rt-crm-dev-weu-001"
    address_prefixes     = ["10.201.0.0/24"]
    tags = {
      workload = "crm"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.201.0.0/25"
        network_security_group_name = "nsg-crm-workload-dev-weu-001"
      },
    ]
  },
  {
    name                 = "print"
    resource_group_name  = "rg-print-dev-weu-001"
    virtual_network_name = "vnet-print-dev-weu-001"
    route_table_name     = "rt-print-dev-weu-001"
    address_prefixes     = ["10.201.1.0/24"]
    tags = {
      workload = "print"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.201.1.0/25"
        network_security_group_name = "nsg-print-workload-dev-weu-001"
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
