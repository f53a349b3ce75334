// Private DNS zones for private endpoints, linked to the hub so every peered network that
// uses the hub's DNS resolves them.
targetScope = 'resourceGroup'

@description('Zone names, e.g. privatelink.vaultcore.azure.net.')
param zoneNames string[]

@description('Resource ID of the hub virtual network.')
param virtualNetworkId string

@description('Tags.')
param tags object

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zone in zoneNames: {
    name: zone
    location: 'global'
    tags: tags
  }
]

resource hubLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zone, i) in zoneNames: {
    parent: zones[i]
    name: 'link-hub'
    location: 'global'
    tags: tags
    properties: {
      virtualNetwork: {
        id: virtualNetworkId
      }
      // Private endpoint records are managed by their DNS zone groups, not auto-registration.
      registrationEnabled: false
    }
  }
]

@description('Zone resource IDs by zone name.')
output zoneIds object = toObject(range(0, length(zoneNames)), i => zoneNames[i], i => zones[i].id)
