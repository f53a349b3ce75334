// prod (prod preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location westeurope --template-file ../main.bicep --parameters prod.bicepparam
using '../main.bicep'

param location = 'westeurope'

param environmentName = 'prod'

param tags = {
  costCenter: 'CC-5200'
  environment: 'prod'
  landingZone: 'tailspin'
  owner: 'ticketing-team'
}

param names = {
  managementResourceGroup: 'rg-management-prod-weu-001'
  securityResourceGroup: 'rg-security-prod-weu-001'
  logAnalyticsWorkspace: 'log-management-prod-weu-001'
  keyVault: 'kv-tailspi-prod-weu-c7be'
  keyVaultPrivateEndpoint: 'pep-kv-platform-prod-weu-001'
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
  virtualNetworkId: '/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-connectivity-prod-weu-001/providers/Microsoft.Network/virtualNetworks/vnet-hub-prod-weu-001'
  subscriptionId: '8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f'
  resourceGroupName: 'rg-connectivity-prod-weu-001'
  virtualNetworkName: 'vnet-hub-prod-weu-001'
  firewallPrivateIp: '10.210.1.4'
  bastionAddressPrefix: null
  useRemoteGateways: false
  privateDnsZoneIds: {
    'privatelink.azurewebsites.net': '/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-dns-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net'
    'privatelink.database.windows.net': '/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-dns-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.database.windows.net'
    'privatelink.vaultcore.azure.net': '/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-dns-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net'
  }
  privateEndpointSpokeIndex: 0
  privateEndpointSpoke: 'tickets'
  privateEndpointSubnet: 'snet-private-endpoints'
  spokeDnsServers: [
    '10.210.0.68'
  ]
  peeringNamePrefix: 'peer-hub-to-tailspin-prod'
}

param spokes = [
  {
    name: 'tickets'
    resourceGroupName: 'rg-tickets-prod-weu-001'
    virtualNetworkName: 'vnet-tickets-prod-weu-001'
    routeTableName: 'rt-tickets-prod-weu-001'
    addressPrefixes: [
      '10.212.0.0/24'
    ]
    tags: {
      costCenter: 'CC-5210'
      owner: 'ticketing-team'
      workload: 'tickets'
    }
    subnets: [
      {
        name: 'snet-appservice'
        addressPrefix: '10.212.0.0/26'
        networkSecurityGroupName: 'nsg-tickets-appservice-prod-weu-001'
        delegation: 'Microsoft.Web/serverFarms'
      }
      {
        name: 'snet-private-endpoints'
        addressPrefix: '10.212.0.64/26'
        networkSecurityGroupName: 'nsg-tickets-private-endpoints-prod-weu-001'
      }
      {
        name: 'snet-appgateway'
        addressPrefix: '10.212.0.192/26'
        networkSecurityGroupName: 'nsg-tickets-appgateway-prod-weu-001'
      }
    ]
  }
  {
    name: 'partners'
    resourceGroupName: 'rg-partners-prod-weu-001'
    virtualNetworkName: 'vnet-partners-prod-weu-001'
    routeTableName: 'rt-partners-prod-weu-001'
    addressPrefixes: [
      '10.212.1.0/24'
    ]
    tags: {
      costCenter: 'CC-5220'
      owner: 'partner-team'
      workload: 'partners'
    }
    subnets: [
      {
        name: 'snet-appservice'
        addressPrefix: '10.212.1.0/26'
        networkSecurityGroupName: 'nsg-partners-appservice-prod-weu-001'
        delegation: 'Microsoft.Web/serverFarms'
      }
      {
        name: 'snet-private-endpoints'
        addressPrefix: '10.212.1.64/26'
        networkSecurityGroupName: 'nsg-partners-private-endpoints-prod-weu-001'
      }
      {
        name: 'snet-appgateway'
        addressPrefix: '10.212.1.192/26'
        networkSecurityGroupName: 'nsg-partners-appgateway-prod-weu-001'
      }
    ]
  }
]

