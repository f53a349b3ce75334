//! meg's own folder `OUT/.meg` as something else: a regular file, a named pipe, a link (to a
//! folder elsewhere that holds a lock of its own, or to nothing), and its lock file with a
//! second name. Every command that reads or writes the folder refuses with exit 2, naming
//! `OUT/.meg` and what it is, and leaves everything as it was: the thing at `.meg` may be the
//! user's.

mod common;

use std::process::Command;

use common::{MINIMAL, Meg};

fn rendered() -> Meg {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out", "-q"]).ok();
    meg
}

const COMMANDS: [&[&str]; 7] = [
    &["render", "lz.yaml", "-o", "out"],
    &["render", "lz.yaml", "-o", "out", "--dry-run"],
    &["render", "-o", "out"],
    &["update", "lz.yaml", "-o", "out"],
    &["update", "-o", "out"],
    &["diff", "lz.yaml", "-o", "out"],
    &["diff", "-o", "out"],
];

#[track_caller]
fn every_command_refuses(meg: &Meg, what: &str) {
    for args in COMMANDS {
        let before = meg.snapshot("");
        let run = meg.run(args);
        let err = run.stderr();
        assert_eq!(run.code(), 2, "{args:?}: {err}");
        assert!(
            err.contains(&format!("out/.meg: {what}, where meg keeps its own state")),
            "{args:?} says what .meg is:\n{err}"
        );
        assert!(err.contains("nothing was read or written"), "{err}");
        assert_eq!(meg.snapshot(""), before, "{args:?}: nothing was touched");
    }
}

#[test]
fn meg_s_folder_as_a_regular_file_is_refused_by_every_command() {
    let meg = rendered();
    std::fs::remove_dir_all(meg.path("out/.meg")).unwrap();
    meg.write("out/.meg", "a tool's own settings\n");
    every_command_refuses(&meg, "is a file");
    assert_eq!(meg.read("out/.meg"), "a tool's own settings\n");
}

#[cfg(unix)]
#[test]
fn meg_s_folder_as_a_named_pipe_is_refused_by_every_command() {
    let meg = rendered();
    std::fs::remove_dir_all(meg.path("out/.meg")).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(meg.path("out/.meg"))
            .status()
            .unwrap()
            .success()
    );
    every_command_refuses(&meg, "is a named pipe");
}

/// A link to another folder's state: its lock records other inputs and files; meg reads none
/// of it.
#[cfg(unix)]
#[test]
fn meg_s_folder_as_a_link_is_refused_by_every_command_before_it_is_read() {
    let meg = rendered();
    meg.run(&[
        "render", "lz.yaml", "-o", "other", "-q", "--target", "bicep",
    ])
    .ok();
    std::fs::remove_dir_all(meg.path("out/.meg")).unwrap();
    std::os::unix::fs::symlink("../other/.meg", meg.path("out/.meg")).unwrap();
    every_command_refuses(&meg, "is a symbolic link to ../other/.meg");
    std::fs::remove_file(meg.path("out/.meg")).unwrap();
    std::os::unix::fs::symlink("../nowhere", meg.path("out/.meg")).unwrap();
    every_command_refuses(&meg, "is a symbolic link to ../nowhere");
}

/// The lock file is emptied after each command: with a second name (a hard link to a file
/// of the repository), that file would be emptied too.
#[cfg(unix)]
#[test]
fn a_lock_file_with_a_second_name_is_not_written() {
    let meg = rendered();
    std::fs::hard_link(meg.path("out/.meg/process.lock"), meg.path("notes.txt")).unwrap();
    std::fs::write(meg.path("notes.txt"), "keep me\n").unwrap();
    for args in COMMANDS {
        let run = meg.run(args);
        assert_eq!(run.code(), 2, "{args:?}: {}", run.stderr());
        assert!(
            run.stderr().contains("has 2 names (hard links)"),
            "{}",
            run.stderr()
        );
        assert_eq!(meg.read("notes.txt"), "keep me\n", "{args:?}");
    }
}

/// A `--catalog` overlay can come with a pull request: a link in it (its `templates` folder
/// to a folder of secrets, or one template to a key file) would put files from elsewhere into
/// the render. Refused, naming the link, before anything is read or written.
#[cfg(unix)]
#[test]
fn a_link_in_a_catalog_overlay_is_refused_and_nothing_of_its_target_is_rendered() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.write("secrets/README.md.tera", "hunter2secret\n");
    std::fs::create_dir_all(meg.path("overlay/catalog")).unwrap();
    std::os::unix::fs::symlink("../secrets", meg.path("overlay/templates")).unwrap();
    let refused = |blame: &str| {
        let run = meg.run(&["--catalog", "overlay", "render", "lz.yaml", "-o", "out"]);
        assert_eq!(run.code(), 2, "{}", run.stderr());
        assert!(run.stderr().contains(blame), "{}", run.stderr());
        assert!(!meg.path("out").exists(), "nothing was written");
    };
    refused("overlay/templates is a symbolic link");
    std::fs::remove_file(meg.path("overlay/templates")).unwrap();
    std::fs::create_dir(meg.path("overlay/templates")).unwrap();
    std::os::unix::fs::symlink(
        "../../secrets/README.md.tera",
        meg.path("overlay/templates/README.md.tera"),
    )
    .unwrap();
    refused("overlay/templates/README.md.tera is a symbolic link");
    // A named pipe in the overlay is refused unread.
    std::fs::remove_file(meg.path("overlay/templates/README.md.tera")).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(meg.path("overlay/templates/README.md.tera"))
            .status()
            .unwrap()
            .success()
    );
    refused("is a named pipe");
}
