//! Inventories at Azure Migrate's import limit: 20,000 synthetic servers in one import CSV,
//! with a dependency export of ten connections a server (200,000 rows at 20,000) that waves
//! are derived from, through `meg inventory --json` and through `meg render`, each timed as a
//! whole process with its peak memory.
//!
//! Run with `cargo bench --bench inventory` (MEG_INVENTORY="1000,20000" to choose the sizes).
//! Goal from the issue: each under 2 s and under 200 MB peak at 20,000 servers.

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// The landing zone: dev and prod, three application spokes, servers placed by address.
const LANDING_ZONE: &str = "name: scale
strategy: rehost
location: westeurope
migration:
  inventory:
    files: [servers.csv, dependencies.csv]
    environments:
      map: {Development: dev, Production: prod}
    placement:
      - {cidr: 10.1.0.0/16, spoke: web, subnet: workload}
      - {cidr: 10.2.0.0/16, spoke: app, subnet: workload}
      - {cidr: 10.3.0.0/16, spoke: data, subnet: workload}
  waveSize: 50
environments:
  dev:
    network:
      hub: {addressSpace: 10.80.0.0/22}
      spokes:
        - {name: web, addressSpace: 10.81.0.0/20}
        - {name: app, addressSpace: 10.81.16.0/20}
        - {name: data, addressSpace: 10.81.32.0/20}
    migration: {enabled: true}
  prod:
    network:
      hub: {addressSpace: 10.90.0.0/22}
      spokes:
        - {name: web, addressSpace: 10.91.0.0/20}
        - {name: app, addressSpace: 10.91.16.0/20}
        - {name: data, addressSpace: 10.91.32.0/20}
    migration: {enabled: true}
";

/// An import CSV of `n` servers: mixed OS, sizes and one to four disks each.
fn servers(n: usize) -> String {
    let mut csv = String::from(
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,OS version,Boot type,Environment,Disk 1 size (In GB),Disk 2 size (In GB),Disk 3 size (In GB),Disk 4 size (In GB)\n",
    );
    for i in 0..n {
        let cores = [2, 4, 8, 16][i % 4];
        let per_core = [2048, 4096, 8192][i % 3];
        let os = if i % 2 == 0 {
            "Microsoft Windows Server 2019 Datacenter"
        } else {
            "Ubuntu 22.04 LTS"
        };
        let env = if i % 5 == 0 {
            "Development"
        } else {
            "Production"
        };
        let disks: Vec<String> = (0..4)
            .map(|d| {
                if d <= i % 4 {
                    (64 << ((i + d) % 6)).to_string()
                } else {
                    String::new()
                }
            })
            .collect();
        writeln!(
            csv,
            "srv{i:05},10.{}.{}.{},{cores},{},{os},,{},{env},{}",
            1 + i % 3,
            (i / 250) % 256,
            i % 250 + 1,
            cores * per_core,
            if i % 3 == 0 { "BIOS" } else { "UEFI" },
            disks.join(",")
        )
        .unwrap();
    }
    csv
}

/// An Azure Migrate dependency export of ten connections a server: applications of ten
/// servers (web to app to data, a pair of app servers calling each other), each also calling
/// a shared server a few applications on, and a machine outside the inventory.
fn dependencies(n: usize) -> String {
    let mut csv = String::from(
        "Time slot,Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port\n",
    );
    let mut row = |from: usize, to: String, port: u16| {
        writeln!(
            csv,
            "2026-11-02 09:00,srv{from:05},,App,app.exe,{to},,App,app.exe,{port}"
        )
        .unwrap();
    };
    for i in 0..n {
        let app = i / 10 * 10;
        let member = i % 10;
        // Within the application: 0-3 web, 4-7 app, 8-9 data.
        for k in 0..8 {
            let to = match member {
                0..=3 => app + 4 + (member + k) % 4,
                4..=7 => app + 8 + (k % 2),
                _ => app + 8 + (member + 1) % 2,
            };
            if to != i && to < n {
                row(i, format!("srv{to:05}"), 443);
            }
        }
        if member == 4 && app + 5 < n {
            row(app + 5, format!("srv{i:05}"), 8080);
        }
        // A shared service of a later application, and a machine that stays on premises.
        let shared = app + 38;
        if shared < n {
            row(i, format!("srv{shared:05}"), 1433);
        }
        row(i, format!("dc{:02}", i % 4), 389);
    }
    csv
}

/// Runs meg under `/usr/bin/time -f %M` when it exists (peak RSS of that one process), else
/// plainly and reports the largest child so far.
fn run(dir: &Path, args: &[&str]) -> (f64, f64) {
    let meg = env!("CARGO_BIN_EXE_meg");
    let timed = Path::new("/usr/bin/time").exists();
    let mut cmd = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M", meg]);
        c
    } else {
        Command::new(meg)
    };
    let t = Instant::now();
    let out = cmd
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("meg runs");
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "meg {args:?} failed: {err}");
    let mb = if timed {
        err.lines()
            .last()
            .and_then(|l| l.trim().parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    } else {
        common::peak_child_rss_mb()
    };
    (ms, mb)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("MEG_INVENTORY")
        .unwrap_or_else(|_| "1000,20000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    println!(
        "{:>7} {:>16} {:>10} {:>16} {:>10}",
        "servers", "inventory --json", "peak", "render", "peak"
    );
    for n in sizes {
        let dir = tempfile::tempdir().expect("scratch dir");
        std::fs::write(dir.path().join("lz.yaml"), LANDING_ZONE).unwrap();
        std::fs::write(dir.path().join("servers.csv"), servers(n)).unwrap();
        let deps = dependencies(n);
        let rows = deps.lines().count() - 1;
        std::fs::write(dir.path().join("dependencies.csv"), deps).unwrap();
        println!("{n:>7} servers, {rows} dependency rows");
        let (inv_ms, inv_mb) = run(dir.path(), &["inventory", "lz.yaml", "--json"]);
        let (render_ms, render_mb) = run(dir.path(), &["render", "-q", "lz.yaml", "-o", "out"]);
        println!("{n:>7} {inv_ms:>14.0}ms {inv_mb:>8.1}MB {render_ms:>14.0}ms {render_mb:>8.1}MB");
    }
}
