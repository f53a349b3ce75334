// northwind: rehost landing zone, rendered by meg 0.1.0 (catalog 2026.11.0).
// Deploy per environment:
//   az deployment sub create --location westeurope --template-file main.bicep --parameters environments/<env>.bicepparam
targetScope = 'subscription'

// ---------------------------------------------------------------------------------------
// Parameters: one value set per environment lives in environments/<env>.bicepparam.
// ---------------------------------------------------------------------------------------

@description('Azure region of every resource.')
param location string

@description('Environment name, used in tags and deployment names.')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Tags applied to every taggable resource.')
param tags object

@description('Resource names, computed by meg from the CAF naming convention and checked against Azure\'s rules.')
param names namesType

@description('Log Analytics workspace settings.')
param logAnalytics logAnalyticsType

@description('Management lock on the platform resources of this deployment (AVM interface): { kind: CanNotDelete or ReadOnly }; null for none. A locked resource cannot be deleted (ReadOnly: nor changed) until its lock is removed.')
param lock lockType?

@description('Platform Key Vault settings.')
param keyVault keyVaultType

@description('The existing hub this landing zone peers to, and what the spokes take from it (next hop, DNS, private DNS zones).')
param hubNetwork hubNetworkType

@description('Spoke virtual networks peered to the hub: { name, resourceGroupName, virtualNetworkName, routeTableName, addressPrefixes, tags, subnets: [{ name, addressPrefix, networkSecurityGroupName }] }.')
param spokes array

@description('On-premises networks the hub\'s gateways reach (the sites\' address spaces): the firewall and the spokes\' NSGs let them and the spokes talk.')
param onPremisesAddressPrefixes array

@description('Rehost tooling: whether this environment has it, backup storage and retention, and the patch window.')
param migration migrationType

// ---------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------

type namesType = {
  managementResourceGroup: string
  securityResourceGroup: string
  logAnalyticsWorkspace: string
  keyVault: string
  keyVaultPrivateEndpoint: string
  migrationResourceGroup: string
  recoveryServicesVault: string
  migrateProject: string
  maintenanceConfiguration: string
  diskEncryptionKeyVault: string
  diskEncryptionKeyVaultPrivateEndpoint: string
  diskEncryptionSet: string
  diskEncryptionIdentity: string
}

type logAnalyticsType = {
  // Days the workspace keeps data (30 to 730).
  retentionInDays: int
  // Daily ingestion cap in GB; -1 for none.
  dailyQuotaGb: int
}

type lockLevelType = 'CanNotDelete' | 'ReadOnly'

// AVM's lockType, as the modules take it.
type lockType = {
  kind: lockLevelType
}

// Closed sets are literal unions, as the modules' @allowed lists: a plain string would not fit
// them (BCP036). Top-level aliases, which checkov's Bicep parser reads.
type keyVaultSkuType = 'standard' | 'premium'

type keyVaultType = {
  sku: keyVaultSkuType
  // Forbid purging before the retention period ends; cannot be turned off once on.
  enablePurgeProtection: bool
  // Days a deleted vault or secret stays recoverable (7 to 90).
  softDeleteRetentionInDays: int
  // Reach the vault through a private endpoint in the hub and turn public access off.
  privateEndpoint: bool
  // Entra object IDs given Key Vault Administrator on the vault (it uses Azure RBAC).
  administrators: array
}

type hubNetworkType = {
  // The hub's virtual network, and its parts for the `existing` reference.
  virtualNetworkId: string
  subscriptionId: string
  resourceGroupName: string
  virtualNetworkName: string
  // Next hop of the spokes' default route: the hub's firewall or appliance; none without it.
  firewallPrivateIp: string?
  // The hub's AzureBastionSubnet, allowed to reach the spokes' management ports.
  bastionAddressPrefix: string?
  // The hub has a VPN or ExpressRoute gateway and offers gateway transit.
  useRemoteGateways: bool
  // Resource IDs of the hub's private DNS zones, by zone name.
  privateDnsZoneIds: object
  // Where the landing zone's own private endpoints go: a spoke's subnet, in its subscription.
  privateEndpointSpokeIndex: int?
  privateEndpointSpoke: string?
  privateEndpointSubnet: string?
  spokeDnsServers: array
  // Prefix of the hub side of each peering, unique in a hub other landing zones share.
  peeringNamePrefix: string
}

