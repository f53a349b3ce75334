//! Folders of an output folder held open, so that a write acts on the folder it checked.
//!
//! A path is looked up again at every system call: a check that no folder on it is a link,
//! then a `rename` or `create` on the path, leaves a moment in which another process can swap a
//! folder for a link to `~/.ssh`, and the write lands there. Here a folder is opened one name
//! at a time from OUT, each with `O_NOFOLLOW | O_DIRECTORY`, and files are created
//! (`O_CREAT | O_EXCL | O_NOFOLLOW`), renamed (`renameat`), removed (`unlinkat`) and made
//! (`mkdirat`) relative to that handle: what is swapped after the folder was opened is not
//! followed, and a link where a folder should be is refused when it is opened.
//!
//! OUT itself is opened by its path, links followed: it is the user's choice. On systems
//! without these calls (Windows) the same operations are done by path.
//!
//! Not here: what is written (the transaction, `output::write`).

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// An open folder.
pub(crate) struct Dir {
    /// For messages, and the path fallback.
    path: PathBuf,
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
}

#[cfg(unix)]
mod sys {
    use std::ffi::CString;
    use std::io;
    use std::os::fd::{AsRawFd as _, BorrowedFd, FromRawFd as _, OwnedFd};

    pub(super) fn name(name: &str) -> io::Result<CString> {
        if name.is_empty() || name == "." || name == ".." || name.contains('/') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("'{name}' is not one plain name"),
            ));
        }
        CString::new(name)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a NUL in a name"))
    }

    fn check(r: libc::c_int) -> io::Result<libc::c_int> {
        if r < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(r)
        }
    }

    pub(super) fn openat(
        dir: BorrowedFd<'_>,
        name: &str,
        flags: libc::c_int,
    ) -> io::Result<OwnedFd> {
        let c = self::name(name)?;
        // SAFETY: a valid folder handle and a NUL-terminated name; the new handle is owned here.
        let fd = check(unsafe {
            libc::openat(
                dir.as_raw_fd(),
                c.as_ptr(),
                flags | libc::O_CLOEXEC,
                0o666 as libc::c_uint,
            )
        })?;
        // SAFETY: `fd` was just returned by openat and is owned by nothing else.
        Ok(unsafe { OwnedFd::from_raw_fd(fd) })
    }

    pub(super) fn renameat(
        from: BorrowedFd<'_>,
        a: &str,
        to: BorrowedFd<'_>,
        b: &str,
    ) -> io::Result<()> {
        let (a, b) = (name(a)?, name(b)?);
        // SAFETY: valid handles and NUL-terminated names.
        check(unsafe { libc::renameat(from.as_raw_fd(), a.as_ptr(), to.as_raw_fd(), b.as_ptr()) })
            .map(drop)
    }

    pub(super) fn unlinkat(dir: BorrowedFd<'_>, n: &str, flags: libc::c_int) -> io::Result<()> {
        let c = name(n)?;
        // SAFETY: a valid handle and a NUL-terminated name.
        check(unsafe { libc::unlinkat(dir.as_raw_fd(), c.as_ptr(), flags) }).map(drop)
    }

    pub(super) fn mkdirat(dir: BorrowedFd<'_>, n: &str) -> io::Result<()> {
        let c = name(n)?;
        // SAFETY: a valid handle and a NUL-terminated name.
        check(unsafe { libc::mkdirat(dir.as_raw_fd(), c.as_ptr(), 0o777) }).map(drop)
    }
}

