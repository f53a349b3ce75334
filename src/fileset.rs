//! A rendered tree in memory: sorted relative paths to bytes, and [`RelPath`], the one checked
//! path type for every file meg writes, moves, deletes or reads back from its own state.
//!
//! Every command works on a FileSet and the disk, so write, diff, check and update share one
//! rendering. Paths are checked on the way in: a FileSet can never name a file outside its root.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::sha256;
use crate::error::{Error, Result};

/// A path inside an output folder: relative, `/`-separated, made of plain names only (no `..`,
/// no `.`, no empty segment, no root, no drive or prefix, no `\`). Joined to a folder it always
/// stays inside that folder. Built once where a path enters meg (a render, a lock, a base, a
/// journal), then trusted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RelPath(String);

impl RelPath {
    /// Checks a path; the error says why it could leave the folder.
    pub fn new(path: &str) -> std::result::Result<Self, String> {
        let plain_segments = !path.is_empty()
            && !path.contains('\\')
            && !path.contains('\0')
            && path
                .split('/')
                .all(|s| !s.is_empty() && s != "." && s != "..");
        // `components` also catches what `split` cannot see: a Windows drive (`C:x`) or prefix.
        let plain_components = Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if plain_segments && plain_components && !Path::new(path).is_absolute() {
            Ok(RelPath(path.to_string()))
        } else {
            Err(format!(
                "'{}' is not a relative path of plain names inside the output folder",
                path.escape_debug()
            ))
        }
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path inside `root`.
    pub fn under(&self, root: &Path) -> PathBuf {
        root.join(&self.0)
    }

    /// The folders that lead to it, outermost first: `a`, `a/b` for `a/b/c`.
    pub fn parents(&self) -> impl Iterator<Item = &str> {
        self.0
            .match_indices('/')
            .map(|(i, _)| &self.0[..i])
            .collect::<Vec<_>>()
            .into_iter()
    }
}

impl TryFrom<String> for RelPath {
    type Error = String;
    fn try_from(s: String) -> std::result::Result<Self, String> {
        RelPath::new(&s)
    }
}

impl From<RelPath> for String {
    fn from(p: RelPath) -> String {
        p.0
    }
}

impl Borrow<str> for RelPath {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for RelPath {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<Path> for RelPath {
    fn as_ref(&self) -> &Path {
        Path::new(&self.0)
    }
}

impl fmt::Display for RelPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Generated files by relative, `/`-separated path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSet {
    files: BTreeMap<RelPath, Vec<u8>>,
}

impl FileSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file; the path must stay inside the root.
    pub fn insert(&mut self, path: &str, bytes: Vec<u8>) -> Result<()> {
        self.files.insert(check_path(path)?, bytes);
        Ok(())
    }

    /// Adds a file whose path is already checked.
    pub fn insert_checked(&mut self, path: RelPath, bytes: Vec<u8>) {
        self.files.insert(path, bytes);
    }

    /// The bytes of a file.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// Files in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Paths in order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(RelPath::as_str)
    }

    /// The checked path of a file in the set.
    pub fn checked_path(&self, path: &str) -> Option<&RelPath> {
        self.files.get_key_value(path).map(|(k, _)| k)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// SHA-256 of each file, by path.
    pub fn hashes(&self) -> BTreeMap<RelPath, String> {
        self.files
            .iter()
            .map(|(k, v)| (k.clone(), sha256(v)))
            .collect()
    }

    /// Removes the given paths.
    pub fn remove_all(&mut self, paths: &[String]) {
        for p in paths {
            self.files.remove(p.as_str());
        }
    }
}

/// A path a render generates, checked: a template that names a file outside the output folder
/// is a broken catalog.
pub fn check_path(path: &str) -> Result<RelPath> {
    RelPath::new(path).map_err(|why| {
        Error::Catalog(format!(
            "refusing to generate {why}: generated paths must stay inside the output folder"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_root() {
        let mut f = FileSet::new();
        assert!(f.insert("bicep/main.bicep", vec![]).is_ok());
        for bad in [
            "../x",
            "/etc/passwd",
            "a//b",
            "a/./b",
            "a/../../b",
            "",
            ".",
            "a/",
            "a\\..\\b",
            "C:\\x",
            "a\0b",
        ] {
            assert!(f.insert(bad, vec![]).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_checked_path_reads_back_only_when_valid() {
        let ok: RelPath = serde_json::from_str("\"terraform/main.tf\"").unwrap();
        assert_eq!(ok.parents().collect::<Vec<_>>(), ["terraform"]);
        let err = serde_json::from_str::<RelPath>("\"../victim.txt\"").unwrap_err();
        assert!(err.to_string().contains("../victim.txt"), "{err}");
    }
}
