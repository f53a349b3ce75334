// Azure Bastion in the hub: RDP and SSH to every peered network over TLS from the portal or the
// Azure CLI, so no virtual machine needs a public IP or an open management port (Security).
targetScope = 'resourceGroup'

@description('Bastion host name.')
param name string

@description('Name of the Bastion host\'s public IP.')
param publicIpName string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Bastion SKU: Standard and Premium add native-client tunnelling and scaling.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param sku string

@description('Instances, each taking about 20 concurrent RDP or 40 SSH sessions (host scaling): Basic always runs 2.')
@minValue(2)
@maxValue(50)
param scaleUnits int = 2

@description('Resource ID of AzureBastionSubnet.')
param subnetId string

@description('Resource ID of the Log Analytics workspace for diagnostics.')
param logAnalyticsWorkspaceId string

resource publicIp 'Microsoft.Network/publicIPAddresses@2024-01-01' = {
  name: publicIpName
  location: location
  tags: tags
  // Standard and static: what Azure Bastion requires.
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource publicIpDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-log-analytics'
  scope: publicIp
  properties: {
    workspaceId: logAnalyticsWorkspaceId
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

resource bastionHost 'Microsoft.Network/bastionHosts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    // Room for the sessions of a migration wave's engineers (Performance Efficiency).
    scaleUnits: scaleUnits
    ipConfigurations: [
      {
        name: 'ipconfig-bastion'
        properties: {
          subnet: {
            id: subnetId
          }
          publicIPAddress: {
            id: publicIp.id
          }
        }
      }
    ]
    // Native client (az network bastion rdp/ssh) where the SKU offers it (Operational Excellence).
    enableTunneling: sku != 'Basic'
    // A shareable link lets anyone holding it reach a VM without an Azure role: off (Security).
    enableShareableLink: false
  }
}

resource bastionDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-log-analytics'
  scope: bastionHost
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    // BastionAuditLogs: who opened a session to which machine, from where (Security).
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

@description('Resource ID of the Bastion host.')
output id string = bastionHost.id

@description('Name of the Bastion host.')
output name string = bastionHost.name
