// Rehost tooling in one resource group: the Azure Migrate project, through which servers are
// discovered and replicated; the Recovery Services vault that backs them up once they run in
// Azure; and the Update Manager window that patches them.
targetScope = 'resourceGroup'

@description('Resource names: recoveryServicesVault, migrateProject, maintenanceConfiguration.')
param names object

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Backup storage, schedule and retention: see migrationType.backup in main.bicep.')
param backup object

@description('Weekly patch window and what it installs: see migrationType.patching in main.bicep.')
param patching object

@description('Management lock on the Recovery Services vault (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
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

@description('Diagnostic settings of the Recovery Services vault (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

// Backup and restore times are written as a date-time on a fixed day; only the time counts.
var backupTime = '2025-01-01T${backup.scheduleTime}:00Z'

// AVM's managedIdentityAllType.
type managedIdentitiesType = {
  systemAssigned: bool?
  // Resource IDs of user-assigned identities.
  userAssignedResourceIds: array?
}

@description('Managed identities of the Recovery Services vault (AVM interface): { systemAssigned?, userAssignedResourceIds?: [resource IDs] }.')
param managedIdentities managedIdentitiesType = {
  systemAssigned: true
}

resource vault 'Microsoft.RecoveryServices/vaults@2024-04-01' = {
  name: names.recoveryServicesVault
  location: location
  tags: tags
  sku: {
    name: 'RS0'
    tier: 'Standard'
  }
  // An identity of its own (managedIdentities, system-assigned by default), for customer-managed
  // keys and private endpoints later (Security).
  identity: (managedIdentities.?systemAssigned ?? false) || !empty(managedIdentities.?userAssignedResourceIds ?? []) ? {
    type: (managedIdentities.?systemAssigned ?? false) ? (empty(managedIdentities.?userAssignedResourceIds ?? []) ? 'SystemAssigned' : 'SystemAssigned, UserAssigned') : 'UserAssigned'
    userAssignedIdentities: empty(managedIdentities.?userAssignedResourceIds ?? []) ? null : toObject(managedIdentities.?userAssignedResourceIds ?? [], id => id, id => {})
  } : null

  properties: {
    // Azure VM backup takes snapshots through the platform, not the vault's public endpoint (Security).
    publicNetworkAccess: 'Disabled'
    securitySettings: {
      // Deleted backup data stays recoverable for 14 days: a mistaken or malicious delete
      // cannot wipe the restore points at once (Security, Reliability).
      softDeleteSettings: {
        softDeleteState: 'Enabled'
        softDeleteRetentionPeriodInDays: 14
      }
      immutabilitySettings: {
        state: 'Unlocked'
      }
    }
    monitoringSettings: {
      // Every failed backup or restore job raises an Azure Monitor alert (Operational Excellence).
      azureMonitorAlertSettings: {
        alertsForAllJobFailures: 'Enabled'
      }
    }
  }
}

// Storage redundancy is fixed once the first VM is protected, so it is set with the vault.
resource storageConfig 'Microsoft.RecoveryServices/vaults/backupstorageconfig@2024-04-01' = {
  parent: vault
  name: 'vaultstorageconfig'
  properties: {
    storageModelType: backup.storageRedundancy
    // Restore in the paired region without waiting for Microsoft to declare a disaster (Reliability).
    crossRegionRestoreFlag: backup.crossRegionRestore
  }
}

resource vmPolicy 'Microsoft.RecoveryServices/vaults/backupPolicies@2024-04-01' = {
  parent: vault
  name: 'policy-vm-daily'
  properties: {
    backupManagementType: 'AzureIaasVM'
    // Enhanced policy: needed for Trusted Launch VMs and gives zone-redundant snapshots (Reliability).
    policyType: 'V2'
    instantRpRetentionRangeInDays: backup.instantRestoreDays
    timeZone: backup.timeZone
    schedulePolicy: {
      schedulePolicyType: 'SimpleSchedulePolicyV2'
      scheduleRunFrequency: 'Daily'
      dailySchedule: {
        scheduleRunTimes: [
          backupTime
        ]
      }
    }
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy'
      dailySchedule: {
        retentionTimes: [
          backupTime
        ]
        retentionDuration: {
          count: backup.dailyRetentionDays
          durationType: 'Days'
        }
      }
      weeklySchedule: {
        daysOfTheWeek: [
          'Sunday'
        ]
        retentionTimes: [
          backupTime
        ]
        retentionDuration: {
          count: backup.weeklyRetentionWeeks
          durationType: 'Weeks'
        }
      }
      monthlySchedule: {
        retentionScheduleFormatType: 'Weekly'
        retentionScheduleWeekly: {
          daysOfTheWeek: [
            'Sunday'
          ]
          weeksOfTheMonth: [
            'First'
          ]
        }
        retentionTimes: [
          backupTime
        ]
        retentionDuration: {
          count: backup.monthlyRetentionMonths
          durationType: 'Months'
        }
      }
    }
  }
  dependsOn: [
    storageConfig
  ]
}

// Backup jobs, alerts and health, to the destinations of diagnosticSettings; resource-specific
// tables (AddonAzureBackupJobs, ...) feed the Backup reports (Operational Excellence).
resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${names.recoveryServicesVault}'
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
  name: lock.?name ?? 'lock-${names.recoveryServicesVault}'
  scope: vault
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

// The project through which servers are discovered, assessed and replicated; the appliance on
// premises registers with it.
resource migrateProject 'Microsoft.Migrate/migrateProjects@2023-01-01' = {
  name: names.migrateProject
  location: location
  // No tags: the 2023-01-01 schema of migrateProjects has none (ARM ignores or refuses them); the
  // migration resource group carries the landing zone's tags, and cost analysis reads them there.
  properties: {
    // The appliance on premises registers and replicates over the internet unless private
    // endpoints and a private path (VPN, ExpressRoute) are set up for it first.
    publicNetworkAccess: 'Enabled'
  }
}

// The tools the portal registers when it creates a project: without them the project has no
// Discovery and assessment or Migration and modernization tool, and no key can be generated for an
// appliance. (The appliance's key, made in the portal, then adds the assessment project.)
var migrateTools = [
  {
    tool: 'ServerDiscovery'
    purpose: 'Discovery'
  }
  {
    tool: 'ServerAssessment'
    purpose: 'Assessment'
  }
  {
    tool: 'ServerMigration'
    purpose: 'Migration'
  }
]

resource migrateProjectTools 'Microsoft.Migrate/migrateProjects/solutions@2023-01-01' = [
  for t in migrateTools: {
    parent: migrateProject
    name: 'Servers-${t.purpose}-${t.tool}'
    properties: {
      tool: t.tool
      purpose: t.purpose
      goal: 'Servers'
    }
  }
]

// Update Manager patches in a weekly window per tier: dev first, production last (Reliability).
resource maintenanceConfiguration 'Microsoft.Maintenance/maintenanceConfigurations@2023-04-01' = {
  name: names.maintenanceConfiguration
  location: location
  tags: tags
  properties: {
    maintenanceScope: 'InGuestPatch'
    extensionProperties: {
      InGuestPatchMode: 'User'
    }
    maintenanceWindow: {
      startDateTime: '2025-01-01 ${patching.startTime}'
      duration: patching.duration
      timeZone: patching.timeZone
      recurEvery: '1Week ${patching.weekday}'
    }
    installPatches: {
      rebootSetting: patching.reboot
      windowsParameters: {
        classificationsToInclude: patching.windowsClassifications
      }
      linuxParameters: {
        classificationsToInclude: patching.linuxClassifications
      }
    }
  }
}

@description('Resource ID of the Recovery Services vault.')
output resourceId string = vault.id

@description('Name of the Recovery Services vault.')
output name string = vault.name

@description('Resource ID of the daily VM backup policy.')
output backupPolicyId string = vmPolicy.id

@description('Resource ID of the Azure Migrate project.')
output migrateProjectId string = migrateProject.id

@description('Resource ID of the maintenance configuration.')
output maintenanceConfigurationId string = maintenanceConfiguration.id
