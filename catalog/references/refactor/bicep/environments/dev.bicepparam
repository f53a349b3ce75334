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
  vpnGateway: 'vpng-hub-dev-neu-001'
  vpnGatewayPublicIp: 'pip-vpng-dev-neu-001'
  vpnGatewaySecondPublicIp: 'pip-vpng-2-dev-neu-001'
  hubToSpokeRouteTable: 'rt-hub-gateway-dev-neu-001'
  frontDoorProfile: 'afd-edge-dev-neu-001'
  frontDoorWafPolicy: 'wafedgedevneu001'
  databaseMigrationService: 'dms-sql-dev-neu-001'
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
  administrators: [
    '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'
  ]
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
      name: 'GatewaySubnet'
      addressPrefix: '10.60.0.192/27'
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
  linkPrivateDnsZonesToSpokes: true
}

param privateDnsZones = [
  'privatelink.vaultcore.azure.net'
  'privatelink.blob.core.windows.net'
  'privatelink.database.windows.net'
  'privatelink.azurewebsites.net'
  'privatelink.azurecr.io'
]

param firewall = {
  enabled: true
  tier: 'Basic'
  zoneRedundant: false
  threatIntelMode: 'Alert'
  snatPrivateRanges: []
  privateIpAddress: '10.60.0.4'
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
    name: 'dublin-dc'
    localNetworkGatewayName: 'lgw-dublin-dc-dev-neu-001'
    connectionName: 'con-dublin-dc-dev-neu-001'
    gatewayAddress: '203.0.113.20'
    addressPrefixes: [
      '10.20.0.0/16'
    ]
    bgpPeeringAddress: null
    asn: null
  }
]

param onPremisesAddressPrefixes = [
  '10.20.0.0/16'
]

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
        name: 'snet-appservice'
        addressPrefix: '10.61.0.0/26'
        networkSecurityGroupName: 'nsg-shop-appservice-dev-neu-001'
        delegation: 'Microsoft.Web/serverFarms'
      }
      {
        name: 'snet-private-endpoints'
        addressPrefix: '10.61.0.64/26'
        networkSecurityGroupName: 'nsg-shop-private-endpoints-dev-neu-001'
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
        name: 'snet-appservice'
        addressPrefix: '10.61.1.0/26'
        networkSecurityGroupName: 'nsg-booking-appservice-dev-neu-001'
        delegation: 'Microsoft.Web/serverFarms'
      }
      {
        name: 'snet-private-endpoints'
        addressPrefix: '10.61.1.64/26'
        networkSecurityGroupName: 'nsg-booking-private-endpoints-dev-neu-001'
      }
      {
        name: 'snet-containerapps'
        addressPrefix: '10.61.1.128/26'
        networkSecurityGroupName: 'nsg-booking-containerapps-dev-neu-001'
        delegation: 'Microsoft.App/environments'
      }
    ]
  }
]

param paas = {
  enabled: true
  frontDoor: true
  appService: {
    sku: 'B1'
    capacity: 1
    zoneRedundant: false
    healthCheckPath: '/healthz'
  }
  sql: {
    sku: {
      name: 'GP_S_Gen5'
      tier: 'GeneralPurpose'
      family: 'Gen5'
      capacity: 1
      serverless: true
    }
    zoneRedundant: false
    backupStorageRedundancy: 'Local'
    administratorLogin: ''
    administratorObjectId: ''
  }
  databaseMigration: true
  containerApps: {
    zoneRedundant: false
    subnetPrefixes: [
      '10.61.1.128/26'
    ]
  }
  applications: [
    {
      name: 'booking'
      resourceGroupName: 'rg-booking-dev-neu-001'
      virtualNetworkName: 'vnet-booking-dev-neu-001'
      tags: {
        costCenter: 'CC-3320'
        owner: 'booking-team'
        workload: 'booking'
      }
      keyVaultName: 'kv-booking-dev-neu-12cd'
      keyVaultPrivateEndpointName: 'pep-kv-booking-dev-neu-001'
      appServicePlanName: 'asp-booking-dev-neu-001'
      applicationInsightsName: 'appi-booking-dev-neu-001'
      webApps: [
        {
          name: 'web'
          siteName: 'app-booking-web-dev-neu-2dba'
          privateEndpointName: 'pep-app-booking-web-dev-neu-001'
          frontDoorEndpointName: 'fde-booking-web-dev-neu-001'
        }
      ]
      sqlServerName: 'sql-booking-dev-neu-e915'
      sqlPrivateEndpointName: 'pep-sql-booking-dev-neu-001'
      databases: [
        {
          name: 'bookings'
          databaseName: 'sqldb-booking-bookings-dev-neu-001'
        }
      ]
      secrets: []
      secretsOfficers: []
      containerApps: true
      containerAppsEnvironmentName: 'cae-booking-dev-neu-001'
      containerRegistryName: 'crbookingdevneu6416'
      containerRegistryPrivateEndpointName: 'pep-cr-booking-dev-neu-001'
    }
    {
      name: 'shop'
      resourceGroupName: 'rg-shop-dev-neu-001'
      virtualNetworkName: 'vnet-shop-dev-neu-001'
      tags: {
        costCenter: 'CC-3310'
        owner: 'shop-team'
        workload: 'shop'
      }
      keyVaultName: 'kv-shop-dev-neu-2f28'
      keyVaultPrivateEndpointName: 'pep-kv-shop-dev-neu-001'
      appServicePlanName: 'asp-shop-dev-neu-001'
      applicationInsightsName: 'appi-shop-dev-neu-001'
      webApps: [
        {
          name: 'web'
          siteName: 'app-shop-web-dev-neu-ffa7'
          privateEndpointName: 'pep-app-shop-web-dev-neu-001'
          frontDoorEndpointName: 'fde-shop-web-dev-neu-001'
        }
        {
          name: 'api'
          siteName: 'app-shop-api-dev-neu-1688'
          privateEndpointName: 'pep-app-shop-api-dev-neu-001'
          frontDoorEndpointName: 'fde-shop-api-dev-neu-001'
        }
      ]
      sqlServerName: 'sql-shop-dev-neu-f880'
      sqlPrivateEndpointName: 'pep-sql-shop-dev-neu-001'
      databases: [
        {
          name: 'catalog'
          databaseName: 'sqldb-shop-catalog-dev-neu-001'
        }
        {
          name: 'orders'
          databaseName: 'sqldb-shop-orders-dev-neu-001'
        }
      ]
      secrets: [
        'payment-api-key'
      ]
      secretsOfficers: [
        '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
      ]
      containerApps: false
      containerAppsEnvironmentName: ''
      containerRegistryName: ''
      containerRegistryPrivateEndpointName: ''
    }
  ]
}

// Secret: read from the environment at deploy time, never stored in this file.
param vpnSharedKey_dublin_dc = readEnvironmentVariable('VPN_SHARED_KEY_DUBLIN_DC')
