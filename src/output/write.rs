//! Writing a [`FileSet`] into an output folder safely.
//!
//! A write is planned first (create / change / remove / unchanged, and which files the user
//! edited since meg wrote them), then applied as a transaction inside `OUT/.meg/tx/`:
//!
//! 1. every path is checked before anything is touched: a [`RelPath`] (so it stays inside OUT)
//!    that passes through no symbolic link inside OUT;
//! 2. the old content of every file about to be replaced or removed is copied to `tx/old/`,
//!    and the new content of each file to be replaced is staged in `tx/new/`;
//! 3. the journal (which files are in flight, which existed, which folders the write creates)
//!    is written under a temporary name, flushed, renamed to `tx/journal.json`, and the folder
//!    flushed: from here on an interrupted write is rolled back;
//! 4. staged files are renamed into place, new files written, dropped files removed;
//! 5. the journal is deleted: the single commit point. The rest of `tx/` is then garbage.
//!
//! The next meg command that finds `tx/` with a journal rolls the write back (a rollback only
//! copies from the backups, so an interrupted rollback is simply done again); `tx/` without a
//! journal is a write that never touched the tree or one that committed, and is discarded.
//! Either way the tree is the old one or the new one. Nothing outside OUT is ever written.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::sha256;
use crate::error::{Error, Result};
use crate::fileset::{FileSet, RelPath};
use crate::output::dir_handle::{Dir, split};
use crate::output::lock::{BASE_PATH, LOCK_PATH, Lock, META_DIR, base_bytes, is_own};
use crate::output::wave_record::WAVES_PATH;

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
    /// The conflicts meg never wrote (no record in the lock): a README.md of the user's own in
    /// the folder, say.
    pub foreign: Vec<String>,
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
                    if recorded.is_none() {
                        p.foreign.push(path.to_string());
                    }
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
    p.foreign.sort();
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
    apply_with_state(out, files, plan, lock, base, None)
}

/// [`apply_with_base`], also writing the record of the render's waves (`.meg/waves.json`) in
/// the same transaction when `waves` is given.
pub fn apply_with_state(
    out: &Path,
    files: &FileSet,
    plan: &Plan,
    lock: &Lock,
    base: &FileSet,
    waves: Option<&[u8]>,
) -> Result<()> {
    sys(out, || fs::create_dir_all(out))?;
    recover(out)?;
    let checked = |p: &String| {
        RelPath::new(p).map_err(|why| Error::Usage(format!("refusing to write {why}")))
    };
    let removes: Vec<RelPath> = plan.remove.iter().map(checked).collect::<Result<_>>()?;
    let lock_bytes = lock.to_bytes();
    std::thread::scope(|scope| {
        // Compressing the base takes as long as staging the tree: it is done meanwhile, and
        // staged last.
        let (send, compressed) = std::sync::mpsc::channel();
        scope.spawn(move || send.send(base_bytes(base)));
        let mut writes = Vec::new();
        for p in plan.create.iter().chain(&plan.change) {
            let bytes = files.get(p).expect("planned from this file set");
            writes.push((checked(p)?, Bytes::Ready(bytes)));
        }
        writes.push((own_path(LOCK_PATH), Bytes::Ready(&lock_bytes)));
        writes.push((own_path(BASE_PATH), Bytes::Later(&compressed)));
        if let Some(waves) = waves {
            writes.push((own_path(WAVES_PATH), Bytes::Ready(waves)));
        }
        Transaction {
            out,
            writes,
            removes,
        }
        .run()
    })
}

/// meg's own state files, which a write may replace: the lock, the base, the waves' record.
fn is_state(path: &RelPath) -> bool {
    [LOCK_PATH, BASE_PATH, WAVES_PATH].contains(&path.as_str())
}

fn own_path(path: &str) -> RelPath {
    RelPath::new(path).expect("meg's own paths are plain")
}

