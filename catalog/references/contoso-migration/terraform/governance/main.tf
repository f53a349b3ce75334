# Management groups (CAF). Each names its parent by reference, so Terraform creates parents before
# children. The subscriptions the landing zone names are placed at the end of this file, each with an
# azurerm_management_group_subscription_association (subscription_ids on a group would fight with them).

resource "azurerm_management_group" "root" {
  name         = var.management_groups["root"].id
  display_name = var.management_groups["root"].display_name
  # Directly under the tenant root group, so one assignment here governs every landing zone.
  parent_management_group_id = "/providers/Microsoft.Management/managementGroups/${data.azurerm_client_config.current.tenant_id}"
}

resource "azurerm_management_group" "platform" {
  name                       = var.management_groups["platform"].id
  display_name               = var.management_groups["platform"].display_name
  parent_management_group_id = azurerm_management_group.root.id
}

resource "azurerm_management_group" "management" {
  name                       = var.management_groups["management"].id
  display_name               = var.management_groups["management"].display_name
  parent_management_group_id = azurerm_management_group.platform.id
}

resource "azurerm_management_group" "connectivity" {
  name                       = var.management_groups["connectivity"].id
  display_name               = var.management_groups["connectivity"].display_name
  parent_management_group_id = azurerm_management_group.platform.id
}

resource "azurerm_management_group" "identity" {
  name                       = var.management_groups["identity"].id
  display_name               = var.management_groups["identity"].display_name
  parent_management_group_id = azurerm_management_group.platform.id
}

resource "azurerm_management_group" "landing_zones" {
  name                       = var.management_groups["landing_zones"].id
  display_name               = var.management_groups["landing_zones"].display_name
  parent_management_group_id = azurerm_management_group.root.id
}

resource "azurerm_management_group" "corp" {
  name                       = var.management_groups["corp"].id
  display_name               = var.management_groups["corp"].display_name
  parent_management_group_id = azurerm_management_group.landing_zones.id
}

resource "azurerm_management_group" "online" {
  name                       = var.management_groups["online"].id
  display_name               = var.management_groups["online"].display_name
  parent_management_group_id = azurerm_management_group.landing_zones.id
}

resource "azurerm_management_group" "sandbox" {
  name                       = var.management_groups["sandbox"].id
  display_name               = var.management_groups["sandbox"].display_name
  parent_management_group_id = azurerm_management_group.root.id
}

resource "azurerm_management_group" "decommissioned" {
  name                       = var.management_groups["decommissioned"].id
  display_name               = var.management_groups["decommissioned"].display_name
  parent_management_group_id = azurerm_management_group.root.id
}

# Policy baseline at the intermediate root: every group and subscription below inherits it.
# No ManagementGroupNotFound race here: azurerm creates a management group, then reads it back
# until five reads in a row succeed (its StateChangeConf, ContinuousTargetOccurence 5), so the
# group is visible before anything that refers to its ID is created.
# No identity and no location: the baseline only denies and audits. A DeployIfNotExists or Modify
# policy added to it needs both, and a role for the identity.
resource "azurerm_management_group_policy_assignment" "baseline" {
  for_each = var.policy_assignments

  name                 = each.key
  display_name         = each.value.display_name
  management_group_id  = azurerm_management_group.root.id
  policy_definition_id = each.value.policy_definition_id
  parameters           = length(each.value.parameters) > 0 ? jsonencode(each.value.parameters) : null
  # false is DoNotEnforce: the policy evaluates and reports without denying, to see its effect first.
  enforce = each.value.enforce

  # Shown to whoever is denied, so they know which rule stopped them.
  non_compliance_message {
    content = "${each.value.display_name}: required by the landing zone policy baseline."
  }
}

# Subscriptions under their management groups: from then on they inherit the groups' policy
# assignments and role assignments. A subscription has one parent group, so each association moves
# it out of the group it was in. After the policy baseline, so that a subscription never sits in a
# group whose policies are not assigned yet.

resource "azurerm_management_group_subscription_association" "connectivity" {
  for_each = toset(var.subscription_placements.connectivity)

  management_group_id = azurerm_management_group.connectivity.id
  subscription_id     = "/subscriptions/${each.value}"

  depends_on = [azurerm_management_group_policy_assignment.baseline]
}

resource "azurerm_management_group_subscription_association" "management" {
  for_each = toset(var.subscription_placements.management)

  management_group_id = azurerm_management_group.management.id
  subscription_id     = "/subscriptions/${each.value}"

  depends_on = [azurerm_management_group_policy_assignment.baseline]
}

resource "azurerm_management_group_subscription_association" "corp" {
  for_each = toset(var.subscription_placements.corp)

  management_group_id = azurerm_management_group.corp.id
  subscription_id     = "/subscriptions/${each.value}"

  depends_on = [azurerm_management_group_policy_assignment.baseline]
}
