//! Three-way merge of text, line by line: base (what meg wrote last time), ours (the user's
//! file now), theirs (the new render).
//!
//! Regions changed on one side only take that side; regions changed on both sides the same way
//! take it once; regions changed differently become a conflict block with standard markers
//! (`<<<<<<<`, `|||||||` with the base, `=======`, `>>>>>>>`). Nothing the user wrote is dropped:
//! it is either in the result or inside a conflict block.

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// The result of merging one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The merged text, with conflict blocks where the sides disagree.
    pub text: String,
    /// Number of conflict blocks in `text`.
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
    if ours == theirs {
        return Merged {
            text: ours.to_string(),
            conflicts: 0,
        };
    }
    if base == ours {
        return Merged {
            text: theirs.to_string(),
            conflicts: 0,
        };
    }
    if base == theirs {
        return Merged {
            text: ours.to_string(),
            conflicts: 0,
        };
    }
    let b = lines(base);
    let o = lines(ours);
    let t = lines(theirs);
    let in_ours = matches(&b, &o);
    let in_theirs = matches(&b, &t);

    let mut out = String::with_capacity(ours.len().max(theirs.len()));
    let put = |ls: &[&str], out: &mut String| ls.iter().for_each(|l| out.push_str(l));
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
            put(oc, &mut out);
        } else if bc == oc {
            put(tc, &mut out);
        } else {
            conflicts += 1;
            out.push_str(&format!("<<<<<<< {}\n", labels.ours));
            put(oc, &mut out);
            ensure_newline(&mut out);
            out.push_str(&format!("||||||| {}\n", labels.base));
            put(bc, &mut out);
            ensure_newline(&mut out);
            out.push_str("=======\n");
            put(tc, &mut out);
            ensure_newline(&mut out);
            out.push_str(&format!(">>>>>>> {}\n", labels.theirs));
        }
        if sync.is_none() {
            break;
        }
        out.push_str(b[bi]);
        (i, j, k) = (bi + 1, oj + 1, tk + 1);
    }
    Merged {
        text: out,
        conflicts,
    }
}

/// Lines with their endings, so a merge keeps the file's exact bytes where nothing changed.
/// A last line without a newline gets one in the comparison only through its own content.
fn lines(s: &str) -> Vec<&str> {
    s.split_inclusive('\n').collect()
}

/// A side that ends without a newline must not glue its last line to the next marker.
fn ensure_newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// For each line of `base`, the index of the same line in `other` when a diff keeps it.
fn matches(base: &[&str], other: &[&str]) -> Vec<Option<usize>> {
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

/// Whether a text holds conflict markers written by [`merge3`].
pub fn has_conflict_markers(text: &str) -> bool {
    text.lines().any(|l| l.starts_with("<<<<<<< "))
        && text.lines().any(|l| l.starts_with(">>>>>>> "))
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
}
