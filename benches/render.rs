//! Whole-process render benchmark: `meg render` of each example (both targets, all
//! environments) against `cp -r` of the same rendered tree, and meg's peak memory.
//!
//! Run with `cargo bench --bench render` (set MEG_BENCH_RUNS to change the run count).
//! Goals from the core issue: median render within 5x of copying the tree; peak RSS < 50 MB.

mod common;

use common::peak_child_rss_mb;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn main() {
    let runs: usize = std::env::var("MEG_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let meg = env!("CARGO_BIN_EXE_meg");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scratch = tempfile::tempdir().expect("scratch dir");
    let mut examples: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .expect("examples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    examples.sort();

    println!(
        "{:<10} {:>6} {:>12} {:>12} {:>7} {:>10}",
        "example", "files", "meg median", "cp median", "ratio", "peak RSS"
    );
    for example in &examples {
        let name = example.file_stem().unwrap().to_string_lossy().to_string();
        let reference = scratch.path().join(format!("{name}-ref"));
        render(meg, example, &reference);
        let files = walkdir::WalkDir::new(&reference)
            .into_iter()
            .filter(|e| e.as_ref().is_ok_and(|e| e.file_type().is_file()))
            .count();

        let mut meg_times = Vec::with_capacity(runs);
        let mut cp_times = Vec::with_capacity(runs);
        for i in 0..runs {
            let out = scratch.path().join(format!("{name}-{i}"));
            let t = Instant::now();
            render(meg, example, &out);
            meg_times.push(t.elapsed());

            let copy = scratch.path().join(format!("{name}-cp-{i}"));
            let t = Instant::now();
            let status = Command::new("cp")
                .arg("-r")
                .arg(&reference)
                .arg(&copy)
                .status()
                .expect("cp runs");
            cp_times.push(t.elapsed());
            assert!(status.success(), "cp -r failed");
        }
        let (m, c) = (median(&mut meg_times), median(&mut cp_times));
        println!(
            "{:<10} {:>6} {:>10.2}ms {:>10.2}ms {:>6.2}x {:>8.1}MB",
            name,
            files,
            ms(m),
            ms(c),
            ms(m) / ms(c),
            peak_child_rss_mb()
        );
    }
    println!("(peak RSS is the largest child process so far: meg and cp alike)");
}

fn render(meg: &str, example: &Path, out: &Path) {
    let status = Command::new(meg)
        .args(["render", "-q"])
        .arg(example)
        .arg("-o")
        .arg(out)
        .status()
        .expect("meg runs");
    assert!(status.success(), "meg render {} failed", example.display());
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
