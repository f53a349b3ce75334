//! The lock file `.meg/lock.json` in every output folder: the inputs, the catalog version and
//! the hash of every file meg wrote, so later commands can tell the user's edits from meg's.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::sha256;
use crate::error::{Error, Result};
use crate::fileset::{FileSet, RelPath};
use crate::input::values::Values;
use crate::output::recorded::{RenderInputs, shown};
use crate::request::Inputs;

/// Folder inside the output that belongs to meg.
pub use crate::output::meta_dir::META_DIR;
/// The lock file's path inside the output.
pub const LOCK_PATH: &str = ".meg/lock.json";

/// What one render wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Lock {
    /// Format version of this file.
    pub lock_version: u32,
    /// meg's version.
    pub meg_version: String,
    /// The catalog's version (declared version + content digest).
    pub catalog_version: String,
    /// Each input layer: its name as given (file name or `--set`) and content hash.
    pub inputs: Vec<InputRecord>,
    /// The layered input values the render used.
    pub values: Value,
    /// Targets rendered.
    pub targets: Vec<String>,
    /// SHA-256 of every generated file, by path (checked on reading: each stays inside the
    /// output folder and outside `.meg/`).
    pub files: BTreeMap<RelPath, String>,
    /// The command-line inputs, so that `meg render -o OUT` renders again from them; absent
    /// from locks written before meg recorded them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub render: Option<RenderInputs>,
}

/// One input layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputRecord {
    /// The file name without its folder (so the lock is the same on every machine), or `--set`.
    pub name: String,
    /// SHA-256 of its text.
    pub sha256: String,
}

impl Lock {
    /// The lock for a rendered file set.
    pub fn new(
        values: &Values,
        catalog_version: &str,
        targets: &[String],
        files: &FileSet,
    ) -> Self {
        Lock {
            lock_version: 1,
            meg_version: env!("CARGO_PKG_VERSION").to_string(),
            catalog_version: catalog_version.to_string(),
            inputs: values
                .layers
                .iter()
                .map(|l| InputRecord {
                    name: Path::new(&l.name)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| l.name.clone()),
                    sha256: sha256(l.source.as_bytes()),
                })
                .chain(values.read_files.iter().map(|(name, sha256)| InputRecord {
                    name: name.clone(),
                    sha256: sha256.clone(),
                }))
                .collect(),
            values: values.merged.clone(),
            targets: targets.to_vec(),
            files: files.hashes(),
            render: None,
        }
    }

    /// The lock with the command-line inputs that produced it.
    pub fn with_inputs(mut self, inputs: Option<RenderInputs>) -> Self {
        self.render = inputs;
        self
    }

    /// Reads the lock of an output folder; `None` when meg never wrote there.
    pub fn read(out: &Path) -> Result<Option<Self>> {
        crate::output::meta_dir::check(out)?;
        let path = out.join(LOCK_PATH);
        let damaged = |why: String| {
            Error::Usage(format!(
                "{}: the lock file is damaged ({why}); restore it from version control, or remove it and render with --force",
                path.display()
            ))
        };
        let lock: Lock = match crate::read_back::read(&path, crate::read_back::MAX_STATE_FILE) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| damaged(e.to_string()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        };
        if let Some(own) = lock.files.keys().find(|p| is_own(p)) {
            return Err(damaged(format!(
                "it lists '{own}', a file of meg's own folder"
            )));
        }
        Ok(Some(lock))
    }

    /// The lock without the records of some paths (files a narrowed render leaves alone).
    pub fn without(&self, paths: &[String]) -> Lock {
        let mut l = self.clone();
        l.files
            .retain(|p, _| !paths.iter().any(|q| q == p.as_str()));
        l
    }

    /// The lock as pretty, stable JSON.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut s = serde_json::to_string_pretty(self).expect("a lock always serializes");
        s.push('\n');
        s.into_bytes()
    }
}

/// Whether a path lies in meg's own folder `.meg/`, which no render generates.
pub fn is_own(path: &RelPath) -> bool {
    path.as_str() == META_DIR
        || path
            .strip_prefix(META_DIR)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Where the content meg wrote last time is kept, compressed, for three-way updates.
pub const BASE_PATH: &str = ".meg/base.json.gz";

/// Reads what meg wrote last time; `None` when the folder has no base (never rendered, or
/// rendered by a meg without one).
pub fn read_base(out: &Path) -> Result<Option<FileSet>> {
    crate::output::meta_dir::check(out)?;
    let path = out.join(BASE_PATH);
    let bytes = match crate::read_back::read(&path, crate::read_back::MAX_STATE_FILE) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(path, e)),
    };
    let damaged = |why: String| {
        Error::Usage(format!(
            "{}: damaged ({why}); render with --force to start again",
            path.display()
        ))
    };
    let max = crate::read_back::MAX_STATE_FILE;
    let Some(json) = inflate(&bytes, max).map_err(|e| Error::io(&path, e))? else {
        return Err(damaged(format!(
            "it inflates to more than {} MiB, more than meg ever records",
            max / 1024 / 1024
        )));
    };
    // Paths are checked as they are read: a damaged or planted base is blamed on itself.
    let files: BTreeMap<RelPath, String> =
        serde_json::from_slice(&json).map_err(|e| damaged(e.to_string()))?;
    let mut set = FileSet::new();
    for (k, v) in files {
        if is_own(&k) {
            return Err(damaged(format!(
                "it holds '{k}', a file of meg's own folder"
            )));
        }
        set.insert_checked(k, v.into_bytes());
    }
    Ok(Some(set))
}

