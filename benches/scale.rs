//! Batch rendering at scale: 10, 100 and 1,000 generated application landing zones rendered by
//! one `meg render <folder>` process on every core, against `cp -r` of the rendered trees.
//!
//! Run with `cargo bench --bench scale` (MEG_SCALE="10,100,1000" to choose the sizes).
//! Goal from the issue: time grows linearly, and stays within 5x of copying the trees.

mod common;

use common::peak_child_rss_mb;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn main() {
    let sizes: Vec<usize> = std::env::var("MEG_SCALE")
        .unwrap_or_else(|_| "10,100,1000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let meg = env!("CARGO_BIN_EXE_meg");
    let scratch = tempfile::tempdir().expect("scratch dir");
    println!(
        "{:>6} {:>8} {:>10} {:>10} {:>7} {:>12} {:>10}",
        "zones", "files", "meg", "cp -r", "ratio", "per zone", "peak RSS"
    );
    for n in sizes {
        let inputs = scratch.path().join(format!("in-{n}"));
        std::fs::create_dir_all(&inputs).expect("inputs dir");
        for i in 0..n {
            std::fs::write(inputs.join(format!("app{i:04}.yaml")), zone(i)).expect("write input");
        }
        let out = scratch.path().join(format!("out-{n}"));
        let t = Instant::now();
        let status = Command::new(meg)
            .args(["render", "-q"])
            .arg(&inputs)
            .arg("-o")
            .arg(&out)
            .status()
            .expect("meg runs");
        let meg_time = t.elapsed();
        assert!(status.success(), "meg render failed for {n} zones");
        let rss = peak_child_rss_mb();

        let copy = scratch.path().join(format!("copy-{n}"));
        let t = Instant::now();
        let status = Command::new("cp")
            .arg("-r")
            .arg(&out)
            .arg(&copy)
            .status()
            .expect("cp runs");
        let cp_time = t.elapsed();
        assert!(status.success());
        println!(
            "{:>6} {:>8} {:>9.0}ms {:>9.0}ms {:>6.2}x {:>10.2}ms {:>8.1}MB",
            n,
            count(&out),
            meg_time.as_secs_f64() * 1000.0,
            cp_time.as_secs_f64() * 1000.0,
            meg_time.as_secs_f64() / cp_time.as_secs_f64(),
            meg_time.as_secs_f64() * 1000.0 / n as f64,
            rss
        );
    }
}

/// One application landing zone: a refactor spoke pair per environment.
fn zone(i: usize) -> String {
    let lines = [
        format!("name: app{i:04}"),
        "strategy: refactor".into(),
        "location: westeurope".into(),
        "tags:".into(),
        format!("  owner: team-{}", i % 17),
        format!("  costCenter: CC-{i:04}"),
        "environments:".into(),
        "  dev:".into(),
        "    network:".into(),
        "      hub: {addressSpace: 10.100.0.0/22}".into(),
        "      spokes: [{name: web, addressSpace: 10.101.0.0/24}]".into(),
        "  prod:".into(),
        "    network:".into(),
        "      hub: {addressSpace: 10.0.0.0/22}".into(),
        "      spokes: [{name: web, addressSpace: 10.1.0.0/24}]".into(),
    ];
    lines.join("\n") + "\n"
}

fn count(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter(|e| e.as_ref().is_ok_and(|e| e.file_type().is_file()))
        .count()
}
