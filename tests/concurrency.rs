//! One writer at a time: real meg processes racing on one output folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{MINIMAL, Meg};

/// Starts meg without waiting for it; `pause` makes it stop once it holds the lock, until the
/// file it writes there is removed.
fn spawn(meg: &Meg, args: &[&str], pause: Option<&Path>) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_meg"));
    cmd.args(args)
        .current_dir(meg.dir.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(flag) = pause {
        cmd.env("MEG_TEST_PAUSE_LOCKED", flag);
    }
    cmd.spawn().expect("meg starts")
}

/// Waits until a paused meg says it holds the lock.
fn wait_for(flag: &Path, child: &mut Child) {
    let start = Instant::now();
    while !flag.exists() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("meg ended before it held the lock: {status}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "meg never took the lock"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn finish(child: Child) -> (i32, String, String) {
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().expect("exited"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn rendered() -> Meg {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    meg
}

#[test]
fn a_second_writer_waits_then_exits_2_naming_the_first() {
    let meg = rendered();
    let flag = meg.path("holding");
    let mut first = spawn(
        &meg,
        &[
            "render",
            "lz.yaml",
            "-o",
            "out",
            "--set",
            "monitoring.retentionDays=60",
        ],
        Some(&flag),
    );
    wait_for(&flag, &mut first);
    let before = meg.snapshot("out");
    for second in [
        vec!["render", "lz.yaml", "-o", "out"],
        vec!["update", "lz.yaml", "-o", "out"],
    ] {
        let run = Command::new(env!("CARGO_BIN_EXE_meg"))
            .args(&second)
            .current_dir(meg.dir.path())
            .env("MEG_LOCK_WAIT", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{second:?}: {stderr}");
        assert!(
            stderr.contains(&format!("pid {}", first.id())),
            "names the holder's pid: {stderr}"
        );
        assert!(
            stderr.contains("meg render lz.yaml -o out --set monitoring.retentionDays=60")
                || stderr.contains("render lz.yaml -o out --set monitoring.retentionDays=60"),
            "names the holder's command: {stderr}"
        );
        assert!(stderr.contains("waited 1 s"), "{stderr}");
    }
    assert_eq!(
        meg.snapshot("out"),
        before,
        "the second writers touched nothing"
    );
    std::fs::remove_file(&flag).unwrap();
    let (code, _, stderr) = finish(first);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        meg.read("out/terraform/environments/dev.tfvars")
            .contains("retention_in_days = 60")
    );
}

#[test]
fn readers_wait_for_a_writer_and_writers_for_readers() {
    let meg = rendered();
    let flag = meg.path("holding");
    let mut writer = spawn(&meg, &["render", "lz.yaml", "-o", "out"], Some(&flag));
    wait_for(&flag, &mut writer);
    for reader in [
        vec!["diff", "lz.yaml", "-o", "out"],
        vec!["render", "lz.yaml", "-o", "out", "--dry-run"],
        vec!["update", "lz.yaml", "-o", "out", "--dry-run"],
    ] {
        let run = Command::new(env!("CARGO_BIN_EXE_meg"))
            .args(&reader)
            .current_dir(meg.dir.path())
            .env("MEG_LOCK_WAIT", "0")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{reader:?}: {stderr}");
        assert!(stderr.contains(&format!("pid {}", writer.id())), "{stderr}");
    }
    std::fs::remove_file(&flag).unwrap();
    assert_eq!(finish(writer).0, 0);

    // A diff holds the folder too: a render waits for it.
    let mut reader = spawn(&meg, &["diff", "lz.yaml", "-o", "out"], Some(&flag));
    wait_for(&flag, &mut reader);
    let run = Command::new(env!("CARGO_BIN_EXE_meg"))
        .args(["render", "lz.yaml", "-o", "out"])
        .current_dir(meg.dir.path())
        .env("MEG_LOCK_WAIT", "0")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("meg diff") || stderr.contains("diff lz.yaml"),
        "{stderr}"
    );
    std::fs::remove_file(&flag).unwrap();
    assert_eq!(finish(reader).0, 0);
}

#[test]
fn a_lock_left_by_a_killed_meg_never_blocks() {
    let meg = rendered();
    let flag = meg.path("holding");
    let mut first = spawn(
        &meg,
        &[
            "render",
            "lz.yaml",
            "-o",
            "out",
            "--set",
            "monitoring.retentionDays=60",
        ],
        Some(&flag),
    );
    wait_for(&flag, &mut first);
    first.kill().unwrap();
    first.wait().unwrap();
    // The file stays, naming a process that is gone; only the OS lock counts.
    let left = meg.read("out/.meg/process.lock");
    assert!(left.contains(&format!("pid {}", first.id())), "{left}");
    let run = Command::new(env!("CARGO_BIN_EXE_meg"))
        .args(["render", "lz.yaml", "-o", "out"])
        .current_dir(meg.dir.path())
        .env("MEG_LOCK_WAIT", "0")
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // A lock file someone planted, with any content, is no lock either.
    meg.write("out/.meg/process.lock", "pid 1\ncommand \x1b[31mevil\n");
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    meg.run(&["diff", "lz.yaml", "-o", "out"]).ok();
}

#[test]
fn diff_and_dry_runs_roll_back_an_interrupted_write_before_they_read() {
    let meg = rendered();
    let dev = "out/terraform/environments/dev.tfvars";
    let before = meg.read(dev);
    // A write killed half-way: the file is new, its backup and the journal say so.
    meg.write(".meg-backup/terraform/environments/dev.tfvars", &before);
    std::fs::create_dir_all(meg.path("out/.meg/tx/old/terraform/environments")).unwrap();
    std::fs::rename(
        meg.path(".meg-backup/terraform/environments/dev.tfvars"),
        meg.path("out/.meg/tx/old/terraform/environments/dev.tfvars"),
    )
    .unwrap();
    meg.write(
        "out/.meg/tx/journal.json",
        r#"{"entries":[{"path":"terraform/environments/dev.tfvars","backed_up":true}]}"#,
    );
    meg.write(dev, "half-written");
    let run = meg.run(&["diff", "lz.yaml", "-o", "out"]).ok();
    assert!(
        run.stderr().contains("rolled back an interrupted write"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stdout().contains("0 file(s) differ"),
        "{}",
        run.stdout()
    );
    assert_eq!(meg.read(dev), before);
    assert!(!meg.path("out/.meg/tx").exists());
}

/// Every file of a tree but the lock file, whose content names whoever last held it.
fn tree(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(root).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .filter(|(p, _)| p != Path::new(".meg/process.lock"))
        .collect();
    files.sort();
    files
}

#[test]
fn racing_renders_and_updates_end_in_a_serial_order() {
    let meg = rendered();
    let a = ["--set", "monitoring.retentionDays=60"];
    let b = ["--set", "monitoring.retentionDays=90"];
    // What each finishing last leaves, rendered alone.
    for (name, set) in [("a", a), ("b", b)] {
        let run = [&["render", "lz.yaml", "-o", name][..], &set[..]].concat();
        meg.run(&run).ok();
    }
    let trees = [tree(&meg.path("a")), tree(&meg.path("b"))];
    let races = 12;
    for race in 0..races {
        // Render a against update b, or render a against render b.
        let verb_b = if race % 2 == 0 { "update" } else { "render" };
        let first = spawn(
            &meg,
            &[&["render", "lz.yaml", "-o", "out"][..], &a[..]].concat(),
            None,
        );
        let second = spawn(
            &meg,
            &[&[verb_b, "lz.yaml", "-o", "out"][..], &b[..]].concat(),
            None,
        );
        for (code, stdout, stderr) in [finish(first), finish(second)] {
            assert!(
                code == 0 || (code == 2 && stderr.contains("in use by another meg process")),
                "race {race}: exit {code}\n{stdout}\n{stderr}"
            );
            assert!(!stderr.contains("os error"), "race {race}: {stderr}");
        }
        let now = tree(&meg.path("out"));
        let last = trees
            .iter()
            .position(|t| *t == now)
            .unwrap_or_else(|| panic!("race {race}: the tree matches no serial order"));
        let set = if last == 0 { a } else { b };
        let diff = meg.run(&[&["diff", "lz.yaml", "-o", "out"][..], &set[..]].concat());
        assert_eq!(diff.code(), 0, "race {race}: {}", diff.stdout());
        assert!(
            diff.stdout().contains("0 edited by you") || diff.stdout().contains("0 file(s) differ")
        );
    }
}

#[test]
fn a_refused_render_leaves_no_lock_behind_in_a_folder_meg_never_wrote() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.write("out/terraform/main.tf", "# the user's own\n");
    let before = meg.snapshot("out");
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    assert!(
        run.stderr().contains("terraform/main.tf"),
        "{}",
        run.stderr()
    );
    assert_eq!(meg.snapshot("out"), before);
    assert!(!meg.path("out/.meg").exists());
}
