// dev (dev preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location westeurope --template-file ../main.bicep --parameters dev.bicepparam
using '../main.bicep'

param location = 'westeurope'

param environmentName = 'dev'

param tags = {
  costCenter: 'CC-4410'
  environment: 'dev'
  landingZone: 'northwind'
  owner: 'migration-team'
}

param names = {
  connectivityResourceGroup: 'rg-connectivity-dev-weu-001'
  managementResourceGroup: 'rg-management-dev-weu-001'
  securityResourceGroup: 'rg-security-dev-weu-001'
  logAnalyticsWorkspace: 'log-management-dev-weu-001'
  keyVault: 'kv-northwin-dev-weu-10d9'
  keyVaultPrivateEndpoint: 'pep-kv-platform-dev-weu-001'
  hubVirtualNetwork: 'vnet-hub-dev-weu-001'
  firewall: 'afw-hub-dev-weu-001'
  firewallPolicy: 'afwp-hub-dev-weu-001'
  firewallPublicIp: 'pip-firewall-dev-weu-001'
  firewallManagementPublicIp: 'pip-firewall-mgmt-dev-weu-001'
  bastion: 'bas-hub-dev-weu-001'
  bastionPublicIp: 'pip-bastion-dev-weu-001'
  migrationResourceGroup: 'rg-migration-dev-weu-001'
  recoveryServicesVault: 'rsv-backup-dev-weu-001'
  migrateProject: 'migr-srv-dev-weu-001'
  maintenanceConfiguration: 'mc-servers-dev-weu-001'
  diskEncryptionKeyVault: 'kv-cmk-dev-weu-2d7b'
  diskEncryptionKeyVaultPrivateEndpoint: 'pep-kv-cmk-dev-weu-001'
  diskEncryptionSet: 'des-servers-dev-weu-001'
  diskEncryptionIdentity: 'id-des-servers-dev-weu-001'
  enrolmentIdentity: 'id-enrol-dev-weu-001'
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
    '10.80.0.0/22'
  ]
  dnsServers: []
  subnets: [
    {
      name: 'AzureFirewallSubnet'
      addressPrefix: '10.80.0.0/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureFirewallManagementSubnet'
      addressPrefix: '10.80.0.64/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureBastionSubnet'
      addressPrefix: '10.80.0.128/26'
      networkSecurityGroupName: 'nsg-hub-bastion-dev-weu-001'
      delegation: null
    }
    {
      name: 'snet-management'
      addressPrefix: '10.80.1.0/26'
      networkSecurityGroupName: 'nsg-hub-management-dev-weu-001'
      delegation: null
    }
  ]
  bastionAddressPrefix: '10.80.0.128/26'
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
  privateIpAddress: '10.80.0.4'
}

param bastion = {
  enabled: true
  sku: 'Basic'
  scaleUnits: 2
  fileCopy: false
}

param spokes = [
  {
    name: 'orders'
    resourceGroupName: 'rg-orders-dev-weu-001'
    virtualNetworkName: 'vnet-orders-dev-weu-001'
    routeTableName: 'rt-orders-dev-weu-001'
    addressPrefixes: [
      '10.81.0.0/23'
    ]
    tags: {
      workload: 'orders'
    }
    subnets: [
      {
        name: 'snet-app'
        addressPrefix: '10.81.0.0/24'
        networkSecurityGroupName: 'nsg-orders-app-dev-weu-001'
      }
      {
        name: 'snet-db'
        addressPrefix: '10.81.1.0/26'
        networkSecurityGroupName: 'nsg-orders-db-dev-weu-001'
      }
    ]
  }
  {
    name: 'files'
    resourceGroupName: 'rg-files-dev-weu-001'
    virtualNetworkName: 'vnet-files-dev-weu-001'
    routeTableName: 'rt-files-dev-weu-001'
    addressPrefixes: [
      '10.81.2.0/24'
    ]
    tags: {
      workload: 'files'
    }
    subnets: [
      {
        name: 'snet-workload'
        addressPrefix: '10.81.2.0/25'
        networkSecurityGroupName: 'nsg-files-workload-dev-weu-001'
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

param enrolment = {
  enabled: true
  resourceGroups: [
    'rg-orders-dev-weu-001'
  ]
  osTypes: [
    'Linux'
    'Windows'
  ]
  backupTag: {
    name: 'backupVault'
    value: 'rsv-backup-dev-weu-001'
  }
  patchTag: {
    name: 'patchWindow'
    value: 'mc-servers-dev-weu-001'
  }
  patchPrerequisitesPolicyId: '/providers/Microsoft.Authorization/policyDefinitions/9905ca54-1471-49c6-8291-7582c04cd4d4'
  names: {
    backupPolicyDefinition: 'deploy-vm-backup-by-tag-dev'
    backupAssignment: 'backup-migrated-vms-dev'
    patchPrerequisitesAssignment: 'patch-prerequisites-dev'
    patchSchedule: 'patch-migrated-vms-dev'
  }
}
