//! The catalog: strategies, components, presets, naming tables, the input schema, examples
//! and templates, embedded in the binary and optionally overlaid by a folder on disk.
//!
//! One lookup rule serves everything: a path such as `templates/bicep/main.bicep.tera` is read
//! from the overlay folder when it has it, else from the embedded copy (as a theme override
//! works). This module only finds and reads files; it does not interpret them.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

static CATALOG: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/catalog");
static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");
static EXAMPLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/examples");

/// The embedded catalog's YAML files as JSON, made by build.rs: (path, JSON text), sorted by
/// path. JSON reads twenty times faster than YAML.
static YAML_TWINS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/yaml_twins.rs"));

/// Where the reference renders live (`catalog/references/<example>/`).
pub use crate::digest::REFERENCES;

/// The top-level folders a catalog is made of.
pub const ROOTS: [&str; 3] = ["catalog", "templates", "examples"];

/// All catalog files by their path relative to the catalog root, sorted.
#[derive(Debug, Clone)]
pub struct Catalog {
    files: BTreeMap<String, Cow<'static, [u8]>>,
    /// The digest is a hash over every file: computed once, a batch asks for it per zone.
    version: std::sync::OnceLock<String>,
    /// The embedded catalog's digest, computed by build.rs; `None` once overlaid.
    known_digest: Option<&'static str>,
}

impl Catalog {
    /// The catalog compiled into this binary.
    pub fn embedded() -> Self {
        let mut files = BTreeMap::new();
        for (root, dir) in [
            ("catalog", &CATALOG),
            ("templates", &TEMPLATES),
            ("examples", &EXAMPLES),
        ] {
            add_dir(&mut files, root, dir);
        }
        Catalog {
            files,
            version: std::sync::OnceLock::new(),
            // Hashed at build time: the embedded catalog never changes at run time.
            known_digest: Some(Self::embedded_digest()),
        }
    }

    /// The digest build.rs computed for the embedded catalog.
    pub fn embedded_digest() -> &'static str {
        env!("MEG_EMBEDDED_CATALOG_DIGEST")
    }

    /// The embedded catalog with every file found under `dir/{catalog,templates,examples}`
    /// taking the place of the embedded file of the same path.
    pub fn with_overlay(dir: &Path) -> Result<Self> {
        if !dir.is_dir() {
            return Err(Error::Usage(format!(
                "--catalog {}: not a folder (expected a folder holding catalog/ and/or templates/)",
                dir.display()
            )));
        }
        let mut cat = Self::embedded();
        let mut found = false;
        for root in ROOTS {
            let base = dir.join(root);
            // An overlay may come with a pull request: a link in it (`templates` -> `~/.ssh`)
            // would put files from elsewhere into the render. Links are refused, the folder's
            // own first: walkdir would follow it.
            match std::fs::symlink_metadata(&base) {
                Ok(m) if m.file_type().is_symlink() => return Err(overlay_link(&base)),
                Ok(m) if m.is_dir() => {}
                _ => continue,
            }
            found = true;
            for entry in walkdir::WalkDir::new(&base)
                .follow_root_links(false)
                .sort_by_file_name()
            {
                let entry = entry.map_err(|e| Error::io(&base, e.into()))?;
                let kind = entry.file_type();
                if kind.is_symlink() {
                    return Err(overlay_link(entry.path()));
                }
                if kind.is_dir() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(dir)
                    .expect("walkdir stays under its root");
                let key = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                // Pipes and devices are refused unread, a file is read up to a bound.
                let bytes = crate::read_back::read(entry.path(), MAX_OVERLAY_FILE)
                    .map_err(|e| Error::io(entry.path(), e))?;
                cat.files.insert(key, Cow::Owned(bytes));
            }
        }
        if !found {
            return Err(Error::Usage(format!(
                "--catalog {}: holds none of catalog/, templates/ or examples/",
                dir.display()
            )));
        }
        // Not the embedded catalog any more: its digest is computed when first asked for.
        cat.known_digest = None;
        Ok(cat)
    }

    /// The bytes of a file, if the catalog has it.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|c| c.as_ref())
    }

    /// Whether the catalog has the file as it is embedded in meg, not from an overlay.
    pub fn is_embedded(&self, path: &str) -> bool {
        matches!(self.files.get(path), Some(Cow::Borrowed(_)))
    }

    /// The text of a file that must exist.
    pub fn text(&self, path: &str) -> Result<&str> {
        let bytes = self
            .get(path)
            .ok_or_else(|| Error::Catalog(format!("missing file {path}")))?;
        std::str::from_utf8(bytes).map_err(|_| Error::Catalog(format!("{path} is not UTF-8")))
    }

    /// Parses a YAML file of the catalog into `T`: an embedded file from its JSON twin, a file
    /// of an overlay as YAML.
    pub fn yaml<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        if self.is_embedded(path)
            && let Ok(i) = YAML_TWINS.binary_search_by_key(&path, |(p, _)| p)
        {
            return serde_json::from_str(YAML_TWINS[i].1)
                .map_err(|e| Error::Catalog(format!("{path}: {e}")));
        }
        serde_saphyr::from_str(self.text(path)?).map_err(|e| {
            let (at, msg) = crate::input::values::yaml_problem(path, &e);
            Error::Catalog(format!("{at}: {msg}"))
        })
    }

    /// Parses a JSON file of the catalog into `T`.
    pub fn json<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        serde_json::from_str(self.text(path)?).map_err(|e| Error::Catalog(format!("{path}: {e}")))
    }

    /// Paths under a folder prefix (e.g. `templates/bicep/`), sorted.
    pub fn list<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.files
            .range(prefix.to_string()..)
            .take_while(move |(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.as_str())
    }

    /// File stems of the YAML files directly in a folder (e.g. the strategies), sorted.
    pub fn stems(&self, folder: &str) -> Vec<String> {
        let prefix = format!("{folder}/");
        self.list(&prefix)
            .filter_map(|p| p.strip_prefix(&prefix))
            .filter(|rest| !rest.contains('/'))
            .filter_map(|rest| rest.strip_suffix(".yaml"))
            .map(str::to_string)
            .collect()
    }

    /// The version the catalog declares (`catalog/catalog.yaml`), as generated files show it.
    pub fn declared_version(&self) -> String {
        #[derive(serde::Deserialize)]
        struct Meta {
            version: String,
        }
        self.yaml::<Meta>("catalog/catalog.yaml")
            .map(|m| m.version)
            .unwrap_or_else(|_| "unversioned".into())
    }

    /// The catalog's full version for the lock: the declared one and a digest of its content,
    /// so that two catalogs that differ never claim the same version.
    pub fn version(&self) -> String {
        self.version
            .get_or_init(|| {
                let digest = self
                    .known_digest
                    .map_or_else(|| self.digest(), str::to_string);
                format!("{}+{}", self.declared_version(), &digest[..12])
            })
            .clone()
    }

    /// SHA-256 over every path and content of the catalog, except the reference snapshots
    /// (they are the catalog's output, not its input).
    pub fn digest(&self) -> String {
        crate::digest::catalog_digest(self.files.iter().map(|(k, v)| (k.as_str(), v.as_ref())))
    }
}

