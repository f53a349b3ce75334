//! Syntax errors found by a tree-sitter grammar: every ERROR and MISSING node with its place.

use tree_sitter::{Language, Node, Parser, Tree};

/// The Bicep grammar.
pub fn bicep() -> Language {
    tree_sitter_bicep::LANGUAGE.into()
}

/// The HCL grammar (Terraform `.tf` and `.tfvars`).
pub fn hcl() -> Language {
    tree_sitter_hcl::LANGUAGE.into()
}

/// Parses `text`; tree-sitter always gives a tree, with ERROR and MISSING nodes where it had to.
pub fn parse(language: &Language, text: &str) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(language)
        .expect("the grammar matches the tree-sitter version");
    parser
        .parse(text, None)
        .expect("parsing without a timeout or cancellation gives a tree")
}

/// Each syntax error as (line, column, description), 1-based, in source order.
pub fn errors(language: &Language, text: &str) -> Vec<((usize, usize), String)> {
    let tree = parse(language, text);
    let mut out = Vec::new();
    collect(tree.root_node(), text, &mut out);
    if out.is_empty() && tree.root_node().has_error() {
        out.push((
            (1, 1),
            "the parser reports an error it does not locate".into(),
        ));
    }
    out
}

fn collect(node: Node, text: &str, out: &mut Vec<((usize, usize), String)>) {
    if !node.has_error() {
        return;
    }
    let at = position(node);
    if node.is_missing() {
        out.push((at, format!("missing `{}`", node.kind())));
        return;
    }
    if node.is_error() {
        // The first line of what the grammar could not place, enough to find it.
        let snippet = node
            .utf8_text(text.as_bytes())
            .unwrap_or("")
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        let snippet: String = snippet.chars().take(60).collect();
        let within = node.parent().map_or("file", |p| p.kind());
        out.push((at, format!("syntax error in {within} at `{snippet}`")));
        return;
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        collect(child, text, out);
    }
}

/// 1-based line and column of a node's start (column in bytes).
pub fn position(node: Node) -> (usize, usize) {
    let p = node.start_position();
    (p.row + 1, p.column + 1)
}
