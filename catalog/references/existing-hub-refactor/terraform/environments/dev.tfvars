# dev (dev preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/dev.tfvars

location = "westeurope"

environment_name = "dev"

tags = {
  costCenter  = "CC-5200"
  environment = "dev"
  landingZone = "tailspin"
  owner       = "ticketing-team"
}

names = {
  management_resource_group  = "rg-management-dev-weu-001"
  security_resource_group    = "rg-security-dev-weu-001"
  log_analytics_workspace    = "log-management-dev-weu-001"
  key_vault                  = "kv-tailspin-dev-weu-53c1"
  key_vault_private_endpoint = "pep-kv-platform-dev-weu-001"
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
  bastion_address_prefix = null
  use_remote_gateways    = false
  private_dns_zone_ids = {
    "privatelink.azurewebsites.net"    = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net"
    "privatelink.database.windows.net" = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.database.windows.net"
    "privatelink.vaultcore.azure.net"  = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"
  }
  private_endpoint_spoke_index = 0
  private_endpoint_spoke       = "tickets"
  private_endpoint_subnet      = "snet-private-endpoints"
  spoke_dns_servers            = ["10.200.0.68"]
  peering_name_prefix          = "peer-hub-to-tailspin-dev"
}

spokes = [
  {
    name                 = "tickets"
    resource_group_name  = "rg-tickets-dev-weu-001"
    virtual_network_name = "vnet-tickets-dev-weu-001"
    route_table_name     = "rt-tickets-dev-weu-001"
    address_prefixes     = ["10.202.0.0/24"]
    tags = {
      costCenter = "CC-5210"
      owner      = "ticketing-team"
      workload   = "tickets"
    }
    subnets = [
      {
        name                        = "snet-appservice"
        address_prefix              = "10.202.0.0/26"
        network_security_group_name = "nsg-tickets-appservice-dev-weu-001"
        delegation                  = "Microsoft.Web/serverFarms"
      },
      {
        name                        = "snet-private-endpoints"
        address_prefix              = "10.202.0.64/26"
        network_security_group_name = "nsg-tickets-private-endpoints-dev-weu-001"
      },
      {
        name                        = "snet-appgateway"
        address_prefix              = "10.202.0.192/26"
        network_security_group_name = "nsg-tickets-appgateway-dev-weu-001"
      },
    ]
  },
  {
    name                 = "partners"
    resource_group_name  = "rg-partners-dev-weu-001"
    virtual_network_name = "vnet-partners-dev-weu-001"
    route_table_name     = "rt-partners-dev-weu-001"
    address_prefixes     = ["10.202.1.0/24"]
    tags = {
      costCenter = "CC-5220"
      owner      = "partner-team"
      workload   = "partners"
    }
    subnets = [
      {
        name                        = "snet-appservice"
        address_prefix              = "10.202.1.0/26"
        network_security_group_name = "nsg-partners-appservice-dev-weu-001"
        delegation                  = "Microsoft.Web/serverFarms"
      },
      {
        name                        = "snet-private-endpoints"
        address_prefix              = "10.202.1.64/26"
        network_security_group_name = "nsg-partners-private-endpoints-dev-weu-001"
      },
      {
        name                        = "snet-appgateway"
        address_prefix              = "10.202.1.192/26"
        network_security_group_name = "nsg-partners-appgateway-dev-weu-001"
      },
    ]
  },
]

paas = {
  enabled    = true
  front_door = false
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
      name                 = "partners"
      resource_group_name  = "rg-partners-dev-weu-001"
      virtual_network_name = "vnet-partners-dev-weu-001"
      tags = {
        costCenter = "CC-5220"
        owner      = "partner-team"
        workload   = "partners"
      }
      key_vault_name                  = "kv-partners-dev-weu-8864"
      key_vault_private_endpoint_name = "pep-kv-partners-dev-weu-001"
      app_service_plan_name           = "asp-partners-dev-weu-001"
      application_insights_name       = "appi-partners-dev-weu-001"
      web_apps = [
        {
          name                     = "api"
          site_name                = "app-partners-api-dev-weu-41f5"
          private_endpoint_name    = "pep-app-partners-api-dev-weu-001"
          front_door_endpoint_name = ""
        },
      ]
      sql_server_name           = "sql-partners-dev-weu-7b95"
      sql_private_endpoint_name = "pep-sql-partners-dev-weu-001"
      databases = [
        {
          name          = "partners"
          database_name = "sqldb-partners-partners-dev-weu-001"
        },
      ]
      secrets                                  = []
      secrets_officers                         = []
      container_apps                           = false
      container_apps_environment_name          = ""
      container_registry_name                  = ""
      container_registry_private_endpoint_name = ""
      application_gateway_name                 = "agw-partners-dev-weu-001"
      application_gateway_public_ip_name       = "pip-agw-partners-dev-weu-001"
      application_gateway_waf_policy_name      = "wafagwpartnersdevweu001"
      application_gateway_identity_name        = "id-agw-partners-dev-weu-001"
      certificate_secret_id                    = "https://kv-tailspin-certs.vault.azure.net/secrets/partners-tls"
    },
    {
      name                 = "tickets"
      resource_group_name  = "rg-tickets-dev-weu-001"
      virtual_network_name = "vnet-tickets-dev-weu-001"
      tags = {
        costCenter = "CC-5210"
        owner      = "ticketing-team"
        workload   = "tickets"
      }
      key_vault_name                  = "kv-tickets-dev-weu-e0f1"
      key_vault_private_endpoint_name = "pep-kv-tickets-dev-weu-001"
      app_service_plan_name           = "asp-tickets-dev-weu-001"
      application_insights_name       = "appi-tickets-dev-weu-001"
      web_apps = [
        {
          name                     = "web"
          site_name                = "app-tickets-web-dev-weu-27b6"
          private_endpoint_name    = "pep-app-tickets-web-dev-weu-001"
          front_door_endpoint_name = ""
        },
      ]
      sql_server_name           = "sql-tickets-dev-weu-d7a8"
      sql_private_endpoint_name = "pep-sql-tickets-dev-weu-001"
      databases = [
        {
          name          = "tickets"
          database_name = "sqldb-tickets-tickets-dev-weu-001"
        },
      ]
      secrets                                  = ["payment-api-key"]
      secrets_officers                         = []
      container_apps                           = false
      container_apps_environment_name          = ""
      container_registry_name                  = ""
      container_registry_private_endpoint_name = ""
      application_gateway_name                 = "agw-tickets-dev-weu-001"
      application_gateway_public_ip_name       = "pip-agw-tickets-dev-weu-001"
      application_gateway_waf_policy_name      = "wafagwticketsdevweu001"
      application_gateway_identity_name        = "id-agw-tickets-dev-weu-001"
      certificate_secret_id                    = "https://kv-tailspin-certs.vault.azure.net/secrets/tickets-tls"
    },
  ]
  application_gateway = {
    enabled                  = true
    application_indexes      = [0, 1]
    certificate_key_vault_id = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-tailspin-certs"
    zones                    = []
    min_capacity             = 1
    max_capacity             = 2
  }
}
