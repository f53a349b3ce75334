//! `meg update`: bring a user's tree up to a new render without losing their edits.
//!
//! For every file, base is what meg wrote last time (kept in `.meg/base.json.gz`), ours is the
//! file on disk now, theirs is the new render. One-sided changes are taken, overlapping ones
//! become conflict blocks ([`crate::output::merge`]). Deleted and dropped files follow the user: a file
//! the user deleted stays deleted unless the new render changes it; a file the reference drops
//! is removed only if the user never edited it. Files are merged as bytes, whatever their
//! encoding and line endings ([`crate::output::merge::merge_bytes`]).

use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::fileset::FileSet;
use crate::output::merge::{Labels, merge_bytes};
use crate::output::write::Plan;

/// What happens to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Nothing to do.
    Unchanged,
    /// The user had not touched it: the new render replaces it.
    Updated,
    /// Only the user changed it: their version stays.
    KeptYours,
    /// Both changed it, in different places: merged cleanly.
    Merged,
    /// Both changed the same lines: written with conflict markers.
    Conflict,
    /// New in the render.
    Added,
    /// The reference dropped it and the user never edited it.
    Removed,
    /// The reference dropped it but the user edited it: kept.
    KeptEdited,
    /// The user deleted it and the render did not change it: stays deleted.
    KeptDeleted,
    /// The user deleted it but the render changed it: written again.
    Restored,
}

/// One file's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct FileUpdate {
    /// Path inside the output.
    pub path: String,
    /// What happens.
    pub outcome: Outcome,
    /// Conflict blocks written.
    pub conflicts: usize,
}

/// Everything an update would do.
#[derive(Debug, Clone)]
pub struct UpdatePlan {
    /// The content to put on disk, for the files the plan creates or changes.
    pub files: FileSet,
    /// Files to create, change and remove.
    pub plan: Plan,
    /// One entry per file that is not unchanged, in path order.
    pub report: Vec<FileUpdate>,
}

impl UpdatePlan {
    /// Files left with conflict markers.
    pub fn conflicts(&self) -> Vec<&str> {
        self.report
            .iter()
            .filter(|f| f.outcome == Outcome::Conflict)
            .map(|f| f.path.as_str())
            .collect()
    }
}

/// Plans the three-way update of the tree in `out`.
pub fn plan(out: &Path, base: &FileSet, theirs: &FileSet, labels: Labels) -> Result<UpdatePlan> {
    let mut paths: Vec<&str> = base.paths().chain(theirs.paths()).collect();
    paths.sort();
    paths.dedup();
    let mut files = FileSet::new();
    let mut plan = Plan::default();
    let mut report = Vec::new();
    for path in paths {
        let b = base.get(path);
        let t = theirs.get(path);
        let o = read_opt(&out.join(path))?;
        let mut conflicts = 0;
        // A file still holding the markers of an earlier update is not resolved yet: merging
        // it again would bury the old conflict inside a new one.
        if o.as_deref()
            .is_some_and(crate::output::merge::has_conflict_markers)
        {
            report.push(FileUpdate {
                path: path.to_string(),
                outcome: Outcome::Conflict,
                conflicts: 0,
            });
            continue;
        }
        let (outcome, write): (Outcome, Option<Vec<u8>>) = match (b, o.as_deref(), t) {
            (_, Some(o), Some(t)) if o == t => (Outcome::Unchanged, None),
            (None, None, Some(t)) => (Outcome::Added, Some(t.to_vec())),
            (Some(b), None, Some(t)) if b == t => (Outcome::KeptDeleted, None),
            (Some(_), None, Some(t)) => (Outcome::Restored, Some(t.to_vec())),
            (Some(b), Some(o), Some(t)) if b == o => (Outcome::Updated, Some(t.to_vec())),
            (Some(b), Some(_), Some(t)) if b == t => (Outcome::KeptYours, None),
            (b, Some(o), Some(t)) => {
                let m = merge_bytes(b.unwrap_or_default(), o, t, labels);
                conflicts = m.conflicts;
                let outcome = if m.conflicts > 0 {
                    Outcome::Conflict
                } else {
                    Outcome::Merged
                };
                (outcome, Some(m.bytes))
            }
            (Some(b), Some(o), None) if b == o => {
                plan.remove.push(path.to_string());
                (Outcome::Removed, None)
            }
            (Some(_), Some(_), None) => (Outcome::KeptEdited, None),
            (_, None, None) | (None, Some(_), None) => continue,
        };
        if let Some(content) = write {
            if o.is_some() {
                plan.change.push(path.to_string());
            } else {
                plan.create.push(path.to_string());
            }
            files.insert(path, content)?;
        }
        if outcome != Outcome::Unchanged {
            report.push(FileUpdate {
                path: path.to_string(),
                outcome,
                conflicts,
            });
        }
    }
    Ok(UpdatePlan {
        files,
        plan,
        report,
    })
}

/// A file's bytes as they are: a user's file may be in any encoding, and every byte the merge
/// does not change must come back the same.
fn read_opt(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}
