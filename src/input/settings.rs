//! Typed settings of one environment, after layering and schema defaults.
//!
//! The schema has already checked shapes and enums; these types make the values usable
//! (a [`Cidr`] that parsed, an [`Ipv4Addr`]), and the model checks what a schema cannot.
//!
//! The component types (`Monitoring` to `Arc`) are also where the schema's definitions of those
//! components come from: their doc comments are the descriptions, their `schemars` attributes
//! the limits, their `Default` the base defaults (`input::schema_source` generates them, and
//! templates/README.md says how to add a parameter). Where a template parameter is one of these
//! types as it is (`bastion`, `vpnGateway`, `ddosProtection`), a field added here reaches the
//! templates too.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::cidr::Cidr;
use crate::input::closed_sets::{
    BastionSku, ExpressRouteGatewaySku, FirewallTier, KeyVaultSku, LockKind, ThreatIntelMode,
    VpnGatewaySku,
};
use crate::input::schema_kinds::{CidrText, DnsName, Guid, Ipv4, NamedDef};

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
    pub dns_resolver: DnsResolver,
    pub ddos_protection: DdosProtection,
    pub arc: Arc,
    #[serde(default)]
    pub migration: crate::input::migration::Migration,
    #[serde(default)]
    pub paas: crate::input::paas::Paas,
}

/// The Log Analytics workspace every resource sends its diagnostics to.
// Serialized, it is the `logAnalytics` template parameter: a field added here reaches the
// templates as it is, under ARM's name where a `rename(serialize)` gives one.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct Monitoring {
    /// Days the workspace keeps logs (Operational Excellence: keep prod long enough for
    /// incident review).
    #[schemars(range(min = 30, max = 730))]
    #[serde(rename(serialize = "retentionInDays"))]
    pub retention_days: u32,
    /// Daily ingestion cap in GB; -1 for none (Cost Optimization: cap dev workspaces).
    #[schemars(range(min = -1))]
    pub daily_quota_gb: i64,
}

impl Default for Monitoring {
    fn default() -> Self {
        Monitoring {
            retention_days: 30,
            daily_quota_gb: -1,
        }
    }
}

/// The platform Key Vault for secrets, keys and certificates.
// Serialized, it is the `keyVault` template parameter, with ARM's names where the user's differ
// (`enablePurgeProtection`, `softDeleteRetentionInDays`: Microsoft.KeyVault/vaults properties).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct KeyVault {
    /// Key Vault SKU; premium adds HSM-backed keys.
    pub sku: KeyVaultSku,
    /// Forbid purging deleted secrets before the retention ends (Reliability, Security: on in
    /// prod; it cannot be turned off again).
    #[serde(rename(serialize = "enablePurgeProtection"))]
    pub purge_protection: bool,
    /// Days a deleted vault or secret can be recovered.
    #[schemars(range(min = 7, max = 90))]
    #[serde(rename(serialize = "softDeleteRetentionInDays"))]
    pub soft_delete_retention_days: u32,
    /// Reach the vault through a private endpoint in the hub and turn its public network access
    /// off (Security).
    pub private_endpoint: bool,
    /// Entra object IDs (users, groups or service principals) given Key Vault Administrator on
    /// the platform Key Vault: the vault uses Azure RBAC, so nobody else can read or write its
    /// secrets, keys and certificates, not even whoever deployed it (Security).
    #[schemars(with = "Vec<Guid>", extend("uniqueItems" = true))]
    pub administrators: Vec<String>,
}

