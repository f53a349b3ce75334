//! One writer at a time: an operating-system lock on an output folder.
//!
//! render, update and each landing zone of a batch hold it exclusively from the moment they
//! read the folder's state until their transaction is committed; diff and the dry runs hold it
//! shared while they read, so they never see a write half-applied. It is the operating
//! system's advisory file lock (flock on Unix, LockFileEx on Windows, through `std::fs::File`)
//! on `OUT/.meg/process.lock`: the system releases it when its process ends, however it ends,
//! so a lock file left behind by a killed meg never blocks anyone. The file's content only
//! names the holder (its pid and command line) so that a command that waits can say for whom.
//!
//! Not for: the transaction itself, which is [`crate::output::write`]'s.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::output::lock::META_DIR;
use crate::output::write::refuse_links;

/// The lock file's path inside the output.
pub const LOCK_FILE: &str = ".meg/process.lock";
/// How long a command waits for another one to finish with the folder, unless
/// `MEG_LOCK_WAIT` (whole seconds) says otherwise.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(5);
/// Tests set it to a file name: a command that holds the lock writes that file and waits until
/// it is gone, so that a test can race a second process against a held lock.
const PAUSE_ENV: &str = "MEG_TEST_PAUSE_LOCKED";

/// A held lock on an output folder; released when dropped (or when the process ends).
#[derive(Debug)]
pub struct OutLock {
    file: File,
    path: PathBuf,
    /// Folders this command created only to hold the lock (`OUT`, `OUT/.meg`): removed again
    /// when the command leaves nothing else in them (a refused render writes nothing).
    created: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exclusive,
    Shared,
}

impl OutLock {
    /// Takes the folder for writing, creating `OUT/.meg` if needed; waits a bounded time for
    /// another meg that holds it, then fails naming that process.
    pub fn write(out: &Path) -> Result<OutLock> {
        let meta = out.join(META_DIR);
        crate::output::meta_dir::check(out)?;
        refuse_links(out, META_DIR)?;
        // The folders that do not exist yet, outermost first.
        let mut missing: Vec<&Path> = meta
            .ancestors()
            .take_while(|d| !d.as_os_str().is_empty() && fs::symlink_metadata(d).is_err())
            .collect();
        missing.reverse();
        let mut created = Vec::new();
        for dir in missing {
            match fs::create_dir(dir) {
                Ok(()) => created.push(dir.to_path_buf()),
                // Another meg made it meanwhile.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(Error::io(dir, e)),
            }
        }
        let mut lock = Self::take(out, Mode::Exclusive, wait()?)?;
        lock.created = created;
        Ok(lock)
    }

    /// Takes the folder for reading: shared with other readers, never while a writer holds it.
    /// If an interrupted write was left behind, the lock is taken exclusively instead, so that
    /// the caller can roll it back before it reads. `None` when the folder holds nothing of
    /// meg's (no `.meg`), and when `.meg` cannot take a lock file (a read-only checkout)
    /// and no interrupted write is there; an interrupted write that cannot be rolled back
    /// for that reason is an error that says so.
    pub fn read(out: &Path) -> Result<Option<OutLock>> {
        let meta = out.join(META_DIR);
        crate::output::meta_dir::check(out)?;
        match fs::symlink_metadata(&meta) {
            Err(_) => return Ok(None),
            Ok(_) => refuse_links(out, META_DIR)?,
        }
        let tx = meta.join("tx");
        let wait = wait()?;
        let shared = match Self::take(out, Mode::Shared, wait) {
            Ok(lock) => lock,
            Err(Error::Io { path, source }) if path.ends_with(LOCK_FILE) => {
                if tx.exists() {
                    return Err(Error::Usage(format!(
                        "{}: an interrupted write is still there and cannot be rolled back ({}: {source}); run `meg render` or `meg update` where the folder is writable",
                        tx.display(),
                        path.display()
                    )));
                }
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        if !tx.exists() {
            return Ok(Some(shared));
        }
        // Nobody writes while a shared lock is held, so the transaction is a dead one: take the
        // lock exclusively to roll it back.
        drop(shared);
        Self::take(out, Mode::Exclusive, wait).map(Some)
    }

    fn take(out: &Path, mode: Mode, wait: Duration) -> Result<OutLock> {
        let path = out.join(LOCK_FILE);
        let start = Instant::now();
        loop {
            refuse_links(out, LOCK_FILE)?;
            // Never truncated before it is locked: the content names the current holder.
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| Error::io(&path, e))?;
            plain_lock_file(&file, &path)?;
            let tried = match mode {
                Mode::Exclusive => file.try_lock(),
                Mode::Shared => file.try_lock_shared(),
            };
            match tried {
                Ok(()) => {
                    // A holder that cleaned up may have removed the file we opened: the lock
                    // then guards nothing, so open the path again.
                    if !same_file(&file, &path) {
                        if start.elapsed() < wait {
                            continue;
                        }
                        return Err(Error::Usage(format!(
                            "{}: the lock file keeps being replaced while meg takes it; run this again",
                            path.display()
                        )));
                    }
                    say_who(&mut file);
                    pause_for_tests();
                    return Ok(OutLock {
                        file,
                        path,
                        created: Vec::new(),
                    });
                }
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::Usage(format!(
                        "{} is in use by another meg process ({}); waited {} s for it\n  hint: let it finish, then run this again; MEG_LOCK_WAIT=<seconds> waits longer",
                        out.display(),
                        holder(&mut file),
                        wait.as_secs()
                    )));
                }
                Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            }
        }
    }
}

