//! Server inventories in: Azure Migrate import CSVs, RVTools exports and Azure Migrate
//! assessment exports, read into one server model.
//!
//! Each file (or each sheet of a workbook) is recognised by its header row, never by its name
//! or by the position of a column; its rows become [`Server`]s. Placement (which spoke and
//! subnet) lives in `placement`, sizing in `sizing` and `disks`; this module only says
//! what the exports say, in one shape. A value that does not read is an error naming the
//! file, the row and the column; nothing is guessed.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::{Diagnostic, Error, Result};

pub(crate) mod assessment;
pub(crate) mod azure_migrate;
pub mod disks;
pub mod enrol;
pub mod export;
pub(crate) mod headers;
pub mod placement;
pub mod plan;
pub mod report;
pub(crate) mod rvtools;
pub mod sizing;
pub(crate) mod table;

use headers::{Column, Columns};
use table::Table;

/// One server as meg sees it, whatever export it came from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Server {
    /// The name in the export (the host name for RVTools' display names with a domain).
    pub name: String,
    /// `file:row` of the row it came from, for messages.
    pub origin: String,
    /// The environment, when the export has a column for it.
    pub environment: Option<String>,
    /// The application or assessment group.
    pub application: Option<String>,
    /// Cores (vCPUs) on premises.
    pub cores: u32,
    /// Memory on premises, MiB.
    pub memory_mib: u64,
    /// The operating system.
    pub os: Os,
    /// Firmware: UEFI servers need a generation 2 VM.
    pub firmware: Firmware,
    /// Disks, the OS disk first.
    pub disks: Vec<Disk>,
    /// Network adapters.
    pub nics: Vec<Nic>,
    /// Azure Migrate's machine ID, where the export has one.
    pub machine_id: Option<String>,
    /// The size an assessment recommends, with the row that says so.
    pub assessed_size: Option<(String, String)>,
    /// Whether the server is powered on; `None` when the export does not say.
    pub powered_on: Option<bool>,
}

/// An operating system: its family decides the image, the licence and the patch classes.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Os {
    /// Windows, Linux or unknown.
    pub family: OsFamily,
    /// The name as the export gives it.
    pub name: String,
    /// The version, when given.
    pub version: Option<String>,
    /// The processor architecture it runs on.
    pub arch: Arch,
}

/// The operating system family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OsFamily {
    /// Windows Server or client.
    Windows,
    /// Any Linux distribution.
    Linux,
    /// The export does not say, or says something meg does not know.
    Unknown,
}

/// The processor architecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Arch {
    /// x86 or x64: runs on x64 sizes only.
    X64,
    /// Arm64: runs on Arm64 sizes only.
    Arm64,
}

/// Firmware on premises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Firmware {
    /// BIOS: a generation 1 VM.
    Bios,
    /// UEFI: a generation 2 VM.
    Uefi,
    /// Not given.
    Unknown,
}

/// One disk.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Disk {
    /// The disk's name in the export (`Disk 1`, `Hard disk 2`, `scsi0:1`).
    pub name: String,
    /// Size in GiB, rounded up.
    pub size_gib: u64,
    /// Whether it holds the operating system.
    pub is_os: bool,
    /// Read plus write operations per second, when measured.
    pub iops: Option<f64>,
    /// Read plus write throughput in MB/s, when measured.
    pub mbps: Option<f64>,
    /// The disk SKU an assessment recommends (`Premium_P10`, `StandardSSD_E15`).
    pub assessed_sku: Option<String>,
}

/// One network adapter.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Nic {
    /// The network it is connected to (port group, VLAN, or what the export says).
    pub network: Option<String>,
    /// Its IP addresses.
    pub ips: Vec<String>,
}

/// The formats meg recognises, by their header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    AzureMigrateImport,
    RvToolsInfo,
    RvToolsDisk,
    RvToolsNetwork,
    Assessment,
    AssessedDisks,
}

impl Format {
    /// In the order they are tried: the more specific signatures first.
    const ALL: [Format; 6] = [
        Format::AssessedDisks,
        Format::Assessment,
        Format::RvToolsDisk,
        Format::RvToolsNetwork,
        Format::RvToolsInfo,
        Format::AzureMigrateImport,
    ];

