// Hub virtual network: the platform subnets (sizes Azure requires), an NSG on every subnet
// that allows one (deny by default), and diagnostics to Log Analytics.
targetScope = 'resourceGroup'

@description('Virtual network name.')
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Address space of the hub.')
param addressPrefixes array

@description('Custom DNS servers; empty for Azure DNS.')
param dnsServers array

@description('Subnets: [{ name, addressPrefix, networkSecurityGroupName? (where Azure allows one), delegation? }].')
param subnets array

@description('Address prefix of AzureBastionSubnet, allowed to reach management ports; empty without Bastion.')
param bastionAddressPrefix string

@description('Diagnostic settings of the hub virtual network (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

@description('Management lock on the hub virtual network (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
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

@description('Resource ID of a DDoS protection plan; empty for none.')
param ddosProtectionPlanId string = ''

@description('Resource ID of the route table for GatewaySubnet (on-premises to spokes through the firewall); empty for none.')
param gatewayRouteTableId string = ''

var nsgSubnets = filter(subnets, s => !empty(s.?networkSecurityGroupName ?? ''))

// Inbound rules per subnet; every NSG ends with an explicit deny (deny by default).
var managementAccess = empty(bastionAddressPrefix) ? [] : [
  {
    name: 'AllowBastionManagementInbound'
    properties: {
      priority: 100
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: bastionAddressPrefix
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRanges: [
        '22'
        '3389'
      ]
    }
  }
]
var denyAllInbound = [
  {
    name: 'DenyAllInbound'
    properties: {
      priority: 4096
      direction: 'Inbound'
      access: 'Deny'
      protocol: '*'
      sourceAddressPrefix: '*'
      sourcePortRange: '*'
      destinationAddressPrefix: '*'
      destinationPortRange: '*'
    }
  }
]
var dnsInbound = [
  {
    name: 'AllowDnsFromNetworksInbound'
    properties: {
      priority: 100
      direction: 'Inbound'
      access: 'Allow'
      protocol: '*'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRange: '53'
    }
  }
]
// Azure Bastion's documented NSG contract: without these rules Bastion stops working.
var bastionRules = [
  {
    name: 'AllowHttpsInbound'
    properties: {
      priority: 100
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'Internet'
      sourcePortRange: '*'
      destinationAddressPrefix: '*'
      destinationPortRange: '443'
    }
  }
  {
    name: 'AllowGatewayManagerInbound'
    properties: {
      priority: 110
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'GatewayManager'
      sourcePortRange: '*'
      destinationAddressPrefix: '*'
      destinationPortRange: '443'
    }
  }
  {
    name: 'AllowAzureLoadBalancerInbound'
    properties: {
      priority: 120
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'AzureLoadBalancer'
      sourcePortRange: '*'
      destinationAddressPrefix: '*'
      destinationPortRange: '443'
    }
  }
  {
    name: 'AllowBastionHostCommunicationInbound'
    properties: {
      priority: 130
      direction: 'Inbound'
      access: 'Allow'
      protocol: '*'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRanges: [
        '8080'
        '5701'
      ]
    }
  }
  {
    name: 'DenyAllInbound'
    properties: {
      priority: 4096
      direction: 'Inbound'
      access: 'Deny'
      protocol: '*'
      sourceAddressPrefix: '*'
      sourcePortRange: '*'
      destinationAddressPrefix: '*'
      destinationPortRange: '*'
    }
  }
  {
    name: 'AllowSshRdpOutbound'
    properties: {
      priority: 100
      direction: 'Outbound'
      access: 'Allow'
      protocol: '*'
      sourceAddressPrefix: '*'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRanges: [
        '22'
        '3389'
      ]
    }
  }
  {
    name: 'AllowAzureCloudOutbound'
    properties: {
      priority: 110
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: '*'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureCloud'
      destinationPortRange: '443'
    }
  }
  {
    name: 'AllowBastionCommunicationOutbound'
    properties: {
      priority: 120
      direction: 'Outbound'
      access: 'Allow'
      protocol: '*'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRanges: [
        '8080'
        '5701'
      ]
    }
  }
  {
    name: 'AllowHttpOutbound'
    properties: {
      priority: 130
      direction: 'Outbound'
      access: 'Allow'
      protocol: '*'
      sourceAddressPrefix: '*'
      sourcePortRange: '*'
      destinationAddressPrefix: 'Internet'
      destinationPortRange: '80'
    }
  }
]
var rulesBySubnet = {
  AzureBastionSubnet: bastionRules
  'snet-dns-inbound': concat(dnsInbound, denyAllInbound)
  'snet-dns-outbound': denyAllInbound
  'snet-management': concat(managementAccess, denyAllInbound)
}

// Every NSG gets every diagnostic setting.
var nsgDiagnosticSettings = flatten(map(range(0, length(nsgSubnets)), index => map(diagnosticSettings, setting => {
  index: index
  setting: setting
})))

resource networkSecurityGroups 'Microsoft.Network/networkSecurityGroups@2024-01-01' = [
  for subnet in nsgSubnets: {
    name: subnet.networkSecurityGroupName!
    location: location
    tags: tags
    properties: {
      securityRules: rulesBySubnet[?subnet.name] ?? denyAllInbound
    }
  }
]

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: addressPrefixes
    }
    dhcpOptions: {
      dnsServers: dnsServers
    }
    enableDdosProtection: !empty(ddosProtectionPlanId)
    ddosProtectionPlan: empty(ddosProtectionPlanId) ? null : {
      id: ddosProtectionPlanId
    }
    // Subnets are declared inline so a redeployment never removes and re-adds them.
    subnets: [
      for subnet in subnets: {
        name: subnet.name
        properties: {
          addressPrefix: subnet.addressPrefix
          networkSecurityGroup: empty(subnet.?networkSecurityGroupName ?? '') ? null : {
            id: resourceId('Microsoft.Network/networkSecurityGroups', subnet.?networkSecurityGroupName ?? '')
          }
          routeTable: subnet.name == 'GatewaySubnet' && !empty(gatewayRouteTableId) ? {
            id: gatewayRouteTableId
          } : null
          delegations: empty(subnet.?delegation ?? '') ? [] : [
            {
              name: 'delegation'
              properties: {
                serviceName: subnet.delegation!
              }
            }
          ]
          // Workload subnets get no implicit internet egress: traffic leaves through the firewall (Security).
          defaultOutboundAccess: startsWith(subnet.name, 'snet-') ? false : null
        }
      }
    ]
  }
  dependsOn: [
    networkSecurityGroups
  ]
}

// Diagnostics of the virtual network and of its NSGs (rule hits; an NSG has no metrics), to the
// destinations of diagnosticSettings.
resource virtualNetworkDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${name}'
    scope: virtualNetwork
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

resource nsgDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for target in nsgDiagnosticSettings: {
    name: target.setting.?name ?? 'diag-${nsgSubnets[target.index].name}'
    scope: networkSecurityGroups[target.index]
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
    }
  }
]

resource virtualNetworkLock 'Microsoft.Authorization/locks@2020-05-01' = if ((lock.?kind ?? 'None') != 'None') {
  name: lock.?name ?? 'lock-${name}'
  scope: virtualNetwork
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

@description('Resource ID of the hub virtual network.')
output resourceId string = virtualNetwork.id

@description('Name of the hub virtual network.')
output name string = virtualNetwork.name

@description('Subnet resource IDs by subnet name.')
output subnetIds object = toObject(subnets, s => s.name, s => resourceId('Microsoft.Network/virtualNetworks/subnets', name, s.name))
