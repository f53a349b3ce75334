# prod (prod preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/prod.tfvars

# The subscription prod deploys into.
subscription_id = "7d9f1b3c-5e7a-4c2e-9b1d-3f5a7c9e1b2d"

location = "westeurope"

environment_name = "prod"

tags = {
  costCenter         = "CC-1042"
  dataClassification = "internal"
  environment        = "prod"
  landingZone        = "contoso"
  owner              = "platform-team"
}

names = {
  management_resource_group                  = "rg-management-prod-weu-001"
  security_resource_group                    = "rg-security-prod-weu-001"
  log_analytics_workspace                    = "log-management-prod-weu-001"
  key_vault                                  = "kv-contoso-prod-weu-2d4d"
  key_vault_private_endpoint                 = "pep-kv-platform-prod-weu-001"
  migration_resource_group                   = "rg-migration-prod-weu-001"
  recovery_services_vault                    = "rsv-backup-prod-weu-001"
  migrate_project                            = "migr-srv-prod-weu-001"
  maintenance_configuration                  = "mc-servers-prod-weu-001"
  disk_encryption_key_vault                  = "kv-cmk-prod-weu-5b27"
  disk_encryption_key_vault_private_endpoint = "pep-kv-cmk-prod-weu-001"
  disk_encryption_set                        = "des-servers-prod-weu-001"
  disk_encryption_identity                   = "id-des-servers-prod-weu-001"
  data_collection_rule                       = "dcr-servers-prod-weu-001"
  front_door_profile                         = "afd-edge-prod-weu-001"
  front_door_waf_policy                      = "wafedgeprodweu001"
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
  firewall_private_ip    = "10.0.0.4"
  bastion_address_prefix = "10.0.0.128/26"
  use_remote_gateways    = true
  private_dns_zone_ids = {
    "privatelink.azurewebsites.net"     = "/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-connectivity-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net"
    "privatelink.blob.core.windows.net" = "/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-connectivity-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net"
    "privatelink.database.windows.net"  = "/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-connectivity-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.database.windows.net"
    "privatelink.vaultcore.azure.net"   = "/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-connectivity-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"
  }
  private_endpoint_spoke_index = 0
  private_endpoint_spoke       = "erp"
  private_endpoint_subnet      = "snet-workload"
  spoke_dns_servers            = ["10.0.0.228"]
  peering_name_prefix          = "peer-hub-to-contoso-prod"
}

on_premises_address_prefixes = ["192.168.0.0/16"]

spokes = [
  {
    name                 = "erp"
    resource_group_name  = "rg-erp-prod-weu-001"
    virtual_network_name = "vnet-erp-prod-weu-001"
    route_table_name     = "rt-erp-prod-weu-001"
    address_prefixes     = ["10.1.0.0/24"]
    tags = {
      workload = "erp"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.1.0.0/25"
        network_security_group_name = "nsg-erp-workload-prod-weu-001"
      },
    ]
  },
  {
    name                 = "shop"
    resource_group_name  = "rg-shop-prod-weu-001"
    virtual_network_name = "vnet-shop-prod-weu-001"
    route_table_name     = "rt-shop-prod-weu-001"
    address_prefixes     = ["10.1.1.0/24"]
    tags = {
      workload = "shop"
    }
    subnets = [
      {
        name                        = "snet-appservice"
        address_prefix              = "10.1.1.0/26"
        network_security_group_name = "nsg-shop-appservice-prod-weu-001"
        delegation                  = "Microsoft.Web/serverFarms"
      },
      {
        name                        = "snet-private-endpoints"
        address_prefix              = "10.1.1.64/26"
        network_security_group_name = "nsg-shop-private-endpoints-prod-weu-001"
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

virtual_machines = [
  {
    name                   = "erpapp01"
    spoke                  = "erp"
    resource_group_name    = "rg-erp-prod-weu-001"
    virtual_network_name   = "vnet-erp-prod-weu-001"
    subnet_name            = "snet-workload"
    os                     = "windows"
    size                   = "Standard_D4s_v5"
    zone                   = "1"
    os_disk_size_gb        = null
    os_disk_storage        = "Premium_LRS"
    network_interface_name = "nic-erpapp01-prod-weu-001"
    os_disk_name           = "disk-erpapp01-os-prod-weu-001"
    data_disks             = []
    image = {
      publisher = "MicrosoftWindowsServer"
      offer     = "WindowsServer"
      sku       = "2022-datacenter-azure-edition"
      version   = "latest"
    }
    disk_names          = ["disk-erpapp01-os-prod-weu-001"]
    recovery_network_id = null
  },
  {
    name                   = "erpdb01"
    spoke                  = "erp"
    resource_group_name    = "rg-erp-prod-weu-001"
    virtual_network_name   = "vnet-erp-prod-weu-001"
    subnet_name            = "snet-workload"
    os                     = "linux"
    size                   = "Standard_E4s_v5"
    zone                   = "1"
    os_disk_size_gb        = null
    os_disk_storage        = "Premium_LRS"
    network_interface_name = "nic-erpdb01-prod-weu-001"
    os_disk_name           = "disk-erpdb01-os-prod-weu-001"
    data_disks = [
      {
        name    = "disk-erpdb01-data0-prod-weu-001"
        lun     = 0
        size_gb = 256
        storage = "Premium_LRS"
      },
    ]
    image = {
      publisher = "Canonical"
      offer     = "ubuntu-24_04-lts"
      sku       = "server"
      version   = "latest"
    }
    disk_names          = ["disk-erpdb01-os-prod-weu-001", "disk-erpdb01-data0-prod-weu-001"]
    recovery_network_id = null
  },
]

paas = {
  enabled    = true
  front_door = true
  app_service = {
    sku               = "P1v3"
    capacity          = 3
    zone_redundant    = true
    health_check_path = "/healthz"
  }
  sql = {
    sku = {
      name       = "GP_Gen5"
      tier       = "GeneralPurpose"
      family     = "Gen5"
      capacity   = 2
      serverless = false
    }
    zone_redundant            = true
    backup_storage_redundancy = "GeoZone"
    administrator_login       = ""
    administrator_object_id   = ""
  }
  database_migration = false
  container_apps = {
    zone_redundant  = true
    subnet_prefixes = []
  }
  applications = [
    {
      name                 = "shop"
      resource_group_name  = "rg-shop-prod-weu-001"
      virtual_network_name = "vnet-shop-prod-weu-001"
      tags = {
        workload = "shop"
      }
      key_vault_name                  = "kv-shop-prod-weu-d465"
      key_vault_private_endpoint_name = "pep-kv-shop-prod-weu-001"
      app_service_plan_name           = "asp-shop-prod-weu-001"
      application_insights_name       = "appi-shop-prod-weu-001"
      web_apps = [
        {
          name                     = "web"
          site_name                = "app-shop-web-prod-weu-6495"
          private_endpoint_name    = "pep-app-shop-web-prod-weu-001"
          front_door_endpoint_name = "fde-shop-web-prod-weu-001"
        },
      ]
      sql_server_name           = "sql-shop-prod-weu-0c5b"
      sql_private_endpoint_name = "pep-sql-shop-prod-weu-001"
      databases = [
        {
          name          = "orders"
          database_name = "sqldb-shop-orders-prod-weu-001"
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

# vm_admin_ssh_public_key is a secret: export TF_VAR_vm_admin_ssh_public_key before plan and apply.

# vm_admin_password_erpapp01 is a secret: export TF_VAR_vm_admin_password_erpapp01 before plan and apply.