/// The new content of a file: ready, or still being made on another thread.
enum Bytes<'a> {
    Ready(&'a [u8]),
    Later(&'a std::sync::mpsc::Receiver<Vec<u8>>),
}

/// Finishes what an interrupted meg left in `OUT/.meg/tx/`: rolls back a write that had
/// started changing the tree (true), discards one that had not, or had committed (false).
pub fn recover(out: &Path) -> Result<bool> {
    let tx = out.join(TX_DIR);
    let mut links = Links::new(out);
    links.check(TX_DIR)?;
    match sys_io(&tx, || fs::symlink_metadata(&tx)) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io(&tx, e)),
        Ok(_) => {}
    }
    let Some(journal) = read_journal(&tx)? else {
        discard(&tx);
        return Ok(false);
    };
    // A planted or damaged journal is refused before anything is touched.
    for path in journal.entries.iter().map(|e| &e.path).chain(&journal.dirs) {
        links.check(path)?;
    }
    for entry in journal.entries.iter().filter(|e| e.backed_up) {
        links.check(&format!("{TX_DIR}/old/{}", entry.path))?;
    }
    let unrestored = rollback(out, &tx, &journal);
    if !unrestored.is_empty() {
        return Err(Error::RollbackIncomplete {
            cause: None,
            out: out.to_path_buf(),
            unrestored,
        });
    }
    // The rollback's own commit point: until the journal goes, a rollback is done again.
    let journal_path = tx.join(JOURNAL);
    sys(&journal_path, || fs::remove_file(&journal_path))?;
    discard(&tx);
    Ok(true)
}

const TX_DIR: &str = ".meg/tx";
const JOURNAL: &str = "journal.json";
const JOURNAL_TMP: &str = "journal.json.tmp";

/// What a transaction in flight changes: read back only through [`read_journal`], which
/// checks every path.
#[derive(Serialize, Deserialize)]
struct Journal {
    entries: Vec<JournalEntry>,
    /// Folders the write creates, outermost first (absent from journals of earlier megs).
    #[serde(default)]
    dirs: Vec<RelPath>,
}

#[derive(Serialize, Deserialize)]
struct JournalEntry {
    path: RelPath,
    /// true: the file existed and its old content is in `tx/old/`; false: it is new.
    backed_up: bool,
}

/// Reads the journal of `tx`; `None` when there is none, or one that was never completely
/// written (a meg older than atomic journals, killed while writing it, before it had touched
/// the tree).
fn read_journal(tx: &Path) -> Result<Option<Journal>> {
    let path = tx.join(JOURNAL);
    let bytes = match sys_io(&path, || {
        crate::read_back::read(&path, crate::read_back::MAX_STATE_FILE)
    }) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(&path, e)),
    };
    let damaged = |why: String| {
        Error::Usage(format!(
            "{}: damaged journal ({why}); meg cannot tell what the interrupted write changed, and touched nothing. Compare the folder with version control, then delete {}",
            path.display(),
            tx.display()
        ))
    };
    let journal: Journal = match serde_json::from_slice(&bytes) {
        Ok(j) => j,
        Err(e) if e.is_eof() => return Ok(None),
        Err(e) => return Err(damaged(e.to_string())),
    };
    let own_ok = |p: &RelPath| !is_own(p) || is_state(p);
    if let Some(bad) = journal
        .entries
        .iter()
        .map(|e| &e.path)
        .find(|p| !own_ok(p))
        .or_else(|| journal.dirs.iter().find(|d| is_own(d)))
    {
        return Err(damaged(format!("it names '{bad}' inside meg's own folder")));
    }
    Ok(Some(journal))
}

