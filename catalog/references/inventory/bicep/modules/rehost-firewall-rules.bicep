// What rehosted servers need through the hub firewall, which denies everything it was not told
// about: the backup, Update Manager and Site Recovery agents on each server call their services
// from the spokes (Security: allow by service tag, nothing wider).
targetScope = 'resourceGroup'

@description('Name of the hub firewall policy.')
param policyName string

@description('Address prefixes of the spokes, where the servers are.')
param spokeAddressPrefixes array

@description('Whether the servers replicate with Site Recovery.')
param siteRecovery bool

var serviceTagRules = [
  {
    name: 'AllowAzureBackup'
    description: 'The VM backup extension talks to Azure Backup.'
    tags: [
      'AzureBackup'
    ]
  }
  {
    name: 'AllowEntraId'
    description: 'Backup, Site Recovery and the Azure Monitor agent sign in with Entra ID.'
    tags: [
      'AzureActiveDirectory'
    ]
  }
  {
    name: 'AllowStorage'
    description: 'Backup snapshots and the Site Recovery cache are written to Azure Storage.'
    tags: [
      'Storage'
    ]
  }
  {
    name: 'AllowGuestAndHybridManagement'
    description: 'Update Manager and VM extensions are driven through the guest management service.'
    tags: [
      'GuestAndHybridManagement'
    ]
  }
]
var siteRecoveryRules = siteRecovery ? [
  {
    name: 'AllowSiteRecovery'
    description: 'The mobility agent talks to Site Recovery and sends its monitoring data to Event Hubs.'
    tags: [
      'AzureSiteRecovery'
      'EventHub'
    ]
  }
] : []

resource policy 'Microsoft.Network/firewallPolicies@2024-01-01' existing = {
  name: policyName
}

resource rehostRules 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2024-01-01' = {
  parent: policy
  name: 'rcg-rehost'
  properties: {
    // After the platform's group (1000).
    priority: 1100
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'net-rehost-allow'
        priority: 100
        action: {
          type: 'Allow'
        }
        rules: [
          for rule in concat(serviceTagRules, siteRecoveryRules): {
            ruleType: 'NetworkRule'
            name: rule.name
            description: rule.description
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: spokeAddressPrefixes
            destinationAddresses: rule.tags
            destinationPorts: [
              '443'
            ]
          }
        ]
      }
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'app-rehost-allow'
        priority: 200
        action: {
          type: 'Allow'
        }
        rules: [
          {
            ruleType: 'ApplicationRule'
            name: 'AllowUbuntuPackages'
            description: 'Update Manager patches Ubuntu servers from the Ubuntu archives; add the repositories of other distributions here.'
            sourceAddresses: spokeAddressPrefixes
            targetFqdns: [
              'azure.archive.ubuntu.com'
              'archive.ubuntu.com'
              'security.ubuntu.com'
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
        ]
      }
    ]
  }
}
