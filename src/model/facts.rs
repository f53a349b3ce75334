//! Facts about one environment that several parts of meg need, decided here once from its
//! settings: whether the firewall can proxy DNS, what answers the spokes' DNS queries, whether
//! the hub's private zones must be linked to the spokes, which on-premises networks the gateways
//! reach.
//!
//! The templates receive the results as parameters or `deploy` flags and never work them out
//! again. Not checks: a fact here assumes settings the model has already accepted.

use crate::input::closed_sets::{FirewallTier, Ingress};
use crate::input::settings::Settings;
use crate::model::network::HubRole;

/// Whether the firewall offers a DNS proxy: every tier but Basic does (Azure Firewall features
/// by SKU: "DNS proxy" is Standard and Premium).
pub fn firewall_dns_proxy(s: &Settings) -> bool {
    s.firewall.enabled && s.firewall.tier != FirewallTier::Basic
}

/// What in the hub answers the spokes' DNS queries when the input names no DNS servers: the DNS
/// Private Resolver (it resolves the private zones linked to the hub and forwards on-premises
/// domains), else the firewall's DNS proxy (the Basic tier has none).
pub fn dns_serving_spokes(s: &Settings) -> Option<HubRole> {
    if s.dns_resolver.enabled {
        Some(HubRole::DnsResolverInbound)
    } else if firewall_dns_proxy(s) {
        Some(HubRole::Firewall)
    } else {
        None
    }
}

/// Whether the hub's private DNS zones must be linked to every spoke too: a spoke resolves a
/// private zone only through a network the zone is linked to, so spokes on plain Azure DNS (no
/// resolver, no firewall DNS proxy, no DNS servers of the input) need links of their own, or
/// their private endpoints resolve to public addresses. An existing hub's zones are its owners'.
pub fn links_private_dns_zones_to_spokes(s: &Settings) -> bool {
    s.network.hub.existing.is_none()
        && s.network.dns_servers.is_empty()
        && dns_serving_spokes(s).is_none()
}

/// The on-premises networks the hub's gateways reach (the sites' address spaces), when the
/// environment has a VPN or ExpressRoute gateway, or its spokes use the gateways of the hub it
/// attaches to (a platform hub gives its attached environments its own sites): the firewall
/// and the spokes' NSGs let them and the spokes talk to each other, since both directions of a
/// hybrid flow cross them. Deduplicated, in input order.
pub fn on_premises_prefixes(s: &Settings) -> Vec<String> {
    if !crate::model::routing::reaches_on_premises(s) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for prefix in s
        .on_premises
        .sites
        .iter()
        .flat_map(|site| &site.address_spaces)
    {
        let prefix = prefix.to_string();
        if !out.contains(&prefix) {
            out.push(prefix);
        }
    }
    out
}

/// Whether an environment puts Front Door in front of its web apps.
pub fn front_door(s: &Settings) -> bool {
    s.paas.enabled
        && s.paas.ingress == Ingress::FrontDoor
        && s.paas.applications.values().any(|a| !a.web_apps.is_empty())
}

/// Whether an environment puts an Application Gateway in front of each application's web apps.
pub fn application_gateway(s: &Settings) -> bool {
    s.paas.enabled
        && s.paas.ingress == Ingress::ApplicationGateway
        && s.paas.applications.values().any(|a| !a.web_apps.is_empty())
}
