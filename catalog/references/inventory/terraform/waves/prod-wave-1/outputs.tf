output "migration_item_ids" {
  description = "Resource IDs of the migration items, by VM name."
  value       = { for name, item in azapi_resource.migration_item : name => item.id }
}

output "servers_without_source" {
  description = "Servers not replicated yet: source_machines has no machine_id or disk_ids for them."
  value       = local.servers_without_source
}

output "missing_inputs" {
  description = "Azure Migrate's replication infrastructure not filled in yet: nothing replicates until it is."
  value       = local.missing_inputs
}
