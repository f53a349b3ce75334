//! One address plan across the environments that can route to each other (see `routing`):
//! their Azure ranges (hubs and spokes) must not overlap each other nor the prefixes of the
//! on-premises sites any of them reaches, and the prefixes of two different sites must not
//! overlap. An overlap there is an input error: a datacenter would learn one prefix over two
//! tunnels, a hub would hold two routes to it, and half the traffic would go astray.
//!
//! Not here: overlaps inside one environment (`network::check` refuses them first), nor
//! overlaps between environments that cannot route to each other, which are legitimate (an
//! isolated dev copy) and only a lint warning (NET-001).

use crate::cidr::Cidr;
use crate::error::{Diagnostic, KeyPath};
use crate::input::settings::{Settings, Site};
use crate::input::values::Values;
use crate::model::routing::{Domains, Env, reaches_on_premises, shared_hub};

/// A range of the address plan and where its environment's settings hold it.
#[derive(Debug, Clone)]
struct Range {
    /// The environment (index into the landing zone's environments).
    env: usize,
    /// What the range is, in words (`hub`, `spoke 'erp'`, `on-premises site 'dc'`).
    what: String,
    cidr: Cidr,
    /// A JSON Pointer into the environment's settings, or into the landing zone's top level
    /// when `top_level` (a platform hub's range, written under `hubs:`).
    pointer: String,
    top_level: bool,
    /// Ranges with the same identity are one range seen from two environments (a shared
    /// hub, a site both reach), never an overlap with itself.
    identity: Option<String>,
}

/// Two ranges of one routing domain that overlap.
#[derive(Debug, Clone)]
pub(crate) struct Overlap {
    a: Range,
    b: Range,
    /// Why the two environments route to each other, in words.
    why: String,
}

/// The hub and spoke ranges of an environment.
fn azure_ranges(i: usize, s: &Settings) -> Vec<Range> {
    let hub = match &s.network.hub.existing {
        Some(existing) => existing.address_space,
        None => s.network.hub.address_space,
    };
    let platform = s.network.hub.platform.as_deref();
    let hub = hub.map(|cidr| Range {
        env: i,
        what: platform.map_or_else(|| "hub".into(), |h| format!("platform hub '{h}'")),
        cidr,
        pointer: match platform {
            // An attached environment's hub range is the platform hub's, written under `hubs:`.
            Some(h) => format!("/hubs/{h}/addressSpace"),
            None if s.network.hub.existing.is_some() => "/network/hub/existing/addressSpace".into(),
            None => "/network/hub/addressSpace".into(),
        },
        top_level: platform.is_some(),
        identity: shared_hub(s).map(|h| h.key),
    });
    let spokes = s.network.spokes.iter().enumerate().map(|(k, spoke)| Range {
        env: i,
        what: format!("spoke '{}'", spoke.name),
        cidr: spoke.address_space,
        pointer: format!("/network/spokes/{k}/addressSpace"),
        top_level: false,
        identity: None,
    });
    hub.into_iter().chain(spokes).collect()
}

/// The prefixes of the on-premises sites an environment reaches, each with its site.
fn site_ranges(i: usize, s: &Settings) -> Vec<(Range, &Site)> {
    if !reaches_on_premises(s) {
        return Vec::new();
    }
    s.on_premises
        .sites
        .iter()
        .enumerate()
        .flat_map(|(k, site)| {
            site.address_spaces
                .iter()
                .enumerate()
                .map(move |(m, cidr)| {
                    (
                        Range {
                            env: i,
                            what: format!("on-premises site '{}'", site.name),
                            cidr: *cidr,
                            pointer: format!("/onPremises/sites/{k}/addressSpaces/{m}"),
                            top_level: false,
                            identity: Some(format!("{} {cidr}", site.name)),
                        },
                        site,
                    )
                })
        })
        .collect()
}

/// Every overlap between ranges of environments that route to each other, in environment
/// order. Overlaps inside one environment are `network::check`'s and are not repeated.
pub(crate) fn check(envs: &[Env]) -> Vec<Overlap> {
    let domains = Domains::of(envs);
    let azure: Vec<Vec<Range>> = envs
        .iter()
        .enumerate()
        .map(|(i, (_, s))| azure_ranges(i, s))
        .collect();
    // A site both environments list is one site: its prefixes are compared once.
    let mut sites: Vec<(Range, &Site)> = Vec::new();
    for (i, (_, s)) in envs.iter().enumerate() {
        for (r, site) in site_ranges(i, s) {
            if !sites
                .iter()
                .any(|(o, _)| o.identity == r.identity && domains.connected(o.env, i))
            {
                sites.push((r, site));
            }
        }
    }
    let mut out = Vec::new();
    let mut found = |a: &Range, b: &Range| {
        out.push(Overlap {
            a: a.clone(),
            b: b.clone(),
            why: domains.why(envs, a.env, b.env),
        });
    };
    for i in 0..envs.len() {
        for j in i + 1..envs.len() {
            if !domains.connected(i, j) {
                continue;
            }
            for a in &azure[i] {
                for b in azure[j].iter().filter(|b| b.cidr.overlaps(&a.cidr)) {
                    if a.identity.is_none() || a.identity != b.identity {
                        found(a, b);
                    }
                }
            }
        }
        // The environment's own sites were checked with its ranges already.
        for a in &azure[i] {
            for (b, _) in sites.iter().filter(|(b, _)| {
                b.env != i && domains.connected(i, b.env) && b.cidr.overlaps(&a.cidr)
            }) {
                found(a, b);
            }
        }
    }
    for (x, (a, site_a)) in sites.iter().enumerate() {
        for (b, site_b) in &sites[x + 1..] {
            let same_site =
                site_a.name == site_b.name || site_a.gateway_address == site_b.gateway_address;
            if a.env != b.env
                && !same_site
                && domains.connected(a.env, b.env)
                && a.cidr.overlaps(&b.cidr)
            {
                found(a, b);
            }
        }
    }
    out
}

impl Overlap {
    /// The overlap as an input error about its first range, naming both ranges, where each
    /// was written, and why their environments route to each other.
    pub(crate) fn diagnostic(&self, envs: &[Env], values: &Values) -> Diagnostic {
        let key = |r: &Range| KeyPath {
            env: (!r.top_level).then(|| envs[r.env].0.to_string()),
            pointer: r.pointer.clone(),
        };
        let describe = |r: &Range| {
            let at = crate::model::locate::written_at(values, &key(r)).unwrap_or_else(|| {
                // Only a spoke's range comes from somewhere else than its own key: the pool.
                let pool = KeyPath {
                    pointer: "/network/spokeAddressPool".into(),
                    ..key(r)
                };
                let pool_at = crate::model::locate::written_at(values, &pool);
                format!(
                    "taken from network.spokeAddressPool{}",
                    pool_at.map(|p| format!(" at {p}")).unwrap_or_default()
                )
            });
            format!("{}'s {} {} ({at})", envs[r.env].0, r.what, r.cidr)
        };
        let (a, b) = (&self.a, &self.b);
        let mut d = Diagnostic::new(format!(
            "{} overlaps {}, and {} and {} route to each other: {}",
            describe(a),
            describe(b),
            envs[a.env].0,
            envs[b.env].0,
            self.why
        ))
        .hint(
            "environments that share a hub, an on-premises site or an ExpressRoute circuit need ranges of their own, apart from the sites' prefixes (environments that never route to each other may reuse ranges)",
        );
        d.key = Some(Box::new(key(a)));
        d
    }
}
