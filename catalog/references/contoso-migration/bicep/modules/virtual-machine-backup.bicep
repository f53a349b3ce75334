// Backup protection of the VMs meg deploys, in the rehost vault with the daily policy. Servers
// that arrive through Azure Migrate are protected the same way once they are cut over.
targetScope = 'resourceGroup'

@description('Name of the Recovery Services vault.')
param vaultName string

@description('Resource ID of the VM backup policy.')
param backupPolicyId string

// items: { name, resourceGroupName, id }
@description('The virtual machines to protect.')
param virtualMachines array

resource protectedItems 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2024-04-01' = [
  for vm in virtualMachines: {
    // Azure Backup names the container and item after the VM's resource group and name.
    name: '${vaultName}/Azure/iaasvmcontainer;iaasvmcontainerv2;${vm.resourceGroupName};${vm.name}/vm;iaasvmcontainerv2;${vm.resourceGroupName};${vm.name}'
    properties: {
      protectedItemType: 'Microsoft.Compute/virtualMachines'
      policyId: backupPolicyId
      sourceResourceId: vm.id
    }
  }
]
