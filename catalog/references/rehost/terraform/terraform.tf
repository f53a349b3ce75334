# fabrikam: rehost landing zone, rendered by meg 0.1.0 (catalog 2026.11.0).
terraform {
  required_version = ">= 1.9"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    # Resources azurerm does not have yet (the Azure Migrate project, the Database Migration
    # Service), through the ARM API.
    azapi = {
      source  = "azure/azapi"
      version = "~> 2.0"
    }
  }

  # State per environment: terraform init -backend-config=... (see README.md).
  backend "azurerm" {}
}
