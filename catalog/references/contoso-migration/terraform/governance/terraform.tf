# contoso: management groups and policy baseline, rendered by meg 0.1.0 (catalog 2026.11.0).
# Tenant-wide, so a root module and a state of their own, never per environment (dev and prod
# would fight over the same groups). Applied by someone holding Management Group Contributor and
# Resource Policy Contributor at the tenant root group.
terraform {
  required_version = ">= 1.9"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
  }

  # Its own state key, apart from the environments': terraform init -backend-config=... (see README.md).
  backend "azurerm" {}
}
