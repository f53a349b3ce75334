// Container Apps for one application: an internal environment on workload profiles in the
// spoke's delegated subnet, a Premium registry reached through a private endpoint, and the
// private DNS zone that makes the environment's apps resolvable from the spoke and the hub.
// The apps themselves are deployed by the application team (with AcrPull for their identity).
targetScope = 'resourceGroup'

@description('Container Apps environment name.')
param environmentName string

@description('Container registry name (globally unique, letters and digits).')
param registryName string

@description('Name of the registry\'s private endpoint.')
param registryPrivateEndpointName string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Resource ID of the spoke subnet delegated to Microsoft.App/environments.')
param infrastructureSubnetId string

@description('Resource ID of the spoke\'s private-endpoint subnet.')
param privateEndpointSubnetId string

@description('Resource ID of the privatelink.azurecr.io zone; empty for none.')
param registryDnsZoneId string

@description('Spread the environment and the registry over availability zones.')
param zoneRedundant bool

@description('Resource IDs of the networks that resolve the environment\'s apps: the spoke and the hub.')
param resolvingNetworkIds array

@description('Diagnostic settings of the registry and the Container Apps environment (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  // checkov:skip=CKV_AZURE_163:Image vulnerability scanning is Microsoft Defender for Containers, a subscription-level plan outside the landing zone's templates.
  // checkov:skip=CKV_AZURE_166:Quarantine holds every pushed image until a scanner releases it; without one configured, pulls would fail.
  // checkov:skip=CKV_AZURE_164:Docker Content Trust (Notary v1) is being retired by Microsoft; sign images with Notation instead.
  // checkov:skip=CKV_AZURE_165:Geo-replication doubles the registry's cost; the images can be rebuilt from source in another region.
  name: registryName
  location: location
  tags: tags
  sku: {
    name: 'Premium'
  }
  properties: {
    // Pushes and pulls with Entra identities only (Security). Anonymous pull stays off, its
    // default: API 2023-07-01 has no anonymousPullEnabled to say so (bicep-types-az: 2025-04-01 has).
    adminUserEnabled: false
    publicNetworkAccess: 'Disabled'
    networkRuleBypassOptions: 'AzureServices'
    // Dedicated data endpoints, so firewall rules name this registry's storage only.
    dataEndpointEnabled: true
    zoneRedundancy: zoneRedundant ? 'Enabled' : 'Disabled'
    policies: {
      // Images cannot be exported out of the private registry (Security).
      exportPolicy: {
        status: 'disabled'
      }
      // Untagged manifests go after a week (Cost Optimization).
      retentionPolicy: {
        days: 7
        status: 'enabled'
      }
    }
  }
}

resource registryDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${registryName}'
    scope: registry
    properties: {
      workspaceId: setting.?workspaceResourceId
      storageAccountId: setting.?storageAccountResourceId
      eventHubAuthorizationRuleId: setting.?eventHubAuthorizationRuleResourceId
      eventHubName: setting.?eventHubName
      marketplacePartnerId: setting.?marketplacePartnerResourceId
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

module registryPrivateEndpoint 'private-endpoint.bicep' = {
  name: '${registryPrivateEndpointName}-pe'
  params: {
    name: registryPrivateEndpointName
    location: location
    tags: tags
    subnetId: privateEndpointSubnetId
    targetId: registry.id
    groupId: 'registry'
    privateDnsZoneIds: empty(registryDnsZoneId) ? [] : [
      registryDnsZoneId
    ]
  }
}

resource managedEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    // Internal: the apps get a private address in the spoke, no public ingress (Security).
    vnetConfiguration: {
      infrastructureSubnetId: infrastructureSubnetId
      internal: true
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    zoneRedundant: zoneRedundant
    // Console and system logs through the diagnostic setting below.
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
    // Traffic between apps in the environment is encrypted and mutually authenticated (Security):
    // both settings, as azurerm's mutual_tls_enabled sets both.
    peerAuthentication: {
      mtls: {
        enabled: true
      }
    }
    peerTrafficConfiguration: {
      encryption: {
        enabled: true
      }
    }
  }
}

resource environmentDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${environmentName}'
    scope: managedEnvironment
    properties: {
      workspaceId: setting.?workspaceResourceId
      storageAccountId: setting.?storageAccountResourceId
      eventHubAuthorizationRuleId: setting.?eventHubAuthorizationRuleResourceId
      eventHubName: setting.?eventHubName
      marketplacePartnerId: setting.?marketplacePartnerResourceId
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

// The zone is named after the environment's default domain, known once it exists: a module.
module environmentDns 'container-apps-dns.bicep' = {
  name: '${environmentName}-dns'
  params: {
    zoneName: managedEnvironment.properties.defaultDomain
    staticIp: managedEnvironment.properties.staticIp
    virtualNetworkIds: resolvingNetworkIds
    tags: tags
  }
}

@description('Login server of the registry.')
output registryLoginServer string = registry.properties.loginServer

@description('Resource ID of the Container Apps environment.')
output environmentId string = managedEnvironment.id
