//! Address planning and the network checks a schema cannot express: the hub's subnet layout,
//! subnet sizes Azure requires, subnets inside their network, and no overlap between the hub,
//! the spokes and the on-premises sites.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::cidr::Cidr;
use crate::error::Diagnostic;
use crate::input::settings::{DEFAULT_SPOKE_PREFIX_LENGTH, HubSubnets, Settings};
use crate::model::spoke_subnets::SpokeSubnets;

pub use crate::model::subnet_rules::SMALLEST_SUBNET;

/// A subnet of the hub with a fixed purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum HubRole {
    /// AzureFirewallSubnet.
    Firewall,
    /// AzureFirewallManagementSubnet (Basic tier, forced tunnelling).
    FirewallManagement,
    /// AzureBastionSubnet.
    Bastion,
    /// GatewaySubnet (VPN and ExpressRoute gateways).
    Gateway,
    /// DNS Private Resolver inbound endpoint.
    DnsResolverInbound,
    /// DNS Private Resolver outbound endpoint.
    DnsResolverOutbound,
    /// Shared management and private endpoints.
    Management,
}

/// Facts about a hub subnet role.
pub struct RoleInfo {
    /// The input key under `network.hub.subnets`.
    pub key: &'static str,
    /// The subnet name in Azure (fixed by Azure for the platform subnets).
    pub subnet_name: &'static str,
    /// The largest prefix length (smallest subnet) Azure accepts for it.
    pub min_size: u8,
    /// The smallest prefix length (largest subnet) Azure accepts for it, if limited.
    pub max_size: Option<u8>,
    /// Where meg carves it by default: offset from the hub's first address, and prefix.
    pub slot: (u32, u8),
    /// Whether Azure allows a network security group on it.
    pub nsg: bool,
    /// Service delegation, if the subnet needs one.
    pub delegation: Option<&'static str>,
    /// Workload token of its NSG name.
    pub nsg_workload: &'static str,
}

impl HubRole {
    /// Every role, in layout order.
    pub const ALL: [HubRole; 7] = [
        HubRole::Firewall,
        HubRole::FirewallManagement,
        HubRole::Bastion,
        HubRole::Gateway,
        HubRole::DnsResolverInbound,
        HubRole::DnsResolverOutbound,
        HubRole::Management,
    ];

    /// The facts of this role. The default slots keep every subnet at the same place
    /// whatever else is enabled, so turning a feature on never re-addresses another subnet.
    pub fn info(self) -> RoleInfo {
        let r =
            |key, subnet_name, min_size, max_size, slot, nsg, delegation, nsg_workload| RoleInfo {
                key,
                subnet_name,
                min_size,
                max_size,
                slot,
                nsg,
                delegation,
                nsg_workload,
            };
        match self {
            HubRole::Firewall => r(
                "firewall",
                "AzureFirewallSubnet",
                26,
                None,
                (0, 26),
                false,
                None,
                "",
            ),
            HubRole::FirewallManagement => r(
                "firewallManagement",
                "AzureFirewallManagementSubnet",
                26,
                None,
                (64, 26),
                false,
                None,
                "",
            ),
            HubRole::Bastion => r(
                "bastion",
                "AzureBastionSubnet",
                26,
                None,
                (128, 26),
                true,
                None,
                "hub-bastion",
            ),
            HubRole::Gateway => r(
                "gateway",
                "GatewaySubnet",
                27,
                None,
                (192, 27),
                false,
                None,
                "",
            ),
            HubRole::DnsResolverInbound => r(
                "dnsResolverInbound",
                "snet-dns-inbound",
                28,
                Some(24),
                (224, 28),
                true,
                Some("Microsoft.Network/dnsResolvers"),
                "hub-dns-inbound",
            ),
            HubRole::DnsResolverOutbound => r(
                "dnsResolverOutbound",
                "snet-dns-outbound",
                28,
                Some(24),
                (240, 28),
                true,
                Some("Microsoft.Network/dnsResolvers"),
                "hub-dns-outbound",
            ),
            HubRole::Management => r(
                "management",
                "snet-management",
                SMALLEST_SUBNET,
                None,
                (256, 26),
                true,
                None,
                "hub-management",
            ),
        }
    }

