//! Migration waves for a planned inventory: which wave each server moves in, in which order
//! the waves run, and why.
//!
//! Explicit groupings win, strongest first: `migration.waves` of the landing-zone file, a
//! wave column of an inventory file, the group an assessment was created on. Every other
//! server's wave is derived from the dependency exports (`wave_order` holds the rules); with
//! none, each environment's servers fill its waves in inventory order. Dependencies on
//! machines outside the inventory are reported, not fatal: those machines stay on premises.
//!
//! This file matches names (declarations and dependency ends to servers) and words the
//! results; it does not read files, the graph work is `wave_order`'s, and `plan` writes the
//! outcome into the plan (so this file never names the plan: no import cycle).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::dependencies::{Dependency, Endpoint};
use super::placement::glob;
use super::server::Server;
use super::wave::{Wave, WaveReason, WaveSource, number_in, wave_name_of};
use super::wave_order::{Explicit, Member, assign};
use super::wave_settings::WaveSettings;
use crate::error::{Diagnostic, Error, Result, did_you_mean};

/// How many dependency conflicts are listed one by one before the rest are counted.
const LISTED: usize = 20;

/// An explicit wave being gathered: its servers' environment and how it sorts.
struct Gathered {
    name: String,
    env: usize,
    /// (source, declared position or wave number, name): the order when nothing else decides.
    key: (WaveSource, u64, String),
    /// Where it is declared (declared waves) or its first server's row, for messages.
    at: String,
    /// A server of it, for messages.
    server: usize,
}

/// One planned server, as waves see it.
pub(crate) struct Subject<'a> {
    /// The server as read.
    pub server: &'a Server,
    /// Its VM name (the host name, lower case).
    pub vm_name: &'a str,
    /// Its environment.
    pub environment: &'a str,
}

/// The waves in the order they run, each server's wave and reason, and what the planning
/// noticed.
pub(crate) struct Outcome {
    /// In order.
    pub waves: Vec<Wave>,
    /// Per server, in the order given: its wave's name and why.
    pub servers: Vec<(String, WaveReason)>,
    /// One sentence each.
    pub warnings: Vec<String>,
    /// `(a, b)`: server `a` depends on server `b` (indexes in the order given), from the
    /// dependency export; the runbooks cut `b` over before `a` when both share a wave.
    pub depends_on: Vec<(usize, usize)>,
}

