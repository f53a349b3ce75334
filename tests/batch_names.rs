//! In a batch, each landing zone renders into OUT/<its file's stem>: a stem that is not a plain
//! folder name is refused before anything is written, so nothing lands outside OUT.

mod common;

use common::{MINIMAL, Meg};

fn zone(meg: &Meg, file: &str, name: &str) {
    meg.write(file, &MINIMAL.replace("fabrikam", name));
}

#[test]
fn stems_that_are_not_folder_names_are_refused_and_nothing_is_written() {
    for (bad, why) in [
        ("zones/..yaml", "'.'"),
        ("zones/...yaml", "'..'"),
        ("zones/.hidden.yaml", "'.hidden'"),
        ("zones/a\\b.yaml", "'a\\b'"),
        ("zones/-rf.yaml", "'-rf'"),
    ] {
        let meg = Meg::new();
        zone(&meg, "zones/good.yaml", "zonegood");
        zone(&meg, bad, "zonebad");
        let run = meg.run(&["render", "zones", "-o", "out"]);
        // A name the folder scan skips (no .yaml extension) cannot be refused by it: give it
        // as a file.
        let run = if run.code() == 0 {
            std::fs::remove_dir_all(meg.path("out")).unwrap();
            meg.run(&["render", "zones/good.yaml", bad, "-o", "out"])
        } else {
            run
        };
        let run = run.bad_input();
        assert!(run.stderr().contains(why), "{bad}: {}", run.stderr());
        assert!(
            run.stderr().contains("cannot name the folder"),
            "{bad}: {}",
            run.stderr()
        );
        assert!(!meg.path("out").exists(), "{bad}: nothing written");
        let entries: Vec<_> = std::fs::read_dir(meg.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            entries.len(),
            1,
            "{bad}: nothing beside the inputs: {entries:?}"
        );
    }
}

#[test]
fn a_file_named_dot_yaml_is_refused() {
    let meg = Meg::new();
    zone(&meg, "a.yaml", "zonea");
    zone(&meg, ".yaml", "zonedot");
    let run = meg
        .run(&["render", "a.yaml", ".yaml", "-o", "out"])
        .bad_input();
    assert!(run.stderr().contains("'.yaml'"), "{}", run.stderr());
    assert!(!meg.path("out").exists());
}

#[test]
fn two_stems_that_differ_only_in_case_are_one_folder() {
    let meg = Meg::new();
    zone(&meg, "zones/Alpha.yaml", "zonea");
    zone(&meg, "zones/alpha.yaml", "zoneb");
    let run = meg.run(&["render", "zones", "-o", "out"]).bad_input();
    assert!(run.stderr().contains("same folder"), "{}", run.stderr());
    assert!(!meg.path("out").exists());
}

#[test]
fn plain_stems_render_each_into_their_folder() {
    let meg = Meg::new();
    zone(&meg, "zones/team-a_v1.2.yaml", "zonea");
    zone(&meg, "zones/b.yml", "zoneb");
    meg.run(&["render", "zones", "-o", "out"]).ok();
    assert!(meg.path("out/team-a_v1.2/terraform/main.tf").exists());
    assert!(meg.path("out/b/bicep/main.bicep").exists());
}
