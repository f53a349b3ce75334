//! Platform hubs (`hubs:`): each declared hub resolved once, as an environment of its own that
//! runs only the hub's services, and the environments that attach to it (`network.hub.platform`)
//! turned into environments beside an existing hub whose facts meg knows.
//!
//! CAF splits a landing zone into the platform (the connectivity subscription's hubs, with
//! firewall, gateways, resolver and private DNS zones) and application landing zones that peer
//! to a hub. A hub here reuses what an environment's own hub computes (layout, firewall and
//! resolver addresses, names with the hub's name where an environment's would be); an attached
//! environment is resolved exactly as one with `network.hub.existing`, from values derived
//! here. Not here: rendering the platform root (`render`) or the hub's checks, which are the
//! environments' own.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::error::{Diagnostic, did_you_mean};
use crate::input::hubs::PlatformHub;
use crate::input::settings::Settings;
use crate::input::values::Values;
use crate::model::facts;
use crate::model::fixed_name::FixedName;
use crate::model::names::Names;
use crate::model::network::{HubLayout, HubRole};

/// What meg knows of a declared hub that the environments attached to it need.
#[derive(Debug, Clone, Serialize)]
pub struct HubFacts {
    /// The hub's name (`nonprod`).
    pub name: String,
    /// Its region.
    pub location: String,
    /// The connectivity subscription, when the input names it.
    pub subscription_id: Option<String>,
    /// The resource group that holds the hub and its private DNS zones.
    pub resource_group: String,
    /// The hub's virtual network name.
    pub virtual_network: String,
    /// Its resource ID, when the subscription is known.
    pub virtual_network_id: Option<String>,
    /// The hub's address space.
    pub address_space: String,
    /// The environments attached to it, in the landing zone's order.
    pub environments: Vec<String>,
    /// The `network.hub.existing` value an attached environment is resolved with.
    #[serde(skip)]
    pub(super) existing: Option<Value>,
    /// What answers the attached spokes' DNS queries (the resolver's inbound endpoint, else the
    /// firewall's DNS proxy, else the hub's DNS servers).
    pub spoke_dns_servers: Vec<String>,
    /// The on-premises sites the hub's gateways reach (`onPremises.sites` as the hub resolved
    /// them), `None` when it has no gateway: the attached environments reach these sites, so
    /// their spokes' NSGs let the sites' prefixes in and the address plan holds them.
    #[serde(skip)]
    pub(super) on_premises_sites: Option<Value>,
    /// What the hub runs besides its virtual network, in words for the README
    /// (`Azure Firewall Standard`, `VPN gateway VpnGw2AZ, active-active`).
    pub services: Vec<String>,
}

/// The services a hub runs, as the README names them.
fn services(s: &Settings) -> Vec<String> {
    let mut out = Vec::new();
    if s.firewall.enabled {
        out.push(format!(
            "Azure Firewall {} with its policy",
            s.firewall.tier
        ));
    }
    if s.bastion.enabled {
        out.push(format!("Azure Bastion {}", s.bastion.sku));
    }
    if s.vpn_gateway.enabled {
        let aa = if s.vpn_gateway.active_active {
            ", active-active"
        } else {
            ""
        };
        let sites: Vec<&str> = s
            .on_premises
            .sites
            .iter()
            .map(|x| x.name.as_str())
            .collect();
        let to = if sites.is_empty() {
            String::new()
        } else {
            format!(" and its site-to-site connections to {}", sites.join(", "))
        };
        out.push(format!("VPN gateway {}{aa}{to}", s.vpn_gateway.sku));
    }
    if s.express_route.enabled {
        out.push(format!("ExpressRoute gateway {}", s.express_route.sku));
    }
    if s.dns_resolver.enabled {
        out.push("DNS Private Resolver with its forwarding ruleset".into());
    }
    if s.ddos_protection.enabled {
        out.push("DDoS Network Protection plan".into());
    }
    if s.arc.private_link_scope {
        out.push("Azure Arc private link scope".into());
    }
    if !s.network.private_dns_zones.is_empty() {
        out.push(format!(
            "{} private DNS zone(s) linked to the hub",
            s.network.private_dns_zones.len()
        ));
    }
    out.push("Log Analytics workspace for the hub's diagnostics".into());
    out
}

