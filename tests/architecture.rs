//! The shape of `src/`: modules depend on each other without cycles, the library below the
//! command line never sees clap, and the stages only look back along the pipeline
//! (input -> model -> render -> output), never forward.
//!
//! The dependency graph is read from the source: a module depends on another when it names a
//! path inside it (`crate::model::naming::Namer`, `super::Name`). Each file is one module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`model::naming`) -> its source text, comments removed.
fn modules() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&root).expect("under src/");
            let mut parts: Vec<String> = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                parts.pop();
            }
            if parts == ["main"] {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file is readable");
            found.insert(parts.join("::"), text);
        }
    }
    // A module declared only for tests (`#[cfg(test)] mod x;`) is no part of the library.
    let test_only: Vec<String> = found
        .iter()
        .flat_map(|(module, text)| {
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            lines
                .windows(2)
                .filter(|w| w[0] == "#[cfg(test)]")
                .filter_map(|w| w[1].strip_prefix("mod ")?.strip_suffix(';'))
                .map(|child| {
                    if module.is_empty() {
                        child.to_string()
                    } else {
                        format!("{module}::{child}")
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect();
    found.retain(|m, _| {
        !test_only
            .iter()
            .any(|t| m == t || m.starts_with(&format!("{t}::")))
    });
    found
}

/// The text without `//` comments (doc comments link to other modules without depending on
/// them) and without the unit tests at the end of a file (`use super::*` there is the file
/// itself). String literals do not hold `crate::` paths in this code base.
fn strip_comments(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    code.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a module names: `crate::a::b::C`, `super::X` (resolved against `module`) and
/// `child::X` for a module it declares (`mod child;`), including grouped imports
/// (`use crate::a::{b, c::D}`).
fn named_paths(module: &str, text: &str) -> Vec<Vec<String>> {
    let own: Vec<String> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").map(str::to_string).collect()
    };
    let parent: Vec<String> = {
        let mut p: Vec<String> = module.split("::").map(str::to_string).collect();
        p.pop();
        p
    };
    let mut paths = Vec::new();
    let bytes = text.as_bytes();
    let mut anchors = vec![
        ("crate::".to_string(), Vec::new()),
        ("super::".to_string(), parent),
    ];
    for line in text.lines() {
        let line = line.trim();
        let decl = line.strip_prefix("pub ").unwrap_or(line);
        let decl = decl.strip_prefix("pub(crate) ").unwrap_or(decl);
        if let Some(child) = decl.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
            let mut base = own.clone();
            base.push(child.to_string());
            anchors.push((format!("{child}::"), base));
        }
    }
    for (anchor, base) in anchors {
        let mut from = 0;
        while let Some(i) = text[from..].find(anchor.as_str()) {
            let start = from + i;
            from = start + anchor.len();
            if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
                continue;
            }
            let mut path = base.clone();
            let rest = &text[from..];
            let mut seg = String::new();
            for c in rest.chars() {
                if c.is_ascii_alphanumeric() || c == '_' {
                    seg.push(c);
                } else if c == ':' {
                    if seg == "super" {
                        path.pop();
                        seg.clear();
                    } else if !seg.is_empty() {
                        path.push(std::mem::take(&mut seg));
                    }
                } else {
                    break;
                }
            }
            if !seg.is_empty() {
                path.push(seg);
            }
            // A group names each of its members.
            let after: String = rest
                .chars()
                .skip_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            if let Some(group) = after.strip_prefix('{') {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                for member in group.split(',') {
                    let mut p = path.clone();
                    p.extend(
                        member
                            .trim()
                            .split("::")
                            .filter(|s| !s.is_empty() && *s != "self")
                            .map(str::to_string),
                    );
                    paths.push(p);
                }
            } else {
                paths.push(path);
            }
        }
    }
    paths
}

/// Module -> the other modules it depends on.
fn graph(modules: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges = BTreeMap::new();
    for (module, text) in modules {
        let mut deps = BTreeSet::new();
        for path in named_paths(module, &strip_comments(text)) {
            // The longest prefix of the path that is a module is what it names.
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].join("::"))
                .find(|p| modules.contains_key(p));
            if let Some(t) = target
                && &t != module
            {
                deps.insert(t);
            }
        }
        edges.insert(module.clone(), deps);
    }
    edges
}

