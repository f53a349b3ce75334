//! Inventories at Azure Migrate's import limit: 20,000 synthetic servers in one import CSV,
//! with a dependency export of ten connections a server (200,000 rows at 20,000) that waves
//! are derived from, through `meg inventory --json` and through `meg render`, each timed as a
//! whole process with its peak memory, and the render split into its phases: resolving (reading
//! the inventory, planning and resolving the model), rendering into memory, writing. Each phase
//! is a process of its own that stops after it (this benchmark run again as a child), so that its
//! peak memory is its own and the phases before it.
//!
//! The same servers as an RVTools workbook (vInfo, vDisk and vNetwork sheets of one XLSX, no
//! dependencies) go through `meg inventory --json` and `meg render` as well: a workbook is read
//! cell by cell, which costs more than a CSV.
//!
//! Run with `cargo bench --bench inventory` (MEG_INVENTORY="1000,20000" to choose the sizes;
//! MEG_BENCH_TMP=/dev/shm to render into memory rather than onto the disk, which on a busy
//! machine can take longer to create the render's 4,000 files than meg takes to render them).
//! Goal from the issue: each under 2 s and under 200 MB peak at 20,000 servers.
//!
//! Last figures, `MEG_INVENTORY=20000 cargo bench --bench inventory` onto the disk, with the
//! machine quiet (load average 1.7, 2026-12-05):
//!
//! ```text
//! servers            inventory --json     resolve (incl. reading)          + render in memory        + write (meg render)
//!   20000    531ms  0.52s cpu  122.7MB    364ms  0.35s cpu  122.2MB    624ms  0.78s cpu  169.5MB    866ms  1.05s cpu  169.2MB
//!  (xlsx)    393ms  0.38s cpu   75.3MB                                                            928ms  1.11s cpu  177.7MB
//! ```
//!
//! Before this session's changes `meg render` took 2.5 s user CPU and 197 MB (system's
//! allocator, a quadratic VM-name check, the README's rows as template maps). Creating the
//! render's 1,200 folders and 3,700 files is the kernel's work: on a fresh ext4 filesystem it
//! costs 0.3-0.5 s of system time (`meg render` 0.8-1.0 s wall in all), but on a filesystem
//! that just deleted many thousands of files (this benchmark's own previous run, or builds) ext4
//! searches longer for free inodes, and the same render has taken 2.8 s of system time. Compare
//! the CPU and RSS columns across runs; MEG_BENCH_TMP=/dev/shm takes the filesystem out.

mod common;
#[path = "common/workbook.rs"]
mod workbook;

/// The allocator `meg` runs with (`src/main.rs`), so that the phases' figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// The landing zone: dev and prod, three application spokes, servers placed by address. The
/// spokes are /18s: each workload subnet (half a spoke) holds the 5,300 servers prod places in it.
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
        - {name: web, addressSpace: 10.81.0.0/18}
        - {name: app, addressSpace: 10.81.64.0/18}
        - {name: data, addressSpace: 10.81.128.0/18}
    migration: {enabled: true}
  prod:
    network:
      hub: {addressSpace: 10.90.0.0/22}
      spokes:
        - {name: web, addressSpace: 10.91.0.0/18}
        - {name: app, addressSpace: 10.91.64.0/18}
        - {name: data, addressSpace: 10.91.128.0/18}
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

/// What one process took: wall time (ms), CPU time user + system (s; NaN without
/// `/usr/bin/time`), peak RSS (MB). On a machine others load, CPU time and peak RSS are the
/// figures to compare; wall time only when it is quiet.
type Took = (f64, f64, f64);

/// Runs meg under `/usr/bin/time` when it exists (CPU time and peak RSS of that one process),
/// else plainly and reports the largest child so far.
fn run(dir: &Path, args: &[&str]) -> Took {
    run_program(env!("CARGO_BIN_EXE_meg"), dir, args, &[])
}

