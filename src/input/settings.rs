//! Typed settings of one environment, after layering and schema defaults.
//!
//! The schema has already checked shapes and enums; these types make the values usable
//! (a [`Cidr`] that parsed, an [`Ipv4Addr`]), and the model checks what a schema cannot.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use serde::Deserialize;

use crate::cidr::Cidr;
use crate::input::closed_sets::{
    BastionSku, ExpressRouteGatewaySku, FirewallTier, KeyVaultSku, LockKind, ThreatIntelMode,
    VpnGatewaySku,
};

/// Everything one environment can set. Field names follow the input's camelCase keys.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    #[serde(default)]
    pub tier: Option<String>,
    /// The subscription this environment deploys into (`subscriptionId`, a GUID the schema
    /// checked), when the input names one.
    #[serde(default)]
    pub subscription_id: Option<String>,
    /// Where governance places that subscription (`managementGroup`); `None` when unset.
    #[serde(default)]
    pub management_group: Option<crate::input::closed_sets::LandingZoneGroup>,
    /// Tag values are text, as the user wrote them (the schema says so).
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    pub monitoring: Monitoring,
    /// The management lock on the environment's platform resources (`lock`).
    pub lock: LockKind,
    pub key_vault: KeyVault,
    pub network: Network,
    pub firewall: Firewall,
    pub bastion: Bastion,
    pub vpn_gateway: VpnGateway,
    pub express_route: ExpressRoute,
    pub on_premises: OnPremises,
    pub dns_resolver: Toggle,
    pub ddos_protection: Toggle,
    pub arc: Arc,
    #[serde(default)]
    pub migration: crate::input::migration::Migration,
    #[serde(default)]
    pub paas: crate::input::paas::Paas,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Monitoring {
    pub retention_days: u32,
    pub daily_quota_gb: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyVault {
    pub sku: KeyVaultSku,
    pub purge_protection: bool,
    pub soft_delete_retention_days: u32,
    pub private_endpoint: bool,
    /// Object IDs given Key Vault Administrator on the platform vault.
    #[serde(default)]
    pub administrators: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Network {
    #[serde(default)]
    pub hub: Hub,
    #[serde(default)]
    pub spoke_address_pool: Option<Cidr>,
    pub spokes: Vec<Spoke>,
    pub private_dns_zones: Vec<String>,
    pub dns_servers: Vec<Ipv4Addr>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Hub {
    pub address_space: Option<Cidr>,
    #[serde(default)]
    pub subnets: HubSubnets,
    #[serde(default)]
    pub existing: Option<ExistingHub>,
    /// The platform hub (`hubs:`) the environment attaches to; `existing` then holds its facts.
    #[serde(default)]
    pub platform: Option<String>,
}

/// A hub the platform team already runs (brownfield): referenced, never created.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExistingHub {
    pub virtual_network_id: String,
    #[serde(default)]
    pub address_space: Option<Cidr>,
    #[serde(default)]
    pub firewall_private_ip: Option<Ipv4Addr>,
    #[serde(default)]
    pub bastion_address_prefix: Option<Cidr>,
    #[serde(default)]
    pub use_remote_gateways: bool,
    #[serde(default)]
    pub private_dns_zone_ids: BTreeMap<String, String>,
    #[serde(default)]
    pub private_endpoint_spoke: Option<String>,
}

impl ExistingHub {
    /// The segment after `key` in the virtual network's resource ID (`resourceGroups` ->
    /// its name); the schema's pattern guarantees the shape.
    pub fn id_part(&self, key: &str) -> &str {
        let mut parts = self.virtual_network_id.split('/');
        parts
            .by_ref()
            .find(|p| p.eq_ignore_ascii_case(key))
            .and_then(|_| parts.next())
            .unwrap_or_default()
    }
}

/// Hub subnet prefixes the user fixed; the rest are carved by the model.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HubSubnets {
    pub gateway: Option<Cidr>,
    pub firewall: Option<Cidr>,
    pub firewall_management: Option<Cidr>,
    pub bastion: Option<Cidr>,
    pub dns_resolver_inbound: Option<Cidr>,
    pub dns_resolver_outbound: Option<Cidr>,
    pub management: Option<Cidr>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Spoke {
    pub name: String,
    /// Given, or allocated from the spoke pool before the settings are typed.
    pub address_space: Cidr,
    pub subnets: Option<Vec<SpokeSubnet>>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub cost_center: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpokeSubnet {
    pub name: String,
    pub address_prefix: Cidr,
    /// Service delegation, decided by meg from the subnet's role (never read from the input).
    #[serde(skip)]
    pub delegation: Option<&'static str>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Firewall {
    pub enabled: bool,
    pub tier: FirewallTier,
    pub zone_redundant: bool,
    pub threat_intel_mode: ThreatIntelMode,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bastion {
    pub enabled: bool,
    pub sku: BastionSku,
    pub scale_units: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VpnGateway {
    pub enabled: bool,
    pub sku: VpnGatewaySku,
    pub active_active: bool,
    pub asn: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpressRoute {
    pub enabled: bool,
    pub sku: ExpressRouteGatewaySku,
    pub circuit_id: Option<String>,
    #[serde(default)]
    pub circuit_in_another_subscription: bool,
}

impl ExpressRoute {
    /// Whether the connection redeems an authorization key: a circuit of another subscription
    /// accepts a connection only with one (ExpressRoute "connect a virtual network to a circuit
    /// in a different subscription").
    pub fn needs_authorization_key(&self) -> bool {
        self.enabled && self.circuit_id.is_some() && self.circuit_in_another_subscription
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OnPremises {
    pub sites: Vec<Site>,
    pub dns_servers: Vec<Ipv4Addr>,
    pub domains: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Site {
    pub name: String,
    pub gateway_address: Ipv4Addr,
    pub address_spaces: Vec<Cidr>,
    pub bgp_peering_address: Option<Ipv4Addr>,
    pub asn: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Toggle {
    pub enabled: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Arc {
    pub private_link_scope: bool,
}
