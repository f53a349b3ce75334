// What Container Apps environments need through the hub firewall, which denies everything it
// was not told about: their system containers come from Microsoft's registry and front door,
// and their managed identities and logs reach Entra ID and Azure Monitor (Security: allow by
// service tag, from the Container Apps subnets only).
targetScope = 'resourceGroup'

@description('Name of the hub firewall policy.')
param policyName string

@description('Address prefixes of the Container Apps subnets.')
param sourceAddressPrefixes array

var serviceTagRules = [
  {
    name: 'AllowMicrosoftContainerRegistry'
    description: 'The environments pull their system images from mcr.microsoft.com.'
    tags: [
      'MicrosoftContainerRegistry'
      'AzureFrontDoor.FirstParty'
    ]
  }
  {
    name: 'AllowEntraId'
    description: 'Managed identities get their tokens from Entra ID.'
    tags: [
      'AzureActiveDirectory'
    ]
  }
  {
    name: 'AllowAzureMonitor'
    description: 'The environments send logs and metrics to Azure Monitor.'
    tags: [
      'AzureMonitor'
    ]
  }
]

resource policy 'Microsoft.Network/firewallPolicies@2024-01-01' existing = {
  name: policyName
}

resource containerAppsRules 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2024-01-01' = {
  parent: policy
  name: 'rcg-container-apps'
  properties: {
    // After the platform's group (1000) and rehost's (1100).
    priority: 1200
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'net-container-apps-allow'
        priority: 100
        action: {
          type: 'Allow'
        }
        rules: [
          for rule in serviceTagRules: {
            ruleType: 'NetworkRule'
            name: rule.name
            description: rule.description
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: sourceAddressPrefixes
            destinationAddresses: rule.tags
            destinationPorts: [
              '443'
            ]
          }
        ]
      }
    ]
  }
}
