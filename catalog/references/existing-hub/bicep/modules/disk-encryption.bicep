// Customer-managed disk encryption: an HSM-backed key in the rehost vault and the disk
// encryption set that managed disks reference, so the organisation holds the key that
// protects every server's disks and can revoke it (Security).
targetScope = 'resourceGroup'

@description('Name of the Key Vault that holds the key (premium, purge protection on).')
param keyVaultName string

@description('Disk encryption set name.')
param diskEncryptionSetName string

@description('Name of the disk encryption set\'s user-assigned identity.')
param identityName string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

// Key Vault Crypto Service Encryption User: wrap and unwrap keys, nothing else (least privilege).
var cryptoServiceEncryptionUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'e147488a-f6f5-4113-8e2d-b22465e65bf6')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource diskKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'disk-encryption'
  properties: {
    // RSA-HSM: the key never leaves the vault's HSMs (premium SKU).
    kty: 'RSA-HSM'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
    // A new key version every year; the encryption set follows it without a redeploy (Security).
    rotationPolicy: {
      attributes: {
        expiryTime: 'P2Y'
      }
      lifetimeActions: [
        {
          trigger: {
            timeAfterCreate: 'P1Y'
          }
          action: {
            type: 'rotate'
          }
        }
        {
          trigger: {
            timeBeforeExpiry: 'P30D'
          }
          action: {
            type: 'notify'
          }
        }
      ]
    }
  }
}

// The set's identity exists, and may use the key, before the set does: the set checks its key
// access when it is created.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource identityKeyAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, cryptoServiceEncryptionUser)
  scope: vault
  properties: {
    roleDefinitionId: cryptoServiceEncryptionUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource diskEncryptionSet 'Microsoft.Compute/diskEncryptionSets@2024-03-02' = {
  name: diskEncryptionSetName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    encryptionType: 'EncryptionAtRestWithCustomerKey'
    // ARM wants a versioned key URL even with rotation on; rotation then moves the disks to each
    // new key version automatically (Terraform names the key versionless and azurerm sends this).
    activeKey: {
      keyUrl: diskKey.properties.keyUriWithVersion
    }
    rotationToLatestKeyVersionEnabled: true
  }
  dependsOn: [
    identityKeyAccess
  ]
}

@description('Resource ID of the disk encryption set.')
output resourceId string = diskEncryptionSet.id

@description('Name of the disk encryption set.')
output name string = diskEncryptionSet.name
