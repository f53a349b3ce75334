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

@description('Hub virtual network: address space, DNS servers and subnets.')
param hubNetwork hubNetworkType

@description('Private DNS zones (names) created in the connectivity resource group and linked to the hub.')
param privateDnsZones array

@description('Spoke virtual networks peered to the hub: { name, resourceGroupName, virtualNetworkName, routeTableName, addressPrefixes, tags, subnets: [{ name, addressPrefix, networkSecurityGroupName }] }.')
param spokes array

@description('Azure Firewall in the hub: tier, private IP (the next hop of every spoke route), availability zones and threat intelligence mode.')
param firewall firewallType

@description('Azure Bastion in the hub: whether this environment has it, its SKU, its scale units and whether the native client copies files.')
param bastion bastionType

@description('Rehost tooling: whether this environment has it, backup storage and retention, and the patch window.')
param migration migrationType

@description('Enrolment of the servers Azure Migrate brings (README.md, "Enrolment"): whether this environment has them, the resource groups and OS types they land with, the tags naming their vault and patch window, and the names of the policies and the patch schedule.')
param enrolment enrolmentType

// ---------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------

type namesType = {
  connectivityResourceGroup: string
  managementResourceGroup: string
  securityResourceGroup: string
  logAnalyticsWorkspace: string
  keyVault: string
  keyVaultPrivateEndpoint: string
  hubVirtualNetwork: string
  firewall: string
  firewallPolicy: string
  firewallPublicIp: string
  firewallManagementPublicIp: string
  bastion: string
  bastionPublicIp: string
  migrationResourceGroup: string
  recoveryServicesVault: string
  migrateProject: string
  maintenanceConfiguration: string
  diskEncryptionKeyVault: string
  diskEncryptionKeyVaultPrivateEndpoint: string
  diskEncryptionSet: string
  diskEncryptionIdentity: string
  enrolmentIdentity: string
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
  addressPrefixes: array
  dnsServers: array
  // items: { name, addressPrefix, networkSecurityGroupName?, delegation? }
  subnets: array
  bastionAddressPrefix: string?
  // The DNS resolver's inbound endpoint or the firewall's DNS proxy, so spokes resolve the hub's private zones.
  spokeDnsServers: array
  // Without either, the spokes are on Azure DNS: the private DNS zones are linked to every spoke too.
  linkPrivateDnsZonesToSpokes: bool
}

type firewallTierType = 'Basic' | 'Standard' | 'Premium'

type threatIntelModeType = 'Alert' | 'Deny'

type firewallType = {
  enabled: bool
  // Basic also needs AzureFirewallManagementSubnet and a management public IP.
  tier: firewallTierType
  // Spread the firewall and its public IPs over availability zones 1-3 (Reliability).
  zoneRedundant: bool
  threatIntelMode: threatIntelModeType
  // Registered ranges the environment's networks use privately: network-rule traffic to them keeps its source address.
  snatPrivateRanges: array
  // First usable address (.4) of AzureFirewallSubnet; null when the environment has no firewall.
  privateIpAddress: string?
}

type bastionSkuType = 'Basic' | 'Standard' | 'Premium'

