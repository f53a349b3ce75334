//! A file the new render split into parts: `main.tf` whose firewall block moved to
//! `main.firewall.tf`. `meg update` uses it to carry the user's edits to the part they belong to.
//!
//! A new file `<stem>.<part>.<ext>` beside an existing `<stem>.<ext>` (the layout of the Azure
//! Verified Modules) is a part carved out of it when at least a quarter of its lines, sitting
//! together, are lines the old file had (the render may have rewritten a block as it moved it).
//! The old file's base is then cut into the regions each part came from and the rest; the
//! user's file is cut at the same places (found through the lines base and ours share), and each
//! piece is merged three ways with the new file it belongs to. An edit inside the firewall block
//! lands in `main.firewall.tf`; an edit elsewhere stays in `main.tf`.
//!
//! It is not a general rename or move detector: it only pairs files by that naming rule, in the
//! same folder, so an unrelated new file never takes a user's lines.

use crate::output::merge::{Line, lines, matches};

/// A part's share of the old file: the lines it came from in base, and the user's version of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    /// The old file's lines the part came from, as meg wrote them.
    pub base: Vec<u8>,
    /// The user's version of those lines.
    pub ours: Vec<u8>,
}

/// How an edited file is cut for a split: what stays, and each new part's piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    /// The old file without the regions that moved out.
    pub rest: Piece,
    /// Each new part's path with its piece of the old file, in path order.
    pub parts: Vec<(String, Piece)>,
}

/// Whether `part` is named as a part of `whole`: `dir/main.firewall.tf` of `dir/main.tf`.
pub(crate) fn is_part_name(whole: &str, part: &str) -> bool {
    let (dir, name) = whole.rsplit_once('/').unwrap_or(("", whole));
    let (part_dir, part_name) = part.rsplit_once('/').unwrap_or(("", part));
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    dir == part_dir
        && part_name
            .strip_prefix(stem)
            .and_then(|rest| rest.strip_prefix('.'))
            .and_then(|rest| rest.strip_suffix(ext))
            .and_then(|middle| middle.strip_suffix('.'))
            .is_some_and(|middle| !middle.is_empty() && !middle.contains('.'))
}