    /// The fields (alias-table keys) whose presence identifies the format.
    fn signature(self) -> &'static [&'static str] {
        match self {
            Format::AssessedDisks => &["machine", "disk", "recommended disk sku"],
            Format::Assessment => &["machine", "recommended size"],
            Format::RvToolsDisk => &["vm", "disk", "capacity"],
            Format::RvToolsNetwork => &["vm", "nic label", "network"],
            Format::RvToolsInfo => &["vm", "powerstate", "cores", "memory"],
            Format::AzureMigrateImport => &["server name", "cores", "memory", "os name"],
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Format::AzureMigrateImport => {
                "Azure Migrate import CSV (*Server name, *Cores, *Memory (In MB), *OS name, Disk 1 size (In GB), …)"
            }
            Format::RvToolsInfo => {
                "RVTools vInfo (VM, Powerstate, CPUs, Memory, Network #1, Provisioned MiB, …)"
            }
            Format::RvToolsDisk => "RVTools vDisk (VM, Disk, Capacity MiB, …)",
            Format::RvToolsNetwork => "RVTools vNetwork (VM, NIC label, Network, IPv4 Address, …)",
            Format::Assessment => {
                "Azure Migrate assessment: All_Assessed_Machines (Machine, Recommended size, Cores, Memory(MB), …) or VM_IaaS_Server_Rehost_Perf (Machine Name, Recommended VM Size, …)"
            }
            Format::AssessedDisks => {
                "Azure Migrate assessment: All_Assessed_Disks (Machine, Disk name, Recommended disk size SKU, …)"
            }
        }
    }
}

/// A table whose header row was recognised: its format, columns and data rows.
pub(crate) struct Recognised<'t> {
    pub format: Format,
    pub table: &'t Table,
    pub columns: Columns,
    /// Index into `table.rows` of the first data row.
    pub first_row: usize,
}

impl Recognised<'_> {
    /// The data rows, each as a cursor that reads typed values with located errors.
    pub(crate) fn rows(&self) -> impl Iterator<Item = RowCursor<'_>> {
        self.table.rows[self.first_row..]
            .iter()
            .map(|(line, cells)| RowCursor {
                table: &self.table.name,
                line: *line,
                cells,
            })
    }

    /// A column that must be there (its format's signature has it).
    pub(crate) fn col(&self, key: &str) -> Column {
        self.columns
            .find(key)
            .unwrap_or_else(|| panic!("{key} is in the signature of {:?}", self.format))
    }
}

/// The header row of a table: the first of its first rows that one format recognises.
fn recognise(table: &Table) -> Option<Recognised<'_>> {
    for (i, (_, cells)) in table.rows.iter().enumerate().take(10) {
        let columns = Columns::new(cells);
        if let Some(format) = Format::ALL
            .into_iter()
            .find(|f| f.signature().iter().all(|k| columns.find(k).is_some()))
        {
            return Some(Recognised {
                format,
                table,
                columns,
                first_row: i + 1,
            });
        }
    }
    None
}

/// One data row, read cell by cell with errors that say where.
pub(crate) struct RowCursor<'a> {
    table: &'a str,
    line: usize,
    cells: &'a [String],
}

impl RowCursor<'_> {
    /// `file:row`.
    pub(crate) fn origin(&self) -> String {
        format!("{}:{}", self.table, self.line)
    }

    /// A cell's text, `None` when the column is absent or the cell empty.
    pub(crate) fn text(&self, col: Option<&Column>) -> Option<String> {
        let c = col?;
        self.cells
            .get(c.index)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    }

    /// A problem with one cell.
    pub(crate) fn bad(&self, col: &Column, message: impl std::fmt::Display) -> Diagnostic {
        Diagnostic::at(self.origin(), format!("column '{}': {message}", col.header))
    }

    /// A number of at least zero; `None` when the cell is empty.
    pub(crate) fn number(&self, col: Option<&Column>) -> Result<Option<f64>, Diagnostic> {
        let Some(c) = col else { return Ok(None) };
        let Some(text) = self.text(Some(c)) else {
            return Ok(None);
        };
        match parse_number(&text) {
            Some(n) if n >= 0.0 && n.is_finite() => Ok(Some(n)),
            _ => Err(self
                .bad(c, format!("'{text}' is not a number"))
                .hint("write a plain number of at least 0, such as 4 or 16384")),
        }
    }

    /// A number that must be there.
    pub(crate) fn required(&self, col: &Column) -> Result<f64, Diagnostic> {
        self.number(Some(col))?.ok_or_else(|| {
            self.bad(col, "is empty")
                .hint("every server needs this value; fill it in or remove the row")
        })
    }

    /// A size in MiB from a column whose header gives the unit; `None` when empty.
    pub(crate) fn mib(&self, col: Option<&Column>) -> Result<Option<f64>, Diagnostic> {
        Ok(self
            .number(col)?
            .map(|n| col.expect("a number came from a column").unit.to_mib(n)))
    }
}

