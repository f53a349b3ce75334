// Azure Site Recovery, Azure to Azure: the servers replicate to a second region and fail over
// there when theirs is lost (Reliability). The vault lives in the recovery region, so it
// survives the outage it protects against.
targetScope = 'resourceGroup'

@description('Site Recovery vault name.')
param vaultName string

@description('Replication policy name.')
param replicationPolicyName string

@description('Region the servers run in.')
param primaryLocation string

@description('Region they fail over to: the vault\'s region.')
param recoveryLocation string

@description('Tags.')
param tags object

@description('Minutes of crash-consistent recovery points kept.')
param recoveryPointRetentionMinutes int

@description('Minutes between app-consistent snapshots; 0 for none.')
param appConsistentFrequencyMinutes int

// items: { spoke, recoveryNetworkId }
@description('Network mappings: the virtual network in the recovery region each spoke fails over into.')
param networkMappings array

@description('Resource IDs of the spoke virtual networks, by spoke name.')
param primaryNetworkIds object

@description('Management lock on the Site Recovery vault (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
param lock lockType?

// A decorated statement follows the nullable parameter: tree-sitter-bicep would read a bare
// statement after `lockType?` as the rest of a conditional expression.
@description('The kinds of a management lock (AVM lockType).')
type lockKindType = 'CanNotDelete' | 'ReadOnly' | 'None'

// AVM's lockType.
type lockType = {
  // The lock's name (default lock-<resource name>).
  name: string?
  kind: lockKindType
}

@description('Diagnostic settings of the Site Recovery vault (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

resource vault 'Microsoft.RecoveryServices/vaults@2024-04-01' = {
  name: vaultName
  location: recoveryLocation
  tags: tags
  sku: {
    name: 'RS0'
    tier: 'Standard'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    // The mobility agent on each server reaches the vault over its public endpoint unless
    // private endpoints are added for it (Security: see the component's notes).
    publicNetworkAccess: 'Enabled'
    securitySettings: {
      softDeleteSettings: {
        softDeleteState: 'Enabled'
        softDeleteRetentionPeriodInDays: 14
      }
    }
    monitoringSettings: {
      azureMonitorAlertSettings: {
        alertsForAllJobFailures: 'Enabled'
      }
    }
  }
}

// Replication health, jobs and recovery points per server, to the destinations of
// diagnosticSettings (Operational Excellence).
resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${vaultName}'
    scope: vault
    properties: {
      workspaceId: setting.?workspaceResourceId
      storageAccountId: setting.?storageAccountResourceId
      eventHubAuthorizationRuleId: setting.?eventHubAuthorizationRuleResourceId
      eventHubName: setting.?eventHubName
      marketplacePartnerId: setting.?marketplacePartnerResourceId
      logAnalyticsDestinationType: setting.?logAnalyticsDestinationType
      logs: [
        for group in (setting.?logCategoriesAndGroups ?? [
          {
            categoryGroup: 'allLogs'
          }
        ]): {
          category: group.?category
          categoryGroup: group.?categoryGroup
          enabled: group.?enabled ?? true
        }
      ]
      metrics: [
        for metric in (setting.?metricCategories ?? [
          {
            category: 'AllMetrics'
          }
        ]): {
          category: metric.category
          enabled: metric.?enabled ?? true
        }
      ]
    }
  }
]

resource vaultLock 'Microsoft.Authorization/locks@2020-05-01' = if ((lock.?kind ?? 'None') != 'None') {
  name: lock.?name ?? 'lock-${vaultName}'
  scope: vault
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

// One fabric per region: Azure-to-Azure fabrics stand for the regions themselves.
resource primaryFabric 'Microsoft.RecoveryServices/vaults/replicationFabrics@2024-04-01' = {
  parent: vault
  name: 'asr-a2a-${primaryLocation}'
  properties: {
    customDetails: {
      instanceType: 'Azure'
      location: primaryLocation
    }
  }
}

resource recoveryFabric 'Microsoft.RecoveryServices/vaults/replicationFabrics@2024-04-01' = {
  parent: vault
  name: 'asr-a2a-${recoveryLocation}'
  properties: {
    customDetails: {
      instanceType: 'Azure'
      location: recoveryLocation
    }
  }
}

resource primaryContainer 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers@2024-04-01' = {
  parent: primaryFabric
  name: 'asr-a2a-${primaryLocation}-container'
  properties: {
    providerSpecificInput: [
      {
        instanceType: 'A2A'
      }
    ]
  }
}