type backupStorageRedundancyType = 'LocallyRedundant' | 'ZoneRedundant' | 'GeoRedundant'

type weekdayType = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday'

type rebootSettingType = 'IfRequired' | 'Never' | 'Always'

type migrationType = {
  enabled: bool
  // Entra object IDs given Key Vault Crypto Officer on the disk encryption vault.
  keyVaultAdministrators: array
  backup: {
    // Fixed once the first item is protected.
    storageRedundancy: backupStorageRedundancyType
    // Restore in the paired region at any time (GeoRedundant only).
    crossRegionRestore: bool
    // HH:MM, daily.
    scheduleTime: string
    // Windows time zone ID of the schedule.
    timeZone: string
    dailyRetentionDays: int
    weeklyRetentionWeeks: int
    monthlyRetentionMonths: int
    // Days snapshots stay next to the disks for fast restores (1 to 30).
    instantRestoreDays: int
  }
  patching: {
    // Day of the weekly window.
    weekday: weekdayType
    // HH:MM in timeZone.
    startTime: string
    // HH:MM, at most 03:55 for in-guest patching.
    duration: string
    timeZone: string
    reboot: rebootSettingType
    windowsClassifications: array
    linuxClassifications: array
  }
}

// ---------------------------------------------------------------------------------------
// Resource groups per function (CAF): who may change what follows the group.
// ---------------------------------------------------------------------------------------

resource managementResourceGroup 'Microsoft.Resources/resourceGroups@2024-07-01' = {
  name: names.managementResourceGroup
  location: location
  tags: tags
}

resource securityResourceGroup 'Microsoft.Resources/resourceGroups@2024-07-01' = {
  name: names.securityResourceGroup
  location: location
  tags: tags
}

resource spokeResourceGroups 'Microsoft.Resources/resourceGroups@2024-07-01' = [
  for spoke in spokes: {
    name: spoke.resourceGroupName
    location: location
    tags: union(tags, spoke.tags)
  }
]

// ---------------------------------------------------------------------------------------
// Management: every resource sends its logs and metrics to one workspace.
// ---------------------------------------------------------------------------------------

module logAnalyticsWorkspace 'modules/log-analytics.bicep' = {
  name: 'log-analytics-${environmentName}'
  scope: managementResourceGroup
  params: {
    name: names.logAnalyticsWorkspace
    location: location
    tags: tags
    retentionInDays: logAnalytics.retentionInDays
    dailyQuotaGb: logAnalytics.dailyQuotaGb
    lock: lock
  }
}

// Every resource with platform logs and metrics sends them to this deployment's workspace,
// through the modules' AVM interface (Operational Excellence).
var diagnosticSettings = [
  {
    name: 'diag-log-analytics'
    workspaceResourceId: logAnalyticsWorkspace.outputs.resourceId
  }
]

// ---------------------------------------------------------------------------------------
// Connectivity: the hub and what it shares with every spoke.
// ---------------------------------------------------------------------------------------

// The platform team's hub, maybe in the connectivity subscription: referenced, never changed
// here except for the hub side of each spoke's peering, a deployment in the hub's resource group
// (Network Contributor on that group).
resource hubVirtualNetwork 'Microsoft.Network/virtualNetworks@2024-01-01' existing = {
  name: hubNetwork.virtualNetworkName
  scope: resourceGroup(hubNetwork.subscriptionId, hubNetwork.resourceGroupName)
}

// What workloads take from the hub, whoever runs it: where private endpoints go and the zones
// they register in.
var hubVirtualNetworkId = hubVirtualNetwork.id
// A private endpoint sits in its virtual network's subscription: ours go into a spoke.
var platformPrivateEndpointSubnetId = hubNetwork.?privateEndpointSpokeIndex == null ? '' : spokeNetworks[hubNetwork.?privateEndpointSpokeIndex ?? 0].outputs.subnetIds[hubNetwork.?privateEndpointSubnet ?? '']
var privateDnsZoneIds = hubNetwork.privateDnsZoneIds