/// A number as exports write it: `16384`, `16384.0`, `16,384` (thousands), `2,5` (decimal).
fn parse_number(text: &str) -> Option<f64> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = if t.contains('.') && t.contains(',') {
        t.replace(',', "")
    } else if t.contains(',') {
        let groups: Vec<&str> = t.split(',').collect();
        if groups.len() > 1
            && (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3)
        {
            t.replace(',', "")
        } else {
            t.replace(',', ".")
        }
    } else {
        t
    };
    t.parse::<f64>().ok()
}

/// MiB to whole GiB, rounded up: a disk is never made smaller than it was.
pub(crate) fn gib_up(mib: f64) -> u64 {
    (mib / 1024.0 - 1e-9).ceil().max(0.0) as u64
}

/// The OS family a free-text OS name belongs to.
pub(crate) fn os_family(name: &str) -> OsFamily {
    let n = name.to_ascii_lowercase();
    const LINUX: &[&str] = &[
        "linux", "ubuntu", "red hat", "rhel", "centos", "suse", "sles", "debian", "oracle",
        "rocky", "alma", "fedora", "amazon", "photon", "coreos", "mariner",
    ];
    if n.contains("windows") {
        OsFamily::Windows
    } else if LINUX.iter().any(|l| n.contains(l)) {
        OsFamily::Linux
    } else {
        OsFamily::Unknown
    }
}

/// The architecture an OS architecture cell or OS name says; x64 unless it names Arm.
pub(crate) fn arch_of(text: &str) -> Arch {
    let t = text.to_ascii_lowercase();
    if t.contains("arm64") || t.contains("aarch64") || t.contains("arm 64") {
        Arch::Arm64
    } else {
        Arch::X64
    }
}

/// The firmware a boot type cell says.
pub(crate) fn firmware_of(text: &str) -> Option<Firmware> {
    match text.trim().to_ascii_lowercase().as_str() {
        "uefi" | "efi" => Some(Firmware::Uefi),
        "bios" => Some(Firmware::Bios),
        "" | "unknown" | "notspecified" => Some(Firmware::Unknown),
        _ => None,
    }
}

/// IP addresses as exports list them: separated by `;`, `,` or spaces.
pub(crate) fn split_ips(text: &str) -> Vec<String> {
    text.split([';', ',', ' ', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Servers read from inventory files, with what the reading noticed.
#[derive(Debug, Clone, Default)]
pub struct Inventory {
    /// Every server, in file and row order.
    pub servers: Vec<Server>,
    /// What was dropped or assumed, one sentence each.
    pub warnings: Vec<String>,
}

/// Options of reading.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Keep powered-off VMs of an RVTools export (dropped by default, as are templates and
    /// SRM placeholders, which are never servers).
    pub keep_powered_off: bool,
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
    let mut by_format: BTreeMap<u8, Vec<Recognised>> = BTreeMap::new();
    for (shown, tables) in files {
        let recognised: Vec<Recognised> = tables.iter().filter_map(recognise).collect();
        if recognised.is_empty() {
            problems.push(unknown_file(shown, tables));
            continue;
        }
        for r in recognised {
            by_format.entry(r.format as u8).or_default().push(r);
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    let take =
        |f: Format| -> &[Recognised] { by_format.get(&(f as u8)).map_or(&[], Vec::as_slice) };
    let mut inv = Inventory::default();
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
    problems.extend(duplicates(&inv.servers));
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
            let header = t.rows.first()?;
            let cells: Vec<&str> = header
                .1
                .iter()
                .map(String::as_str)
                .filter(|c| !c.is_empty())
                .collect();
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

    #[test]
    fn reads_numbers_as_exports_write_them() {
        assert_eq!(parse_number("16384"), Some(16384.0));
        assert_eq!(parse_number("16,384"), Some(16384.0));
        assert_eq!(parse_number("1,024,000.5"), Some(1_024_000.5));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("16 384"), Some(16384.0));
        assert_eq!(parse_number("lots"), None);
    }

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
    }
}
