// Log Analytics workspace: the one place every platform resource sends logs and metrics.
targetScope = 'resourceGroup'

@description('Workspace name.')
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Days the workspace keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Daily ingestion cap in GB; -1 for none.')
param dailyQuotaGb int

@description('Management lock on the workspace (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
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

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
    features: {
      // Access follows Azure RBAC on the resources, not only on the workspace (Security).
      enableLogAccessUsingOnlyResourcePermissions: true
      // Entra ID only: no shared keys for agents or queries (Security).
      disableLocalAuth: true
    }
  }
}

// The workspace audits its own queries and settings changes (who looked at what).
resource workspaceDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-log-analytics'
  scope: workspace
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        categoryGroup: 'audit'
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

resource workspaceLock 'Microsoft.Authorization/locks@2020-05-01' = if ((lock.?kind ?? 'None') != 'None') {
  name: lock.?name ?? 'lock-${name}'
  scope: workspace
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

@description('Resource ID of the workspace.')
output resourceId string = workspace.id

@description('Name of the workspace.')
output name string = workspace.name
