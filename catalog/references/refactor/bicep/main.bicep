// woodgrove: refactor landing zone, rendered by meg 0.1.0 (catalog 2026.11.0).
// Deploy per environment:
//   az deployment sub create --location northeurope --template-file main.bicep --parameters environments/<env>.bicepparam
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

@description('On-premises networks the hub\'s gateways reach (the sites\' address spaces): the firewall and the spokes\' NSGs let them and the spokes talk.')
param onPremisesAddressPrefixes array

@description('Azure Firewall in the hub: tier, private IP (the next hop of every spoke route), availability zones and threat intelligence mode.')
param firewall firewallType

@description('VPN gateway: whether this environment has one, its zone-redundant SKU, active-active, and the BGP AS number of the Azure side.')
param vpnGateway vpnGatewayType

// items: { name, localNetworkGatewayName, connectionName, gatewayAddress (public IPv4 of the site's VPN
// device), addressPrefixes (routed over the tunnel), bgpPeeringAddress and asn (both null for static routing) }
@description('On-premises sites, each with a local network gateway and a site-to-site connection.')
param onPremisesSites array

@description('Pre-shared key of the connection to site dublin-dc, read from VPN_SHARED_KEY_DUBLIN_DC at deploy time and never stored in a file; empty where the environment does not connect to that site.')
@secure()
@maxLength(128)
param vpnSharedKey_dublin_dc string = ''

@description('Refactor: App Service, Azure SQL and a Key Vault per application, in the application\'s spoke.')
param paas paasType

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
  vpnGateway: string
  vpnGatewayPublicIp: string
  vpnGatewaySecondPublicIp: string
  hubToSpokeRouteTable: string
  frontDoorProfile: string
  frontDoorWafPolicy: string
  databaseMigrationService: string
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

type vpnGatewaySkuType = 'VpnGw1AZ' | 'VpnGw2AZ' | 'VpnGw3AZ' | 'VpnGw4AZ' | 'VpnGw5AZ'

type vpnGatewayType = {
  // Deploy the VPN gateway in this environment.
  enabled: bool
  // AZ SKUs spread the instances over availability zones (Reliability).
  sku: vpnGatewaySkuType
  // Two active instances, each with its own public IP and tunnel per site (Reliability).
  activeActive: bool
  // BGP autonomous system number of the Azure side.
  asn: int
  // Zones of the public IPs ('1', '2', '3'); empty in a region without availability zones.
  zones: array
}

type paasType = {
  enabled: bool
  // Front Door Premium with a WAF in front of the web apps.
  frontDoor: bool
  // sku (B1 to P3v3), capacity (instances), zoneRedundant, healthCheckPath.
  appService: object
  // sku { name, tier, family, capacity, serverless }, zoneRedundant, backupStorageRedundancy,
  // administratorLogin and administratorObjectId (empty: the deploying identity).
  sql: object
  // zoneRedundant: Container Apps environments and registries over zones; subnetPrefixes: the
  // Container Apps subnets, where the environments' egress comes from.
  containerApps: object
  // Azure Database Migration Service for the (offline) database moves.
  databaseMigration: bool
  // items: { name, resourceGroupName, virtualNetworkName, tags, keyVaultName,
  // keyVaultPrivateEndpointName, appServicePlanName, applicationInsightsName,
  // webApps: [{ name, siteName, privateEndpointName, frontDoorEndpointName }], sqlServerName, sqlPrivateEndpointName,
  // databases: [{ name, databaseName }], secrets: [names], secretsOfficers: [Entra object IDs], containerApps,
  // containerAppsEnvironmentName, containerRegistryName, containerRegistryPrivateEndpointName }
  applications: array
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
    gatewayRouteTableId: routeGatewayTrafficThroughFirewall ? gatewayRouteTable.outputs.resourceId : ''
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
    onPremisesAddressPrefixes: onPremisesAddressPrefixes
    // Resource-specific tables (AZFWNetworkRule, AZFWApplicationRule, ...) instead of
    // AzureDiagnostics: typed columns, faster queries, the firewall workbook (Operational Excellence).
    lock: lock
    diagnosticSettings: map(diagnosticSettings, setting => union(setting, {
      logAnalyticsDestinationType: 'Dedicated'
    }))
  }
}

// Traffic from on-premises to the spokes crosses the firewall too, so both directions of a flow
// take the same path: GatewaySubnet gets routes to the spokes through it (Security).
var routeGatewayTrafficThroughFirewall = firewall.enabled && (vpnGateway.enabled)

module gatewayRouteTable 'modules/gateway-route-table.bicep' = if (routeGatewayTrafficThroughFirewall) {
  name: 'gateway-route-table-${environmentName}'
  scope: connectivityResourceGroup
  params: {
    name: names.hubToSpokeRouteTable
    location: location
    tags: tags
    spokeAddressPrefixes: spokeAddressPrefixes
    firewallPrivateIp: firewall.privateIpAddress ?? ''
  }
}

