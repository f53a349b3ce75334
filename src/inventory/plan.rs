//! The migration plan of an inventory: each server with its environment, wave, spoke, subnet,
//! VM name, size and disk tiers, decided once for `meg inventory` and `meg render` alike.
//!
//! Reading is `super`, the rules are in `placement`, `sizing` and `disks`; this module applies
//! them in order and gathers every problem before it reports, so one run shows them all.

use std::collections::BTreeMap;

use serde::Serialize;

use super::disks::{DiskSku, SizedDisk, TierTable};
use super::placement::{glob, networks_of};
use super::sizing::{Choice, Policy, SizeTable};
use super::wave::{Wave, WaveReason, WaveSource};
use super::wave_settings::WaveSettings;
use super::{Inventory, OsFamily, Server};
use crate::catalog::Catalog;
use crate::error::{Diagnostic, Error, Result, did_you_mean};
use crate::input::inventory_settings::InventorySettings;

/// An environment of the landing zone: its name and preset tier (dev, test, prod).
#[derive(Debug, Clone)]
pub struct EnvironmentRef {
    /// The name.
    pub name: String,
    /// The tier: prod gets Premium SSD by default.
    pub tier: String,
}

/// One server, planned.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Planned {
    /// The server as read.
    #[serde(skip)]
    pub server: Server,
    /// The VM's name in Azure: the host name, lower case.
    pub vm_name: String,
    /// The environment.
    pub environment: String,
    /// The migration wave: lower case `[a-z0-9-]`, one environment's (`waves`).
    pub wave: String,
    /// Why the server is in that wave.
    pub wave_reason: WaveReason,
    /// The spoke, when placement rules are given.
    pub spoke: Option<String>,
    /// The subnet of that spoke.
    pub subnet: Option<String>,
    /// The size and why.
    pub size: Choice,
    /// The disks with their storage type and tier, the OS disk first.
    pub disks: Vec<SizedDisk>,
}

/// Every server planned, with what the planning noticed.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The servers, in inventory order.
    pub servers: Vec<Planned>,
    /// The waves, in the order they run (dev and test before prod, dependencies first).
    pub waves: Vec<Wave>,
    /// One sentence each.
    pub warnings: Vec<String>,
    /// `(a, b)`: server `a` depends on server `b` (indexes into `servers`), from the
    /// dependency export.
    pub dependencies: Vec<(usize, usize)>,
}

/// The first wave of an environment, and every server's wave when nothing groups them.
pub fn wave_of(environment: &str) -> String {
    format!("{environment}-wave-1")
}