type bastionType = {
  enabled: bool
  sku: bastionSkuType
  // Instances (2 to 50), each taking about 20 concurrent RDP or 40 SSH sessions; 2 on Basic.
  scaleUnits: int
  // File upload and download through the native client; Standard and Premium only.
  fileCopy: bool
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

// A tag a migrated VM carries, and its value.
type tagFilterType = {
  name: string
  value: string
}

type enrolmentType = {
  enabled: bool
  // Resource groups the migrated servers land in (their spokes').
  resourceGroups: array
  // Their OS types: Linux, Windows.
  osTypes: array
  // backupVault: the Recovery Services vault's name.
  backupTag: tagFilterType
  // patchWindow: the maintenance configuration's name.
  patchTag: tagFilterType
  // Built-in "Set prerequisite for Scheduling recurring updates on Azure virtual machines".
  patchPrerequisitesPolicyId: string
  names: {
    backupPolicyDefinition: string
    backupAssignment: string
    patchPrerequisitesAssignment: string
    patchSchedule: string
  }
}

// ---------------------------------------------------------------------------------------
// Resource groups per function (CAF): who may change what follows the group.
// ---------------------------------------------------------------------------------------

resource connectivityResourceGroup 'Microsoft.Resources/resourceGroups@2024-07-01' = {
  name: names.connectivityResourceGroup
  location: location
  tags: tags
}

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

module hubVirtualNetwork 'modules/hub-network.bicep' = {
  name: 'hub-network-${environmentName}'
  scope: connectivityResourceGroup
  params: {
    name: names.hubVirtualNetwork
    location: location
    tags: tags
    addressPrefixes: hubNetwork.addressPrefixes
    dnsServers: hubNetwork.dnsServers
    subnets: hubNetwork.subnets
    bastionAddressPrefix: hubNetwork.?bastionAddressPrefix ?? ''
    lock: lock
    diagnosticSettings: diagnosticSettings
  }
}

module privateDnsZoneLinks 'modules/private-dns-zones.bicep' = {
  name: 'private-dns-zones-${environmentName}'
  scope: connectivityResourceGroup
  params: {
    zoneNames: privateDnsZones
    virtualNetworkId: hubVirtualNetwork.outputs.resourceId
    tags: tags
  }
}

// Firewall: spokes, on-premises and the internet reach each other only through it (Security).
var spokeAddressPrefixes = flatten(map(spokes, spoke => spoke.addressPrefixes))

module hubFirewall 'modules/firewall.bicep' = if (firewall.enabled) {
  name: 'firewall-${environmentName}'
  scope: connectivityResourceGroup
  params: {
    name: names.firewall
    policyName: names.firewallPolicy
    publicIpName: names.firewallPublicIp
    managementPublicIpName: names.firewallManagementPublicIp
    location: location
    tags: tags
    tier: firewall.tier
    zones: firewall.zoneRedundant ? ['1', '2', '3'] : []
    threatIntelMode: firewall.threatIntelMode
    snatPrivateRanges: firewall.snatPrivateRanges
    subnetId: hubVirtualNetwork.outputs.subnetIds[?'AzureFirewallSubnet'] ?? ''
    managementSubnetId: hubVirtualNetwork.outputs.subnetIds[?'AzureFirewallManagementSubnet'] ?? ''
    spokeAddressPrefixes: spokeAddressPrefixes
    // Resource-specific tables (AZFWNetworkRule, AZFWApplicationRule, ...) instead of
    // AzureDiagnostics: typed columns, faster queries, the firewall workbook (Operational Excellence).
    lock: lock
    diagnosticSettings: map(diagnosticSettings, setting => union(setting, {
      logAnalyticsDestinationType: 'Dedicated'
    }))
  }
}

// Bastion: administrators reach machines without public IPs or open management ports (Security).
module bastionHost 'modules/bastion.bicep' = if (bastion.enabled) {
  name: 'bastion-${environmentName}'
  scope: connectivityResourceGroup
  params: {
    name: names.bastion
    publicIpName: names.bastionPublicIp
    location: location
    tags: tags
    sku: bastion.sku
    scaleUnits: bastion.scaleUnits
    fileCopy: bastion.fileCopy
    subnetId: hubVirtualNetwork.outputs.subnetIds[?'AzureBastionSubnet'] ?? ''
    lock: lock
    diagnosticSettings: diagnosticSettings
  }
}

// What workloads take from the hub, whoever runs it: where private endpoints go and the zones
// they register in.
var hubVirtualNetworkId = hubVirtualNetwork.outputs.resourceId
var platformPrivateEndpointSubnetId = hubVirtualNetwork.outputs.subnetIds['snet-management']
var privateDnsZoneIds = privateDnsZoneLinks.outputs.zoneIds

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
      lock: lock
      diagnosticSettings: diagnosticSettings
      firewallPrivateIp: firewall.enabled ? (firewall.?privateIpAddress ?? '') : ''
    }
  }
]

// The hub side first: a spoke can only use remote gateways once the hub's peering offers
// gateway transit. One at a time, since every one of them updates the hub network.
@batchSize(1)
module hubToSpokePeerings 'modules/hub-peering.bicep' = [
  for (spoke, i) in spokes: {
    name: 'peering-hub-${spoke.name}-${environmentName}'
    scope: connectivityResourceGroup
    params: {
      hubVirtualNetworkName: hubVirtualNetwork.outputs.name
      spokeName: spoke.name
      spokeVirtualNetworkId: spokeNetworks[i].outputs.resourceId
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
    }
    dependsOn: [
      hubToSpokePeerings[i]
    ]
  }
]

