//! The Azure Migrate import-based discovery CSV: one row per server, one set of `Disk N …`
//! columns per disk (the first disk is the OS disk, as Azure Migrate assumes).
//!
//! Only reads; writing the same format back is `export`.

use super::headers::{Column, Unit};
use super::rows::{Recognised, RowCursor};
use super::server::{Disk, Firmware, Nic, Os, Server};
use crate::error::Diagnostic;

/// The columns of one disk number.
#[derive(Default)]
struct DiskColumns {
    number: u32,
    size: Option<Column>,
    read_mbps: Option<Column>,
    write_mbps: Option<Column>,
    read_iops: Option<Column>,
    write_iops: Option<Column>,
}

/// Finds every `Disk N <what>` column (`Disk1 size` too), wherever it sits, ordered by disk
/// number. A size whose header names no unit is in GB, as the template's `Disk 1 size (In GB)`
/// is: Microsoft's instructions add further disks as plain `Disk 2 size`.
fn disk_columns(r: &Recognised) -> Vec<DiskColumns> {
    let mut disks: Vec<DiskColumns> = Vec::new();
    // Left to right, so that of two spellings of one column (`Disk1 size`, `Disk 1 size`) the
    // first in the file counts, on every run.
    let mut names: Vec<(&str, usize)> = r.columns.names().collect();
    names.sort_unstable_by_key(|&(_, index)| index);
    for (name, index) in names {
        let Some(rest) = name.strip_prefix("disk") else {
            continue;
        };
        let rest = rest.trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let Ok(number) = digits.parse::<u32>() else {
            continue;
        };
        let what = rest[digits.len()..].trim();
        let unit = match Unit::of(what) {
            Unit::Count if what.starts_with("size") => Unit::Gib,
            unit => unit,
        };
        let column = Column {
            index,
            header: r.columns.written[index].clone(),
            unit,
        };
        let slot = match disks.iter_mut().position(|d| d.number == number) {
            Some(i) => &mut disks[i],
            None => {
                disks.push(DiskColumns {
                    number,
                    ..Default::default()
                });
                disks.last_mut().expect("just pushed")
            }
        };
        let field = if what.starts_with("size") {
            &mut slot.size
        } else if what.starts_with("read throughput") {
            &mut slot.read_mbps
        } else if what.starts_with("write throughput") {
            &mut slot.write_mbps
        } else if what.starts_with("read ops") {
            &mut slot.read_iops
        } else if what.starts_with("write ops") {
            &mut slot.write_iops
        } else {
            continue;
        };
        field.get_or_insert(column);
    }
    disks.sort_by_key(|d| d.number);
    disks
}

fn sum(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
    }
}

/// The servers of one import CSV.
pub(crate) fn read(r: &Recognised) -> Result<Vec<Server>, Vec<Diagnostic>> {
    let name = r.col("server name");
    let cores = r.col("cores");
    let memory = r.col("memory");
    let os_name = r.col("os name");
    let optional = |k| r.columns.find(k);
    let wave = optional("wave");
    let (os_version, os_arch, boot, ips, env, app, network, machine_id) = (
        optional("os version"),
        optional("os architecture"),
        optional("boot type"),
        optional("ip addresses"),
        optional("environment"),
        optional("application"),
        optional("network"),
        optional("machine id"),
    );
    let (server_type, hypervisor) = (optional("server type"), optional("hypervisor"));
    let disk_cols = disk_columns(r);
    let mut servers = Vec::new();
    let mut problems = Vec::new();
    for row in r.rows() {
        let read = || -> Result<Server, Diagnostic> {
            let server_name = row.text(Some(&name)).ok_or_else(|| {
                row.bad(&name, "is empty")
                    .hint("every server needs a name; fill it in or remove the row")
            })?;
            let os = row.text(Some(&os_name)).unwrap_or_default();
            let arch_text = row.text(os_arch.as_ref()).unwrap_or_else(|| os.clone());
            Ok(Server {
                origin: row.origin(),
                environment: row.text(env.as_ref()),
                application: row.text(app.as_ref()),
                cores: whole_cores(&row, &cores)?,
                memory_mib: positive(&row, &memory, row.mib(Some(&memory))?)?,
                os: Os {
                    family: super::server::os_family(&os),
                    name: os,
                    version: row.text(os_version.as_ref()),
                    arch: super::server::arch_of(&arch_text),
                },
                firmware: firmware(&row, boot.as_ref())?,
                disks: disks(&row, &disk_cols)?,
                nics: vec![Nic {
                    network: row.text(network.as_ref()),
                    ips: row
                        .text(ips.as_ref())
                        .map(|t| super::server::split_ips(&t))
                        .unwrap_or_default(),
                }],
                machine_id: row.text(machine_id.as_ref()),
                assessed_size: None,
                powered_on: None,
                platform: super::source_platform::SourcePlatform::of_import(
                    row.text(server_type.as_ref()).as_deref(),
                    row.text(hypervisor.as_ref()).as_deref(),
                ),
                wave: super::wave::label_at(&row, wave.as_ref(), super::wave::WaveSource::Column),
                name: server_name,
            })
        };
        match read() {
            Ok(s) => servers.push(s),
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(servers)
    } else {
        Err(problems)
    }
}

/// Cores: a whole number of at least one.
pub(crate) fn whole_cores(row: &RowCursor, col: &Column) -> Result<u32, Diagnostic> {
    let n = row.required(col)?;
    if n < 1.0 || n.fract() != 0.0 || n > 4096.0 {
        return Err(row
            .bad(col, format!("{n} is not a whole number of cores"))
            .hint("write the number of cores (vCPUs), such as 4"));
    }
    Ok(n as u32)
}

/// A size that must be above zero, in MiB, rounded up.
pub(crate) fn positive(row: &RowCursor, col: &Column, mib: Option<f64>) -> Result<u64, Diagnostic> {
    match mib {
        Some(m) if m > 0.0 => Ok(m.ceil() as u64),
        Some(_) => Err(row
            .bad(col, "is 0")
            .hint("a server has some memory: check the value")),
        None => Err(row
            .bad(col, "is empty")
            .hint("every server needs this value; fill it in or remove the row")),
    }
}

/// The firmware a boot type cell says; another word is a bad value.
pub(crate) fn firmware(row: &RowCursor, col: Option<&Column>) -> Result<Firmware, Diagnostic> {
    let Some(text) = row.text(col) else {
        return Ok(Firmware::Unknown);
    };
    super::server::firmware_of(&text).ok_or_else(|| {
        row.bad(
            col.expect("text came from a column"),
            format!("'{text}' is not a boot type"),
        )
        .hint("write BIOS or UEFI")
    })
}

fn disks(row: &RowCursor, cols: &[DiskColumns]) -> Result<Vec<Disk>, Diagnostic> {
    let mut disks = Vec::new();
    for d in cols {
        let Some(mib) = row.mib(d.size.as_ref())? else {
            continue;
        };
        let number = |c: &Option<Column>| row.number(c.as_ref());
        disks.push(Disk {
            name: format!("Disk {}", d.number),
            size_gib: super::server::gib_up(mib).max(1),
            is_os: disks.is_empty(),
            iops: sum(number(&d.read_iops)?, number(&d.write_iops)?),
            mbps: sum(number(&d.read_mbps)?, number(&d.write_mbps)?),
            assessed_sku: None,
        });
    }
    Ok(disks)
}