    /// Whether an environment with these settings needs the subnet.
    pub fn needed(self, s: &Settings) -> bool {
        match self {
            HubRole::Firewall => s.firewall.enabled,
            HubRole::FirewallManagement => crate::model::subnet_rules::needs_firewall_management(s),
            HubRole::Bastion => s.bastion.enabled,
            HubRole::Gateway => s.vpn_gateway.enabled || s.express_route.enabled,
            HubRole::DnsResolverInbound | HubRole::DnsResolverOutbound => s.dns_resolver.enabled,
            HubRole::Management => true,
        }
    }

    fn given(self, s: &HubSubnets) -> Option<Cidr> {
        match self {
            HubRole::Firewall => s.firewall,
            HubRole::FirewallManagement => s.firewall_management,
            HubRole::Bastion => s.bastion,
            HubRole::Gateway => s.gateway,
            HubRole::DnsResolverInbound => s.dns_resolver_inbound,
            HubRole::DnsResolverOutbound => s.dns_resolver_outbound,
            HubRole::Management => s.management,
        }
    }
}

/// The hub's address space and the prefix of every subnet the environment needs.
#[derive(Debug, Clone, Serialize)]
pub struct HubLayout {
    /// The hub's address space (unknown for an existing hub that does not give it).
    pub address_space: Option<Cidr>,
    /// Subnet prefixes by role.
    pub subnets: BTreeMap<HubRole, Cidr>,
}

/// A subnet as the templates receive it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SubnetParam {
    /// Subnet name.
    pub name: String,
    /// Prefix.
    pub address_prefix: String,
    /// NSG name, when Azure allows one on the subnet.
    pub network_security_group_name: Option<String>,
    /// Service delegation.
    pub delegation: Option<String>,
}

impl HubLayout {
    /// The first address Azure hands out in a hub subnet (x.x.x.4: the first four are Azure's).
    /// Azure Firewall always takes it, and meg gives it to the DNS resolver's inbound endpoint
    /// as a static address, so routes and DNS settings can point at them before they exist.
    pub fn first_host(&self, role: HubRole) -> Option<String> {
        self.subnets
            .get(&role)
            .map(|c| std::net::Ipv4Addr::from(c.first() + 4).to_string())
    }

    /// The subnets as template parameters; `nsg_name` names each NSG by role.
    pub fn subnet_params(&self, nsg_name: &dyn Fn(HubRole) -> Option<String>) -> Vec<SubnetParam> {
        self.subnets
            .iter()
            .map(|(role, prefix)| {
                let info = role.info();
                SubnetParam {
                    name: info.subnet_name.to_string(),
                    address_prefix: prefix.to_string(),
                    network_security_group_name: if info.nsg { nsg_name(*role) } else { None },
                    delegation: info.delegation.map(str::to_string),
                }
            })
            .collect()
    }
}