/// [`run`] for any program, with extra environment variables.
fn run_program(program: &str, dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Took {
    let timed = Path::new("/usr/bin/time").exists();
    let mut cmd = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%U %S %M", program]);
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
    if !timed {
        return (ms, f64::NAN, common::peak_child_rss_mb());
    }
    let figures: Vec<f64> = err
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    match figures[..] {
        [user, system, kb] => (ms, user + system, kb / 1024.0),
        _ => panic!("/usr/bin/time printed no figures: {err}"),
    }
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

/// The servers of [`servers`] as an RVTools export: vInfo with an `Environment` custom
/// attribute, one vDisk row per disk and one vNetwork row per adapter.
fn rvtools(n: usize) -> Vec<u8> {
    let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let mut info = vec![row(&[
        "VM",
        "Powerstate",
        "Template",
        "SRM Placeholder",
        "CPUs",
        "Memory",
        "NICs",
        "Disks",
        "Primary IP Address",
        "Network #1",
        "Provisioned MiB",
        "Firmware",
        "OS according to the configuration file",
        "Environment",
        "VM UUID",
    ])];
    let mut disks = vec![row(&[
        "VM",
        "Disk",
        "Capacity MiB",
        "Thin",
        "Controller",
        "Unit #",
    ])];
    let mut nics = vec![row(&[
        "VM",
        "NIC label",
        "Adapter",
        "Network",
        "Switch",
        "Connected",
        "Mac Address",
        "IPv4 Address",
    ])];
    for i in 0..n {
        let name = format!("srv{i:05}");
        let cores = [2, 4, 8, 16][i % 4];
        let memory = cores * [2048, 4096, 8192][i % 3];
        let ip = format!("10.{}.{}.{}", 1 + i % 3, (i / 250) % 256, i % 250 + 1);
        let network = format!("VLAN{}", 101 + i % 3);
        let sizes: Vec<usize> = (0..=i % 4).map(|d| 64 << ((i + d) % 6)).collect();
        info.push(vec![
            name.clone(),
            "poweredOn".into(),
            "False".into(),
            "False".into(),
            cores.to_string(),
            memory.to_string(),
            "1".into(),
            sizes.len().to_string(),
            ip.clone(),
            network.clone(),
            (sizes.iter().sum::<usize>() * 1024).to_string(),
            if i % 3 == 0 { "bios" } else { "efi" }.into(),
            if i % 2 == 0 {
                "Microsoft Windows Server 2019 (64-bit)"
            } else {
                "Ubuntu Linux (64-bit)"
            }
            .into(),
            if i % 5 == 0 {
                "Development"
            } else {
                "Production"
            }
            .into(),
            format!("{i:08x}-4a1b-4c2d-8e3f-0123456789ab"),
        ]);
        for (d, gib) in sizes.iter().enumerate() {
            disks.push(vec![
                name.clone(),
                format!("Hard disk {}", d + 1),
                (gib * 1024).to_string(),
                "True".into(),
                "SCSI controller 0".into(),
                d.to_string(),
            ]);
        }
        nics.push(vec![
            name,
            "Network adapter 1".into(),
            "VMXNET 3".into(),
            network,
            "dvs01".into(),
            "True".into(),
            format!(
                "00:50:56:{:02x}:{:02x}:{:02x}",
                i >> 16 & 0xff,
                i >> 8 & 0xff,
                i & 0xff
            ),
            ip,
        ]);
    }
    workbook::xlsx(&[("vInfo", info), ("vDisk", disks), ("vNetwork", nics)])
}

fn main() {
    // As `src/main.rs` does: freed pages go back to the system at once.
    // SAFETY: sets one integer option of the allocator; no pointer involved.
    unsafe { libmimalloc_sys::mi_option_set(15, 0) };
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
        "{:>7} {:>27} {:>27} {:>27} {:>27}",
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
        let cell = |(ms, cpu, mb): Took| format!("{ms:>6.0}ms {cpu:>5.2}s cpu {mb:>6.1}MB");
        println!(
            "{n:>7} {:>27} {:>27} {:>27} {:>27}",
            cell(inventory),
            cell(resolve),
            cell(render),
            cell(whole)
        );
        // The same servers from an RVTools workbook.
        std::fs::write(
            dir.path().join("lz-rvtools.yaml"),
            LANDING_ZONE.replace(
                "files: [servers.csv, dependencies.csv]",
                "files: [RVTools_export.xlsx]",
            ),
        )
        .unwrap();
        std::fs::write(dir.path().join("RVTools_export.xlsx"), rvtools(n)).unwrap();
        let inventory = run(dir.path(), &["inventory", "lz-rvtools.yaml", "--json"]);
        let whole = run(
            dir.path(),
            &["render", "-q", "lz-rvtools.yaml", "-o", "out-rvtools"],
        );
        println!(
            "{:>7} {:>27} {:>27} {:>27} {:>27}",
            "(xlsx)",
            cell(inventory),
            "",
            "",
            cell(whole)
        );
    }
    println!(
        "(each column one process: wall time, CPU time user + system, peak RSS; resolve, render and write each include starting a process and the phases before them)"
    );
}