// Spokes on Azure DNS (no resolver, no firewall DNS proxy) resolve a private zone only through a
// link of their own: meg links every zone to every spoke then (hubNetwork.linkPrivateDnsZonesToSpokes).
module spokePrivateDnsZoneLinks 'modules/private-dns-spoke-links.bicep' = [
  for (spoke, i) in (hubNetwork.linkPrivateDnsZonesToSpokes ? spokes : []): {
    name: 'private-dns-links-${spoke.name}-${environmentName}'
    scope: connectivityResourceGroup
    params: {
      zoneNames: privateDnsZones
      linkName: 'link-${spoke.name}'
      virtualNetworkId: spokeNetworks[i].outputs.resourceId
      tags: tags
    }
    // The zones are created by the zones module, which the links name only by their names.
    dependsOn: [
      privateDnsZoneLinks
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

// The servers' agents reach Backup, Entra ID, Storage, Update Manager (and Site Recovery)
// through the hub firewall, which denies what it was not told about (Security).
module rehostFirewallRules 'modules/rehost-firewall-rules.bicep' = if (migration.enabled && firewall.enabled && !empty(spokeAddressPrefixes)) {
  name: 'firewall-rules-rehost-${environmentName}'
  scope: connectivityResourceGroup
  params: {
    policyName: names.firewallPolicy
    spokeAddressPrefixes: spokeAddressPrefixes
    siteRecovery: false
  }
  // A firewall policy takes one change at a time: after the platform's rule collection group.
  dependsOn: [
    hubFirewall
  ]
}

// Servers Azure Migrate brings are created by its cutover, not by this root: they are enrolled by
// what they carry (README.md, "Enrolment"). The wave roots tag each migrated VM with the vault and
// the patch window; a backup policy and a dynamic patch schedule at the subscription match the tags
// in the resource groups the servers land in, whenever a wave cuts over (Operational Excellence).
// One user-assigned identity runs both policies' deployments: its roles exist before the policies
// are assigned, so the first server cut over is enrolled without waiting for role propagation.
module enrolmentIdentity 'modules/enrolment-identity.bicep' = if (enrolment.enabled) {
  name: 'enrolment-identity-${environmentName}'
  scope: migrationResourceGroup
  params: {
    name: names.enrolmentIdentity
    location: location
    tags: tags
    roleDefinitionId: '5e467623-bb1f-42f4-a55d-6e525e11384b'
  }
}

// It updates the migrated VMs (protection, patch settings) in their resource groups: Virtual
// Machine Contributor there and nowhere else (Security: least privilege).
module enrolmentRoles 'modules/enrolment-roles.bicep' = [
  for rg in (enrolment.enabled ? enrolment.resourceGroups : []): {
    name: 'enrolment-roles-${environmentName}'
    scope: resourceGroup(rg)
    params: {
      principalId: enrolmentIdentity.outputs.principalId
      roleDefinitionId: '9980e02c-c2be-4d73-94e8-173b1dc7cf3c'
    }
    dependsOn: [
      spokeResourceGroups
    ]
  }
]

module enrolmentPolicies 'modules/enrolment.bicep' = if (enrolment.enabled) {
  name: 'enrolment-${environmentName}'
  params: {
    location: location
    names: enrolment.names
    identityId: enrolmentIdentity.outputs.resourceId
    resourceGroups: enrolment.resourceGroups
    osTypes: enrolment.osTypes
    backupTag: enrolment.backupTag
    patchTag: enrolment.patchTag
    backupPolicyId: migrationServices.outputs.backupPolicyId
    maintenanceConfigurationId: migrationServices.outputs.maintenanceConfigurationId
    patchPrerequisitesPolicyId: enrolment.patchPrerequisitesPolicyId
  }
  dependsOn: [
    enrolmentRoles
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

@description('Private IP of the hub firewall; empty when the environment has none.')
output firewallPrivateIpAddress string = firewall.enabled ? hubFirewall.outputs.privateIpAddress : ''

@description('Public IP of the hub firewall, the source address of the spokes\' internet traffic; empty when the environment has none.')
output firewallPublicIpAddress string = firewall.enabled ? hubFirewall.outputs.publicIpAddress : ''

@description('Resource ID of the firewall policy, for rule collection groups added by landing zone teams; empty when the environment has no firewall.')
output firewallPolicyId string = firewall.enabled ? hubFirewall.outputs.policyId : ''

@description('Resource ID of the Bastion host; empty when the environment has none.')
output bastionId string = bastion.enabled ? bastionHost.outputs.resourceId : ''

@description('Resource ID of the Recovery Services vault that backs up the servers; empty when the environment has none.')
output recoveryServicesVaultId string = migration.enabled ? migrationServices.outputs.resourceId : ''

@description('Resource ID of the Azure Migrate project; empty when the environment has none.')
output migrateProjectId string = migration.enabled ? migrationServices.outputs.migrateProjectId : ''

@description('Resource ID of the Update Manager maintenance configuration; empty when the environment has none.')
output maintenanceConfigurationId string = migration.enabled ? migrationServices.outputs.maintenanceConfigurationId : ''

@description('Resource ID of the disk encryption set for the servers\' managed disks; empty when the environment has none.')
output diskEncryptionSetId string = migration.enabled ? diskEncryption.outputs.resourceId : ''
