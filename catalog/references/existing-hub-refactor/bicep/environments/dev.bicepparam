// dev (dev preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location westeurope --template-file ../main.bicep --parameters dev.bicepparam
using '../main.bicep'

param location = 'westeurope'

param environmentName = 'dev'

param tags = {
  costCenter: 'CC-5200'
  environment: 'dev'
  landingZone: 'tailspin'
  owner: 'ticketing-team'
}

param names = {
  managementResourceGroup: 'rg-management-dev-weu-001'
  securityResourceGroup: 'rg-security-dev-weu-001'
  logAnalyticsWorkspace: 'log-management-dev-weu-001'
  keyVault: 'kv-tailspin-dev-weu-53c1'
  keyVaultPrivateEndpoint: 'pep-kv-platform-dev-weu-001'
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
  virtualNetworkId: '/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-connectivity-nonprod-weu-001/providers/Microsoft.Network/virtualNetworks/vnet-hub-nonprod-weu-001'
  subscriptionId: '3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c'
  resourceGroupName: 'rg-connectivity-nonprod-weu-001'
  virtualNetworkName: 'vnet-hub-nonprod-weu-001'
  firewallPrivateIp: '10.200.1.4'
  bastionAddressPrefix: null
  useRemoteGateways: false
  privateDnsZoneIds: {
    'privatelink.azurewebsites.net': '/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net'
    'privatelink.database.windows.net': '/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.database.windows.net'
    'privatelink.vaultcore.azure.net': '/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net'
  }
  privateEndpointSpokeIndex: 0
  privateEndpointSpoke: 'tickets'
  privateEndpointSubnet: 'snet-private-endpoints'
  spokeDnsServers: [
    '10.200.0.68'
  ]
  peeringNamePrefix: 'peer-hub-to-tailspin-dev'
}

param spokes = [
  {
    name: 'tickets'
    resourceGroupName: 'rg-tickets-dev-weu-001'
    virtualNetworkName: 'vnet-tickets-dev-weu-001'
    routeTableName: 'rt-tickets-dev-weu-001'
    addressPrefixes: [
      '10.202.0.0/24'
    ]
    tags: {
      costCenter: 'CC-5210'
      owner: 'ticketing-team'
      workload: 'tickets'
    }
    subnets: [
      {
        name: 'snet-appservice'
        addressPrefix: '10.202.0.0/26'
        networkSecurityGroupName: 'nsg-tickets-appservice-dev-weu-001'
        delegation: 'Microsoft.Web/serverFarms'
      }
      {
        name: 'snet-private-endpoints'
        addressPrefix: '10.202.0.64/26'
        networkSecurityGroupName: 'nsg-tickets-private-endpoints-dev-weu-001'
      }
      {
        name: 'snet-appgateway'
        addressPrefix: '10.202.0.192/26'
        networkSecurityGroupName: 'nsg-tickets-appgateway-dev-weu-001'
      }
    ]
  }
  {
    name: 'partners'
    resourceGroupName: 'rg-partners-dev-weu-001'
    virtualNetworkName: 'vnet-partners-dev-weu-001'
    routeTableName: 'rt-partners-dev-weu-001'
    addressPrefixes: [
      '10.202.1.0/24'
    ]
    tags: {
      costCenter: 'CC-5220'
      owner: 'partner-team'
      workload: 'partners'
    }
    subnets: [
      {
        name: 'snet-appservice'
        addressPrefix: '10.202.1.0/26'
        networkSecurityGroupName: 'nsg-partners-appservice-dev-weu-001'
        delegation: 'Microsoft.Web/serverFarms'
      }
      {
        name: 'snet-private-endpoints'
        addressPrefix: '10.202.1.64/26'
        networkSecurityGroupName: 'nsg-partners-private-endpoints-dev-weu-001'
      }
      {
        name: 'snet-appgateway'
        addressPrefix: '10.202.1.192/26'
        networkSecurityGroupName: 'nsg-partners-appgateway-dev-weu-001'
      }
    ]
  }
]

