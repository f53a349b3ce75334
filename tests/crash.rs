//! A real meg process killed (SIGKILL, by `strace -e inject`) at each call of every system
//! call that can change the disk, while it re-renders a tree that an older catalog wrote: the
//! next render must find the old tree or the new one (a mix would show as files "changed since
//! meg wrote them", exit 2) and end on exactly the tree a fresh render writes.
//!
//! Needs `strace` (Debian package `strace`) and permission to trace; skips with a message
//! otherwise. The fail-point tests in `src/write.rs` cover every step without it.

mod common;

use std::path::Path;
use std::process::Command;

use common::{MINIMAL, Meg};
use meg::catalog::sha256;

/// System calls that create, write, move, remove or flush something.
const SYSCALLS: [&str; 12] = [
    "openat",
    "write",
    "mkdir",
    "rename",
    "renameat2",
    "unlink",
    "unlinkat",
    "rmdir",
    "copy_file_range",
    "sendfile",
    "fsync",
    "fchmod",
];

fn strace_works() -> bool {
    Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .status()
        .is_ok_and(|s| s.success())
}

fn copy_tree(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `old/`: the tree as an older catalog left it: three files with other content, one file the
/// new render no longer has, all recorded in the lock as meg's.
fn older_tree(meg: &Meg) {
    meg.run(&["render", "lz.yaml", "-o", "old", "-q"]).ok();
    let mut lock: serde_json::Value =
        serde_json::from_str(&meg.read("old/.meg/lock.json")).unwrap();
    let mut older = |path: &str, text: String| {
        meg.write(&format!("old/{path}"), &text);
        lock["files"][path] = sha256(text.as_bytes()).into();
    };
    for path in [
        "bicep/main.bicep",
        "terraform/main.tf",
        "terraform/environments/dev.tfvars",
    ] {
        let text = meg.read(&format!("old/{path}"));
        older(path, format!("{text}# written by an older catalog\n"));
    }
    older("terraform/retired.tf", "# gone from the catalog\n".into());
    meg.write("old/.meg/lock.json", &lock.to_string());
}

/// How many calls of each system call a render makes before it starts its transaction (its
/// first call naming `.meg/tx`), from one traced render.
fn calls_before_the_write(meg: &Meg) -> impl Fn(&str) -> usize {
    copy_tree(&meg.path("old"), &meg.path("out"));
    let trace = meg.path("trace.txt");
    let status = Command::new("strace")
        .arg("-f")
        .arg("-o")
        .arg(&trace)
        .arg("-e")
        .arg(format!("trace={}", SYSCALLS.join(",")))
        .arg(env!("CARGO_BIN_EXE_meg"))
        .args(["render", "lz.yaml", "-o", "out", "-q"])
        .current_dir(meg.dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&trace).unwrap();
    let before: Vec<String> = text
        .lines()
        .take_while(|l| !l.contains(".meg/tx"))
        .map(str::to_string)
        .collect();
    assert!(
        before.len() < text.lines().count(),
        "the render uses .meg/tx"
    );
    move |syscall: &str| {
        before
            .iter()
            .filter(|l| {
                l.split_once(' ')
                    .is_some_and(|(_, call)| call.trim_start().starts_with(&format!("{syscall}(")))
            })
            .count()
    }
}

#[test]
fn a_render_killed_at_any_disk_changing_system_call_leaves_no_mix() {
    if !strace_works() {
        eprintln!("skipped: strace is missing or cannot trace here (apt-get install strace)");
        return;
    }
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "new", "-q"]).ok();
    older_tree(&meg);
    let new = meg.snapshot("new");
    let first = calls_before_the_write(&meg);
    let mut kills = 0;
    for syscall in SYSCALLS {
        // A kill before the write starts (loading, reading the input) is no test of it.
        for n in first(syscall) + 1.. {
            copy_tree(&meg.path("old"), &meg.path("out"));
            let status = Command::new("strace")
                .args(["-f", "-o", "/dev/null", "-e"])
                .arg(format!("trace={syscall}"))
                .arg("-e")
                .arg(format!("inject={syscall}:signal=KILL:when={n}"))
                .arg(env!("CARGO_BIN_EXE_meg"))
                .args(["render", "lz.yaml", "-o", "out", "-q"])
                .current_dir(meg.dir.path())
                .env("NO_COLOR", "1")
                .status()
                .unwrap();
            if status.success() {
                assert_eq!(meg.snapshot("out"), new, "{syscall} was never killed");
                break;
            }
            kills += 1;
            let next = meg.run(&["render", "lz.yaml", "-o", "out"]);
            assert_eq!(
                next.code(),
                0,
                "killed at {syscall} call {n}, the next render found a mix:\n{}",
                next.stderr()
            );
            assert_eq!(
                meg.snapshot("out"),
                new,
                "killed at {syscall} call {n}: the next render did not end on the new tree"
            );
        }
    }
    eprintln!("killed meg at {kills} system calls");
    assert!(kills > 30, "meg was killed at {kills} calls only");
}
