//! A rendered tree in memory: sorted relative paths to bytes.
//!
//! Every command works on a FileSet and the disk, so write, diff, check and update share one
//! rendering. Paths are checked on the way in: a FileSet can never name a file outside its root.

use std::collections::BTreeMap;
use std::path::Path;

use crate::catalog::sha256;
use crate::error::{Error, Result};

/// Generated files by relative, `/`-separated path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSet {
    files: BTreeMap<String, Vec<u8>>,
}

impl FileSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file; the path must stay inside the root.
    pub fn insert(&mut self, path: &str, bytes: Vec<u8>) -> Result<()> {
        check_path(path)?;
        self.files.insert(path.to_string(), bytes);
        Ok(())
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
        self.files.keys().map(String::as_str)
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
    pub fn hashes(&self) -> BTreeMap<String, String> {
        self.files
            .iter()
            .map(|(k, v)| (k.clone(), sha256(v)))
            .collect()
    }

    /// Removes the given paths.
    pub fn remove_all(&mut self, paths: &[String]) {
        for p in paths {
            self.files.remove(p);
        }
    }
}

/// A relative path with plain segments only: no `..`, no absolute paths, no empty segments.
pub fn check_path(path: &str) -> Result<()> {
    let bad = path.is_empty()
        || path.starts_with('/')
        || path.contains('\\')
        || path
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..")
        || Path::new(path).is_absolute();
    if bad {
        return Err(Error::Catalog(format!(
            "refusing to generate '{path}': generated paths must stay inside the output folder"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_root() {
        let mut f = FileSet::new();
        assert!(f.insert("bicep/main.bicep", vec![]).is_ok());
        for bad in ["../x", "/etc/passwd", "a//b", "a/./b", "a/../../b", ""] {
            assert!(f.insert(bad, vec![]).is_err(), "{bad}");
        }
    }
}