/// The hub a raw environment body attaches to: its own `network.hub.platform`, else the
/// landing zone's.
fn platform_of<'v>(top: &'v Map<String, Value>, env_values: &'v Value) -> Option<&'v str> {
    env_values
        .pointer("/network/hub/platform")
        .or_else(|| top.get("network")?.pointer("/hub/platform"))
        .and_then(Value::as_str)
}

/// The preset tier of a raw environment body, or `None` when it has none (reported elsewhere).
fn tier_of(name: &str, env_values: &Value, tiers: &[&str]) -> Option<String> {
    match env_values.get("tier").and_then(Value::as_str) {
        Some(t) => Some(t.to_string()),
        None => tiers.contains(&name).then(|| name.to_string()),
    }
}

/// The values a hub is resolved from, layered like an environment's: the strategy's defaults,
/// the hub's preset, the landing zone's shared values (less what belongs to environments:
/// spokes and workloads) and the hub's own body (`hub`). Workloads are switched off: a hub runs
/// none.
pub(super) fn hub_values(
    strategy_defaults: &Value,
    preset: &Value,
    shared: &Map<String, Value>,
    hub: &PlatformHub,
) -> Value {
    let mut resolved = json!({});
    crate::input::values::merge(&mut resolved, strategy_defaults);
    crate::input::values::merge(&mut resolved, preset);
    let mut shared = shared.clone();
    // The hub takes the landing zone's private DNS zones and DNS servers, not its hub or spokes.
    if let Some(Value::Object(network)) = shared.get_mut("network") {
        network.retain(|k, _| k == "privateDnsZones" || k == "dnsServers");
    }
    crate::input::values::merge(&mut resolved, &Value::Object(shared));
    crate::input::values::merge(&mut resolved, &Value::Object(hub.services.values()));
    // A hub deploys into its own connectivity subscription, never into the one the landing zone
    // names for its environments at the top of the file.
    match &hub.subscription_id {
        Some(id) => resolved["subscriptionId"] = id.clone().into(),
        None => {
            if let Some(r) = resolved.as_object_mut() {
                r.remove("subscriptionId");
            }
        }
    }
    resolved["network"]["hub"] = json!({ "addressSpace": hub.address_space.to_string() });
    if let Some(subnets) = &hub.subnets {
        resolved["network"]["hub"]["subnets"] = subnets.clone();
    }
    if let Some(zones) = &hub.private_dns_zones {
        resolved["network"]["privateDnsZones"] = zones.clone().into();
    }
    resolved["network"]["spokes"] = json!([]);
    resolved
}

/// After defaults: a hub runs no workloads, whatever the strategy turns on.
pub(super) fn without_workloads(resolved: &mut Value) {
    for part in ["migration", "paas"] {
        if resolved.get(part).is_some_and(Value::is_object) {
            resolved[part]["enabled"] = Value::Bool(false);
        }
    }
}

/// The preset a hub starts from: its own `tier`, else the highest tier of the environments
/// attached to it (a hub that serves prod gets prod's redundancy), else prod.
/// `tiers` are the presets in deployment order, lowest first.
pub(super) fn hub_tier(
    name: &str,
    hub: &PlatformHub,
    top: &Map<String, Value>,
    tiers: &[&str],
) -> String {
    if let Some(t) = hub.tier {
        return t.to_string();
    }
    let envs = top.get("environments").and_then(Value::as_object);
    envs.into_iter()
        .flatten()
        .filter(|(_, body)| platform_of(top, body) == Some(name))
        .filter_map(|(env, body)| tier_of(env, body, tiers))
        .filter_map(|t| tiers.iter().position(|x| *x == t))
        .max()
        .map_or("prod", |i| tiers[i])
        .to_string()
}