/// The lock file is written and emptied in place: it must be a regular file with no other name
/// (a hard link to a file of the repository would be emptied with it; a pipe would take the
/// holder's name as input).
fn plain_lock_file(file: &File, path: &Path) -> Result<()> {
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    crate::read_back::refuse_unless_file(&meta).map_err(|e| Error::io(path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if meta.nlink() > 1 {
            return Err(Error::Usage(format!(
                "{}: has {} names (hard links); meg writes and empties this file, which would change the others too: delete it, meg makes a new one (nothing was written)",
                path.display(),
                meta.nlink()
            )));
        }
    }
    Ok(())
}

impl Drop for OutLock {
    fn drop(&mut self) {
        // An empty file between commands: the content is only ever about a live holder, and
        // the folder reads the same after a command as before it.
        let _ = self.file.set_len(0);
        if self.created.is_empty() {
            return;
        }
        // This command made the folders only to lock them; if it wrote nothing into them,
        // leave no trace. Removed while still locked, so no one can lock the orphaned file.
        let meta_is_ours = fs::read_dir(self.path.parent().expect("in .meg"))
            .map(|entries| entries.count() == 1)
            .unwrap_or(false);
        if meta_is_ours {
            let _ = fs::remove_file(&self.path);
            for dir in self.created.iter().rev() {
                let _ = fs::remove_dir(dir);
            }
        }
    }
}

/// How long to wait for another process: `MEG_LOCK_WAIT` seconds, or [`DEFAULT_WAIT`].
fn wait() -> Result<Duration> {
    match std::env::var("MEG_LOCK_WAIT") {
        Err(_) => Ok(DEFAULT_WAIT),
        Ok(v) => v
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|s| *s <= 3600)
            .map(Duration::from_secs)
            .ok_or_else(|| {
                Error::Usage(format!(
                    "MEG_LOCK_WAIT={v}: expected whole seconds from 0 to 3600"
                ))
            }),
    }
}

/// Writes this process's pid and command line into the lock file it holds.
fn say_who(file: &mut File) {
    let command: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let text = format!(
        "pid {}\ncommand {}\n",
        std::process::id(),
        clean(&command.join(" "))
    );
    // Best effort: a holder that cannot say who it is still holds the lock.
    let _ = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| file.write_all(text.as_bytes()));
}

/// Who holds the lock, from the file's content (written by another process: untrusted, so
/// it is bounded, and control characters are replaced before they reach a terminal).
fn holder(file: &mut File) -> String {
    let mut bytes = Vec::new();
    let _ = file
        .rewind()
        .and_then(|()| file.take(4096).read_to_end(&mut bytes));
    let text = String::from_utf8_lossy(&bytes);
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| clean(v.trim()))
    };
    match (field("pid "), field("command ")) {
        (Some(pid), Some(cmd)) => format!("pid {pid}: {cmd}"),
        (Some(pid), None) => format!("pid {pid}"),
        _ => "it did not say which".to_string(),
    }
}

/// A value fit for one line of a message: no control characters, at most 300 characters.
fn clean(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(300)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if s.chars().count() > 300 {
        out.push('…');
    }
    out
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Windows does not remove a file that is open, so the file locked is the file at the path.
#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

fn pause_for_tests() {
    let Some(flag) = std::env::var_os(PAUSE_ENV) else {
        return;
    };
    let flag = PathBuf::from(flag);
    if fs::write(&flag, std::process::id().to_string()).is_err() {
        return;
    }
    let start = Instant::now();
    while flag.exists() && start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_in_one_process_waits_then_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir_all(out.join(META_DIR)).unwrap();
        let held = OutLock::write(&out).unwrap();
        let content = fs::read_to_string(out.join(LOCK_FILE)).unwrap();
        assert!(
            content.starts_with(&format!("pid {}\n", std::process::id())),
            "{content}"
        );
        let err = OutLock::take(&out, Mode::Exclusive, Duration::ZERO).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains(&format!("pid {}", std::process::id())),
            "{msg}"
        );
        assert_eq!(err.exit_code(), 2);
        assert!(OutLock::take(&out, Mode::Shared, Duration::ZERO).is_err());
        drop(held);
        // Released: taken again at once, and the file says nothing about a past holder.
        let again = OutLock::take(&out, Mode::Exclusive, Duration::ZERO).unwrap();
        drop(again);
        assert_eq!(fs::read(out.join(LOCK_FILE)).unwrap(), b"");
    }

    #[test]
    fn readers_share_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join(".meg")).unwrap();
        let a = OutLock::read(dir.path()).unwrap().expect("a lock");
        let b = OutLock::take(dir.path(), Mode::Shared, Duration::ZERO);
        assert!(b.is_ok(), "{b:?}");
        assert!(OutLock::take(dir.path(), Mode::Exclusive, Duration::ZERO).is_err());
        drop(a);
    }

    #[test]
    fn a_folder_made_only_for_the_lock_is_removed_again() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new/out");
        drop(OutLock::write(&out).unwrap());
        assert!(!dir.path().join("new").exists());
        // One that meg wrote into stays, with its (empty) lock file.
        let lock = OutLock::write(&out).unwrap();
        fs::write(out.join(".meg/lock.json"), "{}").unwrap();
        drop(lock);
        assert!(out.join(LOCK_FILE).exists());
    }

    #[test]
    fn the_holder_named_in_a_message_cannot_carry_control_characters() {
        assert_eq!(clean("meg\x1b[31m render\n"), "meg?[31m render?");
        assert_eq!(clean(&"x".repeat(400)).chars().count(), 301);
    }
}