/// Decides every server's wave and the order of the waves. `environments` are the landing
/// zone's `(name, tier)`. Errors (declarations that match nothing, a wave of two
/// environments) are returned together.
pub(crate) fn plan_waves(
    subjects: &[Subject],
    dependencies: &[Dependency],
    settings: &WaveSettings,
    environments: &[(&str, &str)],
) -> Result<Outcome> {
    let mut warnings = Vec::new();
    let envs = env_order(environments, subjects);
    let env_index: HashMap<&str, usize> = envs
        .iter()
        .enumerate()
        .map(|(i, e)| (e.as_str(), i))
        .collect();
    let mut problems = Vec::new();
    let n = subjects.len();

    // Explicit assignments: declared, then the export's column or group.
    let declared = declared_of(subjects, settings, &mut problems, &mut warnings);
    let mut gathered: Vec<Gathered> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut explicit_of: Vec<Option<(usize, WaveReason)>> = vec![None; n];
    let mut mixed: HashSet<usize> = HashSet::new();
    for (i, p) in subjects.iter().enumerate() {
        let env = env_index[p.environment];
        let (name, key, reason, at) = if let Some((w, entry)) = declared[i] {
            let wave = &settings.waves[w];
            let entry = &wave.servers[entry];
            (
                wave.name.clone(),
                (WaveSource::Declared, w as u64, wave.name.clone()),
                WaveReason {
                    source: WaveSource::Declared,
                    detail: format!("migration.waves names it '{}' ({})", entry.text, entry.at),
                },
                wave.at.clone(),
            )
        } else if let Some(label) = &p.server.wave {
            let Some(name) = wave_name_of(p.environment, &label.value) else {
                problems.push(
                    Diagnostic::at(
                        label.origin.clone(),
                        format!("column '{}': '{}' has no letter or digit to name a wave after", label.column, label.value),
                    )
                    .hint("write the wave's name or number, such as Wave 2 or pilot, or leave the cell empty"),
                );
                continue;
            };
            let number = if label.source == WaveSource::Column {
                number_in(&label.value).unwrap_or(u64::MAX)
            } else {
                0
            };
            let detail = match label.source {
                WaveSource::Group => {
                    format!("assessment group '{}' ({})", label.value, label.origin)
                }
                _ => format!(
                    "column '{}' says '{}' ({})",
                    label.column, label.value, label.origin
                ),
            };
            (
                name.clone(),
                (label.source, number, name),
                WaveReason {
                    source: label.source,
                    detail,
                },
                label.origin.clone(),
            )
        } else {
            continue;
        };
        let x = *by_name.entry(name.clone()).or_insert_with(|| {
            gathered.push(Gathered {
                name: name.clone(),
                env,
                key: key.clone(),
                at,
                server: i,
            });
            gathered.len() - 1
        });
        let g = &mut gathered[x];
        if key < g.key {
            g.key = key;
        }
        if g.env != env {
            // Once per wave: a wave of a thousand servers is one mistake.
            if !mixed.insert(x) {
                continue;
            }
            let first = &subjects[g.server];
            problems.push(
                Diagnostic::at(
                    g.at.clone(),
                    format!(
                        "wave '{name}' has servers of two environments: '{}' ({}) and '{}' ({})",
                        first.server.name, first.environment, p.server.name, p.environment
                    ),
                )
                .hint("a wave moves into one environment: declare a wave per environment"),
            );
            continue;
        }
        explicit_of[i] = Some((x, reason));
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    // Explicit waves in the order they run when nothing else decides.
    let mut order: Vec<usize> = (0..gathered.len()).collect();
    order.sort_by(|&a, &b| gathered[a].key.cmp(&gathered[b].key));
    let mut rank = vec![0; gathered.len()];
    for (r, &x) in order.iter().enumerate() {
        rank[x] = r;
    }
    let explicit: Vec<Explicit> = order
        .iter()
        .map(|&x| {
            let (source, number, _) = &gathered[x].key;
            Explicit {
                name: gathered[x].name.clone(),
                env: gathered[x].env,
                ordered: *source == WaveSource::Declared
                    || (*source == WaveSource::Column && *number != u64::MAX),
            }
        })
        .collect();
    let members: Vec<Member> = subjects
        .iter()
        .enumerate()
        .map(|(i, p)| Member {
            env: env_index[p.environment],
            explicit: explicit_of[i].as_ref().map(|(x, _)| rank[*x]),
        })
        .collect();

    let edges = resolve(subjects, dependencies);
    let a = assign(
        &members,
        &explicit,
        &edges.pairs,
        &envs,
        Some(settings.max()),
    );

    // Reasons.
    let mut depends_on: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut needed_by: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(x, y) in &edges.pairs {
        depends_on[x].push(y);
        needed_by[y].push(x);
    }
    let pairs: HashSet<(usize, usize)> = edges.pairs.iter().copied().collect();
    let names = |list: &mut dyn Iterator<Item = usize>| -> String {
        let all: Vec<usize> = list.collect();
        let mut shown: Vec<&str> = all
            .iter()
            .take(3)
            .map(|&j| subjects[j].server.name.as_str())
            .collect();
        let more = all.len().saturating_sub(3);
        let mut s = shown.join(", ");
        shown.clear();
        if more > 0 {
            s.push_str(&format!(" and {more} more"));
        }
        s
    };
    let mut reasons: Vec<WaveReason> = Vec::with_capacity(n);
    for i in 0..n {
        let w = &a.waves[a.wave_of[i]];
        let reason = if let Some((_, r)) = &explicit_of[i] {
            r.clone()
        } else if a.joined[i] {
            WaveReason {
                source: WaveSource::Dependency,
                detail: format!(
                    "depends on servers of wave '{}' in both directions, so it moves with them",
                    w.name
                ),
            }
        } else if dependencies.is_empty() {
            WaveReason {
                source: WaveSource::Environment,
                detail: "no wave column, group, declaration or dependency export: its environment's waves, in inventory order".into(),
            }
        } else {
            let (both, after): (Vec<usize>, Vec<usize>) = depends_on[i]
                .iter()
                .partition(|&&j| pairs.contains(&(j, i)));
            let mut parts = Vec::new();
            if !both.is_empty() {
                parts.push(format!(
                    "moves with {} (they call each other)",
                    names(&mut both.into_iter())
                ));
            }
            if !after.is_empty() {
                parts.push(format!(
                    "after {}, which it depends on",
                    names(&mut after.into_iter())
                ));
            }
            let detail = if !parts.is_empty() {
                parts.join("; ")
            } else if !needed_by[i].is_empty() {
                format!(
                    "depends on no server of the inventory; {} depend on it",
                    names(&mut needed_by[i].iter().copied())
                )
            } else {
                "no connection in the dependency export".into()
            };
            WaveReason {
                source: WaveSource::Dependency,
                detail,
            }
        };
        reasons.push(reason);
    }

    // Warnings.
    let (max, limit) = (settings.max(), settings.describe_max());
    if max > super::wave_settings::SCALE_OUT_REPLICATIONS {
        warnings.push(format!(
            "migration.waveSize is {max}: Azure Migrate replicates at most {} VMware VMs at once per vCenter Server even with a scale-out appliance (learn.microsoft.com/azure/migrate/migrate-support-matrix-vmware-migration); a wave that large replicates only if its servers sit behind more than one vCenter Server",
            super::wave_settings::SCALE_OUT_REPLICATIONS
        ));
    }
    for w in &a.waves {
        if w.oversized {
            warnings.push(format!(
                "wave '{}' holds {} servers that depend on each other in both directions ({}), more than {limit}: they stay together in one wave",
                w.name,
                w.servers.len(),
                names(&mut w.servers.iter().copied())
            ));
        } else if w.explicit.is_some() && w.servers.len() > max {
            warnings.push(format!(
                "wave '{}' has {} servers, more than {limit}: meg does not split a wave you chose",
                w.name,
                w.servers.len()
            ));
        }
    }
    let source_of = |i: usize| reasons[i].source.as_str();
    let mut late = 0;
    for &(x, y) in &edges.pairs {
        let (wx, wy) = (a.wave_of[x], a.wave_of[y]);
        if wy <= wx {
            continue;
        }
        late += 1;
        if late > LISTED {
            continue;
        }
        let (px, py) = (&subjects[x], &subjects[y]);
        let why = if px.environment != py.environment {
            format!(
                " ({} waves run before {}'s)",
                px.environment, py.environment
            )
        } else {
            String::new()
        };
        warnings.push(format!(
            "'{}' (wave '{}', {}) depends on '{}', which moves later (wave '{}', {}){why}: the connection crosses between on premises and Azure until both have moved",
            px.server.name,
            a.waves[wx].name,
            source_of(x),
            py.server.name,
            a.waves[wy].name,
            source_of(y),
        ));
    }
    if late > LISTED {
        warnings.push(format!(
            "and {} more dependencies on a server that moves in a later wave",
            late - LISTED
        ));
    }
    outside_warnings(subjects, &edges, &mut warnings);

    let servers = reasons
        .into_iter()
        .enumerate()
        .map(|(i, r)| (a.waves[a.wave_of[i]].name.clone(), r))
        .collect();
    let waves = a
        .waves
        .into_iter()
        .map(|w| Wave {
            name: w.name,
            environment: envs[w.env].clone(),
            servers: w.servers,
        })
        .collect();
    Ok(Outcome {
        waves,
        servers,
        warnings,
        depends_on: edges.pairs,
    })
}

/// The environments in the order their waves run: dev, then test, then prod tiers (others
/// last), each tier in the landing zone's order; environments only servers name come last.
fn env_order(environments: &[(&str, &str)], subjects: &[Subject]) -> Vec<String> {
    let rank = |tier: &str| {
        crate::model::TIERS
            .iter()
            .position(|t| *t == tier)
            .unwrap_or(crate::model::TIERS.len())
    };
    let mut envs: Vec<(usize, usize, String)> = environments
        .iter()
        .enumerate()
        .map(|(i, (name, tier))| (rank(tier), i, name.to_string()))
        .collect();
    envs.sort();
    let mut names: Vec<String> = envs.into_iter().map(|(_, _, n)| n).collect();
    let known: HashSet<String> = names.iter().cloned().collect();
    let extra: BTreeSet<&str> = subjects
        .iter()
        .map(|p| p.environment)
        .filter(|e| !known.contains(*e))
        .collect();
    names.extend(extra.into_iter().map(str::to_string));
    names
}

/// Each server's declared wave and entry: an exact name (the server's name or host name,
/// ignoring case) wins over patterns, and of patterns the first written. An exact name that
/// matches no server is an error; a pattern that matches none, a warning.
fn declared_of(
    subjects: &[Subject],
    settings: &WaveSettings,
    problems: &mut Vec<Diagnostic>,
    warnings: &mut Vec<String>,
) -> Vec<Option<(usize, usize)>> {
    let mut exact: HashMap<String, (usize, usize)> = HashMap::new();
    let mut patterns: Vec<(usize, usize)> = Vec::new();
    for (w, wave) in settings.waves.iter().enumerate() {
        for (e, entry) in wave.servers.iter().enumerate() {
            if entry.is_pattern() {
                patterns.push((w, e));
            } else {
                exact.entry(entry.text.to_lowercase()).or_insert((w, e));
            }
        }
    }
    let mut used: HashSet<(usize, usize)> = HashSet::new();
    let mut out = vec![None; subjects.len()];
    if settings.waves.is_empty() {
        return out;
    }
    for (i, p) in subjects.iter().enumerate() {
        let full = p.server.name.to_lowercase();
        // Named twice, once by its full name and once by its host name.
        if let (Some(&(w1, e1)), Some(&(w2, e2))) = (exact.get(&full), exact.get(p.vm_name))
            && (w1, e1) != (w2, e2)
        {
            used.insert((w2, e2));
            let (first, second) = (&settings.waves[w1], &settings.waves[w2]);
            problems.push(
                Diagnostic::at(
                    second.servers[e2].at.clone(),
                    format!(
                        "server '{}' is named twice in migration.waves: as '{}' in wave '{}', and as '{}' in wave '{}' at {}",
                        p.server.name,
                        second.servers[e2].text,
                        second.name,
                        first.servers[e1].text,
                        first.name,
                        first.servers[e1].at
                    ),
                )
                .hint("a server moves in exactly one wave: keep one of the two"),
            );
        }
        let found = exact
            .get(&full)
            .or_else(|| exact.get(p.vm_name))
            .copied()
            .or_else(|| {
                patterns.iter().copied().find(|&(w, e)| {
                    let pattern = &settings.waves[w].servers[e].text;
                    glob(pattern, &p.server.name) || glob(pattern, p.vm_name)
                })
            });
        if let Some(f) = found {
            used.insert(f);
            out[i] = Some(f);
        }
    }
    for (w, wave) in settings.waves.iter().enumerate() {
        for (e, entry) in wave.servers.iter().enumerate() {
            if used.contains(&(w, e)) {
                continue;
            }
            if entry.is_pattern() {
                warnings.push(format!(
                    "{}: pattern '{}' of wave '{}' matches no server of the inventory",
                    entry.at, entry.text, wave.name
                ));
                continue;
            }
            let d = Diagnostic::at(
                entry.at.clone(),
                format!(
                    "wave '{}' names server '{}', which no inventory file lists",
                    wave.name, entry.text
                ),
            );
            let known = subjects.iter().map(|p| p.server.name.as_str());
            problems.push(match did_you_mean(&entry.text, known) {
                Some(m) => d.hint(format!("did you mean '{m}'?")),
                None => d.hint("name servers as the inventory does (or by host name); * matches any characters"),
            });
        }
    }
    out
}

/// The dependency rows matched to servers: edges between servers, each once, and the
/// connections with one end outside the inventory.
struct Edges {
    /// `(a, b)`: server `a` depends on server `b`.
    pairs: Vec<(usize, usize)>,
    /// A machine outside the inventory, to the ports, the servers that connect to it, and
    /// the row that first says so.
    outbound: BTreeMap<String, (BTreeSet<u16>, BTreeSet<usize>, String)>,
    /// A machine outside the inventory, to the servers it connects to.
    inbound: BTreeMap<String, BTreeSet<usize>>,
}

fn resolve(subjects: &[Subject], dependencies: &[Dependency]) -> Edges {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_ip: HashMap<&str, Option<usize>> = HashMap::new();
    for (i, p) in subjects.iter().enumerate() {
        by_name.insert(p.server.name.to_lowercase(), i);
        by_name.entry(p.vm_name.to_string()).or_insert(i);
        by_name.entry(host_of(&p.server.name)).or_insert(i);
        for ip in p.server.nics.iter().flat_map(|n| &n.ips) {
            by_ip
                .entry(ip.as_str())
                .and_modify(|s| {
                    if *s != Some(i) {
                        *s = None;
                    }
                })
                .or_insert(Some(i));
        }
    }
    let find = |e: &Endpoint| -> Option<usize> {
        e.name
            .as_deref()
            .and_then(|n| {
                by_name
                    .get(&n.to_lowercase())
                    .or_else(|| by_name.get(&host_of(n)))
                    .copied()
            })
            .or_else(|| {
                e.ip.as_deref()
                    .and_then(|ip| by_ip.get(ip).copied().flatten())
            })
    };
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut out = Edges {
        pairs: Vec::new(),
        outbound: BTreeMap::new(),
        inbound: BTreeMap::new(),
    };
    for d in dependencies {
        match (find(&d.source), find(&d.destination)) {
            (Some(a), Some(b)) if a != b => {
                if seen.insert((a, b)) {
                    out.pairs.push((a, b));
                }
            }
            (Some(_), Some(_)) | (None, None) => {}
            (Some(a), None) => {
                let entry = out
                    .outbound
                    .entry(d.destination.label())
                    .or_insert_with(|| (BTreeSet::new(), BTreeSet::new(), d.origin.clone()));
                entry.0.extend(d.port);
                entry.1.insert(a);
            }
            (None, Some(b)) => {
                out.inbound.entry(d.source.label()).or_default().insert(b);
            }
        }
    }
    out
}

/// Warnings for connections that leave the inventory: those machines stay on premises, and
/// every call between them and a moved server crosses the VPN or ExpressRoute.
fn outside_warnings(subjects: &[Subject], edges: &Edges, warnings: &mut Vec<String>) {
    let server = |i: &usize| subjects[*i].server.name.as_str();
    let list = |items: Vec<String>| {
        let total = items.len();
        let mut shown: Vec<String> = items.into_iter().take(10).collect();
        if total > 10 {
            shown.push(format!("and {} more", total - 10));
        }
        shown.join("; ")
    };
    if !edges.outbound.is_empty() {
        let items: Vec<String> = edges
            .outbound
            .iter()
            .map(|(machine, (ports, from, origin))| {
                let ports: Vec<String> = ports.iter().map(u16::to_string).collect();
                let from: Vec<&str> = from.iter().take(5).map(server).collect();
                format!(
                    "{machine}{} used by {}{} ({origin})",
                    if ports.is_empty() {
                        String::new()
                    } else {
                        format!(" port {}", ports.join(", "))
                    },
                    from.join(", "),
                    if edges.outbound[machine].1.len() > 5 {
                        " …"
                    } else {
                        ""
                    }
                )
            })
            .collect();
        let warning = format!(
            "servers depend on {} outside the inventory, which stay on premises (each call crosses to on premises once the server has moved: a latency risk): {}",
            machines(edges.outbound.len()),
            list(items)
        );
        warnings.push(warning);
    }
    if !edges.inbound.is_empty() {
        let items: Vec<String> = edges
            .inbound
            .iter()
            .map(|(machine, to)| {
                let to: Vec<&str> = to.iter().take(5).map(server).collect();
                format!("{machine} calls {}", to.join(", "))
            })
            .collect();
        let warning = format!(
            "{} outside the inventory depend on servers that move (their calls cross to Azure once the server has moved): {}",
            machines(edges.inbound.len()),
            list(items)
        );
        warnings.push(warning);
    }
}

fn machines(n: usize) -> String {
    if n == 1 {
        "1 machine".into()
    } else {
        format!("{n} machines")
    }
}

/// A machine name's host name, lower case: `WEB01.corp.local` is `web01`.
fn host_of(name: &str) -> String {
    name.split('.').next().unwrap_or(name).to_lowercase()
}
