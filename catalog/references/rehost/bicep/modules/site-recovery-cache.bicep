// The cache storage account Site Recovery stages changed disk blocks in before it ships them to
// the recovery region. It must be in the servers' region, so it is not with the vault. The
// mobility agents write to it from the spokes, so its public endpoint accepts them: a blob
// private endpoint resolved from every spoke is what it takes to close it.
targetScope = 'resourceGroup'

@description('Storage account name (globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region: the servers\' region.')
param location string

@description('Tags.')
param tags object

@description('Diagnostic settings of the cache storage account (its transaction metrics only: a storage account has no logs of its own) (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

resource cache 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  // checkov:skip=CKV_AZURE_206:The cache only holds changes in transit for minutes; Site Recovery asks for locally redundant Standard storage here, and the replicas themselves live in the recovery region.
  // checkov:skip=CKV_AZURE_35:The mobility agent on every replicated server writes to the cache from the spokes; without a blob private endpoint for it the public endpoint must accept them (TLS 1.2, no anonymous access).
  // checkov:skip=CKV_AZURE_59:The mobility agent on every replicated server writes to the cache from the spokes; without a blob private endpoint for it the public endpoint must accept them (TLS 1.2, no anonymous access).
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Nothing in the cache is ever meant to be read anonymously (Security).
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    // SAS tokens valid for more than a day are logged, so a leaked long-lived token shows up (Security).
    sasPolicy: {
      sasExpirationPeriod: '1.00:00:00'
      expirationAction: 'Log'
    }
  }
}

// The cache account's transactions go to every setting's destinations; a storage account has no
// logs of its own (its services do) and Transaction is the metric that shows replication load.
resource cacheDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${name}'
    scope: cache
    properties: {
      workspaceId: setting.?workspaceResourceId
      storageAccountId: setting.?storageAccountResourceId
      eventHubAuthorizationRuleId: setting.?eventHubAuthorizationRuleResourceId
      eventHubName: setting.?eventHubName
      marketplacePartnerId: setting.?marketplacePartnerResourceId
      metrics: [
        {
          category: 'Transaction'
          enabled: true
        }
      ]
    }
  }
]

@description('Resource ID of the cache storage account.')
output resourceId string = cache.id

@description('Name of the cache storage account.')
output name string = cache.name
