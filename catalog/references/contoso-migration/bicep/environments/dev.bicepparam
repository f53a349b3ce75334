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
  managementResourceGroup: 'rg-management-dev-weu-001'
  securityResourceGroup: 'rg-security-dev-weu-001'
  logAnalyticsWorkspace: 'log-management-dev-weu-001'
  keyVault: 'kv-contoso-dev-weu-f59d'
  keyVaultPrivateEndpoint: 'pep-kv-platform-dev-weu-001'
  migrationResourceGroup: 'rg-migration-dev-weu-001'
  recoveryServicesVault: 'rsv-backup-dev-weu-001'
  migrateProject: 'migr-srv-dev-weu-001'
  maintenanceConfiguration: 'mc-servers-dev-weu-001'
  diskEncryptionKeyVault: 'kv-cmk-dev-weu-49bc'
  diskEncryptionKeyVaultPrivateEndpoint: 'pep-kv-cmk-dev-weu-001'
  diskEncryptionSet: 'des-servers-dev-weu-001'
  diskEncryptionIdentity: 'id-des-servers-dev-weu-001'
  dataCollectionRule: 'dcr-servers-dev-weu-001'
  frontDoorProfile: 'afd-edge-dev-weu-001'
  frontDoorWafPolicy: 'wafedgedevweu001'
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
  firewallPrivateIp: '10.100.0.4'
  bastionAddressPrefix: '10.100.0.128/26'
  useRemoteGateways: true
  privateDnsZoneIds: {
    'privatelink.azurewebsites.net': '/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-connectivity-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net'
    'privatelink.blob.core.windows.net': '/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-connectivity-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net'
    'privatelink.database.windows.net': '/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-connectivity-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.database.windows.net'
    'privatelink.vaultcore.azure.net': '/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-connectivity-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net'
  }
  privateEndpointSpokeIndex: 0
  privateEndpointSpoke: 'erp'
  privateEndpointSubnet: 'snet-workload'
  spokeDnsServers: [
    '10.100.0.228'
  ]
  peeringNamePrefix: 'peer-hub-to-contoso-dev'
}

param onPremisesAddressPrefixes = [
  '192.168.0.0/16'
]

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
  {
    name: 'shop'
    resourceGroupName: 'rg-shop-dev-weu-001'
    virtualNetworkName: 'vnet-shop-dev-weu-001'
    routeTableName: 'rt-shop-dev-weu-001'
    addressPrefixes: [
      '10.101.1.0/24'
    ]
    tags: {
      workload: 'shop'
    }
    subnets: [
      {
        name: 'snet-appservice'
        addressPrefix: '10.101.1.0/26'
        networkSecurityGroupName: 'nsg-shop-appservice-dev-weu-001'
        delegation: 'Microsoft.Web/serverFarms'
      }
      {
        name: 'snet-private-endpoints'
        addressPrefix: '10.101.1.64/26'
        networkSecurityGroupName: 'nsg-shop-private-endpoints-dev-weu-001'
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

param virtualMachines = [
  {
    name: 'erpapp01'
    spoke: 'erp'
    resourceGroupName: 'rg-erp-dev-weu-001'
    virtualNetworkName: 'vnet-erp-dev-weu-001'
    subnetName: 'snet-workload'
    os: 'windows'
    size: 'Standard_D2s_v5'
    zone: null
    osDiskSizeGb: null
    osDiskStorage: 'Premium_LRS'
    networkInterfaceName: 'nic-erpapp01-dev-weu-001'
    osDiskName: 'disk-erpapp01-os-dev-weu-001'
    dataDisks: []
    image: {
      publisher: 'MicrosoftWindowsServer'
      offer: 'WindowsServer'
      sku: '2022-datacenter-azure-edition'
      version: 'latest'
    }
    diskNames: [
      'disk-erpapp01-os-dev-weu-001'
    ]
    recoveryNetworkId: null
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
  databaseMigration: false
  containerApps: {
    zoneRedundant: false
    subnetPrefixes: []
  }
  applications: [
    {
      name: 'shop'
      resourceGroupName: 'rg-shop-dev-weu-001'
      virtualNetworkName: 'vnet-shop-dev-weu-001'
      tags: {
        workload: 'shop'
      }
      keyVaultName: 'kv-shop-dev-weu-9108'
      keyVaultPrivateEndpointName: 'pep-kv-shop-dev-weu-001'
      appServicePlanName: 'asp-shop-dev-weu-001'
      applicationInsightsName: 'appi-shop-dev-weu-001'
      webApps: [
        {
          name: 'web'
          siteName: 'app-shop-web-dev-weu-6628'
          privateEndpointName: 'pep-app-shop-web-dev-weu-001'
          frontDoorEndpointName: 'fde-shop-web-dev-weu-001'
        }
      ]
      sqlServerName: 'sql-shop-dev-weu-9c8c'
      sqlPrivateEndpointName: 'pep-sql-shop-dev-weu-001'
      databases: [
        {
          name: 'orders'
          databaseName: 'sqldb-shop-orders-dev-weu-001'
        }
      ]
      secrets: []
      secretsOfficers: []
      containerApps: false
      containerAppsEnvironmentName: ''
      containerRegistryName: ''
      containerRegistryPrivateEndpointName: ''
    }
  ]
}

// vmAdminSshPublicKey: nothing in dev uses it, so it is not asked for here.

// Secret: read from the environment at deploy time, never stored in this file.
param vmAdminPassword_erpapp01 = readEnvironmentVariable('VM_ADMIN_PASSWORD_ERPAPP01')
