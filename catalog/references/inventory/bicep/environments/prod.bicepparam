// prod (prod preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location westeurope --template-file ../main.bicep --parameters prod.bicepparam
using '../main.bicep'

param location = 'westeurope'

param environmentName = 'prod'

param tags = {
  costCenter: 'CC-4410'
  environment: 'prod'
  landingZone: 'northwind'
  owner: 'migration-team'
}

param names = {
  connectivityResourceGroup: 'rg-connectivity-prod-weu-001'
  managementResourceGroup: 'rg-management-prod-weu-001'
  securityResourceGroup: 'rg-security-prod-weu-001'
  logAnalyticsWorkspace: 'log-management-prod-weu-001'
  keyVault: 'kv-northwi-prod-weu-ff40'
  keyVaultPrivateEndpoint: 'pep-kv-platform-prod-weu-001'
  hubVirtualNetwork: 'vnet-hub-prod-weu-001'
  firewall: 'afw-hub-prod-weu-001'
  firewallPolicy: 'afwp-hub-prod-weu-001'
  firewallPublicIp: 'pip-firewall-prod-weu-001'
  firewallManagementPublicIp: 'pip-firewall-mgmt-prod-weu-001'
  bastion: 'bas-hub-prod-weu-001'
  bastionPublicIp: 'pip-bastion-prod-weu-001'
  migrationResourceGroup: 'rg-migration-prod-weu-001'
  recoveryServicesVault: 'rsv-backup-prod-weu-001'
  migrateProject: 'migr-srv-prod-weu-001'
  maintenanceConfiguration: 'mc-servers-prod-weu-001'
  diskEncryptionKeyVault: 'kv-cmk-prod-weu-30e3'
  diskEncryptionKeyVaultPrivateEndpoint: 'pep-kv-cmk-prod-weu-001'
  diskEncryptionSet: 'des-servers-prod-weu-001'
  diskEncryptionIdentity: 'id-des-servers-prod-weu-001'
  dataCollectionRule: 'dcr-servers-prod-weu-001'
}

param logAnalytics = {
  retentionInDays: 90
  dailyQuotaGb: -1
}

param keyVault = {
  sku: 'standard'
  enablePurgeProtection: true
  softDeleteRetentionInDays: 90
  privateEndpoint: true
  administrators: []
}

param hubNetwork = {
  addressPrefixes: [
    '10.90.0.0/22'
  ]
  dnsServers: []
  subnets: [
    {
      name: 'AzureFirewallSubnet'
      addressPrefix: '10.90.0.0/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureBastionSubnet'
      addressPrefix: '10.90.0.128/26'
      networkSecurityGroupName: 'nsg-hub-bastion-prod-weu-001'
      delegation: null
    }
    {
      name: 'snet-management'
      addressPrefix: '10.90.1.0/26'
      networkSecurityGroupName: 'nsg-hub-management-prod-weu-001'
      delegation: null
    }
  ]
  bastionAddressPrefix: '10.90.0.128/26'
  spokeDnsServers: [
    '10.90.0.4'
  ]
  linkPrivateDnsZonesToSpokes: false
}

param privateDnsZones = [
  'privatelink.vaultcore.azure.net'
  'privatelink.blob.core.windows.net'
]

param firewall = {
  enabled: true
  tier: 'Standard'
  privateIpAddress: '10.90.0.4'
  zones: [
    '1'
    '2'
    '3'
  ]
  threatIntelMode: 'Deny'
}

param bastion = {
  enabled: true
  sku: 'Standard'
}

