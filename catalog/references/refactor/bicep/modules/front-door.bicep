// Azure Front Door Premium: one profile per environment, an endpoint per web app, a WAF policy in
// Prevention mode with Microsoft's managed rule sets, and origins reached over Private Link, so
// the web apps keep public network access off.
//
// Each origin asks for a private endpoint connection on its web app. Azure leaves it pending
// until someone with rights on the web app approves it (portal, or `az network
// private-endpoint-connection approve`); traffic flows from then on.
targetScope = 'resourceGroup'

@description('Front Door profile name.')
param profileName string

@description('WAF policy name (letters and digits).')
param wafPolicyName string

@description('Azure region of the web apps: where Front Door\'s private endpoints to them are made.')
param location string

@description('Tags.')
param tags object

@description('Path Front Door probes on each web app.')
param healthProbePath string

@description('Web apps behind Front Door: { endpointName, siteId, hostName }.')
param origins array

@description('Management lock on the Front Door profile (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
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

@description('Diagnostic settings of the Front Door profile (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

resource profile 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: profileName
  location: 'global'
  tags: tags
  // Premium: Private Link origins and the managed WAF rule sets need it.
  sku: {
    name: 'Premium_AzureFrontDoor'
  }
  properties: {
    originResponseTimeoutSeconds: 60
  }
}

resource wafPolicy 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2024-02-01' = {
  name: wafPolicyName
  location: 'global'
  tags: tags
  sku: {
    name: 'Premium_AzureFrontDoor'
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      // Block what the rules match, not just log it (Security).
      mode: 'Prevention'
      requestBodyCheck: 'Enabled'
    }
    managedRules: {
      managedRuleSets: [
        {
          // OWASP top 10 and Microsoft threat intelligence.
          ruleSetType: 'Microsoft_DefaultRuleSet'
          ruleSetVersion: '2.1'
          ruleSetAction: 'Block'
        }
        {
          ruleSetType: 'Microsoft_BotManagerRuleSet'
          ruleSetVersion: '1.1'
          ruleSetAction: 'Block'
        }
      ]
    }
  }
}

module endpoints 'front-door-endpoint.bicep' = [
  for origin in origins: {
    name: '${origin.endpointName}-afd'
    params: {
      profileName: profile.name
      endpointName: origin.endpointName
      siteId: origin.siteId
      hostName: origin.hostName
      location: location
      tags: tags
      healthProbePath: healthProbePath
    }
  }
]

// A lambda cannot index a module collection (BCP247): collect the endpoints with a for-expression.
var endpointList = [
  for (origin, i) in origins: {
    name: origin.endpointName
    id: endpoints[i].outputs.resourceId
    hostName: endpoints[i].outputs.hostName
  }
]

// Every endpoint's traffic goes through the WAF policy.
resource wafAssociation 'Microsoft.Cdn/profiles/securityPolicies@2024-02-01' = {
  parent: profile
  name: 'waf'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: {
        id: wafPolicy.id
      }
      associations: [
        {
          domains: [
            for endpoint in endpointList: {
              id: endpoint.id
            }
          ]
          patternsToMatch: [
            '/*'
          ]
        }
      ]
    }
  }
}

// Access and WAF logs: who was blocked by which rule (Security, Operational Excellence).
resource profileDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${profileName}'
    scope: profile
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

resource profileLock 'Microsoft.Authorization/locks@2020-05-01' = if ((lock.?kind ?? 'None') != 'None') {
  name: lock.?name ?? 'lock-${profileName}'
  scope: profile
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

@description('Resource ID of the Front Door profile.')
output resourceId string = profile.id

@description('Name of the Front Door profile.')
output name string = profile.name

@description('Public host names of the endpoints, by endpoint name.')
output hostNames object = toObject(endpointList, endpoint => endpoint.name, endpoint => endpoint.hostName)
