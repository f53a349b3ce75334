variable "key_vault_id" {
  description = "Resource ID of the Key Vault that holds the key (premium, purge protection on)."
  type        = string
}

variable "disk_encryption_set_name" {
  description = "Disk encryption set name."
  type        = string
}

variable "identity_name" {
  description = "Name of the disk encryption set's user-assigned identity."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the disk encryption set (the migration group)."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "tags" {
  description = "Tags."
  type        = map(string)
}
