//! `meg update`: carry the user's edits onto a new render, three-way.

use std::path::Path;

use serde_json::json;

use crate::error::{EXIT_OK, Result};
use crate::output::lock::{LOCK_PATH, Lock};
use crate::output::recorded::RenderInputs;
use crate::output::write;
use crate::request::Inputs;
use crate::session::Session;

use super::console::Output;
use super::folder::{
    WriteOpts, changed_inputs, dropped_inputs, hold, keep_others, not_rendered, recorded_args,
};

pub(super) fn run(
    session: &Session,
    input: &Inputs,
    output: &Path,
    opts: WriteOpts,
    json: bool,
    out: &Output,
) -> Result<i32> {
    let dry_run = opts.dry_run;
    let again;
    let input = if input.inputs.is_empty() {
        again = recorded_args(input, output, "update")?.0;
        &again
    } else {
        input
    };
    let r = session.render(input)?;
    // An update of a folder meg never wrote stops below, before anything is created.
    crate::output::meta_dir::check(output)?;
    if !output.join(LOCK_PATH).exists() {
        return Err(not_rendered(output));
    }
    let _guard = hold(output, dry_run, out)?;
    let lock = Lock::read(output)?;
    let base = crate::output::lock::read_base(output)?;
    let (Some(lock), Some(base)) = (lock, base) else {
        return Err(not_rendered(output));
    };
    let new_version = session.catalog.version();
    let labels = crate::output::merge::Labels {
        ours: "yours",
        base: &format!("meg {} (last render)", lock.catalog_version),
        theirs: &format!("meg {new_version} (new render)"),
    };
    let mut base = base;
    base.remove_all(&r.others);
    let up = crate::output::update::plan(output, &base, &r.files, labels)?;
    let changed = changed_inputs(Some(&lock), input, output, &up.plan, opts);
    if !changed.is_empty() && !dry_run {
        return Err(dropped_inputs(output, &changed, &up.plan.remove));
    }
    for line in &changed {
        out.note(format!(
            "input changed since the last render: {line} (removing files needs --prune)"
        ));
    }
    let conflicts = up.conflicts();
    let dangling = crate::output::references::after_update(output, &base, &r.files, &up)?;
    if json {
        let v = json!({
            "dryRun": dry_run,
            "conflicts": conflicts,
            "files": up.report,
            "danglingReferences": dangling,
        });
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
    } else {
        for f in &up.report {
            let extra = match (f.outcome, f.conflicts) {
                (crate::output::update::Outcome::Conflict, 0) => {
                    " (unresolved markers from an earlier update: resolve them first)".to_string()
                }
                (_, 0) => String::new(),
                (_, n) => format!(" ({n} conflict block(s))"),
            };
            let extra = match &f.carried_from {
                Some(from) => format!("{extra} (carries your edits to {from}, split into parts)"),
                None => extra,
            };
            let extra = match &f.moved_from {
                Some(from) => {
                    format!("{extra} (carries your edits to {from}, moved to the platform root)")
                }
                None => extra,
            };
            println!(
                "{:12} {}{extra}",
                serde_json::to_value(f.outcome)
                    .expect("json")
                    .as_str()
                    .unwrap_or_default(),
                f.path
            );
        }
    }
    if !dry_run {
        let targets: Vec<String> = r.targets.iter().map(|t| t.dir().to_string()).collect();
        let (new_lock, new_base) = keep_others(
            output,
            &r.files,
            &r.others,
            Some(&lock),
            Lock::new(&r.values, &new_version, &targets, &r.files)
                .with_inputs(RenderInputs::of(input, output)),
        )?;
        // The waves this update planned, so that `meg diff` afterwards compares with them.
        let waves = crate::output::wave_record::WaveRecord::bytes_for(output, &r.lz.wave_runs);
        write::apply_with_state(
            output,
            &up.files,
            &up.plan,
            &new_lock,
            &new_base,
            waves.as_deref(),
        )?;
    }
    if !json {
        let verb = if dry_run { "would update" } else { "updated" };
        let written = up.plan.create.len() + up.plan.change.len();
        out.say(format!(
            "{verb} {}: {written} file(s) written, {} removed, {} with conflicts",
            output.display(),
            up.plan.remove.len(),
            conflicts.len()
        ));
        if !conflicts.is_empty() && !dry_run {
            out.say("resolve the <<<<<<< ... >>>>>>> blocks, then `meg diff` shows what remains");
        }
    }
    // A kept file may still name a file that is gone: the deployment would fail on it.
    for d in &dangling {
        out.warn(d.describe());
    }
    Ok(if conflicts.is_empty() {
        EXIT_OK
    } else {
        crate::error::EXIT_DIFFERENCES
    })
}