/// Cuts an edited file for the new parts that came out of it. `candidates` are new files (path
/// and content) named as parts of it; those that do not come from it are left out. `None` when
/// none does.
pub(crate) fn split(
    base: &[u8],
    ours: &[u8],
    theirs: &[u8],
    candidates: &[(&str, &[u8])],
) -> Option<Split> {
    let base_lines = lines(base);
    let base_keys = loose(&base_lines);
    // The region of base each part came from: from its first to its last line found in base.
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    for &(path, content) in candidates {
        let part_lines = lines(content);
        let part_keys = loose(&part_lines);
        let map = loose_matches(&part_keys, &base_keys);
        // (part line, base line) of every non-blank line the part shares with base.
        let found: Vec<(usize, usize)> = map
            .iter()
            .enumerate()
            .filter(|(i, _)| !part_lines[*i].is_blank())
            .filter_map(|(i, m)| m.map(|b| (i, b)))
            .collect();
        let wanted = part_lines.iter().filter(|l| !l.is_blank()).count();
        // A quarter of the part's lines were the old file's: it was carved out of it, maybe
        // rewritten on the way (the render changed the block as it moved it).
        if found.len() < 3 || found.len() * 4 < wanted {
            continue;
        }
        let Some((mut start, mut end)) = densest(&found) else {
            continue;
        };
        if (end - start) * 4 < wanted {
            continue;
        }
        // The window's edges may have lost a line that is common elsewhere (a lone `}`) to a
        // match far away: take the neighbours that still read the same.
        let (mut part_at, mut part_end) = (found[start].0, found[end - 1].0 + 1);
        (start, end) = (found[start].1, found[end - 1].1 + 1);
        while end < base_lines.len()
            && part_end < part_lines.len()
            && base_keys[end] == part_keys[part_end]
        {
            (end, part_end) = (end + 1, part_end + 1);
        }
        while start > 0 && part_at > 0 && base_keys[start - 1] == part_keys[part_at - 1] {
            (start, part_at) = (start - 1, part_at - 1);
        }
        spans.push((start, end, path));
    }
    spans.sort();
    // Regions that overlap cannot both own the same lines: the first keeps them.
    let mut kept: Vec<(usize, usize, &str)> = Vec::new();
    for span in spans {
        if kept.last().is_none_or(|last| last.1 <= span.0) {
            kept.push(span);
        }
    }
    if kept.is_empty() {
        return None;
    }
    // Lines beside a part, up to the next blank line, that the new file keeps nowhere (a closing
    // line the render rewrote as it moved the block) go with the part: left behind, they would be
    // a change of their own. A blank line ends a block; what lies beyond it is not the part's.
    let theirs_keys = loose(&lines(theirs));
    let kept_by_theirs: Vec<bool> = loose_matches(&base_keys, &theirs_keys)
        .iter()
        .map(Option::is_some)
        .collect();
    for k in 0..kept.len() {
        let next = kept.get(k + 1).map_or(base_lines.len(), |n| n.0);
        while kept[k].1 < next && !kept_by_theirs[kept[k].1] && !base_lines[kept[k].1].is_blank() {
            kept[k].1 += 1;
        }
        let previous = if k == 0 { 0 } else { kept[k - 1].1 };
        while kept[k].0 > previous
            && !kept_by_theirs[kept[k].0 - 1]
            && !base_lines[kept[k].0 - 1].is_blank()
        {
            kept[k].0 -= 1;
        }
    }

    // Where each base line boundary falls in the user's file: at the line itself when the user
    // kept it, else just after the last kept line before it. Monotonic, so the cuts partition ours.
    let ours_lines = lines(ours);
    let to_ours = matches(&base_lines, &ours_lines);
    let cut = |i: usize| -> usize {
        if i < to_ours.len()
            && let Some(o) = to_ours[i]
        {
            return o;
        }
        to_ours[..i.min(to_ours.len())]
            .iter()
            .rev()
            .find_map(|m| *m)
            .map_or(0, |o| o + 1)
    };
    let cut = |i: usize| {
        if i >= base_lines.len() {
            ours_lines.len()
        } else {
            cut(i)
        }
    };
    let join = |ls: &[crate::output::merge::Line]| -> Vec<u8> {
        ls.iter().flat_map(|l| l.raw()).copied().collect()
    };

    let mut rest = Piece {
        base: Vec::new(),
        ours: Vec::new(),
    };
    let mut parts = Vec::new();
    let (mut base_at, mut ours_at) = (0, 0);
    for (start, end, path) in kept {
        let (ours_start, ours_end) = (cut(start), cut(end));
        rest.base.extend(join(&base_lines[base_at..start]));
        rest.ours.extend(join(&ours_lines[ours_at..ours_start]));
        parts.push((
            path.to_string(),
            Piece {
                base: join(&base_lines[start..end]),
                ours: join(&ours_lines[ours_start..ours_end]),
            },
        ));
        (base_at, ours_at) = (end, ours_end);
    }
    rest.base.extend(join(&base_lines[base_at..]));
    rest.ours.extend(join(&ours_lines[ours_at..]));
    parts.sort_by(|a, b| a.0.cmp(&b.0));
    Some(Split { rest, parts })
}

/// Each line's text with its spacing folded (runs of spaces and tabs as one space, none at the
/// ends): `terraform fmt` re-aligns the `=` of a whole block when one name in it grows, and a
/// block is still the same block.
fn loose(lines: &[Line]) -> Vec<Vec<u8>> {
    lines
        .iter()
        .map(|line| {
            let mut key = Vec::new();
            for word in line
                .text()
                .split(|c| matches!(c, b' ' | b'\t'))
                .filter(|w| !w.is_empty())
            {
                if !key.is_empty() {
                    key.push(b' ');
                }
                key.extend_from_slice(word);
            }
            key
        })
        .collect()
}

