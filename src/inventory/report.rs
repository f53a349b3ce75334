//! `meg inventory`: the servers as meg sees them (environment, wave, spoke, subnet, size and
//! why, disks), as text or JSON, and `--export azure-migrate-import`.
//!
//! The command reads a landing-zone file (its `migration.inventory` names the files and the
//! rules), or inventory files given directly (no placement; environments from the export).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::plan::{EnvironmentRef, Plan, plan};
use super::{ReadOptions, enrol};
use crate::catalog::Catalog;
use crate::error::{Diagnostic, EXIT_OK, Error, Result};
use crate::input::inventory_settings::InventorySettings;
use crate::input::schema::Schema;
use crate::input::values::Values;

/// The export formats of `--export`.
pub const EXPORTS: [&str; 1] = ["azure-migrate-import"];

/// The request of `meg inventory`.
#[derive(Debug, Clone)]
pub struct Request {
    /// A landing-zone file, or inventory files.
    pub files: Vec<PathBuf>,
    /// Value files layered over the landing-zone file.
    pub values: Vec<PathBuf>,
    /// `--set` values.
    pub sets: Vec<String>,
    /// Print JSON.
    pub json: bool,
    /// `--export FORMAT OUT`.
    pub export: Option<(String, PathBuf)>,
}

fn is_yaml(p: &Path) -> bool {
    p.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Reads, plans and prints.
pub fn run(catalog: &Catalog, schema: &Schema, req: &Request) -> Result<i32> {
    if let Some((format, _)) = &req.export
        && !EXPORTS.contains(&format.as_str())
    {
        return Err(Error::Usage(format!(
            "--export {format}: meg exports {}",
            EXPORTS.join(", ")
        )));
    }
    // Every file this run reads: the export must never replace one of them.
    let mut read_paths: Vec<PathBuf> = req.files.iter().chain(&req.values).cloned().collect();
    let plan = match req.files.as_slice() {
        [lz] if is_yaml(lz) => {
            let mut layers = vec![lz.clone()];
            layers.extend(req.values.iter().cloned());
            let mut values = Values::load(&layers, &req.sets)?;
            let base = PathBuf::from(enrol::base_of(&values));
            if let Some(files) = values
                .merged
                .pointer("/migration/inventory/files")
                .and_then(serde_json::Value::as_array)
            {
                read_paths.extend(
                    files
                        .iter()
                        .filter_map(|f| f.as_str())
                        .map(|f| base.join(f)),
                );
            }
            // The landing zone is checked as render checks it: a misspelt key of
            // migration.inventory is an error here too, not a rule quietly ignored.
            values.keep_written_text(&|p| schema.wants_text(p));
            schema
                .validate(&values)
                .map_err(|e| crate::model::locate::locate_error(&values, e))?;
            match enrol::enrol(&values, catalog, &enrol::read_from_disk)? {
                Some(e) => e.plan,
                None => {
                    return Err(Error::input(
                        Diagnostic::at(lz.display().to_string(), "this landing zone has no migration.inventory")
                            .hint("add migration.inventory.files, or give the inventory files themselves: meg inventory servers.csv"),
                    ));
                }
            }
        }
        files => {
            if files.iter().any(|f| is_yaml(f)) || !req.values.is_empty() || !req.sets.is_empty() {
                return Err(Error::Usage(
                    "give one landing-zone file (with -f and --set), or inventory files only"
                        .into(),
                ));
            }
            raw(catalog, files)?
        }
    };
    if let Some((_, out)) = &req.export {
        refuse_to_replace_an_input(out, &read_paths)?;
        let servers: Vec<&super::Server> = plan.servers.iter().map(|p| &p.server).collect();
        write_atomically(out, &super::export::azure_migrate_import(&servers))?;
    }
    let stdout = std::io::stdout().lock();
    let written = if req.json {
        write_json(&plan, stdout)
    } else {
        let mut w = std::io::BufWriter::new(stdout);
        std::io::Write::write_all(&mut w, to_text(&plan).as_bytes())
            .and_then(|()| std::io::Write::flush(&mut w))
    };
    written.map_err(|e| Error::io("standard output", e))?;
    Ok(EXIT_OK)
}

/// Inventory files without a landing zone: environments are what the export's column says
/// (prod-like names get production's Premium SSD), and nothing is placed.
fn raw(catalog: &Catalog, files: &[PathBuf]) -> Result<Plan> {
    let mut read = Vec::new();
    for f in files {
        let bytes = crate::read_back::read(f, crate::read_back::MAX_INVENTORY_FILE)
            .map_err(|e| Error::io(f, e))?;
        read.push((f.display().to_string(), bytes));
    }
    let inv = super::read_files(&read, ReadOptions::default())?;
    let mut names: Vec<String> = inv
        .servers
        .iter()
        .map(|s| s.environment.clone().unwrap_or_else(|| "unassigned".into()))
        .collect();
    names.sort();
    names.dedup();
    let envs: Vec<EnvironmentRef> = names
        .iter()
        .map(|n| EnvironmentRef {
            name: n.clone(),
            tier: if n.to_ascii_lowercase().starts_with("prod") {
                "prod".into()
            } else {
                "dev".into()
            },
        })
        .collect();
    let mut settings = InventorySettings::default();
    settings.environments.default = Some("unassigned".into());
    plan(inv, &settings, &Default::default(), &envs, catalog)
}

/// The export replacing a file it was made from would lose every column the import format
/// has no place for (environments, waves, custom attributes): refused, nothing written.
fn refuse_to_replace_an_input(out: &Path, inputs: &[PathBuf]) -> Result<()> {
    let Ok(target) = out.canonicalize() else {
        return Ok(()); // A new file replaces nothing.
    };
    match inputs
        .iter()
        .find(|p| p.canonicalize().is_ok_and(|p| p == target))
    {
        Some(input) => Err(Error::input(
            Diagnostic::at(
                format!("--export {}", out.display()),
                format!(
                    "this is {}, which meg reads for this run: the export would replace it",
                    input.display()
                ),
            )
            .hint("write the export to a new file, such as azure-migrate-import.csv"),
        )),
        None => Ok(()),
    }
}

/// Writes through a temporary file in the same folder, so a failure leaves no half file.
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .ok_or_else(|| Error::Usage(format!("--export: {} is not a file name", out.display())))?;
    let tmp = dir.join(format!(".{}.meg-tmp", name.to_string_lossy()));
    std::fs::write(&tmp, bytes).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, out).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(out, e)
    })
}

