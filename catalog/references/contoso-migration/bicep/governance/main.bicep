// contoso: management groups and policy baseline, rendered by meg 0.1.0 (catalog 2026.11.0).
// Tenant-wide, so one deployment of its own, never per environment (dev and prod would fight over the
// same groups). Deploy it at the tenant root group, whose ID is the tenant ID, as someone holding
// Contributor and Resource Policy Contributor there (Management Group Contributor would create the
// groups but cannot run the deployment itself, Microsoft.Resources/deployments):
//   az deployment mg create --name contoso-governance --management-group-id <tenant id> --location westeurope --parameters governance.bicepparam
targetScope = 'managementGroup'

@description('The CAF management groups by key, each { id, displayName }: the intermediate root under the tenant root group, the others as the hierarchy below places them.')
param managementGroups managementGroupsType

@description('Policy assignments at the intermediate root: { name (at most 24 characters), displayName, definitionId, parameters ({ <name>: { value: ... } }), enforce }.')
param policyAssignments array

@description('Existing subscriptions to place, by management group key: each an array of subscription IDs (GUIDs). A subscription has one parent group: placing it here moves it out of the group it was in.')
param subscriptionPlacements subscriptionPlacementsType

type managementGroupType = {
  // The group's ID (its name in ARM): at most 90 characters, fixed once the group exists.
  id: string
  displayName: string
}

type managementGroupsType = {
  root: managementGroupType
  platform: managementGroupType
  management: managementGroupType
  connectivity: managementGroupType
  identity: managementGroupType
  landingZones: managementGroupType
  corp: managementGroupType
  online: managementGroupType
  sandbox: managementGroupType
  decommissioned: managementGroupType
}

type subscriptionPlacementsType = {
  // Subscription IDs (GUIDs) placed under the connectivity group.
  connectivity: array
  // Subscription IDs (GUIDs) placed under the management group.
  management: array
  // Subscription IDs (GUIDs) placed under the corp group.
  corp: array
}

// ---------------------------------------------------------------------------------------
// Management groups (CAF): management groups are tenant resources, hence scope: tenant().
// Each names its parent by symbolic reference, so ARM creates parents before children.
// The subscriptions the landing zone names are placed below; others apart from this template.
// ---------------------------------------------------------------------------------------

resource rootManagementGroup 'Microsoft.Management/managementGroups@2023-04-01' = {
  scope: tenant()
  name: managementGroups.root.id
  properties: {
    displayName: managementGroups.root.displayName
    details: {
      parent: {
        // Directly under the tenant root group, so one assignment here governs every landing zone.
        id: tenantResourceId('Microsoft.Management/managementGroups', tenant().tenantId)
      }
    }
  }
}

resource platformManagementGroup 'Microsoft.Management/managementGroups@2023-04-01' = {
  scope: tenant()
  name: managementGroups.platform.id
  properties: {
    displayName: managementGroups.platform.displayName
    details: {
      parent: {
        id: rootManagementGroup.id
      }
    }
  }
}

resource managementManagementGroup 'Microsoft.Management/managementGroups@2023-04-01' = {
  scope: tenant()
  name: managementGroups.management.id
  properties: {
    displayName: managementGroups.management.displayName
    details: {
      parent: {
        id: platformManagementGroup.id
      }
    }
  }
}

resource connectivityManagementGroup 'Microsoft.Management/managementGroups@2023-04-01' = {
  scope: tenant()
  name: managementGroups.connectivity.id
  properties: {
    displayName: managementGroups.connectivity.displayName
    details: {
      parent: {
        id: platformManagementGroup.id
      }
    }
  }
}

resource identityManagementGroup 'Microsoft.Management/managementGroups@2023-04-01' = {
  scope: tenant()
  name: managementGroups.identity.id
  properties: {
    displayName: managementGroups.identity.displayName
    details: {
      parent: {
        id: platformManagementGroup.id
      }
    }
  }
}

resource landingZonesManagementGroup 'Microsoft.Management/managementGroups@2023-04-01' = {
  scope: tenant()
  name: managementGroups.landingZones.id
  properties: {
    displayName: managementGroups.landingZones.displayName
    details: {
      parent: {
        id: rootManagementGroup.id
      }
    }
  }
}

