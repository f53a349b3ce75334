// Azure Firewall in the hub: traffic between spokes, on-premises and the internet crosses it.
// Rules live in a firewall policy rather than classic rules, so they change without touching the
// firewall and a landing zone team can later get a child policy of its own (CAF).
targetScope = 'resourceGroup'

@description('Firewall name.')
param name string

@description('Firewall policy name.')
param policyName string

@description('Name of the firewall\'s public IP (outbound SNAT, inbound DNAT).')
param publicIpName string

@description('Name of the management public IP; used by the Basic tier only.')
param managementPublicIpName string = ''

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('SKU tier of the firewall and its policy.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param tier string

@description('Availability zones (strings: 1, 2, 3) of the firewall and its public IPs; empty for a regional firewall.')
param zones array

@description('What threat intelligence does with traffic from and to known-malicious addresses and domains.')
@allowed([
  'Alert'
  'Deny'
])
param threatIntelMode string

@description('Registered (public) ranges the networks use privately: network-rule traffic to them is not SNATed, as traffic to the IANA private ranges is not. Empty keeps Azure\'s default.')
param snatPrivateRanges array = []

@description('Resource ID of AzureFirewallSubnet.')
param subnetId string

@description('Resource ID of AzureFirewallManagementSubnet; used by the Basic tier only.')
param managementSubnetId string = ''

@description('Address prefixes (strings) of the spokes: the sources the baseline rules allow.')
param spokeAddressPrefixes array

@description('Address prefixes (strings) of the on-premises networks the gateways reach; empty for none.')
param onPremisesAddressPrefixes array = []

@description('Diagnostic settings of the firewall (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

@description('Management lock on the firewall (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
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

// Basic sends its own control traffic through a second subnet and public IP, offers threat
// intelligence in alert mode only and has no DNS proxy.
var isBasic = tier == 'Basic'
// Azure's default private ranges (RFC 1918 and RFC 6598's shared space): a list of our own
// replaces them, so it repeats them (Azure Firewall docs, "SNAT private IP address ranges").
var ianaPrivateRanges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10']
var publicIpNames = concat([publicIpName], isBasic ? [managementPublicIpName] : [])

// Baseline rules: only what a migrated server needs to stay managed and patched. Everything
// else is denied until a workload asks for it (Security: deny by default).
var azureMonitorRule = {
  ruleType: 'NetworkRule'
  name: 'AllowAzureMonitor'
  description: 'Monitoring agents send logs and metrics to Azure Monitor.'
  ipProtocols: [
    'TCP'
  ]
  sourceAddresses: spokeAddressPrefixes
  destinationAddresses: [
    'AzureMonitor'
  ]
  destinationPorts: [
    '443'
  ]
}
// FQDNs in network rules need the DNS proxy, which Basic lacks.
var windowsActivationRules = isBasic ? [] : [
  {
    ruleType: 'NetworkRule'
    name: 'AllowWindowsActivation'
    description: 'Windows VMs activate against Azure KMS, which forced routing would otherwise cut off.'
    ipProtocols: [
      'TCP'
    ]
    sourceAddresses: spokeAddressPrefixes
    destinationFqdns: [
      'azkms.core.windows.net'
      'kms.core.windows.net'
    ]
    destinationPorts: [
      '1688'
    ]
  }
]
// Hybrid traffic: on-premises and the spokes reach each other through the firewall in both
// directions (the spokes' default route and GatewaySubnet's routes send it here). Any port, as a
// site-to-site link carries what the servers spoke before the move; narrow it per application
// in a rule collection group of your own, or by replacing these (Security: least privilege).
var hybridRules = empty(onPremisesAddressPrefixes) ? [] : [
  {
    ruleType: 'NetworkRule'
    name: 'AllowOnPremisesToSpokes'
    description: 'On-premises clients and servers reach the workloads in the spokes.'
    ipProtocols: [
      'Any'
    ]
    sourceAddresses: onPremisesAddressPrefixes
    destinationAddresses: spokeAddressPrefixes
    destinationPorts: [
      '*'
    ]
  }
  {
    ruleType: 'NetworkRule'
    name: 'AllowSpokesToOnPremises'
    description: 'Workloads reach what stays on-premises: domain controllers, DNS, databases, file shares.'
    ipProtocols: [
      'Any'
    ]
    sourceAddresses: spokeAddressPrefixes
    destinationAddresses: onPremisesAddressPrefixes
    destinationPorts: [
      '*'
    ]
  }
]

// Every public IP gets every diagnostic setting.
var publicIpDiagnosticSettings = flatten(map(range(0, length(publicIpNames)), index => map(diagnosticSettings, setting => {
  index: index
  setting: setting
})))

resource publicIps 'Microsoft.Network/publicIPAddresses@2024-01-01' = [
  for ipName in publicIpNames: {
    name: ipName
    location: location
    tags: tags
    // Standard: the SKU Azure Firewall requires; closed to inbound traffic unless a rule opens it.
    sku: {
      name: 'Standard'
      tier: 'Regional'
    }
    // In the firewall's zones: a zone-redundant firewall needs zone-redundant addresses (Reliability).
    zones: zones
    properties: {
      publicIPAllocationMethod: 'Static'
      publicIPAddressVersion: 'IPv4'
    }
  }
]

resource firewallPolicy 'Microsoft.Network/firewallPolicies@2024-01-01' = {
  name: policyName
  location: location
  tags: tags
  properties: {
    sku: {
      tier: tier
    }
    // Deny in production (meg lint SEC-003); Basic only supports Alert.
    threatIntelMode: isBasic ? 'Alert' : threatIntelMode
    // DNS proxy: spokes can use the firewall as their DNS server, and FQDNs in network rules
    // resolve to the same addresses for the firewall and its clients (Security).
    dnsSettings: isBasic ? null : {
      enableProxy: true
    }
    // Premium's intrusion detection takes the environment's threat intelligence stance (Security).
    intrusionDetection: tier == 'Premium' ? {
      mode: threatIntelMode
    } : null
    // Network-rule traffic to these keeps its source address, so on-premises sees the real servers.
    snat: empty(snatPrivateRanges) ? null : {
      privateRanges: concat(ianaPrivateRanges, snatPrivateRanges)
    }
  }
}

resource platformRules 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2024-01-01' = if (!empty(spokeAddressPrefixes)) {
  parent: firewallPolicy
  name: 'rcg-platform'
  properties: {
    // Platform rules first; landing zone teams add groups after 1000.
    priority: 1000
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'net-platform-allow'
        priority: 100
        action: {
          type: 'Allow'
        }
        rules: concat([azureMonitorRule], windowsActivationRules, hybridRules)
      }
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'app-platform-allow'
        priority: 200
        action: {
          type: 'Allow'
        }
        rules: [
          {
            ruleType: 'ApplicationRule'
            name: 'AllowWindowsUpdate'
            description: 'Patching keeps working after the move (Security).'
            sourceAddresses: spokeAddressPrefixes
            fqdnTags: [
              'WindowsUpdate'
            ]
            protocols: [
              {
                protocolType: 'Http'
                port: 80
              }
              {
                protocolType: 'Https'
                port: 443
              }
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'AllowWindowsDiagnosticsAndDefender'
            description: 'Defender signatures and Windows diagnostics.'
            sourceAddresses: spokeAddressPrefixes
            fqdnTags: [
              'WindowsDiagnostics'
              'MicrosoftActiveProtectionService'
            ]
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
          }
        ]
      }
    ]
  }
}

