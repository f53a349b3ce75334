// Route table for GatewaySubnet: traffic from on-premises to the spokes goes through the hub
// firewall, so both directions of every flow take the same inspected path (Security). A module
// of its own because the hub network needs its ID before the firewall can be placed in the hub.
targetScope = 'resourceGroup'

@description('Route table name.')
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Address prefixes (strings) of the spokes, each routed to the firewall.')
param spokeAddressPrefixes array

@description('Private IP of the hub firewall.')
param firewallPrivateIp string

resource routeTable 'Microsoft.Network/routeTables@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    // Azure does not support turning route propagation off on GatewaySubnet.
    disableBgpRoutePropagation: false
    // A user route beats the peering's system route of the same prefix.
    routes: [
      for prefix in spokeAddressPrefixes: {
        name: 'to-${replace(prefix, '/', '-')}'
        properties: {
          addressPrefix: prefix
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: firewallPrivateIp
        }
      }
    ]
  }
}

@description('Resource ID of the route table.')
output resourceId string = routeTable.id

@description('Name of the route table.')
output name string = routeTable.name
