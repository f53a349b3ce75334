# Customer-managed disk encryption: an HSM-backed key in the rehost vault and the disk
# encryption set that managed disks reference, so the organisation holds the key that
# protects every server's disks and can revoke it (Security).
resource "azapi_resource" "disk_key" {
  type      = "Microsoft.KeyVault/vaults/keys@2023-07-01"
  name      = "disk-encryption"
  parent_id = var.key_vault_id

  body = {
    properties = {
      # RSA-HSM: the key never leaves the vault's HSMs (premium SKU).
      kty     = "RSA-HSM"
      keySize = 3072
      keyOps  = ["wrapKey", "unwrapKey"]
      # A new key version every year; the encryption set follows it without a redeploy (Security).
      rotationPolicy = {
        attributes = {
          expiryTime = "P2Y"
        }
        lifetimeActions = [
          {
            trigger = { timeAfterCreate = "P1Y" }
            action  = { type = "rotate" }
          },
          {
            trigger = { timeBeforeExpiry = "P30D" }
            action  = { type = "notify" }
          },
        ]
      }
    }
  }

  response_export_values = ["properties.keyUri"]
}

# The set's identity exists, and may use the key, before the set does: the set checks its key
# access when it is created.
resource "azurerm_user_assigned_identity" "this" {
  name                = var.identity_name
  resource_group_name = var.resource_group_name
  location            = var.location
  tags                = var.tags
}

# Key Vault Crypto Service Encryption User: wrap and unwrap keys, nothing else (least privilege).
resource "azurerm_role_assignment" "identity_key_access" {
  scope                = var.key_vault_id
  role_definition_name = "Key Vault Crypto Service Encryption User"
  principal_id         = azurerm_user_assigned_identity.this.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_disk_encryption_set" "this" {
  name                = var.disk_encryption_set_name
  resource_group_name = var.resource_group_name
  location            = var.location
  encryption_type     = "EncryptionAtRestWithCustomerKey"
  # The versionless key URI, as azurerm requires with auto_key_rotation_enabled: it sends ARM the
  # key's newest versioned URL (which ARM requires, as the Bicep does) and does not pin it in state,
  # so a rotation is not undone by the next apply (hashicorp/terraform-provider-azurerm #22864).
  key_vault_key_id          = azapi_resource.disk_key.output.properties.keyUri
  auto_key_rotation_enabled = true
  tags                      = var.tags

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.this.id]
  }

  depends_on = [azurerm_role_assignment.identity_key_access]
}
