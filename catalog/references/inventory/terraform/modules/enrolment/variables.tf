variable "subscription_id" {
  description = "Resource ID of the subscription the policies are assigned at (/subscriptions/<id>)."
  type        = string
}

variable "location" {
  description = "Azure region of the vault, the maintenance configuration, the identity and the servers."
  type        = string
}

variable "names" {
  description = "Names: backup_policy_definition, backup_assignment, patch_prerequisites_assignment, patch_schedule."
  type = object({
    backup_policy_definition       = string
    backup_assignment              = string
    patch_prerequisites_assignment = string
    patch_schedule                 = string
  })
}

variable "resource_groups" {
  description = "Resource groups the migrated servers land in: name => resource ID."
  type        = map(string)
}

variable "os_types" {
  description = "OS types of the migrated servers: Linux, Windows."
  type        = list(string)
}

variable "backup_tag" {
  description = "The tag naming the vault a VM is backed up to."
  type = object({
    name  = string
    value = string
  })
}

variable "patch_tag" {
  description = "The tag naming the patch window a VM is patched in."
  type = object({
    name  = string
    value = string
  })
}

variable "backup_policy_id" {
  description = "Resource ID of the daily VM backup policy."
  type        = string
}

variable "identity_name" {
  description = "Name of the user-assigned identity both policies deploy with."
  type        = string
}

variable "tags" {
  description = "Tags."
  type        = map(string)
}

variable "vault_resource_group_name" {
  description = "The vault's resource group (the migration group), where the identity lives."
  type        = string
}

variable "vault_resource_group_id" {
  description = "Resource ID of the vault's resource group, where the backup policy's identity protects the VMs."
  type        = string
}

variable "maintenance_configuration_id" {
  description = "Resource ID of the maintenance configuration (the patch window)."
  type        = string
}

variable "patch_prerequisites_policy_id" {
  description = "Resource ID of the built-in policy that sets the patch prerequisites."
  type        = string
}
