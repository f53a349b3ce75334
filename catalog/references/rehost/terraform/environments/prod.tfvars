# prod (prod preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/prod.tfvars

location = "swedencentral"

environment_name = "prod"

tags = {
  costCenter    = "CC-2210"
  environment   = "prod"
  landingZone   = "fabrikam"
  migrationWave = "wave-1"
  owner         = "infra-team"
}

names = {
  connectivity_resource_group                = "rg-connectivity-prod-sdc-001"
  management_resource_group                  = "rg-management-prod-sdc-001"
  security_resource_group                    = "rg-security-prod-sdc-001"
  log_analytics_workspace                    = "log-management-prod-sdc-001"
  key_vault                                  = "kv-fabrika-prod-sdc-74bd"
  key_vault_private_endpoint                 = "pep-kv-platform-prod-sdc-001"
  hub_virtual_network                        = "vnet-hub-prod-sdc-001"
  firewall                                   = "afw-hub-prod-sdc-001"
  firewall_policy                            = "afwp-hub-prod-sdc-001"
  firewall_public_ip                         = "pip-firewall-prod-sdc-001"
  firewall_management_public_ip              = "pip-firewall-mgmt-prod-sdc-001"
  bastion                                    = "bas-hub-prod-sdc-001"
  bastion_public_ip                          = "pip-bastion-prod-sdc-001"
  migration_resource_group                   = "rg-migration-prod-sdc-001"
  recovery_services_vault                    = "rsv-backup-prod-sdc-001"
  migrate_project                            = "migr-srv-prod-sdc-001"
  maintenance_configuration                  = "mc-servers-prod-sdc-001"
  disk_encryption_key_vault                  = "kv-cmk-prod-sdc-5e81"
  disk_encryption_key_vault_private_endpoint = "pep-kv-cmk-prod-sdc-001"
  disk_encryption_set                        = "des-servers-prod-sdc-001"
  disk_encryption_identity                   = "id-des-servers-prod-sdc-001"
  data_collection_rule                       = "dcr-servers-prod-sdc-001"
  recovery_resource_group                    = "rg-recovery-prod-neu-001"
  site_recovery_vault                        = "rsv-asr-prod-neu-001"
  site_recovery_replication_policy           = "asrpol-vms-prod-neu-001"
  site_recovery_cache_storage                = "stasrcacheprodsdc1109"
  recovery_disk_encryption_key_vault         = "kv-cmk-prod-neu-5e81"
  recovery_disk_encryption_set               = "des-servers-prod-neu-001"
  recovery_disk_encryption_identity          = "id-des-servers-prod-neu-001"
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
  address_prefixes = ["10.50.0.0/22"]
  dns_servers      = []
  subnets = [
    {
      name                        = "AzureFirewallSubnet"
      address_prefix              = "10.50.0.0/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "AzureBastionSubnet"
      address_prefix              = "10.50.0.128/26"
      network_security_group_name = "nsg-hub-bastion-prod-sdc-001"
      delegation                  = null
    },
    {
      name                        = "snet-management"
      address_prefix              = "10.50.1.0/26"
      network_security_group_name = "nsg-hub-management-prod-sdc-001"
      delegation                  = null
    },
  ]
  bastion_address_prefix           = "10.50.0.128/26"
  spoke_dns_servers                = ["10.50.0.4"]
  link_private_dns_zones_to_spokes = false
}

private_dns_zones = ["privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net"]

firewall = {
  enabled             = true
  tier                = "Standard"
  zone_redundant      = true
  threat_intel_mode   = "Deny"
  snat_private_ranges = []
  private_ip_address  = "10.50.0.4"
}

bastion = {
  enabled     = true
  sku         = "Standard"
  scale_units = 2
  file_copy   = false
}

