// contoso: the platform hubs (connectivity subscription), rendered by meg 0.1.0 (catalog 2026.11.0).
// Deploy each hub before the environments attached to it:
//   az deployment sub create --location <hub location> --template-file main.bicep --parameters <hub>.bicepparam
targetScope = 'subscription'

// ---------------------------------------------------------------------------------------
// Parameters: one value set per hub lives in <hub>.bicepparam.
// ---------------------------------------------------------------------------------------

@description('Azure region of every resource.')
param location string

@description('Hub name (its key under hubs:), used in tags and deployment names.')
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

@description('Hub virtual network: address space, DNS servers and subnets.')
param hubNetwork hubNetworkType

@description('Private DNS zones (names) created in the connectivity resource group and linked to the hub.')
param privateDnsZones array

@description('Address spaces of the spokes of the environments attached to this hub: its firewall allows them and its GatewaySubnet routes them through the firewall.')
param attachedSpokeAddressPrefixes array

@description('On-premises networks the hub\'s gateways reach (the sites\' address spaces): the firewall and the spokes\' NSGs let them and the spokes talk.')
param onPremisesAddressPrefixes array

@description('Azure Firewall in the hub: tier, private IP (the next hop of every spoke route), availability zones and threat intelligence mode.')
param firewall firewallType

@description('Rule collection groups the firewall policy carries for the workloads of the environments attached to this hub, decided by meg: one per environment, its own ranges as sources. Items: { name, environment, priority, networkRuleCollections: [{ name, priority, rules }], applicationRuleCollections: [{ name, priority, rules }] }.')
param attachedRuleCollectionGroups array

@description('Azure Bastion in the hub: whether this environment has it, its SKU, its scale units and whether the native client copies files.')
param bastion bastionType

@description('VPN gateway: whether this environment has one, its zone-redundant SKU, active-active, and the BGP AS number of the Azure side.')
param vpnGateway vpnGatewayType

// items: { name, localNetworkGatewayName, connectionName, gatewayAddress (public IPv4 of the site's VPN
// device), addressPrefixes (routed over the tunnel), bgpPeeringAddress and asn (both null for static routing) }
@description('On-premises sites, each with a local network gateway and a site-to-site connection.')
param onPremisesSites array

@description('Pre-shared key of the connection to site amsterdam-dc, read from VPN_SHARED_KEY_AMSTERDAM_DC at deploy time and never stored in a file; empty where the environment does not connect to that site.')
@secure()
@maxLength(128)
param vpnSharedKey_amsterdam_dc string = ''

@description('DNS Private Resolver: whether this environment has one, and one forwarding rule per on-premises domain.')
param dnsResolver dnsResolverType

// ---------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------

