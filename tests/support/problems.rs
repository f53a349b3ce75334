//! Findings of one test, gathered over every example and file, reported in one failure so that
//! a template author sees everything at once.

use std::fmt::Display;

/// The findings of one check.
pub struct Problems {
    what: &'static str,
    found: Vec<String>,
}

impl Problems {
    /// No findings yet for the check described by `what` (e.g. "Bicep files that do not parse").
    pub fn new(what: &'static str) -> Self {
        Problems {
            what,
            found: Vec::new(),
        }
    }

    /// A finding in a generated file: `example -> file:line:column: message`.
    pub fn at(&mut self, example: &str, file: &str, pos: (usize, usize), message: impl Display) {
        let (line, col) = pos;
        self.found
            .push(format!("{example} -> {file}:{line}:{col}: {message}"));
    }

    /// A finding about a whole file.
    pub fn in_file(&mut self, example: &str, file: &str, message: impl Display) {
        self.found.push(format!("{example} -> {file}: {message}"));
    }

    /// A finding about a whole render.
    pub fn in_render(&mut self, example: &str, message: impl Display) {
        self.found.push(format!("{example}: {message}"));
    }

    /// Fails the test listing every finding, if there is any.
    pub fn assert_none(self) {
        assert!(
            self.found.is_empty(),
            "{} finding(s): {}\n  {}\n",
            self.found.len(),
            self.what,
            self.found.join("\n  ")
        );
    }
}