/// Rewrites the key paths of a hub's diagnostics to where the hub's values are written: in the
/// hub's body when it sets them, else at the top of the file where the landing zone sets them
/// for every hub and environment.
pub(super) fn locate_in_hub(name: &str, merged: &Value, ds: &mut [Diagnostic]) {
    let base = format!("/hubs/{name}");
    for d in ds {
        let Some(key) = d.key.as_deref_mut() else {
            continue;
        };
        let in_body = if let Some(rest) = key.pointer.strip_prefix("/network/hub") {
            rest.to_string()
        } else if let Some(rest) = key.pointer.strip_prefix("/network/privateDnsZones") {
            format!("/privateDnsZones{rest}")
        } else {
            key.pointer.clone()
        };
        // The hints name the environment's keys; a hub's are under hubs.<name>.
        if let Some(hint) = &mut d.hint {
            *hint = hint
                .replace("network.hub.subnets", &format!("hubs.{name}.subnets"))
                .replace(
                    "network.privateDnsZones",
                    &format!("hubs.{name}.privateDnsZones"),
                );
        }
        let candidate = format!("{base}{in_body}");
        if merged.pointer(&candidate).is_some() {
            key.pointer = candidate;
        } else if merged.pointer(&key.pointer).is_none() {
            key.pointer = base.clone();
        }
    }
}

/// A resolved hub as an environment: what [`facts_of`] reads of it.
pub(super) struct HubEnvironment<'a> {
    pub settings: &'a Settings,
    /// The hub's values after presets and defaults.
    pub resolved: &'a Value,
    pub layout: &'a HubLayout,
    pub names: &'a Names,
    pub location: &'a str,
}

/// The facts of a resolved hub that an attached environment needs.
pub(super) fn facts_of(
    name: &str,
    hub: &PlatformHub,
    env: &HubEnvironment,
    top: &Map<String, Value>,
) -> HubFacts {
    let s: &Settings = env.settings;
    let resource_group = env
        .names
        .text(FixedName::ConnectivityResourceGroup)
        .to_string();
    let virtual_network = env.names.text(FixedName::HubVirtualNetwork).to_string();
    let id_in = |sub: &str, provider: &str, leaf: &str| {
        format!(
            "/subscriptions/{sub}/resourceGroups/{resource_group}/providers/Microsoft.Network/{provider}/{leaf}"
        )
    };
    let virtual_network_id = hub
        .subscription_id
        .as_deref()
        .map(|sub| id_in(sub, "virtualNetworks", &virtual_network));
    let spoke_dns_servers: Vec<String> = if s.network.dns_servers.is_empty() {
        facts::dns_serving_spokes(s)
            .and_then(|role| env.layout.first_host(role))
            .into_iter()
            .collect()
    } else {
        s.network
            .dns_servers
            .iter()
            .map(|a| a.to_string())
            .collect()
    };
    let existing = hub.subscription_id.as_deref().map(|sub| {
        let zones: Map<String, Value> = s
            .network
            .private_dns_zones
            .iter()
            .map(|zone| (zone.clone(), id_in(sub, "privateDnsZones", zone).into()))
            .collect();
        let mut existing = json!({
            "virtualNetworkId": id_in(sub, "virtualNetworks", &virtual_network),
            "addressSpace": hub.address_space.to_string(),
            "useRemoteGateways": s.vpn_gateway.enabled || s.express_route.enabled,
            "privateDnsZoneIds": zones,
        });
        if s.firewall.enabled
            && let Some(ip) = env.layout.first_host(HubRole::Firewall)
        {
            existing["firewallPrivateIp"] = ip.into();
        }
        if s.bastion.enabled
            && let Some(prefix) = env.layout.subnets.get(&HubRole::Bastion)
        {
            existing["bastionAddressPrefix"] = prefix.to_string().into();
        }
        existing
    });
    let environments = top
        .get("environments")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, body)| platform_of(top, body) == Some(name))
        .map(|(env, _)| env.clone())
        .collect();
    HubFacts {
        name: name.to_string(),
        location: env.location.to_string(),
        subscription_id: hub.subscription_id.clone(),
        resource_group,
        virtual_network,
        virtual_network_id,
        address_space: hub.address_space.to_string(),
        environments,
        existing,
        spoke_dns_servers,
        on_premises_sites: (s.vpn_gateway.enabled || s.express_route.enabled).then(|| {
            env.resolved
                .pointer("/onPremises/sites")
                .cloned()
                .unwrap_or_else(|| json!([]))
        }),
        services: services(s),
    }
}

