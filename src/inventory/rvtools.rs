//! RVTools exports: the vInfo tab (one row per VM), with vDisk (one row per disk) and vNetwork
//! (one row per adapter) when present, as CSV files (`RVTools_tabvInfo.csv`) or sheets of one
//! workbook. Rows join on the VM name.
//!
//! Templates and SRM placeholders are never servers and are dropped; powered-off VMs too,
//! unless the landing-zone file keeps them. Without vDisk, a VM gets one OS disk of its
//! provisioned size; without vNetwork, its adapters come from `Network #1…#8`.

use std::collections::HashMap;

use super::azure_migrate::{firmware, positive, whole_cores};
use super::rows::{ReadOptions, Recognised};
use super::server::{Disk, Nic, Os, Server};
use crate::error::Diagnostic;

fn yes(text: Option<String>) -> bool {
    text.is_some_and(|t| matches!(t.to_ascii_lowercase().as_str(), "true" | "yes" | "1"))
}

/// Whether a VM is one of vSphere Cluster Services' agent VMs (`vCLS (1)` from vSphere 7.0
/// Update 1, `vCLS-<uuid>` from 7.0 Update 3): vCenter runs them on every cluster, they are
/// no workload and never migrate, and RVTools lists them as powered-on VMs with no flag.
fn is_vcls(name: &str) -> bool {
    name.get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("vcls"))
        && name[4..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '-' | ' ' | '('))
}

/// The number in a disk label (`Hard disk 12` → 12), for ordering.
fn label_number(label: &str) -> u64 {
    let digits: String = label
        .chars()
        .rev()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().unwrap_or(u64::MAX)
}

/// The servers of every vInfo table, with their disks and adapters.
pub(crate) fn read(
    info: &[Recognised],
    disk_tables: &[Recognised],
    network_tables: &[Recognised],
    opts: ReadOptions,
    warnings: &mut Vec<String>,
) -> Result<Vec<Server>, Vec<Diagnostic>> {
    if info.is_empty() {
        if let Some(t) = disk_tables.iter().chain(network_tables).next() {
            return Err(vec![
                Diagnostic::at(
                    t.table.name.clone(),
                    "an RVTools vDisk or vNetwork tab without the vInfo tab: meg cannot tell the VMs' cores, memory and OS",
                )
                .hint("list RVTools_tabvInfo.csv (or the workbook with its vInfo sheet) among the inventory files"),
            ]);
        }
        return Ok(Vec::new());
    }
    let mut problems = Vec::new();
    let disks = read_disks(disk_tables, &mut problems);
    let nics = read_nics(network_tables);
    let mut servers = Vec::new();
    let (mut templates, mut placeholders, mut agents, mut off) = (0, 0, 0, 0);
    for r in info {
        let vm = r.col("vm");
        let cpus = r.col("cores");
        let memory = r.col("memory");
        let power = r.col("powerstate");
        let c = |k| r.columns.find(k);
        let (template, srm, ip, provisioned, fw, os_config, os_tools, uuid, env, app) = (
            c("template"),
            c("srm placeholder"),
            c("primary ip address"),
            c("provisioned"),
            c("boot type"),
            c("os config"),
            c("os tools"),
            c("machine id"),
            c("environment"),
            c("application"),
        );
        let wave = c("wave");
        // Network #1 … #8, wherever they are.
        let networks: Vec<_> = (1..=8)
            .filter_map(|i| r.columns.named(&format!("network #{i}")))
            .collect();
        for row in r.rows() {
            if yes(row.text(template.as_ref())) {
                templates += 1;
                continue;
            }
            if yes(row.text(srm.as_ref())) {
                placeholders += 1;
                continue;
            }
            if row.text(Some(&vm)).is_some_and(|n| is_vcls(&n)) {
                agents += 1;
                continue;
            }
            let state = row
                .text(Some(&power))
                .unwrap_or_default()
                .to_ascii_lowercase();
            let powered_on = state == "poweredon";
            if !powered_on && !opts.keep_powered_off {
                off += 1;
                continue;
            }
            let read = || -> Result<Server, Diagnostic> {
                let name = row.text(Some(&vm)).ok_or_else(|| {
                    row.bad(&vm, "is empty")
                        .hint("every VM needs a name; fill it in or remove the row")
                })?;
                let os = row
                    .text(os_tools.as_ref())
                    .or_else(|| row.text(os_config.as_ref()))
                    .unwrap_or_default();
                let key = name.to_lowercase();
                let server_disks = match disks.get(&key) {
                    Some(d) => d.clone(),
                    None => match row.mib(provisioned.as_ref())? {
                        Some(mib) if mib > 0.0 => vec![Disk {
                            name: "Hard disk 1".into(),
                            size_gib: super::server::gib_up(mib).max(1),
                            is_os: true,
                            iops: None,
                            mbps: None,
                            assessed_sku: None,
                        }],
                        _ => Vec::new(),
                    },
                };
                let server_nics = match nics.get(&key) {
                    Some(n) => n.clone(),
                    None => {
                        let mut list: Vec<Nic> = networks
                            .iter()
                            .filter_map(|c| row.text(Some(c)))
                            .map(|n| Nic {
                                network: Some(n),
                                ips: Vec::new(),
                            })
                            .collect();
                        if let Some(ip) = row.text(ip.as_ref()) {
                            match list.first_mut() {
                                Some(first) => first.ips = super::server::split_ips(&ip),
                                None => list.push(Nic {
                                    network: None,
                                    ips: super::server::split_ips(&ip),
                                }),
                            }
                        }
                        list
                    }
                };
                Ok(Server {
                    origin: row.origin(),
                    environment: row.text(env.as_ref()),
                    application: row.text(app.as_ref()),
                    cores: whole_cores(&row, &cpus)?,
                    // RVTools' Memory column is MiB (its header names no unit).
                    memory_mib: positive(&row, &memory, row.mib(Some(&memory))?)?,
                    os: Os {
                        family: super::server::os_family(&os),
                        arch: super::server::arch_of(&os),
                        name: os,
                        version: None,
                    },
                    firmware: firmware(&row, fw.as_ref())?,
                    disks: server_disks,
                    nics: server_nics,
                    machine_id: row.text(uuid.as_ref()),
                    assessed_size: None,
                    powered_on: Some(powered_on),
                    platform: Some(super::source_platform::SourcePlatform::Vmware),
                    wave: super::wave::label_at(
                        &row,
                        wave.as_ref(),
                        super::wave::WaveSource::Column,
                    ),
                    name,
                })
            };
            match read() {
                Ok(s) => servers.push(s),
                Err(d) => problems.push(d),
            }
        }
    }
    if disk_tables.is_empty() && !servers.is_empty() {
        warnings.push(
            "RVTools: no vDisk tab, so each VM has one OS disk of its provisioned size".into(),
        );
    }
    for (n, what) in [
        (templates, "templates"),
        (placeholders, "SRM placeholders"),
        (agents, "vSphere Cluster Services (vCLS) agent VMs"),
    ] {
        if n > 0 {
            warnings.push(format!(
                "RVTools: {n} {what} dropped (they are not servers)"
            ));
        }
    }
    if off > 0 {
        warnings.push(format!(
            "RVTools: {off} powered-off VMs dropped (set migration.inventory.keepPoweredOff: true to keep them)"
        ));
    }
    if problems.is_empty() {
        Ok(servers)
    } else {
        Err(problems)
    }
}