/// Puts back every file of a journal, whatever happened to the others; returns the files it
/// could not restore, with the reason. Running it twice does what running it once does.
fn rollback(out: &Path, tx: &Path, journal: &Journal) -> Vec<String> {
    let old = tx.join("old");
    let mut unrestored = Vec::new();
    let mut dirs = match Dirs::new(out) {
        Ok(d) => d,
        Err(e) => {
            return journal
                .entries
                .iter()
                .map(|entry| format!("{}: {e}", entry.path))
                .collect();
        }
    };
    for entry in journal.entries.iter().rev() {
        let target = entry.path.under(out);
        let done = if entry.backed_up {
            restore(&mut dirs, &entry.path.under(&old), &entry.path)
        } else {
            let (parent, name) = split(entry.path.as_str());
            match dirs
                .get(parent, false)
                .and_then(|dir| sys(&target, || dir.remove_file(name)))
            {
                Err(Error::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => Ok(()),
                other => other,
            }
        };
        if let Err(e) = done {
            let why = e.to_string();
            unrestored.push(format!(
                "{}: {}",
                entry.path,
                why.strip_prefix("error: ").unwrap_or(&why)
            ));
        }
    }
    // Folders the write created go again, if they are empty (they are unless someone wrote there).
    for dir in journal.dirs.iter().rev() {
        let (parent, name) = split(dir.as_str());
        if let Ok(parent) = dirs.get(parent, false) {
            let _ = sys_io(&dir.under(out), || parent.remove_dir(name));
        }
        dirs.forget(dir.as_str());
    }
    unrestored
}

/// Puts a backup back in its file's place, unless the file already holds it (then nothing is
/// written, so a folder the write could not change needs no permission to be rolled back).
/// The backup is written beside the file under a temporary name, then renamed over it: what
/// stands there (a link included) is replaced, never written through.
fn restore(dirs: &mut Dirs, backup: &Path, path: &RelPath) -> Result<()> {
    let target = dirs.path(path.as_str());
    let old = sys(backup, || fs::read(backup))?;
    let (parent, name) = split(path.as_str());
    let holds_it = dirs.get(parent, false).is_ok_and(|dir| {
        sys_io(&target, || {
            crate::read_back::read_open(dir.open_read(name)?, crate::read_back::MAX_TREE_FILE)
        })
        .is_ok_and(|now| now == old)
    });
    if holds_it {
        return Ok(());
    }
    let dir = dirs.get(parent, true)?;
    let tmp = format!(".{name}.meg-restore");
    match sys_io(&target, || dir.remove_file(&tmp)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(Error::io(&target, e)),
        _ => {}
    }
    let mut file = sys(&target, || dir.create_new(&tmp))?;
    sys(&target, || file.write_all(&old))?;
    drop(file);
    sys(&target, || dir.rename_into(name, &dir, &tmp))
}

/// Deletes a transaction folder that holds nothing to roll back. A failure leaves garbage that
/// the next command discards again, never a wrong tree, so it is not an error.
fn discard(tx: &Path) {
    let _ = sys_io(tx, || fs::remove_dir_all(tx));
}

/// One write into an output folder.
struct Transaction<'a> {
    out: &'a Path,
    writes: Vec<(RelPath, Bytes<'a>)>,
    removes: Vec<RelPath>,
}

impl Transaction<'_> {
    /// Applies the write; on failure puts the old tree back at once and reports the failure
    /// (with what could not be restored, if anything).
    fn run(self) -> Result<()> {
        let out = self.out;
        let mut started = false;
        let Err(cause) = self.apply(&mut started) else {
            return Ok(());
        };
        if !started {
            // Refused before `tx/` was made (a link, a path): there is nothing to undo, and
            // `tx/` may not even be a folder to look into.
            return Err(cause);
        }
        let tx = out.join(TX_DIR);
        match read_journal(&tx) {
            // The failure came before the journal: nothing in the tree changed.
            Ok(None) => {
                discard(&tx);
                // A first write leaves no empty `.meg/` behind either.
                let meta = out.join(META_DIR);
                let _ = sys_io(&meta, || fs::remove_dir(&meta));
                Err(cause)
            }
            Ok(Some(journal)) => {
                let unrestored = rollback(out, &tx, &journal);
                if !unrestored.is_empty() {
                    return Err(Error::RollbackIncomplete {
                        cause: Some(Box::new(cause)),
                        out: out.to_path_buf(),
                        unrestored,
                    });
                }
                let journal_path = tx.join(JOURNAL);
                if sys_io(&journal_path, || fs::remove_file(&journal_path)).is_ok() {
                    discard(&tx);
                }
                Err(cause)
            }
            // The journal cannot be read back: keep it for the next command; the first
            // failure is the one to report.
            Err(_) => Err(cause),
        }
    }

    /// Applies the write; `started` turns true once `tx/` is made (what a failure must undo).
    fn apply(self, started: &mut bool) -> Result<()> {
        let out = self.out;
        let tx = out.join(TX_DIR);
        let (new, old) = (tx.join("new"), tx.join("old"));

        // 1. Every path, before anything is touched.
        let mut links = Links::new(out);
        links.check(TX_DIR)?;
        let write_paths = self.writes.iter().map(|(p, _)| p);
        for path in write_paths.clone().chain(&self.removes) {
            if is_own(path) && !is_state(path) {
                return Err(Error::Usage(format!(
                    "refusing to write '{path}': it is inside meg's own folder {META_DIR}"
                )));
            }
            links.check(path)?;
        }
        let mut dirs = Vec::new();
        let mut seen = HashSet::new();
        for path in write_paths.clone().filter(|p| !is_own(p)) {
            for dir in path.parents().filter(|d| seen.insert(*d)) {
                let full = out.join(dir);
                match sys_io(&full, || fs::symlink_metadata(&full)) {
                    Err(e) if e.kind() == io::ErrorKind::NotFound => dirs.push(own_path(dir)),
                    Err(e) => return Err(Error::io(&full, e)),
                    Ok(_) => {}
                }
            }
        }

        // From here on the tree's folders are held open: what is checked is what is written.
        let mut handles = Dirs::new(out)?;

        // 2. Stage the new content, back up the old.
        let meg_dir = handles.get(META_DIR, true)?;
        sys(&tx, || meg_dir.make_dir("tx"))?;
        *started = true;
        let mut entries = Vec::new();
        let mut existed = HashSet::new();
        let mut touched = HashSet::new();
        for path in write_paths.clone().chain(&self.removes) {
            if !touched.insert(path) {
                continue;
            }
            let target = path.under(out);
            let backed_up = match sys_io(&target, || fs::symlink_metadata(&target)) {
                Ok(m) if m.is_dir() => {
                    return Err(Error::Usage(format!(
                        "{}: is a folder where meg writes a file; move it away",
                        target.display()
                    )));
                }
                // Backing up a pipe or a device would block or never end (links were refused).
                Ok(m) if !m.is_file() => {
                    let why = crate::read_back::refuse_unless_file(&m).expect_err("not a file");
                    return Err(Error::io(&target, why));
                }
                Ok(_) => true,
                Err(e) if e.kind() == io::ErrorKind::NotFound => false,
                Err(e) => return Err(Error::io(&target, e)),
            };
            if backed_up {
                let backup = path.under(&old);
                let (parent, name) = split(path.as_str());
                let old_dir = handles.get(&format!("{TX_DIR}/old/{parent}"), true)?;
                // Read through the held folder: a link swapped in since the check is not followed.
                let dir = handles.get(parent, false)?;
                let mut from = sys(&target, || dir.open_read(name))?;
                let kind = sys(&target, || from.metadata())?;
                crate::read_back::refuse_unless_file(&kind).map_err(|e| Error::io(&target, e))?;
                let mut to = sys(&backup, || old_dir.create_new(name))?;
                sys(&target, || io::copy(&mut from, &mut to))?;
                existed.insert(path);
            }
            entries.push(JournalEntry {
                path: path.clone(),
                backed_up,
            });
        }
        // A file that exists is replaced by a staged copy and a rename, so it is never seen
        // half-written; a new file is written in place after the journal (a rollback deletes it).
        let mut made_bytes = Vec::with_capacity(self.writes.len());
        for (path, bytes) in &self.writes {
            let bytes = match bytes {
                Bytes::Ready(bytes) => std::borrow::Cow::Borrowed(*bytes),
                Bytes::Later(making) => std::borrow::Cow::Owned(
                    making
                        .recv()
                        .expect("the thread making the bytes sends them"),
                ),
            };
            if existed.contains(path) {
                let staged = path.under(&new);
                let (parent, name) = split(path.as_str());
                let new_dir = handles.get(&format!("{TX_DIR}/new/{parent}"), true)?;
                let mut file = sys(&staged, || new_dir.create_new(name))?;
                sys(&staged, || file.write_all(&bytes))?;
            }
            made_bytes.push(bytes);
        }

        // 3. The journal, atomically: from the rename on, the write is rolled back if it stops.
        // It is flushed to disk only when the write replaces or removes a file: a kill needs no
        // flush (the rename is atomic for every later process), and a journal lost to a power
        // cut before a write that only creates files leaves new files, never a lost old one.
        // The two flushes cost a fresh render about a third of its time on a virtual disk.
        let destroys = !existed.is_empty() || !self.removes.is_empty();
        let journal = serde_json::to_vec(&Journal {
            entries,
            dirs: dirs.clone(),
        })
        .expect("a journal serializes");
        let tmp = tx.join(JOURNAL_TMP);
        let tx_dir = handles.get(TX_DIR, false)?;
        let mut file = sys(&tmp, || tx_dir.create_new(JOURNAL_TMP))?;
        sys(&tmp, || file.write_all(&journal))?;
        if destroys {
            sys(&tmp, || file.sync_all())?;
        }
        drop(file);
        let journal_path = tx.join(JOURNAL);
        sys(&journal_path, || {
            tx_dir.rename_into(JOURNAL, &tx_dir, JOURNAL_TMP)
        })?;
        if destroys {
            sync_dir(&tx)?;
        }

        // 4. Into place, each through its folder's handle (`dir_handle`): a folder swapped
        // for a link since the check is refused, never followed.
        for dir in &dirs {
            let (parent, name) = split(dir.as_str());
            let parent = handles.get(parent, false)?;
            sys(&dir.under(out), || parent.make_dir(name))?;
        }
        for ((path, _), bytes) in self.writes.iter().zip(&made_bytes) {
            let target = path.under(out);
            let (parent, name) = split(path.as_str());
            let dir = handles.get(parent, false)?;
            if existed.contains(path) {
                // Renamed from its own staging folder, held open too.
                let staged = handles.get(&format!("{TX_DIR}/new/{parent}"), false)?;
                sys(&target, || dir.rename_into(name, &staged, name))?;
            } else {
                // Fails on anything that appeared there since the check, a dangling link
                // included, rather than write through it.
                let mut file = sys(&target, || dir.create_new(name))?;
                sys(&target, || file.write_all(bytes))?;
            }
        }
        for path in &self.removes {
            let target = path.under(out);
            let (parent, name) = split(path.as_str());
            let dir = handles.get(parent, false)?;
            sys(&target, || dir.remove_file(name))?;
            prune_empty_parents(&mut handles, path);
        }

        // 5. Commit: without its journal the transaction is over.
        sys(&journal_path, || tx_dir.remove_file(JOURNAL))?;
        discard(&tx);
        Ok(())
    }
}

