//! `.megignore` in an output folder: files next to the render that `meg diff` should not
//! report (a `terraform/backend.tf` of the team's own, CI files), in gitignore's glob form,
//! relative to the output folder. It is the user's file, read back from disk: an unreadable or
//! oversized file, or a line that is not a pattern, ignores nothing rather than failing.
//!
//! Only the patterns people write in practice: `*` and `?` within one path segment, `**` across
//! segments, a leading `/` to anchor at the folder, a trailing `/` for a folder and everything in
//! it, `#` comments. Negation (`!`) is not supported: such a line ignores nothing.

use std::path::Path;

/// The ignore file's name, in the output folder.
pub const IGNORE_FILE: &str = ".megignore";

/// Largest ignore file read; anything longer is not a hand-written list.
const MAX_BYTES: u64 = 64 * 1024;

/// The patterns of an output folder's `.megignore`.
#[derive(Debug, Clone, Default)]
pub struct Ignore {
    patterns: Vec<Vec<String>>,
}

impl Ignore {
    /// Reads `OUT/.megignore`; none (or an unreadable one) ignores nothing.
    pub fn read(out: &Path) -> Self {
        let path = out.join(IGNORE_FILE);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() && m.len() <= MAX_BYTES => {}
            _ => return Ignore::default(),
        }
        std::fs::read_to_string(&path)
            .map(|t| Ignore::parse(&t))
            .unwrap_or_default()
    }

    /// Parses the text of an ignore file.
    pub fn parse(text: &str) -> Self {
        let patterns = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('!'))
            .map(|l| {
                let dir = l.ends_with('/');
                let anchored = l.starts_with('/') || l.trim_end_matches('/').contains('/');
                let mut segs: Vec<String> = l
                    .trim_matches('/')
                    .split('/')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect();
                if !anchored {
                    segs.insert(0, "**".into());
                }
                if dir {
                    segs.push("**".into());
                }
                segs
            })
            .filter(|s| !s.is_empty())
            .collect();
        Ignore { patterns }
    }

    /// Whether a path relative to the output folder (`terraform/extra.tf`) is ignored. A
    /// pattern that names a folder ignores everything under it.
    pub fn ignores(&self, path: &str) -> bool {
        let segs: Vec<&str> = path.split('/').collect();
        // A pattern matching a folder on the path matches what is under it.
        self.patterns
            .iter()
            .any(|p| (0..segs.len()).any(|n| matches_path(p, &segs[..=n])))
    }
}

/// Whether pattern segments match path segments (`**` matches any number of them).
fn matches_path(pattern: &[String], path: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((first, rest)) if first == "**" => {
            (0..=path.len()).any(|skip| matches_path(rest, &path[skip..]))
        }
        Some((first, rest)) => path.split_first().is_some_and(|(seg, more)| {
            matches_segment(first.as_bytes(), seg.as_bytes()) && matches_path(rest, more)
        }),
    }
}

/// `*` and `?` within one segment.
fn matches_segment(p: &[u8], s: &[u8]) -> bool {
    match p.split_first() {
        None => s.is_empty(),
        Some((b'*', rest)) => (0..=s.len()).any(|i| matches_segment(rest, &s[i..])),
        Some((b'?', rest)) => !s.is_empty() && matches_segment(rest, &s[1..]),
        Some((c, rest)) => s.first() == Some(c) && matches_segment(rest, &s[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_as_gitignore_does() {
        let i =
            Ignore::parse("# ours\nextra.tf\n/terraform/backend*.tf\nci/\n!keep.tf\n*.md.bak\n");
        assert!(i.ignores("terraform/extra.tf"));
        assert!(i.ignores("bicep/modules/extra.tf"));
        assert!(i.ignores("terraform/backend-prod.tf"));
        assert!(
            !i.ignores("bicep/terraform/backend.tf"),
            "anchored at the folder"
        );
        assert!(i.ignores("ci/pipeline.yml"));
        assert!(i.ignores("ci/deep/x"));
        assert!(i.ignores("README.md.bak"));
        assert!(!i.ignores("terraform/main.tf"));
        assert!(!i.ignores("keep.tf"), "negation ignores nothing");
        assert!(!Ignore::parse("").ignores("a"));
    }
}
