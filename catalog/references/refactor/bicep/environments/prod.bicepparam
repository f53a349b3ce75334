// prod (prod preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location northeurope --template-file ../main.bicep --parameters prod.bicepparam
using '../main.bicep'

param location = 'northeurope'

param environmentName = 'prod'

param tags = {
  costCenter: 'CC-3300'
  environment: 'prod'
  landingZone: 'woodgrove'
  owner: 'digital-team'
}

param names = {
  connectivityResourceGroup: 'rg-connectivity-prod-neu-001'
  managementResourceGroup: 'rg-management-prod-neu-001'
  securityResourceGroup: 'rg-security-prod-neu-001'
  logAnalyticsWorkspace: 'log-management-prod-neu-001'
  keyVault: 'kv-woodgro-prod-neu-0231'
  keyVaultPrivateEndpoint: 'pep-kv-platform-prod-neu-001'
  hubVirtualNetwork: 'vnet-hub-prod-neu-001'
  firewall: 'afw-hub-prod-neu-001'
  firewallPolicy: 'afwp-hub-prod-neu-001'
  firewallPublicIp: 'pip-firewall-prod-neu-001'
  firewallManagementPublicIp: 'pip-firewall-mgmt-prod-neu-001'
  vpnGateway: 'vpng-hub-prod-neu-001'
  vpnGatewayPublicIp: 'pip-vpng-prod-neu-001'
  vpnGatewaySecondPublicIp: 'pip-vpng-2-prod-neu-001'
  hubToSpokeRouteTable: 'rt-hub-gateway-prod-neu-001'
  frontDoorProfile: 'afd-edge-prod-neu-001'
  frontDoorWafPolicy: 'wafedgeprodneu001'
  databaseMigrationService: 'dms-sql-prod-neu-001'
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
  administrators: [
    '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'
  ]
}

param hubNetwork = {
  addressPrefixes: [
    '10.70.0.0/22'
  ]
  dnsServers: []
  subnets: [
    {
      name: 'AzureFirewallSubnet'
      addressPrefix: '10.70.0.0/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'GatewaySubnet'
      addressPrefix: '10.70.0.192/27'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'snet-management'
      addressPrefix: '10.70.1.0/26'
      networkSecurityGroupName: 'nsg-hub-management-prod-neu-001'
      delegation: null
    }
  ]
  bastionAddressPrefix: null
  spokeDnsServers: [
    '10.70.0.4'
  ]
  linkPrivateDnsZonesToSpokes: false
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
  tier: 'Premium'
  zoneRedundant: true
  threatIntelMode: 'Deny'
  snatPrivateRanges: []
  privateIpAddress: '10.70.0.4'
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
    name: 'dublin-dc'
    localNetworkGatewayName: 'lgw-dublin-dc-prod-neu-001'
    connectionName: 'con-dublin-dc-prod-neu-001'
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
    resourceGroupName: 'rg-shop-prod-neu-001'
    virtualNetworkName: 'vnet-shop-prod-neu-001'
    routeTableName: 'rt-shop-prod-neu-001'
    addressPrefixes: [
      '10.71.0.0/24'
    ]
    tags: {
      costCenter: 'CC-3310'
      owner: 'shop-team'
      workload: 'shop'
    }
    subnets: [
      {
        name: 'snet-appservice'
        addressPrefix: '10.71.0.0/26'
        networkSecurityGroupName: 'nsg-shop-appservice-prod-neu-001'
        delegation: 'Microsoft.Web/serverFarms'
      }
      {
        name: 'snet-private-endpoints'
        addressPrefix: '10.71.0.64/26'
        networkSecurityGroupName: 'nsg-shop-private-endpoints-prod-neu-001'
      }
    ]
  }
  {
    name: 'booking'
    resourceGroupName: 'rg-booking-prod-neu-001'
    virtualNetworkName: 'vnet-booking-prod-neu-001'
    routeTableName: 'rt-booking-prod-neu-001'
    addressPrefixes: [
      '10.71.1.0/24'
    ]
    tags: {
      costCenter: 'CC-3320'
      owner: 'booking-team'
      workload: 'booking'
    }
    subnets: [
      {
        name: 'snet-appservice'
        addressPrefix: '10.71.1.0/26'
        networkSecurityGroupName: 'nsg-booking-appservice-prod-neu-001'
        delegation: 'Microsoft.Web/serverFarms'
      }
      {
        name: 'snet-private-endpoints'
        addressPrefix: '10.71.1.64/26'
        networkSecurityGroupName: 'nsg-booking-private-endpoints-prod-neu-001'
      }
      {
        name: 'snet-containerapps'
        addressPrefix: '10.71.1.128/26'
        networkSecurityGroupName: 'nsg-booking-containerapps-prod-neu-001'
        delegation: 'Microsoft.App/environments'
      }
    ]
  }
]

