# azurerm 4.x needs a subscription even here: the one governance.tfvars names (subscription_id);
# nothing is deployed in it.
provider "azurerm" {
  subscription_id = var.subscription_id

  # Management groups and policy assignments are tenant-level: no resource provider to register,
  # and the deploying identity needs no rights on the subscription to register them.
  resource_provider_registrations = "none"

  features {}
}

# The tenant root group's ID is the tenant ID.
data "azurerm_client_config" "current" {}