/// Checks an environment's network and lays out the hub. Problems carry key paths into the
/// environment's settings.
pub fn check(s: &Settings, spokes: &SpokeSubnets) -> Result<HubLayout, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    if let Some(existing) = &s.network.hub.existing {
        // Someone else's hub: nothing to carve, but the spokes must still fit around it.
        let mut spaces = Vec::new();
        if let Some(hub) = existing.address_space {
            spaces.push(("the existing hub".to_string(), hub));
        }
        check_spokes(s, spokes, spaces, &mut problems);
        return if problems.is_empty() {
            Ok(HubLayout {
                address_space: existing.address_space,
                subnets: BTreeMap::new(),
            })
        } else {
            Err(problems)
        };
    }
    let Some(hub) = s.network.hub.address_space else {
        return Err(vec![
            Diagnostic::at_key(
                "/network/hub",
                "missing required key 'network.hub.addressSpace'",
            )
            .hint(
                "give the hub an address space such as 10.0.0.0/22, per environment if they differ",
            ),
        ]);
    };
    let mut subnets = BTreeMap::new();
    for role in HubRole::ALL.into_iter().filter(|r| r.needed(s)) {
        let info = role.info();
        let here = format!("/network/hub/subnets/{}", info.key);
        let prefix = match role.given(&s.network.hub.subnets) {
            Some(p) => {
                if !hub.contains(&p) {
                    problems.push(Diagnostic::at_key(
                        &here,
                        format!(
                            "{} {p} is outside the hub's address space {hub}",
                            info.subnet_name
                        ),
                    ));
                    continue;
                }
                if p.prefix() > info.min_size {
                    problems.push(
                        Diagnostic::at_key(
                            &here,
                            format!(
                                "{} {p} is too small: Azure requires /{} or larger",
                                info.subnet_name, info.min_size
                            ),
                        )
                        .hint(format!("use a /{} or a shorter prefix", info.min_size)),
                    );
                    continue;
                }
                if let Some(max) = info.max_size.filter(|m| p.prefix() < *m) {
                    problems.push(Diagnostic::at_key(
                        &here,
                        format!(
                            "{} {p} is too large: Azure allows /{max} at most",
                            info.subnet_name
                        ),
                    ));
                    continue;
                }
                p
            }
            None => {
                let (offset, size) = info.slot;
                let fits =
                    hub.prefix() <= size && u64::from(offset) + (1u64 << (32 - size)) <= hub.size();
                if !fits {
                    problems.push(
                        Diagnostic::at_key(
                            "/network/hub/addressSpace",
                            format!("the hub's address space {hub} has no room for {} at its default place", info.subnet_name),
                        )
                        .hint(format!("use a /23 or larger hub, or set network.hub.subnets.{}", info.key)),
                    );
                    continue;
                }
                hub.subnet(size, offset >> (32 - size))
                    .expect("checked to fit")
            }
        };
        subnets.insert(role, prefix);
    }
    let placed: Vec<(String, Cidr)> = subnets
        .iter()
        .map(|(r, c)| (r.info().subnet_name.to_string(), *c))
        .collect();
    overlaps(&placed, "in the hub", &mut problems, "/network/hub/subnets");

    check_spokes(s, spokes, vec![("the hub".into(), hub)], &mut problems);
    if problems.is_empty() {
        Ok(HubLayout {
            address_space: Some(hub),
            subnets,
        })
    } else {
        Err(problems)
    }
}

/// Checks the spokes: unique names, subnets inside their spoke and large enough, and no
/// overlap between the spokes, the hub's `spaces` and the on-premises sites.
fn check_spokes(
    s: &Settings,
    subnets: &SpokeSubnets,
    mut spaces: Vec<(String, Cidr)>,
    problems: &mut Vec<Diagnostic>,
) {
    let mut seen = std::collections::BTreeSet::new();
    for (i, spoke) in s.network.spokes.iter().enumerate() {
        let here = format!("/network/spokes/{i}");
        if !seen.insert(spoke.name.clone()) {
            problems.push(Diagnostic::at_key(
                &here,
                format!("two spokes are named '{}'", spoke.name),
            ));
        }
        spaces.push((format!("spoke '{}'", spoke.name), spoke.address_space));
        let subs = subnets.of_spoke(&spoke.name);
        for (j, sub) in subs.iter().enumerate() {
            let at = format!("{here}/subnets/{j}");
            if !spoke.address_space.contains(&sub.address_prefix) {
                problems.push(Diagnostic::at_key(
                    at,
                    format!(
                        "subnet '{}' {} is outside spoke '{}' ({})",
                        sub.name, sub.address_prefix, spoke.name, spoke.address_space
                    ),
                ));
            } else if sub.address_prefix.prefix() > SMALLEST_SUBNET {
                problems.push(Diagnostic::at_key(
                    at,
                    format!(
                        "subnet '{}' {} is too small: Azure's smallest subnet is a /29",
                        sub.name, sub.address_prefix
                    ),
                ));
            }
        }
        let named: Vec<(String, Cidr)> = subs
            .iter()
            .map(|s| (format!("subnet '{}'", s.name), s.address_prefix))
            .collect();
        overlaps(
            &named,
            &format!("in spoke '{}'", spoke.name),
            problems,
            &here,
        );
    }
    for site in &s.on_premises.sites {
        for c in &site.address_spaces {
            spaces.push((format!("on-premises site '{}'", site.name), *c));
        }
    }
    overlaps(&spaces, "", problems, "/network");
}

