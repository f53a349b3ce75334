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
use crate::input::hubs::{OWN_KEYS, PlatformHub};
use crate::input::settings::Settings;
use crate::model::network::HubRole;
use crate::model::{EnvContext, Environment, LandingZone, TIERS, facts};

/// The platform part of a landing zone: its hubs as a landing zone of their own (one
/// "environment" per hub), rendered as the platform deployment root.
#[derive(Debug, Clone)]
pub struct Platform {
    /// The hubs, each an environment named after the hub, in name order.
    pub lz: LandingZone,
    /// What each hub is beyond its settings, in the same order.
    pub hubs: Vec<HubFacts>,
}

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
    existing: Option<Value>,
    /// What answers the attached spokes' DNS queries (the resolver's inbound endpoint, else the
    /// firewall's DNS proxy, else the hub's DNS servers).
    pub spoke_dns_servers: Vec<String>,
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
fn tier_of(name: &str, env_values: &Value) -> Option<String> {
    match env_values.get("tier").and_then(Value::as_str) {
        Some(t) => Some(t.to_string()),
        None => TIERS.contains(&name).then(|| name.to_string()),
    }
}

/// The values a hub is resolved from, layered like an environment's: the strategy's defaults,
/// the hub's preset, the landing zone's shared values (less what belongs to environments:
/// spokes and workloads) and the hub's own body. Workloads are switched off: a hub runs none.
pub(super) fn hub_values(
    strategy_defaults: &Value,
    preset: &Value,
    shared: &Map<String, Value>,
    hub: &PlatformHub,
    body: &Value,
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
    let services: Map<String, Value> = body
        .as_object()
        .map(|b| {
            b.iter()
                .filter(|(k, _)| !OWN_KEYS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    crate::input::values::merge(&mut resolved, &Value::Object(services));
    resolved["network"]["hub"] = json!({ "addressSpace": hub.address_space.to_string() });
    if let Some(subnets) = body.get("subnets") {
        resolved["network"]["hub"]["subnets"] = subnets.clone();
    }
    if let Some(zones) = body.get("privateDnsZones") {
        resolved["network"]["privateDnsZones"] = zones.clone();
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
pub(super) fn hub_tier(name: &str, hub: &PlatformHub, top: &Map<String, Value>) -> String {
    if let Some(t) = &hub.tier {
        return t.clone();
    }
    let envs = top.get("environments").and_then(Value::as_object);
    envs.into_iter()
        .flatten()
        .filter(|(_, body)| platform_of(top, body) == Some(name))
        .filter_map(|(env, body)| tier_of(env, body))
        .filter_map(|t| TIERS.iter().position(|x| *x == t))
        .max()
        .map_or("prod", |i| TIERS[i])
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

/// The facts of a resolved hub that an attached environment needs.
pub(super) fn facts_of(
    name: &str,
    hub: &PlatformHub,
    env: &Environment,
    top: &Map<String, Value>,
) -> HubFacts {
    let s: &Settings = &env.settings;
    let name_of = |key: &str| {
        env.names
            .get(key)
            .map(|n| n.as_str().to_string())
            .unwrap_or_default()
    };
    let resource_group = name_of("connectivityResourceGroup");
    let virtual_network = name_of("hubVirtualNetwork");
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
        location: env.location.clone(),
        subscription_id: hub.subscription_id.clone(),
        resource_group,
        virtual_network,
        virtual_network_id,
        address_space: hub.address_space.to_string(),
        environments,
        existing,
        spoke_dns_servers,
    }
}

/// Turns an environment's `network.hub.platform` into the `network.hub.existing` its hub gives,
/// and its DNS servers into the hub's when it names none. `hubs` holds every declared hub, `None`
/// for one that did not resolve (its problems are reported once, at the hub). An environment
/// that names no platform hub is left as it is.
pub(super) fn attach(
    resolved: &mut Value,
    ctx: &EnvContext,
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
        let env_ptr = format!("/environments/{}{pointer}", ctx.env);
        ctx.values.merged.pointer(&env_ptr).is_some()
            || ctx.values.merged.pointer(pointer).is_some()
    };
    let mut problems = Vec::new();
    for (key, what) in [
        ("existing", "names an existing hub"),
        ("addressSpace", "asks for a hub of the environment's own"),
    ] {
        if user_set(&format!("/network/hub/{key}")) {
            problems.push(
                Diagnostic::at_key(
                    format!("/network/hub/{key}"),
                    format!("network.hub.{key} {what}, but network.hub.platform attaches the environment to platform hub '{name}'"),
                )
                .hint(format!("keep one of network.hub.platform and network.hub.{key}")),
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
    let has_dns = resolved
        .pointer("/network/dnsServers")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty());
    if !has_dns && !facts.spoke_dns_servers.is_empty() {
        resolved["network"]["dnsServers"] = json!(facts.spoke_dns_servers);
    }
    Ok(())
}

/// The declared hubs, resolved: each as an environment, with its facts (`None` for a hub that
/// did not resolve), and every problem found, located in the hub's body or where the landing
/// zone sets the value for it.
pub(super) struct Resolved {
    pub environments: Vec<Environment>,
    pub facts: BTreeMap<String, Option<HubFacts>>,
    pub problems: Vec<Diagnostic>,
}

/// What resolving the hubs needs from the landing zone's resolution.
pub(super) struct Inputs<'a> {
    pub top: &'a Map<String, Value>,
    pub values: &'a crate::input::values::Values,
    pub catalog: &'a crate::catalog::Catalog,
    pub schema: &'a crate::input::schema::Schema,
    pub strategy_defaults: &'a Value,
    pub shared: &'a Map<String, Value>,
    pub namer: &'a crate::model::naming::Namer<'a>,
    pub overrides: &'a BTreeMap<String, String>,
    pub lz_name: &'a str,
    pub location: &'a str,
}

/// Resolves every declared hub once, as an environment named after it.
pub(super) fn resolve(i: &Inputs) -> crate::error::Result<Resolved> {
    let declared = crate::input::hubs::read(i.top);
    let mut out = Resolved {
        environments: Vec::new(),
        facts: BTreeMap::new(),
        problems: Vec::new(),
    };
    let env_schema = &i.schema.doc["$defs"]["environment"];
    for (index, (name, hub)) in declared.iter().enumerate() {
        let body = &i.top["hubs"][name];
        let tier = hub_tier(name, hub, i.top);
        let preset: Value = i.catalog.yaml(&format!("catalog/presets/{tier}.yaml"))?;
        let mut resolved = hub_values(i.strategy_defaults, &preset, i.shared, hub, body);
        resolved["tier"] = Value::String(tier.clone());
        i.schema.apply_defaults(env_schema, &mut resolved);
        without_workloads(&mut resolved);
        let location = hub.location.as_deref().unwrap_or(i.location);
        // A hub in another region is named with that region's code (the schema checked it).
        let regional = i.namer.in_region(location);
        let ctx = EnvContext {
            env: name,
            values: i.values,
            namer: regional.as_ref().unwrap_or(i.namer),
            overrides: i.overrides,
            env_count: declared.len(),
            first: index == 0,
            lz_name: i.lz_name,
            location,
        };
        let settings: Settings = match serde_json::from_value(resolved.clone()) {
            Ok(s) => s,
            Err(e) => {
                out.problems
                    .push(Diagnostic::at_key(format!("/hubs/{name}"), e.to_string()));
                out.facts.insert(name.clone(), None);
                continue;
            }
        };
        match crate::model::build_environment(&ctx, &tier, settings, resolved) {
            Ok(env) => {
                out.facts
                    .insert(name.clone(), Some(facts_of(name, hub, &env, i.top)));
                out.environments.push(env);
            }
            Err(mut ds) => {
                locate_in_hub(name, &i.values.merged, &mut ds);
                out.problems.append(&mut ds);
                out.facts.insert(name.clone(), None);
            }
        }
    }
    Ok(out)
}

/// The address spaces of the spokes of the environments attached to a hub, in the landing
/// zone's order: the platform hub's firewall allows them and its GatewaySubnet routes them.
pub(super) fn attached_spoke_prefixes(hub: &str, environments: &[Environment]) -> Vec<String> {
    environments
        .iter()
        .filter(|e| e.settings.network.hub.platform.as_deref() == Some(hub))
        .flat_map(|e| &e.settings.network.spokes)
        .map(|spoke| spoke.address_space.to_string())
        .collect()
}
