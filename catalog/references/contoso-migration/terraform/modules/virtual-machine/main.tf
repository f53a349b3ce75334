# One server in its spoke: a private address only, every disk encrypted with the rehost's
# customer-managed key, the Azure Monitor agent sending to the workspace, and patches from
# Update Manager in the environment's window.
locals {
  windows        = var.vm.os == "windows"
  admin_username = "azureadmin"
  vm_id          = local.windows ? azurerm_windows_virtual_machine.this[0].id : azurerm_linux_virtual_machine.this[0].id
}

resource "azurerm_network_interface" "this" {
  name                = var.vm.network_interface_name
  resource_group_name = var.vm.resource_group_name
  location            = var.location
  # Lower latency and CPU use for the same size (Performance Efficiency).
  accelerated_networking_enabled = true
  tags                           = var.tags

  ip_configuration {
    name = "ipconfig1"
    # A private address only: administrators come through Bastion (Security).
    subnet_id                     = var.vm.subnet_id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_windows_virtual_machine" "this" {
  #checkov:skip=CKV_AZURE_151:Every disk is encrypted at rest with the customer-managed key of the disk encryption set; encryption at host also needs the EncryptionAtHost feature registered on the subscription first.
  #checkov:skip=CKV_AZURE_50:The only extension is the Azure Monitor agent, which the data collection rule needs.
  count = local.windows ? 1 : 0

  name                  = var.vm.name
  computer_name         = var.vm.name
  resource_group_name   = var.vm.resource_group_name
  location              = var.location
  size                  = var.vm.size
  zone                  = var.vm.zone
  admin_username        = local.admin_username
  admin_password        = var.admin_password
  network_interface_ids = [azurerm_network_interface.this.id]
  provision_vm_agent    = true
  # AutomaticByPlatform with the safety checks bypassed: Update Manager's schedule alone
  # decides when the server patches (Operational Excellence).
  automatic_updates_enabled                              = true
  patch_mode                                             = "AutomaticByPlatform"
  patch_assessment_mode                                  = "AutomaticByPlatform"
  bypass_platform_safety_checks_on_user_schedule_enabled = true
  tags                                                   = var.tags

  # The Azure Monitor agent authenticates with the VM's own identity.
  identity {
    type = "SystemAssigned"
  }

  os_disk {
    name                   = var.vm.os_disk_name
    caching                = "ReadWrite"
    storage_account_type   = var.vm.os_disk_storage
    disk_size_gb           = var.vm.os_disk_size_gb
    disk_encryption_set_id = var.disk_encryption_set_id
  }

  source_image_reference {
    publisher = var.vm.image.publisher
    offer     = var.vm.image.offer
    sku       = var.vm.image.sku
    version   = var.vm.image.version
  }

  # Boot diagnostics in managed storage: a screenshot and serial log with no account to run.
  boot_diagnostics {}
}

resource "azurerm_linux_virtual_machine" "this" {
  #checkov:skip=CKV_AZURE_151:Every disk is encrypted at rest with the customer-managed key of the disk encryption set; encryption at host also needs the EncryptionAtHost feature registered on the subscription first.
  #checkov:skip=CKV_AZURE_50:The only extension is the Azure Monitor agent, which the data collection rule needs.
  count = local.windows ? 0 : 1

  name                  = var.vm.name
  computer_name         = var.vm.name
  resource_group_name   = var.vm.resource_group_name
  location              = var.location
  size                  = var.vm.size
  zone                  = var.vm.zone
  admin_username        = local.admin_username
  network_interface_ids = [azurerm_network_interface.this.id]
  provision_vm_agent    = true
  # Keys only: no password to guess (Security).
  disable_password_authentication                        = true
  patch_mode                                             = "AutomaticByPlatform"
  patch_assessment_mode                                  = "AutomaticByPlatform"
  bypass_platform_safety_checks_on_user_schedule_enabled = true
  tags                                                   = var.tags

  admin_ssh_key {
    username   = local.admin_username
    public_key = var.admin_ssh_public_key
  }

  identity {
    type = "SystemAssigned"
  }

  os_disk {
    name                   = var.vm.os_disk_name
    caching                = "ReadWrite"
    storage_account_type   = var.vm.os_disk_storage
    disk_size_gb           = var.vm.os_disk_size_gb
    disk_encryption_set_id = var.disk_encryption_set_id
  }

  source_image_reference {
    publisher = var.vm.image.publisher
    offer     = var.vm.image.offer
    sku       = var.vm.image.sku
    version   = var.vm.image.version
  }

  boot_diagnostics {}
}

resource "azurerm_managed_disk" "data" {
  for_each = { for disk in var.vm.data_disks : tostring(disk.lun) => disk }

  name                   = each.value.name
  resource_group_name    = var.vm.resource_group_name
  location               = var.location
  zone                   = var.vm.zone
  storage_account_type   = each.value.storage
  create_option          = "Empty"
  disk_size_gb           = each.value.size_gb
  disk_encryption_set_id = var.disk_encryption_set_id
  # No disk export or import over the internet (Security).
  network_access_policy         = "DenyAll"
  public_network_access_enabled = false
  tags                          = var.tags
}

resource "azurerm_virtual_machine_data_disk_attachment" "data" {
  for_each = azurerm_managed_disk.data

  managed_disk_id    = each.value.id
  virtual_machine_id = local.vm_id
  lun                = tonumber(each.key)
  caching            = "ReadOnly"
}

resource "azurerm_virtual_machine_extension" "monitor_agent" {
  name                       = local.windows ? "AzureMonitorWindowsAgent" : "AzureMonitorLinuxAgent"
  virtual_machine_id         = local.vm_id
  publisher                  = "Microsoft.Azure.Monitor"
  type                       = local.windows ? "AzureMonitorWindowsAgent" : "AzureMonitorLinuxAgent"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
  tags                       = var.tags
}

resource "azurerm_monitor_data_collection_rule_association" "this" {
  name                    = "dcra-servers"
  target_resource_id      = local.vm_id
  data_collection_rule_id = var.data_collection_rule_id

  depends_on = [azurerm_virtual_machine_extension.monitor_agent]
}

resource "azurerm_maintenance_assignment_virtual_machine" "this" {
  location                     = var.location
  maintenance_configuration_id = var.maintenance_configuration_id
  virtual_machine_id           = local.vm_id
}

resource "azurerm_backup_protected_vm" "this" {
  resource_group_name = var.backup.resource_group_name
  recovery_vault_name = var.backup.vault_name
  source_vm_id        = local.vm_id
  backup_policy_id    = var.backup.policy_id
}
