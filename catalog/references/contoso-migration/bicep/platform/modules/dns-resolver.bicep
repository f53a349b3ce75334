// DNS Private Resolver in the hub: the inbound endpoint answers on-premises queries for Azure's
// private zones; the outbound endpoint and its ruleset forward on-premises domains to the
// on-premises DNS servers. The ruleset is linked to the hub; spokes use the inbound endpoint as
// their DNS server, so they need no link of their own.
targetScope = 'resourceGroup'

@description('DNS Private Resolver name.')
param name string

@description('Inbound endpoint name.')
param inboundEndpointName string

@description('Outbound endpoint name.')
param outboundEndpointName string

@description('Forwarding ruleset name.')
param forwardingRulesetName string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Resource ID of the hub virtual network.')
param virtualNetworkId string

@description('Resource ID of snet-dns-inbound (delegated to Microsoft.Network/dnsResolvers).')
param inboundSubnetId string

@description('Resource ID of snet-dns-outbound (delegated to Microsoft.Network/dnsResolvers).')
param outboundSubnetId string

@description('Static private IP address of the inbound endpoint; empty to let Azure pick one.')
param inboundIpAddress string = ''

// array rather than a typed array: checkov's Bicep parser (pycep 0.7) crashes on a typed array.
// items: { domain (fully qualified, with its trailing dot), targetDnsServers (IPv4 addresses) }
@description('One rule per on-premises domain (with its trailing dot) and the DNS servers that answer for it.')
param forwardingRules array

resource resolver 'Microsoft.Network/dnsResolvers@2022-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    virtualNetwork: {
      id: virtualNetworkId
    }
  }
}

// No diagnostic settings: dnsResolvers has no log categories and none of its metrics can be
// exported; its metrics stay in Azure Monitor.

resource inboundEndpoint 'Microsoft.Network/dnsResolvers/inboundEndpoints@2022-07-01' = {
  parent: resolver
  name: inboundEndpointName
  location: location
  tags: tags
  properties: {
    ipConfigurations: [
      {
        subnet: {
          id: inboundSubnetId
        }
        // A fixed address: on-premises conditional forwarders and the spokes' DNS settings point at it (Reliability).
        privateIpAllocationMethod: empty(inboundIpAddress) ? 'Dynamic' : 'Static'
        privateIpAddress: empty(inboundIpAddress) ? null : inboundIpAddress
      }
    ]
  }
}

resource outboundEndpoint 'Microsoft.Network/dnsResolvers/outboundEndpoints@2022-07-01' = {
  parent: resolver
  name: outboundEndpointName
  location: location
  tags: tags
  properties: {
    subnet: {
      id: outboundSubnetId
    }
  }
}

resource ruleset 'Microsoft.Network/dnsForwardingRulesets@2022-07-01' = {
  name: forwardingRulesetName
  location: location
  tags: tags
  properties: {
    dnsResolverOutboundEndpoints: [
      {
        id: outboundEndpoint.id
      }
    ]
  }
}

// Rule names come from the domain (corp.contoso.com. -> corp-contoso-com): stable across redeployments.
resource rules 'Microsoft.Network/dnsForwardingRulesets/forwardingRules@2022-07-01' = [for rule in forwardingRules: {
  parent: ruleset
  name: join(filter(split(rule.domain, '.'), label => !empty(label)), '-')
  properties: {
    domainName: rule.domain
    // Every on-premises server as a target: one down does not stop resolution (Reliability).
    targetDnsServers: map(rule.targetDnsServers, server => {
      ipAddress: server
      port: 53
    })
    forwardingRuleState: 'Enabled'
  }
}]

resource hubLink 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks@2022-07-01' = {
  parent: ruleset
  name: 'link-hub'
  properties: {
    virtualNetwork: {
      id: virtualNetworkId
    }
  }
}

@description('Resource ID of the DNS Private Resolver.')
output resourceId string = resolver.id

@description('Name of the DNS Private Resolver.')
output name string = resolver.name

@description('Private IP address of the inbound endpoint: the conditional forwarder target for Azure zones on premises.')
output inboundIpAddress string = inboundEndpoint.properties.ipConfigurations[0].?privateIpAddress ?? ''

@description('Resource ID of the forwarding ruleset.')
output forwardingRulesetId string = ruleset.id
