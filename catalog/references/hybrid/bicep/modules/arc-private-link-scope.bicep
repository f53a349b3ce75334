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

var zoneIds = map(filter(arcZoneNames, zone => contains(privateDnsZoneIds, zone)), zone => privateDnsZoneIds[zone])

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

module privateEndpoint 'private-endpoint.bicep' = {
  name: '${privateEndpointName}-pe'
  params: {
    name: privateEndpointName
    location: location
    tags: tags
    subnetId: subnetId
    targetId: scope.id
    groupId: 'hybridcompute'
    privateDnsZoneIds: zoneIds
  }
}

@description('Resource ID of the private link scope, to associate Arc-enabled servers with.')
output resourceId string = scope.id

@description('Name of the private link scope.')
output name string = scope.name

@description('Resource ID of the private endpoint.')
output privateEndpointId string = privateEndpoint.outputs.resourceId
