//! The value files `.meg/lock.json` records, read again by `meg render -o OUT` (and `diff`,
//! `update`) when no landing-zone file is given. A pull request can change the lock: it must
//! not make meg read a file outside the repository (a secret would reach the CI log, the
//! rendered files and the committed lock), follow a link out of it, or hang on a named pipe.
//! Each refusal exits 2, names the lock and the recorded file, prints nothing of the file, and
//! leaves the output folder as it was.

mod common;

use std::path::Path;
use std::process::Command;

use common::{MINIMAL, Meg};

/// The secret a crafted lock tries to read: a YAML file beside the repository.
const SECRET: &str = "name: hunter2secret\ntags:\n  token: hunter2secret\n";

/// A repository `repo/` (with a `.git`) holding `lz.yaml` rendered into `repo/out`, and a
/// secret YAML file outside it.
fn repository() -> Meg {
    let meg = Meg::new();
    std::fs::create_dir_all(meg.path("repo/.git")).unwrap();
    meg.write("repo/lz.yaml", MINIMAL);
    meg.write("secret.yaml", SECRET);
    meg.run_bounded("repo", &["render", "lz.yaml", "-o", "out", "-q"]);
    meg
}

/// The lock of `repo/out` with its recorded value files replaced.
fn record(meg: &Meg, files: &[&str]) {
    let path = meg.path("repo/out/.meg/lock.json");
    let mut lock: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    lock["render"]["files"] = serde_json::json!(files);
    std::fs::write(path, serde_json::to_vec_pretty(&lock).unwrap()).unwrap();
}

#[track_caller]
fn refused(meg: &Meg, cwd: &str, out: &str, blame: &[&str]) {
    for cmd in ["render", "diff", "update"] {
        let before = meg.snapshot("repo/out");
        let run = meg.run_bounded(cwd, &[cmd, "-o", out]);
        let err = String::from_utf8_lossy(&run.stderr);
        let said = format!("{}{err}", String::from_utf8_lossy(&run.stdout));
        assert_eq!(run.status.code(), Some(2), "{cmd}: {said}");
        for b in blame {
            assert!(err.contains(b), "{cmd}: the error says {b:?}:\n{err}");
        }
        assert!(
            !said.contains("hunter2secret"),
            "{cmd}: nothing of the file is shown:\n{said}"
        );
        assert_eq!(
            meg.snapshot("repo/out"),
            before,
            "{cmd}: nothing was touched"
        );
    }
}

#[test]
fn a_recorded_value_file_outside_the_repository_is_not_read() {
    let meg = repository();
    record(&meg, &["../lz.yaml", "../../secret.yaml"]);
    refused(
        &meg,
        "repo",
        "out",
        &[
            "out/.meg/lock.json: the recorded value file '../../secret.yaml' is not read",
            "is outside the repository",
            "give the landing-zone file",
        ],
    );
    // From the folder above the repository, which holds the secret too: still outside the
    // repository that holds the output folder.
    refused(&meg, "", "repo/out", &["is outside the repository"]);
    // Outside any repository: the folder meg runs in and the one holding the output folder.
    std::fs::remove_dir(meg.path("repo/.git")).unwrap();
    refused(
        &meg,
        "repo",
        "out",
        &["is outside the folder meg runs in and the folder that holds the output folder"],
    );
}

#[cfg(unix)]
#[test]
fn a_recorded_value_file_that_links_out_of_the_repository_is_not_read() {
    let meg = repository();
    std::os::unix::fs::symlink(meg.path("secret.yaml"), meg.path("repo/linked.yaml")).unwrap();
    record(&meg, &["../linked.yaml"]);
    refused(
        &meg,
        "repo",
        "out",
        &["'../linked.yaml' is not read", "is outside the repository"],
    );
    // A link to a device, under a YAML name: `/dev/zero` is outside too.
    std::os::unix::fs::symlink("/dev/zero", meg.path("repo/zero.yaml")).unwrap();
    record(&meg, &["../zero.yaml"]);
    refused(
        &meg,
        "repo",
        "out",
        &["'../zero.yaml' is not read", "is outside the repository"],
    );
}

#[cfg(unix)]
#[test]
fn a_recorded_value_file_that_is_a_named_pipe_is_refused_unread() {
    let meg = repository();
    let ok = Command::new("mkfifo")
        .arg(meg.path("repo/pipe.yaml"))
        .status()
        .expect("mkfifo runs");
    assert!(ok.success());
    record(&meg, &["../lz.yaml", "../pipe.yaml"]);
    refused(
        &meg,
        "repo",
        "out",
        &["'../pipe.yaml' is not read", "is a named pipe"],
    );
}

/// The inputs a render recorded are found again from any folder, inside the repository or
/// above it, and outside any repository from the folder that holds them.
#[test]
fn recorded_value_files_inside_the_repository_are_read_from_anywhere() {
    let meg = repository();
    meg.write("repo/values/prod.yaml", "tags:\n  costCenter: cc-42\n");
    let run = meg.run_bounded(
        "repo",
        &[
            "render",
            "lz.yaml",
            "-f",
            "values/prod.yaml",
            "-o",
            "out",
            "-q",
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    for cwd in ["repo", "", "repo/values"] {
        let out = Path::new("repo/out");
        let rel = pathdiff(cwd, out);
        let run = meg.run_bounded(cwd, &["render", "-o", &rel]);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(0), "from {cwd:?}: {err}");
    }
    // No repository: the folder meg runs in holds the inputs.
    std::fs::remove_dir(meg.path("repo/.git")).unwrap();
    let run = meg.run_bounded("repo", &["diff", "-o", "out"]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// `out` as seen from `cwd`, both relative to the scratch folder.
fn pathdiff(cwd: &str, out: &Path) -> String {
    let depth = Path::new(cwd).components().count();
    let mut rel = "../".repeat(depth);
    rel.push_str(&out.display().to_string());
    rel
}
