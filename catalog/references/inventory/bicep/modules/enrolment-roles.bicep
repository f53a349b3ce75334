// A role of the enrolment policies' identity on one resource group the migrated servers land in:
// what its DeployIfNotExists deployments and remediation tasks write there.
targetScope = 'resourceGroup'

@description('Principal ID of the enrolment policies\' user-assigned identity.')
param principalId string

@description('Role definition ID (a GUID) it gets on this resource group.')
param roleDefinitionId string

resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, roleDefinitionId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
