//! Typed settings of one environment, after layering and schema defaults.
//!
//! The schema has already checked shapes and enums; these types make the values usable
//! (a [`Cidr`] that parsed, an [`Ipv4Addr`]), and the model checks what a schema cannot.
//!
//! The component types (`Monitoring` to `Arc`, and `Network`) are also where the schema's
//! definitions of those components come from: their doc comments are the descriptions, their
//! `schemars` attributes the limits, their `Default` (or `schemars(default)`) the base defaults
//! (`input::schema_source` generates them, and templates/README.md says how to add a
//! parameter). Where a template parameter is one of these
//! types as it is (`bastion`, `vpnGateway`, `ddosProtection`), a field added here reaches the
//! templates too.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::cidr::Cidr;
use crate::input::closed_sets::{
    BastionSku, ExpressRouteGatewaySku, FirewallTier, KeyVaultSku, LandingZoneGroup, LockKind,
    ThreatIntelMode, VpnGatewaySku,
};
use crate::input::migration::Migration;
use crate::input::paas::Paas;
use crate::input::schema_kinds::{
    CidrText, DefRef, DnsName, DnsZoneName, Guid, Ipv4, NamedDef, SpokeName, SubnetName,
};
use crate::input::shared_defs::{SubscriptionId, Tags};

/// Values for one environment; they merge over the landing zone's shared values.
// Everything one environment can set, read from its layered values (the landing zone's, the
// presets', the environment's own); field names follow the input's camelCase keys. The schema's
// `environment` definition comes from here: it checks one layer, so no key is required there,
// and each component is a reference to its own definition.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields, transform = every_key_optional)]
pub struct Settings {
    /// Preset whose defaults this environment starts from (SKUs, redundancy, retention).
    /// Default: the environment's name when it is dev, test or prod, else dev.
    // One preset file per tier in catalog/presets/ (`model::TIERS` lists them, lowest first).
    #[serde(default)]
    pub tier: Option<crate::input::closed_sets::Tier>,
    // The subscription this environment deploys into (`subscriptionId`, a GUID the schema
    // checked), when the input names one.
    #[serde(default)]
    #[schemars(with = "DefRef<SubscriptionId>")]
    pub subscription_id: Option<String>,
    // Where governance places that subscription (`managementGroup`); `None` when unset.
    #[serde(default)]
    #[schemars(with = "DefRef<LandingZoneGroup>")]
    pub management_group: Option<LandingZoneGroup>,
    // Tag values are text, as the user wrote them (the schema says so).
    #[serde(default)]
    #[schemars(with = "DefRef<Tags>")]
    pub tags: BTreeMap<String, String>,
    #[schemars(with = "DefRef<Monitoring>")]
    pub monitoring: Monitoring,
    // The management lock on the environment's platform resources (`lock`).
    #[schemars(with = "DefRef<LockKind>")]
    pub lock: LockKind,
    #[schemars(with = "DefRef<KeyVault>")]
    pub key_vault: KeyVault,
    #[schemars(with = "DefRef<Network>")]
    pub network: Network,
    #[schemars(with = "DefRef<Firewall>")]
    pub firewall: Firewall,
    #[schemars(with = "DefRef<Bastion>")]
    pub bastion: Bastion,
    #[schemars(with = "DefRef<VpnGateway>")]
    pub vpn_gateway: VpnGateway,
    #[schemars(with = "DefRef<ExpressRoute>")]
    pub express_route: ExpressRoute,
    #[schemars(with = "DefRef<OnPremises>")]
    pub on_premises: OnPremises,
    #[schemars(with = "DefRef<DnsResolver>")]
    pub dns_resolver: DnsResolver,
    #[schemars(with = "DefRef<DdosProtection>")]
    pub ddos_protection: DdosProtection,
    #[schemars(with = "DefRef<Arc>")]
    pub arc: Arc,
    #[serde(default)]
    #[schemars(with = "DefRef<Migration>")]
    pub migration: Migration,
    #[serde(default)]
    #[schemars(with = "DefRef<Paas>")]
    pub paas: Paas,
}

