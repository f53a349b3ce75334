terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
      # The hub side of the peering lives in the existing hub's subscription.
      configuration_aliases = [azurerm.hub]
    }
  }
}
