// fabrikam: rehost landing zone, rendered by meg 0.1.0 (catalog 2026.11.0).
// Deploy per environment:
//   az deployment sub create --location swedencentral --template-file main.bicep --parameters environments/<env>.bicepparam
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

@description('Site Recovery (Azure to Azure): whether this environment has it, the recovery region, recovery point retention and network mappings.')
param siteRecovery siteRecoveryType

// items: { name, spoke, resourceGroupName, virtualNetworkName, subnetName, os (windows|linux), size, zone?,
// osDiskSizeGb?, osDiskStorage (Premium_LRS|StandardSSD_LRS|Standard_LRS), networkInterfaceName, osDiskName,
// dataDisks: [{ name, lun, sizeGb, storage }], image: { publisher, offer, sku, version },
// diskNames: [OS disk, data disks...], recoveryNetworkId?: the spoke's recovery network when
// Site Recovery protects the server }
@description('Virtual machines meg deploys itself into the spokes; most servers arrive through Azure Migrate instead.')
param virtualMachines array

@description('Local administrator (azureadmin) password of VM erpapp01, read from VM_ADMIN_PASSWORD_ERPAPP01 at deploy time and never stored in a file; empty where the environment does not create that VM.')
@secure()
@maxLength(123)
param vmAdminPassword_erpapp01 string = ''

@description('SSH public key of the Linux VMs\' administrator (azureadmin), read from VM_ADMIN_SSH_PUBLIC_KEY at deploy time; empty in an environment without Linux VMs.')
@secure()
param vmAdminSshPublicKey string = ''

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
  dataCollectionRule: string
  recoveryResourceGroup: string
  siteRecoveryVault: string
  siteRecoveryReplicationPolicy: string
  siteRecoveryCacheStorage: string
  recoveryDiskEncryptionKeyVault: string
  recoveryDiskEncryptionSet: string
  recoveryDiskEncryptionIdentity: string
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

type siteRecoveryType = {
  enabled: bool
  // The region the servers fail over to; the landing zone's own region when disabled.
  recoveryLocation: string
  recoveryPointRetentionMinutes: int
  // 0 for no app-consistent snapshots.
  appConsistentFrequencyMinutes: int
  // items: { spoke, recoveryNetworkId }
  networkMappings: array
  // Spokes whose VMs Site Recovery protects: one multi-VM consistency group each.
  multiVmGroups: array
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
      siteRecoveryMultiVmSync: contains(siteRecovery.multiVmGroups, spoke.name)
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
    siteRecovery: siteRecovery.enabled
  }
  // A firewall policy takes one change at a time: after the platform's rule collection group.
  dependsOn: [
    hubFirewall
  ]
}

// Site Recovery: the vault and the failover target live in the recovery region, so they survive
// the outage they protect against (Reliability).
resource recoveryResourceGroup 'Microsoft.Resources/resourceGroups@2024-07-01' = if (siteRecovery.enabled) {
  name: names.recoveryResourceGroup
  location: siteRecovery.recoveryLocation
  tags: tags
}

module siteRecoveryCache 'modules/site-recovery-cache.bicep' = if (siteRecovery.enabled) {
  name: 'site-recovery-cache-${environmentName}'
  scope: migrationResourceGroup
  params: {
    name: names.siteRecoveryCacheStorage
    location: location
    tags: tags
    diagnosticSettings: diagnosticSettings
  }
}

