//! Writing servers back as an Azure Migrate import CSV, so a team can run an official
//! assessment over what meg read (RVTools in, Azure Migrate import out) and bring the
//! assessment back.
//!
//! Only the template's own columns are written: Azure Migrate's import takes no others.

use super::{Firmware, Server};

/// The CSV text of the servers.
pub fn azure_migrate_import(servers: &[&Server]) -> Vec<u8> {
    let disks = servers.iter().map(|s| s.disks.len()).max().unwrap_or(0);
    let mut header: Vec<String> = [
        "*Server name",
        "IP addresses",
        "*Cores",
        "*Memory (In MB)",
        "*OS name",
        "OS version",
        "OS architecture",
        "Boot type",
        "Number of disks",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for n in 1..=disks {
        header.push(format!("Disk {n} size (In GB)"));
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
            match s.firmware {
                Firmware::Bios => "BIOS".into(),
                Firmware::Uefi => "UEFI".into(),
                Firmware::Unknown => String::new(),
            },
            s.disks.len().to_string(),
        ];
        for n in 0..disks {
            row.push(
                s.disks
                    .get(n)
                    .map_or(String::new(), |d| d.size_gib.to_string()),
            );
        }
        w.write_record(&row).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}