/// One server in the JSON of `--json`, borrowed from the plan (20,000 servers are written
/// straight to the output, never built as a JSON tree).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct ServerView<'a> {
    name: &'a str,
    vm_name: &'a str,
    origin: &'a str,
    environment: &'a str,
    wave: &'a str,
    wave_reason: &'a super::wave::WaveReason,
    spoke: Option<&'a str>,
    subnet: Option<&'a str>,
    size: &'a str,
    size_source: crate::input::closed_sets::SizeSource,
    reason: &'a str,
    cores: u32,
    #[serde(rename = "memoryMiB")]
    memory_mib: u64,
    os: super::OsFamily,
    machine_id: Option<&'a str>,
    disks: Vec<DiskView<'a>>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct DiskView<'a> {
    name: &'a str,
    #[serde(rename = "sizeGiB")]
    size_gib: u64,
    sku: super::disks::DiskSku,
    tier: Option<&'a str>,
    is_os: bool,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct WaveView<'a> {
    /// 1 for the first wave to run.
    order: usize,
    name: &'a str,
    environment: &'a str,
    size: usize,
    /// The reasons its servers are in it (declared, column, group, dependency, environment).
    sources: Vec<super::wave::WaveSource>,
    /// Dependencies first: the order of cutover.
    servers: Vec<&'a str>,
}

#[derive(serde::Serialize)]
struct PlanView<'a> {
    servers: Vec<ServerView<'a>>,
    waves: Vec<WaveView<'a>>,
    warnings: &'a [String],
}

