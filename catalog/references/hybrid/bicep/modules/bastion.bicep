// Azure Bastion in the hub: RDP and SSH to every peered network over TLS from the portal or the
// Azure CLI, so no virtual machine needs a public IP or an open management port (Security).
targetScope = 'resourceGroup'

@description('Bastion host name.')
param name string

@description('Name of the Bastion host\'s public IP.')
param publicIpName string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Bastion SKU: Standard and Premium add native-client tunnelling and scaling.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param sku string

@description('Instances, each taking about 20 concurrent RDP or 40 SSH sessions (host scaling): Basic always runs 2.')
@minValue(2)
@maxValue(50)
param scaleUnits int = 2

@description('Upload and download files through the native client: Standard and Premium only, off on Basic.')
param fileCopy bool = false

@description('Resource ID of AzureBastionSubnet.')
param subnetId string

@description('Diagnostic settings of the Bastion host (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

@description('Management lock on the Bastion host (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
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

// The public IP gets every diagnostic setting.
var publicIpDiagnosticSettings = map(diagnosticSettings, setting => {
  index: 0
  setting: setting
})

resource publicIp 'Microsoft.Network/publicIPAddresses@2024-01-01' = {
  name: publicIpName
  location: location
  tags: tags
  // Standard and static: what Azure Bastion requires.
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource bastionHost 'Microsoft.Network/bastionHosts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    // Room for the sessions of a migration wave's engineers (Performance Efficiency).
    scaleUnits: scaleUnits
    ipConfigurations: [
      {
        name: 'ipconfig-bastion'
        properties: {
          subnet: {
            id: subnetId
          }
          publicIPAddress: {
            id: publicIp.id
          }
        }
      }
    ]
    // Native client (az network bastion rdp/ssh) where the SKU offers it (Operational Excellence).
    enableTunneling: sku != 'Basic'
    // File transfer rides on the native client, which Basic does not have (Azure Bastion SKU
    // comparison, "Upload or download files").
    enableFileCopy: sku != 'Basic' && fileCopy
    // A shareable link lets anyone holding it reach a VM without an Azure role: off (Security).
    enableShareableLink: false
  }
}

// Diagnostics of the Bastion host (BastionAuditLogs: who opened a session to which machine, from
// where: Security) and of its public IP, to the destinations of diagnosticSettings.
resource bastionDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${name}'
    scope: bastionHost
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

resource publicIpDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for target in publicIpDiagnosticSettings: {
    name: target.setting.?name ?? 'diag-${publicIpName}'
    scope: publicIp
    properties: {
      workspaceId: target.setting.?workspaceResourceId
      storageAccountId: target.setting.?storageAccountResourceId
      eventHubAuthorizationRuleId: target.setting.?eventHubAuthorizationRuleResourceId
      eventHubName: target.setting.?eventHubName
      marketplacePartnerId: target.setting.?marketplacePartnerResourceId
      // The resource's own logs (a public IP's: DDoS notifications and mitigation reports; an
      // NSG's: rule hits) and metrics where it has them.
      logs: [
        {
          categoryGroup: 'allLogs'
          enabled: true
        }
      ]
      metrics: [
        {
          category: 'AllMetrics'
          enabled: true
        }
      ]
    }
  }
]

resource bastionLock 'Microsoft.Authorization/locks@2020-05-01' = if ((lock.?kind ?? 'None') != 'None') {
  name: lock.?name ?? 'lock-${name}'
  scope: bastionHost
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

@description('Resource ID of the Bastion host.')
output resourceId string = bastionHost.id

@description('Name of the Bastion host.')
output name string = bastionHost.name
