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

@description('Resource ID of the Log Analytics workspace for diagnostics.')
param logAnalyticsWorkspaceId string

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

resource gatewayDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-log-analytics'
  scope: gateway
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    // Bits, packets and BGP route counts show when the SKU is outgrown (Performance Efficiency).
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
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

@description('Resource ID of the ExpressRoute gateway.')
output id string = gateway.id

@description('Name of the ExpressRoute gateway.')
output name string = gateway.name
