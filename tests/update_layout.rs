//! `meg update` across a change of the Terraform layout: a tree written by the meg before the
//! root was split into `main.<part>.tf` files (its templates are vendored in
//! `tests/data/catalog-before-avm`), edited by its user, then updated with today's catalog.

mod common;

use std::path::Path;

use common::{Meg, example};

/// The older catalog as a `--catalog` overlay: its Terraform templates, and every template it did
/// not have yet written empty, so that it renders nothing the older meg did not.
fn older_catalog(meg: &Meg) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let old = root.join("tests/data/catalog-before-avm");
    for entry in walkdir::WalkDir::new(&old) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&old).unwrap();
            meg.write(
                &format!("old/{}", rel.display()),
                &std::fs::read_to_string(entry.path()).unwrap(),
            );
        }
    }
    for entry in walkdir::WalkDir::new(root.join("templates/terraform")) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(root).unwrap();
        if entry.file_type().is_file() && !old.join(rel).exists() {
            meg.write(&format!("old/{}", rel.display()), "");
        }
    }
}

/// The hybrid example rendered by the older catalog into `out`, and rendered by today's into
/// `fresh` to compare with.
fn rendered_by_the_older_meg() -> Meg {
    let meg = Meg::new();
    older_catalog(&meg);
    meg.write(
        "lz.yaml",
        &std::fs::read_to_string(example("hybrid.yaml")).unwrap(),
    );
    meg.run(&["render", "lz.yaml", "-o", "out", "--catalog", "old"])
        .ok();
    assert!(
        !meg.path("out/terraform/main.firewall.tf").exists(),
        "the older layout has one main.tf"
    );
    meg.run(&["render", "lz.yaml", "-o", "fresh"]).ok();
    meg
}

/// Replaces the one line holding `needle` in `rel` with `with`.
fn edit_line(meg: &Meg, rel: &str, needle: &str, with: &str) {
    let text = meg.read(rel);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(needle)).collect();
    assert_eq!(lines.len(), 1, "one line of {rel} holds {needle}");
    meg.write(rel, &text.replacen(lines[0], with, 1));
}

#[test]
fn an_edit_in_a_block_that_moved_to_its_own_file_follows_it() {
    let meg = rendered_by_the_older_meg();
    let main = meg.read("out/terraform/main.tf");
    let firewall_block = &main[main.find("module \"firewall\" {").unwrap()..];
    assert!(firewall_block.contains("threat_intel_mode"));
    meg.write(
        "out/terraform/main.tf",
        &format!("# Reviewed by netops, CHG-1234.\n{main}"),
    );
    edit_line(
        &meg,
        "out/terraform/main.tf",
        "threat_intel_mode",
        "  threat_intel_mode = \"Deny\" # netops: always deny known-bad traffic",
    );

    let run = meg.run(&["update", "lz.yaml", "-o", "out"]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());
    assert!(
        run.stdout().contains(
            "merged       terraform/main.firewall.tf (carries your edits to terraform/main.tf, split into parts)"
        ),
        "{}",
        run.stdout()
    );

    // The edit inside the firewall block is in the firewall's file, the note stays in main.tf,
    // and nothing else differs from a fresh render.
    let fresh_firewall = meg.read("fresh/terraform/main.firewall.tf");
    let firewall = meg.read("out/terraform/main.firewall.tf");
    assert!(
        firewall.contains("threat_intel_mode = \"Deny\" # netops: always deny known-bad traffic"),
        "{firewall}"
    );
    assert_eq!(
        firewall.lines().count(),
        fresh_firewall.lines().count(),
        "the block is not duplicated: {firewall}"
    );
    assert_eq!(
        meg.read("out/terraform/main.tf"),
        format!(
            "# Reviewed by netops, CHG-1234.\n{}",
            meg.read("fresh/terraform/main.tf")
        )
    );
    assert!(
        !meg.read("out/terraform/main.tf")
            .contains("module \"firewall\""),
        "the firewall block left main.tf"
    );
    let out = meg.snapshot("out/terraform");
    let fresh = meg.snapshot("fresh/terraform");
    let differ: Vec<_> = fresh
        .iter()
        .filter(|(path, bytes)| out.get(*path) != Some(bytes))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert_eq!(
        differ.len(),
        2,
        "only the two edited files differ: {differ:?}"
    );

    // meg diff sees both edits as the user's, and a second update changes nothing.
    let diff = meg.run(&["diff", "lz.yaml", "-o", "out", "--stat"]);
    assert!(
        diff.stdout()
            .contains("terraform/main.firewall.tf  +1 -1  (edited by you)"),
        "{}",
        diff.stdout()
    );
    let before = meg.snapshot("out");
    meg.run(&["update", "lz.yaml", "-o", "out"]).ok();
    assert!(meg.changed_since("out", &before).is_empty());
}
