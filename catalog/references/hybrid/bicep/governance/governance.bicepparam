// Tenant-wide governance values for main.bicep, rendered by meg 0.1.0.
//   az deployment mg what-if --management-group-id <tenant id> --location westeurope --parameters governance.bicepparam
using 'main.bicep'

param managementGroups = {
  root: {
    id: 'contoso'
    displayName: 'Contoso'
  }
  platform: {
    id: 'contoso-platform'
    displayName: 'Platform'
  }
  management: {
    id: 'contoso-management'
    displayName: 'Management'
  }
  connectivity: {
    id: 'contoso-connectivity'
    displayName: 'Connectivity'
  }
  identity: {
    id: 'contoso-identity'
    displayName: 'Identity'
  }
  landingZones: {
    id: 'contoso-landingzones'
    displayName: 'Landing zones'
  }
  corp: {
    id: 'contoso-corp'
    displayName: 'Corp'
  }
  online: {
    id: 'contoso-online'
    displayName: 'Online'
  }
  sandbox: {
    id: 'contoso-sandbox'
    displayName: 'Sandbox'
  }
  decommissioned: {
    id: 'contoso-decommissioned'
    displayName: 'Decommissioned'
  }
}

param policyAssignments = [
  {
    name: 'allowed-locations'
    displayName: 'Allowed locations'
    definitionId: '/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c'
    parameters: {
      listOfAllowedLocations: {
        value: [
          'westeurope'
          'northeurope'
        ]
      }
    }
    enforce: true
  }
  {
    name: 'security-benchmark'
    displayName: 'Microsoft cloud security benchmark'
    definitionId: '/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8'
    parameters: {}
    enforce: true
  }
  {
    name: 'require-tag-owner'
    displayName: 'Require the owner tag on resource groups'
    definitionId: '/providers/Microsoft.Authorization/policyDefinitions/96670d01-0a4d-4649-9c89-2d3abc0a5025'
    parameters: {
      tagName: {
        value: 'owner'
      }
    }
    enforce: false
  }
  {
    name: 'require-tag-costcenter'
    displayName: 'Require the costCenter tag on resource groups'
    definitionId: '/providers/Microsoft.Authorization/policyDefinitions/96670d01-0a4d-4649-9c89-2d3abc0a5025'
    parameters: {
      tagName: {
        value: 'costCenter'
      }
    }
    enforce: false
  }
]

param subscriptionPlacements = {
  management: [
    '3f0c6a1e-52b7-4d8e-9c41-7a2e5b9d0f13' // the management subscription
  ]
  corp: [
    '8b2d4f60-1c3e-4a7b-b5d9-0e6f2a8c4d17' // environment dev
    'c4e81a27-9f3d-4b6c-8e02-5d7a1b3f9e64' // environment prod
  ]
}
