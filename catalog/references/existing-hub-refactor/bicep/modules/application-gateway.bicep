// An application's own public entry: an Application Gateway WAF_v2 in its spoke's appgateway
// subnet, with a WAF policy in Prevention mode, reaching each web app through its private
// endpoint (the spoke resolves <site>.azurewebsites.net through privatelink.azurewebsites.net).
//
// What you supply: the Key Vault secret ID of the listener's TLS certificate for this application's
// host name (paas.applications.<spoke>.certificateSecretId, else paas.applicationGateway's; a PFX
// uploaded as a Key Vault certificate, without a version so renewals are picked up), and
// paas.applicationGateway.certificateKeyVaultId, the resource ID of that vault (Azure RBAC
// authorization). The gateway reads it with its own user-assigned identity, which
// application-gateway-identity.bicep made a Key Vault Secrets User on the vault well before.
// Point your DNS name at the gateway's public IP.
targetScope = 'resourceGroup'

@description('The application: names of its gateway resources, its virtual network and web apps.')
param app object

@description('Default host names of the application\'s web apps, by web app name.')
param webAppHostNames object

@description('Gateway settings: certificateKeyVaultId, zones, minCapacity, maxCapacity, applicationIndexes (the certificate is the application\'s certificateSecretId).')
param gateway object

@description('Resource ID of the gateway\'s user-assigned identity, already allowed to read the certificate (application-gateway-identity.bicep).')
param identityId string

@description('Path the gateway probes on each web app.')
param healthProbePath string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Management lock on the Application Gateway (AVM interface): { kind: CanNotDelete, ReadOnly or None, name? }; null for none.')
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

@description('Diagnostic settings of the Application Gateway (AVM interface), each { name?, workspaceResourceId?, storageAccountResourceId?, eventHubAuthorizationRuleResourceId?, eventHubName?, marketplacePartnerResourceId?, logAnalyticsDestinationType? (Dedicated or AzureDiagnostics), logCategoriesAndGroups?: [{ category?, categoryGroup?, enabled? }] (default the group allLogs), metricCategories?: [{ category, enabled? }] (default AllMetrics) }.')
param diagnosticSettings array = []

// The public IP gets every diagnostic setting.
var publicIpDiagnosticSettings = map(diagnosticSettings, setting => {
  index: 0
  setting: setting
})

var subnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', app.virtualNetworkName, 'snet-appgateway')
var gatewayId = resourceId('Microsoft.Network/applicationGateways', app.applicationGatewayName)
// The first web app answers every path; each other one answers /<its name>/*.
var pathRouted = length(app.webApps) > 1
var backends = [
  for web in app.webApps: {
    name: web.name
    hostName: webAppHostNames[web.name]
  }
]

resource publicIp 'Microsoft.Network/publicIPAddresses@2024-01-01' = {
  name: app.applicationGatewayPublicIpName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  zones: gateway.zones
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource wafPolicy 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies@2024-01-01' = {
  name: app.applicationGatewayWafPolicyName
  location: location
  tags: tags
  properties: {
    policySettings: {
      state: 'Enabled'
      mode: 'Prevention'
      requestBodyCheck: true
      maxRequestBodySizeInKb: 128
      fileUploadLimitInMb: 100
    }
    // OWASP Core Rule Set 3.2 (covers Log4Shell, CVE-2021-44228) and Microsoft's bad-bot list.
    managedRules: {
      managedRuleSets: [
        {
          ruleSetType: 'OWASP'
          ruleSetVersion: '3.2'
        }
        {
          ruleSetType: 'Microsoft_BotManagerRuleSet'
          ruleSetVersion: '1.1'
        }
      ]
    }
  }
}