// ---------------------------------------------------------------------------------------
// Security: the platform Key Vault.
// ---------------------------------------------------------------------------------------

module platformKeyVault 'modules/key-vault.bicep' = {
  name: 'key-vault-${environmentName}'
  scope: securityResourceGroup
  params: {
    name: names.keyVault
    location: location
    tags: tags
    sku: keyVault.sku
    enablePurgeProtection: keyVault.enablePurgeProtection
    softDeleteRetentionInDays: keyVault.softDeleteRetentionInDays
    publicNetworkAccess: keyVault.privateEndpoint ? 'Disabled' : 'Enabled'
    // The vault's audit trail: who read or changed which secret, key or certificate (Security).
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
    administrators: keyVault.administrators
    privateEndpoint: keyVault.privateEndpoint ? {
      name: names.keyVaultPrivateEndpoint
      subnetId: platformPrivateEndpointSubnetId
      privateDnsZoneId: privateDnsZoneIds[?'privatelink.vaultcore.azure.net'] ?? ''
    } : null
  }
}

// ---------------------------------------------------------------------------------------
// Spokes: one virtual network per workload, peered to the hub.
// ---------------------------------------------------------------------------------------

module spokeNetworks 'modules/spoke-network.bicep' = [
  for (spoke, i) in spokes: {
    name: 'spoke-${spoke.name}-${environmentName}'
    scope: spokeResourceGroups[i]
    params: {
      spoke: spoke
      location: location
      tags: union(tags, spoke.tags)
      dnsServers: hubNetwork.spokeDnsServers
      bastionAddressPrefix: hubNetwork.?bastionAddressPrefix ?? ''
      onPremisesAddressPrefixes: onPremisesAddressPrefixes
      lock: lock
      diagnosticSettings: diagnosticSettings
      firewallPrivateIp: hubNetwork.?firewallPrivateIp ?? ''
    }
  }
]

// The hub side first: a spoke can only use remote gateways once the hub's peering offers
// gateway transit. One at a time, since every one of them updates the hub network.
@batchSize(1)
module hubToSpokePeerings 'modules/hub-peering.bicep' = [
  for (spoke, i) in spokes: {
    // A shared hub holds many landing zones' deployments and peerings: name ours apart.
    name: '${hubNetwork.peeringNamePrefix}-${spoke.name}'
    scope: resourceGroup(hubNetwork.subscriptionId, hubNetwork.resourceGroupName)
    params: {
      hubVirtualNetworkName: hubVirtualNetwork.name
      spokeName: spoke.name
      peeringName: '${hubNetwork.peeringNamePrefix}-${spoke.name}'
      spokeVirtualNetworkId: spokeNetworks[i].outputs.resourceId
      allowGatewayTransit: hubNetwork.useRemoteGateways
    }
  }
]

module spokeToHubPeerings 'modules/spoke-peering.bicep' = [
  for (spoke, i) in spokes: {
    name: 'peering-${spoke.name}-hub-${environmentName}'
    scope: spokeResourceGroups[i]
    params: {
      spokeVirtualNetworkName: spokeNetworks[i].outputs.name
      spokeName: spoke.name
      hubVirtualNetworkId: hubVirtualNetworkId
      useRemoteGateways: hubNetwork.useRemoteGateways
    }
    dependsOn: [
      hubToSpokePeerings[i]
    ]
  }
]

// ---------------------------------------------------------------------------------------
// Rehost: Azure Migrate, backup and patching for the servers moved into the spokes.
// ---------------------------------------------------------------------------------------

resource migrationResourceGroup 'Microsoft.Resources/resourceGroups@2024-07-01' = if (migration.enabled) {
  name: names.migrationResourceGroup
  location: location
  tags: tags
}

module migrationServices 'modules/migration.bicep' = if (migration.enabled) {
  name: 'migration-${environmentName}'
  scope: migrationResourceGroup
  params: {
    names: {
      recoveryServicesVault: names.recoveryServicesVault
      migrateProject: names.migrateProject
      maintenanceConfiguration: names.maintenanceConfiguration
    }
    location: location
    tags: tags
    backup: migration.backup
    patching: migration.patching
    lock: lock
    // Resource-specific tables; a vault's only metric category is Health.
    diagnosticSettings: map(diagnosticSettings, setting => union(setting, {
      logAnalyticsDestinationType: 'Dedicated'
      metricCategories: [
        {
          category: 'Health'
        }
      ]
    }))
  }
}

