//! What meg reads back from disk that is not a plain file of reasonable size, and what the
//! shell completion prints: a crafted repository can put a named pipe, a link to a device or a
//! sparse file of many gigabytes where meg reads an inventory export, a file of the output
//! folder or its own state, and keys that are shell code where `--env` completes. Each test
//! plants one and checks that meg neither hangs nor floods memory nor runs anything: it refuses
//! with exit 2, names the file and what it is, and leaves everything as it was.

mod common;

use std::path::Path;
use std::process::Command;

use common::{MINIMAL, Meg};

#[track_caller]
fn refused_within(meg: &Meg, args: &[&str], blame: &[&str]) {
    let existed = meg.path("out").exists();
    let before = existed.then(|| meg.snapshot("out"));
    let out = meg.run_bounded("", args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    for b in blame {
        assert!(err.contains(b), "{args:?}: the error says {b:?}:\n{err}");
    }
    assert_eq!(
        meg.path("out").exists().then(|| meg.snapshot("out")),
        before,
        "{args:?}: nothing was touched"
    );
}

fn rendered() -> Meg {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    meg
}

#[cfg(unix)]
fn fifo(at: &Path) {
    let ok = Command::new("mkfifo")
        .arg(at)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success(), "mkfifo {}", at.display());
}

/// A named pipe where meg rendered a file: reading it would block for ever.
#[cfg(unix)]
#[test]
fn a_named_pipe_in_the_output_folder_is_refused_unread() {
    let meg = rendered();
    std::fs::remove_file(meg.path("out/README.md")).unwrap();
    fifo(&meg.path("out/README.md"));
    for cmd in ["render", "update", "diff"] {
        refused_within(
            &meg,
            &[cmd, "lz.yaml", "-o", "out"],
            &["out/README.md: is a named pipe, not a file"],
        );
    }
}

/// A link to a device where meg rendered a file: `/dev/zero` never ends.
#[cfg(unix)]
#[test]
fn a_link_to_a_device_in_the_output_folder_is_refused_unread() {
    let meg = rendered();
    std::fs::remove_file(meg.path("out/README.md")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", meg.path("out/README.md")).unwrap();
    for cmd in ["render", "update", "diff"] {
        refused_within(
            &meg,
            &[cmd, "lz.yaml", "-o", "out"],
            &["out/README.md: is a device, not a file"],
        );
    }
}

/// meg's own state as a pipe, and as a sparse file of gigabytes: refused unread.
#[cfg(unix)]
#[test]
fn state_files_that_are_pipes_or_huge_are_refused_unread() {
    let meg = rendered();
    std::fs::remove_file(meg.path("out/.meg/lock.json")).unwrap();
    fifo(&meg.path("out/.meg/lock.json"));
    refused_within(
        &meg,
        &["diff", "lz.yaml", "-o", "out"],
        &["out/.meg/lock.json: is a named pipe"],
    );
    std::fs::remove_file(meg.path("out/.meg/lock.json")).unwrap();
    // Sparse: no disk space, but a read would ask for 600 MiB of memory.
    let f = std::fs::File::create(meg.path("out/.meg/lock.json")).unwrap();
    f.set_len(600 * 1024 * 1024).unwrap();
    drop(f);
    for cmd in ["diff", "render", "update"] {
        refused_within(
            &meg,
            &[cmd, "lz.yaml", "-o", "out"],
            &["out/.meg/lock.json: larger than 512 MiB"],
        );
    }
    std::fs::remove_file(meg.path("out/.meg/lock.json")).unwrap();
    meg.run(&["render", "lz.yaml", "-o", "out", "--force"]).ok();
    std::fs::remove_file(meg.path("out/.meg/base.json.gz")).unwrap();
    fifo(&meg.path("out/.meg/base.json.gz"));
    refused_within(
        &meg,
        &["update", "lz.yaml", "-o", "out"],
        &["out/.meg/base.json.gz: is a named pipe"],
    );
    // A render never reads the base, but replaces it: its backup must not read the pipe.
    refused_within(
        &meg,
        &[
            "render",
            "lz.yaml",
            "-o",
            "out",
            "--set",
            "monitoring.retentionDays=99",
        ],
        &["out/.meg/base.json.gz: is a named pipe"],
    );
}

/// A landing zone whose inventory names a device or a pipe: what a pull request can add to
/// `migration.inventory.files` in one line. `/dev/zero` is outside the landing zone's folder
/// (refused unread for that reason); a pipe beside it is refused for what it is.
#[cfg(unix)]
#[test]
fn an_inventory_file_that_is_a_device_or_a_pipe_is_refused_unread() {
    let meg = Meg::new();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::fs::create_dir(meg.path("inventory")).unwrap();
    for f in std::fs::read_dir(examples.join("inventory")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), meg.path("inventory").join(f.file_name())).unwrap();
    }
    let lz = std::fs::read_to_string(examples.join("inventory.yaml")).unwrap();
    assert!(lz.contains("inventory/dependencies.csv"));
    meg.write(
        "zero.yaml",
        &lz.replace("inventory/dependencies.csv", "/dev/zero"),
    );
    refused_within(
        &meg,
        &["render", "zero.yaml", "-o", "out"],
        &[
            "migration.inventory.files: /dev/zero",
            "outside the landing-zone file's folder",
        ],
    );
    fifo(&meg.path("inventory/pipe.csv"));
    meg.write(
        "pipe.yaml",
        &lz.replace("inventory/dependencies.csv", "inventory/pipe.csv"),
    );
    refused_within(
        &meg,
        &["render", "pipe.yaml", "-o", "out"],
        &[
            "migration.inventory.files: inventory/pipe.csv",
            "is a named pipe",
        ],
    );
    refused_within(
        &meg,
        &["inventory", "inventory/pipe.csv"],
        &["inventory/pipe.csv: is a named pipe"],
    );
    assert!(!meg.path("out").exists(), "nothing was rendered");
}