/// For each of `a`'s keys, the index of the same key in `b` when a diff keeps it. Patience
/// anchors on lines that occur once on each side (`module "key_vault" {`), so a block is found
/// where it was and not in a look-alike block (another vault's).
fn loose_matches(a: &[Vec<u8>], b: &[Vec<u8>]) -> Vec<Option<usize>> {
    let mut map = vec![None; a.len()];
    for op in similar::capture_diff_slices(similar::Algorithm::Patience, a, b) {
        if let similar::DiffOp::Equal {
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

/// The run of `found` (pairs of part line and base line, in order) that is most of its base
/// region: at least every other base line of the region is one of the part's. A part is a
/// block that moved whole, so its lines sit together in base; a line matched far from the
/// others (a `}` or a `tags = var.tags` that many blocks have) is left out. `(i, j)` indexes
/// `found[i..j]`, the largest such run.
fn densest(found: &[(usize, usize)]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for i in 0..found.len() {
        for j in (i + 1..=found.len()).rev() {
            if best.is_some_and(|(a, b)| b - a >= j - i) {
                break;
            }
            let region = found[j - 1].1 - found[i].1 + 1;
            if (j - i) * 2 >= region {
                best = Some((i, j));
                break;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_names_follow_the_stem() {
        assert!(is_part_name(
            "terraform/main.tf",
            "terraform/main.firewall.tf"
        ));
        assert!(is_part_name("main.tf", "main.hub.tf"));
        assert!(!is_part_name(
            "terraform/main.tf",
            "terraform/modules/main.hub.tf"
        ));
        assert!(!is_part_name("terraform/main.tf", "terraform/main.tf"));
        assert!(!is_part_name("terraform/main.tf", "terraform/main..tf"));
        assert!(!is_part_name("terraform/main.tf", "terraform/main.a.b.tf"));
        assert!(!is_part_name("terraform/main.tf", "terraform/mainx.hub.tf"));
        assert!(!is_part_name(
            "terraform/main.tf",
            "terraform/main.hub.bicep"
        ));
    }

    #[test]
    fn an_edit_goes_with_the_lines_it_was_made_in() {
        let base = b"a\nb\nc\nfw1\nfw2\nfw3\nd\n";
        let ours = b"top\na\nb\nc\nfw1\nFW2 edited\nfw3\nd\n";
        let part = b"fw1\nfw2\nfw3\n";
        let split = split(base, ours, b"a\nb\nc\nd\n", &[("main.fw.tf", part)]).unwrap();
        assert_eq!(split.rest.base, b"a\nb\nc\nd\n");
        assert_eq!(split.rest.ours, b"top\na\nb\nc\nd\n");
        assert_eq!(split.parts.len(), 1);
        assert_eq!(split.parts[0].1.base, b"fw1\nfw2\nfw3\n");
        assert_eq!(split.parts[0].1.ours, b"fw1\nFW2 edited\nfw3\n");
    }

    #[test]
    fn a_common_line_matched_far_away_does_not_stretch_a_part() {
        // The part's closing `}` also closes the later block: the part ends with its own.
        let base = b"head\nfw {\n  a = 1\n  b = 2\n}\nmid1\nmid2\nmid3\nmid4\nmid5\nx {\n}\n";
        let ours = b"head\nfw {\n  a = 1\n  b = 3\n}\nmid1\nmid2\nMID3\nmid4\nmid5\nx {\n}\n";
        let split = split(
            base,
            ours,
            b"head\nmid1\nmid2\nmid3\nmid4\nmid5\nx {\n}\n",
            &[("main.fw.tf", b"fw {\n  a = 1\n  b = 2\n}\n")],
        )
        .unwrap();
        assert_eq!(split.parts[0].1.base, b"fw {\n  a = 1\n  b = 2\n}\n");
        assert_eq!(split.parts[0].1.ours, b"fw {\n  a = 1\n  b = 3\n}\n");
        assert_eq!(
            split.rest.ours,
            b"head\nmid1\nmid2\nMID3\nmid4\nmid5\nx {\n}\n"
        );
    }

    #[test]
    fn a_new_file_that_did_not_come_from_it_takes_nothing() {
        let base = b"a\nb\nc\nd\n";
        assert_eq!(
            split(base, base, base, &[("main.x.tf", b"x\ny\nz\nw\n")]),
            None
        );
        // Too few lines in common to say it was carved out.
        assert_eq!(
            split(base, base, base, &[("main.x.tf", b"a\nb\nq\nr\ns\nt\n")]),
            None
        );
    }
}
