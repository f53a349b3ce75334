// Platform Key Vault: RBAC authorization, soft delete, and purge protection where the
// environment asks for it. With a private endpoint, public network access is off.
targetScope = 'resourceGroup'

@description('Vault name (globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Key Vault SKU.')
@allowed([
  'standard'
  'premium'
])
param sku string

@description('Forbid purging deleted objects before the retention ends.')
param enablePurgeProtection bool

@description('Days a deleted vault or object stays recoverable.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Public network access: Disabled when the vault has a private endpoint.')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Disabled'

@description('Diagnostic settings of the vault (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

@description('Management lock on the vault (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
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

@description('Entra object IDs (users, groups, service principals) that manage the vault\'s contents: with Azure RBAC, nobody else can, not even whoever deployed it.')
param administrators array = []

@description('Role definition ID the administrators get on the vault (a Key Vault data-plane role).')
param administratorRoleId string = '00482a5a-887f-4fb3-b363-3b7fe8e74483'

@description('Private endpoint in the hub (name, subnet, private DNS zone), or null for none.')
param privateEndpoint privateEndpointType?

@description('A private endpoint: its name, the subnet it sits in and the private DNS zone it registers in.')
type privateEndpointType = {
  name: string
  subnetId: string
  privateDnsZoneId: string
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  // checkov:skip=CKV_AZURE_42:Purge protection is set per environment: on in test and prod (meg lint REL-003 requires it in prod), off in dev so vaults can be rebuilt.
  // checkov:skip=CKV_AZURE_110:Purge protection is set per environment: on in test and prod (meg lint REL-003 requires it in prod), off in dev so vaults can be rebuilt.
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: sku
    }
    // Azure RBAC instead of access policies: one permission model for the platform (Security).
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // ARM rejects false here: purge protection is either on or absent.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      // Deny by default; trusted Azure services (Backup, Disk Encryption) still get through.
      bypass: 'AzureServices'
      defaultAction: 'Deny'
    }
  }
}

// Data-plane access for the people who run the vault: an RBAC vault grants its contents to no one
// by default, so without this `az keyvault secret set` is refused (403) (Security, Operational Excellence).
resource administratorAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in administrators: {
    name: guid(vault.id, principalId, administratorRoleId)
    scope: vault
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', administratorRoleId)
      principalId: principalId
    }
  }
]

module vaultPrivateEndpoint 'private-endpoint.bicep' = if (privateEndpoint != null) {
  name: '${name}-private-endpoint'
  params: {
    name: privateEndpoint.?name ?? '${name}-pep'
    location: location
    tags: tags
    subnetId: privateEndpoint.?subnetId ?? ''
    targetId: vault.id
    groupId: 'vault'
    privateDnsZoneIds: empty(privateEndpoint.?privateDnsZoneId ?? '') ? [] : [
      privateEndpoint.?privateDnsZoneId ?? ''
    ]
  }
}

resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${name}'
    scope: vault
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

resource vaultLock 'Microsoft.Authorization/locks@2020-05-01' = if ((lock.?kind ?? 'None') != 'None') {
  name: lock.?name ?? 'lock-${name}'
  scope: vault
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

@description('Resource ID of the vault.')
output resourceId string = vault.id

@description('Name of the vault.')
output name string = vault.name

@description('URI of the vault.')
output uri string = vault.properties.vaultUri