/// The schema of an environment (or any one layer of values) requires no key: what a layer
/// leaves out, another layer or a preset gives.
fn every_key_optional(schema: &mut schemars::Schema) {
    schema.remove("required");
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

/// Address spaces of the hub and the spokes.
// `spokes`, `privateDnsZones` and `dnsServers` have their defaults in the schema only
// (`schemars(default)`): the schema fills them in before this type reads them.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct Network {
    // The field's description is the hub type's.
    #[serde(default)]
    pub hub: Hub,
    /// Spoke virtual networks peered to the hub, for workloads.
    #[schemars(default = "Vec::<Spoke>::new")]
    pub spokes: Vec<Spoke>,
    /// Private DNS zones created in the connectivity resource group and linked to the hub.
    #[schemars(with = "Vec<DnsZoneName>", default = "default_private_dns_zones")]
    pub private_dns_zones: Vec<String>,
    /// Custom DNS servers for the virtual networks. Empty: the hub keeps Azure DNS, and the
    /// spokes use the DNS resolver's inbound endpoint, else the firewall's DNS proxy (Standard
    /// and Premium), else Azure DNS.
    #[schemars(with = "Vec<Ipv4>", default = "Vec::<Ipv4Addr>::new")]
    pub dns_servers: Vec<Ipv4Addr>,
    /// Address pool for spokes without an addressSpace: each gets the next free block of
    /// spokePrefixLength, in list order (add new applications at the end to keep earlier spokes
    /// where they are).
    #[serde(default)]
    #[schemars(with = "Option<CidrText>")]
    pub spoke_address_pool: Option<Cidr>,
    /// Size of the block a spoke gets from spokeAddressPool.
    // Spokes are given their blocks before the settings are typed
    // (`model::network::allocate_spokes`), with this default.
    #[serde(default = "default_spoke_prefix_length")]
    #[schemars(range(min = 16, max = 28))]
    pub spoke_prefix_length: u8,
}

/// The size of the block a spoke without an address space takes from the pool, when the input
/// does not say.
pub const DEFAULT_SPOKE_PREFIX_LENGTH: u8 = 24;

fn default_spoke_prefix_length() -> u8 {
    DEFAULT_SPOKE_PREFIX_LENGTH
}

/// The private DNS zones a hub has when the input names none: Key Vault's and Blob storage's,
/// which the platform's own private endpoints register in.
fn default_private_dns_zones() -> Vec<String> {
    vec![
        "privatelink.vaultcore.azure.net".into(),
        "privatelink.blob.core.windows.net".into(),
    ]
}

/// The hub virtual network that holds the shared connectivity services: created by meg
/// (addressSpace), an existing one (existing), or a platform hub of this landing zone
/// (platform).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct Hub {
    /// The hub's address space; a /22 leaves room for every platform subnet.
    #[schemars(with = "Option<CidrText>")]
    pub address_space: Option<Cidr>,
    // The field's description is the subnets type's.
    #[serde(default)]
    pub subnets: HubSubnets,
    // The field's description is the existing hub type's.
    #[serde(default)]
    pub existing: Option<ExistingHub>,
    /// Attach to a platform hub declared under hubs (by its name): the environment then creates
    /// only its spokes and workloads, peered to that hub exactly as with existing, with the hub's
    /// virtual network ID, firewall IP, Bastion subnet, private DNS zones and DNS resolver
    /// derived from its declaration. The platform root gives the hub's firewall policy a rule
    /// collection group for this environment's workloads (rcg-<env>-workloads, from its ranges
    /// only), and the spokes' NSGs let in the on-premises sites the hub reaches. Not with
    /// addressSpace, existing or onPremises.sites of the environment's own; environments on
    /// platform hubs may sit beside environments on an existing hub, but not beside one that
    /// builds its own hub: declare that hub under hubs instead. The environment's identity needs
    /// Network Contributor on the hub's resource group for the hub side of the peering.
    // `model::platform::attach` then fills `existing` with the hub's facts.
    #[serde(default)]
    pub platform: Option<String>,
}

/// Use a hub the platform team already runs instead of creating one (brownfield): the render
/// then creates no hub, firewall, gateways, Bastion, DNS resolver or private DNS zones, only the
/// spokes and workloads, peered to this hub and routed through its firewall.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct ExistingHub {
    /// Resource ID of the hub virtual network; it may sit in another subscription (the
    /// connectivity subscription). The deploying identity needs Network Contributor on the hub's
    /// resource group (the hub side of each peering is a deployment there) and join rights on
    /// the hub's private DNS zones.
    #[schemars(
        regex(
            pattern = r"^/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/resourceGroups/[-A-Za-z0-9_.()]{0,89}[-A-Za-z0-9_()]/providers/Microsoft\.Network/virtualNetworks/[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$"
        ),
        extend(
            "x-rule" = "the resource ID of a virtual network: /subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<name>",
            "$comment" = "Resource IDs: subscription GUID; resource group names 1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period (Azure naming rules, Microsoft.Resources/resourceGroups). Virtual network names: letters, digits, underscores, periods, hyphens."
        )
    )]
    pub virtual_network_id: String,
    /// The hub's address space, so meg can check that no spoke overlaps it.
    #[serde(default)]
    #[schemars(with = "Option<CidrText>")]
    pub address_space: Option<Cidr>,
    /// Private IP of the hub's firewall or network virtual appliance: the spokes' route tables
    /// send all traffic to it. Without it the spokes get no route table.
    #[serde(default)]
    #[schemars(with = "Option<Ipv4>")]
    pub firewall_private_ip: Option<Ipv4Addr>,
    /// The hub's AzureBastionSubnet prefix, if it has Bastion: the spokes' NSGs let it reach RDP
    /// and SSH.
    #[serde(default)]
    #[schemars(with = "Option<CidrText>")]
    pub bastion_address_prefix: Option<Cidr>,
    /// The hub has a VPN or ExpressRoute gateway and offers gateway transit: the spokes'
    /// peerings use it to reach on-premises.
    #[serde(default)]
    pub use_remote_gateways: bool,
    /// Resource IDs of the hub's private DNS zones, by zone name (privatelink.vaultcore.azure.net:
    /// /subscriptions/.../privateDnsZones/privatelink.vaultcore.azure.net): private endpoints
    /// register in them.
    #[serde(default)]
    #[schemars(
        schema_with = "private_dns_zone_ids",
        extend(
            "$comment" = "Resource IDs: subscription GUID; resource group names 1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period (Azure naming rules, Microsoft.Resources/resourceGroups)."
        )
    )]
    pub private_dns_zone_ids: BTreeMap<String, String>,
    /// The spoke whose private-endpoint subnet (else its first subnet) takes the landing zone's
    /// own private endpoints (the platform Key Vault's, the disk encryption vault's): a private
    /// endpoint must be in its virtual network's subscription, so it cannot go into the hub.
    /// Default: the first spoke.
    #[serde(default)]
    #[schemars(with = "Option<SpokeName>")]
    pub private_endpoint_spoke: Option<String>,
}

