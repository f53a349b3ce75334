// One Linux web app: VNet integration with all outbound traffic through the spoke (and so the
// hub firewall), inbound only through its private endpoint, a system-assigned identity that
// reads the application's secrets and signs in to its databases. No password anywhere.
targetScope = 'resourceGroup'

@description('Web app name (globally unique host name).')
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Resource ID of the App Service plan.')
param planId string

@description('Resource ID of the spoke subnet delegated to Microsoft.Web/serverFarms.')
param integrationSubnetId string

@description('Path App Service probes on every instance.')
param healthCheckPath string

@description('Name of the application\'s Application Insights (same resource group).')
param applicationInsightsName string

@description('Name of the application\'s Key Vault (same resource group).')
param keyVaultName string

@description('URI of the application\'s Key Vault.')
param keyVaultUri string

@description('Secrets (names) the web app reads as Key Vault references.')
param secrets array

@description('Fully qualified name of the application\'s SQL server; empty without databases.')
param sqlServerFqdn string

@description('Databases: { name, databaseName }.')
param databases array

@description('Diagnostic settings of the web app (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

@description('Name of the web app\'s private endpoint.')
param privateEndpointName string

@description('Resource ID of the spoke\'s private-endpoint subnet.')
param privateEndpointSubnetId string

@description('Resource ID of the privatelink.azurewebsites.net zone; empty for none.')
param privateDnsZoneId string

// Built-in role Key Vault Secrets User: read secret values, nothing else (Security).
var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

// Secrets appear as app settings (PAYMENT_API_KEY for payment-api-key) that App Service resolves
// with the web app's identity; the application team sets the values in the vault.
var secretSettings = [
  for secret in secrets: {
    name: toUpper(replace(secret, '-', '_'))
    value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secret})'
  }
]

// Passwordless: the web app signs in with its managed identity. The database user for it is
// created by the application team (CREATE USER [<web app>] FROM EXTERNAL PROVIDER).
var sqlConnectionStrings = [
  for db in databases: {
    name: db.name
    type: 'SQLAzure'
    connectionString: 'Server=tcp:${sqlServerFqdn},1433;Database=${db.databaseName};Authentication=Active Directory Managed Identity;Encrypt=True;'
  }
]

// Built-in role Monitoring Metrics Publisher: Application Insights accepts Entra-signed telemetry.
var monitoringMetricsPublisher = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  // checkov:skip=CKV_AZURE_13:App Service Authentication is the application's choice (its own sign-in or Easy Auth with its app registration); meg cannot create the app registration.
  // checkov:skip=CKV_AZURE_212:The plan's instance count is set per environment (paas.appService.instances): three in prod, zone-redundant where the region has zones; one in dev and test.
  // checkov:skip=CKV_AZURE_17:Client certificates would make every browser present one; users reach the app through its private endpoint and the application authenticates them.
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
    httpsOnly: true
    // Reached through its private endpoint only (Security).
    publicNetworkAccess: 'Disabled'
    virtualNetworkSubnetId: integrationSubnetId
    keyVaultReferenceIdentity: 'SystemAssigned'
    clientAffinityEnabled: false
    siteConfig: {
      // All outbound traffic, Key Vault references included, goes through the spoke (Security).
      vnetRouteAllEnabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      alwaysOn: true
      healthCheckPath: healthCheckPath
      remoteDebuggingEnabled: false
      httpLoggingEnabled: true
      detailedErrorLoggingEnabled: true
      requestTracingEnabled: true
      appSettings: concat(
        [
          {
            name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
            value: applicationInsights.properties.ConnectionString
          }
          {
            // Application Insights takes Entra tokens only: the web app's identity signs its telemetry.
            name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
            value: 'Authorization=AAD'
          }
          {
            // An instance failing its health check for 5 minutes is replaced (Reliability); what
            // azurerm's health_check_eviction_time_in_min sets.
            name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES'
            value: '5'
          }
        ],
        secretSettings
      )
      connectionStrings: sqlConnectionStrings
    }
  }
}

// HTTP logs kept on the app's file system for a week, within 35 MB, with detailed errors and failed
// request traces (Operational Excellence); the Log Analytics copy comes from the diagnostic setting.
resource logs 'Microsoft.Web/sites/config@2023-12-01' = {
  // checkov:skip=CKV_AZURE_13:checkov applies its web app checks to this logs child as if it were a site; they judge the site above, not its log settings.
  // checkov:skip=CKV_AZURE_222:checkov applies its web app checks to this logs child as if it were a site; they judge the site above, not its log settings.
  // checkov:skip=CKV_AZURE_63:checkov applies its web app checks to this logs child as if it were a site; they judge the site above, not its log settings.
  // checkov:skip=CKV_AZURE_65:checkov applies its web app checks to this logs child as if it were a site; they judge the site above, not its log settings.
  // checkov:skip=CKV_AZURE_66:checkov applies its web app checks to this logs child as if it were a site; they judge the site above, not its log settings.
  // checkov:skip=CKV_AZURE_80:checkov applies its web app checks to this logs child as if it were a site; they judge the site above, not its log settings.
  // checkov:skip=CKV_AZURE_88:checkov applies its web app checks to this logs child as if it were a site; they judge the site above, not its log settings.
  parent: site
  name: 'logs'
  properties: {
    detailedErrorMessages: {
      enabled: true
    }
    failedRequestsTracing: {
      enabled: true
    }
    httpLogs: {
      fileSystem: {
        enabled: true
        retentionInDays: 7
        retentionInMb: 35
      }
    }
  }
}

// Deployments sign in with Entra ID, never with FTP or Web Deploy passwords (Security).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(secrets)) {
  name: guid(vault.id, site.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, site.id, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: monitoringMetricsPublisher
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${name}'
    scope: site
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

module privateEndpoint 'private-endpoint.bicep' = {
  name: '${privateEndpointName}-pe'
  params: {
    name: privateEndpointName
    location: location
    tags: tags
    subnetId: privateEndpointSubnetId
    targetId: site.id
    groupId: 'sites'
    privateDnsZoneIds: empty(privateDnsZoneId) ? [] : [
      privateDnsZoneId
    ]
  }
}

@description('Resource ID of the web app.')
output resourceId string = site.id

@description('Name of the web app.')
output name string = site.name

@description('Default host name of the web app.')
output defaultHostName string = site.properties.defaultHostName

@description('Object ID of the web app\'s managed identity.')
output principalId string = site.identity.principalId
