# prod (prod preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/prod.tfvars

location = "westeurope"

environment_name = "prod"

tags = {
  costCenter  = "CC-4100"
  environment = "prod"
  landingZone = "northwind"
  owner       = "app-hosting-team"
}

names = {
  management_resource_group                  = "rg-management-prod-weu-001"
  security_resource_group                    = "rg-security-prod-weu-001"
  log_analytics_workspace                    = "log-management-prod-weu-001"
  key_vault                                  = "kv-northwi-prod-weu-ff40"
  key_vault_private_endpoint                 = "pep-kv-platform-prod-weu-001"
  migration_resource_group                   = "rg-migration-prod-weu-001"
  recovery_services_vault                    = "rsv-backup-prod-weu-001"
  migrate_project                            = "migr-srv-prod-weu-001"
  maintenance_configuration                  = "mc-servers-prod-weu-001"
  disk_encryption_key_vault                  = "kv-cmk-prod-weu-30e3"
  disk_encryption_key_vault_private_endpoint = "pep-kv-cmk-prod-weu-001"
  disk_encryption_set                        = "des-servers-prod-weu-001"
  disk_encryption_identity                   = "id-des-servers-prod-weu-001"
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
  virtual_network_id     = "/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-connectivity-prod-weu-001/providers/Microsoft.Network/virtualNetworks/vnet-hub-prod-weu-001"
  subscription_id        = "8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f"
  resource_group_name    = "rg-connectivity-prod-weu-001"
  virtual_network_name   = "vnet-hub-prod-weu-001"
  firewall_private_ip    = "10.210.1.4"
  bastion_address_prefix = "10.210.2.0/26"
  use_remote_gateways    = true
  private_dns_zone_ids = {
    "privatelink.vaultcore.azure.net" = "/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-dns-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"
  }
  private_endpoint_spoke_index = 0
  private_endpoint_spoke       = "crm"
  private_endpoint_subnet      = "snet-workload"
  spoke_dns_servers            = ["10.210.0.68"]
  peering_name_prefix          = "peer-hub-to-northwind-prod"
}

on_premises_address_prefixes = []

spokes = [
  {
    name                 = "crm"
    resource_group_name  = "rg-crm-prod-weu-001"
    virtual_network_name = "vnet-crm-prod-weu-001"
    route_table_name     = "rt-crm-prod-weu-001"
    address_prefixes     = ["10.211.0.0/24"]
    tags = {
      workload = "crm"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.211.0.0/25"
        network_security_group_name = "nsg-crm-workload-prod-weu-001"
      },
    ]
  },
  {
    name                 = "print"
    resource_group_name  = "rg-print-prod-weu-001"
    virtual_network_name = "vnet-print-prod-weu-001"
    route_table_name     = "rt-print-prod-weu-001"
    address_prefixes     = ["10.211.1.0/24"]
    tags = {
      workload = "print"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.211.1.0/25"
        network_security_group_name = "nsg-print-workload-prod-weu-001"
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
    time_zone                = "UTC"
    daily_retention_days     = 30
    weekly_retention_weeks   = 12
    monthly_retention_months = 12
    instant_restore_days     = 5
  }
  patching = {
    weekday                 = "Saturday"
    start_time              = "22:00"
    duration                = "03:00"
    time_zone               = "UTC"
    reboot                  = "IfRequired"
    windows_classifications = ["Critical", "Security", "UpdateRollup", "Definition"]
    linux_classifications   = ["Critical", "Security"]
  }
}