resource corpManagementGroup 'Microsoft.Management/managementGroups@2023-04-01' = {
  scope: tenant()
  name: managementGroups.corp.id
  properties: {
    displayName: managementGroups.corp.displayName
    details: {
      parent: {
        id: landingZonesManagementGroup.id
      }
    }
  }
}

resource onlineManagementGroup 'Microsoft.Management/managementGroups@2023-04-01' = {
  scope: tenant()
  name: managementGroups.online.id
  properties: {
    displayName: managementGroups.online.displayName
    details: {
      parent: {
        id: landingZonesManagementGroup.id
      }
    }
  }
}

resource sandboxManagementGroup 'Microsoft.Management/managementGroups@2023-04-01' = {
  scope: tenant()
  name: managementGroups.sandbox.id
  properties: {
    displayName: managementGroups.sandbox.displayName
    details: {
      parent: {
        id: rootManagementGroup.id
      }
    }
  }
}

resource decommissionedManagementGroup 'Microsoft.Management/managementGroups@2023-04-01' = {
  scope: tenant()
  name: managementGroups.decommissioned.id
  properties: {
    displayName: managementGroups.decommissioned.displayName
    details: {
      parent: {
        id: rootManagementGroup.id
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Policy baseline at the intermediate root: every group and subscription below inherits it.
// ---------------------------------------------------------------------------------------

// Right after a management group is created, ARM's other regions may not see it yet, and a
// deployment at its scope fails with ManagementGroupNotFound. Empty deployments, one after the
// other at this deployment's own scope, give the new groups time to replicate before the
// assignments target them (no deployment script, no rerun).
@batchSize(1)
module waitForManagementGroups 'modules/wait.bicep' = [
  for i in range(0, 10): {
    // Deployment names are at most 64 characters.
    name: '${take(deployment().name, 55)}-wait-${i}'
    dependsOn: [
      rootManagementGroup
      platformManagementGroup
      managementManagementGroup
      connectivityManagementGroup
      identityManagementGroup
      landingZonesManagementGroup
      corpManagementGroup
      onlineManagementGroup
      sandboxManagementGroup
      decommissionedManagementGroup
    ]
  }
]

// A module, because assignments live at the intermediate root, not at this deployment's scope.
module policyBaseline 'modules/policy-assignments.bicep' = {
  name: '${deployment().name}-policies'
  scope: managementGroup(managementGroups.root.id)
  params: {
    assignments: policyAssignments
  }
  dependsOn: [
    waitForManagementGroups
  ]
}

// ---------------------------------------------------------------------------------------
// Subscriptions under their management groups: from then on they inherit the groups' policy
// assignments and role assignments. Each placement is a child of its group (tenant scope, as
// the group), so ARM creates the group first; it waits for the policy baseline too, so that a
// subscription never sits in a group whose policies are not assigned yet.
// ---------------------------------------------------------------------------------------

resource connectivitySubscriptions 'Microsoft.Management/managementGroups/subscriptions@2023-04-01' = [
  for subscriptionId in subscriptionPlacements.connectivity: {
    parent: connectivityManagementGroup
    name: subscriptionId
    dependsOn: [
      policyBaseline
    ]
  }
]

resource managementSubscriptions 'Microsoft.Management/managementGroups/subscriptions@2023-04-01' = [
  for subscriptionId in subscriptionPlacements.management: {
    parent: managementManagementGroup
    name: subscriptionId
    dependsOn: [
      policyBaseline
    ]
  }
]

resource corpSubscriptions 'Microsoft.Management/managementGroups/subscriptions@2023-04-01' = [
  for subscriptionId in subscriptionPlacements.corp: {
    parent: corpManagementGroup
    name: subscriptionId
    dependsOn: [
      policyBaseline
    ]
  }
]

// ---------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------

@description('Resource IDs of the management groups, by key: where subscriptions are placed.')
output managementGroupIds object = {
  root: rootManagementGroup.id
  platform: platformManagementGroup.id
  management: managementManagementGroup.id
  connectivity: connectivityManagementGroup.id
  identity: identityManagementGroup.id
  landingZones: landingZonesManagementGroup.id
  corp: corpManagementGroup.id
  online: onlineManagementGroup.id
  sandbox: sandboxManagementGroup.id
  decommissioned: decommissionedManagementGroup.id
}

@description('The policy assignments at the intermediate root, each { name, id }.')
output policyAssignmentIds array = policyBaseline.outputs.assignmentIds
