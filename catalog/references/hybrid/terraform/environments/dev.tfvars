# dev (dev preset) values, rendered by meg 0.1.0.
#   terraform plan -var-file=environments/dev.tfvars

# The subscription dev deploys into.
subscription_id = "8b2d4f60-1c3e-4a7b-b5d9-0e6f2a8c4d17"

location = "westeurope"

environment_name = "dev"

tags = {
  costCenter         = "CC-1042"
  dataClassification = "internal"
  environment        = "dev"
  landingZone        = "contoso"
  owner              = "platform-team"
}

names = {
  connectivity_resource_group             = "rg-connectivity-dev-weu-001"
  management_resource_group               = "rg-management-dev-weu-001"
  security_resource_group                 = "rg-security-dev-weu-001"
  log_analytics_workspace                 = "log-management-dev-weu-001"
  key_vault                               = "kv-contoso-dev-weu-f59d"
  key_vault_private_endpoint              = "pep-kv-platform-dev-weu-001"
  hub_virtual_network                     = "vnet-hub-dev-weu-001"
  firewall                                = "afw-hub-dev-weu-001"
  firewall_policy                         = "afwp-hub-dev-weu-001"
  firewall_public_ip                      = "pip-firewall-dev-weu-001"
  firewall_management_public_ip           = "pip-firewall-mgmt-dev-weu-001"
  bastion                                 = "bas-hub-dev-weu-001"
  bastion_public_ip                       = "pip-bastion-dev-weu-001"
  vpn_gateway                             = "vpng-hub-dev-weu-001"
  vpn_gateway_public_ip                   = "pip-vpng-dev-weu-001"
  vpn_gateway_second_public_ip            = "pip-vpng-2-dev-weu-001"
  express_route_gateway                   = "ergw-hub-dev-weu-001"
  express_route_connection                = "con-er-dev-weu-001"
  dns_resolver                            = "dnspr-hub-dev-weu-001"
  dns_resolver_inbound_endpoint           = "in-hub-dev-weu-001"
  dns_resolver_outbound_endpoint          = "out-hub-dev-weu-001"
  dns_forwarding_ruleset                  = "dnsfrs-onprem-dev-weu-001"
  arc_private_link_scope                  = "pls-arc-dev-weu-001"
  arc_private_link_scope_private_endpoint = "pep-arc-dev-weu-001"
  hub_to_spoke_route_table                = "rt-hub-gateway-dev-weu-001"
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
  address_prefixes = ["10.100.0.0/22"]
  dns_servers      = []
  subnets = [
    {
      name                        = "AzureFirewallSubnet"
      address_prefix              = "10.100.0.0/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "AzureFirewallManagementSubnet"
      address_prefix              = "10.100.0.64/26"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "AzureBastionSubnet"
      address_prefix              = "10.100.0.128/26"
      network_security_group_name = "nsg-hub-bastion-dev-weu-001"
      delegation                  = null
    },
    {
      name                        = "GatewaySubnet"
      address_prefix              = "10.100.0.192/27"
      network_security_group_name = null
      delegation                  = null
    },
    {
      name                        = "snet-dns-inbound"
      address_prefix              = "10.100.0.224/28"
      network_security_group_name = "nsg-hub-dns-inbound-dev-weu-001"
      delegation                  = "Microsoft.Network/dnsResolvers"
    },
    {
      name                        = "snet-dns-outbound"
      address_prefix              = "10.100.0.240/28"
      network_security_group_name = "nsg-hub-dns-outbound-dev-weu-001"
      delegation                  = "Microsoft.Network/dnsResolvers"
    },
    {
      name                        = "snet-management"
      address_prefix              = "10.100.1.0/26"
      network_security_group_name = "nsg-hub-management-dev-weu-001"
      delegation                  = null
    },
  ]
  bastion_address_prefix           = "10.100.0.128/26"
  spoke_dns_servers                = ["10.100.0.228"]
  link_private_dns_zones_to_spokes = false
}

private_dns_zones = ["privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net", "privatelink.his.arc.azure.com", "privatelink.guestconfiguration.azure.com"]

firewall = {
  enabled             = true
  tier                = "Basic"
  zone_redundant      = false
  threat_intel_mode   = "Alert"
  snat_private_ranges = []
  private_ip_address  = "10.100.0.4"
}

bastion = {
  enabled     = true
  sku         = "Basic"
  scale_units = 2
  file_copy   = false
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
    name                       = "amsterdam-dc"
    local_network_gateway_name = "lgw-amsterdam-dc-dev-weu-001"
    connection_name            = "con-amsterdam-dc-dev-weu-001"
    gateway_address            = "203.0.113.10"
    address_prefixes           = ["192.168.0.0/16"]
    bgp_peering_address        = null
    asn                        = null
  },
]

on_premises_address_prefixes = ["192.168.0.0/16"]

express_route = {
  enabled                         = false
  sku                             = "ErGw1AZ"
  circuit_id                      = null
  circuit_in_another_subscription = false
}

dns_resolver = {
  enabled            = true
  inbound_ip_address = "10.100.0.228"
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
    resource_group_name  = "rg-erp-dev-weu-001"
    virtual_network_name = "vnet-erp-dev-weu-001"
    route_table_name     = "rt-erp-dev-weu-001"
    address_prefixes     = ["10.101.0.0/24"]
    tags = {
      workload = "erp"
    }
    subnets = [
      {
        name                        = "snet-workload"
        address_prefix              = "10.101.0.0/25"
        network_security_group_name = "nsg-erp-workload-dev-weu-001"
      },
    ]
  },
]

# vpn_shared_key_amsterdam_dc is a secret: export TF_VAR_vpn_shared_key_amsterdam_dc before plan and apply.
