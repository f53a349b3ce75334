# Bastion: administrators reach machines without public IPs or open management ports (Security).
module "bastion" {
  source = "./modules/bastion"
  count  = var.bastion.enabled ? 1 : 0

  name                = var.names.bastion
  public_ip_name      = var.names.bastion_public_ip
  resource_group_name = azurerm_resource_group.connectivity.name
  location            = var.location
  tags                = var.tags
  sku                 = var.bastion.sku
  scale_units         = var.bastion.scale_units
  file_copy_enabled   = var.bastion.file_copy
  subnet_id           = module.hub_network.subnet_ids["AzureBastionSubnet"]
  lock                = var.lock
  diagnostic_settings = local.diagnostic_settings
}
