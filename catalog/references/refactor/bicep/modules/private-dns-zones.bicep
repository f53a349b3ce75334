// Private DNS zones for private endpoints, linked to the hub so every peered network that
// uses the hub's DNS resolves them. One nested deployment per zone keeps each link's parent
// a plain symbol.
targetScope = 'resourceGroup'

// array rather than string[]: checkov's Bicep parser (pycep 0.7) crashes on a typed array
// that drives a module loop, and CI runs checkov on every render.
@description('Zone names (strings), e.g. privatelink.vaultcore.azure.net.')
param zoneNames array

@description('Resource ID of the hub virtual network.')
param virtualNetworkId string

@description('Tags.')
param tags object

module zones 'private-dns-zone.bicep' = [
  for zone in zoneNames: {
    name: 'pdz-${uniqueString(zone)}'
    params: {
      zoneName: zone
      virtualNetworkId: virtualNetworkId
      tags: tags
    }
  }
]

// A lambda cannot index a module collection (BCP247): collect the IDs with a for-expression.
var zoneList = [
  for (zone, i) in zoneNames: {
    name: zone
    id: zones[i].outputs.resourceId
  }
]

@description('Zone resource IDs by zone name.')
output zoneIds object = toObject(zoneList, zone => zone.name, zone => zone.id)
