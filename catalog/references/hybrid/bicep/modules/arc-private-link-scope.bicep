// Azure Arc private link scope: Arc-enabled servers on premises reach Arc's services through a
// private endpoint in the hub, over the VPN or ExpressRoute, instead of the internet.
targetScope = 'resourceGroup'

@description('Private link scope name.')
param name string

@description('Name of the scope\'s private endpoint.')
param privateEndpointName string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Resource ID of the hub subnet that holds the private endpoint (snet-management).')
param subnetId string

@description('Private DNS zone resource IDs by zone name; the Arc zones found here get the endpoint\'s records.')
param privateDnsZoneIds object

// The zones the hybridcompute endpoint registers in (Kubernetes configuration only for Arc-enabled Kubernetes).
var arcZoneNames = [
  'privatelink.his.arc.azure.com'
  'privatelink.guestconfiguration.azure.com'
  'privatelink.dp.kubernetesconfiguration.azure.com'
]

var zoneConfigs = map(filter(arcZoneNames, zone => contains(privateDnsZoneIds, zone)), zone => {
  name: replace(zone, '.', '-')
  properties: {
    privateDnsZoneId: privateDnsZoneIds[zone]
  }
})

resource scope 'Microsoft.HybridCompute/privateLinkScopes@2024-07-10' = {
  name: name
  location: location
  tags: tags
  properties: {
    // Agents in this scope connect only through the private endpoint (Security). Entra ID and
    // Azure Resource Manager are still reached on their public endpoints.
    publicNetworkAccess: 'Disabled'
  }
}

// Neither the scope nor the endpoint has log categories: no diagnostic settings.

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2024-01-01' = {
  name: privateEndpointName
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'hybridcompute'
        properties: {
          privateLinkServiceId: scope.id
          groupIds: [
            'hybridcompute'
          ]
        }
      }
    ]
  }
}

resource dnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-01-01' = if (!empty(zoneConfigs)) {
  parent: privateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: zoneConfigs
  }
}

@description('Resource ID of the private link scope, to associate Arc-enabled servers with.')
output id string = scope.id

@description('Resource ID of the private endpoint.')
output privateEndpointId string = privateEndpoint.id
