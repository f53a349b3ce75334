//! The one error type of meg and its mapping to exit codes.
//!
//! Every layer reports problems as [`Diagnostic`]s (what went wrong, where, how to fix it);
//! `main` prints them and exits with [`Error::exit_code`]. Nothing else decides exit codes.

use std::fmt;
use std::path::PathBuf;

/// Exit code when everything went well.
pub const EXIT_OK: i32 = 0;
/// Exit code when a comparison found differences (diff, check, update conflicts).
pub const EXIT_DIFFERENCES: i32 = 1;
/// Exit code for bad input or usage.
pub const EXIT_BAD_INPUT: i32 = 2;

/// One problem with the input, located as precisely as we can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// `file:line:column`, or a key path such as `environments.prod.network.hub.addressSpace`.
    pub location: Option<String>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when we can tell.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at a location.
    pub fn at(location: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            location: Some(location.into()),
            message: message.into(),
            hint: None,
        }
    }

    /// A diagnostic without a location.
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            location: None,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint on how to fix the problem.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{loc}: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Everything that can stop a meg command.
#[derive(Debug)]
pub enum Error {
    /// The input (landing-zone files, `--set` values) is wrong; one entry per problem.
    Input(Vec<Diagnostic>),
    /// The command line is wrong.
    Usage(String),
    /// Files in the output that a write would overwrite: `edited` by hand since meg wrote
    /// them, or `foreign`, never written by meg; `--force` overwrites both.
    UserEdits {
        /// Files meg wrote that were changed since.
        edited: Vec<String>,
        /// Files meg did not write (the lock has no record of them).
        foreign: Vec<String>,
    },
    /// The catalog itself is broken (a template that does not render, a table that does not parse).
    Catalog(String),
    /// Reading or writing a file failed.
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A write stopped (`cause`, or an earlier meg that was interrupted) and rolling it back
    /// could not restore every file; the journal stays so that the next command tries again.
    RollbackIncomplete {
        /// Why the write stopped, when it stopped in this process.
        cause: Option<Box<Error>>,
        /// The output folder.
        out: PathBuf,
        /// Each file not restored, with the reason.
        unrestored: Vec<String>,
    },
}

impl Error {
    /// A single input problem.
    pub fn input(d: Diagnostic) -> Self {
        Error::Input(vec![d])
    }

    /// Wraps an I/O error with the path it concerned.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input(_) | Error::Usage(_) | Error::UserEdits { .. } => EXIT_BAD_INPUT,
            // A broken catalog or a failing disk is not the user's input, but it is still
            // "could not do what was asked": 2 keeps 1 free for "differences found".
            Error::Catalog(_) | Error::Io { .. } | Error::RollbackIncomplete { .. } => {
                EXIT_BAD_INPUT
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input(ds) => {
                for (i, d) in ds.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "error: {d}")?;
                }
                Ok(())
            }
            Error::Usage(m) => write!(f, "error: {m}"),
            Error::UserEdits { edited, foreign } => {
                if !edited.is_empty() {
                    writeln!(
                        f,
                        "error: {} file(s) in the output were changed since meg wrote them:",
                        edited.len()
                    )?;
                    for p in edited {
                        writeln!(f, "  {p}")?;
                    }
                }
                if !foreign.is_empty() {
                    writeln!(
                        f,
                        "error: {} file(s) in the output exist and were not written by meg, which would overwrite them:",
                        foreign.len()
                    )?;
                    for p in foreign {
                        writeln!(f, "  {p}")?;
                    }
                }
                let fix = match (edited.is_empty(), foreign.is_empty()) {
                    (false, true) => {
                        "move your edits into the landing-zone file, run `meg update` to merge, or pass --force to overwrite them"
                    }
                    (true, false) => {
                        "move or rename your files, render into another folder, or pass --force to overwrite them"
                    }
                    _ => {
                        "move your edits into the landing-zone file or run `meg update` to merge; move your own files away; or pass --force to overwrite them all"
                    }
                };
                write!(f, "  hint: nothing was written; {fix}")
            }
            Error::Catalog(m) => write!(f, "error: catalog: {m}"),
            Error::Io { path, source } => write!(f, "error: {}: {source}", path.display()),
            Error::RollbackIncomplete {
                cause,
                out,
                unrestored,
            } => {
                match cause {
                    Some(cause) => writeln!(f, "{cause}")?,
                    None => writeln!(
                        f,
                        "error: an interrupted write in {} could not be rolled back",
                        out.display()
                    )?,
                }
                writeln!(
                    f,
                    "  the rollback could not restore {} file(s):",
                    unrestored.len()
                )?;
                for u in unrestored {
                    writeln!(f, "    {u}")?;
                }
                write!(
                    f,
                    "  hint: the journal stays in {}; fix the cause, and the next meg render or update in this folder finishes the rollback",
                    out.join(".meg/tx").display()
                )
            }
        }
    }
}

impl std::error::Error for Error {}

/// Result with meg's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Edit distance with adjacent transpositions (Damerau–Levenshtein, optimal string alignment),
/// for did-you-mean suggestions: `teir` is one edit from `tier`, as a typist sees it.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: the one two back is what a transposition reads.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 0..a.len() {
        let mut cur = vec![i + 1; b.len() + 1];
        for j in 0..b.len() {
            let cost = usize::from(a[i] != b[j]);
            let mut d = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] {
                d = d.min(before[j - 1] + 1);
            }
            cur[j + 1] = d;
        }
        before = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&lower, &c.to_ascii_lowercase()), c))
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 3).max(1))
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["location", "strategy", "environments"];
        assert_eq!(did_you_mean("locaton", keys), Some("location"));
        assert_eq!(did_you_mean("enviroments", keys), Some("environments"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }

    #[test]
    fn a_transposition_is_one_edit() {
        assert_eq!(edit_distance("teir", "tier"), 1);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(
            did_you_mean("teir", ["tier", "threatIntelMode"]),
            Some("tier")
        );
    }
}
