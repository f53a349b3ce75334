# prod (prod preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/prod.tfvars

location = "northeurope"

environment_name = "prod"

tags = {
  costCenter  = "CC-3300"
  environment = "prod"
  landingZone = "woodgrove"
  owner       = "digital-team"
}

names = {
  connectivity_resource_group   = "rg-connectivity-prod-neu-001"
  management_resource_group     = "rg-management-prod-neu-001"
  security_resource_group       = "rg-security-prod-neu-001"
  log_analytics_workspace       = "log-management-prod-neu-001"
  key_vault                     = "kv-woodgro-prod-neu-0231"
  key_vault_private_endpoint    = "pep-kv-platform-prod-neu-001"
  hub_virtual_network           = "vnet-hub-prod-neu-001"
  firewall                      = "afw-hub-prod-neu-001"
  firewall_policy               = "afwp-hub-prod-neu-001"
  firewall_public_ip            = "pip-firewall-prod-neu-001"
  firewall_management_public_ip = "pip-firewall-mgmt-prod-neu-001"
}

log_analytics = {
  retention_in_days = 90
  daily_quota_gb    = -1
}

key_vault = {
  sku                           = "standard"
  enable_purge_protection       = true
  soft_delete_retention_in_days = 90
  private_endpoint              = true
}

hub_network = {
  address_prefixes = ["10.70.0.0/22"]
  dns_servers      = []
  subnets = [
    {
      name                        = "AzureFirewallSubnet"
      address_prefix              = "10.70.0.0/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "snet-management"
      address_prefix              = "10.70.1.0/26"
      network_security_group_name = "nsg-hub-management-prod-neu-001"
      delegation                  = null
    },
  ]
  bastion_address_prefix = null
  spoke_dns_servers      = ["10.70.0.4"]
}

private_dns_zones = ["privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net", "privatelink.database.windows.net", "privatelink.azurewebsites.net"]

firewall = {
  enabled            = true
  tier               = "Premium"
  private_ip_address = "10.70.0.4"
  zones              = ["1", "2", "3"]
  threat_intel_mode  = "Deny"
}

spokes = [
  {
    name                 = "shop"
    resource_group_name  = "rg-shop-prod-neu-001"
    virtual_network_name = "vnet-shop-prod-neu-001"
    route_table_name     = "rt-shop-prod-neu-001"
    address_prefixes     = ["10.71.0.0/24"]
    tags = {
      costCenter = "CC-3310"
      owner      = "shop-team"
      workload   = "shop"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.71.0.0/25"
        network_security_group_name = "nsg-shop-workload-prod-neu-001"
      },
    ]
  },
  {
    name                 = "booking"
    resource_group_name  = "rg-booking-prod-neu-001"
    virtual_network_name = "vnet-booking-prod-neu-001"
    route_table_name     = "rt-booking-prod-neu-001"
    address_prefixes     = ["10.71.1.0/24"]
    tags = {
      costCenter = "CC-3320"
      owner      = "booking-team"
      workload   = "booking"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.71.1.0/25"
        network_security_group_name = "nsg-booking-workload-prod-neu-001"
      },
    ]
  },
]
