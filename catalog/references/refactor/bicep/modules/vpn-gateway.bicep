// VPN gateway: route-based, zone-redundant (AZ SKU), BGP on, optionally active-active, with a
// local network gateway and an IKEv2 connection per on-premises site. Diagnostics to Log Analytics.
targetScope = 'resourceGroup'

@description('VPN gateway name.')
param name string

@description('Name of the gateway\'s first public IP address.')
param publicIpName string

@description('Name of the second public IP address, used only when the gateway is active-active.')
param secondPublicIpName string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Zone-redundant VPN gateway SKU.')
@allowed([
  'VpnGw1AZ'
  'VpnGw2AZ'
  'VpnGw3AZ'
  'VpnGw4AZ'
  'VpnGw5AZ'
])
param sku string

@description('Run two active instances, each with its own public IP and tunnel per site.')
param activeActive bool

@description('BGP autonomous system number of the Azure side.')
@minValue(1)
@maxValue(4294967294)
param asn int

@description('Availability zones (strings: 1, 2, 3) of the public IPs; empty in a region without availability zones.')
param zones array

@description('Resource ID of the hub\'s GatewaySubnet.')
param gatewaySubnetId string

// array rather than a typed array: checkov's Bicep parser (pycep 0.7) crashes on a typed array.
// items: { name, localNetworkGatewayName, connectionName, gatewayAddress, addressPrefixes,
// bgpPeeringAddress and asn (both null for static routing) }
@description('On-premises sites: names of their local network gateway and connection, public address, address prefixes and optional BGP peer.')
param sites array

// One key per connection, so a key leaked from one site's device opens no other tunnel (Security).
@description('Pre-shared key of each site\'s connection, by site name; empty without sites.')
@secure()
param sharedKeys object = {}

@description('Diagnostic settings of the VPN gateway (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

@description('Management lock on the VPN gateway (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
param lock lockType?

// A decorated statement follows the nullable parameter: tree-sitter-bicep would read a bare
// statement after `lockType?` as the rest of a conditional expression.
@description('The kinds of a management lock (AVM lockType).')
type lockKindType = 'CanNotDelete' | 'ReadOnly' | 'None'

// AVM's lockType.
type lockType = {
  // The lock's name (default lock-<resource name>).
  name: string?
  kind: lockKindType
}

// VpnGw1AZ exists only as Generation1; the larger SKUs get Generation2's throughput (Performance Efficiency).
var generation = startsWith(sku, 'VpnGw1') ? 'Generation1' : 'Generation2'

// Active-active needs one public IP per instance.
var publicIpNames = activeActive ? [publicIpName, secondPublicIpName] : [publicIpName]

// A site runs BGP only when both its peer address and AS number are known.
var siteUsesBgp = [for site in sites: site.?asn != null && site.?bgpPeeringAddress != null]

// Every public IP gets every diagnostic setting.
var publicIpDiagnosticSettings = flatten(map(range(0, length(publicIpNames)), index => map(diagnosticSettings, setting => {
  index: index
  setting: setting
})))

resource publicIps 'Microsoft.Network/publicIPAddresses@2024-01-01' = [for ipName in publicIpNames: {
  name: ipName
  location: location
  tags: tags
  // AZ gateway SKUs take only Standard public IPs; zones 1-3 keep the IP up through a zone failure
  // (Reliability), where the region has zones.
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  zones: zones
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}]

resource gateway 'Microsoft.Network/virtualNetworkGateways@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    gatewayType: 'Vpn'
    // Route-based: needed for IKEv2, BGP, active-active and coexistence with ExpressRoute.
    vpnType: 'RouteBased'
    vpnGatewayGeneration: generation
    sku: {
      name: sku
      tier: sku
    }
    // A second instance carries traffic too: no failover wait during maintenance (Reliability).
    activeActive: activeActive
    // BGP exchanges routes with on-premises, so new spokes and sites need no static route edits (Operational Excellence).
    enableBgp: true
    bgpSettings: {
      asn: asn
    }
    ipConfigurations: [for (ipName, i) in publicIpNames: {
      name: 'ipconfig${i + 1}'
      properties: {
        privateIPAllocationMethod: 'Dynamic'
        subnet: {
          id: gatewaySubnetId
        }
        publicIPAddress: {
          id: publicIps[i].id
        }
      }
    }]
  }
}