module siteRecoveryVault 'modules/site-recovery.bicep' = if (siteRecovery.enabled) {
  name: 'site-recovery-${environmentName}'
  scope: recoveryResourceGroup
  params: {
    vaultName: names.siteRecoveryVault
    replicationPolicyName: names.siteRecoveryReplicationPolicy
    primaryLocation: location
    recoveryLocation: siteRecovery.recoveryLocation
    tags: tags
    recoveryPointRetentionMinutes: siteRecovery.recoveryPointRetentionMinutes
    appConsistentFrequencyMinutes: siteRecovery.appConsistentFrequencyMinutes
    networkMappings: siteRecovery.networkMappings
    primaryNetworkIds: toObject(spokeVirtualNetworks, spoke => spoke.name, spoke => spoke.id)
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

// Customer-managed keys in the recovery region: a disk encryption set only takes a key of a vault
// in its own region, and Site Recovery replicates disks encrypted with customer-managed keys only
// into a set there. The same vault and set as the servers' (Security), built in the recovery region.
module recoveryDiskEncryptionKeyVault 'modules/key-vault.bicep' = if (siteRecovery.enabled) {
  name: 'key-vault-cmk-recovery-${environmentName}'
  scope: recoveryResourceGroup
  params: {
    name: names.recoveryDiskEncryptionKeyVault
    location: siteRecovery.recoveryLocation
    tags: tags
    sku: 'premium'
    enablePurgeProtection: true
    softDeleteRetentionInDays: keyVault.softDeleteRetentionInDays
    // No private endpoint: the landing zone has no subnet in the recovery region. The network
    // rules still deny all but trusted Azure services, the disk encryption set among them.
    publicNetworkAccess: 'Enabled'
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
    administrators: migration.keyVaultAdministrators
    administratorRoleId: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603'
  }
}

module recoveryDiskEncryption 'modules/disk-encryption.bicep' = if (siteRecovery.enabled) {
  name: 'disk-encryption-recovery-${environmentName}'
  scope: recoveryResourceGroup
  params: {
    keyVaultName: names.recoveryDiskEncryptionKeyVault
    diskEncryptionSetName: names.recoveryDiskEncryptionSet
    identityName: names.recoveryDiskEncryptionIdentity
    location: siteRecovery.recoveryLocation
    tags: tags
  }
  dependsOn: [
    recoveryDiskEncryptionKeyVault
  ]
}

// Servers meg deploys itself, each in its spoke's resource group, backed up, monitored and
// patched like the servers Azure Migrate brings.
module serverMonitoring 'modules/server-monitoring.bicep' = if (!empty(virtualMachines)) {
  name: 'server-monitoring-${environmentName}'
  scope: migrationResourceGroup
  params: {
    name: names.dataCollectionRule
    location: location
    tags: tags
    logAnalyticsWorkspaceId: logAnalyticsWorkspace.outputs.resourceId
  }
}

// Each Windows VM has an administrator password of its own (model::secrets names them): one
// leaked password opens one server, not every server (Security).
var vmAdminPasswords = {
  erpapp01: vmAdminPassword_erpapp01
}

module virtualMachineDeployments 'modules/virtual-machine.bicep' = [
  for vm in virtualMachines: {
    name: 'vm-${vm.name}-${environmentName}'
    scope: resourceGroup(vm.resourceGroupName)
    params: {
      vm: vm
      location: location
      // The spoke's tags too: a server is charged to the application that owns its spoke.
      tags: union(tags, filter(spokes, spoke => spoke.name == vm.spoke)[0].tags)
      diskEncryptionSetId: migration.enabled ? diskEncryption.outputs.resourceId : ''
      dataCollectionRuleId: !empty(virtualMachines) ? serverMonitoring.outputs.resourceId : ''
      maintenanceConfigurationId: migration.enabled ? migrationServices.outputs.maintenanceConfigurationId : ''
      adminPassword: vm.os == 'windows' ? vmAdminPasswords[vm.name] : ''
      adminSshPublicKey: vm.os == 'linux' ? vmAdminSshPublicKey : ''
    }
    // Agents and extensions call out at first boot: their network path (peering, firewall with
    // its rules and DNS proxy) and the DNS the spokes use must be in place before the VM is.
    dependsOn: [
      spokeNetworks
      spokeToHubPeerings
      spokePrivateDnsZoneLinks
      hubFirewall
      rehostFirewallRules
    ]
  }
]

// Every server meg deploys replicates to the recovery region from the start (Reliability): after
// it exists with all its disks, and after the mappings, the cache account and the recovery
// region's disk encryption set (whose identity can already use its key).
module virtualMachineReplication 'modules/site-recovery-protection.bicep' = [
  for (vm, i) in (siteRecovery.enabled ? virtualMachines : []): {
    name: 'asr-${vm.name}-${environmentName}'
    scope: recoveryResourceGroup
    params: {
      name: vm.name
      vaultName: names.siteRecoveryVault
      primaryFabricName: siteRecoveryVault.outputs.primaryFabricName
      primaryContainerName: siteRecoveryVault.outputs.primaryContainerName
      recoveryContainerId: siteRecoveryVault.outputs.recoveryContainerId
      replicationPolicyId: siteRecoveryVault.outputs.replicationPolicyId
      virtualMachineId: virtualMachineDeployments[i].outputs.resourceId
      diskIds: virtualMachineDeployments[i].outputs.diskIds
      recoveryResourceGroupId: recoveryResourceGroup.id
      recoveryNetworkId: vm.?recoveryNetworkId ?? ''
      recoverySubnetName: vm.subnetName
      recoveryZone: vm.?zone ?? ''
      multiVmGroupName: vm.spoke
      cacheStorageAccountId: siteRecoveryCache.outputs.resourceId
      recoveryDiskEncryptionSetId: recoveryDiskEncryption.outputs.resourceId
    }
  }
]

module virtualMachineBackup 'modules/virtual-machine-backup.bicep' = if (!empty(virtualMachines)) {
  name: 'vm-backup-${environmentName}'
  scope: migrationResourceGroup
  params: {
    vaultName: names.recoveryServicesVault
    backupPolicyId: migration.enabled ? migrationServices.outputs.backupPolicyId : ''
    virtualMachines: [
      for (vm, i) in virtualMachines: {
        name: vm.name
        resourceGroupName: vm.resourceGroupName
        id: virtualMachineDeployments[i].outputs.resourceId
      }
    ]
  }
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

@description('Resource ID of the Site Recovery vault in the recovery region; empty when the environment has none.')
output siteRecoveryVaultId string = siteRecovery.enabled ? siteRecoveryVault.outputs.resourceId : ''

@description('Resource ID of the Site Recovery cache storage account; empty when the environment has none.')
output siteRecoveryCacheStorageId string = siteRecovery.enabled ? siteRecoveryCache.outputs.resourceId : ''

// A lambda cannot index a module collection (BCP247): collect the IDs with a for-expression.
var virtualMachineIdList = [
  for (vm, i) in virtualMachines: {
    name: vm.name
    id: virtualMachineDeployments[i].outputs.resourceId
  }
]

@description('Resource IDs of the virtual machines meg deployed, by name.')
output virtualMachineIds object = toObject(virtualMachineIdList, vm => vm.name, vm => vm.id)
