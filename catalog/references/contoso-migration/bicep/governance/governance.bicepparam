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
  connectivity: [
    '3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c' // platform hub nonprod
    '8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f' // platform hub prod
  ]
  management: [
    '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' // the management subscription
  ]
  corp: [
    '0b6e2f4a-1c3d-4e5f-8a9b-2c4d6e8f0a1b' // environment dev
    '7d9f1b3c-5e7a-4c2e-9b1d-3f5a7c9e1b2d' // environment prod
  ]
}
