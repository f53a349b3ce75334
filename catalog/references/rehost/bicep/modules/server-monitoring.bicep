// What the Azure Monitor agent collects from the servers: the performance counters and the
// warning-and-worse events that tell a sick server from a busy one (Operational Excellence).
targetScope = 'resourceGroup'

@description('Data collection rule name.')
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Resource ID of the Log Analytics workspace the data goes to.')
param logAnalyticsWorkspaceId string

resource rule 'Microsoft.Insights/dataCollectionRules@2023-03-11' = {
  name: name
  location: location
  tags: tags
  properties: {
    description: 'Performance counters, Windows events and syslog of the rehosted servers.'
    dataSources: {
      performanceCounters: [
        {
          name: 'perf-windows'
          streams: [
            'Microsoft-Perf'
          ]
          samplingFrequencyInSeconds: 60
          counterSpecifiers: [
            '\\Processor Information(_Total)\\% Processor Time'
            '\\Memory\\% Committed Bytes In Use'
            '\\LogicalDisk(*)\\% Free Space'
            '\\Network Interface(*)\\Bytes Total/sec'
          ]
        }
        {
          name: 'perf-linux'
          streams: [
            'Microsoft-Perf'
          ]
          samplingFrequencyInSeconds: 60
          counterSpecifiers: [
            'Processor(*)\\% Processor Time'
            'Memory(*)\\% Used Memory'
            'Logical Disk(*)\\% Free Space'
            'Network(*)\\Total Bytes'
          ]
        }
      ]
      windowsEventLogs: [
        {
          name: 'events-windows'
          streams: [
            'Microsoft-Event'
          ]
          // Critical, error and warning events only: informational ones cost more than they tell.
          xPathQueries: [
            'System!*[System[(Level=1 or Level=2 or Level=3)]]'
            'Application!*[System[(Level=1 or Level=2 or Level=3)]]'
          ]
        }
      ]
      syslog: [
        {
          name: 'syslog-linux'
          streams: [
            'Microsoft-Syslog'
          ]
          facilityNames: [
            'auth'
            'authpriv'
            'daemon'
            'kern'
            'syslog'
          ]
          logLevels: [
            'Warning'
            'Error'
            'Critical'
            'Alert'
            'Emergency'
          ]
        }
      ]
    }
    destinations: {
      logAnalytics: [
        {
          name: 'workspace'
          workspaceResourceId: logAnalyticsWorkspaceId
        }
      ]
    }
    dataFlows: [
      {
        streams: [
          'Microsoft-Perf'
          'Microsoft-Event'
          'Microsoft-Syslog'
        ]
        destinations: [
          'workspace'
        ]
      }
    ]
  }
}

@description('Resource ID of the data collection rule.')
output resourceId string = rule.id

@description('Name of the data collection rule.')
output name string = rule.name