param paas = {
  enabled: true
  frontDoor: false
  appService: {
    sku: 'P1v3'
    capacity: 3
    zoneRedundant: true
    healthCheckPath: '/healthz'
  }
  sql: {
    sku: {
      name: 'GP_Gen5'
      tier: 'GeneralPurpose'
      family: 'Gen5'
      capacity: 2
      serverless: false
    }
    zoneRedundant: true
    backupStorageRedundancy: 'GeoZone'
    administratorLogin: ''
    administratorObjectId: ''
  }
  databaseMigration: false
  containerApps: {
    zoneRedundant: true
    subnetPrefixes: []
  }
  applications: [
    {
      name: 'partners'
      resourceGroupName: 'rg-partners-prod-weu-001'
      virtualNetworkName: 'vnet-partners-prod-weu-001'
      tags: {
        costCenter: 'CC-5220'
        owner: 'partner-team'
        workload: 'partners'
      }
      keyVaultName: 'kv-partner-prod-weu-9f1e'
      keyVaultPrivateEndpointName: 'pep-kv-partners-prod-weu-001'
      appServicePlanName: 'asp-partners-prod-weu-001'
      applicationInsightsName: 'appi-partners-prod-weu-001'
      webApps: [
        {
          name: 'api'
          siteName: 'app-partners-api-prod-weu-58a5'
          privateEndpointName: 'pep-app-partners-api-prod-weu-001'
          frontDoorEndpointName: ''
        }
      ]
      sqlServerName: 'sql-partners-prod-weu-566e'
      sqlPrivateEndpointName: 'pep-sql-partners-prod-weu-001'
      databases: [
        {
          name: 'partners'
          databaseName: 'sqldb-partners-partners-prod-weu-001'
        }
      ]
      secrets: []
      secretsOfficers: []
      containerApps: false
      containerAppsEnvironmentName: ''
      containerRegistryName: ''
      containerRegistryPrivateEndpointName: ''
      applicationGatewayName: 'agw-partners-prod-weu-001'
      applicationGatewayPublicIpName: 'pip-agw-partners-prod-weu-001'
      applicationGatewayWafPolicyName: 'wafagwpartnersprodweu001'
      applicationGatewayIdentityName: 'id-agw-partners-prod-weu-001'
      certificateSecretId: 'https://kv-tailspin-certs.vault.azure.net/secrets/partners-tls'
    }
    {
      name: 'tickets'
      resourceGroupName: 'rg-tickets-prod-weu-001'
      virtualNetworkName: 'vnet-tickets-prod-weu-001'
      tags: {
        costCenter: 'CC-5210'
        owner: 'ticketing-team'
        workload: 'tickets'
      }
      keyVaultName: 'kv-tickets-prod-weu-1ea1'
      keyVaultPrivateEndpointName: 'pep-kv-tickets-prod-weu-001'
      appServicePlanName: 'asp-tickets-prod-weu-001'
      applicationInsightsName: 'appi-tickets-prod-weu-001'
      webApps: [
        {
          name: 'web'
          siteName: 'app-tickets-web-prod-weu-2bdb'
          privateEndpointName: 'pep-app-tickets-web-prod-weu-001'
          frontDoorEndpointName: ''
        }
      ]
      sqlServerName: 'sql-tickets-prod-weu-70f2'
      sqlPrivateEndpointName: 'pep-sql-tickets-prod-weu-001'
      databases: [
        {
          name: 'tickets'
          databaseName: 'sqldb-tickets-tickets-prod-weu-001'
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
      applicationGatewayName: 'agw-tickets-prod-weu-001'
      applicationGatewayPublicIpName: 'pip-agw-tickets-prod-weu-001'
      applicationGatewayWafPolicyName: 'wafagwticketsprodweu001'
      applicationGatewayIdentityName: 'id-agw-tickets-prod-weu-001'
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
    zones: [
      '1'
      '2'
      '3'
    ]
    minCapacity: 2
    maxCapacity: 10
  }
}
