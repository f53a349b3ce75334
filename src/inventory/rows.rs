//! What the readers share to walk an export: the formats meg recognises by their header row,
//! a recognised table's rows with their columns located by name, and how to read them.

use crate::error::{Diagnostic, Result};
use crate::inventory::headers::{Column, Columns};
use crate::inventory::numbers::DecimalMark;
use crate::inventory::table::Table;

/// The formats meg recognises, by their header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    AzureMigrateImport,
    RvToolsInfo,
    RvToolsDisk,
    /// Recognised so that its rows are never taken for disks; nothing of it is read.
    RvToolsPartition,
    RvToolsNetwork,
    Assessment,
    AssessedDisks,
    Dependencies,
}

impl Format {
    /// In the order they are tried: the more specific signatures first.
    pub(crate) const ALL: [Format; 8] = [
        Format::Dependencies,
        Format::AssessedDisks,
        Format::Assessment,
        Format::RvToolsPartition,
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
            Format::RvToolsPartition => &["vm", "disk", "capacity", "partition use"],
            Format::RvToolsNetwork => &["vm", "nic label", "network"],
            Format::RvToolsInfo => &["vm", "powerstate", "cores", "memory"],
            Format::AzureMigrateImport => &["server name", "cores", "memory", "os name"],
            Format::Dependencies => &["source server", "destination server", "destination port"],
        }
    }

    /// Its name in a sentence.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::AzureMigrateImport => "an Azure Migrate import CSV",
            Format::RvToolsInfo => "RVTools vInfo",
            Format::RvToolsDisk => "RVTools vDisk",
            Format::RvToolsPartition => "RVTools vPartition",
            Format::RvToolsNetwork => "RVTools vNetwork",
            Format::Assessment => "an Azure Migrate assessment",
            Format::AssessedDisks => "an Azure Migrate assessment's disks",
            Format::Dependencies => "an Azure Migrate dependency export",
        }
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            Format::AzureMigrateImport => {
                "Azure Migrate import CSV (*Server name, *Cores, *Memory (In MB), *OS name, Disk 1 size (In GB), …)"
            }
            Format::RvToolsInfo => {
                "RVTools vInfo (VM, Powerstate, CPUs, Memory, Network #1, Provisioned MiB, …)"
            }
            Format::RvToolsDisk => "RVTools vDisk (VM, Disk, Capacity MiB, …)",
            Format::RvToolsPartition => {
                "RVTools vPartition (VM, Disk, Capacity MiB, Consumed MiB, …): guest partitions, recognised and left out (disks come from vDisk)"
            }
            Format::RvToolsNetwork => "RVTools vNetwork (VM, NIC label, Network, IPv4 Address, …)",
            Format::Assessment => {
                "Azure Migrate assessment: All_Assessed_Machines (Machine, Recommended size, Cores, Memory(MB), …) or VM_IaaS_Server_Rehost_Perf (Machine Name, Recommended VM Size, …)"
            }
            Format::AssessedDisks => {
                "Azure Migrate assessment: All_Assessed_Disks (Machine, Disk name, Recommended disk size SKU, …)"
            }
            Format::Dependencies => {
                "Azure Migrate dependency analysis (Source server name, Source IP, …, Destination server name, Destination IP, …, Destination port)"
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
    /// The header row again further down (two exports pasted into one file) is no row.
    pub(crate) fn rows(&self) -> impl Iterator<Item = RowCursor<'_>> {
        let header = self.table.row(self.first_row - 1);
        let repeats_header = move |row: &super::table::Row| {
            header.is_some_and(|h| h.get(0) == row.get(0) && h.cells().eq(row.cells()))
        };
        self.table
            .rows_from(self.first_row)
            .filter(move |row| !repeats_header(row))
            .map(|row| RowCursor {
                table: &self.table.name,
                row,
                mark: self.table.decimal_mark,
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
pub(crate) fn recognise(table: &Table) -> Option<Recognised<'_>> {
    for (i, row) in table.rows_from(0).enumerate().take(10) {
        let cells: Vec<String> = row.cells().map(str::to_string).collect();
        let columns = Columns::new(&cells);
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
    row: super::table::Row<'a>,
    /// How the table writes decimals.
    mark: DecimalMark,
}

impl RowCursor<'_> {
    /// `file:row`.
    pub(crate) fn origin(&self) -> String {
        format!("{}:{}", self.table, self.row.line)
    }

    /// A cell's text, `None` when the column is absent or the cell empty.
    pub(crate) fn text(&self, col: Option<&Column>) -> Option<String> {
        let c = col?;
        self.row
            .get(c.index)
            .map(str::trim)
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
        match super::numbers::parse(&text, self.mark) {
            Some(n) if n >= 0.0 && n.is_finite() => Ok(Some(n)),
            Some(n) if n < 0.0 => Err(self
                .bad(c, format!("{text} is below 0"))
                .hint("write a plain number of at least 0, such as 4 or 16384")),
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

/// Options of reading.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Keep powered-off VMs of an RVTools export (dropped by default, as are templates and
    /// SRM placeholders, which are never servers).
    pub keep_powered_off: bool,
}
