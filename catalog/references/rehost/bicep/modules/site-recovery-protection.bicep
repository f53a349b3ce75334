// One server protected by Site Recovery, Azure to Azure: every managed disk (OS and data)
// replicates through the cache account into replica disks in the recovery region, encrypted
// with the recovery region's disk encryption set, and a failover brings the server up in its
// spoke's recovery network, in the same zone number (Reliability).
targetScope = 'resourceGroup'

@description('Protected item name: the server\'s name.')
param name string

@description('Site Recovery vault name (in this resource group).')
param vaultName string

@description('Name of the primary region\'s fabric.')
param primaryFabricName string

@description('Name of the primary region\'s protection container.')
param primaryContainerName string

@description('Resource ID of the recovery region\'s protection container.')
param recoveryContainerId string

@description('Resource ID of the replication policy.')
param replicationPolicyId string

@description('Resource ID of the virtual machine.')
param virtualMachineId string

@description('Resource IDs of its managed disks: the OS disk first, then each data disk.')
param diskIds array

@description('Resource ID of the resource group failed-over servers and replica disks go to.')
param recoveryResourceGroupId string

@description('Resource ID of the virtual network in the recovery region the server fails over into; empty for none yet.')
param recoveryNetworkId string

@description('Subnet of that network, named as the server\'s subnet in its spoke.')
param recoverySubnetName string

@description('Availability zone in the recovery region; empty for none.')
param recoveryZone string

@description('Multi-VM consistency group: the servers of one spoke recover to one point in time.')
param multiVmGroupName string

@description('Resource ID of the cache storage account in the servers\' region.')
param cacheStorageAccountId string

@description('Resource ID of the disk encryption set in the recovery region.')
param recoveryDiskEncryptionSetId string

resource vault 'Microsoft.RecoveryServices/vaults@2024-04-01' existing = {
  name: vaultName
}

resource primaryFabric 'Microsoft.RecoveryServices/vaults/replicationFabrics@2024-04-01' existing = {
  parent: vault
  name: primaryFabricName
}

resource primaryContainer 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers@2024-04-01' existing = {
  parent: primaryFabric
  name: primaryContainerName
}

resource protectedItem 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems@2024-04-01' = {
  parent: primaryContainer
  name: name
  properties: {
    policyId: replicationPolicyId
    providerSpecificDetails: {
      instanceType: 'A2A'
      fabricObjectId: virtualMachineId
      recoveryContainerId: recoveryContainerId
      recoveryResourceGroupId: recoveryResourceGroupId
      recoveryAzureNetworkId: empty(recoveryNetworkId) ? null : recoveryNetworkId
      recoverySubnetName: empty(recoveryNetworkId) ? null : recoverySubnetName
      recoveryAvailabilityZone: empty(recoveryZone) ? null : recoveryZone
      multiVmGroupName: multiVmGroupName
      vmManagedDisks: [
        for diskId in diskIds: {
          diskId: diskId
          primaryStagingAzureStorageAccountId: cacheStorageAccountId
          recoveryResourceGroupId: recoveryResourceGroupId
          // Premium like the source disks, so a failed-over server performs as it did.
          recoveryReplicaDiskAccountType: 'Premium_LRS'
          recoveryTargetDiskAccountType: 'Premium_LRS'
          // Site Recovery refuses disks encrypted with customer-managed keys without a set here.
          recoveryDiskEncryptionSetId: recoveryDiskEncryptionSetId
        }
      ]
    }
  }
}

@description('Resource ID of the protected item.')
output resourceId string = protectedItem.id

@description('Name of the protected item.')
output name string = protectedItem.name
