# The subscription comes from ARM_SUBSCRIPTION_ID, never from a file.
provider "azurerm" {
  # Entra ID instead of storage account keys for state and data-plane calls (Security).
  storage_use_azuread = true

  features {
    key_vault {
      # A vault with purge protection cannot be purged anyway; never purge on destroy.
      purge_soft_delete_on_destroy = false
    }

    resource_group {
      # Refuse to delete a resource group that still holds resources meg does not manage.
      prevent_deletion_if_contains_resources = true
    }
  }
}

data "azurerm_client_config" "current" {}
