# Servers Azure Migrate brings are created by its cutover, not by this root: they are enrolled by
# what they carry (README.md, "Enrolment"). The wave roots tag each migrated VM with the vault and
# the patch window; a backup policy and a dynamic patch schedule at the subscription match the tags
# in the resource groups the servers land in, whenever a wave cuts over (Operational Excellence).
module "enrolment" {
  source = "./modules/enrolment"
  count  = var.enrolment.enabled ? 1 : 0

  subscription_id               = "/subscriptions/${data.azurerm_client_config.current.subscription_id}"
  location                      = var.location
  names                         = var.enrolment.names
  os_types                      = var.enrolment.os_types
  backup_tag                    = var.enrolment.backup_tag
  patch_tag                     = var.enrolment.patch_tag
  backup_policy_id              = module.migration[0].backup_policy_id
  maintenance_configuration_id  = module.migration[0].maintenance_configuration_id
  patch_prerequisites_policy_id = var.enrolment.patch_prerequisites_policy_id
  identity_name                 = var.names.enrolment_identity
  tags                          = var.tags
  vault_resource_group_name     = azurerm_resource_group.migration[0].name
  vault_resource_group_id       = azurerm_resource_group.migration[0].id
  # The spokes' groups the servers land in: created here, so the roles wait for them.
  resource_groups = {
    for rg in azurerm_resource_group.spoke : rg.name => rg.id if contains(var.enrolment.resource_groups, rg.name)
  }
}
