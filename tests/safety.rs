//! meg never harms the folder it writes, nor anything beside it: what it reads back from its
//! own state (`.meg/lock.json`, `.meg/base.json.gz`, `.meg/tx/`) and the links it finds in the
//! output folder are treated as untrusted input. Each test plants what an attacker, a crash or
//! a pull request could leave, and checks that meg refuses with exit 2, names the culprit, and
//! touches nothing outside (nor inside) the output folder.

mod common;

use std::io::Write as _;
use std::path::Path;

use common::{MINIMAL, Meg};
use meg::catalog::sha256;

const VICTIM: &str = "keep me\n";

/// A scratch folder with `lz.yaml`, a rendered `out/`, and `victim.txt` beside `out/`.
fn rendered() -> Meg {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.write("victim.txt", VICTIM);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    meg
}

/// The tree of `out/` and everything beside it, to prove a command touched nothing.
fn everything(meg: &Meg) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    meg.snapshot("")
}

#[track_caller]
fn refused(meg: &Meg, args: &[&str], blame: &str) {
    let before = everything(meg);
    let run = meg.run(args).bad_input();
    assert!(
        run.stderr().contains(blame),
        "the error names {blame}:\n{}",
        run.stderr()
    );
    assert!(
        !run.stderr().contains("catalog:"),
        "a state file's fault is not the catalog's:\n{}",
        run.stderr()
    );
    assert_eq!(everything(meg), before, "nothing was touched");
    assert_eq!(meg.read("victim.txt"), VICTIM);
}

fn plant_journal(meg: &Meg, journal: &str) {
    meg.write("out/.meg/tx/journal.json", journal);
}

#[test]
fn a_planted_journal_cannot_delete_outside_the_output_folder() {
    let meg = rendered();
    plant_journal(
        &meg,
        r#"{"entries":[{"path":"../victim.txt","backed_up":false}]}"#,
    );
    refused(
        &meg,
        &["render", "lz.yaml", "-o", "out"],
        "out/.meg/tx/journal.json",
    );
}

#[test]
fn a_planted_journal_with_an_absolute_path_cannot_delete_it() {
    let meg = rendered();
    let victim = meg.path("victim.txt").display().to_string();
    plant_journal(
        &meg,
        &serde_json::json!({"entries": [{"path": victim, "backed_up": false}]}).to_string(),
    );
    refused(
        &meg,
        &["update", "lz.yaml", "-o", "out"],
        "out/.meg/tx/journal.json",
    );
}

#[test]
fn a_planted_journal_and_backup_cannot_write_outside_the_output_folder() {
    let meg = rendered();
    let outside = meg.path("created-outside.txt").display().to_string();
    plant_journal(
        &meg,
        &serde_json::json!({"entries": [
            {"path": "../victim.txt", "backed_up": true},
            {"path": outside, "backed_up": true},
        ]})
        .to_string(),
    );
    // Where `tx/old/../victim.txt` and `tx/old/<absolute>` would have been read from.
    meg.write("out/.meg/tx/victim.txt", "overwritten\n");
    meg.write(
        &format!("out/.meg/tx/old/{}", outside.trim_start_matches('/')),
        "created\n",
    );
    refused(
        &meg,
        &["render", "lz.yaml", "-o", "out", "--force"],
        "journal.json",
    );
    assert!(!meg.path("created-outside.txt").exists());
}

#[test]
fn a_journal_naming_meg_s_own_folder_is_refused() {
    let meg = rendered();
    plant_journal(
        &meg,
        r#"{"entries":[{"path":".meg/tx/old","backed_up":false}]}"#,
    );
    refused(&meg, &["render", "lz.yaml", "-o", "out"], "journal.json");
}

/// A lock whose `files` also lists `extra` paths, each recorded with the hash of its bytes
/// now, so that meg takes it for one it wrote and would remove it.
fn plant_lock_entries(meg: &Meg, extra: &[(&str, &str)]) {
    let mut lock: serde_json::Value =
        serde_json::from_str(&meg.read("out/.meg/lock.json")).unwrap();
    for (path, text) in extra {
        lock["files"][*path] = sha256(text.as_bytes()).into();
    }
    meg.write("out/.meg/lock.json", &lock.to_string());
}

#[test]
fn a_planted_lock_cannot_delete_outside_the_output_folder() {
    let meg = rendered();
    plant_lock_entries(&meg, &[("../victim.txt", VICTIM)]);
    refused(
        &meg,
        &["render", "lz.yaml", "-o", "out"],
        "out/.meg/lock.json",
    );
}