/// The gzip stream `gz` inflated, stopping past `max` bytes (`None`): a few MiB of gzip can
/// stand for many GiB, and the base is read back from disk.
fn inflate(gz: &[u8], max: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read as _;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(gz)
        .take(max + 1)
        .read_to_end(&mut out)?;
    Ok((out.len() as u64 <= max).then_some(out))
}

/// The compressed base of a rendered file set (text files only, as meg renders).
pub fn base_bytes(files: &FileSet) -> Vec<u8> {
    use std::io::Write as _;
    // Each file's text borrowed (copied only when it is not UTF-8), written as JSON straight
    // into the compressor: an inventory's render is tens of megabytes, never held twice.
    let map: BTreeMap<&str, std::borrow::Cow<'_, str>> = files
        .iter()
        .map(|(k, v)| (k, String::from_utf8_lossy(v)))
        .collect();
    // Fixed header (no mtime, no file name): the same render gives the same bytes.
    let gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::fast());
    let mut json = std::io::BufWriter::with_capacity(1 << 16, gz);
    serde_json::to_writer(&mut json, &map).expect("a map of strings serializes");
    json.flush().expect("writing to memory cannot fail");
    let gz = json
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)
        .expect("writing to memory cannot fail");
    gz.finish().expect("writing to memory cannot fail")
}

/// How the inputs of a render into `out` differ from the ones recorded in its lock, one line
/// per difference (empty: the same, or nothing to compare with). `--env` is left out: it
/// narrows which parameter files are written and never removes any. A lock written before
/// meg recorded the inputs still names the value files and the targets: those are compared.
pub fn input_changes(lock: &Lock, input: &Inputs, out: &Path) -> Vec<String> {
    let mut lines = Vec::new();
    let now_targets: Vec<String> = input
        .targets()
        .iter()
        .map(|t| t.dir().to_string())
        .collect();
    let (was_files, now_files, was_targets) = match &lock.render {
        Some(was) if was.check().is_ok() => {
            let Some(now) = RenderInputs::of(input, out) else {
                return lines;
            };
            let show = |fs: &[String]| fs.iter().map(|f| shown(out, f)).collect::<Vec<_>>();
            list_changes("--set ", &was.set, &now.set, &mut lines);
            match (&was.pipeline, &now.pipeline) {
                (Some(a), None) => lines.push(format!("--pipeline {a} (given last time, not now)")),
                (None, Some(b)) => lines.push(format!("--pipeline {b} (not given last time)")),
                (Some(a), Some(b)) if a != b => {
                    lines.push(format!("--pipeline {b} (--pipeline {a} last time)"))
                }
                _ => {}
            }
            (show(&was.files), show(&now.files), was.targets.clone())
        }
        // Older locks: the value files by name only.
        _ => {
            let name = |p: &Path| {
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            };
            let was: Vec<String> = lock
                .inputs
                .iter()
                .filter(|i| i.name != "--set")
                .map(|i| i.name.clone())
                .collect();
            let now = input.files().iter().map(|f| name(f)).collect();
            (was, now, lock.targets.clone())
        }
    };
    if was_files.first() != now_files.first() {
        lines.insert(
            0,
            format!(
                "the landing-zone file: {} last time, {} now",
                was_files.first().map_or("none", String::as_str),
                now_files.first().map_or("none", String::as_str)
            ),
        );
    }
    let mut file_lines = Vec::new();
    list_changes(
        "-f ",
        was_files.get(1..).unwrap_or_default(),
        now_files.get(1..).unwrap_or_default(),
        &mut file_lines,
    );
    let at = usize::from(was_files.first() != now_files.first());
    lines.splice(at..at, file_lines);
    if was_targets != now_targets {
        lines.push(format!(
            "--target: {} last time, {} now",
            was_targets.join(" and "),
            now_targets.join(" and ")
        ));
    }
    lines
}

/// What was given last time and not now, what is new, or a change of order.
fn list_changes(flag: &str, was: &[String], now: &[String], lines: &mut Vec<String>) {
    let before = lines.len();
    for w in was.iter().filter(|w| !now.contains(w)) {
        lines.push(format!("{flag}{w} (given last time, not now)"));
    }
    for n in now.iter().filter(|n| !was.contains(n)) {
        lines.push(format!("{flag}{n} (not given last time)"));
    }
    if lines.len() == before && was != now {
        lines.push(format!(
            "the order of the {} values",
            flag.trim_end_matches(' ')
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::inflate;

    /// A base of 8 MiB of zeros compresses to a few KiB: inflating stops at the limit.
    #[test]
    fn a_base_that_inflates_past_the_limit_is_refused_without_inflating_it_all() {
        use std::io::Write as _;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![0u8; 8 << 20]).unwrap();
        let gz = gz.finish().unwrap();
        assert!(gz.len() < 64 << 10, "{} bytes", gz.len());
        assert_eq!(inflate(&gz, 1 << 20).unwrap(), None);
        assert_eq!(
            inflate(&gz, 8 << 20).unwrap().map(|v| v.len()),
            Some(8 << 20)
        );
    }
}