/// A host name as an Azure VM name: the first label of the name, lower case, accented Latin
/// letters without their accents, other characters Azure refuses turned into hyphens.
pub fn vm_name(server_name: &str) -> String {
    let host = server_name.split('.').next().unwrap_or(server_name);
    let mut out = String::new();
    for c in super::latin_fold::lower_ascii(host).chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Plans an inventory against the landing zone's environments.
pub fn plan(
    inv: Inventory,
    settings: &InventorySettings,
    waves: &WaveSettings,
    environments: &[EnvironmentRef],
    catalog: &Catalog,
) -> Result<Plan> {
    let sizes = SizeTable::load(catalog)?;
    let tiers = TierTable::load(catalog)?;
    let mut problems = Vec::new();
    let policy = policy(settings, &sizes, &mut problems);
    let storage = disk_storage(settings, environments, &mut problems);
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    let env_names: Vec<&str> = environments.iter().map(|e| e.name.as_str()).collect();
    let mut plan = Plan {
        warnings: inv.warnings,
        ..Plan::default()
    };
    let dependencies = inv.dependencies;
    let mut unplaced: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for server in inv.servers {
        let environment = match environment_of(&server, settings, &env_names) {
            Ok(e) => e,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let placed = settings
            .placement
            .iter()
            .find(|r| r.matches(&server, &environment));
        if placed.is_none() && !settings.placement.is_empty() {
            unplaced
                .entry(networks_of(&server))
                .or_default()
                .push(format!("{} ({})", server.name, server.origin));
        }
        let name = vm_name(&server.name);
        if name.is_empty() {
            problems.push(Diagnostic::at(
                server.origin.clone(),
                format!(
                    "server name '{}' has no letter or digit to name a VM after",
                    server.name
                ),
            ));
            continue;
        }
        if let Some(first) = names.insert(name.clone(), server.origin.clone()) {
            problems.push(
                Diagnostic::at(
                    server.origin.clone(),
                    format!("server '{}' would be VM '{name}', as the server at {first} would", server.name),
                )
                .hint("VM names are host names in lower case: rename one of the servers in the export"),
            );
            continue;
        }
        // A memory column in GB read as MB (a header that names no unit reads MB) gives a
        // server of a few MiB: no server boots in less than 512 MiB.
        if server.memory_mib < 512 {
            plan.warnings.push(format!(
                "{}: '{}' has {} MiB of memory: if the column holds GB, say so in its header (Memory (In GB))",
                server.origin, server.name, server.memory_mib
            ));
        }
        if server.os.family == OsFamily::Unknown {
            plan.warnings.push(format!(
                "{}: '{}' is neither Windows nor Linux ('{}'): meg treats it as Linux",
                server.origin, server.name, server.os.name
            ));
        }
        let wanted = storage[&environment];
        let mut disks = Vec::new();
        for d in &server.disks {
            match tiers.size(d, wanted) {
                Ok(s) => disks.push(s),
                Err(why) => problems.push(Diagnostic::at(server.origin.clone(), why)),
            }
        }
        if server.disks.is_empty() {
            plan.warnings.push(format!(
                "{}: '{}' lists no disks: its VM gets the image's OS disk",
                server.origin, server.name
            ));
        }
        let data_disks = disks.iter().filter(|d| !d.is_os).count() as u32;
        let premium = disks.iter().any(|d| d.sku.is_premium());
        let size = match sizes.choose(&server, data_disks, premium, &policy) {
            Ok(c) => c,
            Err(why) => {
                problems.push(
                    Diagnostic::at(server.origin.clone(), format!("'{}': {why}", server.name))
                        .hint("allow more series in migration.inventory.sizing.series, or fix the server's cores and memory"),
                );
                continue;
            }
        };
        if size.source == crate::input::closed_sets::SizeSource::AsOnPremises
            && server.assessed_size.is_some()
        {
            plan.warnings.push(format!(
                "{}: '{}' is sized {} by meg, not by its assessment: {}",
                server.origin, server.name, size.size, size.reason
            ));
        }
        if size.source == crate::input::closed_sets::SizeSource::Assessment
            && sizes.get(&size.size).is_none()
        {
            plan.warnings.push(format!(
                "{}: the assessment's size {} is not in meg's size table; it is used as given",
                server.origin, size.size
            ));
        }
        plan.servers.push(Planned {
            vm_name: name,
            wave: wave_of(&environment),
            wave_reason: WaveReason {
                source: WaveSource::Environment,
                detail: String::new(),
            },
            spoke: placed.map(|r| r.spoke.clone()),
            subnet: placed.map(|r| r.subnet.clone()),
            environment,
            size,
            disks,
            server,
        });
    }
    if !unplaced.is_empty() {
        let mut d = Diagnostic::new(format!(
            "{} servers match no placement rule of migration.inventory.placement:",
            unplaced.values().map(Vec::len).sum::<usize>()
        ));
        for (network, servers) in &unplaced {
            d.message
                .push_str(&format!("\n  network {network}: {}", servers.join(", ")));
        }
        problems
            .push(d.hint("add a rule per network (network, vlan or cidr, with spoke and subnet)"));
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    apply_waves(&mut plan, &dependencies, waves, environments)?;
    warn_not_vmware(&mut plan);
    Ok(plan)
}

/// Warns of every server the inventory places on Hyper-V, a physical machine or another
/// platform: the wave roots replicate agentless VMware only and leave it out, and it migrates
/// by the path the warning names.
fn warn_not_vmware(plan: &mut Plan) {
    for p in &plan.servers {
        let Some((platform, said)) = p.server.platform_of() else {
            continue;
        };
        let Some(path) = platform.other_path() else {
            continue;
        };
        plan.warnings.push(format!(
            "{}: '{}' is {} ({said}), and wave '{}' replicates with agentless VMware migration only: its replication root and waves/wave.sh leave it out, and its runbook lists it; {path}, in the wave's cutover window",
            p.server.origin,
            p.server.name,
            platform.label(),
            p.wave
        ));
    }
}

/// Plans the waves of planned servers (`waves`) and writes each server's wave into the plan.
pub(crate) fn apply_waves(
    plan: &mut Plan,
    dependencies: &[super::dependencies::Dependency],
    settings: &WaveSettings,
    environments: &[EnvironmentRef],
) -> Result<()> {
    let subjects: Vec<super::waves::Subject> = plan
        .servers
        .iter()
        .map(|p| super::waves::Subject {
            server: &p.server,
            vm_name: &p.vm_name,
            environment: &p.environment,
        })
        .collect();
    let envs: Vec<(&str, &str)> = environments
        .iter()
        .map(|e| (e.name.as_str(), e.tier.as_str()))
        .collect();
    let outcome = super::waves::plan_waves(&subjects, dependencies, settings, &envs)?;
    for (p, (wave, reason)) in plan.servers.iter_mut().zip(outcome.servers) {
        p.wave = wave;
        p.wave_reason = reason;
    }
    plan.waves = outcome.waves;
    plan.warnings.extend(outcome.warnings);
    plan.dependencies = outcome.depends_on;
    Ok(())
}

/// A server's environment: the export's column (mapped, or by name), else a name pattern,
/// else the default, else the only environment there is.
fn environment_of(
    server: &Server,
    settings: &InventorySettings,
    envs: &[&str],
) -> Result<String, Diagnostic> {
    let rules = &settings.environments;
    if let Some(value) = &server.environment {
        let mapped = rules
            .map
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(value))
            .map(|(_, v)| v.clone())
            .or_else(|| {
                envs.iter()
                    .find(|e| e.eq_ignore_ascii_case(value))
                    .map(|e| e.to_string())
            });
        return mapped.ok_or_else(|| {
            Diagnostic::at(
                server.origin.clone(),
                format!("server '{}' is in environment '{value}', which the landing zone does not have (it has {})", server.name, envs.join(", ")),
            )
            .hint(format!("map it: migration.inventory.environments.map: {{\"{value}\": {}}}", envs.last().copied().unwrap_or("prod")))
        });
    }
    if let Some(r) = rules.names.iter().find(|r| glob(&r.pattern, &server.name)) {
        return Ok(r.environment.clone());
    }
    if let Some(d) = &rules.default {
        return Ok(d.clone());
    }
    if let [only] = envs {
        return Ok(only.to_string());
    }
    Err(Diagnostic::at(
        server.origin.clone(),
        format!("server '{}' has no environment: the export has no environment column and no rule names it", server.name),
    )
    .hint("add migration.inventory.environments.default, a names rule, or an Environment column"))
}

/// The sizing policy from the settings, checking series names against the size table.
fn policy(
    settings: &InventorySettings,
    sizes: &SizeTable,
    problems: &mut Vec<Diagnostic>,
) -> Policy {
    let s = &settings.sizing;
    let mut p = Policy::default();
    for (key, list, target) in [
        ("series", &s.series, &mut p.series),
        (
            "memoryOptimizedSeries",
            &s.memory_optimized_series,
            &mut p.memory_optimised,
        ),
    ] {
        if let Some(list) = list {
            for series in list {
                if !sizes.has_series(series) {
                    let d = Diagnostic::at(
                        format!("migration.inventory.sizing.{key}"),
                        format!("'{series}' is not a VM series meg knows"),
                    );
                    problems.push(match did_you_mean(series, sizes.series()) {
                        Some(m) => d.hint(format!("did you mean '{m}'?")),
                        None => d.hint(format!("series: {}", sizes.series().join(", "))),
                    });
                }
            }
            *target = list.clone();
        }
    }
    if let Some(f) = s.comfort_factor {
        p.comfort_factor = f;
    }
    p
}

/// The disk storage type of each environment.
fn disk_storage(
    settings: &InventorySettings,
    environments: &[EnvironmentRef],
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, DiskSku> {
    let mut out = BTreeMap::new();
    for e in environments {
        let default = if e.tier == "prod" {
            DiskSku::PremiumLrs
        } else {
            DiskSku::StandardSsdLrs
        };
        out.insert(e.name.clone(), default);
    }
    for (env, sku) in &settings.sizing.disk_storage {
        if !out.contains_key(env) {
            problems.push(Diagnostic::at(
                format!("migration.inventory.sizing.diskStorage.{env}"),
                format!("'{env}' is not an environment of this landing zone"),
            ));
            continue;
        }
        match DiskSku::parse(sku) {
            Some(s) => {
                out.insert(env.clone(), s);
            }
            None => problems.push(
                Diagnostic::at(
                    format!("migration.inventory.sizing.diskStorage.{env}"),
                    format!("'{sku}' is not a disk storage type"),
                )
                .hint(format!(
                    "one of {}",
                    DiskSku::ALL.map(DiskSku::as_str).join(", ")
                )),
            ),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_vms_after_the_host_in_lower_case() {
        assert_eq!(vm_name("WEB01.contoso.local"), "web01");
        assert_eq!(vm_name("SQL_PROD 02"), "sql-prod-02");
        assert_eq!(vm_name("--x--"), "x");
        assert_eq!(vm_name("Sérveur-Été.corp"), "serveur-ete");
    }
}
