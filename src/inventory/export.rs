//! Writing servers back as an Azure Migrate import CSV, so a team can run an official
//! assessment over what meg read (RVTools in, Azure Migrate import out) and bring the
//! assessment back.
//!
//! Only the template's own columns are written: Azure Migrate's import takes no others. What
//! meg reads back from the file is what it read from the inventory (names, cores, memory, OS,
//! firmware, where the server runs, disks and their measured rates), so the round trip loses
//! nothing meg sizes or warns by. meg keeps a disk's read and write rates as one total, so the
//! total goes in the read column and the write column stays empty.

use super::source_platform::SourcePlatform;
use super::{Firmware, Server};

/// The `Server type` and `Hypervisor` cells of a platform (the values the import template
/// permits: learn.microsoft.com/azure/migrate/tutorial-discover-import).
fn platform_cells(platform: Option<SourcePlatform>) -> [&'static str; 2] {
    match platform {
        Some(SourcePlatform::Vmware) => ["Virtual", "VMware"],
        Some(SourcePlatform::HyperV) => ["Virtual", "Hyper-V"],
        Some(SourcePlatform::Physical) => ["Physical", ""],
        Some(SourcePlatform::Other) => ["Virtual", "Other"],
        None => ["", ""],
    }
}

fn rate(value: Option<f64>) -> String {
    value.map_or(String::new(), |v| v.to_string())
}

/// The CSV text of the servers.
pub fn azure_migrate_import(servers: &[&Server]) -> Vec<u8> {
    let disks = servers.iter().map(|s| s.disks.len()).max().unwrap_or(0);
    let rates = servers
        .iter()
        .flat_map(|s| &s.disks)
        .any(|d| d.iops.is_some() || d.mbps.is_some());
    let mut header: Vec<String> = [
        "*Server name",
        "IP addresses",
        "*Cores",
        "*Memory (In MB)",
        "*OS name",
        "OS version",
        "OS architecture",
        "Server type",
        "Hypervisor",
        "Boot type",
        "Number of disks",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for n in 1..=disks {
        header.push(format!("Disk {n} size (In GB)"));
        if rates {
            header.push(format!("Disk {n} read throughput (MB per second)"));
            header.push(format!("Disk {n} read ops (operations per second)"));
        }
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(&header).expect("writing to memory");
    for s in servers {
        let ips: Vec<&str> = s
            .nics
            .iter()
            .flat_map(|n| n.ips.iter().map(String::as_str))
            .collect();
        let mut row = vec![
            s.name.clone(),
            ips.join(";"),
            s.cores.to_string(),
            s.memory_mib.to_string(),
            s.os.name.clone(),
            s.os.version.clone().unwrap_or_default(),
            match s.os.arch {
                super::Arch::X64 => "x64".into(),
                super::Arch::Arm64 => "ARM64".into(),
            },
            platform_cells(s.platform_of().map(|(p, _)| p))[0].into(),
            platform_cells(s.platform_of().map(|(p, _)| p))[1].into(),
            match s.firmware {
                Firmware::Bios => "BIOS".into(),
                Firmware::Uefi => "UEFI".into(),
                Firmware::Unknown => String::new(),
            },
            s.disks.len().to_string(),
        ];
        for n in 0..disks {
            let disk = s.disks.get(n);
            row.push(disk.map_or(String::new(), |d| d.size_gib.to_string()));
            if rates {
                row.push(rate(disk.and_then(|d| d.mbps)));
                row.push(rate(disk.and_then(|d| d.iops)));
            }
        }
        w.write_record(&row).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}