spokes = [
  {
    name                 = "erp"
    resource_group_name  = "rg-erp-prod-sdc-001"
    virtual_network_name = "vnet-erp-prod-sdc-001"
    route_table_name     = "rt-erp-prod-sdc-001"
    address_prefixes     = ["10.51.0.0/23"]
    tags = {
      workload = "erp"
    }
    subnets = [
      {
        name                        = "snet-app"
        address_prefix              = "10.51.0.0/24"
        network_security_group_name = "nsg-erp-app-prod-sdc-001"
      },
      {
        name                        = "snet-db"
        address_prefix              = "10.51.1.0/26"
        network_security_group_name = "nsg-erp-db-prod-sdc-001"
      },
    ]
  },
  {
    name                 = "files"
    resource_group_name  = "rg-files-prod-sdc-001"
    virtual_network_name = "vnet-files-prod-sdc-001"
    route_table_name     = "rt-files-prod-sdc-001"
    address_prefixes     = ["10.51.2.0/24"]
    tags = {
      workload = "files"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.51.2.0/25"
        network_security_group_name = "nsg-files-workload-prod-sdc-001"
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
    schedule_time            = "22:30"
    time_zone                = "W. Europe Standard Time"
    daily_retention_days     = 30
    weekly_retention_weeks   = 12
    monthly_retention_months = 12
    instant_restore_days     = 5
  }
  patching = {
    weekday                 = "Saturday"
    start_time              = "01:00"
    duration                = "03:55"
    time_zone               = "W. Europe Standard Time"
    reboot                  = "IfRequired"
    windows_classifications = ["Critical", "Security", "UpdateRollup", "Definition"]
    linux_classifications   = ["Critical", "Security"]
  }
}

site_recovery = {
  enabled                          = true
  recovery_location                = "northeurope"
  recovery_point_retention_minutes = 4320
  app_consistent_frequency_minutes = 240
  network_mappings = [
    {
      spoke               = "erp"
      recovery_network_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-recovery-network-prod-neu-001/providers/Microsoft.Network/virtualNetworks/vnet-erp-prod-neu-001"
    },
    {
      spoke               = "files"
      recovery_network_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-recovery-network-prod-neu-001/providers/Microsoft.Network/virtualNetworks/vnet-files-prod-neu-001"
    },
  ]
  multi_vm_groups = ["erp"]
}

virtual_machines = [
  {
    name                   = "erpapp01"
    spoke                  = "erp"
    resource_group_name    = "rg-erp-prod-sdc-001"
    virtual_network_name   = "vnet-erp-prod-sdc-001"
    subnet_name            = "snet-app"
    os                     = "windows"
    size                   = "Standard_D4s_v5"
    zone                   = "1"
    os_disk_size_gb        = null
    os_disk_storage        = "Premium_LRS"
    network_interface_name = "nic-erpapp01-prod-sdc-001"
    os_disk_name           = "disk-erpapp01-os-prod-sdc-001"
    data_disks = [
      {
        name    = "disk-erpapp01-data0-prod-sdc-001"
        lun     = 0
        size_gb = 256
        storage = "Premium_LRS"
      },
    ]
    image = {
      publisher = "MicrosoftWindowsServer"
      offer     = "WindowsServer"
      sku       = "2022-datacenter-azure-edition"
      version   = "latest"
    }
    disk_names          = ["disk-erpapp01-os-prod-sdc-001", "disk-erpapp01-data0-prod-sdc-001"]
    recovery_network_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-recovery-network-prod-neu-001/providers/Microsoft.Network/virtualNetworks/vnet-erp-prod-neu-001"
  },
  {
    name                   = "erpdb01"
    spoke                  = "erp"
    resource_group_name    = "rg-erp-prod-sdc-001"
    virtual_network_name   = "vnet-erp-prod-sdc-001"
    subnet_name            = "snet-db"
    os                     = "linux"
    size                   = "Standard_E8s_v5"
    zone                   = "1"
    os_disk_size_gb        = 64
    os_disk_storage        = "Premium_LRS"
    network_interface_name = "nic-erpdb01-prod-sdc-001"
    os_disk_name           = "disk-erpdb01-os-prod-sdc-001"
    data_disks = [
      {
        name    = "disk-erpdb01-data0-prod-sdc-001"
        lun     = 0
        size_gb = 512
        storage = "Premium_LRS"
      },
      {
        name    = "disk-erpdb01-data1-prod-sdc-001"
        lun     = 1
        size_gb = 128
        storage = "Premium_LRS"
      },
    ]
    image = {
      publisher = "Canonical"
      offer     = "ubuntu-24_04-lts"
      sku       = "server"
      version   = "latest"
    }
    disk_names          = ["disk-erpdb01-os-prod-sdc-001", "disk-erpdb01-data0-prod-sdc-001", "disk-erpdb01-data1-prod-sdc-001"]
    recovery_network_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-recovery-network-prod-neu-001/providers/Microsoft.Network/virtualNetworks/vnet-erp-prod-neu-001"
  },
]

# vm_admin_ssh_public_key is a secret: export TF_VAR_vm_admin_ssh_public_key before plan and apply.

# vm_admin_password_erpapp01 is a secret: export TF_VAR_vm_admin_password_erpapp01 before plan and apply.
