# Wave dev-wave-1 (dev), rendered by meg 0.1.0.
#   terraform plan -var-file=wave.tfvars
# The replication infrastructure's IDs and names are Azure Migrate's: README.md ("Replication waves")
# gives the command that reads each one.
vault_id                  = ""
fabric_name               = ""
protection_container_name = ""
replication_policy_name   = ""
run_as_account_id         = ""
log_storage_account_id    = ""

disk_encryption_set_resource_group_name = "rg-migration-dev-weu-001"
disk_encryption_set_name                = "des-servers-dev-weu-001"

tags = {
  costCenter  = "CC-4410"
  environment = "dev"
  landingZone = "northwind"
  owner       = "migration-team"
}

# Backup and patching reach each VM through these tags once it is cut over (README.md, "Enrolment").
enrolment_tags = {
  backupVault = "rsv-backup-dev-weu-001"
  patchWindow = "mc-servers-dev-weu-001"
}

servers = {
  "nw-devapp01" = {
    resource_group_name  = "rg-orders-dev-weu-001"
    virtual_network_name = "vnet-orders-dev-weu-001"
    subnet_name          = "snet-app"
    size                 = "Standard_D2s_v5"
    zone                 = ""
    license_type         = "NoLicenseType"
    disk_types           = ["StandardSSD_LRS", "StandardSSD_LRS"]
  }
  "nw-devsql01" = {
    resource_group_name  = "rg-orders-dev-weu-001"
    virtual_network_name = "vnet-orders-dev-weu-001"
    subnet_name          = "snet-db"
    size                 = "Standard_E4s_v5"
    zone                 = ""
    license_type         = "WindowsServer"
    disk_types           = ["StandardSSD_LRS", "StandardSSD_LRS"]
  }
}

# Each server's machine in Azure Migrate and its disks' UUIDs, the OS disk first (README.md,
# "Replication waves", lists them all in one command). A machine ID the inventory held is filled in.
source_machines = {
  # "NW-DEVAPP01.northwind.local"
  "nw-devapp01" = {
    machine_id = ""
    disk_ids   = []
  }
  # "nw-devsql01", VMware UUID "4211aa01-0000-4000-8000-000000000002"
  "nw-devsql01" = {
    machine_id = ""
    disk_ids   = []
  }
}