fn overlaps(items: &[(String, Cidr)], scope: &str, problems: &mut Vec<Diagnostic>, at: &str) {
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            let ((a, ca), (b, cb)) = (&items[i], &items[j]);
            if ca.overlaps(cb) {
                let scope = if scope.is_empty() {
                    String::new()
                } else {
                    format!(" {scope}")
                };
                problems.push(
                    Diagnostic::at_key(at, format!("{a} ({ca}) overlaps {b} ({cb}){scope}"))
                        .hint("address spaces that are peered or routed together must not overlap"),
                );
            }
        }
    }
}

/// Gives every spoke without an `addressSpace` the next free block of the spoke pool, in list
/// order, around the spokes that name their own. Works on the resolved settings as JSON, before
/// they become typed, so the rest of meg only ever sees spokes with an address space.
pub fn allocate_spokes(settings: &mut serde_json::Value) -> Result<(), Vec<Diagnostic>> {
    let network = &mut settings["network"];
    let pool: Option<Cidr> = network
        .get("spokeAddressPool")
        .and_then(|v| v.as_str())
        .and_then(|s| s.parse().ok());
    let prefix = network
        .get("spokePrefixLength")
        .and_then(serde_json::Value::as_u64)
        .map_or(DEFAULT_SPOKE_PREFIX_LENGTH, |p| p as u8);
    let Some(spokes) = network
        .get_mut("spokes")
        .and_then(serde_json::Value::as_array_mut)
    else {
        return Ok(());
    };
    let mut taken: Vec<Cidr> = spokes
        .iter()
        .filter_map(|s| {
            s.get("addressSpace")
                .and_then(|v| v.as_str())
                .and_then(|v| v.parse().ok())
        })
        .collect();
    let mut problems = Vec::new();
    for (i, spoke) in spokes.iter_mut().enumerate() {
        if spoke.get("addressSpace").is_some() {
            continue;
        }
        let name = spoke
            .get("name")
            .and_then(|v| v.as_str())
            .unwrap_or("?")
            .to_string();
        let here = format!("/network/spokes/{i}");
        let Some(pool) = pool else {
            problems.push(
                Diagnostic::at_key(&here, format!("spoke '{name}' has no addressSpace and there is no network.spokeAddressPool to take one from"))
                    .hint("give the spoke an addressSpace, or set network.spokeAddressPool (e.g. 10.1.0.0/16)"),
            );
            continue;
        };
        if prefix < pool.prefix() {
            problems.push(Diagnostic::at_key(
                "/network/spokePrefixLength",
                format!("spoke blocks of /{prefix} do not fit in the pool {pool}"),
            ));
            return Err(problems);
        }
        let count = 1u64 << (prefix - pool.prefix());
        let free = (0..count)
            .filter_map(|n| pool.subnet(prefix, n as u32))
            .find(|c| !taken.iter().any(|t| t.overlaps(c)));
        match free {
            Some(block) => {
                taken.push(block);
                spoke["addressSpace"] = serde_json::Value::String(block.to_string());
            }
            None => problems.push(
                Diagnostic::at_key(
                    here,
                    format!("the spoke pool {pool} has no free /{prefix} left for spoke '{name}'"),
                )
                .hint(
                    "use a larger network.spokeAddressPool or a smaller network.spokePrefixLength",
                ),
            ),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
