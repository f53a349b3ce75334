output "id" {
  description = "Resource ID of the virtual machine."
  value       = local.vm_id
}
