// One Azure SQL database: vCore SKU per tier, zone redundancy and backup redundancy per
// environment, and its own audit policy and threat detection sending to the workspace.
targetScope = 'resourceGroup'

@description('Name of the logical server (same resource group).')
param serverName string

@description('Database name.')
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('sku { name, tier, family, capacity, serverless }, zoneRedundant, backupStorageRedundancy.')
param settings object

@description('Diagnostic settings of the database (its audit records and basic metrics) (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

resource sqlDatabase 'Microsoft.Sql/servers/databases@2021-11-01' = {
  // checkov:skip=CKV_AZURE_26:Alerts go to the subscription's admins and owners (emailAccountAdmins) and to Defender for Cloud; meg knows no security mailbox to add.
  // checkov:skip=CKV_AZURE_27:emailAccountAdmins is on in the databaseThreatDetection child below; this check only looks for a policy nested in the database's body.
  // checkov:skip=CKV_AZURE_229:Zone redundancy is set per environment: on in prod (paas.sql.zoneRedundant), off in dev and test to save cost.
  name: '${serverName}/${name}'
  location: location
  tags: tags
  sku: {
    name: settings.sku.name
    tier: settings.sku.tier
    family: settings.sku.family
    capacity: settings.sku.capacity
  }
  properties: {
    // Replicas in three zones where the environment asks for it (Reliability).
    zoneRedundant: settings.zoneRedundant
    requestedBackupStorageRedundancy: settings.backupStorageRedundancy
    // Serverless pauses after an idle hour and bills storage only (Cost Optimization).
    autoPauseDelay: settings.sku.serverless ? 60 : null
    minCapacity: settings.sku.serverless ? json('0.5') : null
  }
}

// The database's audit records go to the workspace through its diagnostic setting (Security).
resource databaseAuditing 'Microsoft.Sql/servers/databases/auditingSettings@2021-11-01' = {
  parent: sqlDatabase
  name: 'default'
  properties: {
    state: 'Enabled'
    isAzureMonitorTargetEnabled: true
  }
}

resource databaseThreatDetection 'Microsoft.Sql/servers/databases/securityAlertPolicies@2021-11-01' = {
  parent: sqlDatabase
  name: 'Default'
  properties: {
    state: 'Enabled'
    emailAccountAdmins: true
  }
}

resource databaseDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${name}'
    scope: sqlDatabase
    properties: {
      workspaceId: setting.?workspaceResourceId
      storageAccountId: setting.?storageAccountResourceId
      eventHubAuthorizationRuleId: setting.?eventHubAuthorizationRuleResourceId
      eventHubName: setting.?eventHubName
      marketplacePartnerId: setting.?marketplacePartnerResourceId
      logs: [
        {
          category: 'SQLSecurityAuditEvents'
          enabled: true
        }
      ]
      metrics: [
        {
          category: 'Basic'
          enabled: true
        }
      ]
    }
    dependsOn: [
      databaseAuditing
    ]
  }
]