resource recoveryContainer 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers@2024-04-01' = {
  parent: recoveryFabric
  name: 'asr-a2a-${recoveryLocation}-container'
  properties: {
    providerSpecificInput: [
      {
        instanceType: 'A2A'
      }
    ]
  }
}

resource replicationPolicy 'Microsoft.RecoveryServices/vaults/replicationPolicies@2024-04-01' = {
  parent: vault
  name: replicationPolicyName
  properties: {
    providerSpecificInput: {
      instanceType: 'A2A'
      recoveryPointHistory: recoveryPointRetentionMinutes
      appConsistentFrequencyInMinutes: appConsistentFrequencyMinutes
      // Servers of one application replicate to a shared, consistent point in time (Reliability).
      multiVmSyncStatus: 'Enable'
    }
  }
}

// Failover: primary to recovery region. Agent updates stay manual here (Operational Excellence:
// automatic updates need an Automation account that this landing zone does not create).
resource failoverMapping 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectionContainerMappings@2024-04-01' = {
  parent: primaryContainer
  name: 'map-${primaryLocation}-to-${recoveryLocation}'
  properties: {
    policyId: replicationPolicy.id
    targetProtectionContainerId: recoveryContainer.id
    providerSpecificInput: {
      instanceType: 'A2A'
      agentAutoUpdateStatus: 'Disabled'
    }
  }
}

// Failback: after a failover the servers are re-protected in the other direction with the same policy.
resource failbackMapping 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectionContainerMappings@2024-04-01' = {
  parent: recoveryContainer
  name: 'map-${recoveryLocation}-to-${primaryLocation}'
  properties: {
    policyId: replicationPolicy.id
    targetProtectionContainerId: primaryContainer.id
    providerSpecificInput: {
      instanceType: 'A2A'
      agentAutoUpdateStatus: 'Disabled'
    }
  }
}

// Azure fabrics have one replication network collection, named azureNetwork.
resource primaryNetworks 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationNetworks@2024-04-01' existing = {
  parent: primaryFabric
  name: 'azureNetwork'
}

// A failed-over server joins the mapped network in the recovery region (Reliability).
resource failoverNetworkMapping 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationNetworks/replicationNetworkMappings@2024-04-01' = [
  for mapping in networkMappings: {
    parent: primaryNetworks
    name: 'map-${mapping.spoke}-to-${recoveryLocation}'
    properties: {
      recoveryFabricName: recoveryFabric.name
      recoveryNetworkId: mapping.recoveryNetworkId
      fabricSpecificDetails: {
        instanceType: 'AzureToAzure'
        primaryNetworkId: primaryNetworkIds[mapping.spoke]
      }
    }
  }
]

// Azure fabrics have one replication network collection, named azureNetwork.
resource recoveryNetworks 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationNetworks@2024-04-01' existing = {
  parent: recoveryFabric
  name: 'azureNetwork'
}

// Failback: once a failed-over server is re-protected towards its own region, it returns to its
// spoke's network; without this reverse mapping re-protection stops and asks for one (Reliability).
resource failbackNetworkMapping 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationNetworks/replicationNetworkMappings@2024-04-01' = [
  for mapping in networkMappings: {
    parent: recoveryNetworks
    name: 'map-${mapping.spoke}-to-${primaryLocation}'
    properties: {
      recoveryFabricName: primaryFabric.name
      recoveryNetworkId: primaryNetworkIds[mapping.spoke]
      fabricSpecificDetails: {
        instanceType: 'AzureToAzure'
        primaryNetworkId: mapping.recoveryNetworkId
      }
    }
  }
]

@description('Resource ID of the Site Recovery vault.')
output resourceId string = vault.id

@description('Name of the Site Recovery vault.')
output name string = vault.name

@description('Resource ID of the replication policy.')
output replicationPolicyId string = replicationPolicy.id

@description('Name of the primary region\'s fabric, where servers are protected.')
output primaryFabricName string = primaryFabric.name

@description('Name of the primary region\'s protection container.')
output primaryContainerName string = primaryContainer.name

@description('Resource ID of the recovery region\'s protection container.')
output recoveryContainerId string = recoveryContainer.id
