//! A file the new render split into parts: `main.tf` whose firewall block moved to
//! `main.firewall.tf`. `meg update` uses it to carry the user's edits to the part they belong to.
//!
//! A new file `<stem>.<part>.<ext>` beside an existing `<stem>.<ext>` (the layout of the Azure
//! Verified Modules) is a part carved out of it when most of its lines are lines the old file
//! had. The old file's base is then cut into the regions each part came from and the rest; the
//! user's file is cut at the same places (found through the lines base and ours share), and each
//! piece is merged three ways with the new file it belongs to. An edit inside the firewall block
//! lands in `main.firewall.tf`; an edit elsewhere stays in `main.tf`.
//!
//! It is not a general rename or move detector: it only pairs files by that naming rule, in the
//! same folder, so an unrelated new file never takes a user's lines.

use crate::merge::{lines, matches};

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
pub(crate) fn split(base: &[u8], ours: &[u8], candidates: &[(&str, &[u8])]) -> Option<Split> {
    let base_lines = lines(base);
    // The region of base each part came from: from its first to its last line found in base.
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    for &(path, content) in candidates {
        let part_lines = lines(content);
        let map = matches(&part_lines, &base_lines);
        let found: Vec<usize> = map
            .iter()
            .zip(&part_lines)
            .filter(|(_, line)| !line.is_blank())
            .filter_map(|(m, _)| *m)
            .collect();
        let wanted = part_lines.iter().filter(|l| !l.is_blank()).count();
        // Most of the part's lines were the old file's: it was carved out of it.
        if found.len() < 3 || found.len() * 2 < wanted {
            continue;
        }
        let (first, last) = (found[0], found[found.len() - 1]);
        spans.push((first, last + 1, path));
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
    let join = |ls: &[crate::merge::Line]| -> Vec<u8> {
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
        let split = split(base, ours, &[("main.fw.tf", part)]).unwrap();
        assert_eq!(split.rest.base, b"a\nb\nc\nd\n");
        assert_eq!(split.rest.ours, b"top\na\nb\nc\nd\n");
        assert_eq!(split.parts.len(), 1);
        assert_eq!(split.parts[0].1.base, b"fw1\nfw2\nfw3\n");
        assert_eq!(split.parts[0].1.ours, b"fw1\nFW2 edited\nfw3\n");
    }

    #[test]
    fn a_new_file_that_did_not_come_from_it_takes_nothing() {
        let base = b"a\nb\nc\nd\n";
        assert_eq!(split(base, base, &[("main.x.tf", b"x\ny\nz\nw\n")]), None);
        // Too few lines in common to say it was carved out.
        assert_eq!(
            split(base, base, &[("main.x.tf", b"a\nb\nq\nr\ns\nt\n")]),
            None
        );
    }
}
