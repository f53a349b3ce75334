//! `meg update`: bring a user's tree up to a new render without losing their edits.
//!
//! For every file, base is what meg wrote last time (kept in `.meg/base.json.gz`), ours is the
//! file on disk now, theirs is the new render. One-sided changes are taken, overlapping ones
//! become conflict blocks ([`crate::output::merge`]). Deleted and dropped files follow the user: a file
//! the user deleted stays deleted unless the new render changes it; a file the reference drops
//! is removed only if the user never edited it. Files are merged as bytes, whatever their
//! encoding and line endings ([`crate::output::merge::merge_bytes`]).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::fileset::FileSet;
use crate::output::merge::{Labels, merge_bytes};
use crate::output::split::{self, Piece};
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
    /// The file the user edited whose edits this new file carries: the render split it into
    /// parts (`main.tf` into `main.<part>.tf`) and the edits were in the lines that moved here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
    /// The file the user edited that the new render moved here (a hub's part of an environment
    /// root, now in the platform root, `output::moved`): its edits were merged into this file and
    /// the old one removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<String>,
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
    let mut carried = carry_into_parts(out, base, theirs)?;
    // Edited files the new render moved into the platform root: their edits go with them.
    let moved = crate::output::moved::moved_into_platform(out, base, theirs, read_opt)?;
    let mut moved_from: BTreeMap<&str, &str> = BTreeMap::new();
    for (from, to) in &moved {
        let piece = Piece {
            base: base.get(from).unwrap_or_default().to_vec(),
            ours: read_opt(&out.join(from))?.unwrap_or_default(),
        };
        carried.insert(to.clone(), (piece, None));
        moved_from.insert(to.as_str(), from.as_str());
    }
    let moved_away: Vec<&str> = moved.iter().map(|(from, _)| from.as_str()).collect();
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
                carried_from: None,
                moved_from: None,
            });
            continue;
        }
        let mut carried_from = None;
        let (outcome, write): (Outcome, Option<Vec<u8>>) = match (carried.get(path), t) {
            (Some((piece, from)), Some(t)) => {
                let m = merge_bytes(&piece.base, &piece.ours, t, labels);
                conflicts = m.conflicts;
                if piece.base != piece.ours {
                    carried_from.clone_from(from);
                }
                match o.as_deref() {
                    Some(o) if o == m.bytes => (Outcome::Unchanged, None),
                    _ if m.conflicts > 0 => (Outcome::Conflict, Some(m.bytes)),
                    _ if m.bytes != t => (Outcome::Merged, Some(m.bytes)),
                    Some(_) => (Outcome::Updated, Some(m.bytes)),
                    None => (Outcome::Added, Some(m.bytes)),
                }
            }
            _ => match (b, o.as_deref(), t) {
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
                // Its edits went with it into the platform root.
                (Some(_), Some(_), None) if moved_away.contains(&path) => {
                    plan.remove.push(path.to_string());
                    (Outcome::Removed, None)
                }
                (Some(_), Some(_), None) => (Outcome::KeptEdited, None),
                (_, None, None) | (None, Some(_), None) => continue,
            },
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
                carried_from,
                moved_from: moved_from.get(path).map(|from| from.to_string()),
            });
        }
    }
    Ok(UpdatePlan {
        files,
        plan,
        report,
    })
}

/// Pieces of edited files the new render split into parts (`main.tf` into `main.<part>.tf`),
/// by the path they merge into: the old file's rest, and each new part with the lines it came
/// from (and the path of the file they came from). A part the user already has a file for is
/// left to the ordinary merge.
fn carry_into_parts(
    out: &Path,
    base: &FileSet,
    theirs: &FileSet,
) -> Result<BTreeMap<String, (Piece, Option<String>)>> {
    let mut carried = BTreeMap::new();
    for path in base.paths() {
        let (Some(b), Some(t)) = (base.get(path), theirs.get(path)) else {
            continue;
        };
        let Some(o) = read_opt(&out.join(path))? else {
            continue;
        };
        if o == b || crate::output::merge::has_conflict_markers(&o) {
            continue;
        }
        let mut candidates = Vec::new();
        for part in theirs.paths() {
            if base.get(part).is_none()
                && split::is_part_name(path, part)
                && read_opt(&out.join(part))?.is_none()
                && let Some(content) = theirs.get(part)
            {
                candidates.push((part, content));
            }
        }
        if let Some(cut) = split::split(b, &o, t, &candidates) {
            carried.insert(path.to_string(), (cut.rest, None));
            for (part, piece) in cut.parts {
                carried.insert(part, (piece, Some(path.to_string())));
            }
        }
    }
    Ok(carried)
}

/// A file's bytes as they are: a user's file may be in any encoding, and every byte the merge
/// does not change must come back the same.
fn read_opt(path: &Path) -> Result<Option<Vec<u8>>> {
    crate::read_back::read_opt(path, crate::read_back::MAX_TREE_FILE)
        .map_err(|e| Error::io(path, e))
}
