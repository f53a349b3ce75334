// prod (prod preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location swedencentral --template-file ../main.bicep --parameters prod.bicepparam
using '../main.bicep'

param location = 'swedencentral'

param environmentName = 'prod'

param tags = {
  costCenter: 'CC-2210'
  environment: 'prod'
  landingZone: 'fabrikam'
  migrationWave: 'wave-1'
  owner: 'infra-team'
}

param names = {
  connectivityResourceGroup: 'rg-connectivity-prod-sdc-001'
  managementResourceGroup: 'rg-management-prod-sdc-001'
  securityResourceGroup: 'rg-security-prod-sdc-001'
  logAnalyticsWorkspace: 'log-management-prod-sdc-001'
  keyVault: 'kv-fabrika-prod-sdc-74bd'
  keyVaultPrivateEndpoint: 'pep-kv-platform-prod-sdc-001'
  hubVirtualNetwork: 'vnet-hub-prod-sdc-001'
  firewall: 'afw-hub-prod-sdc-001'
  firewallPolicy: 'afwp-hub-prod-sdc-001'
  firewallPublicIp: 'pip-firewall-prod-sdc-001'
  firewallManagementPublicIp: 'pip-firewall-mgmt-prod-sdc-001'
  bastion: 'bas-hub-prod-sdc-001'
  bastionPublicIp: 'pip-bastion-prod-sdc-001'
  migrationResourceGroup: 'rg-migration-prod-sdc-001'
  recoveryServicesVault: 'rsv-backup-prod-sdc-001'
  migrateProject: 'migr-srv-prod-sdc-001'
  maintenanceConfiguration: 'mc-servers-prod-sdc-001'
  diskEncryptionKeyVault: 'kv-cmk-prod-sdc-5e81'
  diskEncryptionKeyVaultPrivateEndpoint: 'pep-kv-cmk-prod-sdc-001'
  diskEncryptionSet: 'des-servers-prod-sdc-001'
  diskEncryptionIdentity: 'id-des-servers-prod-sdc-001'
  dataCollectionRule: 'dcr-servers-prod-sdc-001'
  recoveryResourceGroup: 'rg-recovery-prod-neu-001'
  siteRecoveryVault: 'rsv-asr-prod-neu-001'
  siteRecoveryReplicationPolicy: 'asrpol-vms-prod-neu-001'
  siteRecoveryCacheStorage: 'stasrcacheprodsdc1109'
  recoveryDiskEncryptionKeyVault: 'kv-cmk-prod-neu-5e81'
  recoveryDiskEncryptionSet: 'des-servers-prod-neu-001'
  recoveryDiskEncryptionIdentity: 'id-des-servers-prod-neu-001'
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
  addressPrefixes: [
    '10.50.0.0/22'
  ]
  dnsServers: []
  subnets: [
    {
      name: 'AzureFirewallSubnet'
      addressPrefix: '10.50.0.0/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureBastionSubnet'
      addressPrefix: '10.50.0.128/26'
      networkSecurityGroupName: 'nsg-hub-bastion-prod-sdc-001'
      delegation: null
    }
    {
      name: 'snet-management'
      addressPrefix: '10.50.1.0/26'
      networkSecurityGroupName: 'nsg-hub-management-prod-sdc-001'
      delegation: null
    }
  ]
  bastionAddressPrefix: '10.50.0.128/26'
  spokeDnsServers: [
    '10.50.0.4'
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
  zoneRedundant: true
  threatIntelMode: 'Deny'
  snatPrivateRanges: []
  privateIpAddress: '10.50.0.4'
}

param bastion = {
  enabled: true
  sku: 'Standard'
  scaleUnits: 2
  fileCopy: false
}

param spokes = [
  {
    name: 'erp'
    resourceGroupName: 'rg-erp-prod-sdc-001'
    virtualNetworkName: 'vnet-erp-prod-sdc-001'
    routeTableName: 'rt-erp-prod-sdc-001'
    addressPrefixes: [
      '10.51.0.0/23'
    ]
    tags: {
      workload: 'erp'
    }
    subnets: [
      {
        name: 'snet-app'
        addressPrefix: '10.51.0.0/24'
        networkSecurityGroupName: 'nsg-erp-app-prod-sdc-001'
      }
      {
        name: 'snet-db'
        addressPrefix: '10.51.1.0/26'
        networkSecurityGroupName: 'nsg-erp-db-prod-sdc-001'
      }
    ]
  }
  {
    name: 'files'
    resourceGroupName: 'rg-files-prod-sdc-001'
    virtualNetworkName: 'vnet-files-prod-sdc-001'
    routeTableName: 'rt-files-prod-sdc-001'
    addressPrefixes: [
      '10.51.2.0/24'
    ]
    tags: {
      workload: 'files'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.51.2.0/25'
        networkSecurityGroupName: 'nsg-files-workload-prod-sdc-001'
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
    scheduleTime: '22:30'
    timeZone: 'W. Europe Standard Time'
    dailyRetentionDays: 30
    weeklyRetentionWeeks: 12
    monthlyRetentionMonths: 12
    instantRestoreDays: 5
  }
  patching: {
    weekday: 'Saturday'
    startTime: '01:00'
    duration: '03:55'
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

param siteRecovery = {
  enabled: true
  recoveryLocation: 'northeurope'
  recoveryPointRetentionMinutes: 4320
  appConsistentFrequencyMinutes: 240
  networkMappings: [
    {
      spoke: 'erp'
      recoveryNetworkId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-recovery-network-prod-neu-001/providers/Microsoft.Network/virtualNetworks/vnet-erp-prod-neu-001'
    }
    {
      spoke: 'files'
      recoveryNetworkId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-recovery-network-prod-neu-001/providers/Microsoft.Network/virtualNetworks/vnet-files-prod-neu-001'
    }
  ]
  multiVmGroups: [
    'erp'
  ]
}

param virtualMachines = [
  {
    name: 'erpapp01'
    spoke: 'erp'
    resourceGroupName: 'rg-erp-prod-sdc-001'
    virtualNetworkName: 'vnet-erp-prod-sdc-001'
    subnetName: 'snet-app'
    os: 'windows'
    size: 'Standard_D4s_v5'
    zone: '1'
    osDiskSizeGb: null
    osDiskStorage: 'Premium_LRS'
    networkInterfaceName: 'nic-erpapp01-prod-sdc-001'
    osDiskName: 'disk-erpapp01-os-prod-sdc-001'
    dataDisks: [
      {
        name: 'disk-erpapp01-data0-prod-sdc-001'
        lun: 0
        sizeGb: 256
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
      'disk-erpapp01-os-prod-sdc-001'
      'disk-erpapp01-data0-prod-sdc-001'
    ]
    recoveryNetworkId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-recovery-network-prod-neu-001/providers/Microsoft.Network/virtualNetworks/vnet-erp-prod-neu-001'
  }
  {
    name: 'erpdb01'
    spoke: 'erp'
    resourceGroupName: 'rg-erp-prod-sdc-001'
    virtualNetworkName: 'vnet-erp-prod-sdc-001'
    subnetName: 'snet-db'
    os: 'linux'
    size: 'Standard_E8s_v5'
    zone: '1'
    osDiskSizeGb: 64
    osDiskStorage: 'Premium_LRS'
    networkInterfaceName: 'nic-erpdb01-prod-sdc-001'
    osDiskName: 'disk-erpdb01-os-prod-sdc-001'
    dataDisks: [
      {
        name: 'disk-erpdb01-data0-prod-sdc-001'
        lun: 0
        sizeGb: 512
        storage: 'Premium_LRS'
      }
      {
        name: 'disk-erpdb01-data1-prod-sdc-001'
        lun: 1
        sizeGb: 128
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
      'disk-erpdb01-os-prod-sdc-001'
      'disk-erpdb01-data0-prod-sdc-001'
      'disk-erpdb01-data1-prod-sdc-001'
    ]
    recoveryNetworkId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-recovery-network-prod-neu-001/providers/Microsoft.Network/virtualNetworks/vnet-erp-prod-neu-001'
  }
]

// Secret: read from the environment at deploy time, never stored in this file.
param vmAdminSshPublicKey = readEnvironmentVariable('VM_ADMIN_SSH_PUBLIC_KEY')

// Secret: read from the environment at deploy time, never stored in this file.
param vmAdminPassword_erpapp01 = readEnvironmentVariable('VM_ADMIN_PASSWORD_ERPAPP01')
