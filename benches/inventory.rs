//! Inventories at Azure Migrate's import limit: 20,000 synthetic servers in one import CSV,
//! with a dependency export of ten connections a server (200,000 rows at 20,000) that waves
//! are derived from, through `meg inventory --json` and through `meg render`, each timed as a
//! whole process with its peak memory, and the render split into its phases: resolving (reading
//! the inventory, planning and resolving the model), rendering into memory, writing. Each phase
//! is a process of its own that stops after it (this benchmark run again as a child), so that its
//! peak memory is its own and the phases before it.
//!
//! Run with `cargo bench --bench inventory` (MEG_INVENTORY="1000,20000" to choose the sizes;
//! MEG_BENCH_TMP=/dev/shm to render into memory rather than onto the disk, which on a busy
//! machine can take longer to create the render's 4,000 files than meg takes to render them).
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
    run_program(env!("CARGO_BIN_EXE_meg"), dir, args, &[])
}

/// [`run`] for any program, with extra environment variables.
fn run_program(program: &str, dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> (f64, f64) {
    let timed = Path::new("/usr/bin/time").exists();
    let mut cmd = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M", program]);
        c
    } else {
        Command::new(program)
    };
    let t = Instant::now();
    let out = cmd
        .args(args)
        .envs(envs.iter().copied())
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("the program runs");
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{program} {args:?} failed: {err}");
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

/// The phase a child run of this benchmark stops after.
const PHASE: &str = "MEG_BENCH_PHASE";

/// In a child run: resolves (or resolves and renders into memory) `lz.yaml` of the current
/// folder through the library, as `meg render` does, and stops.
fn phase(which: &str) {
    let session = meg::session::Session::open(None).expect("the embedded catalog opens");
    let input = meg::request::Inputs {
        inputs: vec!["lz.yaml".into()],
        values: Vec::new(),
        sets: Vec::new(),
        envs: Vec::new(),
        targets: Vec::new(),
        pipeline: None,
    };
    match which {
        "resolve" => drop(session.resolve(&input).expect("resolves")),
        "render" => drop(session.render(&input).expect("renders")),
        other => panic!("unknown phase {other}"),
    }
}

fn main() {
    if let Ok(which) = std::env::var(PHASE) {
        return phase(&which);
    }
    let sizes: Vec<usize> = std::env::var("MEG_INVENTORY")
        .unwrap_or_else(|_| "1000,20000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let me = std::env::current_exe().expect("the benchmark knows its path");
    let me = me.to_str().expect("a UTF-8 path");
    println!(
        "{:>7} {:>24} {:>24} {:>24} {:>24}",
        "servers",
        "inventory --json",
        "resolve (incl. reading)",
        "+ render in memory",
        "+ write (meg render)"
    );
    for n in sizes {
        let dir = match std::env::var_os("MEG_BENCH_TMP") {
            Some(parent) => tempfile::tempdir_in(parent),
            None => tempfile::tempdir(),
        }
        .expect("scratch dir");
        std::fs::write(dir.path().join("lz.yaml"), LANDING_ZONE).unwrap();
        std::fs::write(dir.path().join("servers.csv"), servers(n)).unwrap();
        let deps = dependencies(n);
        let rows = deps.lines().count() - 1;
        std::fs::write(dir.path().join("dependencies.csv"), deps).unwrap();
        println!("{n:>7} servers, {rows} dependency rows");
        let inventory = run(dir.path(), &["inventory", "lz.yaml", "--json"]);
        let resolve = run_program(me, dir.path(), &[], &[(PHASE, "resolve")]);
        let render = run_program(me, dir.path(), &[], &[(PHASE, "render")]);
        let whole = run(dir.path(), &["render", "-q", "lz.yaml", "-o", "out"]);
        let cell = |(ms, mb): (f64, f64)| format!("{ms:>8.0}ms {mb:>8.1}MB peak");
        println!(
            "{n:>7} {:>24} {:>24} {:>24} {:>24}",
            cell(inventory),
            cell(resolve),
            cell(render),
            cell(whole)
        );
    }
    println!(
        "(each column one process; resolve, render and write each include starting a process and the phases before them)"
    );
}
