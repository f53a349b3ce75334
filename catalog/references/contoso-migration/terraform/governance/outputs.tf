output "management_group_ids" {
  description = "Resource IDs of the management groups, by key: where subscriptions are placed."
  value = {
    root           = azurerm_management_group.root.id
    platform       = azurerm_management_group.platform.id
    management     = azurerm_management_group.management.id
    connectivity   = azurerm_management_group.connectivity.id
    identity       = azurerm_management_group.identity.id
    landing_zones  = azurerm_management_group.landing_zones.id
    corp           = azurerm_management_group.corp.id
    online         = azurerm_management_group.online.id
    sandbox        = azurerm_management_group.sandbox.id
    decommissioned = azurerm_management_group.decommissioned.id
  }
}

output "policy_assignment_ids" {
  description = "Resource IDs of the policy assignments, by name."
  value       = { for name, assignment in azurerm_management_group_policy_assignment.baseline : name => assignment.id }
}
