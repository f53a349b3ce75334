//! Where a value file that `.meg/lock.json` records may be read from, when `meg render -o OUT`
//! (or `diff`, `update`) renders again from the recorded inputs.
//!
//! The lock is read back from the repository, and a pull request can change it: a recorded
//! `../../../home/me/secrets.yaml`, a recorded `lz.yaml` that is a link to a token cache, a
//! named pipe or `/dev/zero` under a `.yaml` name would otherwise be read, and what a value
//! file holds reaches error messages (CI logs), the rendered files and the lock's `values`
//! (committed). So a recorded file is read only if, links resolved, it lies inside the
//! repository that holds OUT (the nearest folder at or above OUT with a `.git`; outside any
//! repository, the folder meg runs in or the one that holds OUT) and is a regular file.
//!
//! Not here: the record's syntax ([`RenderInputs::check`](super::recorded::RenderInputs::check)),
//! and files named on the command line, which are the user's own choice (a pipe from `<(...)`
//! included).

use std::path::{Path, PathBuf};

/// The path to read a recorded value file (`rel`, relative to `out`) from: its real path, shown
/// relative to the folder meg runs in when it lies there. A missing file is left to the reader
/// (it reports "no such file" at the recorded path). The error says why it is not read.
pub fn confine(out: &Path, rel: &str) -> Result<PathBuf, String> {
    let path = out.join(rel);
    let real = match path.canonicalize() {
        Ok(real) => real,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(path),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let cwd = std::env::current_dir().and_then(|c| c.canonicalize()).ok();
    let real_out = out.canonicalize().ok();
    let repository = real_out.as_deref().and_then(repository_of);
    let roots: Vec<&Path> = match &repository {
        Some(r) => vec![r],
        None => cwd
            .as_deref()
            .into_iter()
            .chain(real_out.as_deref().and_then(Path::parent))
            .collect(),
    };
    if !roots.iter().any(|root| real.starts_with(root)) {
        return Err(format!(
            "{} is outside {}; meg reads recorded inputs only from there (nothing was read)",
            path.display(),
            match &repository {
                Some(r) => format!(
                    "the repository that holds the output folder ({})",
                    r.display()
                ),
                None =>
                    "the folder meg runs in and the folder that holds the output folder".to_string(),
            }
        ));
    }
    let meta = std::fs::metadata(&real).map_err(|e| format!("{}: {e}", path.display()))?;
    crate::read_back::refuse_unless_file(&meta).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(match &cwd {
        Some(cwd) => real
            .strip_prefix(cwd)
            .map_or_else(|_| real.clone(), Path::to_path_buf),
        None => real,
    })
}

/// The nearest folder at or above `dir` (canonical) that holds a `.git` (a folder, or the file
/// of a worktree or submodule).
fn repository_of(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|a| std::fs::symlink_metadata(a.join(".git")).is_ok())
        .map(Path::to_path_buf)
}
