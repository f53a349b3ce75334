// A spoke virtual network: workload subnets behind NSGs (deny by default), a route table that
// sends traffic through the hub firewall. The peerings are modules of their own, hub side first.
targetScope = 'resourceGroup'

@description('The spoke: names, address space and subnets.')
param spoke spokeType

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Custom DNS servers; empty for Azure DNS.')
param dnsServers array

@description('Diagnostic settings of the spoke virtual network (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

@description('Management lock on the spoke virtual network (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
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

@description('Private IP of the hub firewall; empty when the environment has no firewall.')
param firewallPrivateIp string = ''

@description('Address prefix of the hub\'s AzureBastionSubnet, allowed to reach management ports; empty without Bastion.')
param bastionAddressPrefix string = ''

@description('On-premises address prefixes (strings) the gateways reach, allowed into the spoke\'s subnets; empty for none.')
param onPremisesAddressPrefixes array = []

type spokeType = {
  name: string
  resourceGroupName: string
  virtualNetworkName: string
  routeTableName: string
  addressPrefixes: array
  tags: object
  // items: { name, addressPrefix, networkSecurityGroupName }
  subnets: array
}

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

// Hybrid: what on-premises reaches through the gateways (and the hub firewall, which inspects
// it) is let into the spoke, or the deny below would drop every hybrid flow.
var onPremisesAccess = empty(onPremisesAddressPrefixes) ? [] : [
  {
    name: 'AllowOnPremisesInbound'
    properties: {
      priority: 4000
      direction: 'Inbound'
      access: 'Allow'
      protocol: '*'
      sourceAddressPrefixes: onPremisesAddressPrefixes
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRange: '*'
    }
  }
]

// Deny by default: workloads open what they need above priority 4096. Azure's load balancer
// probes (health of internal load balancers and of the platform's own agents) come from
// AzureLoadBalancer, which the deny would also block: it is let in just before.
var denyAllInbound = [
  {
    name: 'AllowAzureLoadBalancerInbound'
    properties: {
      priority: 4095
      direction: 'Inbound'
      access: 'Allow'
      protocol: '*'
      sourceAddressPrefix: 'AzureLoadBalancer'
      sourcePortRange: '*'
      destinationAddressPrefix: '*'
      destinationPortRange: '*'
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
]

// Every NSG gets every diagnostic setting.
var nsgDiagnosticSettings = flatten(map(range(0, length(spoke.subnets)), index => map(diagnosticSettings, setting => {
  index: index
  setting: setting
})))

resource networkSecurityGroups 'Microsoft.Network/networkSecurityGroups@2024-01-01' = [
  for (subnet, i) in spoke.subnets: {
    name: subnet.networkSecurityGroupName
    location: location
    tags: tags
    properties: {
      securityRules: concat(managementAccess, onPremisesAccess, denyAllInbound)
    }
  }
]

resource routeTable 'Microsoft.Network/routeTables@2024-01-01' = {
  name: spoke.routeTableName
  location: location
  tags: tags
  properties: {
    // Routes learned from the gateways would bypass the firewall: the default route decides.
    disableBgpRoutePropagation: !empty(firewallPrivateIp)
    routes: empty(firewallPrivateIp) ? [] : [
      {
        name: 'default-via-firewall'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: firewallPrivateIp
        }
      }
    ]
  }
}

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: spoke.virtualNetworkName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: spoke.addressPrefixes
    }
    dhcpOptions: {
      dnsServers: dnsServers
    }
    enableDdosProtection: !empty(ddosProtectionPlanId)
    ddosProtectionPlan: empty(ddosProtectionPlanId) ? null : {
      id: ddosProtectionPlanId
    }
    subnets: [
      for (subnet, i) in spoke.subnets: {
        name: subnet.name
        properties: {
          addressPrefix: subnet.addressPrefix
          networkSecurityGroup: {
            id: networkSecurityGroups[i].id
          }
          routeTable: {
            id: routeTable.id
          }
          // No implicit internet egress: traffic leaves through the firewall (Security).
          defaultOutboundAccess: false
        }
      }
    ]
  }
}

// Diagnostics of the virtual network and of its NSGs (rule hits; an NSG has no metrics), to the
// destinations of diagnosticSettings.
resource virtualNetworkDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${spoke.virtualNetworkName}'
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
    name: target.setting.?name ?? 'diag-${spoke.subnets[target.index].networkSecurityGroupName}'
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
  name: lock.?name ?? 'lock-${spoke.virtualNetworkName}'
  scope: virtualNetwork
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

@description('Resource ID of the spoke virtual network.')
output resourceId string = virtualNetwork.id

@description('Name of the spoke virtual network.')
output name string = virtualNetwork.name