/// Flushes a folder's entries (a rename in it) to disk. Windows has no such call; there a
/// rename is flushed with the file.
fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let d = sys(dir, || fs::File::open(dir))?;
        sys(dir, || d.sync_all())?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Refuses `path` (relative to `out`) when it passes through a symbolic link inside `out`: for
/// any command that creates something in OUT outside a transaction (a lock file, say).
pub fn refuse_links(out: &Path, path: &str) -> Result<()> {
    Links::new(out).check(path)
}

/// Refuses a path inside OUT that passes through a symbolic link, whatever it points to:
/// `File::create`, `create_dir_all`, `rename` and `remove_file` follow the links above the last
/// name, and meg never writes, moves or deletes anything outside OUT. OUT itself is the user's
/// choice and may be a link.
struct Links<'a> {
    out: &'a Path,
    /// Paths already found to be plain folders or files.
    plain: HashSet<String>,
}

impl<'a> Links<'a> {
    fn new(out: &'a Path) -> Self {
        Links {
            out,
            plain: HashSet::new(),
        }
    }

    fn check(&mut self, path: &str) -> Result<()> {
        let ends = path.match_indices('/').map(|(i, _)| i).chain([path.len()]);
        for end in ends {
            let prefix = &path[..end];
            if self.plain.contains(prefix) {
                continue;
            }
            let full = self.out.join(prefix);
            match sys_io(&full, || fs::symlink_metadata(&full)) {
                Ok(m) if m.file_type().is_symlink() => {
                    let to = fs::read_link(&full)
                        .map(|t| format!(" to {}", t.display()))
                        .unwrap_or_default();
                    return Err(Error::Usage(format!(
                        "{}: is a symbolic link{to}; meg does not write, move or delete through links inside the output folder: replace the link with the file or folder itself, or render elsewhere (nothing was written)",
                        full.display()
                    )));
                }
                Ok(_) => {
                    self.plain.insert(prefix.to_string());
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
                Err(e) => return Err(Error::io(&full, e)),
            }
        }
        Ok(())
    }
}

/// Removes the folders a removed file leaves empty, innermost first, never OUT itself nor
/// anything above it, nor meg's own folder.
fn prune_empty_parents(handles: &mut Dirs, file: &RelPath) {
    let parents: Vec<&str> = file.parents().collect();
    for dir in parents.into_iter().rev() {
        let (parent, name) = split(dir);
        let removed = dir != META_DIR
            && handles
                .get(parent, false)
                .is_ok_and(|p| sys_io(&handles.path(dir), || p.remove_dir(name)).is_ok());
        handles.forget(dir);
        if !removed {
            break;
        }
    }
}

/// The folders of OUT a transaction or a rollback holds open ([`Dir`]), by path relative to
/// OUT; a few at a time (a render has hundreds of folders, a process a limited number of handles).
struct Dirs {
    root: Dir,
    open: std::collections::HashMap<String, std::rc::Rc<Dir>>,
}

impl Dirs {
    fn new(out: &Path) -> Result<Dirs> {
        Ok(Dirs {
            root: sys(out, || Dir::open(out))?,
            open: std::collections::HashMap::new(),
        })
    }

