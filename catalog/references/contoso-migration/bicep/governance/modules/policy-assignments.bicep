// Policy assignments at one management group: everything below it inherits them.
targetScope = 'managementGroup'

@description('Policy assignments: { name (at most 24 characters at this scope), displayName, definitionId, parameters ({ <name>: { value: ... } }), enforce }.')
param assignments array

// No managed identity and no location: the baseline only denies and audits. A DeployIfNotExists or
// Modify policy added to it needs both, and a role for the identity.
resource policyAssignments 'Microsoft.Authorization/policyAssignments@2024-05-01' = [
  for assignment in assignments: {
    name: assignment.name
    properties: {
      displayName: assignment.displayName
      policyDefinitionId: assignment.definitionId
      parameters: assignment.parameters
      // DoNotEnforce evaluates and reports without denying: a way to see a policy's effect first.
      enforcementMode: assignment.enforce ? 'Default' : 'DoNotEnforce'
      // Shown to whoever is denied, so they know which rule stopped them.
      nonComplianceMessages: [
        {
          message: '${assignment.displayName}: required by the landing zone policy baseline.'
        }
      ]
    }
  }
]

// A for-expression: Bicep cannot index a resource collection with a lambda variable (BCP247).
@description('The policy assignments, each { name, id }.')
output assignmentIds array = [
  for (assignment, i) in assignments: {
    name: assignment.name
    id: policyAssignments[i].id
  }
]
