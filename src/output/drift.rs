//! Comparing trees: a user's output folder against what meg would render now (`meg diff`),
//! and a catalog's example renders against their reference snapshots (`meg check`).
//! Both produce [`FileChange`]s with unified diffs; printing lives in `commands`.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;
use similar::TextDiff;

use crate::catalog::sha256;
use crate::error::{Error, Result};
use crate::fileset::FileSet;
use crate::output::lock::Lock;

/// How a file differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// On both sides, with different content.
    Changed,
    /// Only on the new side.
    Added,
    /// Only on the old side.
    Removed,
}

/// A file the user added to or deleted from the output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UserChange {
    /// On disk, never written by meg.
    Added,
    /// Written by meg, no longer on disk.
    Deleted,
}

/// One differing file.
#[derive(Debug, Clone, Serialize)]
pub struct FileChange {
    /// Path inside the tree.
    pub path: String,
    /// Old side to new side.
    pub change: Change,
    /// For `meg diff`: the user changed the file since meg wrote it (or deleted it, or added it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edited_by_user: Option<bool>,
    /// For `meg diff`: a file the user added (meg never wrote it) or deleted (meg wrote it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_user: Option<UserChange>,
    /// For `meg diff`: the render of this file changed since meg wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub render_changed: Option<bool>,
    /// Lines added and removed.
    pub insertions: usize,
    /// Lines removed.
    pub deletions: usize,
    /// Unified diff, old to new.
    pub diff: String,
}

/// Compares two file sets; `old` and `new` label the diff headers.
pub fn compare(
    old: &FileSet,
    new: &FileSet,
    old_label: &str,
    new_label: &str,
) -> (Vec<FileChange>, usize) {
    let paths: BTreeSet<&str> = old.paths().chain(new.paths()).collect();
    let mut changes = Vec::new();
    let mut matched = 0;
    for path in paths {
        let (a, b) = (old.get(path), new.get(path));
        if a == b {
            matched += 1;
            continue;
        }
        let change = match (a, b) {
            (Some(_), Some(_)) => Change::Changed,
            (None, _) => Change::Added,
            (_, None) => Change::Removed,
        };
        changes.push(file_change(
            path,
            a,
            b,
            change,
            &format!("{old_label}/{path}"),
            &format!("{new_label}/{path}"),
        ));
    }
    (changes, matched)
}

fn file_change(
    path: &str,
    a: Option<&[u8]>,
    b: Option<&[u8]>,
    change: Change,
    la: &str,
    lb: &str,
) -> FileChange {
    let a = String::from_utf8_lossy(a.unwrap_or_default());
    let b = String::from_utf8_lossy(b.unwrap_or_default());
    let diff = TextDiff::from_lines(a.as_ref(), b.as_ref());
    let (mut insertions, mut deletions) = (0, 0);
    for op in diff.ops() {
        for c in diff.iter_changes(op) {
            match c.tag() {
                similar::ChangeTag::Insert => insertions += 1,
                similar::ChangeTag::Delete => deletions += 1,
                similar::ChangeTag::Equal => {}
            }
        }
    }
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(la, lb)
        .to_string();
    FileChange {
        path: path.to_string(),
        change,
        edited_by_user: None,
        by_user: None,
        render_changed: None,
        insertions,
        deletions,
        diff: text,
    }
}

/// The user's tree against a new render: what `meg render --force` would change, with, for each
/// file, whether the user edited it and whether the render moved since meg wrote it.
/// `ignore` lists paths outside this comparison (other environments' files under `--env`).
pub fn drift(
    out: &Path,
    lock: Option<&Lock>,
    new: &FileSet,
    ignore: &[String],
) -> Result<Vec<FileChange>> {
    let mut disk = FileSet::new();
    let mut paths: BTreeSet<String> = new.paths().map(str::to_string).collect();
    if let Some(lock) = lock {
        paths.extend(lock.files.keys().map(|p| p.to_string()));
    }
    // Files the user added next to the generated ones count as differences too.
    for root in ["bicep", "terraform"] {
        let dir = out.join(root);
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::io(&dir, e.into()))?;
                if entry.file_type().is_file() {
                    let rel = entry.path().strip_prefix(out).expect("under out");
                    let rel: Vec<String> = rel
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect();
                    paths.insert(rel.join("/"));
                }
            }
        }
    }
    // And the files `.megignore` names are the user's business.
    let ignored = crate::output::ignore::Ignore::read(out);
    paths.retain(|p| !ignore.contains(p) && !ignored.ignores(p));
    for path in &paths {
        match crate::read_back::read(&out.join(path), crate::read_back::MAX_TREE_FILE) {
            Ok(b) => disk.insert(path, b)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(out.join(path), e)),
        }
    }
    let (mut changes, _) = compare(&disk, new, "yours", "render");
    for c in &mut changes {
        let recorded = lock.and_then(|l| l.files.get(c.path.as_str()));
        let on_disk = disk.get(&c.path).map(sha256);
        c.edited_by_user = Some(recorded != on_disk.as_ref());
        c.by_user = match (recorded, &on_disk) {
            (None, Some(_)) => Some(UserChange::Added),
            (Some(_), None) => Some(UserChange::Deleted),
            _ => None,
        };
        c.render_changed = Some(recorded != new.get(&c.path).map(sha256).as_ref());
    }
    Ok(changes)
}