type namesType = {
  connectivityResourceGroup: string
  managementResourceGroup: string
  logAnalyticsWorkspace: string
  hubVirtualNetwork: string
  firewall: string
  firewallPolicy: string
  firewallPublicIp: string
  firewallManagementPublicIp: string
  bastion: string
  bastionPublicIp: string
  vpnGateway: string
  vpnGatewayPublicIp: string
  vpnGatewaySecondPublicIp: string
  dnsResolver: string
  dnsResolverInboundEndpoint: string
  dnsResolverOutboundEndpoint: string
  dnsForwardingRuleset: string
  hubToSpokeRouteTable: string
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

type hubNetworkType = {
  addressPrefixes: array
  dnsServers: array
  // items: { name, addressPrefix, networkSecurityGroupName?, delegation? }
  subnets: array
  bastionAddressPrefix: string?
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

type dnsResolverType = {
  // Deploy the DNS Private Resolver in this environment.
  enabled: bool
  // Static address of the inbound endpoint in snet-dns-inbound; absent to let Azure pick one.
  inboundIpAddress: string?
  // items: { domain (fully qualified, with its trailing dot), targetDnsServers (on-premises DNS server addresses) }
  forwardingRules: array
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
// The spokes are the attached environments': each deploys its own, peered to this hub.
var spokeAddressPrefixes = attachedSpokeAddressPrefixes

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

// What the attached environments' workloads call out to (rehosted servers' agents, Container
// Apps), one rule collection group per environment with its own ranges as sources (Security:
// least privilege per landing zone). The policy is the platform's: the environments' roots
// cannot add these themselves, as an own hub's root does.
module attachedFirewallRules 'modules/attached-firewall-rules.bicep' = if (firewall.enabled && !empty(attachedRuleCollectionGroups)) {
  name: 'firewall-rules-attached-${environmentName}'
  scope: connectivityResourceGroup
  params: {
    policyName: names.firewallPolicy
    ruleCollectionGroups: attachedRuleCollectionGroups
  }
  // A firewall policy takes one change at a time: after the platform's rule collection group.
  dependsOn: [
    hubFirewall
  ]
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
      'amsterdam-dc': vpnSharedKey_amsterdam_dc
    }
    lock: lock
    diagnosticSettings: diagnosticSettings
  }
}

// DNS Private Resolver: on-premises resolves Azure's private zones, Azure resolves on-premises domains.
module dnsResolverDeployment 'modules/dns-resolver.bicep' = if (dnsResolver.enabled) {
  name: 'dns-resolver-${environmentName}'
  scope: connectivityResourceGroup
  params: {
    name: names.dnsResolver
    inboundEndpointName: names.dnsResolverInboundEndpoint
    outboundEndpointName: names.dnsResolverOutboundEndpoint
    forwardingRulesetName: names.dnsForwardingRuleset
    location: location
    tags: tags
    virtualNetworkId: hubVirtualNetwork.outputs.resourceId
    inboundSubnetId: hubVirtualNetwork.outputs.subnetIds[?'snet-dns-inbound'] ?? ''
    outboundSubnetId: hubVirtualNetwork.outputs.subnetIds[?'snet-dns-outbound'] ?? ''
    inboundIpAddress: dnsResolver.?inboundIpAddress ?? ''
    forwardingRules: dnsResolver.forwardingRules
  }
}

var hubVirtualNetworkId = hubVirtualNetwork.outputs.resourceId

// ---------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------

@description('Resource ID of the Log Analytics workspace.')
output logAnalyticsWorkspaceId string = logAnalyticsWorkspace.outputs.resourceId

@description('Resource ID of the hub virtual network.')
output hubVirtualNetworkId string = hubVirtualNetworkId

@description('Private IP of the hub firewall; empty when the environment has none.')
output firewallPrivateIpAddress string = firewall.enabled ? hubFirewall.outputs.privateIpAddress : ''

@description('Public IP of the hub firewall, the source address of the spokes\' internet traffic; empty when the environment has none.')
output firewallPublicIpAddress string = firewall.enabled ? hubFirewall.outputs.publicIpAddress : ''

@description('Resource ID of the firewall policy, for rule collection groups added by landing zone teams; empty when the environment has no firewall.')
output firewallPolicyId string = firewall.enabled ? hubFirewall.outputs.policyId : ''

@description('Resource ID of the Bastion host; empty when the environment has none.')
output bastionId string = bastion.enabled ? bastionHost.outputs.resourceId : ''

@description('Resource ID of the VPN gateway; empty where the environment has none.')
output vpnGatewayId string = vpnGateway.enabled ? vpnGatewayDeployment.outputs.resourceId : ''

@description('Public IP addresses of the VPN gateway, to configure as peers on the on-premises VPN devices.')
output vpnGatewayPublicIpAddresses array = vpnGateway.enabled ? vpnGatewayDeployment.outputs.publicIpAddresses : []

@description('Inbound endpoint address of the DNS Private Resolver: the conditional forwarder target for Azure zones on premises; empty where the environment has none.')
output dnsResolverInboundIpAddress string = dnsResolver.enabled ? dnsResolverDeployment.outputs.inboundIpAddress : ''
