// prod (prod preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location westeurope --template-file ../main.bicep --parameters prod.bicepparam
using '../main.bicep'

param location = 'westeurope'

param environmentName = 'prod'

param tags = {
  costCenter: 'CC-4100'
  environment: 'prod'
  landingZone: 'northwind'
  owner: 'app-hosting-team'
}

param names = {
  managementResourceGroup: 'rg-management-prod-weu-001'
  securityResourceGroup: 'rg-security-prod-weu-001'
  logAnalyticsWorkspace: 'log-management-prod-weu-001'
  keyVault: 'kv-northwi-prod-weu-ff40'
  keyVaultPrivateEndpoint: 'pep-kv-platform-prod-weu-001'
  migrationResourceGroup: 'rg-migration-prod-weu-001'
  recoveryServicesVault: 'rsv-backup-prod-weu-001'
  migrateProject: 'migr-srv-prod-weu-001'
  maintenanceConfiguration: 'mc-servers-prod-weu-001'
  diskEncryptionKeyVault: 'kv-cmk-prod-weu-30e3'
  diskEncryptionKeyVaultPrivateEndpoint: 'pep-kv-cmk-prod-weu-001'
  diskEncryptionSet: 'des-servers-prod-weu-001'
  diskEncryptionIdentity: 'id-des-servers-prod-weu-001'
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
  bastionAddressPrefix: '10.210.2.0/26'
  useRemoteGateways: true
  privateDnsZoneIds: {
    'privatelink.vaultcore.azure.net': '/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-dns-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net'
  }
  privateEndpointSpokeIndex: 0
  privateEndpointSpoke: 'crm'
  privateEndpointSubnet: 'snet-workload'
  spokeDnsServers: [
    '10.210.0.68'
  ]
  peeringNamePrefix: 'peer-hub-to-northwind-prod'
}

param onPremisesAddressPrefixes = []

param spokes = [
  {
    name: 'crm'
    resourceGroupName: 'rg-crm-prod-weu-001'
    virtualNetworkName: 'vnet-crm-prod-weu-001'
    routeTableName: 'rt-crm-prod-weu-001'
    addressPrefixes: [
      '10.211.0.0/24'
    ]
    tags: {
      workload: 'crm'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.211.0.0/25'
        networkSecurityGroupName: 'nsg-crm-workload-prod-weu-001'
      }
    ]
  }
  {
    name: 'print'
    resourceGroupName: 'rg-print-prod-weu-001'
    virtualNetworkName: 'vnet-print-prod-weu-001'
    routeTableName: 'rt-print-prod-weu-001'
    addressPrefixes: [
      '10.211.1.0/24'
    ]
    tags: {
      workload: 'print'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.211.1.0/25'
        networkSecurityGroupName: 'nsg-print-workload-prod-weu-001'
      }
    ]
  }
]

param migration = {
  enabled: true
  keyVaultAdministrators: []
  backup: {
    storageRedundancy: 'GeoRedundant'
    crossRegionRestore: true
    scheduleTime: '23:00'
    timeZone: 'UTC'
    dailyRetentionDays: 30
    weeklyRetentionWeeks: 12
    monthlyRetentionMonths: 12
    instantRestoreDays: 5
  }
  patching: {
    weekday: 'Saturday'
    startTime: '22:00'
    duration: '03:00'
    timeZone: 'UTC'
    reboot: 'IfRequired'
    windowsClassifications: [
      'Critical'
      'Security'
      'UpdateRollup'
      'Definition'
    ]
    linuxClassifications: [
      'Critical'
      'Security'
    ]
  }
}