/// The largest file of a `--catalog` overlay meg reads: templates and catalog files are
/// kilobytes; the examples' inventories a few MiB.
const MAX_OVERLAY_FILE: u64 = 64 * 1024 * 1024;

fn overlay_link(path: &Path) -> Error {
    Error::Usage(format!(
        "--catalog: {} is a symbolic link; meg reads a catalog overlay only from the files inside it: replace the link with the file or folder itself (nothing was read or written)",
        path.display()
    ))
}

fn add_dir(
    files: &mut BTreeMap<String, Cow<'static, [u8]>>,
    root: &str,
    dir: &'static Dir<'static>,
) {
    for f in dir.files() {
        files.insert(
            format!("{root}/{}", slash(f.path())),
            Cow::Borrowed(f.contents()),
        );
    }
    for d in dir.dirs() {
        add_dir(files, root, d);
    }
}

/// The path with `/` between its parts, whatever the build machine used.
fn slash(p: &Path) -> String {
    let text = p.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        text.into_owned()
    } else {
        text.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// Lower-case hexadecimal of bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// SHA-256 of bytes as hexadecimal.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON twins build.rs makes are what reading the embedded YAML at run time gives, and
    /// every YAML file of the embedded catalog has one.
    #[test]
    fn each_yaml_twin_is_its_yaml_file() {
        let catalog = Catalog::embedded();
        let yaml_files: Vec<&str> = catalog
            .list("catalog/")
            .filter(|p| p.ends_with(".yaml") && !p.starts_with(REFERENCES))
            .collect();
        let twins: Vec<&str> = YAML_TWINS.iter().map(|(p, _)| *p).collect();
        assert_eq!(twins, yaml_files);
        for (path, json) in YAML_TWINS {
            let from_yaml: serde_json::Value =
                serde_saphyr::from_str(catalog.text(path).unwrap()).unwrap();
            // As text, so that the order of keys counts too.
            assert_eq!(serde_json::to_string(&from_yaml).unwrap(), *json, "{path}");
        }
        assert!(twins.contains(&"catalog/naming/abbreviations.yaml"));
    }

    #[test]
    fn hex_is_two_lower_case_digits_per_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
