// dev (dev preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location westeurope --template-file ../main.bicep --parameters dev.bicepparam
using '../main.bicep'

param location = 'westeurope'

param environmentName = 'dev'

param tags = {
  costCenter: 'CC-4100'
  environment: 'dev'
  landingZone: 'northwind'
  owner: 'app-hosting-team'
}

param names = {
  managementResourceGroup: 'rg-management-dev-weu-001'
  securityResourceGroup: 'rg-security-dev-weu-001'
  logAnalyticsWorkspace: 'log-management-dev-weu-001'
  keyVault: 'kv-northwin-dev-weu-10d9'
  keyVaultPrivateEndpoint: 'pep-kv-platform-dev-weu-001'
  migrationResourceGroup: 'rg-migration-dev-weu-001'
  recoveryServicesVault: 'rsv-backup-dev-weu-001'
  migrateProject: 'migr-srv-dev-weu-001'
  maintenanceConfiguration: 'mc-servers-dev-weu-001'
  diskEncryptionKeyVault: 'kv-cmk-dev-weu-2d7b'
  diskEncryptionKeyVaultPrivateEndpoint: 'pep-kv-cmk-dev-weu-001'
  diskEncryptionSet: 'des-servers-dev-weu-001'
  diskEncryptionIdentity: 'id-des-servers-dev-weu-001'
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
  bastionAddressPrefix: '10.200.2.0/26'
  useRemoteGateways: false
  privateDnsZoneIds: {
    'privatelink.vaultcore.azure.net': '/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net'
  }
  privateEndpointSpokeIndex: 0
  privateEndpointSpoke: 'crm'
  privateEndpointSubnet: 'snet-workload'
  spokeDnsServers: [
    '10.200.0.68'
  ]
  peeringNamePrefix: 'peer-hub-to-northwind-dev'
}

param onPremisesAddressPrefixes = []

param spokes = [
  {
    name: 'crm'
    resourceGroupName: 'rg-crm-dev-weu-001'
    virtualNetworkName: 'vnet-crm-dev-weu-001'
    routeTableName: 'rt-crm-dev-weu-001'
    addressPrefixes: [
      '10.201.0.0/24'
    ]
    tags: {
      workload: 'crm'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.201.0.0/25'
        networkSecurityGroupName: 'nsg-crm-workload-dev-weu-001'
      }
    ]
  }
  {
    name: 'print'
    resourceGroupName: 'rg-print-dev-weu-001'
    virtualNetworkName: 'vnet-print-dev-weu-001'
    routeTableName: 'rt-print-dev-weu-001'
    addressPrefixes: [
      '10.201.1.0/24'
    ]
    tags: {
      workload: 'print'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.201.1.0/25'
        networkSecurityGroupName: 'nsg-print-workload-dev-weu-001'
      }
    ]
  }
]

param migration = {
  enabled: true
  keyVaultAdministrators: []
  backup: {
    storageRedundancy: 'LocallyRedundant'
    crossRegionRestore: false
    scheduleTime: '23:00'
    timeZone: 'UTC'
    dailyRetentionDays: 7
    weeklyRetentionWeeks: 1
    monthlyRetentionMonths: 1
    instantRestoreDays: 1
  }
  patching: {
    weekday: 'Tuesday'
    startTime: '22:00'
    duration: '03:00'
    timeZone: 'UTC'
    reboot: 'IfRequired'
    windowsClassifications: [
      'Critical'
      'Security'
      'UpdateRollup'
      'Definition'
      'Updates'
    ]
    linuxClassifications: [
      'Critical'
      'Security'
    ]
  }
}