// Site-to-site VPN: on-premises stays reachable while workloads move (hybrid).
module vpnGatewayDeployment 'modules/vpn-gateway.bicep' = if (vpnGateway.enabled) {
  name: 'vpn-gateway-${environmentName}'
  scope: connectivityResourceGroup
  params: {
    name: names.vpnGateway
    publicIpName: names.vpnGatewayPublicIp
    secondPublicIpName: names.vpnGatewaySecondPublicIp
    location: location
    tags: tags
    sku: vpnGateway.sku
    activeActive: vpnGateway.activeActive
    asn: vpnGateway.asn
    zones: vpnGateway.zones
    gatewaySubnetId: hubVirtualNetwork.outputs.subnetIds[?'GatewaySubnet'] ?? ''
    sites: onPremisesSites
    // Each connection's own key (model::secrets names them).
    sharedKeys: {
      'dublin-dc': vpnSharedKey_dublin_dc
    }
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
      onPremisesAddressPrefixes: onPremisesAddressPrefixes
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
      allowGatewayTransit: vpnGateway.enabled
    }
    // Gateway transit needs the gateway to exist.
    dependsOn: [
      vpnGatewayDeployment
    ]
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
      useRemoteGateways: vpnGateway.enabled
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
// Applications (refactor): each application's platform services sit in its own spoke and
// are reached through private endpoints only.
// ---------------------------------------------------------------------------------------

module applications 'modules/application.bicep' = [
  for app in (paas.enabled ? paas.applications : []): {
    name: 'app-${app.name}-${environmentName}'
    scope: resourceGroup(app.resourceGroupName)
    params: {
      app: app
      location: location
      tags: union(tags, app.tags)
      appService: paas.appService
      sql: paas.sql
      keyVaultPurgeProtection: keyVault.enablePurgeProtection
      keyVaultSoftDeleteRetentionInDays: keyVault.softDeleteRetentionInDays
      applicationInsightsWorkspaceId: logAnalyticsWorkspace.outputs.resourceId
      lock: lock
      diagnosticSettings: diagnosticSettings
      privateDnsZoneIds: privateDnsZoneIds
      containerApps: paas.containerApps
      hubVirtualNetworkId: hubVirtualNetworkId
    }
    // The application's subnets exist once its spoke network does.
    dependsOn: [
      spokeNetworks
    ]
  }
]

// Container Apps environments pull Microsoft's images and reach Entra ID and Azure Monitor
// through the hub firewall, which denies what it was not told about (Security).
module containerAppsFirewallRules 'modules/refactor-firewall-rules.bicep' = if (paas.enabled && firewall.enabled && !empty(paas.containerApps.subnetPrefixes)) {
  name: 'firewall-rules-container-apps-${environmentName}'
  scope: connectivityResourceGroup
  params: {
    policyName: names.firewallPolicy
    sourceAddressPrefixes: paas.containerApps.subnetPrefixes
  }
  // A firewall policy takes one change at a time: after the groups before it.
  dependsOn: [
    hubFirewall
  ]
}

// Front Door per environment: the one public entry to the web apps, through its WAF, and on to
// each web app over Private Link (Security).
var frontDoorOrigins = [
  for (app, i) in (paas.enabled ? paas.applications : []): applications[i].outputs.frontDoorOrigins
]

module frontDoor 'modules/front-door.bicep' = if (paas.enabled && paas.frontDoor) {
  name: 'front-door-${environmentName}'
  scope: connectivityResourceGroup
  params: {
    profileName: names.frontDoorProfile
    wafPolicyName: names.frontDoorWafPolicy
    location: location
    tags: tags
    healthProbePath: paas.appService.healthCheckPath
    origins: flatten(frontDoorOrigins)
    lock: lock
    diagnosticSettings: diagnosticSettings
  }
}

// Database Migration Service: the SQL Server databases move offline into Azure SQL Database
// through it (online is not supported for that target), from a self-hosted integration runtime on
// premises that reaches the servers' private endpoints over the VPN or ExpressRoute (Operational
// Excellence: remove it after the last database moved).
module databaseMigration 'modules/database-migration.bicep' = if (paas.enabled && paas.databaseMigration) {
  name: 'database-migration-${environmentName}'
  scope: managementResourceGroup
  params: {
    name: names.databaseMigrationService
    location: location
    tags: tags
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

@description('Resource ID of the VPN gateway; empty where the environment has none.')
output vpnGatewayId string = vpnGateway.enabled ? vpnGatewayDeployment.outputs.resourceId : ''

@description('Public IP addresses of the VPN gateway, to configure as peers on the on-premises VPN devices.')
output vpnGatewayPublicIpAddresses array = vpnGateway.enabled ? vpnGatewayDeployment.outputs.publicIpAddresses : []

// A lambda cannot index a module collection (BCP247): collect the host names with a for-expression.
var applicationWebApps = [
  for (app, i) in (paas.enabled ? paas.applications : []): {
    name: app.name
    hostNames: applications[i].outputs.webAppHostNames
  }
]

@description('Default host names of the web apps (private: reachable through their private endpoints), by application.')
output webAppHostNames object = toObject(applicationWebApps, app => app.name, app => app.hostNames)

@description('Public host names of the Front Door endpoints, by endpoint name; empty without Front Door.')
output frontDoorHostNames object = paas.enabled && paas.frontDoor ? frontDoor.outputs.hostNames : {}