#[test]
fn a_planted_lock_cannot_delete_and_prune_folders_outside() {
    let meg = rendered();
    meg.write("deep/a/b/file.txt", "deep\n");
    plant_lock_entries(&meg, &[("../deep/a/b/file.txt", "deep\n")]);
    refused(
        &meg,
        &["render", "lz.yaml", "-o", "out"],
        "out/.meg/lock.json",
    );
    assert_eq!(meg.read("deep/a/b/file.txt"), "deep\n");
}

#[test]
fn a_lock_listing_meg_s_own_files_is_refused() {
    let meg = rendered();
    let journal = "{}";
    meg.write("out/.meg/keep.json", journal);
    plant_lock_entries(&meg, &[(".meg/keep.json", journal)]);
    refused(&meg, &["diff", "lz.yaml", "-o", "out"], "lock.json");
}

#[test]
fn a_damaged_base_is_blamed_on_itself() {
    let meg = rendered();
    let files = serde_json::json!({"../escape.txt": "escaped\n", "bicep/main.bicep": "x"});
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(files.to_string().as_bytes()).unwrap();
    std::fs::write(meg.path("out/.meg/base.json.gz"), gz.finish().unwrap()).unwrap();
    refused(
        &meg,
        &["update", "lz.yaml", "-o", "out"],
        "out/.meg/base.json.gz",
    );
    assert!(!meg.path("escape.txt").exists());
}

