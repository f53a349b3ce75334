//! Declarations read from Bicep through the tree-sitter grammar (resources, parameters), and
//! the assignments of a `.bicepparam` file, which the grammar does not parse.

use tree_sitter::Node;

use super::syntax;

/// A `resource` declaration, with a nested child's type made whole from its parent's.
#[derive(Debug, Clone)]
pub struct Resource {
    /// Where it starts (line, column).
    pub pos: (usize, usize),
    /// Its symbolic name.
    pub symbol: String,
    /// Full ARM type, e.g. `Microsoft.Network/virtualNetworks/subnets`.
    pub arm_type: String,
    /// API version, `None` when neither it nor a parent gives one.
    pub version: Option<String>,
    /// Whether it only references an existing resource.
    pub existing: bool,
}

/// Every resource declaration of a Bicep file, nested ones included, in source order.
pub fn resources(text: &str) -> Vec<Resource> {
    let tree = syntax::parse(&syntax::bicep(), text);
    let mut out = Vec::new();
    walk_resources(tree.root_node(), text, None, &mut out);
    out.sort_by_key(|r| r.pos);
    out
}

fn walk_resources(node: Node, text: &str, parent: Option<&Resource>, out: &mut Vec<Resource>) {
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        if child.kind() == "resource_declaration" {
            let resource = resource(child, text, parent);
            // Nested children sit in the body; walk it with this resource as their parent.
            walk_resources(child, text, resource.as_ref().or(parent), out);
            out.extend(resource);
        } else {
            walk_resources(child, text, parent, out);
        }
    }
}

fn resource(node: Node, text: &str, parent: Option<&Resource>) -> Option<Resource> {
    let src = text.as_bytes();
    let mut cursor = node.walk();
    let children: Vec<Node> = node.children(&mut cursor).collect();
    let symbol = children.iter().find(|c| c.kind() == "identifier")?;
    let type_string = children.iter().find(|c| c.kind() == "string")?;
    let existing = children.iter().any(|c| c.kind() == "existing");
    let quoted = type_string.utf8_text(src).ok()?;
    let raw = quoted.trim_matches('\'');
    let (ty, version) = match raw.split_once('@') {
        Some((t, v)) => (t, Some(v.to_string())),
        None => (raw, None),
    };
    // A nested child names only its own segment (`'subnets'`) and may omit the version.
    let (arm_type, version) = match parent {
        Some(p) if !ty.contains('/') => (
            format!("{}/{ty}", p.arm_type),
            version.or_else(|| p.version.clone()),
        ),
        _ => (ty.to_string(), version),
    };
    Some(Resource {
        pos: syntax::position(node),
        symbol: symbol.utf8_text(src).ok()?.to_string(),
        arm_type,
        version,
        existing,
    })
}

/// A `param` of a Bicep file.
#[derive(Debug, Clone)]
pub struct Param {
    /// Its name.
    pub name: String,
    /// Whether a deployment must give it a value: no default and not nullable.
    pub required: bool,
}

/// The top-level `param` declarations of a Bicep file.
pub fn params(text: &str) -> Vec<Param> {
    let tree = syntax::parse(&syntax::bicep(), text);
    let src = text.as_bytes();
    let root = tree.root_node();
    let mut out = Vec::new();
    let mut cursor = root.walk();
    for decl in root.named_children(&mut cursor) {
        if decl.kind() != "parameter_declaration" {
            continue;
        }
        let mut c = decl.walk();
        let children: Vec<Node> = decl.children(&mut c).collect();
        let Some(name) = children.iter().find(|n| n.kind() == "identifier") else {
            continue;
        };
        let has_default = children.iter().any(|n| n.kind() == "=");
        // `param x string?` may be left out: it is null then. The type follows the name.
        let nullable = children
            .iter()
            .skip_while(|n| n.id() != name.id())
            .nth(1)
            .and_then(|ty| ty.utf8_text(src).ok())
            .is_some_and(|ty| ty.trim_end().ends_with('?'));
        out.push(Param {
            name: name.utf8_text(src).unwrap_or("").to_string(),
            required: !has_default && !nullable,
        });
    }
    out
}

/// What a `.bicepparam` file says: the file of its `using` and each `param` it sets.
#[derive(Debug, Default)]
pub struct ParamFile {
    /// The path in the first statement `using '<path>'`, if the first statement is one.
    pub using: Option<String>,
    /// Each `param <name> =` at the top level, with its line.
    pub assigned: Vec<(String, usize)>,
}

/// Reads a `.bicepparam` file line by line: statements start at column 0, and values that span
/// lines are indented or close with `}` / `]` (which is how meg and `bicep format` write them).
pub fn param_file(text: &str) -> ParamFile {
    let mut file = ParamFile::default();
    let mut first_statement = true;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("//") || line.starts_with(char::is_whitespace)
        {
            continue;
        }
        if first_statement {
            first_statement = false;
            if let Some(rest) = trimmed.strip_prefix("using ") {
                let path = rest.split("//").next().unwrap_or("").trim();
                file.using = Some(path.trim_matches('\'').to_string());
                continue;
            }
        }
        if let Some(rest) = line.strip_prefix("param ") {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            file.assigned.push((name, i + 1));
        }
    }
    file
}

/// One property of a user-defined type (`type firewallType = { tier: 'Basic' | ... }`).
#[derive(Debug, Clone)]
pub struct TypeProperty {
    /// The type's name (`firewallType`).
    pub type_name: String,
    /// The property's path inside the type (`["backup", "storageRedundancy"]`).
    pub path: Vec<String>,
    /// Its type as written, without the `?` that makes it nullable (`'Alert' | 'Deny'`).
    pub ty: String,
    /// 1-based line.
    pub line: usize,
}

/// The properties of the top-level user-defined object types of a Bicep file, nested objects
/// included, read line by line as meg writes them (one property per line, `{` ending a line that
/// opens a nested object, `}` alone closing it, comments on their own lines).
pub fn type_properties(text: &str) -> Vec<TypeProperty> {
    let mut out = Vec::new();
    let mut type_name: Option<String> = None;
    let mut path: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        let Some(name) = &type_name else {
            if let Some(rest) = line.strip_prefix("type ")
                && let Some((name, body)) = rest.split_once('=')
                && body.trim() == "{"
            {
                type_name = Some(name.trim().to_string());
            }
            continue;
        };
        if trimmed.is_empty() || trimmed.starts_with("//") {
            continue;
        }
        if trimmed == "}" {
            if path.pop().is_none() {
                type_name = None;
            }
            continue;
        }
        let Some((key, ty)) = trimmed.split_once(':') else {
            continue;
        };
        let key = key.trim().trim_end_matches('?').to_string();
        let ty = ty.trim();
        if ty == "{" {
            path.push(key);
            continue;
        }
        let mut full = path.clone();
        full.push(key);
        out.push(TypeProperty {
            type_name: name.clone(),
            path: full,
            ty: ty.trim_end_matches('?').trim().to_string(),
            line: i + 1,
        });
    }
    out
}

/// The top-level type aliases of a Bicep file that are not object types, by name, as written
/// (`type firewallTierType = 'Basic' | 'Standard'` gives `'Basic' | 'Standard'`).
pub fn type_aliases(text: &str) -> std::collections::BTreeMap<String, String> {
    text.lines()
        .filter_map(|line| {
            let (name, ty) = line.strip_prefix("type ")?.split_once('=')?;
            let ty = ty.trim();
            (ty != "{").then(|| (name.trim().to_string(), ty.to_string()))
        })
        .collect()
}
