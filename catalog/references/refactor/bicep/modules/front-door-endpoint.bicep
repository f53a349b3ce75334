// One web app behind Front Door: its endpoint, an origin group with a health probe, the origin
// over Private Link, and the route that sends HTTPS traffic to it.
targetScope = 'resourceGroup'

@description('Front Door profile name (same resource group).')
param profileName string

@description('Endpoint name; Front Door adds a hash to make its host name unique.')
param endpointName string

@description('Resource ID of the web app.')
param siteId string

@description('Default host name of the web app.')
param hostName string

@description('Azure region of the web app.')
param location string

@description('Tags.')
param tags object

@description('Path Front Door probes on the web app.')
param healthProbePath string

resource profile 'Microsoft.Cdn/profiles@2024-02-01' existing = {
  name: profileName
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' = {
  parent: profile
  name: endpointName
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: profile
  name: endpointName
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    // The web app's own health check path: an unhealthy app is taken out of rotation (Reliability).
    healthProbeSettings: {
      probePath: healthProbePath
      probeRequestType: 'HEAD'
      probeProtocol: 'Https'
      probeIntervalInSeconds: 60
    }
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = {
  parent: originGroup
  name: 'web-app'
  properties: {
    hostName: hostName
    originHostHeader: hostName
    httpPort: 80
    httpsPort: 443
    priority: 1
    weight: 1000
    enforceCertificateNameCheck: true
    // Private Link: Front Door reaches the web app through a private endpoint of its own.
    sharedPrivateLinkResource: {
      privateLink: {
        id: siteId
      }
      groupId: 'sites'
      privateLinkLocation: location
      requestMessage: 'Front Door ${profileName}: approve to let it reach this web app.'
    }
  }
}

resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    originGroup: {
      id: originGroup.id
    }
    supportedProtocols: [
      'Http'
      'Https'
    ]
    // HTTP is only answered with a redirect to HTTPS; Front Door talks HTTPS to the origin.
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    patternsToMatch: [
      '/*'
    ]
    linkToDefaultDomain: 'Enabled'
  }
  // A route needs an origin in its group.
  dependsOn: [
    origin
  ]
}

@description('Resource ID of the endpoint.')
output resourceId string = endpoint.id

@description('Name of the endpoint.')
output name string = endpoint.name

@description('Public host name of the endpoint.')
output hostName string = endpoint.properties.hostName
