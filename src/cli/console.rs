//! What the commands print: the chattiness the user asked for, and file changes as diffs.

use std::io::IsTerminal;

use crate::output::drift::FileChange;

/// How chatty to be.
pub(super) struct Output {
    pub(super) quiet: bool,
    pub(super) verbose: bool,
}

impl Output {
    /// A line of the command's report on standard output, unless `--quiet`.
    pub(super) fn say(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            println!("{}", msg.as_ref());
        }
    }

    /// A warning on standard error, even with `--quiet`: something the user must act on.
    pub(super) fn warn(&self, msg: impl AsRef<str>) {
        eprintln!("warning: {}", msg.as_ref());
    }

    /// A note on standard error, which keeps standard output for results (`--json`).
    pub(super) fn note(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("note: {}", msg.as_ref());
        }
    }
}

/// Prints file changes: one summary line each with `--stat`, else their unified diffs.
pub(super) fn print_changes(changes: &[FileChange], stat: bool) {
    let color = use_color();
    for c in changes {
        if stat {
            use crate::output::drift::UserChange;
            let mut flags = Vec::new();
            match c.by_user {
                Some(UserChange::Added) => flags.push("added by you"),
                Some(UserChange::Deleted) => flags.push("deleted by you"),
                None if c.edited_by_user == Some(true) => flags.push("edited by you"),
                None => {}
            }
            if c.render_changed == Some(true) {
                flags.push("render changed");
            }
            let flags = if flags.is_empty() {
                String::new()
            } else {
                format!("  ({})", flags.join(", "))
            };
            println!(
                "{:8} {}  +{} -{}{flags}",
                // A file the user added or deleted is named from the user's side.
                match c.by_user {
                    Some(UserChange::Added) => "added".to_string(),
                    Some(UserChange::Deleted) => "deleted".to_string(),
                    None => format!("{:?}", c.change).to_lowercase(),
                },
                c.path,
                c.insertions,
                c.deletions
            );
            continue;
        }
        for line in c.diff.lines() {
            let paint = match line.as_bytes().first() {
                _ if !color => None,
                Some(b'+') if !line.starts_with("+++") => Some("32"),
                Some(b'-') if !line.starts_with("---") => Some("31"),
                Some(b'@') => Some("36"),
                _ => None,
            };
            match paint {
                Some(code) => println!("\x1b[{code}m{line}\x1b[0m"),
                None => println!("{line}"),
            }
        }
    }
}

/// Whether colour may be used on standard output.
pub(super) fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}
