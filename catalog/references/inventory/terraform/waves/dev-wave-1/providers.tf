# The subscription comes from ARM_SUBSCRIPTION_ID, never from a file: the one of the Azure Migrate
# project's replication vault.
provider "azapi" {}
