variable "vault_id" {
  description = "Resource ID of the replication vault Azure Migrate created for the project migr-srv-prod-weu-001 (README.md, \"Replication waves\")."
  type        = string

  validation {
    condition     = var.vault_id == "" || can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.RecoveryServices/vaults/[^/]+$", var.vault_id))
    error_message = "vault_id is a Microsoft.RecoveryServices/vaults resource ID."
  }
}

variable "fabric_name" {
  description = "Replication fabric of the VMware site in that vault."
  type        = string
}

variable "protection_container_name" {
  description = "Protection container of that fabric."
  type        = string
}

variable "replication_policy_name" {
  description = "Replication policy Azure Migrate created for the VMware site, in the same vault."
  type        = string
}

variable "run_as_account_id" {
  description = "Resource ID of the VMware site's run-as account (the vCenter Server credentials the appliance replicates with)."
  type        = string

  validation {
    condition     = var.run_as_account_id == "" || can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.OffAzure/VMwareSites/[^/]+/runAsAccounts/[^/]+$", var.run_as_account_id))
    error_message = "run_as_account_id is a Microsoft.OffAzure/VMwareSites/runasaccounts resource ID."
  }
}

variable "log_storage_account_id" {
  description = "Resource ID of the log (cache) storage account Azure Migrate created for the replication."
  type        = string

  validation {
    condition     = var.log_storage_account_id == "" || can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Storage/storageAccounts/[a-z0-9]{3,24}$", var.log_storage_account_id))
    error_message = "log_storage_account_id is a Microsoft.Storage/storageAccounts resource ID."
  }
}

variable "target_subscription_id" {
  description = "Subscription of the prod environment, where the servers land; empty: the vault's."
  type        = string
  default     = ""
}

variable "test_virtual_network_id" {
  description = "Resource ID of an isolated virtual network for test migrations (no route to on-premises or to the production spokes); empty: test migrations need one given when they start."
  type        = string
  default     = ""
}

variable "test_subnet_name" {
  description = "Subnet of the test network."
  type        = string
  default     = ""
}

variable "disk_encryption_set_resource_group_name" {
  description = "Resource group of the prod environment's disk encryption set (its customer-managed key): every replicated disk is encrypted with it."
  type        = string
}

variable "disk_encryption_set_name" {
  description = "Name of that disk encryption set."
  type        = string
}

variable "tags" {
  description = "Tags of the replicated VMs, disks and NICs."
  type        = map(string)
}

variable "enrolment_tags" {
  description = "Tags the replicated VMs carry besides: the vault and the patch window whose policy and dynamic scope enrol them after cutover (README.md, \"Enrolment\")."
  type        = map(string)
}

variable "servers" {
  description = "The wave's servers by VM name, decided by meg from the inventory. zone is empty for none; disk_types lists the OS disk first."
  type = map(object({
    resource_group_name  = string
    virtual_network_name = string
    subnet_name          = string
    size                 = string
    zone                 = string
    license_type         = string
    disk_types           = list(string)
  }))

  validation {
    condition     = alltrue([for s in values(var.servers) : contains(["WindowsServer", "NoLicenseType"], s.license_type)])
    error_message = "license_type is WindowsServer (Azure Hybrid Benefit) or NoLicenseType."
  }

  validation {
    condition = alltrue([for s in values(var.servers) : length(s.disk_types) > 0 && alltrue([
      for t in s.disk_types : contains(["Premium_LRS", "PremiumV2_LRS", "StandardSSD_LRS", "Standard_LRS"], t)
    ])])
    error_message = "Each server has one disk type at least, each Premium_LRS, PremiumV2_LRS, StandardSSD_LRS or Standard_LRS."
  }
}

variable "migrated_servers" {
  description = "VM names that cut over and whose replication was stopped (their migration item is gone): they are not replicated again. The wave pipeline passes them (bash waves/wave.sh migrated <wave>)."
  type        = set(string)
  default     = []
}

variable "source_machines" {
  description = "Each server's machine in Azure Migrate by VM name: machine_id (a Microsoft.OffAzure/VMwareSites/machines resource ID) and disk_ids (the machine's properties.disks[].uuid, OS disk first). README.md, \"Replication waves\", reads them all in one command."
  type = map(object({
    machine_id = string
    disk_ids   = list(string)
  }))

  validation {
    condition = alltrue([for m in values(var.source_machines) :
      m.machine_id == "" || can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.OffAzure/VMwareSites/[^/]+/machines/[^/]+$", m.machine_id))
    ])
    error_message = "machine_id is a Microsoft.OffAzure/VMwareSites/machines resource ID (or empty until it is known)."
  }

  validation {
    condition     = alltrue([for name in keys(var.source_machines) : contains(keys(var.servers), name)])
    error_message = "source_machines names a server that is not in this wave's servers."
  }
}
