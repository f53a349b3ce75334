# Each environment's .tfvars names its subscription: whatever subscription is signed in
# (ARM_SUBSCRIPTION_ID, az account set), the plan targets that one.
provider "azurerm" {
  subscription_id = var.subscription_id

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

# The existing hub's subscription (often the connectivity subscription): the hub side of each
# peering is created there.
provider "azurerm" {
  alias           = "hub"
  subscription_id = var.hub_network.subscription_id
  # The identity may only hold rights on the hub's resource group, not register providers in
  # the connectivity subscription.
  resource_provider_registrations = "none"

  features {}
}

data "azurerm_client_config" "current" {}
