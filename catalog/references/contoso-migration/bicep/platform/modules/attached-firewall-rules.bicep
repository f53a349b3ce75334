// A platform hub's firewall rules for the workloads of the environments attached to it: one rule
// collection group per environment, each allowing only that environment's ranges, at the
// priority meg gave it (after the platform's group, 1000). The rules are the ones an
// environment's own hub gets (rehosted servers' agents, Container Apps); meg decides them per
// environment, this module only spells them.
targetScope = 'resourceGroup'

@description('Name of the hub firewall policy.')
param policyName string

@description('Rule collection groups, one per attached environment: { name, environment, priority, networkRuleCollections: [{ name, priority, rules: [{ name, description, ipProtocols, sourceAddresses, destinationAddresses, destinationPorts }] }], applicationRuleCollections: [{ name, priority, rules: [{ name, description, sourceAddresses, targetFqdns, protocols: [{ protocolType, port }] }] }] }.')
param ruleCollectionGroups array

resource policy 'Microsoft.Network/firewallPolicies@2024-01-01' existing = {
  name: policyName
}

// One group at a time: a policy refuses a change while another is being applied to it
// (AnotherOperationInProgress; https://github.com/Azure/bicep/issues/1013).
@batchSize(1)
resource groups 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2024-01-01' = [
  for group in ruleCollectionGroups: {
    parent: policy
    name: group.name
    properties: {
      priority: group.priority
      // Allow collections only: everything else stays denied by the firewall (Security).
      ruleCollections: concat(map(group.networkRuleCollections, collection => {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: collection.name
        priority: collection.priority
        action: {
          type: 'Allow'
        }
        rules: map(collection.rules, rule => union(rule, {
          ruleType: 'NetworkRule'
        }))
      }), map(group.applicationRuleCollections, collection => {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: collection.name
        priority: collection.priority
        action: {
          type: 'Allow'
        }
        rules: map(collection.rules, rule => union(rule, {
          ruleType: 'ApplicationRule'
        }))
      }))
    }
  }
]
