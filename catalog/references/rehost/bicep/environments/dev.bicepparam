// dev (dev preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location swedencentral --template-file ../main.bicep --parameters dev.bicepparam
using '../main.bicep'

param location = 'swedencentral'

param environmentName = 'dev'

param tags = {
  costCenter: 'CC-2210'
  environment: 'dev'
  landingZone: 'fabrikam'
  migrationWave: 'wave-1'
  owner: 'infra-team'
}

param names = {
  connectivityResourceGroup: 'rg-connectivity-dev-sdc-001'
  managementResourceGroup: 'rg-management-dev-sdc-001'
  securityResourceGroup: 'rg-security-dev-sdc-001'
  logAnalyticsWorkspace: 'log-management-dev-sdc-001'
  keyVault: 'kv-fabrikam-dev-sdc-6454'
  keyVaultPrivateEndpoint: 'pep-kv-platform-dev-sdc-001'
  hubVirtualNetwork: 'vnet-hub-dev-sdc-001'
  firewall: 'afw-hub-dev-sdc-001'
  firewallPolicy: 'afwp-hub-dev-sdc-001'
  firewallPublicIp: 'pip-firewall-dev-sdc-001'
  firewallManagementPublicIp: 'pip-firewall-mgmt-dev-sdc-001'
  bastion: 'bas-hub-dev-sdc-001'
  bastionPublicIp: 'pip-bastion-dev-sdc-001'
  migrationResourceGroup: 'rg-migration-dev-sdc-001'
  recoveryServicesVault: 'rsv-backup-dev-sdc-001'
  migrateProject: 'migr-srv-dev-sdc-001'
  maintenanceConfiguration: 'mc-servers-dev-sdc-001'
  diskEncryptionKeyVault: 'kv-cmk-dev-sdc-f8ef'
  diskEncryptionKeyVaultPrivateEndpoint: 'pep-kv-cmk-dev-sdc-001'
  diskEncryptionSet: 'des-servers-dev-sdc-001'
  diskEncryptionIdentity: 'id-des-servers-dev-sdc-001'
  dataCollectionRule: 'dcr-servers-dev-sdc-001'
  recoveryResourceGroup: 'rg-recovery-dev-sdc-001'
  siteRecoveryVault: 'rsv-asr-dev-sdc-001'
  siteRecoveryReplicationPolicy: 'asrpol-vms-dev-sdc-001'
  siteRecoveryCacheStorage: 'stasrcachedevsdc6670'
  recoveryDiskEncryptionKeyVault: 'kv-cmk-dev-sdc-f8ef'
  recoveryDiskEncryptionSet: 'des-servers-dev-sdc-001'
  recoveryDiskEncryptionIdentity: 'id-des-servers-dev-sdc-001'
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
  addressPrefixes: [
    '10.40.0.0/22'
  ]
  dnsServers: []
  subnets: [
    {
      name: 'AzureFirewallSubnet'
      addressPrefix: '10.40.0.0/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureFirewallManagementSubnet'
      addressPrefix: '10.40.0.64/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureBastionSubnet'
      addressPrefix: '10.40.0.128/26'
      networkSecurityGroupName: 'nsg-hub-bastion-dev-sdc-001'
      delegation: null
    }
    {
      name: 'snet-management'
      addressPrefix: '10.40.1.0/26'
      networkSecurityGroupName: 'nsg-hub-management-dev-sdc-001'
      delegation: null
    }
  ]
  bastionAddressPrefix: '10.40.0.128/26'
  spokeDnsServers: []
  linkPrivateDnsZonesToSpokes: true
}

param privateDnsZones = [
  'privatelink.vaultcore.azure.net'
  'privatelink.blob.core.windows.net'
]

param firewall = {
  enabled: true
  tier: 'Basic'
  zoneRedundant: false
  threatIntelMode: 'Alert'
  snatPrivateRanges: []
  privateIpAddress: '10.40.0.4'
}

param bastion = {
  enabled: true
  sku: 'Basic'
  scaleUnits: 2
  fileCopy: false
}

param spokes = [
  {
    name: 'erp'
    resourceGroupName: 'rg-erp-dev-sdc-001'
    virtualNetworkName: 'vnet-erp-dev-sdc-001'
    routeTableName: 'rt-erp-dev-sdc-001'
    addressPrefixes: [
      '10.41.0.0/24'
    ]
    tags: {
      workload: 'erp'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.41.0.0/25'
        networkSecurityGroupName: 'nsg-erp-workload-dev-sdc-001'
      }
    ]
  }
  {
    name: 'files'
    resourceGroupName: 'rg-files-dev-sdc-001'
    virtualNetworkName: 'vnet-files-dev-sdc-001'
    routeTableName: 'rt-files-dev-sdc-001'
    addressPrefixes: [
      '10.41.1.0/24'
    ]
    tags: {
      workload: 'files'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.41.1.0/25'
        networkSecurityGroupName: 'nsg-files-workload-dev-sdc-001'
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
    startTime: '05:00'
    duration: '02:00'
    timeZone: 'W. Europe Standard Time'
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

param siteRecovery = {
  enabled: false
  recoveryLocation: 'swedencentral'
  recoveryPointRetentionMinutes: 1440
  appConsistentFrequencyMinutes: 240
  networkMappings: []
  multiVmGroups: []
}

param virtualMachines = []

// vmAdminSshPublicKey: nothing in dev uses it, so it is not asked for here.

// vmAdminPassword_erpapp01: nothing in dev uses it, so it is not asked for here.
