// A private endpoint in an application spoke and its record in the matching privatelink zone.
targetScope = 'resourceGroup'

@description('Private endpoint name.')
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Resource ID of the subnet the endpoint sits in.')
param subnetId string

@description('Resource ID of the resource the endpoint reaches.')
param targetId string

@description('Sub-resource it reaches: sites, sqlServer, registry, vault.')
param groupId string

@description('Resource ID of the privatelink zone to register in; empty for none.')
param privateDnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: groupId
        properties: {
          privateLinkServiceId: targetId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }
}

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-01-01' = if (!empty(privateDnsZoneId)) {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: replace(last(split(privateDnsZoneId, '/')), '.', '-')
        properties: {
          privateDnsZoneId: privateDnsZoneId
        }
      }
    ]
  }
}
