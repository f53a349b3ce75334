# prod (prod preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/prod.tfvars

# The subscription prod deploys into.
subscription_id = "c4e81a27-9f3d-4b6c-8e02-5d7a1b3f9e64"

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
  connectivity_resource_group             = "rg-connectivity-prod-weu-001"
  management_resource_group               = "rg-management-prod-weu-001"
  security_resource_group                 = "rg-security-prod-weu-001"
  log_analytics_workspace                 = "log-management-prod-weu-001"
  key_vault                               = "kv-contoso-prod-weu-2d4d"
  key_vault_private_endpoint              = "pep-kv-platform-prod-weu-001"
  hub_virtual_network                     = "vnet-hub-prod-weu-001"
  firewall                                = "afw-hub-prod-weu-001"
  firewall_policy                         = "afwp-hub-prod-weu-001"
  firewall_public_ip                      = "pip-firewall-prod-weu-001"
  firewall_management_public_ip           = "pip-firewall-mgmt-prod-weu-001"
  bastion                                 = "bas-hub-prod-weu-001"
  bastion_public_ip                       = "pip-bastion-prod-weu-001"
  vpn_gateway                             = "vpng-hub-prod-weu-001"
  vpn_gateway_public_ip                   = "pip-vpng-prod-weu-001"
  vpn_gateway_second_public_ip            = "pip-vpng-2-prod-weu-001"
  express_route_gateway                   = "ergw-hub-prod-weu-001"
  express_route_connection                = "con-er-prod-weu-001"
  dns_resolver                            = "dnspr-hub-prod-weu-001"
  dns_resolver_inbound_endpoint           = "in-hub-prod-weu-001"
  dns_resolver_outbound_endpoint          = "out-hub-prod-weu-001"
  dns_forwarding_ruleset                  = "dnsfrs-onprem-prod-weu-001"
  arc_private_link_scope                  = "pls-arc-prod-weu-001"
  arc_private_link_scope_private_endpoint = "pep-arc-prod-weu-001"
  hub_to_spoke_route_table                = "rt-hub-gateway-prod-weu-001"
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
  bastion_address_prefix           = "10.0.0.128/26"
  spoke_dns_servers                = ["10.0.0.228"]
  link_private_dns_zones_to_spokes = false
}

private_dns_zones = ["privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net", "privatelink.his.arc.azure.com", "privatelink.guestconfiguration.azure.com"]

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

express_route = {
  enabled                         = true
  sku                             = "ErGw1AZ"
  circuit_id                      = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-connectivity-shared/providers/Microsoft.Network/expressRouteCircuits/erc-contoso-ams"
  circuit_in_another_subscription = false
}

dns_resolver = {
  enabled            = true
  inbound_ip_address = "10.0.0.228"
  forwarding_rules = [
    {
      domain             = "corp.contoso.com."
      target_dns_servers = ["192.168.10.10", "192.168.10.11"]
    },
    {
      domain             = "ad.contoso.com."
      target_dns_servers = ["192.168.10.10", "192.168.10.11"]
    },
  ]
}

arc_private_link_scope = {
  enabled = true
}

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
        name                        = "snet-app"
        address_prefix              = "10.1.0.0/25"
        network_security_group_name = "nsg-erp-app-prod-weu-001"
      },
      {
        name                        = "snet-data"
        address_prefix              = "10.1.0.128/26"
        network_security_group_name = "nsg-erp-data-prod-weu-001"
      },
    ]
  },
  {
    name                 = "fileshare"
    resource_group_name  = "rg-fileshare-prod-weu-001"
    virtual_network_name = "vnet-fileshare-prod-weu-001"
    route_table_name     = "rt-fileshare-prod-weu-001"
    address_prefixes     = ["10.2.0.0/24"]
    tags = {
      workload = "fileshare"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.2.0.0/25"
        network_security_group_name = "nsg-fileshare-workload-prod-weu-001"
      },
    ]
  },
]

# vpn_shared_key_amsterdam_dc is a secret: export TF_VAR_vpn_shared_key_amsterdam_dc before plan and apply.
