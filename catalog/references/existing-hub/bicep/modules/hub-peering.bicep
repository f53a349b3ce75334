// The hub side of a hub-spoke peering, deployed in the hub's resource group.
targetScope = 'resourceGroup'

@description('Name of the hub virtual network.')
param hubVirtualNetworkName string

@description('Spoke name, used in the peering name.')
param spokeName string

@description('Resource ID of the spoke virtual network.')
param spokeVirtualNetworkId string

@description('Name of the hub side of the peering; unique in a hub other landing zones share.')
param peeringName string = 'peer-hub-to-${spokeName}'

@description('Let the spoke use the hub\'s VPN or ExpressRoute gateway.')
param allowGatewayTransit bool = false

resource hub 'Microsoft.Network/virtualNetworks@2024-01-01' existing = {
  name: hubVirtualNetworkName
}

resource hubToSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-01-01' = {
  parent: hub
  name: peeringName
  properties: {
    remoteVirtualNetwork: {
      id: spokeVirtualNetworkId
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: allowGatewayTransit
  }
}

@description('Resource ID of the peering.')
output resourceId string = hubToSpoke.id

@description('Name of the peering.')
output name string = hubToSpoke.name
