//! Writing a [`FileSet`] into an output folder safely.
//!
//! A write is planned first (create / change / remove / unchanged, and which files the user
//! edited since meg wrote them), then applied as a transaction inside `DIR/.meg/tx/`: new
//! files are staged, every file about to be replaced or removed is backed up, and a journal
//! says what is in flight. If meg is interrupted, the next meg command that touches the folder
//! rolls the transaction back, so the tree is either the old one or the new one. Nothing
//! outside the output folder is ever written.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::sha256;
use crate::error::{Error, Result};
use crate::fileset::FileSet;
use crate::lock::{BASE_PATH, LOCK_PATH, Lock, META_DIR, base_bytes};

/// What writing a file set would do to an output folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// Files that do not exist yet.
    pub create: Vec<String>,
    /// Files whose content changes.
    pub change: Vec<String>,
    /// Files meg wrote before that the new render no longer has.
    pub remove: Vec<String>,
    /// Files already as rendered.
    pub unchanged: Vec<String>,
    /// Files the user edited (or that meg did not write) which the write would overwrite or remove.
    pub conflicts: Vec<String>,
    /// Files meg wrote that the user deleted; the write restores them.
    pub restored: Vec<String>,
}

/// Compares a file set with an output folder and its lock.
pub fn plan(out: &Path, files: &FileSet, lock: Option<&Lock>) -> Result<Plan> {
    let mut p = Plan::default();
    for (path, bytes) in files.iter() {
        let disk = read_opt(&out.join(path))?;
        let recorded = lock.and_then(|l| l.files.get(path));
        match disk {
            None => {
                if recorded.is_some() {
                    p.restored.push(path.to_string());
                }
                p.create.push(path.to_string());
            }
            Some(d) if d == bytes => p.unchanged.push(path.to_string()),
            Some(d) => {
                if recorded != Some(&sha256(&d)) {
                    p.conflicts.push(path.to_string());
                }
                p.change.push(path.to_string());
            }
        }
    }
    if let Some(lock) = lock {
        for (path, hash) in &lock.files {
            if files.get(path).is_some() {
                continue;
            }
            if let Some(d) = read_opt(&out.join(path))? {
                if &sha256(&d) != hash {
                    p.conflicts.push(path.to_string());
                }
                p.remove.push(path.to_string());
            }
        }
    }
    p.conflicts.sort();
    Ok(p)
}

/// Applies a plan whose files differ from the reference they came from (a merge): `base` is
/// the reference render, kept for the next three-way update; the lock records its hashes.
pub fn apply_with_base(
    out: &Path,
    files: &FileSet,
    plan: &Plan,
    lock: &Lock,
    base: &FileSet,
) -> Result<()> {
    fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    recover(out)?;
    let tx = Transaction::begin(out)?;
    let lock_bytes = lock.to_bytes();
    std::thread::scope(|scope| {
        // Compressing the base takes as long as writing the tree: it is done meanwhile, and
        // written last.
        let (send, compressed) = std::sync::mpsc::channel();
        scope.spawn(move || send.send(base_bytes(base)));
        let writes: Vec<(&str, Bytes)> = plan
            .create
            .iter()
            .chain(&plan.change)
            .map(|p| {
                let bytes = files.get(p).expect("planned from this file set");
                (p.as_str(), Bytes::Ready(bytes))
            })
            .chain([
                (LOCK_PATH, Bytes::Ready(&lock_bytes)),
                (BASE_PATH, Bytes::Later(&compressed)),
            ])
            .collect();
        tx.run(&writes, &plan.remove)
    })
}

