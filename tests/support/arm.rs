//! The ARM types Bicep knows and their API versions (`tests/data/arm-types-index.json`).

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

use super::examples::manifest_dir;

/// ARM types by lower-case name (ARM types compare case-insensitively).
pub struct Index {
    types: HashMap<String, KnownType>,
}

/// One ARM type of the index.
pub struct KnownType {
    /// Its API versions, sorted, previews included.
    pub versions: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    types: BTreeMap<String, Vec<String>>,
}

impl Index {
    /// The vendored index, read once.
    pub fn get() -> &'static Index {
        static INDEX: OnceLock<Index> = OnceLock::new();
        INDEX.get_or_init(|| {
            let path = manifest_dir().join("tests/data/arm-types-index.json");
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            let file: File =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Index::new(file.types)
        })
    }

    /// An index of the given types and versions.
    pub fn new(types: BTreeMap<String, Vec<String>>) -> Self {
        let types = types
            .into_iter()
            .map(|(name, mut versions)| {
                versions.sort();
                (name.to_ascii_lowercase(), KnownType { versions })
            })
            .collect();
        Index { types }
    }

    /// A type, whatever its case.
    pub fn lookup(&self, arm_type: &str) -> Option<&KnownType> {
        self.types.get(&arm_type.to_ascii_lowercase())
    }
}

impl KnownType {
    /// The newest version that is not a preview (`YYYY-MM-DD` with no suffix).
    pub fn newest_stable(&self) -> Option<&str> {
        self.versions
            .iter()
            .filter(|v| is_stable(v))
            .max()
            .map(String::as_str)
    }
}

/// Whether an API version is a released one: a bare date, no `-preview` or other suffix.
pub fn is_stable(version: &str) -> bool {
    version.len() == 10
        && version.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}
