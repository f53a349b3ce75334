// prod (prod preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location westeurope --template-file ../main.bicep --parameters prod.bicepparam
using '../main.bicep'

param location = 'westeurope'

param environmentName = 'prod'

param tags = {
  costCenter: 'CC-1042'
  dataClassification: 'internal'
  environment: 'prod'
  landingZone: 'contoso'
  owner: 'platform-team'
}

param names = {
  connectivityResourceGroup: 'rg-connectivity-prod-weu-001'
  managementResourceGroup: 'rg-management-prod-weu-001'
  securityResourceGroup: 'rg-security-prod-weu-001'
  logAnalyticsWorkspace: 'log-management-prod-weu-001'
  keyVault: 'kv-contoso-prod-weu-2d4d'
  keyVaultPrivateEndpoint: 'pep-kv-platform-prod-weu-001'
  hubVirtualNetwork: 'vnet-hub-prod-weu-001'
  firewall: 'afw-hub-prod-weu-001'
  firewallPolicy: 'afwp-hub-prod-weu-001'
  firewallPublicIp: 'pip-firewall-prod-weu-001'
  firewallManagementPublicIp: 'pip-firewall-mgmt-prod-weu-001'
  bastion: 'bas-hub-prod-weu-001'
  bastionPublicIp: 'pip-bastion-prod-weu-001'
  vpnGateway: 'vpng-hub-prod-weu-001'
  vpnGatewayPublicIp: 'pip-vpng-prod-weu-001'
  vpnGatewaySecondPublicIp: 'pip-vpng-2-prod-weu-001'
  expressRouteGateway: 'ergw-hub-prod-weu-001'
  expressRouteConnection: 'con-er-prod-weu-001'
  dnsResolver: 'dnspr-hub-prod-weu-001'
  dnsResolverInboundEndpoint: 'in-hub-prod-weu-001'
  dnsResolverOutboundEndpoint: 'out-hub-prod-weu-001'
  dnsForwardingRuleset: 'dnsfrs-onprem-prod-weu-001'
  arcPrivateLinkScope: 'pls-arc-prod-weu-001'
  arcPrivateLinkScopePrivateEndpoint: 'pep-arc-prod-weu-001'
  hubToSpokeRouteTable: 'rt-hub-gateway-prod-weu-001'
}

param logAnalytics = {
  retentionInDays: 90
  dailyQuotaGb: -1
}

param lock = null

param keyVault = {
  sku: 'standard'
  enablePurgeProtection: true
  softDeleteRetentionInDays: 90
  privateEndpoint: true
  administrators: []
}

param hubNetwork = {
  addressPrefixes: [
    '10.0.0.0/22'
  ]
  dnsServers: []
  subnets: [
    {
      name: 'AzureFirewallSubnet'
      addressPrefix: '10.0.0.0/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureBastionSubnet'
      addressPrefix: '10.0.0.128/26'
      networkSecurityGroupName: 'nsg-hub-bastion-prod-weu-001'
      delegation: null
    }
    {
      name: 'GatewaySubnet'
      addressPrefix: '10.0.0.192/27'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'snet-dns-inbound'
      addressPrefix: '10.0.0.224/28'
      networkSecurityGroupName: 'nsg-hub-dns-inbound-prod-weu-001'
      delegation: 'Microsoft.Network/dnsResolvers'
    }
    {
      name: 'snet-dns-outbound'
      addressPrefix: '10.0.0.240/28'
      networkSecurityGroupName: 'nsg-hub-dns-outbound-prod-weu-001'
      delegation: 'Microsoft.Network/dnsResolvers'
    }
    {
      name: 'snet-management'
      addressPrefix: '10.0.1.0/26'
      networkSecurityGroupName: 'nsg-hub-management-prod-weu-001'
      delegation: null
    }
  ]
  bastionAddressPrefix: '10.0.0.128/26'
  spokeDnsServers: [
    '10.0.0.228'
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
  tier: 'Standard'
  zoneRedundant: true
  threatIntelMode: 'Deny'
  snatPrivateRanges: []
  privateIpAddress: '10.0.0.4'
}

param bastion = {
  enabled: true
  sku: 'Standard'
  scaleUnits: 2
  fileCopy: false
}

param vpnGateway = {
  enabled: true
  sku: 'VpnGw2AZ'
  activeActive: true
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
    localNetworkGatewayName: 'lgw-amsterdam-dc-prod-weu-001'
    connectionName: 'con-amsterdam-dc-prod-weu-001'
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
  enabled: true
  sku: 'ErGw1AZ'
  circuitId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-connectivity-shared/providers/Microsoft.Network/expressRouteCircuits/erc-contoso-ams'
  circuitInAnotherSubscription: false
}

param dnsResolver = {
  enabled: true
  inboundIpAddress: '10.0.0.228'
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
    resourceGroupName: 'rg-erp-prod-weu-001'
    virtualNetworkName: 'vnet-erp-prod-weu-001'
    routeTableName: 'rt-erp-prod-weu-001'
    addressPrefixes: [
      '10.1.0.0/24'
    ]
    tags: {
      workload: 'erp'
    }
    subnets: [
      {
        name: 'snet-app'
        addressPrefix: '10.1.0.0/25'
        networkSecurityGroupName: 'nsg-erp-app-prod-weu-001'
      }
      {
        name: 'snet-data'
        addressPrefix: '10.1.0.128/26'
        networkSecurityGroupName: 'nsg-erp-data-prod-weu-001'
      }
    ]
  }
  {
    name: 'fileshare'
    resourceGroupName: 'rg-fileshare-prod-weu-001'
    virtualNetworkName: 'vnet-fileshare-prod-weu-001'
    routeTableName: 'rt-fileshare-prod-weu-001'
    addressPrefixes: [
      '10.2.0.0/24'
    ]
    tags: {
      workload: 'fileshare'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.2.0.0/25'
        networkSecurityGroupName: 'nsg-fileshare-workload-prod-weu-001'
      }
    ]
  }
]

// Secret: read from the environment at deploy time, never stored in this file.
param vpnSharedKey_amsterdam_dc = readEnvironmentVariable('VPN_SHARED_KEY_AMSTERDAM_DC')