/// Turns an environment's `network.hub.platform` into the `network.hub.existing` its hub gives,
/// and its DNS servers into the hub's when it names none. `hubs` holds every declared hub, `None`
/// for one that did not resolve (its problems are reported once, at the hub). An environment
/// that names no platform hub is left as it is.
pub(super) fn attach(
    resolved: &mut Value,
    env: &str,
    values: &Values,
    hubs: &BTreeMap<String, Option<HubFacts>>,
) -> Result<(), Vec<Diagnostic>> {
    let Some(name) = resolved
        .pointer("/network/hub/platform")
        .and_then(Value::as_str)
        .map(str::to_string)
    else {
        return Ok(());
    };
    let user_set = |pointer: &str| {
        let env_ptr = format!("/environments/{env}{pointer}");
        values.merged.pointer(&env_ptr).is_some() || values.merged.pointer(pointer).is_some()
    };
    let mut problems = Vec::new();
    for (key, what) in [
        ("network/hub/existing", "names an existing hub"),
        (
            "network/hub/addressSpace",
            "asks for a hub of the environment's own",
        ),
        (
            "onPremises/sites",
            "names on-premises sites of the environment's own",
        ),
    ] {
        // Top-level sites are the hubs' (they take the landing zone's onPremises): only the
        // environment's own would contradict its hub.
        let set = if key == "onPremises/sites" {
            values
                .merged
                .pointer(&format!("/environments/{env}/{key}"))
                .is_some()
        } else {
            user_set(&format!("/{key}"))
        };
        if set {
            let dotted = key.replace('/', ".");
            let hint = if key == "onPremises/sites" {
                format!(
                    "remove it: an attached environment reaches the sites of its hub, set under hubs.{name}.onPremises.sites or at the top of the file"
                )
            } else {
                format!("keep one of network.hub.platform and {dotted}")
            };
            problems.push(
                Diagnostic::at_key(
                    format!("/{key}"),
                    format!("{dotted} {what}, but network.hub.platform attaches the environment to platform hub '{name}'"),
                )
                .hint(hint),
            );
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let facts = match hubs.get(&name) {
        Some(Some(facts)) => facts,
        // The hub's own problems are reported at the hub.
        Some(None) => return Err(Vec::new()),
        None => {
            let d = Diagnostic::at_key(
                "/network/hub/platform",
                format!("network.hub.platform names hub '{name}', which hubs: does not declare"),
            );
            let d = match did_you_mean(&name, hubs.keys().map(String::as_str)) {
                Some(close) => d.hint(format!("did you mean '{close}'?")),
                None if hubs.is_empty() => d.hint(format!(
                    "declare it under hubs: {name}: {{ addressSpace: ... }}"
                )),
                None => d.hint(format!(
                    "hubs: {}",
                    hubs.keys().cloned().collect::<Vec<_>>().join(", ")
                )),
            };
            return Err(vec![d]);
        }
    };
    let Some(existing) = &facts.existing else {
        return Err(vec![
            Diagnostic::at_key(
                "/network/hub/platform",
                format!("the environment attaches to hub '{name}', but hubs.{name} has no subscriptionId: its spokes peer to the hub's virtual network by resource ID, which holds the subscription"),
            )
            .hint(format!("set hubs.{name}.subscriptionId to the connectivity subscription the hub deploys into")),
        ]);
    };
    resolved["network"]["hub"]["existing"] = existing.clone();
    // The spokes reach on-premises through the hub's gateways: the hub's sites are theirs.
    if let Some(sites) = &facts.on_premises_sites {
        resolved["onPremises"]["sites"] = sites.clone();
    }
    let has_dns = resolved
        .pointer("/network/dnsServers")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty());
    if !has_dns && !facts.spoke_dns_servers.is_empty() {
        resolved["network"]["dnsServers"] = json!(facts.spoke_dns_servers);
    }
    Ok(())
}

/// The address spaces of the spokes of the environments attached to a hub, in the landing
/// zone's order: the platform hub's firewall allows them and its GatewaySubnet routes them.
pub(super) fn attached_spoke_prefixes<'s>(
    hub: &str,
    environments: impl Iterator<Item = &'s Settings>,
) -> Vec<String> {
    environments
        .filter(|s| s.network.hub.platform.as_deref() == Some(hub))
        .flat_map(|s| &s.network.spokes)
        .map(|spoke| spoke.address_space.to_string())
        .collect()
}