    /// The folder `rel` (empty: OUT), opened name by name without following links; with
    /// `create`, made where missing.
    fn get(&mut self, rel: &str, create: bool) -> Result<std::rc::Rc<Dir>> {
        if let Some(d) = self.open.get(rel) {
            return Ok(d.clone());
        }
        if self.open.len() >= 64 {
            self.open.clear();
        }
        let full = self.path(rel);
        let dir = std::rc::Rc::new(sys(&full, || self.root.sub(rel, create))?);
        self.open.insert(rel.to_string(), dir.clone());
        Ok(dir)
    }

    /// Drops the handle of a folder that was removed.
    fn forget(&mut self, rel: &str) {
        self.open.remove(rel);
    }

    fn path(&self, rel: &str) -> PathBuf {
        if rel.is_empty() {
            self.root.join("")
        } else {
            self.root.join(rel)
        }
    }
}

/// A file of the output folder as it is: a regular file (or a link to one) of a bounded size,
/// never a pipe or a device that would hang or flood meg ([`crate::read_back`]).
fn read_opt(path: &Path) -> Result<Option<Vec<u8>>> {
    crate::read_back::read_opt(path, crate::read_back::MAX_TREE_FILE)
        .map_err(|e| Error::io(path, e))
}

/// Every system call of a transaction and of a rollback goes through here, so that a test can
/// stop meg at each one (see `fail`).
fn sys_io<T>(_path: &Path, call: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
    #[cfg(test)]
    fail::point()?;
    call()
}

/// [`sys_io`], with the path in the error.
fn sys<T>(path: &Path, call: impl FnOnce() -> io::Result<T>) -> Result<T> {
    sys_io(path, call).map_err(|e| Error::io(path, e))
}

/// A fail point for tests: after `n` more system calls, the next one either kills meg (an
/// unwind no code of meg catches, as a `kill -9` would stop it) or fails (as a full disk would).
#[cfg(test)]
mod fail {
    use std::cell::Cell;
    use std::io;

