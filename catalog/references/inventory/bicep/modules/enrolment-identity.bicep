// The identity of the policies that enrol the servers Azure Migrate brings, beside the vault it
// protects them in: Backup Contributor on this resource group lets it add each VM to the vault.
targetScope = 'resourceGroup'

@description('Name of the user-assigned identity.')
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Role definition ID (a GUID) the identity gets on this resource group.')
param roleDefinitionId string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, identity.id, roleDefinitionId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Resource ID of the identity.')
output resourceId string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Principal ID of the identity.')
output principalId string = identity.properties.principalId