impl Dir {
    /// Opens the output folder itself (links followed: it is the user's choice).
    pub(crate) fn open(path: &Path) -> io::Result<Dir> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            let file = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_DIRECTORY)
                .open(path)?;
            Ok(Dir {
                path: path.to_path_buf(),
                fd: file.into(),
            })
        }
        #[cfg(not(unix))]
        {
            if !std::fs::metadata(path)?.is_dir() {
                return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a folder"));
            }
            Ok(Dir {
                path: path.to_path_buf(),
            })
        }
    }

    /// The folder `rel` (`/`-separated, plain names) below this one, opened one name at a time
    /// without following a link; with `create`, the missing folders are made on the way.
    pub(crate) fn sub(&self, rel: &str, create: bool) -> io::Result<Dir> {
        let mut path = self.path.clone();
        #[cfg(unix)]
        {
            use std::os::fd::AsFd as _;
            let mut fd = self.fd.try_clone()?;
            for part in rel.split('/').filter(|p| !p.is_empty()) {
                path.push(part);
                let flags = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW;
                let next = match sys::openat(fd.as_fd(), part, flags) {
                    Err(e) if create && e.kind() == io::ErrorKind::NotFound => {
                        match sys::mkdirat(fd.as_fd(), part) {
                            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
                            _ => {}
                        }
                        sys::openat(fd.as_fd(), part, flags)
                    }
                    other => other,
                };
                fd = next.map_err(|e| explain(&path, e))?;
            }
            Ok(Dir { path, fd })
        }
        #[cfg(not(unix))]
        {
            for part in rel.split('/').filter(|p| !p.is_empty()) {
                path.push(part);
            }
            if create {
                std::fs::create_dir_all(&path)?;
            }
            Ok(Dir { path })
        }
    }

    /// The path of `name` in this folder, for messages.
    pub(crate) fn join(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    /// Creates the file `name`, failing if anything (a dangling link included) is there.
    pub(crate) fn create_new(&self, name: &str) -> io::Result<File> {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd as _;
            let flags = libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL | libc::O_NOFOLLOW;
            sys::openat(self.fd.as_fd(), name, flags).map(File::from)
        }
        #[cfg(not(unix))]
        {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(self.join(name))
        }
    }

    /// Opens the file `name` for reading, never through a link and never waiting on a pipe:
    /// its type is for the caller to check on the handle.
    pub(crate) fn open_read(&self, name: &str) -> io::Result<File> {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd as _;
            let flags = libc::O_RDONLY | libc::O_NOFOLLOW | libc::O_NONBLOCK;
            sys::openat(self.fd.as_fd(), name, flags)
                .map(File::from)
                .map_err(|e| explain(&self.join(name), e))
        }
        #[cfg(not(unix))]
        {
            File::open(self.join(name))
        }
    }

    /// Moves `from_name` of the folder `from` to `name` here, replacing what is there (a link
    /// there is replaced, never followed).
    pub(crate) fn rename_into(&self, name: &str, from: &Dir, from_name: &str) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd as _;
            sys::renameat(from.fd.as_fd(), from_name, self.fd.as_fd(), name)
        }
        #[cfg(not(unix))]
        {
            std::fs::rename(from.join(from_name), self.join(name))
        }
    }

    /// Removes the file (or link) `name`.
    pub(crate) fn remove_file(&self, name: &str) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd as _;
            sys::unlinkat(self.fd.as_fd(), name, 0)
        }
        #[cfg(not(unix))]
        {
            std::fs::remove_file(self.join(name))
        }
    }

    /// Removes the empty folder `name`.
    pub(crate) fn remove_dir(&self, name: &str) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd as _;
            sys::unlinkat(self.fd.as_fd(), name, libc::AT_REMOVEDIR)
        }
        #[cfg(not(unix))]
        {
            std::fs::remove_dir(self.join(name))
        }
    }

    /// Makes the folder `name`.
    pub(crate) fn make_dir(&self, name: &str) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd as _;
            sys::mkdirat(self.fd.as_fd(), name)
        }
        #[cfg(not(unix))]
        {
            std::fs::create_dir(self.join(name))
        }
    }
}

/// A link met where a folder or a file is opened says so, with the path. (Linux answers
/// `O_NOFOLLOW | O_DIRECTORY` on a link with "not a directory": the path is looked at again,
/// for the message only.)
#[cfg(unix)]
fn explain(path: &Path, e: io::Error) -> io::Error {
    if !matches!(e.raw_os_error(), Some(libc::ELOOP | libc::ENOTDIR)) {
        return e;
    }
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let why = if link {
        "is a symbolic link; meg does not write, move or delete through links inside the output folder"
    } else {
        "is a file where meg expects a folder"
    };
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{} {why}", path.display()),
    )
}

/// `path` split into its folder (empty for OUT itself) and its last name.
pub(crate) fn split(path: &str) -> (&str, &str) {
    path.rsplit_once('/').unwrap_or(("", path))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// The race this module closes: a folder swapped for a link after it was opened is not
    /// followed; one swapped before is refused.
    #[test]
    fn a_folder_swapped_for_a_link_is_never_written_through() {
        let tmp = tempfile::tempdir().unwrap();
        let (out, outside) = (tmp.path().join("out"), tmp.path().join("outside"));
        std::fs::create_dir_all(out.join("bicep")).unwrap();
        std::fs::create_dir(&outside).unwrap();
        let root = Dir::open(&out).unwrap();
        let bicep = root.sub("bicep", false).unwrap();
        // Swapped after the open: the handle still is the folder meg checked.
        std::fs::rename(out.join("bicep"), out.join("moved")).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("bicep")).unwrap();
        use std::io::Write as _;
        bicep
            .create_new("main.bicep")
            .unwrap()
            .write_all(b"x")
            .unwrap();
        assert!(out.join("moved/main.bicep").exists());
        assert!(!outside.join("main.bicep").exists());
        // Opened after the swap: refused.
        let e = root.sub("bicep", true).err().expect("a link is refused");
        assert!(e.to_string().contains("is a symbolic link"), "{e}");
        // A link where a file is created, read, or replaced is never followed.
        std::os::unix::fs::symlink(outside.join("f"), out.join("moved/l")).unwrap();
        let moved = root.sub("moved", false).unwrap();
        assert!(moved.create_new("l").is_err());
        assert!(moved.open_read("l").is_err());
        moved.create_new("n").unwrap();
        moved.rename_into("l", &moved, "n").unwrap();
        assert!(!outside.join("f").exists());
        assert!(
            std::fs::symlink_metadata(out.join("moved/l"))
                .unwrap()
                .is_file()
        );
    }

    #[test]
    fn names_that_are_no_single_name_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = Dir::open(tmp.path()).unwrap();
        for bad in ["", ".", "..", "a/b"] {
            assert!(root.create_new(bad).is_err(), "{bad:?}");
        }
    }
}