resource applicationGateway 'Microsoft.Network/applicationGateways@2024-01-01' = {
  name: app.applicationGatewayName
  location: location
  tags: tags
  zones: gateway.zones
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    sku: {
      name: 'WAF_v2'
      tier: 'WAF_v2'
    }
    autoscaleConfiguration: {
      minCapacity: gateway.minCapacity
      maxCapacity: gateway.maxCapacity
    }
    enableHttp2: true
    firewallPolicy: {
      id: wafPolicy.id
    }
    // TLS 1.2 at least from the clients, strong ciphers only (Security).
    sslPolicy: {
      policyType: 'Predefined'
      policyName: 'AppGwSslPolicy20220101S'
    }
    gatewayIPConfigurations: [
      {
        name: 'gateway'
        properties: {
          subnet: {
            id: subnetId
          }
        }
      }
    ]
    frontendIPConfigurations: [
      {
        name: 'public'
        properties: {
          publicIPAddress: {
            id: publicIp.id
          }
        }
      }
    ]
    frontendPorts: [
      {
        name: 'https'
        properties: {
          port: 443
        }
      }
    ]
    sslCertificates: [
      {
        name: 'listener'
        properties: {
          keyVaultSecretId: app.certificateSecretId
        }
      }
    ]
    // HTTPS only: no HTTP listener at all, so nothing to redirect.
    httpListeners: [
      {
        name: 'https'
        properties: {
          protocol: 'Https'
          frontendIPConfiguration: {
            id: '${gatewayId}/frontendIPConfigurations/public'
          }
          frontendPort: {
            id: '${gatewayId}/frontendPorts/https'
          }
          sslCertificate: {
            id: '${gatewayId}/sslCertificates/listener'
          }
        }
      }
    ]
    // Each web app by its default host name, which the spoke resolves to its private endpoint.
    backendAddressPools: [
      for backend in backends: {
        name: backend.name
        properties: {
          backendAddresses: [
            {
              fqdn: backend.hostName
            }
          ]
        }
      }
    ]
    probes: [
      {
        name: 'health'
        properties: {
          protocol: 'Https'
          path: healthProbePath
          interval: 30
          timeout: 30
          unhealthyThreshold: 3
          pickHostNameFromBackendHttpSettings: true
          match: {
            statusCodes: [
              '200-399'
            ]
          }
        }
      }
    ]
    // HTTPS to the web apps, with the host name they answer to (their default host name).
    backendHttpSettingsCollection: [
      {
        name: 'https'
        properties: {
          port: 443
          protocol: 'Https'
          cookieBasedAffinity: 'Disabled'
          pickHostNameFromBackendAddress: true
          requestTimeout: 30
          probe: {
            id: '${gatewayId}/probes/health'
          }
        }
      }
    ]
    urlPathMaps: pathRouted ? [
      {
        name: 'web-apps'
        properties: {
          defaultBackendAddressPool: {
            id: '${gatewayId}/backendAddressPools/${backends[0].name}'
          }
          defaultBackendHttpSettings: {
            id: '${gatewayId}/backendHttpSettingsCollection/https'
          }
          pathRules: [
            for backend in skip(backends, 1): {
              name: backend.name
              properties: {
                paths: [
                  '/${backend.name}/*'
                ]
                backendAddressPool: {
                  id: '${gatewayId}/backendAddressPools/${backend.name}'
                }
                backendHttpSettings: {
                  id: '${gatewayId}/backendHttpSettingsCollection/https'
                }
              }
            }
          ]
        }
      }
    ] : []
    requestRoutingRules: [
      {
        name: 'https'
        properties: {
          ruleType: pathRouted ? 'PathBasedRouting' : 'Basic'
          priority: 100
          httpListener: {
            id: '${gatewayId}/httpListeners/https'
          }
          backendAddressPool: pathRouted ? null : {
            id: '${gatewayId}/backendAddressPools/${backends[0].name}'
          }
          backendHttpSettings: pathRouted ? null : {
            id: '${gatewayId}/backendHttpSettingsCollection/https'
          }
          urlPathMap: pathRouted ? {
            id: '${gatewayId}/urlPathMaps/web-apps'
          } : null
        }
      }
    ]
  }
}

// Diagnostics of the gateway (access, performance and WAF logs) and of its public IP (DDoS
// notifications), to the destinations of diagnosticSettings.
resource gatewayDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for setting in diagnosticSettings: {
    name: setting.?name ?? 'diag-${app.applicationGatewayName}'
    scope: applicationGateway
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

resource publicIpDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for target in publicIpDiagnosticSettings: {
    name: target.setting.?name ?? 'diag-${publicIp.name}'
    scope: publicIp
    properties: {
      workspaceId: target.setting.?workspaceResourceId
      storageAccountId: target.setting.?storageAccountResourceId
      eventHubAuthorizationRuleId: target.setting.?eventHubAuthorizationRuleResourceId
      eventHubName: target.setting.?eventHubName
      marketplacePartnerId: target.setting.?marketplacePartnerResourceId
      // The resource's own logs (a public IP's: DDoS notifications and mitigation reports; an
      // NSG's: rule hits) and metrics where it has them.
      logs: [
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
]

resource gatewayLock 'Microsoft.Authorization/locks@2020-05-01' = if ((lock.?kind ?? 'None') != 'None') {
  name: lock.?name ?? 'lock-${app.applicationGatewayName}'
  scope: applicationGateway
  properties: {
    level: lock.?kind == 'ReadOnly' ? 'ReadOnly' : 'CanNotDelete'
    notes: lock.?kind == 'ReadOnly' ? 'Cannot delete or modify the resource or its child resources.' : 'Cannot delete the resource or its child resources.'
  }
}

@description('Resource ID of the Application Gateway.')
output resourceId string = applicationGateway.id

@description('Name of the Application Gateway.')
output name string = applicationGateway.name

@description('Public IP address of the gateway, for your DNS record.')
output publicIpAddress string = publicIp.properties.ipAddress
