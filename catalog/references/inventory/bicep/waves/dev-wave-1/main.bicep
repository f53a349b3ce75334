// Wave dev-wave-1 of northwind (dev): Azure Migrate's agentless VMware replication of its
// 2 servers, rendered by meg 0.1.0 (catalog 2026.11.0).
// Each server becomes a migration item of the replication vault Azure Migrate created for the project
// migr-srv-dev-weu-001; Azure Migrate's cutover creates the VM, its disks and its NIC from it, so the
// environment's root does not create these servers (README.md, "Replication waves").
// Deploy into the project's resource group, after the replication infrastructure is initialised:
//   az deployment group create --resource-group rg-migration-dev-weu-001 --template-file main.bicep --parameters main.bicepparam
targetScope = 'resourceGroup'

@description('Replication vault Azure Migrate created for the project (in this resource group): az resource list --resource-group rg-migration-dev-weu-001 --resource-type Microsoft.RecoveryServices/vaults --query [].name')
param vaultName string

@description('Replication fabric of the VMware site in that vault: az rest --method get --url <vault id>/replicationFabrics?api-version=2024-04-01 --query value[].name')
param fabricName string

@description('Protection container of that fabric: az rest --method get --url <fabric id>/replicationProtectionContainers?api-version=2024-04-01 --query value[].name')
param protectionContainerName string

@description('Replication policy Azure Migrate created for the VMware site: az rest --method get --url <vault id>/replicationPolicies?api-version=2024-04-01 --query value[].name')
param replicationPolicyName string

@description('Resource ID of the VMware site\'s run-as account (the vCenter Server credentials the appliance replicates with), a Microsoft.OffAzure/VMwareSites/runasaccounts resource.')
param runAsAccountId string

@description('Resource ID of the log (cache) storage account Azure Migrate created for the replication: the container mapping\'s providerSpecificDetails.storageAccountId.')
param logStorageAccountId string

@description('Subscription of the landing zone\'s dev environment, where the servers land.')
param targetSubscriptionId string = subscription().subscriptionId

@description('Resource ID of an isolated virtual network for test migrations (no route to on-premises or to the production spokes); empty: test migrations need one given when they start.')
param testVirtualNetworkId string = ''

@description('Subnet of the test network.')
param testSubnetName string = ''

@description('Resource group of the dev environment\'s disk encryption set (its customer-managed key): every replicated disk is encrypted with it.')
param diskEncryptionSetResourceGroupName string

@description('Name of that disk encryption set.')
param diskEncryptionSetName string

@description('Tags of the replicated VMs, disks and NICs.')
param tags object

@description('Tags the replicated VMs carry besides: the vault and the patch window whose policy and dynamic scope enrol them after cutover (README.md, "Enrolment").')
param enrolmentTags object

@description('The wave\'s servers, decided by meg from the inventory: { name, resourceGroupName, virtualNetworkName, subnetName, size, zone (empty for none), licenseType, diskTypes (OS disk first) }.')
param servers array

@description('Each server\'s source in Azure Migrate, by VM name: { machineId (a Microsoft.OffAzure/VMwareSites/machines resource ID), diskIds (the machine\'s properties.disks[].uuid, OS disk first) }.')
param sourceMachines object

@description('VM names whose migration item exists already, or that cut over with replication stopped: they are not sent again, since the replication service refuses a second PUT of an item it protects (a change after replication started is an updateMigrationItem action, RUNBOOK.md). The wave pipeline fills it from waves/wave.sh replicated and migrated.')
param skipServers array = []

var batchSize = 200

// Each server with its source, in one list the batches take slices of. A server whose source is not
// filled in yet is left out (serversWithoutSource lists it): the replication service would refuse it.
var withSource = [for s in servers: union(s, sourceMachines[s.name])]
var replicated = filter(withSource, s => !empty(s.machineId) && !empty(s.diskIds) && !contains(skipServers, s.name))

// ARM allows 800 resources per deployment and 4 MB per expanded template
// (learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#template-limits): the wave is
// split into deployments of 200 migration items, deployed one after another so that the
// appliance never starts more replications at once than one batch holds.
@batchSize(1)
module batches '../../modules/replication-batch.bicep' = [for i in range(0, (length(replicated) + batchSize - 1) / batchSize): {
  // Deployment names: at most 64 characters, unique per wave in the resource group's history.
  name: '${take('replication-dev-wave-1', 58)}-${i}'
  params: {
    vaultName: vaultName
    fabricName: fabricName
    protectionContainerName: protectionContainerName
    replicationPolicyName: replicationPolicyName
    runAsAccountId: runAsAccountId
    logStorageAccountId: logStorageAccountId
    targetSubscriptionId: targetSubscriptionId
    testVirtualNetworkId: testVirtualNetworkId
    testSubnetName: testSubnetName
    diskEncryptionSetId: resourceId(targetSubscriptionId, diskEncryptionSetResourceGroupName, 'Microsoft.Compute/diskEncryptionSets', diskEncryptionSetName)
    tags: tags
    enrolmentTags: enrolmentTags
    servers: take(skip(replicated, i * batchSize), batchSize)
  }
}]

@description('Servers not replicated yet: sourceMachines has no machineId or diskIds for them.')
output serversWithoutSource array = map(filter(withSource, s => empty(s.machineId) || empty(s.diskIds)), s => s.name)