#[cfg(unix)]
fn link(target: impl AsRef<Path>, at: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

#[cfg(unix)]
#[test]
fn a_dangling_link_to_a_file_outside_is_not_written_through() {
    let meg = rendered();
    std::fs::create_dir(meg.path("outside")).unwrap();
    std::fs::remove_file(meg.path("out/terraform/main.tf")).unwrap();
    // From out/terraform/, ../../outside is beside out/.
    link(
        "../../outside/created.tf",
        meg.path("out/terraform/main.tf"),
    );
    refused(
        &meg,
        &["render", "lz.yaml", "-o", "out"],
        "out/terraform/main.tf: is a symbolic link",
    );
    assert!(!meg.path("outside/created.tf").exists());
}

#[cfg(unix)]
#[test]
fn a_linked_folder_outside_is_not_written_into() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.write("victim.txt", VICTIM);
    std::fs::create_dir_all(meg.path("elsewhere")).unwrap();
    std::fs::create_dir_all(meg.path("out")).unwrap();
    link(meg.path("elsewhere"), meg.path("out/bicep"));
    refused(
        &meg,
        &["render", "lz.yaml", "-o", "out"],
        "out/bicep: is a symbolic link",
    );
    assert_eq!(std::fs::read_dir(meg.path("elsewhere")).unwrap().count(), 0);
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_output_folder_is_refused_too() {
    let meg = rendered();
    std::fs::rename(meg.path("out/bicep"), meg.path("out/real-bicep")).unwrap();
    link("real-bicep", meg.path("out/bicep"));
    refused(
        &meg,
        &[
            "render",
            "lz.yaml",
            "-o",
            "out",
            "--set",
            "monitoring.retentionDays=99",
        ],
        "out/bicep: is a symbolic link",
    );
}

#[cfg(unix)]
#[test]
fn meg_s_own_folder_as_a_link_is_refused() {
    let meg = rendered();
    // A `.meg` that points at a folder outside, holding a journal that names files in it.
    std::fs::rename(meg.path("out/.meg"), meg.path("elsewhere")).unwrap();
    meg.write("elsewhere/victim.txt", VICTIM);
    meg.write(
        "elsewhere/tx/journal.json",
        r#"{"entries":[{"path":"victim.txt","backed_up":false}]}"#,
    );
    link(meg.path("elsewhere"), meg.path("out/.meg"));
    refused(
        &meg,
        &["render", "lz.yaml", "-o", "out"],
        "out/.meg: is a symbolic link",
    );
    refused(
        &meg,
        &["update", "lz.yaml", "-o", "out"],
        "out/.meg: is a symbolic link",
    );
    assert_eq!(meg.read("elsewhere/victim.txt"), VICTIM);
}

#[test]
fn a_journal_cut_short_never_wedges_the_folder() {
    for cut in ["", r#"{"entries":[{"path":"bicep/main.bicep","bac"#] {
        let meg = rendered();
        let before = meg.snapshot("out");
        plant_journal(&meg, cut);
        meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
        assert!(!meg.path("out/.meg/tx").exists());
        assert_eq!(meg.snapshot("out"), before);
        meg.run(&["update", "lz.yaml", "-o", "out"]).ok();
    }
}

#[test]
fn an_interrupted_write_is_rolled_back_by_the_next_render() {
    let meg = rendered();
    let before = meg.snapshot("out");
    // What a write killed after its journal leaves: one file moved into place, its backup.
    let main = meg.read("out/bicep/main.bicep");
    meg.write("out/.meg/tx/old/bicep/main.bicep", &main);
    meg.write("out/bicep/main.bicep", "half-applied\n");
    meg.write("out/terraform/brand-new.tf", "half-applied\n");
    plant_journal(
        &meg,
        r#"{"entries":[{"path":"bicep/main.bicep","backed_up":true},{"path":"terraform/brand-new.tf","backed_up":false}]}"#,
    );
    // Even a dry run reads no half-applied tree: it rolls the write back first and says so.
    let run = meg
        .run(&["render", "lz.yaml", "-o", "out", "--dry-run"])
        .ok();
    assert!(run.stderr().contains("rolled back an interrupted write"));
    assert!(!run.stdout().contains("change  bicep/main.bicep"));
    assert_eq!(meg.snapshot("out"), before);
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(!run.stdout().contains("rolled back"));
    assert_eq!(meg.snapshot("out"), before);
}

/// Makes a folder unwritable, as `chmod a-w` does for a user and `chattr +i` for root; false
/// when neither works here.
#[cfg(target_os = "linux")]
fn make_read_only(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let writable = || {
        let probe = dir.join(".probe");
        let ok = std::fs::write(&probe, "").is_ok();
        let _ = std::fs::remove_file(probe);
        ok
    };
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    if !writable() {
        return true;
    }
    let _ = std::process::Command::new("chattr")
        .arg("+i")
        .arg(dir)
        .status();
    !writable()
}

#[cfg(target_os = "linux")]
fn make_writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::process::Command::new("chattr")
        .arg("-i")
        .arg(dir)
        .status();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_folder_stops_the_write_and_leaves_the_tree_as_it_was() {
    let meg = rendered();
    let envs = meg.path("out/terraform/environments");
    if !make_read_only(&envs) {
        eprintln!("skipped: cannot make a folder read-only here (neither chmod nor chattr)");
        return;
    }
    let before = meg.snapshot("out");
    let run = meg.run(&[
        "render",
        "lz.yaml",
        "-o",
        "out",
        "--set",
        "monitoring.retentionDays=99",
    ]);
    let after = meg.snapshot("out");
    let tx_left = meg.path("out/.meg/tx").exists();
    make_writable(&envs);
    let run = run.bad_input();
    assert!(
        run.stderr().contains("terraform/environments")
            && (run.stderr().contains("Permission denied")
                || run.stderr().contains("Operation not permitted")),
        "{}",
        run.stderr()
    );
    assert_eq!(
        after, before,
        "the old tree, the old lock, no half-written file"
    );
    assert!(!tx_left, "no transaction left to wedge later runs");
    meg.run(&[
        "render",
        "lz.yaml",
        "-o",
        "out",
        "--set",
        "monitoring.retentionDays=99",
    ])
    .ok();
}

#[cfg(unix)]
#[test]
fn a_planted_backup_behind_a_link_is_not_read() {
    let meg = rendered();
    meg.write("elsewhere/bicep/main.bicep", "from outside\n");
    std::fs::create_dir_all(meg.path("out/.meg/tx/old")).unwrap();
    link(
        meg.path("elsewhere/bicep"),
        meg.path("out/.meg/tx/old/bicep"),
    );
    plant_journal(
        &meg,
        r#"{"entries":[{"path":"bicep/main.bicep","backed_up":true}]}"#,
    );
    refused(
        &meg,
        &["render", "lz.yaml", "-o", "out"],
        "out/.meg/tx/old/bicep: is a symbolic link",
    );
}

#[cfg(unix)]
#[test]
fn a_link_on_a_path_the_write_leaves_alone_stays() {
    let meg = rendered();
    std::fs::rename(meg.path("out/bicep"), meg.path("out/real-bicep")).unwrap();
    link("real-bicep", meg.path("out/bicep"));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(
        std::fs::symlink_metadata(meg.path("out/bicep"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn a_batch_zone_folder_that_is_a_link_is_not_written_into() {
    let meg = Meg::new();
    meg.write("zones/alpha.yaml", MINIMAL);
    meg.write(
        "zones/beta.yaml",
        &MINIMAL.replace("name: fabrikam", "name: contoso"),
    );
    meg.write("victim.txt", VICTIM);
    std::fs::create_dir_all(meg.path("elsewhere")).unwrap();
    std::fs::create_dir_all(meg.path("out")).unwrap();
    link(meg.path("elsewhere"), meg.path("out/alpha"));
    let run = meg.run(&["render", "zones", "-o", "out"]).bad_input();
    assert!(
        run.stderr().contains("out/alpha: is a symbolic link"),
        "{}",
        run.stderr()
    );
    assert_eq!(std::fs::read_dir(meg.path("elsewhere")).unwrap().count(), 0);
    assert!(
        meg.path("out/beta/bicep/main.bicep").exists(),
        "the other zone renders"
    );
}
