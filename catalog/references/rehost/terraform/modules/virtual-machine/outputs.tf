output "resource_id" {
  description = "Resource ID of the virtual machine."
  value       = local.vm_id
}

output "name" {
  description = "Name of the virtual machine."
  value       = var.vm.name
}
