// ExpressRoute gateway: zone-redundant (AZ SKU) in the hub's GatewaySubnet, connected to the
// circuit when one is given. Diagnostics to Log Analytics.
targetScope = 'resourceGroup'

@description('ExpressRoute gateway name.')
param name string

@description('Name of the connection to the circuit.')
param connectionName string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Zone-redundant ExpressRoute gateway SKU.')
@allowed([
  'ErGw1AZ'
  'ErGw2AZ'
  'ErGw3AZ'
])
param sku string

@description('Resource ID of the hub\'s GatewaySubnet.')
param gatewaySubnetId string

@description('Resource ID of the provisioned ExpressRoute circuit; empty to deploy the gateway unconnected.')
param circuitId string

@description('Diagnostic settings of the ExpressRoute gateway (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

@description('Management lock on the ExpressRoute gateway (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
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

resource gateway 'Microsoft.Network/virtualNetworkGateways@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    gatewayType: 'ExpressRoute'
    // ExpressRoute gateways are route-based only; Generation applies to VPN gateways.
    vpnType: 'RouteBased'
    vpnGatewayGeneration: 'None'
    // AZ SKU: instances spread over the region's zones (Reliability).
    sku: {
      name: sku
      tier: sku
    }
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: gatewaySubnetId
          }
          // No public IP of ours: since 2025 Azure assigns and manages a zone-redundant one for every new
          // ExpressRoute gateway, and rejects one passed in.
        }
      }
    ]
  }
}

resource connection 'Microsoft.Network/connections@2024-01-01' = if (!empty(circuitId)) {
  name: connectionName
  location: location
  tags: tags
  properties: {
    connectionType: 'ExpressRoute'
    virtualNetworkGateway1: {
      id: gateway.id
      properties: {}
    }
    peer: {
      id: circuitId
    }
    // For the same prefix Azure prefers ExpressRoute over a site-to-site VPN, so a VPN gateway
    // beside this one stays the backup path (Reliability).
    routingWeight: 0
  }
}

// Diagnostics of the gateway (bits, packets and BGP route counts show when the SKU is outgrown:
// Performance Efficiency), to the destinations of diagnosticSettings.
resource gatewayDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${name}'
    scope: gateway
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

resource gatewayLock 'Microsoft.Authorization/locks@2020-05-01' = if ((lock.?kind ?? 'None') != 'None') {
  name: lock.?name ?? 'lock-${name}'
  scope: gateway
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

@description('Resource ID of the ExpressRoute gateway.')
output resourceId string = gateway.id

@description('Name of the ExpressRoute gateway.')
output name string = gateway.name
