# dev (dev preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/dev.tfvars

location = "northeurope"

environment_name = "dev"

tags = {
  costCenter  = "CC-3300"
  environment = "dev"
  landingZone = "woodgrove"
  owner       = "digital-team"
}

names = {
  connectivity_resource_group   = "rg-connectivity-dev-neu-001"
  management_resource_group     = "rg-management-dev-neu-001"
  security_resource_group       = "rg-security-dev-neu-001"
  log_analytics_workspace       = "log-management-dev-neu-001"
  key_vault                     = "kv-woodgrov-dev-neu-b906"
  key_vault_private_endpoint    = "pep-kv-platform-dev-neu-001"
  hub_virtual_network           = "vnet-hub-dev-neu-001"
  firewall                      = "afw-hub-dev-neu-001"
  firewall_policy               = "afwp-hub-dev-neu-001"
  firewall_public_ip            = "pip-firewall-dev-neu-001"
  firewall_management_public_ip = "pip-firewall-mgmt-dev-neu-001"
}

log_analytics = {
  retention_in_days = 30
  daily_quota_gb    = 5
}

key_vault = {
  sku                           = "standard"
  enable_purge_protection       = false
  soft_delete_retention_in_days = 7
  private_endpoint              = true
}

hub_network = {
  address_prefixes = ["10.60.0.0/22"]
  dns_servers      = []
  subnets = [
    {
      name                        = "AzureFirewallSubnet"
      address_prefix              = "10.60.0.0/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "AzureFirewallManagementSubnet"
      address_prefix              = "10.60.0.64/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "snet-management"
      address_prefix              = "10.60.1.0/26"
      network_security_group_name = "nsg-hub-management-dev-neu-001"
      delegation                  = null
    },
  ]
  bastion_address_prefix = null
  spoke_dns_servers      = []
}

private_dns_zones = ["privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net", "privatelink.database.windows.net", "privatelink.azurewebsites.net"]

firewall = {
  enabled            = true
  tier               = "Basic"
  private_ip_address = "10.60.0.4"
  zones              = []
  threat_intel_mode  = "Alert"
}

spokes = [
  {
    name                 = "shop"
    resource_group_name  = "rg-shop-dev-neu-001"
    virtual_network_name = "vnet-shop-dev-neu-001"
    route_table_name     = "rt-shop-dev-neu-001"
    address_prefixes     = ["10.61.0.0/24"]
    tags = {
      costCenter = "CC-3310"
      owner      = "shop-team"
      workload   = "shop"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.61.0.0/25"
        network_security_group_name = "nsg-shop-workload-dev-neu-001"
      },
    ]
  },
  {
    name                 = "booking"
    resource_group_name  = "rg-booking-dev-neu-001"
    virtual_network_name = "vnet-booking-dev-neu-001"
    route_table_name     = "rt-booking-dev-neu-001"
    address_prefixes     = ["10.61.1.0/24"]
    tags = {
      costCenter = "CC-3320"
      owner      = "booking-team"
      workload   = "booking"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.61.1.0/25"
        network_security_group_name = "nsg-booking-workload-dev-neu-001"
      },
    ]
  },
]
