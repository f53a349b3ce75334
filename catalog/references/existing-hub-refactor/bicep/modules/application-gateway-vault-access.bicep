// Lets an Application Gateway's identity read its listener certificate: Key Vault Secrets User
// on the vault you named in paas.applicationGateway.certificateKeyVaultId (Azure RBAC vault).
targetScope = 'resourceGroup'

@description('Name of the vault holding the certificate.')
param vaultName string

@description('Principal ID of the gateway\'s user-assigned identity.')
param principalId string

var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Resource ID of the role assignment.')
output resourceId string = secretsReader.id

@description('Name of the role assignment.')
output name string = secretsReader.name