impl Default for KeyVault {
    fn default() -> Self {
        KeyVault {
            sku: KeyVaultSku::Standard,
            purge_protection: true,
            soft_delete_retention_days: 90,
            private_endpoint: true,
            administrators: Vec::new(),
        }
    }
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

/// Azure Firewall in the hub; spoke traffic is routed through it.
// Serialized, it is the `firewall` template parameter's settings (`model::params::firewall` adds
// the private address the hub layout decides).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct Firewall {
    /// Deploy Azure Firewall and route spoke traffic through it (Security).
    pub enabled: bool,
    /// Firewall SKU tier (Premium adds TLS inspection and IDPS).
    pub tier: FirewallTier,
    /// Spread the firewall and its public IP over availability zones 1-3 (Reliability).
    pub zone_redundant: bool,
    /// What threat intelligence does with known-malicious traffic.
    pub threat_intel_mode: ThreatIntelMode,
    /// Registered (public) address ranges your own networks use privately, as older enterprise
    /// networks often do: traffic that network rules let through to them keeps its source
    /// address instead of taking the firewall's (SNAT), as traffic to the IANA private ranges
    /// (RFC 1918, RFC 6598) always does, so on-premises firewalls and logs see the real
    /// servers (Operational Excellence). Empty keeps Azure's default; 0.0.0.0/0 turns SNAT off
    /// for network rules, which suits forced tunnelling only. Application rules always SNAT.
    #[schemars(with = "Vec<CidrText>", extend("uniqueItems" = true))]
    pub snat_private_ranges: Vec<Cidr>,
}

impl Default for Firewall {
    fn default() -> Self {
        Firewall {
            enabled: true,
            tier: FirewallTier::Standard,
            zone_redundant: false,
            threat_intel_mode: ThreatIntelMode::Alert,
            snat_private_ranges: Vec::new(),
        }
    }
}

/// Azure Bastion for browser-based RDP/SSH without public IPs on VMs.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct Bastion {
    /// Deploy Azure Bastion in the hub (Security).
    pub enabled: bool,
    /// Bastion SKU.
    pub sku: BastionSku,
    /// Bastion instances (host scaling), each taking about 20 concurrent RDP or 40 SSH sessions:
    /// raise it for a migration wave where many engineers connect at once. Standard and Premium
    /// only; Basic always runs 2 (Performance Efficiency).
    #[schemars(range(min = 2, max = 50))]
    pub scale_units: u8,
    /// Upload and download files through the native client (az network bastion rdp, or
    /// tunnel and scp), to carry installers and logs to and from migrated servers that have no
    /// other way in (Operational Excellence). Off by default: it lets files leave a server
    /// (Security). Standard and Premium only; Basic has no file transfer, so it stays off there.
    pub file_copy: bool,
}

impl Default for Bastion {
    fn default() -> Self {
        Bastion {
            enabled: true,
            sku: BastionSku::Basic,
            scale_units: 2,
            file_copy: false,
        }
    }
}

/// Site-to-site VPN gateway to the on-premises sites.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct VpnGateway {
    /// Deploy a VPN gateway and connect it to every on-premises site.
    pub enabled: bool,
    /// Zone-redundant VPN gateway SKU.
    pub sku: VpnGatewaySku,
    /// Two active instances, for throughput and faster failover (Reliability).
    pub active_active: bool,
    /// BGP autonomous system number of the Azure side.
    #[schemars(range(min = 1, max = 4294967295_u32))]
    pub asn: u32,
}

impl Default for VpnGateway {
    fn default() -> Self {
        VpnGateway {
            enabled: false,
            sku: VpnGatewaySku::VpnGw1Az,
            active_active: false,
            // Azure's default ASN for its gateways.
            asn: 65515,
        }
    }
}

/// ExpressRoute gateway and its connection to an existing circuit.
// Serialized, it is the `expressRoute` template parameter.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct ExpressRoute {
    /// Deploy an ExpressRoute gateway.
    pub enabled: bool,
    /// Zone-redundant ExpressRoute gateway SKU.
    pub sku: ExpressRouteGatewaySku,
    /// Resource ID of the provisioned ExpressRoute circuit; without it the gateway is deployed
    /// unconnected.
    #[schemars(
        regex(
            pattern = r"^/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/resourceGroups/[-A-Za-z0-9_.()]{0,89}[-A-Za-z0-9_()]/providers/Microsoft\.Network/expressRouteCircuits/[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$"
        ),
        extend(
            "x-rule" = "the resource ID of an ExpressRoute circuit: /subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.Network/expressRouteCircuits/<name>",
            "$comment" = "Resource IDs: subscription GUID; resource group names 1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period (Azure naming rules, Microsoft.Resources/resourceGroups)."
        )
    )]
    pub circuit_id: Option<String>,
    /// The circuit belongs to another subscription (usually the connectivity team's): the
    /// connection redeems an authorization key its owner created, read from
    /// EXPRESS_ROUTE_AUTHORIZATION_KEY (TF_VAR_express_route_authorization_key) at deploy time,
    /// never from a file.
    pub circuit_in_another_subscription: bool,
}

