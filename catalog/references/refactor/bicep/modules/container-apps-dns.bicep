// The private DNS zone of an internal Container Apps environment: every app name under its
// default domain resolves to the environment's static private IP.
targetScope = 'resourceGroup'

@description('The environment\'s default domain.')
param zoneName string

@description('The environment\'s static private IP.')
param staticIp string

@description('Resource IDs of the networks linked to the zone.')
param virtualNetworkIds array

@description('Tags.')
param tags object

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: zoneName
  location: 'global'
  tags: tags
}

resource wildcard 'Microsoft.Network/privateDnsZones/A@2024-06-01' = {
  parent: zone
  name: '*'
  properties: {
    ttl: 300
    aRecords: [
      {
        ipv4Address: staticIp
      }
    ]
  }
}

resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (networkId, i) in virtualNetworkIds: {
    parent: zone
    name: 'link-${i}'
    location: 'global'
    tags: tags
    properties: {
      virtualNetwork: {
        id: networkId
      }
      registrationEnabled: false
    }
  }
]