/// vDisk rows by VM name (lower case), the first disk by label number the OS disk.
fn read_disks(tables: &[Recognised], problems: &mut Vec<Diagnostic>) -> HashMap<String, Vec<Disk>> {
    let mut by_vm: HashMap<String, Vec<Disk>> = HashMap::new();
    for r in tables {
        let (vm, disk, capacity) = (r.col("vm"), r.col("disk"), r.col("capacity"));
        for row in r.rows() {
            let Some(name) = row.text(Some(&vm)) else {
                continue;
            };
            // A disk of no known size would be created at 1 GiB: refused where it is.
            let size = row.mib(Some(&capacity)).and_then(|mib| {
                mib.ok_or_else(|| {
                    row.bad(&capacity, "is empty")
                        .hint("every disk has a capacity: export vDisk again, or remove the row")
                })
            });
            match size {
                Ok(mib) => by_vm.entry(name.to_lowercase()).or_default().push(Disk {
                    name: row.text(Some(&disk)).unwrap_or_else(|| "Hard disk".into()),
                    size_gib: super::server::gib_up(mib).max(1),
                    is_os: false,
                    iops: None,
                    mbps: None,
                    assessed_sku: None,
                }),
                Err(d) => problems.push(d),
            }
        }
    }
    for disks in by_vm.values_mut() {
        disks.sort_by_key(|d| label_number(&d.name));
        if let Some(first) = disks.first_mut() {
            first.is_os = true;
        }
    }
    by_vm
}

/// vNetwork rows by VM name (lower case).
fn read_nics(tables: &[Recognised]) -> HashMap<String, Vec<Nic>> {
    let mut by_vm: HashMap<String, Vec<Nic>> = HashMap::new();
    for r in tables {
        let (vm, network) = (r.col("vm"), r.col("network"));
        let ip = r.columns.find("ipv4 address");
        for row in r.rows() {
            let Some(name) = row.text(Some(&vm)) else {
                continue;
            };
            by_vm.entry(name.to_lowercase()).or_default().push(Nic {
                network: row.text(Some(&network)),
                ips: row
                    .text(ip.as_ref())
                    .map(|t| super::server::split_ips(&t))
                    .unwrap_or_default(),
            });
        }
    }
    by_vm
}

#[cfg(test)]
mod tests {
    #[test]
    fn orders_disks_by_their_label_number() {
        assert!(super::label_number("Hard disk 2") < super::label_number("Hard disk 10"));
        assert_eq!(super::label_number("Hard disk 1"), 1);
    }

    #[test]
    fn knows_the_vsphere_cluster_services_agents_by_name() {
        for name in ["vCLS (1)", "vCLS-4e1f5c0a-1b2c", "VCLS", "vcls-2"] {
            assert!(super::is_vcls(name), "{name}");
        }
        for name in ["vclsweb01", "app-vCLS-1", "vCL", "vCLSé"] {
            assert!(!super::is_vcls(name), "{name}");
        }
    }
}
