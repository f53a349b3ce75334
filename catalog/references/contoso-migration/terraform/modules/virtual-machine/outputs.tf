output "resource_id" {
  description = "Resource ID of the virtual machine."
  value       = local.vm_id
}

output "name" {
  description = "Name of the virtual machine."
  value       = var.vm.name
}

output "network_interface_id" {
  description = "Resource ID of its network interface."
  value       = azurerm_network_interface.this.id
}

output "disk_ids" {
  description = "Resource IDs of its managed disks: the OS disk (created with the VM, under the name given) first, then each data disk, once attached."
  value       = [for name in var.vm.disk_names : "${split("/providers/", local.vm_id)[0]}/providers/Microsoft.Compute/disks/${name}"]

  depends_on = [azurerm_virtual_machine_data_disk_attachment.data]
}
