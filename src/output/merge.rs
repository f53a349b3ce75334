//! Three-way merge of files, line by line: base (what meg wrote last time), ours (the user's
//! file now), theirs (the new render).
//!
//! Regions changed on one side only take that side; regions changed on both sides the same way
//! take it once; regions changed differently become a conflict block with standard markers
//! (`<<<<<<<`, `|||||||` with the base, `=======`, `>>>>>>>`), unless one side only realigned
//! the lines the other edited (`merge_realigned`). Nothing the user wrote is dropped: it is
//! either in the result or inside a conflict block.
//!
//! It works on bytes, split at `\n`: a user's file in any ASCII-compatible encoding (Latin-1,
//! Windows-1252, UTF-8) keeps every byte outside the regions it takes from the render. Lines
//! compare without their line ending, so a file the user switched to CRLF still merges line by
//! line; lines the render brings into such a file get the user's CRLF.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::output::merge_realigned::{self, Side};

/// The result of merging one text file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The merged text, with conflict blocks where the sides disagree.
    pub text: String,
    /// Number of conflict blocks in `text`.
    pub conflicts: usize,
}

/// The result of merging one file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedBytes {
    /// The merged bytes, with conflict blocks where the sides disagree.
    pub bytes: Vec<u8>,
    /// Number of conflict blocks in `bytes`.
    pub conflicts: usize,
}

/// Labels written on the conflict markers.
#[derive(Debug, Clone, Copy)]
pub struct Labels<'a> {
    /// The user's side.
    pub ours: &'a str,
    /// What meg wrote last time.
    pub base: &'a str,
    /// The new render.
    pub theirs: &'a str,
}

/// Merges three versions of a text file.
pub fn merge3(base: &str, ours: &str, theirs: &str, labels: Labels) -> Merged {
    let m = merge_bytes(base.as_bytes(), ours.as_bytes(), theirs.as_bytes(), labels);
    Merged {
        // Text split at newlines and joined again, with ASCII line endings and UTF-8 labels
        // added, is still UTF-8.
        text: String::from_utf8(m.bytes).expect("a merge of UTF-8 texts is UTF-8"),
        conflicts: m.conflicts,
    }
}

/// Merges three versions of a file, whatever their encoding and line endings.
pub fn merge_bytes(base: &[u8], ours: &[u8], theirs: &[u8], labels: Labels) -> MergedBytes {
    let done = |bytes: &[u8]| MergedBytes {
        bytes: bytes.to_vec(),
        conflicts: 0,
    };
    if ours == theirs || base == theirs {
        return done(ours);
    }
    if base == ours {
        return done(theirs);
    }
    let eol: &[u8] = if uses_crlf(ours) { b"\r\n" } else { b"\n" };
    let b = lines(base);
    let o = lines(ours);
    let t = lines(theirs);
    let in_ours = matches(&b, &o);
    let in_theirs = matches(&b, &t);

    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    // The user's lines go in as they are; the others' take the user's line ending.
    let mine = |ls: &[Line], out: &mut Vec<u8>| ls.iter().for_each(|l| out.extend(l.raw));
    let other = |ls: &[Line], out: &mut Vec<u8>| {
        for l in ls {
            match l.raw.strip_suffix(b"\n") {
                Some(body) if eol == b"\r\n" && !body.ends_with(b"\r") => {
                    out.extend(body);
                    out.extend(eol);
                }
                _ => out.extend(l.raw),
            }
        }
    };
    let marker = |head: &str, label: &str, out: &mut Vec<u8>| {
        if !out.is_empty() && !out.ends_with(b"\n") {
            out.extend(eol);
        }
        out.extend(head.as_bytes());
        if !label.is_empty() {
            out.push(b' ');
            out.extend(label.as_bytes());
        }
        out.extend(eol);
    };
    let mut conflicts = 0;
    let (mut i, mut j, mut k) = (0, 0, 0);
    loop {
        // The next base line kept, at the same place, by both sides: a stable point.
        let sync = (i..b.len()).find_map(|x| match (in_ours[x], in_theirs[x]) {
            (Some(y), Some(z)) if y >= j && z >= k => Some((x, y, z)),
            _ => None,
        });
        let (bi, oj, tk) = sync.unwrap_or((b.len(), o.len(), t.len()));
        let (bc, oc, tc) = (&b[i..bi], &o[j..oj], &t[k..tk]);
        if oc == tc || bc == tc {
            mine(oc, &mut out);
        } else if bc == oc {
            other(tc, &mut out);
        } else if let Some(merged) = merge_realigned::merge(&raws(bc), &raws(oc), &raws(tc)) {
            // Both changed the region, but one only realigned what the other edited.
            for (side, n) in merged {
                match side {
                    Side::Ours => mine(&oc[n..=n], &mut out),
                    Side::Theirs => other(&tc[n..=n], &mut out),
                }
            }
        } else {
            conflicts += 1;
            marker("<<<<<<<", labels.ours, &mut out);
            mine(oc, &mut out);
            marker("|||||||", labels.base, &mut out);
            other(bc, &mut out);
            marker("=======", "", &mut out);
            other(tc, &mut out);
            marker(">>>>>>>", labels.theirs, &mut out);
        }
        if sync.is_none() {
            break;
        }
        // The stable line as the user has it (the same text, perhaps another line ending).
        out.extend(o[oj].raw);
        (i, j, k) = (bi + 1, oj + 1, tk + 1);
    }
    MergedBytes {
        bytes: out,
        conflicts,
    }
}

