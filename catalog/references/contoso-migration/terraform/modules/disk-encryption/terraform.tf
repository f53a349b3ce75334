terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
    # The key is created through ARM (control plane), not the vault's data plane, which the
    # vault's network rules close to the deploying runner.
    azapi = {
      source  = "azure/azapi"
      version = "~> 2.0"
    }
  }
}
