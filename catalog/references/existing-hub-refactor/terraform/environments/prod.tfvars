# prod (prod preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/prod.tfvars

location = "westeurope"

environment_name = "prod"

tags = {
  costCenter  = "CC-5200"
  environment = "prod"
  landingZone = "tailspin"
  owner       = "ticketing-team"
}

names = {
  management_resource_group  = "rg-management-prod-weu-001"
  security_resource_group    = "rg-security-prod-weu-001"
  log_analytics_workspace    = "log-management-prod-weu-001"
  key_vault                  = "kv-tailspi-prod-weu-c7be"
  key_vault_private_endpoint = "pep-kv-platform-prod-weu-001"
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
  bastion_address_prefix = null
  use_remote_gateways    = false
  private_dns_zone_ids = {
    "privatelink.azurewebsites.net"    = "/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-dns-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net"
    "privatelink.database.windows.net" = "/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-dns-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.database.windows.net"
    "privatelink.vaultcore.azure.net"  = "/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-dns-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"
  }
  private_endpoint_spoke_index = 0
  private_endpoint_spoke       = "tickets"
  private_endpoint_subnet      = "snet-private-endpoints"
  spoke_dns_servers            = ["10.210.0.68"]
  peering_name_prefix          = "peer-hub-to-tailspin-prod"
}

spokes = [
  {
    name                 = "tickets"
    resource_group_name  = "rg-tickets-prod-weu-001"
    virtual_network_name = "vnet-tickets-prod-weu-001"
    route_table_name     = "rt-tickets-prod-weu-001"
    address_prefixes     = ["10.212.0.0/24"]
    tags = {
      costCenter = "CC-5210"
      owner      = "ticketing-team"
      workload   = "tickets"
    }
    subnets = [
      {
        name                        = "snet-appservice"
        address_prefix              = "10.212.0.0/26"
        network_security_group_name = "nsg-tickets-appservice-prod-weu-001"
        delegation                  = "Microsoft.Web/serverFarms"
      },
      {
        name                        = "snet-private-endpoints"
        address_prefix              = "10.212.0.64/26"
        network_security_group_name = "nsg-tickets-private-endpoints-prod-weu-001"
      },
      {
        name                        = "snet-appgateway"
        address_prefix              = "10.212.0.192/26"
        network_security_group_name = "nsg-tickets-appgateway-prod-weu-001"
      },
    ]
  },
  {
    name                 = "partners"
    resource_group_name  = "rg-partners-prod-weu-001"
    virtual_network_name = "vnet-partners-prod-weu-001"
    route_table_name     = "rt-partners-prod-weu-001"
    address_prefixes     = ["10.212.1.0/24"]
    tags = {
      costCenter = "CC-5220"
      owner      = "partner-team"
      workload   = "partners"
    }
    subnets = [
      {
        name                        = "snet-appservice"
        address_prefix              = "10.212.1.0/26"
        network_security_group_name = "nsg-partners-appservice-prod-weu-001"
        delegation                  = "Microsoft.Web/serverFarms"
      },
      {
        name                        = "snet-private-endpoints"
        address_prefix              = "10.212.1.64/26"
        network_security_group_name = "nsg-partners-private-endpoints-prod-weu-001"
      },
      {
        name                        = "snet-appgateway"
        address_prefix              = "10.212.1.192/26"
        network_security_group_name = "nsg-partners-appgateway-prod-weu-001"
      },
    ]
  },
]

paas = {
  enabled    = true
  front_door = false
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
      name                 = "partners"
      resource_group_name  = "rg-partners-prod-weu-001"
      virtual_network_name = "vnet-partners-prod-weu-001"
      tags = {
        costCenter = "CC-5220"
        owner      = "partner-team"
        workload   = "partners"
      }
      key_vault_name                  = "kv-partner-prod-weu-9f1e"
      key_vault_private_endpoint_name = "pep-kv-partners-prod-weu-001"
      app_service_plan_name           = "asp-partners-prod-weu-001"
      application_insights_name       = "appi-partners-prod-weu-001"
      web_apps = [
        {
          name                     = "api"
          site_name                = "app-partners-api-prod-weu-58a5"
          private_endpoint_name    = "pep-app-partners-api-prod-weu-001"
          front_door_endpoint_name = ""
        },
      ]
      sql_server_name           = "sql-partners-prod-weu-566e"
      sql_private_endpoint_name = "pep-sql-partners-prod-weu-001"
      databases = [
        {
          name          = "partners"
          database_name = "sqldb-partners-partners-prod-weu-001"
        },
      ]
      secrets                                  = []
      secrets_officers                         = []
      container_apps                           = false
      container_apps_environment_name          = ""
      container_registry_name                  = ""
      container_registry_private_endpoint_name = ""
      application_gateway_name                 = "agw-partners-prod-weu-001"
      application_gateway_public_ip_name       = "pip-agw-partners-prod-weu-001"
      application_gateway_waf_policy_name      = "wafagwpartnersprodweu001"
      application_gateway_identity_name        = "id-agw-partners-prod-weu-001"
      certificate_secret_id                    = "https://kv-tailspin-certs.vault.azure.net/secrets/partners-tls"
    },
    {
      name                 = "tickets"
      resource_group_name  = "rg-tickets-prod-weu-001"
      virtual_network_name = "vnet-tickets-prod-weu-001"
      tags = {
        costCenter = "CC-5210"
        owner      = "ticketing-team"
        workload   = "tickets"
      }
      key_vault_name                  = "kv-tickets-prod-weu-1ea1"
      key_vault_private_endpoint_name = "pep-kv-tickets-prod-weu-001"
      app_service_plan_name           = "asp-tickets-prod-weu-001"
      application_insights_name       = "appi-tickets-prod-weu-001"
      web_apps = [
        {
          name                     = "web"
          site_name                = "app-tickets-web-prod-weu-2bdb"
          private_endpoint_name    = "pep-app-tickets-web-prod-weu-001"
          front_door_endpoint_name = ""
        },
      ]
      sql_server_name           = "sql-tickets-prod-weu-70f2"
      sql_private_endpoint_name = "pep-sql-tickets-prod-weu-001"
      databases = [
        {
          name          = "tickets"
          database_name = "sqldb-tickets-tickets-prod-weu-001"
        },
      ]
      secrets                                  = ["payment-api-key"]
      secrets_officers                         = []
      container_apps                           = false
      container_apps_environment_name          = ""
      container_registry_name                  = ""
      container_registry_private_endpoint_name = ""
      application_gateway_name                 = "agw-tickets-prod-weu-001"
      application_gateway_public_ip_name       = "pip-agw-tickets-prod-weu-001"
      application_gateway_waf_policy_name      = "wafagwticketsprodweu001"
      application_gateway_identity_name        = "id-agw-tickets-prod-weu-001"
      certificate_secret_id                    = "https://kv-tailspin-certs.vault.azure.net/secrets/tickets-tls"
    },
  ]
  application_gateway = {
    enabled                  = true
    application_indexes      = [0, 1]
    certificate_key_vault_id = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-tailspin-certs"
    zones                    = ["1", "2", "3"]
    min_capacity             = 2
    max_capacity             = 10
  }
}