/// One line with its ending; it compares by its text and by whether it ends a line, so that
/// `x\r\n` and `x\n` are the same line and a last line without a newline is not.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    raw: &'a [u8],
    text: &'a [u8],
    ended: bool,
}

impl Line<'_> {
    /// The line with its ending, as it was.
    pub(crate) fn raw(&self) -> &[u8] {
        self.raw
    }

    /// The line without its ending.
    pub(crate) fn text(&self) -> &[u8] {
        self.text
    }

    /// Whether the line holds only spaces and tabs.
    pub(crate) fn is_blank(&self) -> bool {
        self.text.iter().all(|c| matches!(c, b' ' | b'\t'))
    }
}

impl PartialEq for Line<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.ended == other.ended
    }
}

impl Eq for Line<'_> {}

impl PartialOrd for Line<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Line<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.text, self.ended).cmp(&(other.text, other.ended))
    }
}

impl std::hash::Hash for Line<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
        self.ended.hash(state);
    }
}

pub(crate) fn lines(s: &[u8]) -> Vec<Line<'_>> {
    s.split_inclusive(|&c| c == b'\n')
        .map(|raw| {
            let (text, ended) = match raw.strip_suffix(b"\n") {
                Some(body) => (body.strip_suffix(b"\r").unwrap_or(body), true),
                None => (raw, false),
            };
            Line { raw, text, ended }
        })
        .collect()
}

/// Each line with its ending.
fn raws<'a>(lines: &[Line<'a>]) -> Vec<&'a [u8]> {
    lines.iter().map(|l| l.raw).collect()
}

/// Whether most of a file's lines end in CRLF.
fn uses_crlf(s: &[u8]) -> bool {
    let newlines = s.iter().filter(|&&c| c == b'\n').count();
    let crlf = s.windows(2).filter(|w| w == b"\r\n").count();
    crlf * 2 > newlines
}

/// For each line of `base`, the index of the same line in `other` when a diff keeps it.
pub(crate) fn matches(base: &[Line], other: &[Line]) -> Vec<Option<usize>> {
    let mut map = vec![None; base.len()];
    for op in capture_diff_slices(Algorithm::Myers, base, other) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for n in 0..len {
                map[old_index + n] = Some(new_index + n);
            }
        }
    }
    map
}

