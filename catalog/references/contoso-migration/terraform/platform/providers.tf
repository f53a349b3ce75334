# Each environment's .tfvars names its subscription: whatever subscription is signed in
# (ARM_SUBSCRIPTION_ID, az account set), the plan targets that one.
provider "azurerm" {
  subscription_id = var.subscription_id

  # Entra ID instead of storage account keys for state and data-plane calls (Security).
  storage_use_azuread = true

  features {
    resource_group {
      # Refuse to delete a resource group that still holds resources meg does not manage.
      prevent_deletion_if_contains_resources = true
    }
  }
}
