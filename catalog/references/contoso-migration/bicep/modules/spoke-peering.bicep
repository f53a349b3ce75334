// The spoke side of a hub-spoke peering, deployed in the spoke's resource group after the hub
// side: using the hub's gateways is only accepted once the hub offers gateway transit.
targetScope = 'resourceGroup'

@description('Name of the spoke virtual network.')
param spokeVirtualNetworkName string

@description('Spoke name, used in the peering name.')
param spokeName string

@description('Resource ID of the hub virtual network.')
param hubVirtualNetworkId string

@description('Reach on-premises through the hub\'s VPN or ExpressRoute gateway.')
param useRemoteGateways bool = false

resource spoke 'Microsoft.Network/virtualNetworks@2024-01-01' existing = {
  name: spokeVirtualNetworkName
}

resource spokeToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-01-01' = {
  parent: spoke
  name: 'peer-${spokeName}-to-hub'
  properties: {
    remoteVirtualNetwork: {
      id: hubVirtualNetworkId
    }
    allowVirtualNetworkAccess: true
    // Traffic the firewall forwards from other spokes and on-premises must be accepted.
    allowForwardedTraffic: true
    useRemoteGateways: useRemoteGateways
  }
}

@description('Resource ID of the peering.')
output resourceId string = spokeToHub.id

@description('Name of the peering.')
output name string = spokeToHub.name