    #[derive(Clone, Copy, Debug)]
    pub enum Mode {
        Kill,
        Fail,
    }

    /// The payload of a simulated kill.
    pub struct Killed;

    thread_local! {
        static AT: Cell<Option<(usize, Mode)>> = const { Cell::new(None) };
    }

    pub fn arm(n: usize, mode: Mode) {
        AT.with(|at| at.set(Some((n, mode))));
    }

    /// Disarms the point; true if it had fired.
    pub fn disarm() -> bool {
        AT.with(|at| at.replace(None)).is_none()
    }

    /// What another process does, and before which call.
    type Hook = Option<(usize, Box<dyn FnOnce()>)>;

    thread_local! {
        static HOOK: std::cell::RefCell<Hook> = const { std::cell::RefCell::new(None) };
    }

    /// Runs `f` just before the `n`th next system call (another process acting meanwhile).
    pub fn hook(n: usize, f: impl FnOnce() + 'static) {
        HOOK.with(|h| *h.borrow_mut() = Some((n, Box::new(f))));
    }

    /// Whether the hook is still waiting (the write had fewer calls); disarms it.
    pub fn unhook() -> bool {
        HOOK.with(|h| h.borrow_mut().take().is_some())
    }

    pub fn point() -> io::Result<()> {
        let due = HOOK.with(|h| {
            let mut h = h.borrow_mut();
            match h.as_mut() {
                Some((0, _)) => h.take().map(|(_, f)| f),
                Some((n, _)) => {
                    *n -= 1;
                    None
                }
                None => None,
            }
        });
        if let Some(f) = due {
            f();
        }
        AT.with(|at| match at.get() {
            Some((0, mode)) => {
                at.set(None);
                match mode {
                    Mode::Kill => std::panic::resume_unwind(Box::new(Killed)),
                    Mode::Fail => Err(io::Error::other("injected failure")),
                }
            }
            Some((n, mode)) => {
                at.set(Some((n - 1, mode)));
                Ok(())
            }
            None => Ok(()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::panic::{AssertUnwindSafe, catch_unwind};

    /// Every folder and file below `root`, with the files' bytes: two trees are equal only
    /// if they hold the same folders and the same files.
    type Tree = BTreeMap<String, Option<Vec<u8>>>;

    fn tree(root: &Path) -> Tree {
        walkdir::WalkDir::new(root)
            .min_depth(1)
            .into_iter()
            .map(|e| e.unwrap())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                let bytes = e.file_type().is_file().then(|| fs::read(e.path()).unwrap());
                (rel, bytes)
            })
            .collect()
    }

    fn p(s: &str) -> RelPath {
        RelPath::new(s).unwrap()
    }

    /// A tree meg wrote before, with a user's file beside it.
    fn old_tree(out: &Path) {
        for (path, text) in [
            ("a.txt", "old a"),
            ("c.txt", "old c"),
            ("gone/deep/gone.txt", "old gone"),
            ("mine.txt", "the user's"),
            (".meg/lock.json", "old lock"),
        ] {
            let f = out.join(path);
            fs::create_dir_all(f.parent().unwrap()).unwrap();
            fs::write(f, text).unwrap();
        }
    }

    const WRITES: [(&str, &[u8]); 4] = [
        ("a.txt", b"new a"),
        ("b/new/x.txt", b"brand new"),
        ("c.txt", b"new c"),
        (".meg/lock.json", b"new lock"),
    ];

    fn transaction(out: &Path) -> Transaction<'_> {
        Transaction {
            out,
            writes: WRITES
                .iter()
                .map(|(path, b)| (p(path), Bytes::Ready(b)))
                .collect(),
            removes: vec![p("gone/deep/gone.txt")],
        }
    }

    /// The old tree and the new tree of the scenario, as `tree` sees them.
    fn old_and_new() -> (Tree, Tree) {
        let dir = tempfile::tempdir().unwrap();
        old_tree(dir.path());
        let old = tree(dir.path());
        transaction(dir.path()).run().unwrap();
        (old, tree(dir.path()))
    }

    /// Runs `f` as a process that may be killed at the armed fail point: true if it was.
    fn killed(f: impl FnOnce()) -> bool {
        match catch_unwind(AssertUnwindSafe(f)) {
            Ok(()) => false,
            Err(payload) if payload.is::<fail::Killed>() => true,
            Err(payload) => std::panic::resume_unwind(payload),
        }
    }

    #[test]
    fn a_finished_write_is_the_new_tree_and_leaves_no_transaction_behind() {
        let (old, new) = old_and_new();
        assert_ne!(old, new);
        assert_eq!(new["b/new/x.txt"].as_deref(), Some(&b"brand new"[..]));
        assert_eq!(new[".meg/lock.json"].as_deref(), Some(&b"new lock"[..]));
        assert!(!new.contains_key("gone/deep/gone.txt"));
        assert!(!new.contains_key("gone"), "emptied folders are pruned");
        assert!(!new.contains_key(".meg/tx"));
    }

    /// A kill at each system call of the write, then the next command's recovery: the tree
    /// is the old one up to the commit point and the new one after it, never a mix, and no
    /// transaction is left to wedge later commands.
    #[test]
    fn a_write_killed_at_any_system_call_leaves_the_old_tree_or_the_new_one() {
        let (old, new) = old_and_new();
        let mut committed = false;
        let mut steps = 0;
        for n in 0.. {
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path();
            old_tree(out);
            fail::arm(n, fail::Mode::Kill);
            let was_killed = killed(|| transaction(out).run().unwrap());
            fail::disarm();
            if !was_killed {
                assert_eq!(tree(out), new);
                steps = n;
                break;
            }
            recover(out).unwrap();
            let after = tree(out);
            if after == new {
                committed = true;
            } else {
                assert!(
                    !committed,
                    "killed at call {n}: old tree after the commit point"
                );
                assert_eq!(
                    after, old,
                    "killed at call {n}: neither the old tree nor the new"
                );
            }
        }
        assert!(committed, "some kill came after the commit point");
        assert!(
            steps > 25,
            "the write has a fail point at each call ({steps})"
        );
    }

    /// A kill during the recovery of a killed write: the recovery after it still ends on the
    /// old tree or the new one.
    #[test]
    fn a_rollback_killed_at_any_system_call_is_finished_by_the_next_command() {
        let (old, new) = old_and_new();
        for n in (0..).step_by(3) {
            let base = tempfile::tempdir().unwrap();
            old_tree(base.path());
            fail::arm(n, fail::Mode::Kill);
            let was_killed = killed(|| transaction(base.path()).run().unwrap());
            fail::disarm();
            if !was_killed {
                break;
            }
            for m in 0.. {
                let dir = tempfile::tempdir().unwrap();
                let out = dir.path();
                old_tree(out);
                fail::arm(n, fail::Mode::Kill);
                assert!(killed(|| transaction(out).run().unwrap()));
                fail::arm(m, fail::Mode::Kill);
                let recovery_killed = killed(|| {
                    recover(out).unwrap();
                });
                fail::disarm();
                recover(out).unwrap();
                let after = tree(out);
                assert!(
                    after == old || after == new,
                    "write killed at {n}, rollback at {m}: a mix"
                );
                if !recovery_killed {
                    break;
                }
            }
        }
    }

    /// A failure (a full disk, a permission) at each system call: the write reports it and
    /// puts the old tree back itself, or it failed only after the commit and the tree is new.
    #[test]
    fn a_write_failing_at_any_system_call_reports_it_and_leaves_the_old_tree() {
        let (old, new) = old_and_new();
        for n in 0.. {
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path();
            old_tree(out);
            fail::arm(n, fail::Mode::Fail);
            let result = transaction(out).run();
            if !fail::disarm() {
                result.unwrap();
                break;
            }
            match result {
                Err(e) => {
                    assert!(e.to_string().contains("injected failure"), "{e}");
                    assert_eq!(tree(out), old, "failed at call {n}");
                }
                // Only tidying may fail without failing the write: pruning an emptied
                // folder (it stays, empty), or deleting `tx/` after the commit.
                Ok(()) => {
                    recover(out).unwrap();
                    let files = |t: Tree| {
                        t.into_iter()
                            .filter(|(_, b)| b.is_some())
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(files(tree(out)), files(new.clone()), "failed at call {n}");
                    assert!(!out.join(TX_DIR).exists());
                }
            }
        }
    }

    #[test]
    fn a_rollback_restores_what_it_can_and_names_what_it_cannot() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        old_tree(out);
        // Killed just before the commit: everything is in place, the journal still there.
        let mut n = 0;
        loop {
            fail::arm(n, fail::Mode::Kill);
            let stopped = killed(|| transaction(out).run().unwrap());
            fail::disarm();
            assert!(stopped, "the write has a commit step");
            let moved =
                fs::read(out.join("c.txt")).unwrap() == b"new c" && !out.join("gone").exists();
            if moved {
                break;
            }
            recover(out).unwrap();
            n += 1;
        }
        fs::remove_file(out.join(".meg/tx/old/a.txt")).unwrap();
        let err = recover(out).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("could not restore 1 file(s)") && msg.contains("a.txt"),
            "{msg}"
        );
        assert_eq!(fs::read(out.join("c.txt")).unwrap(), b"old c");
        assert_eq!(
            fs::read(out.join("gone/deep/gone.txt")).unwrap(),
            b"old gone"
        );
        assert!(!out.join("b").exists());
        assert!(
            out.join(".meg/tx/journal.json").exists(),
            "kept for the next try"
        );
        fs::write(out.join(".meg/tx/old/a.txt"), "old a").unwrap();
        assert!(recover(out).unwrap());
        let (old, _) = old_and_new();
        assert_eq!(tree(out), old);
    }

