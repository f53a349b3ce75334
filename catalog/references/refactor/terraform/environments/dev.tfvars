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
  vpn_gateway                   = "vpng-hub-dev-neu-001"
  vpn_gateway_public_ip         = "pip-vpng-dev-neu-001"
  vpn_gateway_second_public_ip  = "pip-vpng-2-dev-neu-001"
  hub_to_spoke_route_table      = "rt-hub-gateway-dev-neu-001"
  front_door_profile            = "afd-edge-dev-neu-001"
  front_door_waf_policy         = "wafedgedevneu001"
  database_migration_service    = "dms-sql-dev-neu-001"
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
  administrators                = ["6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"]
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
      name                        = "GatewaySubnet"
      address_prefix              = "10.60.0.192/27"
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
  bastion_address_prefix           = null
  spoke_dns_servers                = []
  link_private_dns_zones_to_spokes = true
}

private_dns_zones = ["privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net", "privatelink.database.windows.net", "privatelink.azurewebsites.net", "privatelink.azurecr.io"]

firewall = {
  enabled             = true
  tier                = "Basic"
  zone_redundant      = false
  threat_intel_mode   = "Alert"
  snat_private_ranges = []
  private_ip_address  = "10.60.0.4"
}

vpn_gateway = {
  enabled       = true
  sku           = "VpnGw1AZ"
  active_active = false
  asn           = 65515
  zones         = ["1", "2", "3"]
}

on_premises_sites = [
  {
    name                       = "dublin-dc"
    local_network_gateway_name = "lgw-dublin-dc-dev-neu-001"
    connection_name            = "con-dublin-dc-dev-neu-001"
    gateway_address            = "203.0.113.20"
    address_prefixes           = ["10.20.0.0/16"]
    bgp_peering_address        = null
    asn                        = null
  },
]

on_premises_address_prefixes = ["10.20.0.0/16"]

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
        name                        = "snet-appservice"
        address_prefix              = "10.61.0.0/26"
        network_security_group_name = "nsg-shop-appservice-dev-neu-001"
        delegation                  = "Microsoft.Web/serverFarms"
      },
      {
        name                        = "snet-private-endpoints"
        address_prefix              = "10.61.0.64/26"
        network_security_group_name = "nsg-shop-private-endpoints-dev-neu-001"
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
        name                        = "snet-appservice"
        address_prefix              = "10.61.1.0/26"
        network_security_group_name = "nsg-booking-appservice-dev-neu-001"
        delegation                  = "Microsoft.Web/serverFarms"
      },
      {
        name                        = "snet-private-endpoints"
        address_prefix              = "10.61.1.64/26"
        network_security_group_name = "nsg-booking-private-endpoints-dev-neu-001"
      },
      {
        name                        = "snet-containerapps"
        address_prefix              = "10.61.1.128/26"
        network_security_group_name = "nsg-booking-containerapps-dev-neu-001"
        delegation                  = "Microsoft.App/environments"
      },
    ]
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
  database_migration = true
  container_apps = {
    zone_redundant  = false
    subnet_prefixes = ["10.61.1.128/26"]
  }
  applications = [
    {
      name                 = "booking"
      resource_group_name  = "rg-booking-dev-neu-001"
      virtual_network_name = "vnet-booking-dev-neu-001"
      tags = {
        costCenter = "CC-3320"
        owner      = "booking-team"
        workload   = "booking"
      }
      key_vault_name                  = "kv-booking-dev-neu-12cd"
      key_vault_private_endpoint_name = "pep-kv-booking-dev-neu-001"
      app_service_plan_name           = "asp-booking-dev-neu-001"
      application_insights_name       = "appi-booking-dev-neu-001"
      web_apps = [
        {
          name                     = "web"
          site_name                = "app-booking-web-dev-neu-2dba"
          private_endpoint_name    = "pep-app-booking-web-dev-neu-001"
          front_door_endpoint_name = "fde-booking-web-dev-neu-001"
        },
      ]
      sql_server_name           = "sql-booking-dev-neu-e915"
      sql_private_endpoint_name = "pep-sql-booking-dev-neu-001"
      databases = [
        {
          name          = "bookings"
          database_name = "sqldb-booking-bookings-dev-neu-001"
        },
      ]
      secrets                                  = []
      secrets_officers                         = []
      container_apps                           = true
      container_apps_environment_name          = "cae-booking-dev-neu-001"
      container_registry_name                  = "crbookingdevneu6416"
      container_registry_private_endpoint_name = "pep-cr-booking-dev-neu-001"
    },
    {
      name                 = "shop"
      resource_group_name  = "rg-shop-dev-neu-001"
      virtual_network_name = "vnet-shop-dev-neu-001"
      tags = {
        costCenter = "CC-3310"
        owner      = "shop-team"
        workload   = "shop"
      }
      key_vault_name                  = "kv-shop-dev-neu-2f28"
      key_vault_private_endpoint_name = "pep-kv-shop-dev-neu-001"
      app_service_plan_name           = "asp-shop-dev-neu-001"
      application_insights_name       = "appi-shop-dev-neu-001"
      web_apps = [
        {
          name                     = "web"
          site_name                = "app-shop-web-dev-neu-ffa7"
          private_endpoint_name    = "pep-app-shop-web-dev-neu-001"
          front_door_endpoint_name = "fde-shop-web-dev-neu-001"
        },
        {
          name                     = "api"
          site_name                = "app-shop-api-dev-neu-1688"
          private_endpoint_name    = "pep-app-shop-api-dev-neu-001"
          front_door_endpoint_name = "fde-shop-api-dev-neu-001"
        },
      ]
      sql_server_name           = "sql-shop-dev-neu-f880"
      sql_private_endpoint_name = "pep-sql-shop-dev-neu-001"
      databases = [
        {
          name          = "catalog"
          database_name = "sqldb-shop-catalog-dev-neu-001"
        },
        {
          name          = "orders"
          database_name = "sqldb-shop-orders-dev-neu-001"
        },
      ]
      secrets                                  = ["payment-api-key"]
      secrets_officers                         = ["0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"]
      container_apps                           = false
      container_apps_environment_name          = ""
      container_registry_name                  = ""
      container_registry_private_endpoint_name = ""
    },
  ]
}

# vpn_shared_key_dublin_dc is a secret: export TF_VAR_vpn_shared_key_dublin_dc before plan and apply.