resource firewall 'Microsoft.Network/azureFirewalls@2024-01-01' = {
  // checkov:skip=CKV_AZURE_216:Threat intelligence is set on the firewall policy (Deny in prod, meg lint SEC-003); the firewall's own threatIntelMode applies to classic rules only.
  name: name
  location: location
  tags: tags
  // Zones 1-3 in production: the 99.99% SLA, at no extra charge for the firewall (Reliability).
  zones: zones
  properties: {
    sku: {
      name: 'AZFW_VNet'
      tier: tier
    }
    firewallPolicy: {
      id: firewallPolicy.id
    }
    ipConfigurations: [
      {
        name: 'ipconfig-firewall'
        properties: {
          subnet: {
            id: subnetId
          }
          publicIPAddress: {
            id: publicIps[0].id
          }
        }
      }
    ]
    managementIpConfiguration: isBasic ? {
      name: 'ipconfig-management'
      properties: {
        subnet: {
          id: managementSubnetId
        }
        publicIPAddress: {
          id: publicIps[1].id
        }
      }
    } : null
  }
  // A policy being updated rejects the firewall's update: let the rules settle first.
  dependsOn: [
    platformRules
  ]
}

// Diagnostics of the firewall and of its public IPs (DDoS notifications and mitigation reports
// when the hub has a protection plan), to the destinations of diagnosticSettings.
resource firewallDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${name}'
    scope: firewall
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

resource firewallLock 'Microsoft.Authorization/locks@2020-05-01' = if ((lock.?kind ?? 'None') != 'None') {
  name: lock.?name ?? 'lock-${name}'
  scope: firewall
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

@description('Resource ID of the firewall.')
output resourceId string = firewall.id

@description('Name of the firewall.')
output name string = firewall.name

@description('Private IP of the firewall, the next hop of every spoke route.')
output privateIpAddress string = firewall.properties.ipConfigurations[0].properties.privateIPAddress

@description('Public IP of the firewall: the source address of the spokes\' internet traffic.')
output publicIpAddress string = publicIps[0].properties.ipAddress

@description('Resource ID of the firewall policy.')
output policyId string = firewallPolicy.id
