// dev (dev preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location westeurope --template-file ../main.bicep --parameters dev.bicepparam
using '../main.bicep'

param location = 'westeurope'

param environmentName = 'dev'

param tags = {
  costCenter: 'CC-1042'
  dataClassification: 'internal'
  environment: 'dev'
  landingZone: 'contoso'
  owner: 'platform-team'
}

param names = {
  connectivityResourceGroup: 'rg-connectivity-dev-weu-001'
  managementResourceGroup: 'rg-management-dev-weu-001'
  securityResourceGroup: 'rg-security-dev-weu-001'
  logAnalyticsWorkspace: 'log-management-dev-weu-001'
  keyVault: 'kv-contoso-dev-weu-f59d'
  keyVaultPrivateEndpoint: 'pep-kv-platform-dev-weu-001'
  hubVirtualNetwork: 'vnet-hub-dev-weu-001'
  firewall: 'afw-hub-dev-weu-001'
  firewallPolicy: 'afwp-hub-dev-weu-001'
  firewallPublicIp: 'pip-firewall-dev-weu-001'
  firewallManagementPublicIp: 'pip-firewall-mgmt-dev-weu-001'
  bastion: 'bas-hub-dev-weu-001'
  bastionPublicIp: 'pip-bastion-dev-weu-001'
  vpnGateway: 'vpng-hub-dev-weu-001'
  vpnGatewayPublicIp: 'pip-vpng-dev-weu-001'
  vpnGatewaySecondPublicIp: 'pip-vpng-2-dev-weu-001'
  expressRouteGateway: 'ergw-hub-dev-weu-001'
  expressRouteConnection: 'con-er-dev-weu-001'
  dnsResolver: 'dnspr-hub-dev-weu-001'
  dnsResolverInboundEndpoint: 'in-hub-dev-weu-001'
  dnsResolverOutboundEndpoint: 'out-hub-dev-weu-001'
  dnsForwardingRuleset: 'dnsfrs-onprem-dev-weu-001'
  arcPrivateLinkScope: 'pls-arc-dev-weu-001'
  arcPrivateLinkScopePrivateEndpoint: 'pep-arc-dev-weu-001'
  hubToSpokeRouteTable: 'rt-hub-gateway-dev-weu-001'
}

param logAnalytics = {
  retentionInDays: 30
  dailyQuotaGb: 5
}

param lock = null

param keyVault = {
  sku: 'standard'
  enablePurgeProtection: false
  softDeleteRetentionInDays: 7
  privateEndpoint: true
  administrators: []
}

param hubNetwork = {
  addressPrefixes: [
    '10.100.0.0/22'
  ]
  dnsServers: []
  subnets: [
    {
      name: 'AzureFirewallSubnet'
      addressPrefix: '10.100.0.0/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureFirewallManagementSubnet'
      addressPrefix: '10.100.0.64/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureBastionSubnet'
      addressPrefix: '10.100.0.128/26'
      networkSecurityGroupName: 'nsg-hub-bastion-dev-weu-001'
      delegation: null
    }
    {
      name: 'GatewaySubnet'
      addressPrefix: '10.100.0.192/27'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'snet-dns-inbound'
      addressPrefix: '10.100.0.224/28'
      networkSecurityGroupName: 'nsg-hub-dns-inbound-dev-weu-001'
      delegation: 'Microsoft.Network/dnsResolvers'
    }
    {
      name: 'snet-dns-outbound'
      addressPrefix: '10.100.0.240/28'
      networkSecurityGroupName: 'nsg-hub-dns-outbound-dev-weu-001'
      delegation: 'Microsoft.Network/dnsResolvers'
    }
    {
      name: 'snet-management'
      addressPrefix: '10.100.1.0/26'
      networkSecurityGroupName: 'nsg-hub-management-dev-weu-001'
      delegation: null
    }
  ]
  bastionAddressPrefix: '10.100.0.128/26'
  spokeDnsServers: [
    '10.100.0.228'
  ]
  linkPrivateDnsZonesToSpokes: false
}

param privateDnsZones = [
  'privatelink.vaultcore.azure.net'
  'privatelink.blob.core.windows.net'
  'privatelink.his.arc.azure.com'
  'privatelink.guestconfiguration.azure.com'
]

param firewall = {
  enabled: true
  tier: 'Basic'
  zoneRedundant: false
  threatIntelMode: 'Alert'
  snatPrivateRanges: []
  privateIpAddress: '10.100.0.4'
}

param bastion = {
  enabled: true
  sku: 'Basic'
  scaleUnits: 2
  fileCopy: false
}

param vpnGateway = {
  enabled: true
  sku: 'VpnGw1AZ'
  activeActive: false
  asn: 65515
  zones: [
    '1'
    '2'
    '3'
  ]
}

param onPremisesSites = [
  {
    name: 'amsterdam-dc'
    localNetworkGatewayName: 'lgw-amsterdam-dc-dev-weu-001'
    connectionName: 'con-amsterdam-dc-dev-weu-001'
    gatewayAddress: '203.0.113.10'
    addressPrefixes: [
      '192.168.0.0/16'
    ]
    bgpPeeringAddress: null
    asn: null
  }
]

param onPremisesAddressPrefixes = [
  '192.168.0.0/16'
]

param expressRoute = {
  enabled: false
  sku: 'ErGw1AZ'
  circuitId: null
  circuitInAnotherSubscription: false
}

param dnsResolver = {
  enabled: true
  inboundIpAddress: '10.100.0.228'
  forwardingRules: [
    {
      domain: 'corp.contoso.com.'
      targetDnsServers: [
        '192.168.10.10'
        '192.168.10.11'
      ]
    }
    {
      domain: 'ad.contoso.com.'
      targetDnsServers: [
        '192.168.10.10'
        '192.168.10.11'
      ]
    }
  ]
}

param arcPrivateLinkScope = {
  enabled: true
}

param spokes = [
  {
    name: 'erp'
    resourceGroupName: 'rg-erp-dev-weu-001'
    virtualNetworkName: 'vnet-erp-dev-weu-001'
    routeTableName: 'rt-erp-dev-weu-001'
    addressPrefixes: [
      '10.101.0.0/24'
    ]
    tags: {
      workload: 'erp'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.101.0.0/25'
        networkSecurityGroupName: 'nsg-erp-workload-dev-weu-001'
      }
    ]
  }
]

// Secret: read from the environment at deploy time, never stored in this file.
param vpnSharedKey_amsterdam_dc = readEnvironmentVariable('VPN_SHARED_KEY_AMSTERDAM_DC')
