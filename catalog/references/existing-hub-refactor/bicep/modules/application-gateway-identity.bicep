// An Application Gateway's user-assigned identity and its access to the listener certificate,
// made before the application's web apps rather than just before the gateway: Azure RBAC takes
// minutes to propagate, and a gateway whose identity cannot read its certificate yet fails to
// provision. The gateway module starts only once the web apps exist, by which time it can.
targetScope = 'resourceGroup'

@description('Name of the identity.')
param name string

@description('Resource ID of the Key Vault holding the listener certificate (Azure RBAC authorization), in any subscription.')
param certificateKeyVaultId string

@description('Application name, for deployment names.')
param applicationName string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

var vaultIdParts = split(certificateKeyVaultId, '/')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

// The gateway reads its certificate from your vault: Key Vault Secrets User there, nothing more.
module certificateAccess 'application-gateway-vault-access.bicep' = {
  name: 'agw-kv-${applicationName}'
  scope: resourceGroup(vaultIdParts[2], vaultIdParts[4])
  params: {
    vaultName: last(vaultIdParts)
    principalId: identity.properties.principalId
  }
}

@description('Resource ID of the identity.')
output resourceId string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Resource ID of the role assignment on the certificate vault.')
output certificateAccessId string = certificateAccess.outputs.resourceId
