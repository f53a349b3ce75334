// One private DNS zone and its link to the hub.
targetScope = 'resourceGroup'

@description('Zone name, e.g. privatelink.vaultcore.azure.net.')
param zoneName string

@description('Resource ID of the hub virtual network.')
param virtualNetworkId string

@description('Tags.')
param tags object

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: zoneName
  location: 'global'
  tags: tags
}

resource hubLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
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

@description('Resource ID of the zone.')
output resourceId string = zone.id

@description('Name of the zone.')
output name string = zone.name
