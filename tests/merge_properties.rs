//! Properties of the three-way merge behind `meg update`, on random user edits and random
//! template changes: nothing the user wrote is lost (whatever its bytes), upstream changes that
//! do not overlap the user's arrive, updating again with nothing new changes nothing, and a
//! file the user switched to CRLF merges exactly as it would in LF, in CRLF.

use meg::output::merge::{Labels, merge_bytes, merge3};
use proptest::prelude::*;

const LABELS: Labels = Labels {
    ours: "yours",
    base: "base",
    theirs: "new",
};

/// One edit at a base line index.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Replace(usize),
    InsertBefore(usize),
}

impl Edit {
    fn at(&self) -> usize {
        match self {
            Edit::Delete(i) | Edit::Replace(i) | Edit::InsertBefore(i) => *i,
        }
    }
}

fn edits(base_len: usize) -> impl Strategy<Value = Vec<Edit>> {
    let edit = (0..3u8, 0..=base_len).prop_map(move |(kind, at)| match kind {
        0 if at < base_len => Edit::Delete(at),
        1 if at < base_len => Edit::Replace(at),
        _ => Edit::InsertBefore(at),
    });
    prop::collection::vec(edit, 0..6)
}

/// Applies edits to the base; new lines are tagged so the test can find them afterwards.
fn apply(base: &[String], edits: &[Edit], tag: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut n = 0;
    for i in 0..=base.len() {
        for e in edits
            .iter()
            .filter(|e| matches!(e, Edit::InsertBefore(at) if *at == i))
        {
            let _ = e;
            out.push(format!("{tag}-{n}"));
            n += 1;
        }
        if i == base.len() {
            break;
        }
        let touched: Vec<&Edit> = edits
            .iter()
            .filter(|e| !matches!(e, Edit::InsertBefore(_)) && e.at() == i)
            .collect();
        match touched.first() {
            None => out.push(base[i].clone()),
            Some(Edit::Delete(_)) => {}
            Some(_) => {
                out.push(format!("{tag}-{n}"));
                n += 1;
            }
        }
    }
    out
}

fn text(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// Base line positions an edit list touches (an insertion touches the gap before its line).
fn touched(edits: &[Edit]) -> Vec<usize> {
    edits.iter().map(Edit::at).collect()
}

fn case() -> impl Strategy<Value = (Vec<String>, Vec<Edit>, Vec<Edit>)> {
    (0usize..25).prop_flat_map(|n| {
        let base: Vec<String> = (0..n).map(|i| format!("base-{i}")).collect();
        (Just(base), edits(n), edits(n))
    })
}

proptest! {
    // About half the random cases overlap and are skipped by the second property.
    #![proptest_config(ProptestConfig { cases: 2000, max_global_rejects: 50_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_line_the_user_wrote_survives((base, mine, upstream) in case()) {
        let ours = apply(&base, &mine, "user");
        let theirs = apply(&base, &upstream, "up");
        let merged = merge3(&text(&base), &text(&ours), &text(&theirs), LABELS);
        let lines: Vec<&str> = merged.text.lines().collect();
        for l in ours.iter().filter(|l| l.starts_with("user-")) {
            prop_assert!(lines.contains(&l.as_str()), "lost {l}:\n{}", merged.text);
        }
        prop_assert_eq!(merged.conflicts > 0, merged.text.contains("<<<<<<< yours"));
    }

    #[test]
    fn upstream_changes_that_do_not_overlap_arrive((base, mine, upstream) in case()) {
        let (u, t) = (touched(&mine), touched(&upstream));
        // Apart by at least one untouched base line on each side: the changes cannot overlap.
        prop_assume!(u.iter().all(|a| t.iter().all(|b| a.abs_diff(*b) >= 2)));
        let ours = apply(&base, &mine, "user");
        let theirs = apply(&base, &upstream, "up");
        let merged = merge3(&text(&base), &text(&ours), &text(&theirs), LABELS);
        prop_assert_eq!(merged.conflicts, 0, "{}", merged.text);
        let lines: Vec<&str> = merged.text.lines().collect();
        for l in theirs.iter().filter(|l| l.starts_with("up-")) {
            prop_assert!(lines.contains(&l.as_str()), "upstream {l} missing:\n{}", merged.text);
        }
        for (i, b) in base.iter().enumerate() {
            let dropped_upstream = upstream.iter().any(|e| !matches!(e, Edit::InsertBefore(_)) && e.at() == i);
            let dropped_by_user = mine.iter().any(|e| !matches!(e, Edit::InsertBefore(_)) && e.at() == i);
            prop_assert_eq!(lines.contains(&b.as_str()), !dropped_upstream && !dropped_by_user, "base line {} in:\n{}", b, merged.text);
        }
    }

    #[test]
    fn a_second_update_with_nothing_new_changes_nothing((base, mine, upstream) in case()) {
        let ours = apply(&base, &mine, "user");
        let theirs = text(&apply(&base, &upstream, "up"));
        let first = merge3(&text(&base), &text(&ours), &theirs, LABELS);
        // After an update the new render is the base; with no new render, theirs is that base.
        let second = merge3(&theirs, &first.text, &theirs, LABELS);
        prop_assert_eq!(&second.text, &first.text);
        prop_assert_eq!(second.conflicts, 0);
    }

    #[test]
    fn a_file_switched_to_crlf_merges_as_in_lf((base, mine, upstream) in case()) {
        let ours = text(&apply(&base, &mine, "user"));
        prop_assume!(!ours.is_empty());
        let theirs = text(&apply(&base, &upstream, "up"));
        let lf = merge3(&text(&base), &ours, &theirs, LABELS);
        let crlf = merge3(&text(&base), &ours.replace('\n', "\r\n"), &theirs, LABELS);
        prop_assert_eq!(crlf.conflicts, lf.conflicts);
        prop_assert_eq!(crlf.text, lf.text.replace('\n', "\r\n"));
    }

    #[test]
    fn every_byte_the_user_wrote_survives(
        (base, mine, upstream) in case(),
        junk in prop::collection::vec(any::<u8>().prop_filter("one line", |b| *b != b'\n'), 1..8),
    ) {
        // The user's lines carry any bytes but a newline: Latin-1, broken UTF-8, NUL, CR.
        let ours: Vec<u8> = apply(&base, &mine, "user")
            .iter()
            .flat_map(|l| {
                let mut line = l.clone().into_bytes();
                if l.starts_with("user-") {
                    line.extend(&junk);
                }
                line.push(b'\n');
                line
            })
            .collect();
        let theirs = text(&apply(&base, &upstream, "up"));
        let merged = merge_bytes(text(&base).as_bytes(), &ours, theirs.as_bytes(), LABELS);
        let lines: Vec<&[u8]> = merged.bytes.split(|&c| c == b'\n').collect();
        for line in ours.split(|&c| c == b'\n').filter(|l| l.starts_with(b"user-")) {
            prop_assert!(lines.contains(&line), "lost {:?}", String::from_utf8_lossy(line));
        }
    }
}
