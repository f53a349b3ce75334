// Links every private DNS zone of the hub to one spoke: a spoke on Azure DNS (no resolver, no
// firewall DNS proxy) resolves a private zone only through a link of its own. One nested
// deployment per zone keeps each link's parent a plain symbol.
targetScope = 'resourceGroup'

// array rather than string[]: checkov's Bicep parser (pycep 0.7) crashes on a typed array
// that drives a module loop, and CI runs checkov on every render.
@description('Zone names (strings), e.g. privatelink.vaultcore.azure.net.')
param zoneNames array

@description('Name of each link: the spoke\'s.')
param linkName string

@description('Resource ID of the spoke virtual network.')
param virtualNetworkId string

@description('Tags.')
param tags object

module links 'private-dns-zone-link.bicep' = [
  for zone in zoneNames: {
    name: 'pdz-link-${uniqueString(zone, virtualNetworkId)}'
    params: {
      zoneName: zone
      linkName: linkName
      virtualNetworkId: virtualNetworkId
      tags: tags
    }
  }
]
