terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
    # azurerm has no resource for Azure Migrate projects.
    azapi = {
      source  = "azure/azapi"
      version = "~> 2.0"
    }
  }
}
