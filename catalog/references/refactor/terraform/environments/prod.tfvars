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
  vpn_gateway                   = "vpng-hub-prod-neu-001"
  vpn_gateway_public_ip         = "pip-vpng-prod-neu-001"
  vpn_gateway_second_public_ip  = "pip-vpng-2-prod-neu-001"
  hub_to_spoke_route_table      = "rt-hub-gateway-prod-neu-001"
  front_door_profile            = "afd-edge-prod-neu-001"
  front_door_waf_policy         = "wafedgeprodneu001"
  database_migration_service    = "dms-sql-prod-neu-001"
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
  administrators                = ["6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"]
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
      name                        = "GatewaySubnet"
      address_prefix              = "10.70.0.192/27"
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
  bastion_address_prefix           = null
  spoke_dns_servers                = ["10.70.0.4"]
  link_private_dns_zones_to_spokes = false
}

private_dns_zones = ["privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net", "privatelink.database.windows.net", "privatelink.azurewebsites.net", "privatelink.azurecr.io"]

firewall = {
  enabled             = true
  tier                = "Premium"
  zone_redundant      = true
  threat_intel_mode   = "Deny"
  snat_private_ranges = []
  private_ip_address  = "10.70.0.4"
}

vpn_gateway = {
  enabled       = true
  sku           = "VpnGw2AZ"
  active_active = true
  asn           = 65515
  zones         = ["1", "2", "3"]
}

on_premises_sites = [
  {
    name                       = "dublin-dc"
    local_network_gateway_name = "lgw-dublin-dc-prod-neu-001"
    connection_name            = "con-dublin-dc-prod-neu-001"
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
        name                        = "snet-appservice"
        address_prefix              = "10.71.0.0/26"
        network_security_group_name = "nsg-shop-appservice-prod-neu-001"
        delegation                  = "Microsoft.Web/serverFarms"
      },
      {
        name                        = "snet-private-endpoints"
        address_prefix              = "10.71.0.64/26"
        network_security_group_name = "nsg-shop-private-endpoints-prod-neu-001"
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
        name                        = "snet-appservice"
        address_prefix              = "10.71.1.0/26"
        network_security_group_name = "nsg-booking-appservice-prod-neu-001"
        delegation                  = "Microsoft.Web/serverFarms"
      },
      {
        name                        = "snet-private-endpoints"
        address_prefix              = "10.71.1.64/26"
        network_security_group_name = "nsg-booking-private-endpoints-prod-neu-001"
      },
      {
        name                        = "snet-containerapps"
        address_prefix              = "10.71.1.128/26"
        network_security_group_name = "nsg-booking-containerapps-prod-neu-001"
        delegation                  = "Microsoft.App/environments"
      },
    ]
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
      name       = "BC_Gen5"
      tier       = "BusinessCritical"
      family     = "Gen5"
      capacity   = 2
      serverless = false
    }
    zone_redundant            = true
    backup_storage_redundancy = "GeoZone"
    administrator_login       = ""
    administrator_object_id   = ""
  }
  database_migration = true
  container_apps = {
    zone_redundant  = true
    subnet_prefixes = ["10.71.1.128/26"]
  }
  applications = [
    {
      name                 = "booking"
      resource_group_name  = "rg-booking-prod-neu-001"
      virtual_network_name = "vnet-booking-prod-neu-001"
      tags = {
        costCenter = "CC-3320"
        owner      = "booking-team"
        workload   = "booking"
      }
      key_vault_name                  = "kv-booking-prod-neu-e771"
      key_vault_private_endpoint_name = "pep-kv-booking-prod-neu-001"
      app_service_plan_name           = "asp-booking-prod-neu-001"
      application_insights_name       = "appi-booking-prod-neu-001"
      web_apps = [
        {
          name                     = "web"
          site_name                = "app-booking-web-prod-neu-5fb2"
          private_endpoint_name    = "pep-app-booking-web-prod-neu-001"
          front_door_endpoint_name = "fde-booking-web-prod-neu-001"
        },
      ]
      sql_server_name           = "sql-booking-prod-neu-cb8c"
      sql_private_endpoint_name = "pep-sql-booking-prod-neu-001"
      databases = [
        {
          name          = "bookings"
          database_name = "sqldb-booking-bookings-prod-neu-001"
        },
      ]
      secrets                                  = ["partner-api-key"]
      secrets_officers                         = []
      container_apps                           = true
      container_apps_environment_name          = "cae-booking-prod-neu-001"
      container_registry_name                  = "crbookingprodneue56d"
      container_registry_private_endpoint_name = "pep-cr-booking-prod-neu-001"
    },
    {
      name                 = "shop"
      resource_group_name  = "rg-shop-prod-neu-001"
      virtual_network_name = "vnet-shop-prod-neu-001"
      tags = {
        costCenter = "CC-3310"
        owner      = "shop-team"
        workload   = "shop"
      }
      key_vault_name                  = "kv-shop-prod-neu-a94b"
      key_vault_private_endpoint_name = "pep-kv-shop-prod-neu-001"
      app_service_plan_name           = "asp-shop-prod-neu-001"
      application_insights_name       = "appi-shop-prod-neu-001"
      web_apps = [
        {
          name                     = "web"
          site_name                = "app-shop-web-prod-neu-11ec"
          private_endpoint_name    = "pep-app-shop-web-prod-neu-001"
          front_door_endpoint_name = "fde-shop-web-prod-neu-001"
        },
        {
          name                     = "api"
          site_name                = "app-shop-api-prod-neu-1b17"
          private_endpoint_name    = "pep-app-shop-api-prod-neu-001"
          front_door_endpoint_name = "fde-shop-api-prod-neu-001"
        },
      ]
      sql_server_name           = "sql-shop-prod-neu-f9c7"
      sql_private_endpoint_name = "pep-sql-shop-prod-neu-001"
      databases = [
        {
          name          = "catalog"
          database_name = "sqldb-shop-catalog-prod-neu-001"
        },
        {
          name          = "orders"
          database_name = "sqldb-shop-orders-prod-neu-001"
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
