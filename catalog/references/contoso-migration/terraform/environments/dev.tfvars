# dev (dev preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/dev.tfvars

# The subscription dev deploys into.
subscription_id = "0b6e2f4a-1c3d-4e5f-8a9b-2c4d6e8f0a1b"

location = "westeurope"

environment_name = "dev"

tags = {
  costCenter         = "CC-1042"
  dataClassification = "internal"
  environment        = "dev"
  landingZone        = "contoso"
  owner              = "platform-team"
}

names = {
  management_resource_group                  = "rg-management-dev-weu-001"
  security_resource_group                    = "rg-security-dev-weu-001"
  log_analytics_workspace                    = "log-management-dev-weu-001"
  key_vault                                  = "kv-contoso-dev-weu-f59d"
  key_vault_private_endpoint                 = "pep-kv-platform-dev-weu-001"
  migration_resource_group                   = "rg-migration-dev-weu-001"
  recovery_services_vault                    = "rsv-backup-dev-weu-001"
  migrate_project                            = "migr-srv-dev-weu-001"
  maintenance_configuration                  = "mc-servers-dev-weu-001"
  disk_encryption_key_vault                  = "kv-cmk-dev-weu-49bc"
  disk_encryption_key_vault_private_endpoint = "pep-kv-cmk-dev-weu-001"
  disk_encryption_set                        = "des-servers-dev-weu-001"
  disk_encryption_identity                   = "id-des-servers-dev-weu-001"
  data_collection_rule                       = "dcr-servers-dev-weu-001"
  front_door_profile                         = "afd-edge-dev-weu-001"
  front_door_waf_policy                      = "wafedgedevweu001"
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
  firewall_private_ip    = "10.100.0.4"
  bastion_address_prefix = "10.100.0.128/26"
  use_remote_gateways    = true
  private_dns_zone_ids = {
    "privatelink.azurewebsites.net"     = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-connectivity-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net"
    "privatelink.blob.core.windows.net" = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-connectivity-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net"
    "privatelink.database.windows.net"  = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-connectivity-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.database.windows.net"
    "privatelink.vaultcore.azure.net"   = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-connectivity-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"
  }
  private_endpoint_spoke_index = 0
  private_endpoint_spoke       = "erp"
  private_endpoint_subnet      = "snet-workload"
  spoke_dns_servers            = ["10.100.0.228"]
  peering_name_prefix          = "peer-hub-to-contoso-dev"
}

on_premises_address_prefixes = ["192.168.0.0/16"]

spokes = [
  {
    name                 = "erp"
    resource_group_name  = "rg-erp-dev-weu-001"
    virtual_network_name = "vnet-erp-dev-weu-001"
    route_table_name     = "rt-erp-dev-weu-001"
    address_prefixes     = ["10.101.0.0/24"]
    tags = {
      workload = "erp"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.101.0.0/25"
        network_security_group_name = "nsg-erp-workload-dev-weu-001"
      },
    ]
  },
  {
    name                 = "shop"
    resource_group_name  = "rg-shop-dev-weu-001"
    virtual_network_name = "vnet-shop-dev-weu-001"
    route_table_name     = "rt-shop-dev-weu-001"
    address_prefixes     = ["10.101.1.0/24"]
    tags = {
      workload = "shop"
    }
    subnets = [
      {
        name                        = "snet-appservice"
        address_prefix              = "10.101.1.0/26"
        network_security_group_name = "nsg-shop-appservice-dev-weu-001"
        delegation                  = "Microsoft.Web/serverFarms"
      },
      {
        name                        = "snet-private-endpoints"
        address_prefix              = "10.101.1.64/26"
        network_security_group_name = "nsg-shop-private-endpoints-dev-weu-001"
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

virtual_machines = [
  {
    name                   = "erpapp01"
    spoke                  = "erp"
    resource_group_name    = "rg-erp-dev-weu-001"
    virtual_network_name   = "vnet-erp-dev-weu-001"
    subnet_name            = "snet-workload"
    os                     = "windows"
    size                   = "Standard_D2s_v5"
    zone                   = null
    os_disk_size_gb        = null
    os_disk_storage        = "Premium_LRS"
    network_interface_name = "nic-erpapp01-dev-weu-001"
    os_disk_name           = "disk-erpapp01-os-dev-weu-001"
    data_disks             = []
    image = {
      publisher = "MicrosoftWindowsServer"
      offer     = "WindowsServer"
      sku       = "2022-datacenter-azure-edition"
      version   = "latest"
    }
    disk_names          = ["disk-erpapp01-os-dev-weu-001"]
    recovery_network_id = null
  },
]

paas = {
  enabled    = true
  front_door = true
  app_service = {
    sku               = "B1"
    capacity          = 1
    zone_redundant    = false
    health_check_path = "/healthz"
  }
  sql = {
    sku = {
      name       = "GP_S_Gen5"
      tier       = "GeneralPurpose"
      family     = "Gen5"
      capacity   = 1
      serverless = true
    }
    zone_redundant            = false
    backup_storage_redundancy = "Local"
    administrator_login       = ""
    administrator_object_id   = ""
  }
  database_migration = false
  container_apps = {
    zone_redundant  = false
    subnet_prefixes = []
  }
  applications = [
    {
      name                 = "shop"
      resource_group_name  = "rg-shop-dev-weu-001"
      virtual_network_name = "vnet-shop-dev-weu-001"
      tags = {
        workload = "shop"
      }
      key_vault_name                  = "kv-shop-dev-weu-9108"
      key_vault_private_endpoint_name = "pep-kv-shop-dev-weu-001"
      app_service_plan_name           = "asp-shop-dev-weu-001"
      application_insights_name       = "appi-shop-dev-weu-001"
      web_apps = [
        {
          name                     = "web"
          site_name                = "app-shop-web-dev-weu-6628"
          private_endpoint_name    = "pep-app-shop-web-dev-weu-001"
          front_door_endpoint_name = "fde-shop-web-dev-weu-001"
        },
      ]
      sql_server_name           = "sql-shop-dev-weu-9c8c"
      sql_private_endpoint_name = "pep-sql-shop-dev-weu-001"
      databases = [
        {
          name          = "orders"
          database_name = "sqldb-shop-orders-dev-weu-001"
        },
      ]
      secrets                                  = []
      secrets_officers                         = []
      container_apps                           = false
      container_apps_environment_name          = ""
      container_registry_name                  = ""
      container_registry_private_endpoint_name = ""
    },
  ]
}

# vm_admin_ssh_public_key: nothing in dev uses it, so it is not asked for here.

# vm_admin_password_erpapp01 is a secret: export TF_VAR_vm_admin_password_erpapp01 before plan and apply.