/// The new content of a file: ready, or still being made on another thread.
enum Bytes<'a> {
    Ready(&'a [u8]),
    Later(&'a std::sync::mpsc::Receiver<Vec<u8>>),
}

/// Rolls back a transaction that an interrupted meg left behind, if any.
pub fn recover(out: &Path) -> Result<bool> {
    let dir = out.join(TX_DIR);
    let journal_path = dir.join("journal.json");
    if !dir.exists() {
        return Ok(false);
    }
    if let Some(bytes) = read_opt(&journal_path)? {
        let journal: Journal = serde_json::from_slice(&bytes).map_err(|e| {
            Error::Usage(format!("{}: damaged journal ({e})", journal_path.display()))
        })?;
        for entry in journal.entries.iter().rev() {
            let target = out.join(&entry.path);
            if entry.backed_up {
                let backup = dir.join("old").join(&entry.path);
                if backup.exists() {
                    replace(&backup, &target)?;
                }
            } else if target.exists() {
                fs::remove_file(&target).map_err(|e| Error::io(&target, e))?;
            }
        }
    }
    fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    Ok(true)
}

const TX_DIR: &str = ".meg/tx";

#[derive(Serialize, Deserialize)]
struct Journal {
    entries: Vec<JournalEntry>,
}

#[derive(Serialize, Deserialize)]
struct JournalEntry {
    path: String,
    /// true: the file existed and its old content is in `tx/old/`; false: it is new.
    backed_up: bool,
}

struct Transaction {
    out: PathBuf,
    dir: PathBuf,
}

impl Transaction {
    fn begin(out: &Path) -> Result<Self> {
        let dir = out.join(TX_DIR);
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Transaction {
            out: out.to_path_buf(),
            dir,
        })
    }

    fn run(self, writes: &[(&str, Bytes)], removes: &[String]) -> Result<()> {
        let out = self.out.clone();
        match self.run_until(writes, removes, usize::MAX) {
            Ok(()) => Ok(()),
            // A failure half-way (a full disk, a permission) puts the old tree back at once.
            Err(e) => {
                recover(&out)?;
                Err(e)
            }
        }
    }

    /// Runs the transaction, stopping as if killed after `moves` files were moved into place
    /// (`usize::MAX`: to the end). Tests use the limit to interrupt it at every step.
    fn run_until(self, writes: &[(&str, Bytes)], removes: &[String], moves: usize) -> Result<()> {
        let mut dirs = Dirs::default();
        // 1. Back up every file that will be replaced or removed.
        let mut entries = Vec::new();
        let mut touched = BTreeSet::new();
        for path in writes
            .iter()
            .map(|(p, _)| *p)
            .chain(removes.iter().map(String::as_str))
        {
            if !touched.insert(path) {
                continue;
            }
            let target = self.out.join(path);
            let backed_up = target.exists();
            if backed_up {
                let backup = self.dir.join("old").join(path);
                dirs.parent_of(&backup)?;
                fs::copy(&target, &backup).map_err(|e| Error::io(&target, e))?;
            }
            entries.push(JournalEntry {
                path: path.to_string(),
                backed_up,
            });
        }
        // 2. The journal makes the transaction recoverable from here on: a rollback restores
        //    what it backed up and deletes what it lists as new.
        let journal = Journal { entries };
        let existed: BTreeSet<&str> = journal
            .entries
            .iter()
            .filter(|e| e.backed_up)
            .map(|e| e.path.as_str())
            .collect();
        let journal = serde_json::to_vec(&journal).expect("journal serializes");
        write_synced(&self.dir.join("journal.json"), &journal)?;
        // 3. New files go straight into place; a file that exists is replaced by a staged copy
        //    and a rename, so it is never seen half-written. Then the dropped files go.
        for (i, (path, bytes)) in writes.iter().enumerate() {
            if i == moves {
                return Ok(());
            }
            let later;
            let bytes = match bytes {
                Bytes::Ready(bytes) => *bytes,
                Bytes::Later(making) => {
                    later = making
                        .recv()
                        .expect("the thread making the bytes sends them");
                    &later
                }
            };
            let target = self.out.join(path);
            if existed.contains(path) {
                let staged = self.dir.join("new").join(path);
                dirs.parent_of(&staged)?;
                write_new(&staged, bytes)?;
                dirs.parent_of(&target)?;
                fs::rename(&staged, &target).map_err(|e| Error::io(&target, e))?;
            } else {
                dirs.parent_of(&target)?;
                write_new(&target, bytes)?;
            }
        }
        if moves != usize::MAX && moves >= writes.len() {
            return Ok(());
        }
        for path in removes {
            let target = self.out.join(path);
            fs::remove_file(&target).map_err(|e| Error::io(&target, e))?;
            prune_empty_parents(&self.out, &target);
        }
        // 4. Done: forget the journal and the backups.
        fs::remove_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        Ok(())
    }
}

/// The folders a transaction has made sure exist, so that each is created (or found) once.
#[derive(Default)]
struct Dirs(std::collections::HashSet<PathBuf>);

impl Dirs {
    fn parent_of(&mut self, path: &Path) -> Result<()> {
        match path.parent() {
            Some(parent) if !self.0.contains(parent) => {
                fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                self.0.insert(parent.to_path_buf());
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

fn mkparent(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    Ok(())
}

/// Writes a new file into a folder that exists. Staged files are not flushed one by one: the
/// transaction guards against an interrupted or failed meg, and only the journal, which decides
/// what a rollback does, is flushed to disk before anything in the tree is touched.
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = fs::File::create(path).map_err(|e| Error::io(path, e))?;
    f.write_all(bytes).map_err(|e| Error::io(path, e))
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    write_new(path, bytes)?;
    fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(path, e))
}

fn replace(from: &Path, to: &Path) -> Result<()> {
    mkparent(to)?;
    fs::rename(from, to).map_err(|e| Error::io(to, e))
}

fn prune_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || d.ends_with(META_DIR) || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

fn read_opt(path: &Path) -> Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::IsADirectory => Err(Error::io(path, e)),
        Err(e) => Err(Error::io(path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(root)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                (rel, fs::read(e.path()).unwrap())
            })
            .collect()
    }

    #[test]
    fn an_interrupted_write_is_rolled_back_at_every_step() {
        let writes: Vec<(&str, &[u8])> = vec![
            ("a.txt", b"new a"),
            ("b/new.txt", b"brand new"),
            ("c.txt", b"new c"),
        ];
        let removes = vec!["gone.txt".to_string()];
        for moves in 0..=writes.len() {
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path();
            fs::write(out.join("a.txt"), "old a").unwrap();
            fs::write(out.join("c.txt"), "old c").unwrap();
            fs::write(out.join("gone.txt"), "old gone").unwrap();
            fs::write(out.join("mine.txt"), "the user's").unwrap();
            let before = tree(out);

            let tx = Transaction::begin(out).unwrap();
            let writes: Vec<(&str, Bytes)> =
                writes.iter().map(|(p, b)| (*p, Bytes::Ready(b))).collect();
            tx.run_until(&writes, &removes, moves).unwrap();
            assert!(
                out.join(TX_DIR).exists(),
                "the interrupted transaction is visible"
            );

            assert!(recover(out).unwrap());
            assert_eq!(tree(out), before, "interrupted after {moves} move(s)");
        }
    }

    #[test]
    fn a_finished_write_leaves_no_transaction_behind() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        fs::write(out.join("gone.txt"), "old").unwrap();
        Transaction::begin(out)
            .unwrap()
            .run(
                &[("x/y.txt", Bytes::Ready(b"y"))],
                &["gone.txt".to_string()],
            )
            .unwrap();
        assert_eq!(fs::read(out.join("x/y.txt")).unwrap(), b"y");
        assert!(!out.join("gone.txt").exists());
        assert!(!out.join(TX_DIR).exists());
        assert!(!recover(out).unwrap());
    }
}