resource localNetworkGateways 'Microsoft.Network/localNetworkGateways@2024-01-01' = [for (site, i) in sites: {
  name: site.localNetworkGatewayName
  location: location
  tags: tags
  properties: {
    gatewayIpAddress: site.gatewayAddress
    localNetworkAddressSpace: {
      addressPrefixes: site.addressPrefixes
    }
    bgpSettings: siteUsesBgp[i] ? {
      asn: site.?asn ?? 0
      bgpPeeringAddress: site.?bgpPeeringAddress ?? ''
    } : null
  }
}]

resource connections 'Microsoft.Network/connections@2024-01-01' = [for (site, i) in sites: {
  name: site.connectionName
  location: location
  tags: tags
  properties: {
    connectionType: 'IPsec'
    // IKEv2 only: IKEv1 is legacy and weaker (Security). Azure's default IKEv2 proposals apply; pin a
    // custom IPsec policy only together with the on-premises device's configuration.
    connectionProtocol: 'IKEv2'
    virtualNetworkGateway1: {
      id: gateway.id
      properties: {}
    }
    localNetworkGateway2: {
      id: localNetworkGateways[i].id
      properties: {}
    }
    sharedKey: sharedKeys[site.name]
    enableBgp: siteUsesBgp[i]
  }
}]

// Diagnostics of the gateway (tunnel, IKE and route logs are what a broken tunnel is diagnosed
// from: Operational Excellence) and of its public IPs, to the destinations of diagnosticSettings.
resource gatewayDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${name}'
    scope: gateway
    properties: {
      workspaceId: setting.?workspaceResourceId
      storageAccountId: setting.?storageAccountResourceId
      eventHubAuthorizationRuleId: setting.?eventHubAuthorizationRuleResourceId
      eventHubName: setting.?eventHubName
      marketplacePartnerId: setting.?marketplacePartnerResourceId
      logAnalyticsDestinationType: setting.?logAnalyticsDestinationType
      logs: [
        for group in (setting.?logCategoriesAndGroups ?? [
          {
            categoryGroup: 'allLogs'
          }
        ]): {
          category: group.?category
          categoryGroup: group.?categoryGroup
          enabled: group.?enabled ?? true
        }
      ]
      metrics: [
        for metric in (setting.?metricCategories ?? [
          {
            category: 'AllMetrics'
          }
        ]): {
          category: metric.category
          enabled: metric.?enabled ?? true
        }
      ]
    }
  }
]

resource publicIpDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for target in publicIpDiagnosticSettings: {
    name: target.setting.?name ?? 'diag-${publicIpNames[target.index]}'
    scope: publicIps[target.index]
    properties: {
      workspaceId: target.setting.?workspaceResourceId
      storageAccountId: target.setting.?storageAccountResourceId
      eventHubAuthorizationRuleId: target.setting.?eventHubAuthorizationRuleResourceId
      eventHubName: target.setting.?eventHubName
      marketplacePartnerId: target.setting.?marketplacePartnerResourceId
      // The resource's own logs (a public IP's: DDoS notifications and mitigation reports; an
      // NSG's: rule hits) and metrics where it has them.
      logs: [
        {
          categoryGroup: 'allLogs'
          enabled: true
        }
      ]
      metrics: [
        {
          category: 'AllMetrics'
          enabled: true
        }
      ]
    }
  }
]

resource gatewayLock 'Microsoft.Authorization/locks@2020-05-01' = if ((lock.?kind ?? 'None') != 'None') {
  name: lock.?name ?? 'lock-${name}'
  scope: gateway
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

@description('Resource ID of the VPN gateway.')
output resourceId string = gateway.id

@description('Name of the VPN gateway.')
output name string = gateway.name

@description('Public IP addresses of the gateway, to configure as peers on the on-premises VPN devices.')
output publicIpAddresses array = [for (ipName, i) in publicIpNames: publicIps[i].properties.ipAddress]
