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

@description('Resource ID of the Log Analytics workspace for diagnostics.')
param logAnalyticsWorkspaceId string

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

resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
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

resource vaultPrivateEndpoint 'Microsoft.Network/privateEndpoints@2024-01-01' = if (privateEndpoint != null) {
  name: privateEndpoint.?name ?? '${name}-pep'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpoint.?subnetId ?? ''
    }
    privateLinkServiceConnections: [
      {
        name: 'vault'
        properties: {
          privateLinkServiceId: vault.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}

resource vaultDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-01-01' = if (!empty(privateEndpoint.?privateDnsZoneId ?? '')) {
  parent: vaultPrivateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-vaultcore-azure-net'
        properties: {
          privateDnsZoneId: privateEndpoint.?privateDnsZoneId ?? ''
        }
      }
    ]
  }
}

@description('Resource ID of the vault.')
output id string = vault.id

@description('URI of the vault.')
output uri string = vault.properties.vaultUri