fn view(plan: &Plan) -> PlanView<'_> {
    let servers = plan
        .servers
        .iter()
        .map(|p| ServerView {
            name: &p.server.name,
            vm_name: &p.vm_name,
            origin: &p.server.origin,
            environment: &p.environment,
            wave: &p.wave,
            wave_reason: &p.wave_reason,
            spoke: p.spoke.as_deref(),
            subnet: p.subnet.as_deref(),
            size: &p.size.size,
            size_source: p.size.source,
            reason: &p.size.reason,
            cores: p.server.cores,
            memory_mib: p.server.memory_mib,
            os: p.server.os.family,
            machine_id: p.server.machine_id.as_deref(),
            disks: p
                .disks
                .iter()
                .map(|d| DiskView {
                    name: &d.name,
                    size_gib: d.size_gib,
                    sku: d.sku,
                    tier: d.tier.as_deref(),
                    is_os: d.is_os,
                })
                .collect(),
        })
        .collect();
    let waves = plan
        .waves
        .iter()
        .enumerate()
        .map(|(i, w)| WaveView {
            order: i + 1,
            name: &w.name,
            environment: &w.environment,
            size: w.servers.len(),
            sources: sources(plan, w),
            servers: w
                .servers
                .iter()
                .map(|&s| plan.servers[s].server.name.as_str())
                .collect(),
        })
        .collect();
    PlanView {
        servers,
        waves,
        warnings: &plan.warnings,
    }
}

/// The distinct reasons the servers of a wave are in it, strongest first.
fn sources(plan: &Plan, w: &super::wave::Wave) -> Vec<super::wave::WaveSource> {
    let set: std::collections::BTreeSet<super::wave::WaveSource> = w
        .servers
        .iter()
        .map(|&s| plan.servers[s].wave_reason.source)
        .collect();
    set.into_iter().collect()
}

/// Writes the JSON of `--json`.
pub fn write_json(plan: &Plan, out: impl std::io::Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &view(plan))?;
    writeln!(out)?;
    out.flush()
}

/// The text report: the waves in the order they run, then one line per server with the
/// reasons for its size and its wave below.
pub fn to_text(plan: &Plan) -> String {
    let mut out = String::new();
    if !plan.waves.is_empty() {
        out.push_str("waves, in the order they run:\n");
    }
    for (i, w) in plan.waves.iter().enumerate() {
        let names: Vec<&str> = w
            .servers
            .iter()
            .take(10)
            .map(|&s| plan.servers[s].server.name.as_str())
            .collect();
        let more = w.servers.len().saturating_sub(names.len());
        let by: Vec<&str> = sources(plan, w).iter().map(|s| s.as_str()).collect();
        out.push_str(&format!(
            "  {}. {}  {}  {} server{} ({})  {}{}\n",
            i + 1,
            w.name,
            w.environment,
            w.servers.len(),
            if w.servers.len() == 1 { "" } else { "s" },
            by.join(", "),
            names.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    for p in &plan.servers {
        let place = match (&p.spoke, &p.subnet) {
            (Some(s), Some(n)) => format!("{s}/{n}"),
            _ => "(not placed)".into(),
        };
        let disks: Vec<String> = p
            .disks
            .iter()
            .map(|d| {
                format!(
                    "{}{} {} GiB {}",
                    if d.is_os { "os:" } else { "" },
                    d.tier.as_deref().unwrap_or(d.sku.as_str()),
                    d.size_gib,
                    d.sku.as_str()
                )
            })
            .collect();
        out.push_str(&format!(
            "{}  {}  {}  {}  {}  [{}]\n    {}: {}\n    wave by {}: {}\n",
            p.server.name,
            p.environment,
            p.wave,
            place,
            p.size.size,
            disks.join(", "),
            match p.size.source {
                crate::input::closed_sets::SizeSource::Assessment => "assessment",
                crate::input::closed_sets::SizeSource::AsOnPremises => "as on premises",
            },
            p.size.reason,
            p.wave_reason.source.as_str(),
            p.wave_reason.detail
        ));
    }
    for w in &plan.warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    out.push_str(&format!("{} servers\n", plan.servers.len()));
    out
}