param spokes = [
  {
    name: 'orders'
    resourceGroupName: 'rg-orders-prod-weu-001'
    virtualNetworkName: 'vnet-orders-prod-weu-001'
    routeTableName: 'rt-orders-prod-weu-001'
    addressPrefixes: [
      '10.91.0.0/23'
    ]
    tags: {
      workload: 'orders'
    }
    subnets: [
      {
        name: 'snet-app'
        addressPrefix: '10.91.0.0/24'
        networkSecurityGroupName: 'nsg-orders-app-prod-weu-001'
      }
      {
        name: 'snet-db'
        addressPrefix: '10.91.1.0/26'
        networkSecurityGroupName: 'nsg-orders-db-prod-weu-001'
      }
    ]
  }
  {
    name: 'files'
    resourceGroupName: 'rg-files-prod-weu-001'
    virtualNetworkName: 'vnet-files-prod-weu-001'
    routeTableName: 'rt-files-prod-weu-001'
    addressPrefixes: [
      '10.91.2.0/24'
    ]
    tags: {
      workload: 'files'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.91.2.0/25'
        networkSecurityGroupName: 'nsg-files-workload-prod-weu-001'
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
    timeZone: 'W. Europe Standard Time'
    dailyRetentionDays: 30
    weeklyRetentionWeeks: 12
    monthlyRetentionMonths: 12
    instantRestoreDays: 5
  }
  patching: {
    weekday: 'Saturday'
    startTime: '01:00'
    duration: '03:00'
    timeZone: 'W. Europe Standard Time'
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
    name: 'nw-app01'
    spoke: 'orders'
    resourceGroupName: 'rg-orders-prod-weu-001'
    virtualNetworkName: 'vnet-orders-prod-weu-001'
    subnetName: 'snet-app'
    os: 'linux'
    size: 'Standard_D8s_v5'
    zone: null
    osDiskSizeGb: 64
    osDiskStorage: 'Premium_LRS'
    networkInterfaceName: 'nic-nw-app01-prod-weu-001'
    osDiskName: 'disk-nw-app01-os-prod-weu-001'
    dataDisks: [
      {
        name: 'disk-nw-app01-data0-prod-weu-001'
        lun: 0
        sizeGb: 512
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
      'disk-nw-app01-os-prod-weu-001'
      'disk-nw-app01-data0-prod-weu-001'
    ]
    recoveryNetworkId: null
  }
  {
    name: 'nw-files01'
    spoke: 'files'
    resourceGroupName: 'rg-files-prod-weu-001'
    virtualNetworkName: 'vnet-files-prod-weu-001'
    subnetName: 'snet-workload'
    os: 'windows'
    size: 'Standard_D2s_v5'
    zone: null
    osDiskSizeGb: 128
    osDiskStorage: 'Premium_LRS'
    networkInterfaceName: 'nic-nw-files01-prod-weu-001'
    osDiskName: 'disk-nw-files01-os-prod-weu-001'
    dataDisks: [
      {
        name: 'disk-nw-files01-data0-prod-weu-001'
        lun: 0
        sizeGb: 4096
        storage: 'Premium_LRS'
      }
    ]
    image: {
      publisher: 'MicrosoftWindowsServer'
      offer: 'WindowsServer'
      sku: '2022-datacenter-azure-edition'
      version: 'latest'
    }
    diskNames: [
      'disk-nw-files01-os-prod-weu-001'
      'disk-nw-files01-data0-prod-weu-001'
    ]
    recoveryNetworkId: null
  }
  {
    name: 'nw-sql01'
    spoke: 'orders'
    resourceGroupName: 'rg-orders-prod-weu-001'
    virtualNetworkName: 'vnet-orders-prod-weu-001'
    subnetName: 'snet-db'
    os: 'windows'
    size: 'Standard_E16s_v5'
    zone: null
    osDiskSizeGb: 128
    osDiskStorage: 'Premium_LRS'
    networkInterfaceName: 'nic-nw-sql01-prod-weu-001'
    osDiskName: 'disk-nw-sql01-os-prod-weu-001'
    dataDisks: [
      {
        name: 'disk-nw-sql01-data0-prod-weu-001'
        lun: 0
        sizeGb: 512
        storage: 'Premium_LRS'
      }
      {
        name: 'disk-nw-sql01-data1-prod-weu-001'
        lun: 1
        sizeGb: 1024
        storage: 'Premium_LRS'
      }
    ]
    image: {
      publisher: 'MicrosoftWindowsServer'
      offer: 'WindowsServer'
      sku: '2022-datacenter-azure-edition'
      version: 'latest'
    }
    diskNames: [
      'disk-nw-sql01-os-prod-weu-001'
      'disk-nw-sql01-data0-prod-weu-001'
      'disk-nw-sql01-data1-prod-weu-001'
    ]
    recoveryNetworkId: null
  }
  {
    name: 'nw-web01'
    spoke: 'orders'
    resourceGroupName: 'rg-orders-prod-weu-001'
    virtualNetworkName: 'vnet-orders-prod-weu-001'
    subnetName: 'snet-app'
    os: 'windows'
    size: 'Standard_D4s_v5'
    zone: null
    osDiskSizeGb: 128
    osDiskStorage: 'Premium_LRS'
    networkInterfaceName: 'nic-nw-web01-prod-weu-001'
    osDiskName: 'disk-nw-web01-os-prod-weu-001'
    dataDisks: []
    image: {
      publisher: 'MicrosoftWindowsServer'
      offer: 'WindowsServer'
      sku: '2022-datacenter-azure-edition'
      version: 'latest'
    }
    diskNames: [
      'disk-nw-web01-os-prod-weu-001'
    ]
    recoveryNetworkId: null
  }
  {
    name: 'nw-web02'
    spoke: 'orders'
    resourceGroupName: 'rg-orders-prod-weu-001'
    virtualNetworkName: 'vnet-orders-prod-weu-001'
    subnetName: 'snet-app'
    os: 'windows'
    size: 'Standard_D4s_v5'
    zone: null
    osDiskSizeGb: 128
    osDiskStorage: 'Premium_LRS'
    networkInterfaceName: 'nic-nw-web02-prod-weu-001'
    osDiskName: 'disk-nw-web02-os-prod-weu-001'
    dataDisks: []
    image: {
      publisher: 'MicrosoftWindowsServer'
      offer: 'WindowsServer'
      sku: '2022-datacenter-azure-edition'
      version: 'latest'
    }
    diskNames: [
      'disk-nw-web02-os-prod-weu-001'
    ]
    recoveryNetworkId: null
  }
]

// Secret: read from the environment at deploy time, never stored in this file.
param vmAdminPassword = readEnvironmentVariable('VM_ADMIN_PASSWORD')

// Secret: read from the environment at deploy time, never stored in this file.
param vmAdminSshPublicKey = readEnvironmentVariable('VM_ADMIN_SSH_PUBLIC_KEY')