param paas = {
  enabled: true
  frontDoor: true
  appService: {
    sku: 'P1v3'
    capacity: 3
    zoneRedundant: true
    healthCheckPath: '/healthz'
  }
  sql: {
    sku: {
      name: 'BC_Gen5'
      tier: 'BusinessCritical'
      family: 'Gen5'
      capacity: 2
      serverless: false
    }
    zoneRedundant: true
    backupStorageRedundancy: 'GeoZone'
    administratorLogin: ''
    administratorObjectId: ''
  }
  databaseMigration: true
  containerApps: {
    zoneRedundant: true
    subnetPrefixes: [
      '10.71.1.128/26'
    ]
  }
  applications: [
    {
      name: 'booking'
      resourceGroupName: 'rg-booking-prod-neu-001'
      virtualNetworkName: 'vnet-booking-prod-neu-001'
      tags: {
        costCenter: 'CC-3320'
        owner: 'booking-team'
        workload: 'booking'
      }
      keyVaultName: 'kv-booking-prod-neu-e771'
      keyVaultPrivateEndpointName: 'pep-kv-booking-prod-neu-001'
      appServicePlanName: 'asp-booking-prod-neu-001'
      applicationInsightsName: 'appi-booking-prod-neu-001'
      webApps: [
        {
          name: 'web'
          siteName: 'app-booking-web-prod-neu-5fb2'
          privateEndpointName: 'pep-app-booking-web-prod-neu-001'
          frontDoorEndpointName: 'fde-booking-web-prod-neu-001'
        }
      ]
      sqlServerName: 'sql-booking-prod-neu-cb8c'
      sqlPrivateEndpointName: 'pep-sql-booking-prod-neu-001'
      databases: [
        {
          name: 'bookings'
          databaseName: 'sqldb-booking-bookings-prod-neu-001'
        }
      ]
      secrets: [
        'partner-api-key'
      ]
      secretsOfficers: []
      containerApps: true
      containerAppsEnvironmentName: 'cae-booking-prod-neu-001'
      containerRegistryName: 'crbookingprodneue56d'
      containerRegistryPrivateEndpointName: 'pep-cr-booking-prod-neu-001'
    }
    {
      name: 'shop'
      resourceGroupName: 'rg-shop-prod-neu-001'
      virtualNetworkName: 'vnet-shop-prod-neu-001'
      tags: {
        costCenter: 'CC-3310'
        owner: 'shop-team'
        workload: 'shop'
      }
      keyVaultName: 'kv-shop-prod-neu-a94b'
      keyVaultPrivateEndpointName: 'pep-kv-shop-prod-neu-001'
      appServicePlanName: 'asp-shop-prod-neu-001'
      applicationInsightsName: 'appi-shop-prod-neu-001'
      webApps: [
        {
          name: 'web'
          siteName: 'app-shop-web-prod-neu-11ec'
          privateEndpointName: 'pep-app-shop-web-prod-neu-001'
          frontDoorEndpointName: 'fde-shop-web-prod-neu-001'
        }
        {
          name: 'api'
          siteName: 'app-shop-api-prod-neu-1b17'
          privateEndpointName: 'pep-app-shop-api-prod-neu-001'
          frontDoorEndpointName: 'fde-shop-api-prod-neu-001'
        }
      ]
      sqlServerName: 'sql-shop-prod-neu-f9c7'
      sqlPrivateEndpointName: 'pep-sql-shop-prod-neu-001'
      databases: [
        {
          name: 'catalog'
          databaseName: 'sqldb-shop-catalog-prod-neu-001'
        }
        {
          name: 'orders'
          databaseName: 'sqldb-shop-orders-prod-neu-001'
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
