//! What stands at `OUT/.meg`, meg's own folder in an output folder, checked before any command
//! reads its state or takes its lock.
//!
//! A regular file, a named pipe or a device there (a careless commit, a tool that wrote its own
//! `.meg`), or a link (which a pull request can add), would otherwise surface as "Not a
//! directory" on a file inside it, as "meg has no record of what it wrote there" (which invites
//! a render that then fails), or, through a link, as state read from elsewhere. Each is one
//! plain refusal naming `OUT/.meg` and what it is, before anything is read or written: the
//! thing at `.meg` may be the user's, so meg never moves or replaces it.
//!
//! Not here: the files inside `.meg/` (each reader checks its own, [`crate::read_back`]).

use std::io;
use std::path::Path;

use crate::error::{Error, Result};

/// Folder inside the output that belongs to meg.
pub const META_DIR: &str = ".meg";

/// Refuses an output folder whose `.meg` is there but is no plain folder; a missing `.meg` (or
/// a missing output folder) is fine.
pub fn check(out: &Path) -> Result<()> {
    let meta = out.join(META_DIR);
    let found = match std::fs::symlink_metadata(&meta) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        // `out` itself is a file: said by the caller, which knows the option's name.
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => return Ok(()),
        Err(e) => return Err(Error::io(&meta, e)),
    };
    let t = found.file_type();
    if t.is_dir() {
        return Ok(());
    }
    let what = if t.is_symlink() {
        let to = std::fs::read_link(&meta)
            .map(|t| format!(" to {}", t.display()))
            .unwrap_or_default();
        format!("is a symbolic link{to}")
    } else {
        let why = crate::read_back::refuse_unless_file(&found).err();
        match why {
            None => "is a file".to_string(),
            // "is a named pipe, not a file; meg reads only ...": the first words.
            Some(e) => e
                .to_string()
                .split([';', ','])
                .next()
                .unwrap_or_default()
                .to_string(),
        }
    };
    Err(Error::Usage(format!(
        "{}: {what}, where meg keeps its own state in a folder (lock.json, base.json.gz); meg reads and writes nothing in {} until it is one: move it away if it is yours, or restore {META_DIR}/ from version control (nothing was read or written)",
        meta.display(),
        out.display()
    )))
}
