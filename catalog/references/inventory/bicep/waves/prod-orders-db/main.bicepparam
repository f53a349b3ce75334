// Wave prod-orders-db (prod): parameters of main.bicep, rendered by meg 0.1.0.
//   az deployment group what-if --resource-group rg-migration-prod-weu-001 --template-file main.bicep --parameters main.bicepparam
// The replication infrastructure's names and IDs below are Azure Migrate's: README.md ("Replication
// waves") gives the command that reads each one.
using 'main.bicep'

param vaultName = ''

param fabricName = ''

param protectionContainerName = ''

param replicationPolicyName = ''

param runAsAccountId = ''

param logStorageAccountId = ''

param diskEncryptionSetResourceGroupName = 'rg-migration-prod-weu-001'

param diskEncryptionSetName = 'des-servers-prod-weu-001'

param tags = {
  costCenter: 'CC-4410'
  environment: 'prod'
  landingZone: 'northwind'
  owner: 'migration-team'
}

// Backup and patching reach each VM through these tags once it is cut over (README.md, "Enrolment").
param enrolmentTags = {
  backupVault: 'rsv-backup-prod-weu-001'
  patchWindow: 'mc-servers-prod-weu-001'
}

param servers = [
  {
    name: 'nw-sql01'
    resourceGroupName: 'rg-orders-prod-weu-001'
    virtualNetworkName: 'vnet-orders-prod-weu-001'
    subnetName: 'snet-db'
    size: 'Standard_E16s_v5'
    zone: ''
    licenseType: 'WindowsServer'
    diskTypes: [
      'Premium_LRS'
      'Premium_LRS'
      'Premium_LRS'
    ]
  }
]

// Each server's machine in Azure Migrate and its disks' UUIDs, the OS disk first (README.md,
// "Replication waves", lists them all in one command). A machine ID the inventory held is filled in.
param sourceMachines = {
  // 'nw-sql01'
  'nw-sql01': {
    machineId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-migration-prod-weu-001/providers/Microsoft.OffAzure/VMwareSites/nw-vcenter01-site/machines/nw-vcenter01-4211aa01-0000-4000-8000-000000000001'
    diskIds: []
  }
}

// VM names not to send again; the wave pipeline passes the servers already replicating or cut over
// (`bash waves/wave.sh replicated|migrated <wave>`). Listed here so that --parameters can override it.
param skipServers = []