impl Default for ExpressRoute {
    fn default() -> Self {
        ExpressRoute {
            enabled: false,
            sku: ExpressRouteGatewaySku::ErGw1Az,
            circuit_id: None,
            circuit_in_another_subscription: false,
        }
    }
}

impl ExpressRoute {
    /// Whether the connection redeems an authorization key: a circuit of another subscription
    /// accepts a connection only with one (ExpressRoute "connect a virtual network to a circuit
    /// in a different subscription").
    pub fn needs_authorization_key(&self) -> bool {
        self.enabled && self.circuit_id.is_some() && self.circuit_in_another_subscription
    }
}

/// The on-premises side of a hybrid landing zone.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct OnPremises {
    /// On-premises sites reached over site-to-site VPN.
    pub sites: Vec<Site>,
    /// On-premises DNS servers that answer for the on-premises domains.
    #[schemars(with = "Vec<Ipv4>")]
    pub dns_servers: Vec<Ipv4Addr>,
    /// On-premises DNS domains forwarded from Azure to the on-premises DNS servers.
    #[schemars(with = "Vec<DnsName>")]
    pub domains: Vec<String>,
}

/// An on-premises site.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct Site {
    /// Short site name used in resource names.
    #[schemars(
        regex(pattern = r"^[a-z][a-z0-9-]{0,18}[a-z0-9]$"),
        extend(
            "x-rule" = "starts with a lower-case letter, then lower-case letters, digits or hyphens; 2 to 20 characters; does not end with a hyphen"
        )
    )]
    pub name: String,
    /// Public IP address of the site's VPN device.
    #[schemars(with = "Ipv4")]
    pub gateway_address: Ipv4Addr,
    /// Address spaces of the site, routed over the tunnel.
    #[schemars(with = "Vec<CidrText>", length(min = 1))]
    pub address_spaces: Vec<Cidr>,
    /// BGP peering address of the site's VPN device, when the tunnel runs BGP.
    #[schemars(with = "Option<Ipv4>")]
    pub bgp_peering_address: Option<Ipv4Addr>,
    /// BGP AS number of the site.
    #[schemars(range(min = 1, max = 4294967295_u32))]
    pub asn: Option<u32>,
}

/// DNS Private Resolver: on-premises resolves Azure private zones, Azure resolves on-premises
/// domains.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct DnsResolver {
    /// Deploy a DNS Private Resolver with inbound and outbound endpoints in the hub.
    pub enabled: bool,
}

/// Azure DDoS Network Protection plan for the virtual networks.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct DdosProtection {
    /// Create a DDoS protection plan and attach it to the hub and spokes (it has a significant
    /// monthly cost).
    pub enabled: bool,
}

/// Azure Arc for servers that stay on premises.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct Arc {
    /// Create an Azure Arc private link scope so Arc agents connect privately over the VPN or
    /// ExpressRoute.
    pub private_link_scope: bool,
}

/// The settings types with their own definition in the schema, by the input's key.
macro_rules! named_defs {
    ($($ty:ty => $name:literal),* $(,)?) => {
        $(impl NamedDef for $ty {
            const NAME: &'static str = $name;
        })*
    };
}

named_defs! {
    Monitoring => "monitoring",
    KeyVault => "keyVault",
    Firewall => "firewall",
    Bastion => "bastion",
    VpnGateway => "vpnGateway",
    ExpressRoute => "expressRoute",
    OnPremises => "onPremises",
    DnsResolver => "dnsResolver",
    DdosProtection => "ddosProtection",
    Arc => "arc",
    Network => "network",
    crate::input::migration::Migration => "migration",
    crate::input::paas::Paas => "paas",
    crate::input::hubs::PlatformHub => "platformHub",
}
