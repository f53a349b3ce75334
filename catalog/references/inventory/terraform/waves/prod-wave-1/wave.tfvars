# Wave prod-wave-1 (prod), rendered by meg 0.1.0.
#   terraform plan -var-file=wave.tfvars
# The replication infrastructure's IDs and names are Azure Migrate's: README.md ("Replication waves")
# gives the command that reads each one.
vault_id                  = ""
fabric_name               = ""
protection_container_name = ""
replication_policy_name   = ""
run_as_account_id         = ""
log_storage_account_id    = ""

disk_encryption_set_resource_group_name = "rg-migration-prod-weu-001"
disk_encryption_set_name                = "des-servers-prod-weu-001"

tags = {
  costCenter  = "CC-4410"
  environment = "prod"
  landingZone = "northwind"
  owner       = "migration-team"
}

# Backup and patching reach each VM through these tags once it is cut over (README.md, "Enrolment").
enrolment_tags = {
  backupVault = "rsv-backup-prod-weu-001"
  patchWindow = "mc-servers-prod-weu-001"
}

servers = {
  "nw-app01" = {
    resource_group_name  = "rg-orders-prod-weu-001"
    virtual_network_name = "vnet-orders-prod-weu-001"
    subnet_name          = "snet-app"
    size                 = "Standard_D8s_v5"
    zone                 = ""
    license_type         = "NoLicenseType"
    disk_types           = ["Premium_LRS", "Premium_LRS"]
  }
  "nw-files01" = {
    resource_group_name  = "rg-files-prod-weu-001"
    virtual_network_name = "vnet-files-prod-weu-001"
    subnet_name          = "snet-workload"
    size                 = "Standard_D2s_v5"
    zone                 = ""
    license_type         = "WindowsServer"
    disk_types           = ["Premium_LRS", "Premium_LRS"]
  }
}

# Each server's machine in Azure Migrate and its disks' UUIDs, the OS disk first (README.md,
# "Replication waves", lists them all in one command). A machine ID the inventory held is filled in.
source_machines = {
  # "NW-APP01.northwind.local"
  "nw-app01" = {
    machine_id = ""
    disk_ids   = []
  }
  # "nw-files01", VMware UUID "4211aa01-0000-4000-8000-000000000003"
  "nw-files01" = {
    machine_id = ""
    disk_ids   = []
  }
}
