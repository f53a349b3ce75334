//! Server inventories in: Azure Migrate import CSVs, RVTools exports and Azure Migrate
//! assessment exports, read into one server model.
//!
//! Each file (or each sheet of a workbook) is recognised by its header row, never by its name
//! or by the position of a column; its rows become [`Server`]s. Placement (which spoke and
//! subnet) lives in `placement`, sizing in `sizing` and `disks`; this module only says
//! what the exports say, in one shape. A value that does not read is an error naming the
//! file, the row and the column; nothing is guessed.

use std::collections::BTreeMap;

use crate::error::{Diagnostic, Error, Result};

pub(crate) mod assessment;
pub(crate) mod azure_migrate;
pub mod dependencies;
pub mod disks;
pub mod enrol;
pub mod export;
pub(crate) mod headers;
pub(crate) mod latin_fold;
pub(crate) mod numbers;
pub mod placement;
mod plain_names;
pub mod plan;
pub mod report;
pub(crate) mod rows;
pub(crate) mod rvtools;
pub mod server;
pub mod sizing;
pub mod source_platform;
pub(crate) mod table;
pub mod wave;
pub(crate) mod wave_order;
pub(crate) mod wave_runs;
pub mod wave_settings;
pub(crate) mod waves;
#[cfg(test)]
mod waves_props;

pub use rows::ReadOptions;
pub use server::{Arch, Disk, Firmware, OsFamily, Server};

use rows::{Format, Recognised, recognise};
use table::Table;

/// Servers read from inventory files, with what the reading noticed.
#[derive(Debug, Clone, Default)]
pub struct Inventory {
    /// Every server, in file and row order.
    pub servers: Vec<Server>,
    /// What was dropped or assumed, one sentence each.
    pub warnings: Vec<String>,
    /// The connections of the dependency exports, each once.
    pub dependencies: Vec<dependencies::Dependency>,
}

/// Reads inventory files: `(path, bytes)` each, the path as messages show it (its extension
/// tells a workbook from a CSV file); every row of every file, or an error for each problem.
pub fn read_files(files: &[(String, Vec<u8>)], opts: ReadOptions) -> Result<Inventory> {
    let mut tables = Vec::new();
    for (path, bytes) in files {
        tables.push((path.clone(), table::read(path, bytes, path)?));
    }
    read_tables(&tables, opts)
}