param paas = {
  enabled: true
  frontDoor: false
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
  databaseMigration: false
  containerApps: {
    zoneRedundant: false
    subnetPrefixes: []
  }
  applications: [
    {
      name: 'partners'
      resourceGroupName: 'rg-partners-dev-weu-001'
      virtualNetworkName: 'vnet-partners-dev-weu-001'
      tags: {
        costCenter: 'CC-5220'
        owner: 'partner-team'
        workload: 'partners'
      }
      keyVaultName: 'kv-partners-dev-weu-8864'
      keyVaultPrivateEndpointName: 'pep-kv-partners-dev-weu-001'
      appServicePlanName: 'asp-partners-dev-weu-001'
      applicationInsightsName: 'appi-partners-dev-weu-001'
      webApps: [
        {
          name: 'api'
          siteName: 'app-partners-api-dev-weu-41f5'
          privateEndpointName: 'pep-app-partners-api-dev-weu-001'
          frontDoorEndpointName: ''
        }
      ]
      sqlServerName: 'sql-partners-dev-weu-7b95'
      sqlPrivateEndpointName: 'pep-sql-partners-dev-weu-001'
      databases: [
        {
          name: 'partners'
          databaseName: 'sqldb-partners-partners-dev-weu-001'
        }
      ]
      secrets: []
      secretsOfficers: []
      containerApps: false
      containerAppsEnvironmentName: ''
      containerRegistryName: ''
      containerRegistryPrivateEndpointName: ''
      applicationGatewayName: 'agw-partners-dev-weu-001'
      applicationGatewayPublicIpName: 'pip-agw-partners-dev-weu-001'
      applicationGatewayWafPolicyName: 'wafagwpartnersdevweu001'
      applicationGatewayIdentityName: 'id-agw-partners-dev-weu-001'
      certificateSecretId: 'https://kv-tailspin-certs.vault.azure.net/secrets/partners-tls'
    }
    {
      name: 'tickets'
      resourceGroupName: 'rg-tickets-dev-weu-001'
      virtualNetworkName: 'vnet-tickets-dev-weu-001'
      tags: {
        costCenter: 'CC-5210'
        owner: 'ticketing-team'
        workload: 'tickets'
      }
      keyVaultName: 'kv-tickets-dev-weu-e0f1'
      keyVaultPrivateEndpointName: 'pep-kv-tickets-dev-weu-001'
      appServicePlanName: 'asp-tickets-dev-weu-001'
      applicationInsightsName: 'appi-tickets-dev-weu-001'
      webApps: [
        {
          name: 'web'
          siteName: 'app-tickets-web-dev-weu-27b6'
          privateEndpointName: 'pep-app-tickets-web-dev-weu-001'
          frontDoorEndpointName: ''
        }
      ]
      sqlServerName: 'sql-tickets-dev-weu-d7a8'
      sqlPrivateEndpointName: 'pep-sql-tickets-dev-weu-001'
      databases: [
        {
          name: 'tickets'
          databaseName: 'sqldb-tickets-tickets-dev-weu-001'
        }
      ]
      secrets: [
        'payment-api-key'
      ]
      secretsOfficers: []
      containerApps: false
      containerAppsEnvironmentName: ''
      containerRegistryName: ''
      containerRegistryPrivateEndpointName: ''
      applicationGatewayName: 'agw-tickets-dev-weu-001'
      applicationGatewayPublicIpName: 'pip-agw-tickets-dev-weu-001'
      applicationGatewayWafPolicyName: 'wafagwticketsdevweu001'
      applicationGatewayIdentityName: 'id-agw-tickets-dev-weu-001'
      certificateSecretId: 'https://kv-tailspin-certs.vault.azure.net/secrets/tickets-tls'
    }
  ]
  applicationGateway: {
    enabled: true
    applicationIndexes: [
      0
      1
    ]
    certificateKeyVaultId: '/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-tailspin-certs'
    zones: []
    minCapacity: 1
    maxCapacity: 2
  }
}