/// Whether a file holds conflict markers written by [`merge3`] (in any encoding that keeps
/// ASCII as it is).
pub fn has_conflict_markers(text: impl AsRef<[u8]>) -> bool {
    let text = text.as_ref();
    let starts = |m: &[u8]| text.split(|&c| c == b'\n').any(|l| l.starts_with(m));
    starts(b"<<<<<<< ") && starts(b">>>>>>> ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: Labels = Labels {
        ours: "yours",
        base: "base",
        theirs: "new",
    };

    #[test]
    fn one_sided_changes_are_taken() {
        let base = "a\nb\nc\nd\ne\n";
        let ours = "a\nB\nc\nd\ne\n";
        let theirs = "a\nb\nc\nd\nE\n";
        assert_eq!(
            merge3(base, ours, theirs, L),
            Merged {
                text: "a\nB\nc\nd\nE\n".into(),
                conflicts: 0
            }
        );
    }

    #[test]
    fn insertions_on_both_sides_in_different_places_both_arrive() {
        let base = "a\nb\nc\n";
        let ours = "a\nmine\nb\nc\n";
        let theirs = "a\nb\nc\nupstream\n";
        assert_eq!(
            merge3(base, ours, theirs, L).text,
            "a\nmine\nb\nc\nupstream\n"
        );
    }

    #[test]
    fn an_edit_in_a_block_the_render_only_realigned_merges() {
        // terraform fmt realigns the block when the render swaps its longest argument.
        let base = "m {\n  name                       = x\n  health_probe_path          = y\n  origins                    = o\n  log_analytics_workspace_id = w\n}\n";
        let ours = "m {\n  name                       = x\n  health_probe_path = \"/h\" # mine\n  origins                    = o\n  log_analytics_workspace_id = w\n}\n";
        let theirs = "m {\n  name                = x\n  health_probe_path   = y\n  origins             = o\n  diagnostic_settings = d\n}\n";
        assert_eq!(
            merge3(base, ours, theirs, L),
            Merged {
                text: "m {\n  name                = x\n  health_probe_path = \"/h\" # mine\n  origins             = o\n  diagnostic_settings = d\n}\n".into(),
                conflicts: 0
            }
        );
        // An edit the render changed too, beyond its spacing, is still a conflict.
        let theirs = "m {\n  name                = x\n  health_probe_path   = z\n  origins             = o\n  diagnostic_settings = d\n}\n";
        assert_eq!(merge3(base, ours, theirs, L).conflicts, 1);
        // Indentation is not alignment.
        let m = merge3("a\nb\n", "a\nB\n", "a\n  b\n", L);
        assert_eq!(m.conflicts, 1);
    }

    #[test]
    fn overlapping_changes_conflict_with_markers() {
        let base = "a\nb\nc\n";
        let ours = "a\nmine\nc\n";
        let theirs = "a\ntheirs\nc\n";
        let m = merge3(base, ours, theirs, L);
        assert_eq!(m.conflicts, 1);
        assert_eq!(
            m.text,
            "a\n<<<<<<< yours\nmine\n||||||| base\nb\n=======\ntheirs\n>>>>>>> new\nc\n"
        );
        assert!(has_conflict_markers(&m.text));
    }

    #[test]
    fn the_same_change_on_both_sides_is_taken_once() {
        let m = merge3("a\nb\n", "a\nx\n", "a\nx\n", L);
        assert_eq!(
            m,
            Merged {
                text: "a\nx\n".into(),
                conflicts: 0
            }
        );
        let m = merge3("a\nb\nc\n", "a\nx\nc\nmine\n", "a\nx\nc\n", L);
        assert_eq!(m.text, "a\nx\nc\nmine\n");
    }

    #[test]
    fn bytes_that_are_not_utf8_stay_as_they_are() {
        let base = b"# cafe\nx = 1\ny = 2\n";
        let ours = b"# caf\xe9\nx = 1\ny = 2\n";
        let theirs = b"# cafe\nx = 1\ny = 3\n";
        let m = merge_bytes(base, ours, theirs, L);
        assert_eq!(m.bytes, b"# caf\xe9\nx = 1\ny = 3\n");
        assert_eq!(m.conflicts, 0);
    }

    #[test]
    fn a_file_switched_to_crlf_merges_and_stays_crlf() {
        let base = "a\nb\nc\nd\n";
        let ours = "a\r\nb\r\nc\r\nd\r\nmine\r\n";
        let theirs = "a\nB\nc\nd\n";
        let m = merge3(base, ours, theirs, L);
        assert_eq!(m.text, "a\r\nB\r\nc\r\nd\r\nmine\r\n");
        assert_eq!(m.conflicts, 0);
        let m = merge3(base, "a\r\nX\r\nc\r\nd\r\n", theirs, L);
        assert_eq!(
            m.text,
            "a\r\n<<<<<<< yours\r\nX\r\n||||||| base\r\nb\r\n=======\r\nB\r\n>>>>>>> new\r\nc\r\nd\r\n"
        );
    }
}
