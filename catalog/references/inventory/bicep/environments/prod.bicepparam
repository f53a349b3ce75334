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
  enrolmentIdentity: 'id-enrol-prod-weu-001'
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
  zoneRedundant: true
  threatIntelMode: 'Deny'
  snatPrivateRanges: []
  privateIpAddress: '10.90.0.4'
}

param bastion = {
  enabled: true
  sku: 'Standard'
  scaleUnits: 2
  fileCopy: false
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

param enrolment = {
  enabled: true
  resourceGroups: [
    'rg-files-prod-weu-001'
    'rg-orders-prod-weu-001'
  ]
  osTypes: [
    'Linux'
    'Windows'
  ]
  backupTag: {
    name: 'backupVault'
    value: 'rsv-backup-prod-weu-001'
  }
  patchTag: {
    name: 'patchWindow'
    value: 'mc-servers-prod-weu-001'
  }
  patchPrerequisitesPolicyId: '/providers/Microsoft.Authorization/policyDefinitions/9905ca54-1471-49c6-8291-7582c04cd4d4'
  names: {
    backupPolicyDefinition: 'deploy-vm-backup-by-tag-prod'
    backupAssignment: 'backup-migrated-vms-prod'
    patchPrerequisitesAssignment: 'patch-prerequisites-prod'
    patchSchedule: 'patch-migrated-vms-prod'
  }
}
