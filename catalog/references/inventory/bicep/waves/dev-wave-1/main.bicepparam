// Wave dev-wave-1 (dev): parameters of main.bicep, rendered by meg 0.1.0.
//   az deployment group what-if --resource-group rg-migration-dev-weu-001 --template-file main.bicep --parameters main.bicepparam
// The replication infrastructure's names and IDs below are Azure Migrate's: README.md ("Replication
// waves") gives the command that reads each one.
using 'main.bicep'

param vaultName = ''

param fabricName = ''

param protectionContainerName = ''

param replicationPolicyName = ''

param runAsAccountId = ''

param logStorageAccountId = ''

param diskEncryptionSetResourceGroupName = 'rg-migration-dev-weu-001'

param diskEncryptionSetName = 'des-servers-dev-weu-001'

param tags = {
  costCenter: 'CC-4410'
  environment: 'dev'
  landingZone: 'northwind'
  owner: 'migration-team'
}

// Backup and patching reach each VM through these tags once it is cut over (README.md, "Enrolment").
param enrolmentTags = {
  backupVault: 'rsv-backup-dev-weu-001'
  patchWindow: 'mc-servers-dev-weu-001'
}

param servers = [
  {
    name: 'nw-devapp01'
    resourceGroupName: 'rg-orders-dev-weu-001'
    virtualNetworkName: 'vnet-orders-dev-weu-001'
    subnetName: 'snet-app'
    size: 'Standard_D2s_v5'
    zone: ''
    licenseType: 'NoLicenseType'
    diskTypes: [
      'StandardSSD_LRS'
      'StandardSSD_LRS'
    ]
  }
  {
    name: 'nw-devsql01'
    resourceGroupName: 'rg-orders-dev-weu-001'
    virtualNetworkName: 'vnet-orders-dev-weu-001'
    subnetName: 'snet-db'
    size: 'Standard_E4s_v5'
    zone: ''
    licenseType: 'WindowsServer'
    diskTypes: [
      'StandardSSD_LRS'
      'StandardSSD_LRS'
    ]
  }
]

// Each server's machine in Azure Migrate and its disks' UUIDs, the OS disk first (README.md,
// "Replication waves", lists them all in one command). A machine ID the inventory held is filled in.
param sourceMachines = {
  // 'NW-DEVAPP01.northwind.local'
  'nw-devapp01': {
    machineId: ''
    diskIds: []
  }
  // 'nw-devsql01', VMware UUID '4211aa01-0000-4000-8000-000000000002'
  'nw-devsql01': {
    machineId: ''
    diskIds: []
  }
}

// VM names not to send again; the wave pipeline passes the servers already replicating or cut over
// (`bash waves/wave.sh replicated|migrated <wave>`). Listed here so that --parameters can override it.
param skipServers = []
