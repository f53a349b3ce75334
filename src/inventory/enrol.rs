//! Inventories in the landing zone: `migration.inventory` names the files; each server they
//! list becomes a `migration.virtualMachines` entry of its environment, as if written by hand,
//! so the rehost templates give it backup, patching, disk encryption and monitoring.
//!
//! The entries join the model typed (`LandingZone::resolve_with`), never the layered values:
//! the lock keeps the values as written, and records each inventory file (name and SHA-256) as
//! an input; and 20,000 servers as JSON would be most of a render's memory.

use serde_json::Value;
use sha2::Digest;

use super::plan::{EnvironmentRef, Plan, Planned, plan};
use super::wave_settings::WaveSettings;
use super::{OsFamily, ReadOptions};
use crate::catalog::Catalog;
use crate::error::{Diagnostic, Error, Result};
use crate::input::closed_sets::{LicenseType, VmOs};
use crate::input::inventory_settings::InventorySettings;
use crate::input::migration::{MigratedFrom, VirtualMachine};
use crate::input::values::{Origin, Values};
use crate::model::migrated::ServerVms;

/// Where `migration.inventory` sits.
pub const POINTER: &str = "/migration/inventory";

/// What an inventory brings to a render.
#[derive(Debug, Clone)]
pub struct Enrolment {
    /// The servers, planned.
    pub plan: Plan,
    /// Each inventory file as the lock records an input: its name and SHA-256.
    pub inputs: Vec<(String, String)>,
}

/// Reads a file named in `migration.inventory.files`: given the folder of the landing-zone
/// file that names it (as written in the values' origin) and the relative path.
pub type ReadFile<'a> = dyn Fn(&str, &str) -> Result<Vec<u8>> + 'a;

