// Platform hub nonprod (dev preset) parameters for main.bicep, rendered by meg 0.1.0.
//   az deployment sub what-if --location westeurope --template-file main.bicep --parameters nonprod.bicepparam
using 'main.bicep'

param location = 'westeurope'

param environmentName = 'nonprod'

param tags = {
  costCenter: 'CC-1042'
  dataClassification: 'internal'
  environment: 'nonprod'
  landingZone: 'contoso'
  owner: 'platform-team'
}

param names = {
  connectivityResourceGroup: 'rg-connectivity-nonprod-weu-001'
  managementResourceGroup: 'rg-management-nonprod-weu-001'
  logAnalyticsWorkspace: 'log-management-nonprod-weu-001'
  hubVirtualNetwork: 'vnet-hub-nonprod-weu-001'
  firewall: 'afw-hub-nonprod-weu-001'
  firewallPolicy: 'afwp-hub-nonprod-weu-001'
  firewallPublicIp: 'pip-firewall-nonprod-weu-001'
  firewallManagementPublicIp: 'pip-firewall-mgmt-nonprod-weu-001'
  bastion: 'bas-hub-nonprod-weu-001'
  bastionPublicIp: 'pip-bastion-nonprod-weu-001'
  vpnGateway: 'vpng-hub-nonprod-weu-001'
  vpnGatewayPublicIp: 'pip-vpng-nonprod-weu-001'
  vpnGatewaySecondPublicIp: 'pip-vpng-2-nonprod-weu-001'
  dnsResolver: 'dnspr-hub-nonprod-weu-001'
  dnsResolverInboundEndpoint: 'in-hub-nonprod-weu-001'
  dnsResolverOutboundEndpoint: 'out-hub-nonprod-weu-001'
  dnsForwardingRuleset: 'dnsfrs-onprem-nonprod-weu-001'
  hubToSpokeRouteTable: 'rt-hub-gateway-nonprod-weu-001'
}

param logAnalytics = {
  retentionInDays: 30
  dailyQuotaGb: 5
}

param lock = null

param hubNetwork = {
  addressPrefixes: [
    '10.100.0.0/22'
  ]
  dnsServers: []
  subnets: [
    {
      name: 'AzureFirewallSubnet'
      addressPrefix: '10.100.0.0/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureFirewallManagementSubnet'
      addressPrefix: '10.100.0.64/26'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'AzureBastionSubnet'
      addressPrefix: '10.100.0.128/26'
      networkSecurityGroupName: 'nsg-hub-bastion-nonprod-weu-001'
      delegation: null
    }
    {
      name: 'GatewaySubnet'
      addressPrefix: '10.100.0.192/27'
      networkSecurityGroupName: null
      delegation: null
    }
    {
      name: 'snet-dns-inbound'
      addressPrefix: '10.100.0.224/28'
      networkSecurityGroupName: 'nsg-hub-dns-inbound-nonprod-weu-001'
      delegation: 'Microsoft.Network/dnsResolvers'
    }
    {
      name: 'snet-dns-outbound'
      addressPrefix: '10.100.0.240/28'
      networkSecurityGroupName: 'nsg-hub-dns-outbound-nonprod-weu-001'
      delegation: 'Microsoft.Network/dnsResolvers'
    }
    {
      name: 'snet-management'
      addressPrefix: '10.100.1.0/26'
      networkSecurityGroupName: 'nsg-hub-management-nonprod-weu-001'
      delegation: null
    }
  ]
  bastionAddressPrefix: '10.100.0.128/26'
}

param privateDnsZones = [
  'privatelink.vaultcore.azure.net'
  'privatelink.blob.core.windows.net'
  'privatelink.azurewebsites.net'
  'privatelink.database.windows.net'
]

param firewall = {
  enabled: true
  tier: 'Basic'
  zoneRedundant: false
  threatIntelMode: 'Alert'
  snatPrivateRanges: []
  privateIpAddress: '10.100.0.4'
}

param bastion = {
  enabled: true
  sku: 'Basic'
  scaleUnits: 2
  fileCopy: false
}

param vpnGateway = {
  enabled: true
  sku: 'VpnGw1AZ'
  activeActive: false
  asn: 65515
  zones: [
    '1'
    '2'
    '3'
  ]
}

param onPremisesSites = [
  {
    name: 'amsterdam-dc'
    localNetworkGatewayName: 'lgw-amsterdam-dc-nonprod-weu-001'
    connectionName: 'con-amsterdam-dc-nonprod-weu-001'
    gatewayAddress: '203.0.113.10'
    addressPrefixes: [
      '192.168.0.0/16'
    ]
    bgpPeeringAddress: null
    asn: null
  }
]

param onPremisesAddressPrefixes = [
  '192.168.0.0/16'
]

param dnsResolver = {
  enabled: true
  inboundIpAddress: '10.100.0.228'
  forwardingRules: [
    {
      domain: 'corp.contoso.com.'
      targetDnsServers: [
        '192.168.10.10'
        '192.168.10.11'
      ]
    }
  ]
}

param attachedSpokeAddressPrefixes = [
  '10.101.0.0/24'
  '10.101.1.0/24'
]

param attachedRuleCollectionGroups = [
  {
    name: 'rcg-dev-workloads'
    environment: 'dev'
    priority: 1100
    networkRuleCollections: [
      {
        name: 'net-dev-rehost-allow'
        priority: 100
        rules: [
          {
            name: 'AllowAzureBackup'
            description: 'The VM backup extension talks to Azure Backup.'
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: [
              '10.101.0.0/24'
              '10.101.1.0/24'
            ]
            destinationAddresses: [
              'AzureBackup'
            ]
            destinationPorts: [
              '443'
            ]
          }
          {
            name: 'AllowEntraId'
            description: 'Backup, Site Recovery and the Azure Monitor agent sign in with Entra ID.'
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: [
              '10.101.0.0/24'
              '10.101.1.0/24'
            ]
            destinationAddresses: [
              'AzureActiveDirectory'
            ]
            destinationPorts: [
              '443'
            ]
          }
          {
            name: 'AllowStorage'
            description: 'Backup snapshots and the Site Recovery cache are written to Azure Storage.'
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: [
              '10.101.0.0/24'
              '10.101.1.0/24'
            ]
            destinationAddresses: [
              'Storage'
            ]
            destinationPorts: [
              '443'
            ]
          }
          {
            name: 'AllowGuestAndHybridManagement'
            description: 'Update Manager and VM extensions are driven through the guest management service.'
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: [
              '10.101.0.0/24'
              '10.101.1.0/24'
            ]
            destinationAddresses: [
              'GuestAndHybridManagement'
            ]
            destinationPorts: [
              '443'
            ]
          }
        ]
      }
    ]
    applicationRuleCollections: [
      {
        name: 'app-dev-rehost-allow'
        priority: 200
        rules: [
          {
            name: 'AllowUbuntuPackages'
            description: 'Update Manager patches Ubuntu servers from the Ubuntu archives; add the repositories of other distributions here.'
            sourceAddresses: [
              '10.101.0.0/24'
              '10.101.1.0/24'
            ]
            targetFqdns: [
              'azure.archive.ubuntu.com'
              'archive.ubuntu.com'
              'security.ubuntu.com'
            ]
            protocols: [
              {
                protocolType: 'Http'
                port: 80
              }
              {
                protocolType: 'Https'
                port: 443
              }
            ]
          }
        ]
      }
    ]
  }
]

// Secret: read from the environment at deploy time, never stored in this file.
param vpnSharedKey_amsterdam_dc = readEnvironmentVariable('VPN_SHARED_KEY_AMSTERDAM_DC')
