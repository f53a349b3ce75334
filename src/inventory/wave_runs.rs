//! The waves of a planned inventory, for the render: each planned server's `wave` gathered into
//! [`WaveRun`]s, ordered (dev and test before prod), each server given the resource group,
//! virtual network and subnet the resolved environment puts its VM in.
//!
//! Which server is in which wave is `plan`'s decision; this module neither moves a server nor
//! reads a file. It refuses what a render could not write or run: a wave name that is not a
//! plain path segment, or one wave spread over two environments (a wave runs with one
//! environment's identity and approvals).

use std::collections::BTreeMap;

use serde_json::Value;

use super::plan::{Plan, Planned};
use crate::error::{Diagnostic, Error, Result};
use crate::model::fixed_name::FixedName;
use crate::model::wave_runs::{RunServer, RunTotals, WaveRun, is_wave_name, order_key};
use crate::model::{Environment, LandingZone, TIERS};

/// Each replicated server's target resource group and virtual network, by VM name.
type Targets<'a> = BTreeMap<&'a str, (&'a str, &'a str)>;

/// The waves of a plan, in the order they run. A server whose environment the landing zone
/// does not have is left out (the plan refuses those before this runs).
pub fn waves(plan: &Plan, lz: &LandingZone) -> Result<Vec<WaveRun>> {
    let mut problems = Vec::new();
    let mut by_name: BTreeMap<&str, Vec<&Planned>> = BTreeMap::new();
    for p in &plan.servers {
        by_name.entry(p.wave.as_str()).or_default().push(p);
    }
    // What each server depends on within its own wave: the runbook cuts those over first.
    let mut depends_on: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for &(a, b) in &plan.dependencies {
        let (Some(a), Some(b)) = (plan.servers.get(a), plan.servers.get(b)) else {
            continue;
        };
        if a.wave == b.wave && a.vm_name != b.vm_name {
            depends_on
                .entry(a.vm_name.as_str())
                .or_default()
                .push(b.vm_name.clone());
        }
    }
    // Where Azure Migrate's cutover puts each replicated server: its replication wave decides.
    // Once for every wave: looked up per server.
    let target: Targets = lz
        .waves
        .iter()
        .flat_map(|w| &w.servers)
        .map(|s| {
            (
                s.name.as_str(),
                (
                    s.resource_group_name.as_str(),
                    s.virtual_network_name.as_str(),
                ),
            )
        })
        .collect();
    let mut waves = Vec::new();
    for (name, servers) in by_name {
        if !is_wave_name(name) {
            problems.push(
                Diagnostic::at(
                    servers[0].server.origin.clone(),
                    format!("wave '{name}' cannot name the folders and pipelines of a wave"),
                )
                .hint(format!(
                    "name waves with 1 to {} lowercase letters, digits and hyphens (dev-wave-1)",
                    crate::model::wave_runs::MAX_WAVE_NAME
                )),
            );
            continue;
        }
        let mut envs: Vec<&str> = servers.iter().map(|p| p.environment.as_str()).collect();
        envs.sort();
        envs.dedup();
        if let [one, two, ..] = envs.as_slice() {
            let of = |e: &str| {
                servers
                    .iter()
                    .find(|p| p.environment == e)
                    .map_or(String::new(), |p| {
                        format!("{} ({})", p.server.name, p.server.origin)
                    })
            };
            problems.push(
                Diagnostic::new(format!(
                    "wave '{name}' has servers of environments {one} ({}) and {two} ({}): a wave runs with one environment's identity and approvals",
                    of(one),
                    of(two)
                ))
                .hint("give each environment's servers a wave of their own"),
            );
            continue;
        }
        let Some(env) = lz.environments.iter().find(|e| e.name == envs[0]) else {
            continue;
        };
        waves.push(wave(name, env, &servers, &target, &depends_on));
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    let rank = |w: &WaveRun| {
        let tier = TIERS
            .iter()
            .position(|t| *t == w.tier)
            .unwrap_or(TIERS.len());
        let env = lz
            .environments
            .iter()
            .position(|e| e.name == w.environment)
            .unwrap_or(usize::MAX);
        (order_key(tier, &w.environment, &w.name), env)
    };
    waves.sort_by_key(|w| rank(w));
    let mut previous: Option<String> = None;
    for (i, w) in waves.iter_mut().enumerate() {
        w.position = i + 1;
        w.previous = previous.replace(w.name.clone());
    }
    Ok(waves)
}

/// One wave of one environment, its servers in cutover order.
fn wave(
    name: &str,
    env: &Environment,
    servers: &[&Planned],
    target: &Targets,
    depends_on: &BTreeMap<&str, Vec<String>>,
) -> WaveRun {
    // Where the rehost templates put each VM: the virtualMachines parameter decides it once.
    let placed: BTreeMap<&str, &Value> = env
        .params
        .iter()
        .find(|p| p.name == "virtualMachines")
        .and_then(|p| p.value.as_array())
        .map(|vms| {
            vms.iter()
                .filter_map(|vm| Some((vm.get("name")?.as_str()?, vm)))
                .collect()
        })
        .unwrap_or_default();
    let text = |vm: Option<&&Value>, key: &str| {
        vm.and_then(|v| v.get(key))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let mut out: Vec<RunServer> = servers
        .iter()
        .map(|p| {
            let vm = placed.get(p.vm_name.as_str());
            RunServer {
                source_name: p.server.name.clone(),
                vm_name: p.vm_name.clone(),
                os: match p.server.os.family {
                    super::OsFamily::Windows => "windows".into(),
                    _ => "linux".into(),
                },
                os_name: p.server.os.name.clone(),
                cores: p.server.cores,
                memory_gib: p.server.memory_mib.div_ceil(1024),
                size: p.size.size.clone(),
                size_reason: p.size.reason.clone(),
                disks: p
                    .disks
                    .iter()
                    .map(|d| {
                        format!(
                            "{}{} GiB {}",
                            d.tier
                                .as_deref()
                                .map_or_else(String::new, |t| format!("{t} ")),
                            d.size_gib,
                            d.sku.as_str()
                        )
                    })
                    .collect(),
                disk_gib: p.server.disks.iter().map(|d| d.size_gib).sum(),
                spoke: p.spoke.clone().unwrap_or_default(),
                subnet: p.subnet.clone().unwrap_or_default(),
                resource_group: target.get(p.vm_name.as_str()).map_or_else(
                    || text(vm, "resourceGroupName"),
                    |(rg, _)| (*rg).to_string(),
                ),
                virtual_network: target.get(p.vm_name.as_str()).map_or_else(
                    || text(vm, "virtualNetworkName"),
                    |(_, vnet)| (*vnet).to_string(),
                ),
                ip_addresses: p.server.nics.iter().flat_map(|n| n.ips.clone()).collect(),
                depends_on: depends_on
                    .get(p.vm_name.as_str())
                    .cloned()
                    .unwrap_or_default(),
                origin: p.server.origin.clone(),
                migrate_with: p
                    .server
                    .platform_of()
                    .and_then(|(platform, _)| {
                        platform
                            .other_path()
                            .map(|path| format!("{}: {path}", platform.label()))
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    // Without dependencies inside the wave, the inventory's order is the cutover order, and the
    // runbook says so.
    let order_basis = if out.iter().any(|s| !s.depends_on.is_empty()) {
        "by dependency: a server cuts over after the servers of this wave it depends on".into()
    } else {
        "the inventory's (file, then row), as meg knows no dependencies between these servers (reorder the steps below if the application needs it)".into()
    };
    order_by_dependency(&mut out);
    let totals = RunTotals {
        servers: out.len(),
        cores: out.iter().map(|s| u64::from(s.cores)).sum(),
        memory_gib: out.iter().map(|s| s.memory_gib).sum(),
        disk_gib: out.iter().map(|s| s.disk_gib).sum(),
    };
    WaveRun {
        name: name.to_string(),
        position: 0,
        previous: None,
        environment: env.name.clone(),
        tier: env.tier.clone(),
        subscription_id: env.subscription_id.clone().unwrap_or_default(),
        migration_resource_group: env
            .names
            .text(FixedName::MigrationResourceGroup)
            .to_string(),
        migrate_project: env.names.text(FixedName::MigrateProject).to_string(),
        order_basis,
        servers: out,
        totals,
    }
}

/// Stable topological order: a server comes after those of the wave it depends on, otherwise
/// keeps its place. A cycle (servers that depend on each other) keeps the given order.
fn order_by_dependency(servers: &mut Vec<RunServer>) {
    let mut done: Vec<RunServer> = Vec::with_capacity(servers.len());
    let mut left: Vec<RunServer> = std::mem::take(servers);
    while !left.is_empty() {
        let ready = left.iter().position(|s| {
            s.depends_on.iter().all(|d| {
                !left
                    .iter()
                    .any(|o| &o.vm_name == d && o.vm_name != s.vm_name)
            })
        });
        // A cycle: take the first left, as given.
        let i = ready.unwrap_or(0);
        done.push(left.remove(i));
    }
    *servers = done;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(name: &str, deps: &[&str]) -> RunServer {
        RunServer {
            source_name: name.into(),
            vm_name: name.into(),
            os: "linux".into(),
            os_name: String::new(),
            cores: 2,
            memory_gib: 4,
            size: "Standard_D2s_v5".into(),
            size_reason: String::new(),
            disks: Vec::new(),
            disk_gib: 0,
            spoke: String::new(),
            subnet: String::new(),
            resource_group: String::new(),
            virtual_network: String::new(),
            ip_addresses: Vec::new(),
            depends_on: deps.iter().map(|d| d.to_string()).collect(),
            origin: String::new(),
            migrate_with: String::new(),
        }
    }

    #[test]
    fn a_server_cuts_over_after_what_it_depends_on() {
        let mut s = vec![
            server("web", &["app"]),
            server("app", &["db"]),
            server("db", &[]),
            server("file", &[]),
        ];
        order_by_dependency(&mut s);
        let names: Vec<&str> = s.iter().map(|s| s.vm_name.as_str()).collect();
        assert_eq!(names, ["db", "app", "web", "file"]);
    }

    #[test]
    fn a_cycle_keeps_the_given_order() {
        let mut s = vec![server("a", &["b"]), server("b", &["a"])];
        order_by_dependency(&mut s);
        assert_eq!(s[0].vm_name, "a");
    }
}