/// Every strongly connected component with more than one module (Tarjan's algorithm).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in &s.edges[v] {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut scc = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                scc.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if scc.len() > 1 {
                scc.sort();
                s.found.push(scc);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found
}

/// Edges of the one cycle left from before the stage folders (issue 13: settings name the
/// workloads' types, the model and its workloads call each other). Each must still exist, so
/// the list only shrinks; an empty list is the goal.
const NOT_YET_UNTANGLED: [(&str, &str); 0] = [];

#[test]
fn modules_depend_on_each_other_without_cycles() {
    let mut edges = graph(&modules());
    for (from, to) in NOT_YET_UNTANGLED {
        assert!(
            edges.get_mut(from).is_some_and(|d| d.remove(to)),
            "{from} -> {to} is gone: take it off NOT_YET_UNTANGLED"
        );
    }
    let found = cycles(&edges);
    let described: Vec<String> = found
        .iter()
        .map(|scc| {
            let inside: Vec<String> = scc
                .iter()
                .flat_map(|m| {
                    edges[m]
                        .iter()
                        .filter(|d| scc.contains(d))
                        .map(move |d| format!("{m} -> {d}"))
                })
                .collect();
            inside.join(", ")
        })
        .collect();
    assert!(
        found.is_empty(),
        "import cycles:\n  {}",
        described.join("\n  ")
    );
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    // The checker itself: a planted cycle through a grouped import and `super::` is found.
    let mut m = BTreeMap::new();
    m.insert("a".to_string(), "use crate::b::{X, c::Y};".to_string());
    m.insert("b".to_string(), "fn f() {}".to_string());
    m.insert("b::c".to_string(), "use super::super::a::Z;".to_string());
    m.insert("d".to_string(), "// crate::a::Z in a comment".to_string());
    m.insert("e".to_string(), "mod f;\nfn g() { f::h() }".to_string());
    m.insert("e::f".to_string(), "use crate::e::G;".to_string());
    let edges = graph(&m);
    assert_eq!(
        cycles(&edges),
        vec![
            vec!["a".to_string(), "b::c".to_string()],
            vec!["e".to_string(), "e::f".to_string()]
        ]
    );
    assert!(edges["d"].is_empty(), "comments are not dependencies");
}

#[test]
fn only_the_command_line_sees_clap() {
    for (module, text) in modules() {
        if module == "cli" || module.starts_with("cli::") {
            continue;
        }
        let text = strip_comments(&text);
        assert!(
            !text.contains("clap::") && !text.contains("use clap"),
            "{module} uses clap: the command line turns its arguments into a request::Inputs"
        );
        assert!(
            !named_paths(&module, &text)
                .iter()
                .any(|p| p.first().is_some_and(|s| s == "cli")),
            "{module} depends on cli: the library never sees the command line"
        );
    }
}

#[test]
fn stages_look_back_along_the_pipeline_never_forward() {
    // input -> model -> render -> output; cli and session compose them and come last.
    let order = ["input", "model", "render", "output"];
    let stage = |m: &str| {
        order
            .iter()
            .position(|s| m == *s || m.starts_with(&format!("{s}::")))
    };
    let edges = graph(&modules());
    let mut forward = Vec::new();
    for (module, deps) in &edges {
        let Some(from) = stage(module) else { continue };
        for d in deps {
            if NOT_YET_UNTANGLED.contains(&(module.as_str(), d.as_str())) {
                continue;
            }
            if d == "session" || d == "cli" || d.starts_with("cli::") {
                forward.push(format!("{module} -> {d}"));
            }
            if let Some(to) = stage(d)
                && to > from
            {
                forward.push(format!("{module} -> {d}"));
            }
        }
    }
    assert!(
        forward.is_empty(),
        "a stage depends on a later one:\n  {}",
        forward.join("\n  ")
    );
}
