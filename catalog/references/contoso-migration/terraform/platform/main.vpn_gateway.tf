# Site-to-site VPN: on-premises stays reachable while workloads move (hybrid).
module "vpn_gateway" {
  source = "./modules/vpn-gateway"
  count  = var.vpn_gateway.enabled ? 1 : 0

  name                  = var.names.vpn_gateway
  public_ip_name        = var.names.vpn_gateway_public_ip
  second_public_ip_name = var.names.vpn_gateway_second_public_ip
  resource_group_name   = azurerm_resource_group.connectivity.name
  location              = var.location
  tags                  = var.tags
  sku                   = var.vpn_gateway.sku
  active_active         = var.vpn_gateway.active_active
  asn                   = var.vpn_gateway.asn
  zones                 = var.vpn_gateway.zones
  gateway_subnet_id     = module.hub_network.gateway_subnet_id
  sites                 = var.on_premises_sites
  # Each connection's own key (model::secrets names them).
  shared_keys = {
    "amsterdam-dc" = var.vpn_shared_key_amsterdam_dc
  }
  lock                = var.lock
  diagnostic_settings = local.diagnostic_settings
}
