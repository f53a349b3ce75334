variable "vm" {
  description = "The virtual machine, as meg describes it."
  type = object({
    name                   = string
    resource_group_name    = string
    subnet_id              = string
    os                     = string
    size                   = string
    zone                   = optional(string)
    os_disk_size_gb        = optional(number)
    os_disk_storage        = string
    network_interface_name = string
    os_disk_name           = string
    data_disks = list(object({
      name    = string
      lun     = number
      size_gb = number
      storage = string
    }))
    image = object({
      publisher = string
      offer     = string
      sku       = string
      version   = string
    })
    # Every managed disk, OS disk first: what Site Recovery replicates.
    disk_names = list(string)
  })
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "tags" {
  description = "Tags."
  type        = map(string)
}

variable "disk_encryption_set_id" {
  description = "Resource ID of the disk encryption set every disk uses."
  type        = string
}

variable "data_collection_rule_id" {
  description = "Resource ID of the data collection rule the Azure Monitor agent follows."
  type        = string
}

variable "maintenance_configuration_id" {
  description = "Resource ID of the Update Manager maintenance configuration."
  type        = string
}

variable "backup" {
  description = "Where the VM is backed up: the vault's resource group and name, and the policy."
  type = object({
    resource_group_name = string
    vault_name          = string
    policy_id           = string
  })
}

variable "admin_password" {
  description = "Local administrator password (Windows); null for Linux."
  type        = string
  sensitive   = true
}

variable "admin_ssh_public_key" {
  description = "SSH public key of the administrator (Linux); null for Windows."
  type        = string
  sensitive   = true
}
