// A private endpoint and its records in the matching privatelink zones: the one module every
// private endpoint of the landing zone goes through (web apps, SQL servers, registries, Key
// Vaults, the Arc private link scope), as Terraform's modules/private-endpoint.
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

@description('Sub-resource it reaches: sites, sqlServer, registry, vault, hybridcompute.')
param groupId string

@description('Resource IDs (strings) of the privatelink zones to register in; empty for none.')
param privateDnsZoneIds array

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

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-01-01' = if (!empty(privateDnsZoneIds)) {
  parent: endpoint
  name: 'default'
  properties: {
    // One configuration per zone, named after it (privatelink-vaultcore-azure-net).
    privateDnsZoneConfigs: [
      for zoneId in privateDnsZoneIds: {
        name: replace(last(split(zoneId, '/')), '.', '-')
        properties: {
          privateDnsZoneId: zoneId
        }
      }
    ]
  }
}

@description('Resource ID of the private endpoint.')
output resourceId string = endpoint.id

@description('Name of the private endpoint.')
output name string = endpoint.name