/// Reads tables already in memory (`(file, its tables)`).
pub(crate) fn read_tables(files: &[(String, Vec<Table>)], opts: ReadOptions) -> Result<Inventory> {
    let mut problems = Vec::new();
    let mut empty = Vec::new();
    let mut by_format: BTreeMap<u8, Vec<Recognised>> = BTreeMap::new();
    for (shown, tables) in files {
        let recognised: Vec<Recognised> = tables.iter().filter_map(recognise).collect();
        if recognised.is_empty() {
            problems.push(unknown_file(shown, tables));
            continue;
        }
        for r in recognised {
            if r.first_row >= r.table.len() && r.format != Format::RvToolsPartition {
                empty.push(format!(
                    "{}: a header row of {} and no rows under it",
                    r.table.name,
                    r.format.name()
                ));
            }
            by_format.entry(r.format as u8).or_default().push(r);
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    let take =
        |f: Format| -> &[Recognised] { by_format.get(&(f as u8)).map_or(&[], Vec::as_slice) };
    let mut inv = Inventory {
        warnings: empty,
        ..Inventory::default()
    };
    for r in take(Format::AzureMigrateImport) {
        collect(azure_migrate::read(r), &mut inv.servers, &mut problems);
    }
    let rv = rvtools::read(
        take(Format::RvToolsInfo),
        take(Format::RvToolsDisk),
        take(Format::RvToolsNetwork),
        opts,
        &mut inv.warnings,
    );
    collect(rv, &mut inv.servers, &mut problems);
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    if let Err(mut ds) = assessment::apply(
        take(Format::Assessment),
        take(Format::AssessedDisks),
        &mut inv.servers,
        &mut inv.warnings,
    ) {
        problems.append(&mut ds);
    }
    match dependencies::read(take(Format::Dependencies)) {
        Ok(d) => inv.dependencies = d,
        Err(mut ds) => problems.append(&mut ds),
    }
    problems.extend(duplicates(&inv.servers));
    problems.extend(plain_names::control_characters(&inv.servers));
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    Ok(inv)
}

fn collect(
    r: Result<Vec<Server>, Vec<Diagnostic>>,
    into: &mut Vec<Server>,
    problems: &mut Vec<Diagnostic>,
) {
    match r {
        Ok(s) => into.extend(s),
        Err(mut ds) => problems.append(&mut ds),
    }
}

/// Two rows for one server (by name, ignoring case) would become two VMs with one name.
fn duplicates(servers: &[Server]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<String, &Server> = BTreeMap::new();
    let mut out = Vec::new();
    for s in servers {
        let key = s.name.to_lowercase();
        if let Some(first) = seen.get(&key) {
            out.push(
                Diagnostic::at(
                    s.origin.clone(),
                    format!("server '{}' is also at {}", s.name, first.origin),
                )
                .hint("list each server once across the inventory files"),
            );
        } else {
            seen.insert(key, s);
        }
    }
    out
}

/// The error for a file no format recognises: the formats meg knows and the headers it found.
fn unknown_file(shown: &str, tables: &[Table]) -> Diagnostic {
    let found: Vec<String> = tables
        .iter()
        .filter_map(|t| {
            // Title lines may sit above the header: show the fullest of the first rows.
            let header = t
                .rows_from(0)
                .take(10)
                .enumerate()
                .max_by_key(|(i, r)| (r.cells().filter(|c| !c.is_empty()).count(), usize::MAX - i))
                .map(|(_, r)| r)?;
            let cells: Vec<&str> = header.cells().filter(|c| !c.is_empty()).collect();
            Some(match &t.sheet {
                Some(s) => format!("sheet {s}: {}", cells.join(", ")),
                None => cells.join(", "),
            })
        })
        .collect();
    let known: Vec<&str> = Format::ALL.iter().rev().map(|f| f.describe()).collect();
    Diagnostic::at(
        shown,
        format!(
            "not an inventory meg knows; headers found: {}",
            if found.is_empty() {
                "none (the file is empty)".to_string()
            } else {
                found.join(" | ")
            }
        ),
    )
    .hint(format!("meg reads:\n    {}", known.join("\n    ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::server::{arch_of, firmware_of, gib_up, os_family, split_ips};

    #[test]
    fn rounds_disks_up_to_whole_gib() {
        assert_eq!(gib_up(131_072.0), 128);
        assert_eq!(gib_up(131_073.0), 129);
        assert_eq!(gib_up(0.0), 0);
    }

    #[test]
    fn tells_os_families_and_architectures() {
        assert_eq!(
            os_family("Microsoft Windows Server 2019 Datacenter"),
            OsFamily::Windows
        );
        assert_eq!(
            os_family("Red Hat Enterprise Linux 8 (64-bit)"),
            OsFamily::Linux
        );
        assert_eq!(os_family("FreeBSD 13"), OsFamily::Unknown);
        assert_eq!(arch_of("ARM64"), Arch::Arm64);
        assert_eq!(arch_of("x86"), Arch::X64);
        assert_eq!(firmware_of("UEFI"), Some(Firmware::Uefi));
        assert_eq!(firmware_of("floppy"), None);
        assert_eq!(
            split_ips("10.0.0.4; 10.0.0.5,10.0.0.6"),
            vec!["10.0.0.4", "10.0.0.5", "10.0.0.6"]
        );
        assert_eq!(
            split_ips("10.1.0.4/24, fe80::1%eth0"),
            vec!["10.1.0.4", "fe80::1"]
        );
    }
}
