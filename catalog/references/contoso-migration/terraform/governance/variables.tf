variable "management_groups" {
  description = "The CAF management groups by key: ID (its name in ARM, fixed once the group exists) and display name. main.tf places each in the hierarchy."
  type = map(object({
    id           = string
    display_name = string
  }))

  validation {
    condition     = alltrue([for key in ["root", "platform", "management", "connectivity", "identity", "landing_zones", "corp", "online", "sandbox", "decommissioned"] : contains(keys(var.management_groups), key)])
    error_message = "management_groups needs every group of the hierarchy: root, platform, management, connectivity, identity, landing_zones, corp, online, sandbox, decommissioned."
  }

  validation {
    condition     = alltrue([for group in values(var.management_groups) : can(regex("^[a-zA-Z0-9][a-zA-Z0-9_.()-]{0,88}[a-zA-Z0-9_()-]$|^[a-zA-Z0-9]$", group.id))])
    error_message = "A management group ID is 1 to 90 letters, digits, -, _, (, ) or ., starting with a letter or digit and not ending with a period."
  }
}

variable "policy_assignments" {
  description = "Policy assignments at the intermediate root, by name (at most 24 characters at management-group scope)."
  # An object, not a map: each policy's parameters have types of their own, and a map's elements
  # must all share one type.
  type = object({
    allowed-locations = object({
      display_name         = string
      policy_definition_id = string
      # As ARM takes them: { <parameter> = { value = ... } }; ARM checks them against the definition.
      parameters = any
      # false: DoNotEnforce, the policy reports without denying.
      enforce = bool
    })
    security-benchmark = object({
      display_name         = string
      policy_definition_id = string
      # As ARM takes them: { <parameter> = { value = ... } }; ARM checks them against the definition.
      parameters = any
      # false: DoNotEnforce, the policy reports without denying.
      enforce = bool
    })
    require-tag-owner = object({
      display_name         = string
      policy_definition_id = string
      # As ARM takes them: { <parameter> = { value = ... } }; ARM checks them against the definition.
      parameters = any
      # false: DoNotEnforce, the policy reports without denying.
      enforce = bool
    })
    require-tag-costcenter = object({
      display_name         = string
      policy_definition_id = string
      # As ARM takes them: { <parameter> = { value = ... } }; ARM checks them against the definition.
      parameters = any
      # false: DoNotEnforce, the policy reports without denying.
      enforce = bool
    })
  })

  validation {
    condition     = alltrue([for assignment in var.policy_assignments : can(regex("/providers/Microsoft\\.Authorization/policy(Set)?Definitions/[^/]+$", assignment.policy_definition_id))])
    error_message = "policy_definition_id is the resource ID of a policy or initiative (policySetDefinitions) definition."
  }
}

variable "subscription_id" {
  description = "The subscription the azurerm provider signs in to: it needs one even at management-group scope; nothing is deployed in it."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$", var.subscription_id))
    error_message = "The subscription ID is a GUID in lower case, such as 00000000-0000-0000-0000-000000000000."
  }
}

variable "subscription_placements" {
  description = "Existing subscriptions to place, by management group key: each a list of subscription IDs (GUIDs). A subscription has one parent group: placing it moves it out of the group it was in."
  type = object({
    connectivity = list(string)
    management   = list(string)
    corp         = list(string)
  })

  validation {
    condition     = alltrue([for id in flatten(values(var.subscription_placements)) : can(regex("^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$", id))])
    error_message = "A subscription ID is a GUID in lower case, such as 00000000-0000-0000-0000-000000000000."
  }

  validation {
    condition     = length(distinct(flatten(values(var.subscription_placements)))) == length(flatten(values(var.subscription_placements)))
    error_message = "A subscription has one parent management group: each subscription ID appears once."
  }
}
