// One application rebuilt on platform services, in its spoke's resource group: a Key Vault, an
// App Service plan with its web apps, an Azure SQL server with its databases. Every service is
// reached through a private endpoint in the spoke and has public network access off.
targetScope = 'resourceGroup'

@description('The application: names of its resources, its web apps, databases and secrets.')
param app object

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('App Service plan settings: sku, capacity, zoneRedundant, healthCheckPath.')
param appService object

@description('Azure SQL settings: sku, zoneRedundant, backupStorageRedundancy, administratorLogin, administratorObjectId.')
param sql object

@description('Forbid purging the application\'s vault before its retention ends.')
param keyVaultPurgeProtection bool

@description('Days a deleted vault or secret stays recoverable.')
param keyVaultSoftDeleteRetentionInDays int

@description('Resource ID of the Log Analytics workspace Application Insights stores its telemetry in.')
param applicationInsightsWorkspaceId string

@description('Management lock on the Key Vault of the application (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
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

@description('Diagnostic settings of the resources of the application (vault, plan, web apps, audit records of the databases, registry, Container Apps environment) (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

@description('Private DNS zone IDs by zone name, from the hub.')
param privateDnsZoneIds object

@description('Container Apps settings: zoneRedundant.')
param containerApps object

@description('Resource ID of the hub network, which resolves names for spokes that use its DNS.')
param hubVirtualNetworkId string

var hasWebApps = !empty(app.webApps)
var hasDatabases = !empty(app.databases)
var privateEndpointSubnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', app.virtualNetworkName, 'snet-private-endpoints')
var integrationSubnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', app.virtualNetworkName, 'snet-appservice')

// The application's own vault: its secrets stay apart from the platform's and from other
// applications', and its team manages them without rights on anything else (Security).
module vault 'key-vault.bicep' = {
  name: 'kv-${app.name}'
  params: {
    name: app.keyVaultName
    location: location
    tags: tags
    sku: 'standard'
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    publicNetworkAccess: 'Disabled'
    // The vault's audit trail: who read or changed which secret (Security).
    lock: lock
    diagnosticSettings: map(diagnosticSettings, setting => union(setting, {
      logCategoriesAndGroups: [
        {
          categoryGroup: 'audit'
        }
        {
          categoryGroup: 'allLogs'
        }
      ]
    }))
    // The application team sets the secrets' values: Key Vault Secrets Officer, secrets only.
    administrators: app.secretsOfficers
    administratorRoleId: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
    privateEndpoint: {
      name: app.keyVaultPrivateEndpointName
      subnetId: privateEndpointSubnetId
      privateDnsZoneId: privateDnsZoneIds[?'privatelink.vaultcore.azure.net'] ?? ''
    }
  }
}

module sqlServer 'sql-server.bicep' = if (hasDatabases) {
  name: 'sql-${app.name}'
  params: {
    name: app.sqlServerName
    location: location
    tags: tags
    settings: sql
    databases: app.databases
    diagnosticSettings: diagnosticSettings
    privateEndpointName: app.sqlPrivateEndpointName
    privateEndpointSubnetId: privateEndpointSubnetId
    privateDnsZoneId: privateDnsZoneIds[?'privatelink.database.windows.net'] ?? ''
  }
}

module containerAppsEnvironment 'container-apps.bicep' = if (app.containerApps) {
  name: 'cae-${app.name}'
  params: {
    environmentName: app.containerAppsEnvironmentName
    registryName: app.containerRegistryName
    registryPrivateEndpointName: app.containerRegistryPrivateEndpointName
    location: location
    tags: tags
    infrastructureSubnetId: resourceId('Microsoft.Network/virtualNetworks/subnets', app.virtualNetworkName, 'snet-containerapps')
    privateEndpointSubnetId: privateEndpointSubnetId
    registryDnsZoneId: privateDnsZoneIds[?'privatelink.azurecr.io'] ?? ''
    zoneRedundant: containerApps.zoneRedundant
    resolvingNetworkIds: [
      resourceId('Microsoft.Network/virtualNetworks', app.virtualNetworkName)
      hubVirtualNetworkId
    ]
    diagnosticSettings: diagnosticSettings
  }
}

// Workspace-based Application Insights: telemetry lands in the platform workspace beside the
// platform's logs, with its retention and access control (Operational Excellence).
// (An application without web apps has no name for these: the fallback only keeps ARM's
// validation of the skipped resource happy.)
resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = if (hasWebApps) {
  name: hasWebApps ? app.applicationInsightsName : 'appi-${app.name}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: applicationInsightsWorkspaceId
    IngestionMode: 'LogAnalytics'
    // Telemetry is accepted from Entra-authenticated senders only, not from anyone holding the key (Security).
    DisableLocalAuth: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = if (hasWebApps) {
  // checkov:skip=CKV_AZURE_225:Zone redundancy is set per environment: on in prod (paas.appService.zoneRedundant), off in dev and test to save cost.
  name: hasWebApps ? app.appServicePlanName : 'asp-${app.name}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appService.sku
    capacity: appService.capacity
  }
  properties: {
    reserved: true
    // Instances spread over three zones where the environment asks for it (Reliability).
    zoneRedundant: appService.zoneRedundant
  }
}

// A plan has metrics only.
resource planDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in (hasWebApps ? diagnosticSettings : []): {
    name: setting.?name ?? 'diag-${plan.name}'
    scope: plan
    properties: {
      workspaceId: setting.?workspaceResourceId
      storageAccountId: setting.?storageAccountResourceId
      eventHubAuthorizationRuleId: setting.?eventHubAuthorizationRuleResourceId
      eventHubName: setting.?eventHubName
      marketplacePartnerId: setting.?marketplacePartnerResourceId
      metrics: [
        {
          category: 'AllMetrics'
          enabled: true
        }
      ]
    }
  }
]

module webApps 'web-app.bicep' = [
  for web in app.webApps: {
    name: 'app-${app.name}-${web.name}'
    params: {
      name: web.siteName
      location: location
      tags: tags
      planId: plan.id
      integrationSubnetId: integrationSubnetId
      healthCheckPath: appService.healthCheckPath
      applicationInsightsName: applicationInsights.name
      keyVaultName: app.keyVaultName
      keyVaultUri: vault.outputs.uri
      secrets: app.secrets
      sqlServerFqdn: hasDatabases ? sqlServer.outputs.fullyQualifiedDomainName : ''
      databases: app.databases
      diagnosticSettings: diagnosticSettings
      privateEndpointName: web.privateEndpointName
      privateEndpointSubnetId: privateEndpointSubnetId
      privateDnsZoneId: privateDnsZoneIds[?'privatelink.azurewebsites.net'] ?? ''
    }
  }
]

// A lambda cannot index a module collection (BCP247): collect the host names with a for-expression.
var webAppHosts = [
  for (web, i) in app.webApps: {
    name: web.name
    hostName: webApps[i].outputs.defaultHostName
  }
]

@description('Default host names of the web apps, by web app name.')
output webAppHostNames object = toObject(webAppHosts, web => web.name, web => web.hostName)

// A lambda cannot index a module collection (BCP247): collect the origins with a for-expression.
@description('What Front Door needs of each web app: its endpoint name, resource ID and host name.')
output frontDoorOrigins array = [
  for (web, i) in app.webApps: {
    endpointName: web.frontDoorEndpointName
    siteId: webApps[i].outputs.resourceId
    hostName: webApps[i].outputs.defaultHostName
  }
]

@description('Resource ID of the application\'s Key Vault.')
output keyVaultId string = vault.outputs.resourceId
