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
  managementResourceGroup: 'rg-management-prod-weu-001'
  securityResourceGroup: 'rg-security-prod-weu-001'
  logAnalyticsWorkspace: 'log-management-prod-weu-001'
  keyVault: 'kv-contoso-prod-weu-2d4d'
  keyVaultPrivateEndpoint: 'pep-kv-platform-prod-weu-001'
  migrationResourceGroup: 'rg-migration-prod-weu-001'
  recoveryServicesVault: 'rsv-backup-prod-weu-001'
  migrateProject: 'migr-srv-prod-weu-001'
  maintenanceConfiguration: 'mc-servers-prod-weu-001'
  diskEncryptionKeyVault: 'kv-cmk-prod-weu-5b27'
  diskEncryptionKeyVaultPrivateEndpoint: 'pep-kv-cmk-prod-weu-001'
  diskEncryptionSet: 'des-servers-prod-weu-001'
  diskEncryptionIdentity: 'id-des-servers-prod-weu-001'
  dataCollectionRule: 'dcr-servers-prod-weu-001'
  frontDoorProfile: 'afd-edge-prod-weu-001'
  frontDoorWafPolicy: 'wafedgeprodweu001'
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
  firewallPrivateIp: '10.0.0.4'
  bastionAddressPrefix: '10.0.0.128/26'
  useRemoteGateways: true
  privateDnsZoneIds: {
    'privatelink.azurewebsites.net': '/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-connectivity-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net'
    'privatelink.blob.core.windows.net': '/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-connectivity-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net'
    'privatelink.database.windows.net': '/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-connectivity-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.database.windows.net'
    'privatelink.vaultcore.azure.net': '/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-connectivity-prod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net'
  }
  privateEndpointSpokeIndex: 0
  privateEndpointSpoke: 'erp'
  privateEndpointSubnet: 'snet-workload'
  spokeDnsServers: [
    '10.0.0.228'
  ]
  peeringNamePrefix: 'peer-hub-to-contoso-prod'
}

param onPremisesAddressPrefixes = [
  '192.168.0.0/16'
]

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
        name: 'snet-workload'
        addressPrefix: '10.1.0.0/25'
        networkSecurityGroupName: 'nsg-erp-workload-prod-weu-001'
      }
    ]
  }
  {
    name: 'shop'
    resourceGroupName: 'rg-shop-prod-weu-001'
    virtualNetworkName: 'vnet-shop-prod-weu-001'
    routeTableName: 'rt-shop-prod-weu-001'
    addressPrefixes: [
      '10.1.1.0/24'
    ]
    tags: {
      workload: 'shop'
    }
    subnets: [
      {
        name: 'snet-appservice'
        addressPrefix: '10.1.1.0/26'
        networkSecurityGroupName: 'nsg-shop-appservice-prod-weu-001'
        delegation: 'Microsoft.Web/serverFarms'
      }
      {
        name: 'snet-private-endpoints'
        addressPrefix: '10.1.1.64/26'
        networkSecurityGroupName: 'nsg-shop-private-endpoints-prod-weu-001'
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

param virtualMachines = [
  {
    name: 'erpapp01'
    spoke: 'erp'
    resourceGroupName: 'rg-erp-prod-weu-001'
    virtualNetworkName: 'vnet-erp-prod-weu-001'
    subnetName: 'snet-workload'
    os: 'windows'
    size: 'Standard_D4s_v5'
    zone: '1'
    osDiskSizeGb: null
    osDiskStorage: 'Premium_LRS'
    networkInterfaceName: 'nic-erpapp01-prod-weu-001'
    osDiskName: 'disk-erpapp01-os-prod-weu-001'
    dataDisks: []
    image: {
      publisher: 'MicrosoftWindowsServer'
      offer: 'WindowsServer'
      sku: '2022-datacenter-azure-edition'
      version: 'latest'
    }
    diskNames: [
      'disk-erpapp01-os-prod-weu-001'
    ]
    recoveryNetworkId: null
  }
  {
    name: 'erpdb01'
    spoke: 'erp'
    resourceGroupName: 'rg-erp-prod-weu-001'
    virtualNetworkName: 'vnet-erp-prod-weu-001'
    subnetName: 'snet-workload'
    os: 'linux'
    size: 'Standard_E4s_v5'
    zone: '1'
    osDiskSizeGb: null
    osDiskStorage: 'Premium_LRS'
    networkInterfaceName: 'nic-erpdb01-prod-weu-001'
    osDiskName: 'disk-erpdb01-os-prod-weu-001'
    dataDisks: [
      {
        name: 'disk-erpdb01-data0-prod-weu-001'
        lun: 0
        sizeGb: 256
        storage: 'Premium_LRS'
      }
    ]
    image: {
      publisher: 'Canonical'
      offer: 'ubuntu-24_04-lts'
      sku: 'server'
      version: 'latest'
    }
    diskNames: [
      'disk-erpdb01-os-prod-weu-001'
      'disk-erpdb01-data0-prod-weu-001'
    ]
    recoveryNetworkId: null
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
      name: 'shop'
      resourceGroupName: 'rg-shop-prod-weu-001'
      virtualNetworkName: 'vnet-shop-prod-weu-001'
      tags: {
        workload: 'shop'
      }
      keyVaultName: 'kv-shop-prod-weu-d465'
      keyVaultPrivateEndpointName: 'pep-kv-shop-prod-weu-001'
      appServicePlanName: 'asp-shop-prod-weu-001'
      applicationInsightsName: 'appi-shop-prod-weu-001'
      webApps: [
        {
          name: 'web'
          siteName: 'app-shop-web-prod-weu-6495'
          privateEndpointName: 'pep-app-shop-web-prod-weu-001'
          frontDoorEndpointName: 'fde-shop-web-prod-weu-001'
        }
      ]
      sqlServerName: 'sql-shop-prod-weu-0c5b'
      sqlPrivateEndpointName: 'pep-sql-shop-prod-weu-001'
      databases: [
        {
          name: 'orders'
          databaseName: 'sqldb-shop-orders-prod-weu-001'
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

// Secret: read from the environment at deploy time, never stored in this file.
param vmAdminSshPublicKey = readEnvironmentVariable('VM_ADMIN_SSH_PUBLIC_KEY')

// Secret: read from the environment at deploy time, never stored in this file.
param vmAdminPassword_erpapp01 = readEnvironmentVariable('VM_ADMIN_PASSWORD_ERPAPP01')