/// `--env <TAB>` reads the landing-zone file before any schema check, and the shells treat
/// what it prints as code: bash's `compgen -W` expands `$(...)`. A file from a pull request
/// with such keys under `environments` must not run anything when its reviewer presses TAB.
#[test]
fn env_completion_offers_only_environment_names_never_shell_code() {
    let meg = Meg::new();
    let marker = meg.path("ran");
    meg.write(
        "lz.yaml",
        &format!(
            "{}  \"$(touch {m})\": {{}}\n  \"`touch {m}`\": {{}}\n  \"x:y:{{touch {m}}}\": {{}}\n  \"a\\nb\": {{}}\n  \"-rf\": {{}}\n",
            MINIMAL,
            m = marker.display()
        ),
    );
    let offered = meg
        .run(&["complete-env", "--", "meg", "render", "lz.yaml", "--env"])
        .ok()
        .stdout();
    assert_eq!(offered, "dev\nprod\n", "only the environment names");
    // bash, for real, where there is one: the script meg generates, completing `--env `.
    if Command::new("bash").arg("--version").output().is_ok() {
        let bin = Path::new(env!("CARGO_BIN_EXE_meg"));
        meg.write("meg.bash", &meg.run(&["completions", "bash"]).ok().stdout());
        let script = format!(
            "source meg.bash\nCOMP_WORDS=({b} render lz.yaml --env '')\nCOMP_CWORD=4\n_meg {b} '' --env\necho \"${{COMPREPLY[@]}}\"\n",
            b = bin.display()
        );
        let out = Command::new("bash")
            .arg("-c")
            .arg(script)
            .current_dir(meg.path(""))
            .output()
            .unwrap();
        let words = String::from_utf8_lossy(&out.stdout);
        assert_eq!(words.trim(), "dev prod", "{words}");
        assert!(!marker.exists(), "a completion ran code from the file");
    }
}

/// A server name with an escape sequence (or a line break) in an export: `meg inventory` and
/// `meg diff` would print it raw to the terminal, and every render would write it into the wave
/// script and `.meg/waves.json`. It is refused at its row.
#[test]
fn a_server_name_with_control_characters_is_refused_at_its_row() {
    let meg = Meg::new();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::fs::create_dir(meg.path("inventory")).unwrap();
    for f in std::fs::read_dir(examples.join("inventory")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), meg.path("inventory").join(f.file_name())).unwrap();
    }
    meg.write(
        "lz.yaml",
        &std::fs::read_to_string(examples.join("inventory.yaml")).unwrap(),
    );
    let csv = meg.read("inventory/servers.csv");
    assert!(csv.contains("\nNW-WEB01.northwind.local,"));
    for evil in ["w\u{1b}]0;owned\u{7}x", "\"web\nrm -rf\""] {
        meg.write(
            "inventory/servers.csv",
            &csv.replacen("NW-WEB01.northwind.local", evil, 1),
        );
        for args in [
            &["inventory", "lz.yaml"][..],
            &["render", "lz.yaml", "-o", "out"][..],
        ] {
            let run = meg.run(args).bad_input();
            assert!(
                run.stderr().contains("inventory/servers.csv:2")
                    && run.stderr().contains("holds a control character"),
                "{args:?}: {}",
                run.stderr()
            );
            assert!(!run.stdout().contains('\u{1b}'), "{}", run.stdout());
        }
        assert!(!meg.path("out").exists(), "nothing was rendered");
    }
}

/// A landing-zone file from a pull request names a file outside the repository as its
/// inventory: the process's environment or a token cache. The error for a file that is no
/// inventory shows its first row, in that pull request's CI log: refused before it is read.
#[cfg(unix)]
#[test]
fn an_inventory_outside_the_landing_zone_s_folder_is_not_read() {
    let meg = Meg::new();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::fs::create_dir_all(meg.path("repo/inventory")).unwrap();
    for f in std::fs::read_dir(examples.join("inventory")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), meg.path("repo/inventory").join(f.file_name())).unwrap();
    }
    let lz = std::fs::read_to_string(examples.join("inventory.yaml")).unwrap();
    // Beside the repository, as a token cache would be.
    meg.write("secret.csv", "SECRET_TOKEN=hunter2,x\n");
    std::os::unix::fs::symlink(meg.path("secret.csv"), meg.path("repo/inventory/link.csv"))
        .unwrap();
    for planted in ["/proc/self/environ", "../secret.csv", "inventory/link.csv"] {
        meg.write(
            "repo/lz.yaml",
            &lz.replace("inventory/dependencies.csv", planted),
        );
        let out = Command::new(env!("CARGO_BIN_EXE_meg"))
            .args(["validate", "lz.yaml"])
            .current_dir(meg.path("repo"))
            .env("SECRET_TOKEN", "hunter2")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{planted}: {err}");
        assert!(
            err.contains("outside the landing-zone file's folder") && !err.contains("hunter2"),
            "{planted}: {err}"
        );
    }
}
