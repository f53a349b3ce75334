//! `meg check`: the catalog's examples against their reference snapshots.

use std::path::Path;

use serde_json::json;

use crate::cli::args::CompareArgs;
use crate::error::{EXIT_OK, Result};
use crate::session::Session;

use super::console::{Output, print_changes};

pub(super) fn run(
    session: &Session,
    catalog_dir: Option<&Path>,
    bless: bool,
    compare: &CompareArgs,
    out: &Output,
) -> Result<i32> {
    if bless {
        let dir = catalog_dir.unwrap_or(Path::new("."));
        let n = crate::snapshot::bless(session, dir)?;
        out.say(format!(
            "blessed: {n} reference file(s) written under {}",
            dir.join("catalog/references").display()
        ));
        return Ok(EXIT_OK);
    }
    let results = crate::snapshot::check(session)?;
    let (mut matched, mut changed, mut added, mut removed) = (0, 0, 0, 0);
    for r in &results {
        matched += r.matched;
        for c in &r.changes {
            match c.change {
                crate::output::drift::Change::Changed => changed += 1,
                crate::output::drift::Change::Added => added += 1,
                crate::output::drift::Change::Removed => removed += 1,
            }
        }
    }
    let differ = changed + added + removed > 0;
    if compare.json {
        let v = json!({"ok": !differ, "matched": matched, "changed": changed, "added": added, "removed": removed, "examples": results});
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
    } else {
        for r in &results {
            print_changes(&r.changes, compare.stat);
        }
        out.say(format!(
            "{} example(s): {matched} file(s) matched, {changed} changed, {added} added, {removed} removed",
            results.len()
        ));
        if differ {
            out.say("review the diffs; accept them with `meg check --catalog <dir> --bless`");
        }
    }
    Ok(if differ {
        crate::error::EXIT_DIFFERENCES
    } else {
        EXIT_OK
    })
}
