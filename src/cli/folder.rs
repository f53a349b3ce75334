//! The output folder as the writing commands share it: its lock held while they work, the
//! inputs recorded by the last render, and the refusals that keep a user's files.

use std::path::Path;

use super::console::Output;
use crate::error::{Error, Result};
use crate::output::lock::{LOCK_PATH, Lock};
use crate::output::outlock::OutLock;
use crate::output::recorded::RenderInputs;
use crate::output::write;
use crate::request::Inputs;

/// What a command that writes into an output folder may do.
#[derive(Debug, Clone, Copy)]
pub(super) struct WriteOpts {
    /// Report only.
    pub(super) dry_run: bool,
    /// Overwrite the user's edits (and remove what changed inputs drop).
    pub(super) force: bool,
    /// Remove the files that changed inputs drop.
    pub(super) prune: bool,
}

/// With `--env`, the other environments' parameter files (`others`) are not part of the render: their
/// records in the lock and the base carry over, so later commands still know what meg wrote.
/// Without them the base is the render itself, borrowed: an inventory's render is large.
pub(super) fn keep_others<'r>(
    output: &Path,
    files: &'r crate::fileset::FileSet,
    others: &[String],
    old_lock: Option<&Lock>,
    mut lock: Lock,
) -> Result<(Lock, std::borrow::Cow<'r, crate::fileset::FileSet>)> {
    if others.is_empty() {
        return Ok((lock, std::borrow::Cow::Borrowed(files)));
    }
    let mut base = files.clone();
    let old_base = crate::output::lock::read_base(output)?;
    for path in others {
        if let Some((path, hash)) = old_lock.and_then(|l| l.files.get_key_value(path.as_str())) {
            lock.files.insert(path.clone(), hash.clone());
        }
        if let Some(bytes) = old_base.as_ref().and_then(|b| b.get(path)) {
            base.insert(path, bytes.to_vec())?;
        }
    }
    Ok((lock, std::borrow::Cow::Owned(base)))
}

/// The output folder's lock, held while a command reads or writes the folder: exclusive for a
/// write, shared for a read (diff, dry runs). Either way, a write that an earlier meg left
/// half-applied is rolled back first, so that nothing acts on a mix of old and new files.
pub(super) fn hold(output: &Path, read_only: bool, out: &Output) -> Result<Option<OutLock>> {
    // Said before anything tries `OUT/.meg/...` and fails with "Not a directory".
    if output.exists() && !output.is_dir() {
        return Err(Error::Usage(format!(
            "{}: OUT is a file, not a folder; -o names the folder meg renders into",
            output.display()
        )));
    }
    let guard = if read_only {
        OutLock::read(output)?
    } else {
        Some(OutLock::write(output)?)
    };
    if guard.is_some() && write::recover(output)? {
        out.note(format!(
            "rolled back an interrupted write in {}: the folder is as it was before it",
            output.display()
        ));
    }
    Ok(guard)
}

/// The inputs recorded in the output's lock, for a command given no landing-zone file.
pub(super) fn recorded_args(
    input: &Inputs,
    output: &Path,
    cmd: &str,
) -> Result<(Inputs, RenderInputs)> {
    let lock_path = output.join(LOCK_PATH);
    let give_file = format!(
        "give the landing-zone file: meg {cmd} FILE -o {}",
        output.display()
    );
    if input.has_flags() {
        return Err(Error::Usage(format!(
            "`meg {cmd} -o {}` without a landing-zone file uses exactly the inputs recorded in {}; to change -f, --set, --env, --target or --pipeline, {give_file} ...",
            output.display(),
            lock_path.display()
        )));
    }
    let Some(lock) = Lock::read(output)? else {
        return Err(Error::Usage(format!(
            "no landing-zone file given, and meg has not rendered into {} ({} is missing); {give_file}",
            output.display(),
            lock_path.display()
        )));
    };
    let Some(recorded) = lock.render else {
        return Err(Error::Usage(format!(
            "no landing-zone file given, and {} does not record the inputs (an older meg wrote it); {give_file}",
            lock_path.display()
        )));
    };
    recorded.check().map_err(|why| {
        Error::Usage(format!(
            "{}: the recorded inputs are not valid ({why}); {give_file}",
            lock_path.display()
        ))
    })?;
    let mut again = recorded.to_args(output);
    // The lock comes from the repository, which a pull request can change: a recorded file is
    // read only from inside it, and only if it is a plain file.
    for (path, rel) in again
        .inputs
        .iter_mut()
        .chain(again.values.iter_mut())
        .zip(&recorded.files)
    {
        *path = crate::output::recorded_files::confine(output, rel).map_err(|why| {
            Error::Usage(format!(
                "{}: the recorded value file '{rel}' is not read: {why}; {give_file}",
                lock_path.display()
            ))
        })?;
    }
    Ok((again, recorded))
}

/// How the inputs differ from the recorded ones, when that matters: the write would remove
/// files, and neither --prune nor --force allows it.
pub(super) fn changed_inputs(
    old: Option<&Lock>,
    input: &Inputs,
    output: &Path,
    plan: &write::Plan,
    opts: WriteOpts,
) -> Vec<String> {
    match old {
        Some(lock) if !plan.remove.is_empty() && !opts.prune && !opts.force => {
            crate::output::lock::input_changes(lock, input, output)
        }
        _ => Vec::new(),
    }
}

/// The refusal of a write that would remove files because inputs were left out.
pub(super) fn dropped_inputs(output: &Path, changed: &[String], remove: &[String]) -> Error {
    const SHOWN: usize = 30;
    let mut msg = format!(
        "the inputs differ from the ones that last rendered {} (recorded in {}), and this would remove {} file(s) meg wrote:\n  inputs that changed:",
        output.display(),
        output.join(LOCK_PATH).display(),
        remove.len()
    );
    for line in changed {
        msg.push_str(&format!("\n    {line}"));
    }
    msg.push_str("\n  files it would remove:");
    for p in remove.iter().take(SHOWN) {
        msg.push_str(&format!("\n    {p}"));
    }
    if remove.len() > SHOWN {
        msg.push_str(&format!("\n    ... and {} more", remove.len() - SHOWN));
    }
    msg.push_str(&format!(
        "\n  hint: nothing was written; `meg render -o {}` renders again from the recorded inputs; pass --prune to remove the files",
        output.display()
    ));
    Error::Usage(msg)
}

/// The refusal of a command that needs a render the output folder does not hold.
pub(super) fn not_rendered(output: &Path) -> Error {
    Error::Usage(format!(
        "{}: meg has no record of what it wrote there (.meg/lock.json and .meg/base.json.gz); render it first",
        output.display()
    ))
}