/// The schema of `privateDnsZoneIds`: private DNS zone names to the zones' resource IDs.
fn private_dns_zone_ids(generator: &mut SchemaGenerator) -> Schema {
    let mut names = DnsZoneName::json_schema(generator);
    // Property names are text already.
    names.remove("type");
    names.insert(
        "description".into(),
        "keys are private DNS zone names, such as privatelink.vaultcore.azure.net".into(),
    );
    json_schema!({
        "type": "object",
        "additionalProperties": {
            "type": "string",
            "pattern": r"^/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/resourceGroups/[-A-Za-z0-9_.()]{0,89}[-A-Za-z0-9_()]/providers/Microsoft\.Network/privateDnsZones/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$",
            "x-rule": "the resource ID of a private DNS zone: /subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.Network/privateDnsZones/<zone>"
        },
        "propertyNames": names
    })
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

/// Subnet prefixes inside the hub; meg carves any that are not given from the address space.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct HubSubnets {
    /// GatewaySubnet for the VPN and ExpressRoute gateways: /27 or larger.
    #[schemars(with = "Option<CidrText>")]
    pub gateway: Option<Cidr>,
    /// AzureFirewallSubnet: /26 or larger.
    #[schemars(with = "Option<CidrText>")]
    pub firewall: Option<Cidr>,
    /// AzureFirewallManagementSubnet, needed by the Basic firewall tier: /26 or larger.
    #[schemars(with = "Option<CidrText>")]
    pub firewall_management: Option<Cidr>,
    /// AzureBastionSubnet: /26 or larger.
    #[schemars(with = "Option<CidrText>")]
    pub bastion: Option<Cidr>,
    /// Inbound endpoint subnet of the DNS Private Resolver: /28 to /24.
    #[schemars(with = "Option<CidrText>")]
    pub dns_resolver_inbound: Option<Cidr>,
    /// Outbound endpoint subnet of the DNS Private Resolver: /28 to /24.
    #[schemars(with = "Option<CidrText>")]
    pub dns_resolver_outbound: Option<Cidr>,
    /// Subnet for shared management VMs and private endpoints: /28 or larger.
    #[schemars(with = "Option<CidrText>")]
    pub management: Option<Cidr>,
}

/// A spoke virtual network.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct Spoke {
    /// Short workload name used in resource names (lower case, digits, hyphens).
    #[schemars(with = "SpokeName")]
    pub name: String,
    /// The spoke's address space; omit it to take the next free block of
    /// network.spokeAddressPool.
    // Always set here: spokes without one are given theirs before the settings are typed
    // (`model::network::allocate_spokes`).
    #[schemars(with = "Option<CidrText>")]
    pub address_space: Cidr,
    /// The spoke's subnets; default: one 'workload' subnet over the first half of the address
    /// space.
    pub subnets: Option<Vec<SpokeSubnet>>,
    /// Team or person that owns the application: the spoke's owner tag.
    #[serde(default)]
    #[schemars(length(min = 1, max = 256))]
    pub owner: Option<String>,
    /// Cost center the application's spend is charged to: the spoke's costCenter tag.
    #[serde(default)]
    #[schemars(length(min = 1, max = 256))]
    pub cost_center: Option<String>,
}

/// A workload subnet; every one gets an NSG (deny by default) and the route to the firewall.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct SpokeSubnet {
    /// Subnet purpose (web, app, data).
    #[schemars(with = "SubnetName")]
    pub name: String,
    /// The subnet's prefix, inside the spoke's address space.
    #[schemars(with = "CidrText")]
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
    Settings => "environment",
    Tags => "tags",
    SubscriptionId => "subscriptionId",
    LandingZoneGroup => "managementGroup",
    LockKind => "lock",
}