    /// Another process swaps a folder of the tree for a link to a folder outside at each
    /// system call of a write in turn (the race between the link check and the write): the
    /// write and the rollback after it never create, change or remove anything outside.
    #[cfg(unix)]
    #[test]
    fn a_folder_swapped_for_a_link_at_any_system_call_is_never_written_through() {
        let mut finished = 0;
        for n in 0.. {
            let dir = tempfile::tempdir().unwrap();
            let (out, outside) = (dir.path().join("out"), dir.path().join("outside"));
            for (path, text) in [("sub/f.txt", "old f"), ("sub/gone.txt", "old gone")] {
                fs::create_dir_all(out.join(path).parent().unwrap()).unwrap();
                fs::write(out.join(path), text).unwrap();
            }
            fs::create_dir_all(outside.join("sub")).unwrap();
            fs::write(outside.join("sub/f.txt"), "outside f").unwrap();
            fs::write(outside.join("gone.txt"), "outside gone").unwrap();
            let before = tree(&outside);
            let (o, t) = (out.clone(), outside.clone());
            fail::hook(n, move || {
                fs::rename(o.join("sub"), o.join("sub.moved")).unwrap();
                std::os::unix::fs::symlink(&t, o.join("sub")).unwrap();
            });
            let result = Transaction {
                out: &out,
                writes: vec![
                    (p("sub/f.txt"), Bytes::Ready(b"new f")),
                    (p("sub/g.txt"), Bytes::Ready(b"new g")),
                    (p("h.txt"), Bytes::Ready(b"new h")),
                ],
                removes: vec![p("sub/gone.txt")],
            }
            .run();
            let swapped = !fail::unhook();
            assert_eq!(
                tree(&outside),
                before,
                "swapped before call {n}: {result:?}"
            );
            let _ = recover(&out);
            assert_eq!(tree(&outside), before, "swapped before call {n}, recovered");
            if !swapped {
                result.unwrap();
                finished = n;
                break;
            }
        }
        assert!(finished > 10, "{finished} calls");
    }

    #[test]
    fn a_journal_never_completely_written_is_discarded() {
        for cut in ["", "{\"entries\":[{\"path\":\"a.txt\",\"back"] {
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path();
            old_tree(out);
            let before = tree(out);
            fs::create_dir_all(out.join(".meg/tx")).unwrap();
            fs::write(out.join(".meg/tx/journal.json"), cut).unwrap();
            assert!(!recover(out).unwrap());
            assert_eq!(tree(out), before);
        }
    }
}
