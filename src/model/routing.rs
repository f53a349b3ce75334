//! Which environments can route to each other: the routing domains in which one address plan
//! must hold (`address_overlaps` checks it).
//!
//! Environments route to each other when they attach to the same thing that routes: the same
//! hub, the same on-premises site, the same ExpressRoute circuit. A prefix one of them
//! announces reaches the others through it (a hub's route tables, a datacenter's router that
//! learns both environments over two tunnels), so the relation is transitive: a domain is a
//! connected group of environments. Environments outside each other's domain never exchange
//! routes and may reuse ranges (isolated copies of one design).
//!
//! This module only says who routes to whom, and through what; it judges no range.

use std::collections::VecDeque;

use crate::input::settings::Settings;

/// An environment as the address plan sees it: its name and settings.
pub(crate) type Env<'a> = (&'a str, &'a Settings);

/// Something routing an environment attaches to. Environments that attach to the same one
/// (equal `key`) can route to each other through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attachment {
    /// What makes two attachments the same thing (a resource ID in lower case, a site's name).
    pub(crate) key: String,
    /// How an environment attaches to it, in words, for messages (`use the existing hub
    /// vnet-hub-prod-weu-001`).
    pub(crate) label: String,
}

impl Attachment {
    fn new(key: String, label: String) -> Self {
        Attachment { key, label }
    }
}

/// The hub an environment shares with others, when it is not one meg builds for this
/// environment alone. Hubs of other kinds that several environments attach to (a platform hub
/// by its name) belong here, and with them every check of the address plan.
pub(crate) fn shared_hub(s: &Settings) -> Option<Attachment> {
    // Azure resource IDs compare without regard to case.
    s.network.hub.existing.as_ref().map(|h| {
        Attachment::new(
            format!("hub {}", h.virtual_network_id.to_ascii_lowercase()),
            format!("use the existing hub {}", h.id_part("virtualNetworks")),
        )
    })
}

/// Whether the environment has a path to its on-premises sites: its own VPN or ExpressRoute
/// gateway, or the gateways of an existing hub it uses.
pub(crate) fn reaches_on_premises(s: &Settings) -> bool {
    s.vpn_gateway.enabled
        || s.express_route.enabled
        || s.network
            .hub
            .existing
            .as_ref()
            .is_some_and(|h| h.use_remote_gateways)
}

/// Everything routing the environment attaches to. A site is the same site in two
/// environments when it has the same name or the same VPN device address.
fn attachments(s: &Settings) -> Vec<Attachment> {
    let mut out: Vec<Attachment> = shared_hub(s).into_iter().collect();
    if reaches_on_premises(s) {
        for site in &s.on_premises.sites {
            let label = format!("connect to on-premises site '{}'", site.name);
            out.push(Attachment::new(
                format!("site {}", site.name),
                label.clone(),
            ));
            out.push(Attachment::new(
                format!("device {}", site.gateway_address),
                label,
            ));
        }
    }
    let er = &s.express_route;
    if let (true, Some(circuit)) = (er.enabled, &er.circuit_id) {
        let name = circuit.rsplit('/').next().unwrap_or(circuit);
        out.push(Attachment::new(
            format!("circuit {}", circuit.to_ascii_lowercase()),
            format!("connect to ExpressRoute circuit {name}"),
        ));
    }
    out
}

/// The routing domains of a landing zone: which environments (by index) route to each other,
/// and through what.
pub(crate) struct Domains {
    /// `links[i][j]`: what environments `i` and `j` both attach to, if anything.
    links: Vec<Vec<Option<String>>>,
    /// The domain of each environment (the lowest index in it).
    domain: Vec<usize>,
}

impl Domains {
    /// Computes the domains of the environments.
    pub(crate) fn of(envs: &[Env]) -> Self {
        let attached: Vec<Vec<Attachment>> = envs.iter().map(|(_, s)| attachments(s)).collect();
        let n = envs.len();
        let mut links = vec![vec![None; n]; n];
        for i in 0..n {
            for j in 0..n {
                if i != j {
                    links[i][j] = attached[i]
                        .iter()
                        .find(|a| attached[j].iter().any(|b| b.key == a.key))
                        .map(|a| a.label.clone());
                }
            }
        }
        let mut domain: Vec<usize> = (0..n).collect();
        for start in 0..n {
            if domain[start] != start {
                continue;
            }
            let mut queue = VecDeque::from([start]);
            while let Some(i) = queue.pop_front() {
                for j in neighbours(&links, i) {
                    if domain[j] == j && j != start {
                        domain[j] = start;
                        queue.push_back(j);
                    }
                }
            }
        }
        Domains { links, domain }
    }

    /// Whether environments `i` and `j` can route to each other.
    pub(crate) fn connected(&self, i: usize, j: usize) -> bool {
        self.domain[i] == self.domain[j]
    }

    /// Why environments `i` and `j` route to each other, in words: the shortest chain of
    /// shared attachments between them (`dev and prod both connect to on-premises site 'dc'`).
    pub(crate) fn why(&self, envs: &[Env], i: usize, j: usize) -> String {
        let n = envs.len();
        let mut from = vec![usize::MAX; n];
        from[i] = i;
        let mut queue = VecDeque::from([i]);
        while let Some(k) = queue.pop_front() {
            for m in neighbours(&self.links, k) {
                if from[m] == usize::MAX {
                    from[m] = k;
                    queue.push_back(m);
                }
            }
        }
        let mut steps = Vec::new();
        let mut at = j;
        while at != i && from[at] != usize::MAX {
            let prev = from[at];
            let via = self.links[prev][at].as_deref().unwrap_or("something");
            steps.push(format!("{} and {} both {via}", envs[prev].0, envs[at].0));
            at = prev;
        }
        steps.reverse();
        steps.join("; ")
    }
}

/// The environments environment `i` shares an attachment with.
fn neighbours(links: &[Vec<Option<String>>], i: usize) -> impl Iterator<Item = usize> + '_ {
    links[i]
        .iter()
        .enumerate()
        .filter(|(_, link)| link.is_some())
        .map(|(j, _)| j)
}
