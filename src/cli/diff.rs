//! `meg diff`: the output folder against what meg would render now.

use std::path::Path;

use serde_json::json;

use crate::cli::args::CompareArgs;
use crate::error::{EXIT_OK, Error, Result};
use crate::output::lock::Lock;
use crate::request::Inputs;
use crate::session::Session;

use super::console::{Output, print_changes};
use super::folder::{hold, recorded_args};

pub(super) fn run(
    session: &Session,
    input: &Inputs,
    output: &Path,
    compare: &CompareArgs,
    out: &Output,
) -> Result<i32> {
    let again;
    let input = if input.inputs.is_empty() {
        again = recorded_args(input, output, "diff")?.0;
        &again
    } else {
        input
    };
    let r = session.render(input)?;
    // Read while no meg writes there, after rolling back a write that was interrupted.
    let _guard = hold(output, true, out)?;
    let lock = Lock::read(output)?;
    if lock.is_none() && !output.exists() {
        return Err(Error::Usage(format!(
            "{}: no such folder; render it first with `meg render ... -o {}`",
            output.display(),
            output.display()
        )));
    }
    let changes = crate::output::drift::drift(
        output,
        lock.as_ref().map(|l| l.without(&r.others)).as_ref(),
        &r.files,
        &r.others,
    )?;
    let dangling = dangling_after_update(output, lock.as_ref(), &r)?;
    // The inventory's changes per wave since the last render: read before anything is said, so
    // that a damaged record is an error of its own.
    let waves = match crate::output::wave_record::WaveRecord::read(output)? {
        Some(old) => crate::output::wave_record::changes(
            &old,
            &crate::output::wave_record::WaveRecord::of(&r.lz.wave_runs),
        ),
        None => Vec::new(),
    };
    if compare.json {
        let v = json!({
            "differences": !changes.is_empty() || !waves.is_empty(),
            "files": changes,
            "waves": waves,
            "danglingReferences": dangling,
        });
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
    } else {
        print_changes(&changes, compare.stat);
        use crate::output::drift::UserChange;
        let edited = changes
            .iter()
            .filter(|c| c.edited_by_user == Some(true) && c.by_user.is_none())
            .count();
        let by_user = |u: UserChange| changes.iter().filter(|c| c.by_user == Some(u)).count();
        let (added, deleted) = (by_user(UserChange::Added), by_user(UserChange::Deleted));
        let mut yours = vec![format!("{edited} edited by you")];
        if added > 0 {
            yours.push(format!("{added} added by you"));
        }
        if deleted > 0 {
            yours.push(format!("{deleted} deleted by you"));
        }
        let yours = yours.join(", ");
        let moved = changes
            .iter()
            .filter(|c| c.render_changed == Some(true))
            .count();
        let unresolved: Vec<&str> = changes
            .iter()
            .filter(|c| {
                crate::read_back::read(&output.join(&c.path), crate::read_back::MAX_TREE_FILE)
                    .is_ok_and(crate::output::merge::has_conflict_markers)
            })
            .map(|c| c.path.as_str())
            .collect();
        let next = if !unresolved.is_empty() {
            format!(
                "; resolve the conflict markers left in {} first",
                unresolved.join(", ")
            )
        } else if changes.is_empty() {
            String::new()
        } else {
            "; `meg update` merges them".to_string()
        };
        if added > 0 && added == changes.len() {
            // Nothing meg wrote differs: saying "0 edited, 0 changed; `meg update` merges
            // them" would send the user looking for a merge that has nothing to do.
            out.say(format!(
                "only files you added differ ({added}): meg never wrote them, so there is nothing to merge; list them in {} to keep them out of `meg diff`",
                output.join(".megignore").display()
            ));
        } else {
            out.say(format!(
                "{} file(s) differ from the render: {yours}, {moved} changed by the render{next}",
                changes.len()
            ));
        }
        let lines = crate::output::wave_record::describe(&waves);
        for line in &lines {
            println!("{line}");
        }
        if !lines.is_empty() {
            out.say(format!(
                "{} server change(s) in the inventory's waves since the last render; `meg render` plans them",
                lines.len()
            ));
        }
    }
    for d in &dangling {
        out.warn(format!("after `meg update`, {}", d.describe()));
    }
    Ok(if changes.is_empty() && waves.is_empty() {
        EXIT_OK
    } else {
        crate::error::EXIT_DIFFERENCES
    })
}

/// The references `meg update` would leave dangling: what it would keep, against what it would
/// remove or what the user deleted. Nothing without the record of the last render.
fn dangling_after_update(
    output: &Path,
    lock: Option<&Lock>,
    r: &crate::session::Rendered,
) -> Result<Vec<crate::output::references::Dangling>> {
    let (Some(lock), Some(mut base)) = (lock, crate::output::lock::read_base(output)?) else {
        return Ok(Vec::new());
    };
    base.remove_all(&r.others);
    let labels = crate::output::merge::Labels {
        ours: "yours",
        base: &lock.catalog_version,
        theirs: "render",
    };
    let up = crate::output::update::plan(output, &base, &r.files, labels)?;
    let mut found = crate::output::references::after_update(output, &base, &r.files, &up)?;
    // The merge moves lines: point at the line in the file as it is now, where there is one.
    for d in &mut found {
        if let Ok(now) =
            crate::read_back::read(&output.join(&d.file), crate::read_back::MAX_TREE_FILE)
            && let Some(i) = String::from_utf8_lossy(&now)
                .lines()
                .position(|l| l == d.text)
        {
            d.line = i + 1;
        }
    }
    Ok(found)
}
