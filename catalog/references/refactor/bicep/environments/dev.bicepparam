// dev (dev preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location northeurope --template-file ../main.bicep --parameters dev.bicepparam
using '../main.bicep'

param location = 'northeurope'

param environmentName = 'dev'

param tags = {
  costCenter: 'CC-3300'
  environment: 'dev'
  landingZone: 'woodgrove'
  owner: 'digital-team'
}

param names = {
  connectivityResourceGroup: 'rg-connectivity-dev-neu-001'
  managementResourceGroup: 'rg-management-dev-neu-001'
  securityResourceGroup: 'rg-security-dev-neu-001'
  logAnalyticsWorkspace: 'log-management-dev-neu-001'
  keyVault: 'kv-woodgrov-dev-neu-b906'
  keyVaultPrivateEndpoint: 'pep-kv-platform-dev-neu-001'
  hubVirtualNetwork: 'vnet-hub-dev-neu-001'
  firewall: 'afw-hub-dev-neu-001'
  firewallPolicy: 'afwp-hub-dev-neu-001'
  firewallPublicIp: 'pip-firewall-dev-neu-001'
  firewallManagementPublicIp: 'pip-firewall-mgmt-dev-neu-001'
}

param logAnalytics = {
  retentionInDays: 30
  dailyQuotaGb: 5
}

param keyVault = {
  sku: 'standard'
  enablePurgeProtection: false
  softDeleteRetentionInDays: 7
  privateEndpoint: true
}

param hubNetwork = {
  addressPrefixes: [
    '10.60.0.0/22'
  ]
  dnsServers: []
  subnets: [
    {
      name: 'AzureFirewallSubnet'
      addressPrefix: '10.60.0.0/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureFirewallManagementSubnet'
      addressPrefix: '10.60.0.64/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'snet-management'
      addressPrefix: '10.60.1.0/26'
      networkSecurityGroupName: 'nsg-hub-management-dev-neu-001'
      delegation: null
    }
  ]
  bastionAddressPrefix: null
  spokeDnsServers: []
}

param privateDnsZones = [
  'privatelink.vaultcore.azure.net'
  'privatelink.blob.core.windows.net'
  'privatelink.database.windows.net'
  'privatelink.azurewebsites.net'
]

param firewall = {
  enabled: true
  tier: 'Basic'
  privateIpAddress: '10.60.0.4'
  zones: []
  threatIntelMode: 'Alert'
}

param spokes = [
  {
    name: 'shop'
    resourceGroupName: 'rg-shop-dev-neu-001'
    virtualNetworkName: 'vnet-shop-dev-neu-001'
    routeTableName: 'rt-shop-dev-neu-001'
    addressPrefixes: [
      '10.61.0.0/24'
    ]
    tags: {
      costCenter: 'CC-3310'
      owner: 'shop-team'
      workload: 'shop'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.61.0.0/25'
        networkSecurityGroupName: 'nsg-shop-workload-dev-neu-001'
      }
    ]
  }
  {
    name: 'booking'
    resourceGroupName: 'rg-booking-dev-neu-001'
    virtualNetworkName: 'vnet-booking-dev-neu-001'
    routeTableName: 'rt-booking-dev-neu-001'
    addressPrefixes: [
      '10.61.1.0/24'
    ]
    tags: {
      costCenter: 'CC-3320'
      owner: 'booking-team'
      workload: 'booking'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.61.1.0/25'
        networkSecurityGroupName: 'nsg-booking-workload-dev-neu-001'
      }
    ]
  }
]
