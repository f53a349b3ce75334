locals {
  # Spokes by name, so adding one never re-creates the others.
  spokes = { for spoke in var.spokes : spoke.name => spoke }
}
