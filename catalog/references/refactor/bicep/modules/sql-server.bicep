// An Azure SQL logical server for one application: Entra-only authentication, TLS 1.2, no public
// network access, auditing and threat protection into the workspace, and its databases.
targetScope = 'resourceGroup'

@description('Server name (globally unique).')
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('sku { name, tier, family, capacity, serverless }, zoneRedundant, backupStorageRedundancy, administratorLogin, administratorObjectId.')
param settings object

@description('Databases: { name, databaseName }.')
param databases array

@description('Diagnostic settings of the databases (their audit records and basic metrics) (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

@description('Name of the server\'s private endpoint.')
param privateEndpointName string

@description('Resource ID of the spoke\'s private-endpoint subnet.')
param privateEndpointSubnetId string

@description('Resource ID of the privatelink.database.windows.net zone; empty for none.')
param privateDnsZoneId string

// Without an administrator in the input, the identity that deploys administers the server, so a
// first deployment works; name a group in paas.sql.administrator for production.
var deployingIdentity = deployer()
var administratorObjectId = empty(settings.administratorObjectId) ? deployingIdentity.objectId : settings.administratorObjectId
var administratorLogin = empty(settings.administratorLogin) ? 'meg-deployer' : settings.administratorLogin

resource server 'Microsoft.Sql/servers@2021-11-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    // Only Entra identities sign in: no SQL logins, no password to leak or rotate (Security).
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: administratorLogin
      sid: administratorObjectId
      tenantId: subscription().tenantId
    }
  }
}

// The server-level policy audits every database on the server, also one created later outside
// meg. meg sends each database's records to the workspace through the database's own policy and
// diagnostic setting (sql-database.bicep); a diagnostic setting on master, which would collect
// this policy's records as well, is left out so the workspace gets each record once.
resource auditing 'Microsoft.Sql/servers/auditingSettings@2021-11-01' = {
  parent: server
  name: 'default'
  properties: {
    state: 'Enabled'
    isAzureMonitorTargetEnabled: true
    // Applies if a storage target is added; the workspace keeps its records for monitoring.retentionDays.
    retentionDays: 90
  }
}

// Microsoft Defender for SQL's threat detection: all alert types (Security).
resource threatDetection 'Microsoft.Sql/servers/securityAlertPolicies@2021-11-01' = {
  parent: server
  name: 'Default'
  properties: {
    state: 'Enabled'
    emailAccountAdmins: true
  }
}

module databases 'sql-database.bicep' = [
  for db in databases: {
    name: '${db.databaseName}-db'
    params: {
      serverName: server.name
      name: db.databaseName
      location: location
      tags: tags
      settings: settings
      diagnosticSettings: diagnosticSettings
    }
    // The database policies add to the server's, which must exist first.
    dependsOn: [
      auditing
      threatDetection
    ]
  }
]

module privateEndpoint 'private-endpoint.bicep' = {
  name: '${privateEndpointName}-pe'
  params: {
    name: privateEndpointName
    location: location
    tags: tags
    subnetId: privateEndpointSubnetId
    targetId: server.id
    groupId: 'sqlServer'
    privateDnsZoneIds: empty(privateDnsZoneId) ? [] : [
      privateDnsZoneId
    ]
  }
}

@description('Resource ID of the server.')
output resourceId string = server.id

@description('Name of the server.')
output name string = server.name

@description('Fully qualified domain name of the server.')
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
