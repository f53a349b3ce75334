# Firewall: spokes, on-premises and the internet reach each other only through it (Security).
module "firewall" {
  source = "./modules/firewall"
  count  = var.firewall.enabled ? 1 : 0

  name                      = var.names.firewall
  policy_name               = var.names.firewall_policy
  public_ip_name            = var.names.firewall_public_ip
  management_public_ip_name = var.names.firewall_management_public_ip
  resource_group_name       = azurerm_resource_group.connectivity.name
  location                  = var.location
  tags                      = var.tags
  sku_tier                  = var.firewall.tier
  zones                     = var.firewall.zone_redundant ? ["1", "2", "3"] : []
  threat_intel_mode         = var.firewall.threat_intel_mode
  subnet_id                 = module.hub_network.subnet_ids["AzureFirewallSubnet"]
  management_subnet_id      = lookup(module.hub_network.subnet_ids, "AzureFirewallManagementSubnet", null)
  spoke_address_prefixes    = flatten([for spoke in var.spokes : spoke.address_prefixes])
  snat_private_ranges       = var.firewall.snat_private_ranges
  # Resource-specific tables (AZFWNetworkRule, AZFWApplicationRule, ...) instead of
  # AzureDiagnostics: typed columns, faster queries, the firewall workbook (Operational Excellence).
  lock                = var.lock
  diagnostic_settings = { for key, setting in local.diagnostic_settings : key => merge(setting, { log_analytics_destination_type = "Dedicated" }) }
}
