# Wave prod-orders-db of northwind (prod): Azure Migrate's agentless VMware replication of its
# 1 servers, rendered by meg 0.1.0 (catalog 2026.11.0). A root of its own:
# its state is the wave's, and it is applied when the wave starts, after the environment's root.
terraform {
  required_version = ">= 1.9"

  required_providers {
    # azurerm has no resource for Azure Migrate's replication: the ARM API through azapi.
    azapi = {
      source  = "azure/azapi"
      version = "~> 2.0"
    }
  }

  # State per wave: terraform init -backend-config=... (see README.md).
  backend "azurerm" {}
}
