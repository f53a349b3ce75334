# Platform hub prod (prod preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=prod.tfvars

# The subscription prod deploys into.
subscription_id = "8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f"

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
  connectivity_resource_group    = "rg-connectivity-prod-weu-001"
  management_resource_group      = "rg-management-prod-weu-001"
  log_analytics_workspace        = "log-management-prod-weu-001"
  hub_virtual_network            = "vnet-hub-prod-weu-001"
  firewall                       = "afw-hub-prod-weu-001"
  firewall_policy                = "afwp-hub-prod-weu-001"
  firewall_public_ip             = "pip-firewall-prod-weu-001"
  firewall_management_public_ip  = "pip-firewall-mgmt-prod-weu-001"
  bastion                        = "bas-hub-prod-weu-001"
  bastion_public_ip              = "pip-bastion-prod-weu-001"
  vpn_gateway                    = "vpng-hub-prod-weu-001"
  vpn_gateway_public_ip          = "pip-vpng-prod-weu-001"
  vpn_gateway_second_public_ip   = "pip-vpng-2-prod-weu-001"
  dns_resolver                   = "dnspr-hub-prod-weu-001"
  dns_resolver_inbound_endpoint  = "in-hub-prod-weu-001"
  dns_resolver_outbound_endpoint = "out-hub-prod-weu-001"
  dns_forwarding_ruleset         = "dnsfrs-onprem-prod-weu-001"
  hub_to_spoke_route_table       = "rt-hub-gateway-prod-weu-001"
}

log_analytics = {
  retention_in_days = 90
  daily_quota_gb    = -1
}

lock = null

hub_network = {
  address_prefixes = ["10.0.0.0/22"]
  dns_servers      = []
  subnets = [
    {
      name                        = "AzureFirewallSubnet"
      address_prefix              = "10.0.0.0/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "AzureBastionSubnet"
      address_prefix              = "10.0.0.128/26"
      network_security_group_name = "nsg-hub-bastion-prod-weu-001"
      delegation                  = null
    },
    {
      name                        = "GatewaySubnet"
      address_prefix              = "10.0.0.192/27"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "snet-dns-inbound"
      address_prefix              = "10.0.0.224/28"
      network_security_group_name = "nsg-hub-dns-inbound-prod-weu-001"
      delegation                  = "Microsoft.Network/dnsResolvers"
    },
    {
      name                        = "snet-dns-outbound"
      address_prefix              = "10.0.0.240/28"
      network_security_group_name = "nsg-hub-dns-outbound-prod-weu-001"
      delegation                  = "Microsoft.Network/dnsResolvers"
    },
    {
      name                        = "snet-management"
      address_prefix              = "10.0.1.0/26"
      network_security_group_name = "nsg-hub-management-prod-weu-001"
      delegation                  = null
    },
  ]
  bastion_address_prefix = "10.0.0.128/26"
}

private_dns_zones = ["privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net", "privatelink.azurewebsites.net", "privatelink.database.windows.net"]

firewall = {
  enabled             = true
  tier                = "Standard"
  zone_redundant      = true
  threat_intel_mode   = "Deny"
  snat_private_ranges = []
  private_ip_address  = "10.0.0.4"
}

bastion = {
  enabled     = true
  sku         = "Standard"
  scale_units = 2
  file_copy   = false
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
    name                       = "amsterdam-dc"
    local_network_gateway_name = "lgw-amsterdam-dc-prod-weu-001"
    connection_name            = "con-amsterdam-dc-prod-weu-001"
    gateway_address            = "203.0.113.10"
    address_prefixes           = ["192.168.0.0/16"]
    bgp_peering_address        = null
    asn                        = null
  },
]

on_premises_address_prefixes = ["192.168.0.0/16"]

dns_resolver = {
  enabled            = true
  inbound_ip_address = "10.0.0.228"
  forwarding_rules = [
    {
      domain             = "corp.contoso.com."
      target_dns_servers = ["192.168.10.10", "192.168.10.11"]
    },
  ]
}

attached_spoke_address_prefixes = ["10.1.0.0/24", "10.1.1.0/24"]

attached_rule_collection_groups = [
  {
    name        = "rcg-prod-workloads"
    environment = "prod"
    priority    = 1100
    network_rule_collections = [
      {
        name     = "net-prod-rehost-allow"
        priority = 100
        rules = [
          {
            name                  = "AllowAzureBackup"
            description           = "The VM backup extension talks to Azure Backup."
            ip_protocols          = ["TCP"]
            source_addresses      = ["10.1.0.0/24", "10.1.1.0/24"]
            destination_addresses = ["AzureBackup"]
            destination_ports     = ["443"]
          },
          {
            name                  = "AllowEntraId"
            description           = "Backup, Site Recovery and the Azure Monitor agent sign in with Entra ID."
            ip_protocols          = ["TCP"]
            source_addresses      = ["10.1.0.0/24", "10.1.1.0/24"]
            destination_addresses = ["AzureActiveDirectory"]
            destination_ports     = ["443"]
          },
          {
            name                  = "AllowStorage"
            description           = "Backup snapshots and the Site Recovery cache are written to Azure Storage."
            ip_protocols          = ["TCP"]
            source_addresses      = ["10.1.0.0/24", "10.1.1.0/24"]
            destination_addresses = ["Storage"]
            destination_ports     = ["443"]
          },
          {
            name                  = "AllowGuestAndHybridManagement"
            description           = "Update Manager and VM extensions are driven through the guest management service."
            ip_protocols          = ["TCP"]
            source_addresses      = ["10.1.0.0/24", "10.1.1.0/24"]
            destination_addresses = ["GuestAndHybridManagement"]
            destination_ports     = ["443"]
          },
        ]
      },
    ]
    application_rule_collections = [
      {
        name     = "app-prod-rehost-allow"
        priority = 200
        rules = [
          {
            name             = "AllowUbuntuPackages"
            description      = "Update Manager patches Ubuntu servers from the Ubuntu archives; add the repositories of other distributions here."
            source_addresses = ["10.1.0.0/24", "10.1.1.0/24"]
            target_fqdns     = ["azure.archive.ubuntu.com", "archive.ubuntu.com", "security.ubuntu.com"]
            protocols = [
              {
                protocol_type = "Http"
                port          = 80
              },
              {
                protocol_type = "Https"
                port          = 443
              },
            ]
          },
        ]
      },
    ]
  },
]

# vpn_shared_key_amsterdam_dc is a secret: export TF_VAR_vpn_shared_key_amsterdam_dc before plan and apply.
