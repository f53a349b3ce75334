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

@description('Resource ID of the Log Analytics workspace for diagnostics.')
param logAnalyticsWorkspaceId string

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

resource nsgDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (subnet, i) in spoke.subnets: {
    name: 'diag-log-analytics'
    scope: networkSecurityGroups[i]
    properties: {
      workspaceId: logAnalyticsWorkspaceId
      logs: [
        {
          categoryGroup: 'allLogs'
          enabled: true
        }
      ]
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

resource virtualNetworkDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-log-analytics'
  scope: virtualNetwork
  properties: {
    workspaceId: logAnalyticsWorkspaceId
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

@description('Resource ID of the spoke virtual network.')
output id string = virtualNetwork.id

@description('Name of the spoke virtual network.')
output name string = virtualNetwork.name