// Disk encryption keys: an HSM-backed vault of their own, with purge protection always on,
// since a purged key would make every disk encrypted with it unreadable (Security, Reliability).
module diskEncryptionKeyVault 'modules/key-vault.bicep' = if (migration.enabled) {
  name: 'key-vault-cmk-${environmentName}'
  scope: migrationResourceGroup
  params: {
    name: names.diskEncryptionKeyVault
    location: location
    tags: tags
    sku: 'premium'
    enablePurgeProtection: true
    softDeleteRetentionInDays: keyVault.softDeleteRetentionInDays
    // Disk encryption sets reach the vault as a trusted Azure service, whatever the network rules.
    publicNetworkAccess: keyVault.privateEndpoint ? 'Disabled' : 'Enabled'
    // The vaults' audit trail: who read or changed which key (Security).
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
    // Who rotate or recover the disk keys: Key Vault Crypto Officer, keys only.
    administrators: migration.keyVaultAdministrators
    administratorRoleId: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603'
    privateEndpoint: keyVault.privateEndpoint ? {
      name: names.diskEncryptionKeyVaultPrivateEndpoint
      subnetId: platformPrivateEndpointSubnetId
      privateDnsZoneId: privateDnsZoneIds[?'privatelink.vaultcore.azure.net'] ?? ''
    } : null
  }
}

module diskEncryption 'modules/disk-encryption.bicep' = if (migration.enabled) {
  name: 'disk-encryption-${environmentName}'
  scope: migrationResourceGroup
  params: {
    keyVaultName: names.diskEncryptionKeyVault
    diskEncryptionSetName: names.diskEncryptionSet
    identityName: names.diskEncryptionIdentity
    location: location
    tags: tags
  }
  dependsOn: [
    diskEncryptionKeyVault
  ]
}

// ---------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------

@description('Resource ID of the Log Analytics workspace.')
output logAnalyticsWorkspaceId string = logAnalyticsWorkspace.outputs.resourceId

@description('Resource ID of the hub virtual network.')
output hubVirtualNetworkId string = hubVirtualNetworkId

@description('Resource ID of the platform Key Vault.')
output keyVaultId string = platformKeyVault.outputs.resourceId

@description('URI of the platform Key Vault.')
output keyVaultUri string = platformKeyVault.outputs.uri

// A lambda cannot index a module collection (BCP247): collect the IDs with a for-expression.
var spokeVirtualNetworks = [
  for (spoke, i) in spokes: {
    name: spoke.name
    id: spokeNetworks[i].outputs.resourceId
  }
]

@description('Resource IDs of the spoke virtual networks, by spoke name.')
output spokeVirtualNetworkIds object = toObject(spokeVirtualNetworks, spoke => spoke.name, spoke => spoke.id)

@description('Address prefixes of the spokes: the existing hub\'s owners route each one to the hub firewall on GatewaySubnet, or on-premises replies bypass the firewall the spokes send through.')
output spokeAddressPrefixes array = flatten(map(spokes, spoke => spoke.addressPrefixes))

@description('Resource ID of the Recovery Services vault that backs up the servers; empty when the environment has none.')
output recoveryServicesVaultId string = migration.enabled ? migrationServices.outputs.resourceId : ''

@description('Resource ID of the Azure Migrate project; empty when the environment has none.')
output migrateProjectId string = migration.enabled ? migrationServices.outputs.migrateProjectId : ''

@description('Resource ID of the Update Manager maintenance configuration; empty when the environment has none.')
output maintenanceConfigurationId string = migration.enabled ? migrationServices.outputs.maintenanceConfigurationId : ''

@description('Resource ID of the disk encryption set for the servers\' managed disks; empty when the environment has none.')
output diskEncryptionSetId string = migration.enabled ? diskEncryption.outputs.resourceId : ''
