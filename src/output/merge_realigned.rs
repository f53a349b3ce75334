//! A second look at a region both sides of a merge changed: compared with the runs of spaces
//! inside each line made one, do the changes still overlap?
//!
//! `terraform fmt` aligns the `=` of neighbouring arguments, so a render that adds or removes one
//! argument (`log_analytics_workspace_id` becoming `diagnostic_settings`) moves every `=` of its
//! block. Line by line, that touches the line a user edited in that block, and a plain three-way
//! merge reports a conflict although the render changed nothing there but spacing. Here such a
//! region merges after all: each line comes from the side that changed more than its spacing,
//! and a line neither changed takes the render's spacing. Indentation still counts. Not a merge
//! of its own: `merge::merge_bytes` asks this only for a region it would mark as a conflict.

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// Which side a merged line comes from (the user's lines keep their ending as they are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// The user's file.
    Ours,
    /// The new render.
    Theirs,
}

/// The region merged when, ignoring alignment, the two sides changed different lines: each
/// line as the side it comes from and its index there; `None` when they still overlap (a real
/// conflict). Lines are given with their endings.
pub(crate) fn merge(
    base: &[&[u8]],
    ours: &[&[u8]],
    theirs: &[&[u8]],
) -> Option<Vec<(Side, usize)>> {
    let (b, o, t) = (keys(base), keys(ours), keys(theirs));
    let (in_ours, in_theirs) = (matches(&b, &o), matches(&b, &t));
    let mut out = Vec::new();
    let take = |from: std::ops::Range<usize>, side: Side, out: &mut Vec<(Side, usize)>| {
        out.extend(from.map(|n| (side, n)));
    };
    let (mut i, mut j, mut k) = (0, 0, 0);
    loop {
        let sync = (i..b.len()).find_map(|x| match (in_ours[x], in_theirs[x]) {
            (Some(y), Some(z)) if y >= j && z >= k => Some((x, y, z)),
            _ => None,
        });
        let (bi, oj, tk) = sync.unwrap_or((b.len(), o.len(), t.len()));
        if o[j..oj] == t[k..tk] || b[i..bi] == t[k..tk] {
            take(j..oj, Side::Ours, &mut out);
        } else if b[i..bi] == o[j..oj] {
            take(k..tk, Side::Theirs, &mut out);
        } else {
            return None;
        }
        let Some((bi, oj, tk)) = sync else {
            break;
        };
        // A line both kept: the user's if they touched its spacing, else the render's.
        if text(ours[oj]) == text(base[bi]) {
            out.push((Side::Theirs, tk));
        } else {
            out.push((Side::Ours, oj));
        }
        (i, j, k) = (bi + 1, oj + 1, tk + 1);
    }
    Some(out)
}

/// A line as alignment leaves it: its indentation, then its words with one space between them;
/// and whether it ends with a newline.
fn keys(lines: &[&[u8]]) -> Vec<(Vec<u8>, bool)> {
    lines
        .iter()
        .map(|line| {
            let text = text(line);
            let indent = text
                .iter()
                .take_while(|c| matches!(c, b' ' | b'\t'))
                .count();
            let mut key = text[..indent].to_vec();
            let mut gap = false;
            for &c in &text[indent..] {
                if matches!(c, b' ' | b'\t') {
                    gap = true;
                    continue;
                }
                if gap {
                    key.push(b' ');
                    gap = false;
                }
                key.push(c);
            }
            (key, line.ends_with(b"\n"))
        })
        .collect()
}

/// For each base key, the index of the same key in `other` when a diff keeps it.
fn matches(base: &[(Vec<u8>, bool)], other: &[(Vec<u8>, bool)]) -> Vec<Option<usize>> {
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

/// A line without its ending (`\n` or `\r\n`).
fn text(line: &[u8]) -> &[u8] {
    match line.strip_suffix(b"\n") {
        Some(body) => body.strip_suffix(b"\r").unwrap_or(body),
        None => line,
    }
}
