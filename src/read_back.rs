//! Reading a file meg did not write in this run: an inventory export, a file of the output
//! folder, meg's own state under `.meg/`. Any of them may be what a crafted repository or an
//! unlucky edit left there, so it is read only if it is a regular file (a link to one is
//! followed; the write path refuses links on its own), and never beyond a limit: a named pipe
//! would block meg forever, `/dev/zero` or a sparse file of many gigabytes would fill memory.
//! Each refusal is an `io::Error` whose message says what was found, which callers report with
//! the path as they report any other read error (exit 2), before anything is written.
//!
//! Not here: deciding what a file may contain (each reader checks its own format), and links
//! on a path meg writes (`output::write` refuses those).

use std::fs::{self, File, Metadata};
use std::io::{self, Read as _};
use std::path::Path;

/// The largest file of an output folder meg reads back: far above anything it renders (the
/// parameter file of an environment of 20,000 servers is tens of MiB).
pub const MAX_TREE_FILE: u64 = 256 * 1024 * 1024;

/// The largest inventory export meg reads: far above what 20,000 servers (Azure Migrate's
/// import limit) take in any format it reads.
pub const MAX_INVENTORY_FILE: u64 = 256 * 1024 * 1024;

/// The largest state file (`.meg/lock.json`, `.meg/base.json.gz` compressed or not, the
/// transaction's journal) meg reads: a render of 20,000 servers records a few tens of MiB.
pub const MAX_STATE_FILE: u64 = 512 * 1024 * 1024;

/// The bytes of the regular file at `path` (or at the end of the link there), at most `max` of
/// them. A missing file is `NotFound`, as with `fs::read`; a folder, a pipe, a device or a socket
/// and a file above `max` are errors that say so.
pub fn read(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let meta = fs::metadata(path).map_err(|e| explain_not_a_folder(path, e))?;
    refuse_unless_file(&meta)?;
    // What was opened is what is read: the path may have changed since it was looked at.
    read_open(open(path)?, max)
}

/// The bytes of a file already opened (without waiting, were it a pipe), at most `max` of
/// them, if the handle is a regular file.
pub(crate) fn read_open(mut file: File, max: u64) -> io::Result<Vec<u8>> {
    let meta = file.metadata()?;
    refuse_unless_file(&meta)?;
    if meta.len() > max {
        return Err(too_large(max));
    }
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(usize::try_from(meta.len()).unwrap_or(usize::MAX))
        .map_err(|_| too_large(max))?;
    (&mut file).take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_large(max));
    }
    Ok(bytes)
}

/// [`read`], with a missing file as `None`.
pub fn read_opt(path: &Path, max: u64) -> io::Result<Option<Vec<u8>>> {
    match read(path, max) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Opens without waiting: a pipe put in the file's place after it was looked at must not
/// block the open (its type is checked again on the handle).
#[cfg(unix)]
fn open(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// An error saying what `meta` is, unless it is a regular file: for a file meg is about to back
/// up or replace as well as one it reads.
pub(crate) fn refuse_unless_file(meta: &Metadata) -> io::Result<()> {
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    let what = if t.is_dir() {
        "is a folder where meg expects a file"
    } else {
        not_regular(&t)
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{what}; meg reads only regular files (nothing was written)"),
    ))
}

#[cfg(unix)]
fn not_regular(t: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    if t.is_fifo() {
        "is a named pipe, not a file"
    } else if t.is_char_device() || t.is_block_device() {
        "is a device, not a file"
    } else if t.is_socket() {
        "is a socket, not a file"
    } else {
        "is not a regular file"
    }
}

#[cfg(not(unix))]
fn not_regular(_: &fs::FileType) -> &'static str {
    "is not a regular file"
}

fn too_large(max: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "larger than {} MiB, more than meg ever reads from such a file (nothing was written)",
            max / 1024 / 1024
        ),
    )
}

/// "Not a directory" names the path asked for, not the file that stands where a folder
/// should: the message names that file.
fn explain_not_a_folder(path: &Path, e: io::Error) -> io::Error {
    if e.kind() != io::ErrorKind::NotADirectory {
        return e;
    }
    let Some(file) = path
        .ancestors()
        .skip(1)
        .find(|a| fs::symlink_metadata(a).is_ok_and(|m| !m.is_dir() && !m.is_symlink()))
    else {
        return e;
    };
    io::Error::new(
        io::ErrorKind::NotADirectory,
        format!(
            "{} is a file where meg expects a folder (nothing was written)",
            file.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("meg-read-back-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_regular_file_is_read_whole_and_a_missing_one_is_none() {
        let dir = scratch("plain");
        fs::write(dir.join("a"), b"abc").unwrap();
        assert_eq!(read(&dir.join("a"), 3).unwrap(), b"abc");
        assert!(read_opt(&dir.join("b"), 3).unwrap().is_none());
        let e = read(&dir.join("a"), 2).unwrap_err();
        assert!(e.to_string().contains("larger than"), "{e}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_unread() {
        let e = read(Path::new("/dev/zero"), 1024).unwrap_err();
        assert!(e.to_string().contains("is a device"), "{e}");
    }

    #[test]
    fn a_folder_and_a_file_standing_for_a_folder_are_named() {
        let dir = scratch("kinds");
        let e = read(&dir, 10).unwrap_err();
        assert!(e.to_string().contains("is a folder"), "{e}");
        fs::write(dir.join("f"), b"x").unwrap();
        let e = read(&dir.join("f/inner.tf"), 10).unwrap_err();
        assert!(
            e.to_string()
                .contains(&format!("{} is a file where", dir.join("f").display())),
            "{e}"
        );
        fs::remove_dir_all(dir).unwrap();
    }
}
