// Links an existing private DNS zone to one more virtual network, so a spoke on Azure DNS
// resolves the private endpoints registered in the zone.
targetScope = 'resourceGroup'

@description('Zone name, e.g. privatelink.azurewebsites.net.')
param zoneName string

@description('Name of the link.')
param linkName string

@description('Resource ID of the virtual network to link.')
param virtualNetworkId string

@description('Tags.')
param tags object

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {
  name: zoneName
}

resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: linkName
  location: 'global'
  tags: tags
  properties: {
    virtualNetwork: {
      id: virtualNetworkId
    }
    // Records come from the private endpoints' DNS zone groups, not auto-registration.
    registrationEnabled: false
  }
}