/// The environments of the layered values, with their tiers (as the model decides them:
/// `tier`, else the name when it is dev, test or prod).
pub fn environments(values: &Values) -> Vec<EnvironmentRef> {
    values
        .merged
        .get("environments")
        .and_then(Value::as_object)
        .map(|envs| {
            envs.iter()
                .map(|(name, v)| EnvironmentRef {
                    name: name.clone(),
                    tier: v
                        .get("tier")
                        .and_then(Value::as_str)
                        .unwrap_or(name)
                        .to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The `migration.inventory` settings and the waves beside them (`migration.waves`,
/// `migration.waveSize`), if the landing zone has an inventory.
pub fn settings(values: &Values) -> Result<Option<(InventorySettings, WaveSettings)>> {
    if let Some(envs) = values.merged.get("environments").and_then(Value::as_object) {
        for name in envs.keys() {
            let p = format!(
                "/environments/{}{POINTER}",
                crate::input::values::pointer_token(name)
            );
            if values.merged.pointer(&p).is_some() {
                return Err(Error::input(
                    Diagnostic::at(
                        values.locate(&p),
                        "migration.inventory belongs at the top level: the files list servers of every environment",
                    )
                    .hint("move it out of environments; servers find their environment by the environments rules"),
                ));
            }
        }
    }
    let Some(v) = values.merged.pointer(POINTER) else {
        let waves = super::wave_settings::WAVES;
        if values.merged.pointer(waves).is_some() {
            return Err(Error::input(
                Diagnostic::at(values.locate(waves), "migration.waves needs migration.inventory: waves move the servers of the inventory")
                    .hint("list the inventory files under migration.inventory.files"),
            ));
        }
        return Ok(None);
    };
    let settings: InventorySettings = serde_json::from_value(v.clone())
        .map_err(|e| Error::input(Diagnostic::at(values.locate(POINTER), e.to_string())))?;
    let waves = super::wave_settings::read(values)?;
    Ok(Some((settings, waves)))
}

/// The folder `migration.inventory.files` is relative to: that of the file that set it.
pub fn base_of(values: &Values) -> String {
    match values.origin(&format!("{POINTER}/files")) {
        Some(Origin::File { path, .. }) => std::path::Path::new(path)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Reads and plans the inventory of a landing zone; `None` when it names none.
pub fn enrol(values: &Values, catalog: &Catalog, read: &ReadFile) -> Result<Option<Enrolment>> {
    let Some((settings, waves)) = settings(values)? else {
        return Ok(None);
    };
    if settings.files.is_empty() {
        return Err(Error::input(
            Diagnostic::at(values.locate(POINTER), "migration.inventory lists no files")
                .hint("add files: [servers.csv], paths relative to the landing-zone file"),
        ));
    }
    let base = base_of(values);
    let mut files = Vec::new();
    let mut inputs = Vec::new();
    for f in &settings.files {
        let bytes = read(&base, f)?;
        let name = std::path::Path::new(f)
            .file_name()
            .map_or_else(|| f.clone(), |n| n.to_string_lossy().into_owned());
        inputs.push((name, crate::catalog::hex(&sha2::Sha256::digest(&bytes))));
        files.push((f.clone(), bytes));
    }
    let inv = super::read_files(
        &files,
        ReadOptions {
            keep_powered_off: settings.keep_powered_off,
        },
    )?;
    let plan = plan(inv, &settings, &waves, &environments(values), catalog)?;
    Ok(Some(Enrolment { plan, inputs }))
}

/// Reads an inventory file from disk, relative to the landing-zone file's folder.
/// The file must lie, links resolved, inside the landing-zone file's folder or the folder meg
/// runs in: a landing-zone file from a pull request could otherwise name `/proc/self/environ`
/// or a token cache, and the error for a file that is no inventory shows its first row (in
/// the CI log of that pull request).
pub fn read_from_disk(base: &str, rel: &str) -> Result<Vec<u8>> {
    let path = std::path::Path::new(base).join(rel);
    let real = path.canonicalize().ok();
    let inside = |root: std::io::Result<std::path::PathBuf>| {
        root.and_then(|r| r.canonicalize())
            .is_ok_and(|r| real.as_ref().is_some_and(|p| p.starts_with(r)))
    };
    let base_dir = if base.is_empty() { "." } else { base };
    if real.is_some() && !inside(Ok(base_dir.into())) && !inside(std::env::current_dir()) {
        return Err(Error::input(
            Diagnostic::at(
                format!("migration.inventory.files: {rel}"),
                format!(
                    "{} is outside the landing-zone file's folder and the folder meg runs in; meg reads no inventory from elsewhere (nothing was read)",
                    path.display()
                ),
            )
            .hint("copy the export beside the landing-zone file, or run meg from a folder that holds both"),
        ));
    }
    crate::read_back::read(&path, crate::read_back::MAX_INVENTORY_FILE).map_err(|e| {
        Error::input(
            Diagnostic::at(
                format!("migration.inventory.files: {rel}"),
                format!("cannot read {}: {e}", path.display()),
            )
            .hint("paths are relative to the landing-zone file"),
        )
    })
}

/// The OS disk size to create: the tier's, and at least what the marketplace image needs
/// (Windows Server 127 GiB, Ubuntu 30 GiB).
fn os_disk_gib(p: &Planned) -> Option<u64> {
    let os = p.disks.iter().find(|d| d.is_os)?;
    let floor = if p.server.os.family == OsFamily::Windows {
        128
    } else {
        30
    };
    Some(os.target_gib.max(floor))
}

/// The `migration.virtualMachines` entry of a planned server, typed: `migrated_from` marks it
/// as one Azure Migrate replicates in its wave (`model::waves`), not one the environment
/// creates.
fn entry(p: &Planned, spoke: &str, subnet: &str, hybrid_benefit: bool) -> VirtualMachine {
    let windows = p.server.os.family == OsFamily::Windows;
    let data: Vec<&super::disks::SizedDisk> = p.disks.iter().filter(|d| !d.is_os).collect();
    VirtualMachine {
        spoke: spoke.to_string(),
        subnet: subnet.to_string(),
        os: if windows { VmOs::Windows } else { VmOs::Linux },
        size: p.size.size.clone(),
        zone: None,
        os_disk_size_gb: os_disk_gib(p).map(|g| u32::try_from(g).unwrap_or(u32::MAX)),
        data_disks: data
            .iter()
            .map(|d| u32::try_from(d.target_gib.max(4)).unwrap_or(u32::MAX))
            .collect(),
        image: None,
        os_disk_storage: p
            .disks
            .iter()
            .find(|d| d.is_os)
            .map(|d| d.sku.as_str().to_string()),
        data_disk_storage: data.iter().map(|d| d.sku.as_str().to_string()).collect(),
        migrated_from: Some(MigratedFrom {
            server: p.server.name.clone(),
            origin: p.server.origin.clone(),
            size_source: p.size.source,
            reason: p.size.reason.clone(),
            wave: Some(p.wave.clone()),
            machine_id: p.server.machine_id.clone(),
            license_type: Some(if hybrid_benefit && windows {
                LicenseType::WindowsServer
            } else {
                LicenseType::NoLicenseType
            }),
            // Only a server that is not a VMware VM says where it runs: the wave's VMware
            // replication root leaves it out.
            platform: p
                .server
                .platform_of()
                .filter(|(platform, _)| platform.other_path().is_some())
                .and_then(|(platform, _)| serde_json::to_value(platform).ok())
                .and_then(|v| v.as_str().map(str::to_string)),
        }),
    }
}

/// The planned servers as virtual machines of their environments. A server without a spoke
/// (no placement rules), a VM name a hand-written entry of its environment already has, or an
/// OS disk larger than Azure allows is an error.
pub fn server_vms(plan: &Plan, hybrid_benefit: bool, values: &Values) -> Result<ServerVms> {
    let mut problems = Vec::new();
    let mut out = ServerVms::new();
    for p in &plan.servers {
        let (Some(spoke), Some(subnet)) = (&p.spoke, &p.subnet) else {
            problems.push(
                Diagnostic::at(
                    p.server.origin.clone(),
                    format!("server '{}' has no spoke: migration.inventory.placement has no rules", p.server.name),
                )
                .hint("map each source network to a spoke and subnet under migration.inventory.placement"),
            );
            continue;
        };
        // migration.virtualMachines keys are also computer names: 1 to 15 characters.
        if p.vm_name.len() > 15 || p.vm_name.chars().all(|c| c.is_ascii_digit()) {
            problems.push(
                Diagnostic::at(
                    p.server.origin.clone(),
                    format!(
                        "server '{}' would be VM '{}', which is not a valid computer name (1 to 15 letters, digits and hyphens, not all digits)",
                        p.server.name, p.vm_name
                    ),
                )
                .hint("shorten the server's name in the export (the VM keeps the host name, in lower case)"),
            );
            continue;
        }
        if os_disk_gib(p).is_some_and(|g| g > 4095) {
            problems.push(Diagnostic::at(
                p.server.origin.clone(),
                format!(
                    "server '{}' has an OS disk larger than the 4,095 GiB Azure allows",
                    p.server.name
                ),
            ));
            continue;
        }
        let written = values
            .merged
            .get("environments")
            .and_then(|e| e.get(&p.environment));
        let Some(written) = written.filter(|e| e.is_object()) else {
            continue;
        };
        if written
            .pointer("/migration/virtualMachines")
            .and_then(|vms| vms.get(&p.vm_name))
            .is_some()
        {
            problems.push(
                Diagnostic::at(
                    p.server.origin.clone(),
                    format!(
                        "server '{}' would be VM '{}', which environments.{}.migration.virtualMachines already has",
                        p.server.name, p.vm_name, p.environment
                    ),
                )
                .hint("remove the hand-written entry, or the server from the inventory"),
            );
            continue;
        }
        out.entry(p.environment.clone())
            .or_default()
            .insert(p.vm_name.clone(), entry(p, spoke, subnet, hybrid_benefit));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::Input(problems))
    }
}

/// Resolves a landing zone with its inventory: checks every hand-written VM size against the
/// size table, plans the inventory, and resolves the model over the values with its servers
/// added; the inventory files are recorded in `values` for the lock.
pub fn resolve(
    values: &mut Values,
    catalog: &Catalog,
    schema: &crate::input::schema::Schema,
    read: &ReadFile,
) -> Result<crate::model::LandingZone> {
    // The values as written first: a misspelt key of migration.inventory is a schema error,
    // not a rule the inventory quietly goes without.
    if values.merged.pointer(POINTER).is_some() {
        let wants_text = |p: &str| schema.wants_text(p);
        if values.needs_written_text(&wants_text) {
            let mut typed = values.clone();
            typed.keep_written_text(&wants_text);
            schema
                .validate(&typed)
                .map_err(|e| crate::model::locate::locate_error(&typed, e))?;
        } else {
            schema
                .validate(values)
                .map_err(|e| crate::model::locate::locate_error(values, e))?;
        }
    }
    check_sizes(values, catalog)?;
    let Some(enrolment) = enrol(values, catalog, read)? else {
        return crate::model::LandingZone::resolve(values, catalog, schema);
    };
    let hybrid_benefit = settings(values)?.is_some_and(|(s, _)| s.hybrid_benefit);
    let servers = server_vms(&enrolment.plan, hybrid_benefit, values)?;
    values.read_files = enrolment.inputs;
    let mut lz = crate::model::LandingZone::resolve_with(values, catalog, schema, servers)?;
    lz.wave_runs = super::wave_runs::waves(&enrolment.plan, &lz)?;
    Ok(lz)
}

/// `size` of each hand-written `migration.virtualMachines` entry must be a size of the table:
/// `Standard_D4s_v6` where the table has it, with a did-you-mean for a typo.
pub fn check_sizes(values: &Values, catalog: &Catalog) -> Result<()> {
    let mut scopes = vec!["".to_string()];
    if let Some(envs) = values.merged.get("environments").and_then(Value::as_object) {
        scopes.extend(
            envs.keys()
                .map(|e| format!("/environments/{}", crate::input::values::pointer_token(e))),
        );
    }
    let mut table = None;
    let mut problems = Vec::new();
    for scope in scopes {
        let Some(vms) = values
            .merged
            .pointer(&format!("{scope}/migration/virtualMachines"))
            .and_then(Value::as_object)
        else {
            continue;
        };
        for (name, vm) in vms {
            let Some(size) = vm.get("size").and_then(Value::as_str) else {
                continue;
            };
            let sizes = match &table {
                Some(t) => t,
                None => table.insert(super::sizing::SizeTable::load(catalog)?),
            };
            // Exactly as Azure spells it: the API answers with its own spelling, and a plan
            // would show the difference on every run.
            let known = sizes.get(size).map(|s| s.name.as_str());
            if known == Some(size) {
                continue;
            }
            let pointer = format!(
                "{scope}/migration/virtualMachines/{}/size",
                crate::input::values::pointer_token(name)
            );
            let d = Diagnostic::at(
                values.locate(&pointer),
                format!("'{size}' is not an Azure VM size meg knows"),
            );
            problems.push(match known.or_else(|| sizes.did_you_mean(size)) {
                Some(s) => d.hint(format!("did you mean '{s}'?")),
                None => d.hint(format!(
                    "sizes of the series {} (catalog/sizing/vm-sizes.yaml; a company catalog can add more with --catalog)",
                    sizes.series().join(", ")
                )),
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Input(problems))
    }
}
