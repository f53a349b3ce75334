//! `meg update` keeps every byte of a user's file outside the lines it merges, whatever the
//! encoding and the line endings.

mod common;

use common::{MINIMAL, Meg};

const TFVARS: &str = "out/terraform/environments/dev.tfvars";

fn rendered() -> Meg {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    meg
}

fn update_retention(meg: &Meg) -> common::Run {
    meg.run(&[
        "update",
        "lz.yaml",
        "-o",
        "out",
        "--set",
        "monitoring.retentionDays=99",
    ])
}

#[test]
fn a_latin1_edit_survives_byte_for_byte() {
    let meg = rendered();
    let mut mine = b"# caf\xe9: r\xe9seau de l'\xe9quipe (Latin-1)\n".to_vec();
    mine.extend(std::fs::read(meg.path(TFVARS)).unwrap());
    std::fs::write(meg.path(TFVARS), &mine).unwrap();
    let run = update_retention(&meg).ok();
    assert!(run.stdout().contains("merged"), "{}", run.stdout());
    let after = std::fs::read(meg.path(TFVARS)).unwrap();
    assert!(
        after.starts_with(b"# caf\xe9: r\xe9seau de l'\xe9quipe (Latin-1)\n"),
        "{}",
        String::from_utf8_lossy(&after)
    );
    assert!(
        !after.windows(3).any(|w| w == "\u{fffd}".as_bytes()),
        "no replacement character"
    );
    // Every byte but the merged line is the user's.
    let (old, new) = (b"retention_in_days = 30", b"retention_in_days = 99");
    let at = mine
        .windows(old.len())
        .position(|w| w == old)
        .expect("the rendered line");
    let mut expected = mine.clone();
    expected[at..at + old.len()].copy_from_slice(new);
    assert!(after == expected, "{}", String::from_utf8_lossy(&after));
    assert_eq!(after.len(), mine.len());
}

#[test]
fn a_file_switched_to_crlf_merges_cleanly_and_stays_crlf() {
    let meg = rendered();
    let lf = meg.read(TFVARS);
    let crlf = format!("# ours\n{lf}").replace('\n', "\r\n");
    meg.write(TFVARS, &crlf);
    let run = update_retention(&meg).ok();
    assert!(
        run.stdout()
            .contains("merged       terraform/environments/dev.tfvars"),
        "{}",
        run.stdout()
    );
    let after = meg.read(TFVARS);
    assert_eq!(
        after,
        crlf.replace("retention_in_days = 30", "retention_in_days = 99"),
        "only the merged line changed, in CRLF"
    );
    assert!(!after.contains("<<<<<<<"));
}
