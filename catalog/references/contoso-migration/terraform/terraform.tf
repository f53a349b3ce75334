# contoso: hybrid + rehost + refactor landing zone, rendered by meg 0.1.0 (catalog 2026.11.0).
# The oldest versions that run this code: Terraform 1.9 (validations that read other variables),
# azurerm 4.42 (automatic_updates_enabled; 4.31 brought enabled_metric, 4.17 logs_destination).
terraform {
  required_version = ">= 1.9"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
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
