//! Landing-zone values: YAML files and `--set` overrides, layered the way Helm users expect.
//!
//! Later layers win, maps merge deeply, lists replace, and `null` removes a key. Each layer
//! remembers where every key came from so that later errors can point at `file:line:column`.
//! This module knows nothing about what the keys mean; the schema and the model do.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::error::{Diagnostic, Error, Result};

/// Where a value came from: a file position or a `--set` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A key in a YAML file.
    File {
        /// The file as the user named it.
        path: String,
        /// 1-based line.
        line: u64,
        /// 1-based column.
        column: u64,
    },
    /// A `--set key=value` argument.
    Set(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File { path, line, column } => write!(f, "{path}:{line}:{column}"),
            Origin::Set(arg) => write!(f, "--set {arg}"),
        }
    }
}

/// One layer of values with the origin of each key, by JSON pointer.
#[derive(Debug, Clone)]
pub struct Layer {
    /// The values of this layer.
    pub value: Value,
    origins: HashMap<String, Origin>,
    /// The raw text, kept for the lock file's record of the inputs.
    pub source: String,
    /// A name for the layer: the file path or `--set`.
    pub name: String,
}

/// All layers of one landing zone, in the order given, and their merge.
#[derive(Debug, Clone)]
pub struct Values {
    /// The layers, first to last.
    pub layers: Vec<Layer>,
    /// The deep merge of all layers.
    pub merged: Value,
}

impl Values {
    /// Merges the layers, later ones winning.
    pub fn from_layers(layers: Vec<Layer>) -> Self {
        let mut merged = Value::Object(Map::new());
        for l in &layers {
            merge(&mut merged, &l.value);
        }
        Values { layers, merged }
    }

    /// Loads files and `--set` arguments into layered values.
    pub fn load(files: &[PathBuf], sets: &[String]) -> Result<Self> {
        let mut layers = Vec::new();
        for f in files {
            layers.push(Layer::from_file(f)?);
        }
        if !sets.is_empty() {
            layers.push(Layer::from_sets(sets)?);
        }
        Ok(Values::from_layers(layers))
    }

    /// Where the value at a JSON pointer was last set, searching from the last layer back.
    /// Falls back to the nearest parent that has an origin.
    pub fn origin(&self, pointer: &str) -> Option<&Origin> {
        let mut p = pointer.to_string();
        loop {
            if let Some(o) = self.layers.iter().rev().find_map(|l| l.origins.get(&p)) {
                return Some(o);
            }
            match p.rfind('/') {
                Some(i) if !p.is_empty() => p.truncate(i),
                _ => return None,
            }
        }
    }

    /// A location string for a pointer: `file:line:col (key.path)`, or just the key path.
    pub fn locate(&self, pointer: &str) -> String {
        let path = key_path(pointer);
        match self.origin(pointer) {
            Some(o) if path.is_empty() => o.to_string(),
            Some(o) => format!("{o}: {path}"),
            None if path.is_empty() => self
                .layers
                .first()
                .map_or_else(|| "(top level)".to_string(), |l| l.name.clone()),
            None => path,
        }
    }
}

/// `/network/hub/0/name` as `network.hub[0].name`.
pub fn key_path(pointer: &str) -> String {
    let mut out = String::new();
    for seg in pointer.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg);
        }
    }
    out
}

impl Layer {
    /// Reads and parses a YAML file; a missing file or a syntax error is a located input error.
    pub fn from_file(path: &Path) -> Result<Self> {
        let name = path.display().to_string();
        let source = std::fs::read_to_string(path).map_err(|e| {
            let msg = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                _ => e.to_string(),
            };
            Error::input(
                Diagnostic::at(&name, format!("cannot read the landing-zone file: {msg}")).hint(
                    "`meg init <strategy>` writes a starter file; `meg list` shows the examples",
                ),
            )
        })?;
        Self::from_str(&name, &source)
    }

    /// Parses YAML text; `name` is used in error locations.
    pub fn from_str(name: &str, source: &str) -> Result<Self> {
        let tree: Tree = if source.trim().is_empty() {
            Tree {
                value: Value::Object(Map::new()),
                spans: Vec::new(),
            }
        } else {
            serde_saphyr::from_str(source).map_err(|e| yaml_error(name, &e))?
        };
        if !tree.value.is_object() {
            return Err(Error::input(Diagnostic::at(
                name,
                format!(
                    "the landing-zone file must be a YAML mapping (key: value), found {}",
                    kind_of(&tree.value)
                ),
            )));
        }
        let origins = tree
            .spans
            .into_iter()
            .map(|(path, line, column)| {
                (
                    pointer(&path),
                    Origin::File {
                        path: name.to_string(),
                        line,
                        column,
                    },
                )
            })
            .collect();
        Ok(Layer {
            value: tree.value,
            origins,
            source: source.to_string(),
            name: name.to_string(),
        })
    }

    /// Builds a layer from `--set key.path=value` arguments, values typed as YAML.
    pub fn from_sets(sets: &[String]) -> Result<Self> {
        let mut value = Value::Object(Map::new());
        let mut origins = HashMap::new();
        for arg in sets {
            let (path, raw) = arg.split_once('=').ok_or_else(|| {
                Error::Usage(format!(
                    "--set {arg}: expected key.path=value (for example --set network.hub.addressSpace=10.0.0.0/22)"
                ))
            })?;
            let keys = split_key_path(path);
            if keys.iter().any(|k| k.is_empty()) {
                return Err(Error::Usage(format!(
                    "--set {arg}: the key path has an empty segment"
                )));
            }
            // Typed like YAML (3 is a number, true a boolean, [a, b] a list); text that is not
            // valid YAML, such as a naming pattern with braces, is taken as a string.
            let parsed: Value = match serde_saphyr::from_str::<Tree>(raw) {
                Ok(t) if !raw.trim().is_empty() => t.value,
                _ => Value::String(raw.to_string()),
            };
            let mut cur = &mut value;
            for k in &keys[..keys.len() - 1] {
                let obj = cur.as_object_mut().expect("--set builds objects only");
                let next = obj
                    .entry(k.clone())
                    .or_insert_with(|| Value::Object(Map::new()));
                if !next.is_object() {
                    *next = Value::Object(Map::new());
                }
                cur = next;
            }
            cur.as_object_mut()
                .expect("--set builds objects only")
                .insert(keys[keys.len() - 1].clone(), parsed);
            // Every prefix too, so an error about `firewal` in `--set firewal.tier=x` finds it.
            for n in 1..=keys.len() {
                origins.insert(pointer(&keys[..n]), Origin::Set(arg.clone()));
            }
        }
        Ok(Layer {
            value,
            origins,
            source: sets.join("\n"),
            name: "--set".to_string(),
        })
    }
}

/// Splits `a.b\.c.d` into `["a", "b.c", "d"]`.
fn split_key_path(path: &str) -> Vec<String> {
    let mut keys = vec![String::new()];
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'.') => {
                keys.last_mut().unwrap().push('.');
                chars.next();
            }
            '.' => keys.push(String::new()),
            c => keys.last_mut().unwrap().push(c),
        }
    }
    keys
}

fn pointer(path: &[String]) -> String {
    path.iter()
        .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
        .collect()
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

fn yaml_error(name: &str, e: &serde_saphyr::Error) -> Error {
    let full = e.to_string();
    let mut msg = first_line(&full).trim_start_matches("error: ");
    // saphyr's advice about its own options means nothing to a meg user.
    if let Some(i) = msg.find(", set DuplicateKeyPolicy") {
        msg = &msg[..i];
    }
    // saphyr starts with "line X column Y: "; the location goes in front of our message instead.
    if msg.starts_with("line ")
        && let Some(i) = msg.find(": ")
    {
        msg = &msg[i + 2..];
    }
    let loc = match e.location() {
        Some(l) if l.line() > 0 => format!("{name}:{}:{}", l.line(), l.column()),
        _ => name.to_string(),
    };
    Error::input(Diagnostic::at(
        loc,
        format!("invalid YAML: {}", strip_location(msg)),
    ))
}

/// saphyr appends "at line X column Y" itself; we already put the location in front.
fn strip_location(msg: &str) -> &str {
    match msg.find(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    }
}

/// A human word for a JSON value's kind.
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing (null)",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

/// Deep merge: maps merge key by key, anything else is replaced, `null` deletes the key.
pub fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                if v.is_null() {
                    b.remove(k);
                } else if let Some(bv) = b.get_mut(k) {
                    merge(bv, v);
                } else {
                    let mut fresh = Value::Object(Map::new());
                    if v.is_object() {
                        merge(&mut fresh, v);
                    } else {
                        fresh = v.clone();
                    }
                    b.insert(k.clone(), fresh);
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// A YAML document as JSON plus the position of every key, for located errors.
struct Tree {
    value: Value,
    /// (key path relative to this node, line, column)
    spans: Vec<(Vec<String>, u64, u64)>,
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl TreeVisitor {
    fn leaf(value: Value) -> Tree {
        Tree {
            value,
            spans: Vec::new(),
        }
    }
}

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<Tree, E> {
        Ok(Self::leaf(Value::Bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Tree, E> {
        Ok(Self::leaf(Value::from(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Tree, E> {
        Ok(Self::leaf(Value::from(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Tree, E> {
        Ok(Self::leaf(
            serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number),
        ))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Tree, E> {
        Ok(Self::leaf(Value::String(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> std::result::Result<Tree, E> {
        Ok(Self::leaf(Value::String(v)))
    }
    fn visit_unit<E: de::Error>(self) -> std::result::Result<Tree, E> {
        Ok(Self::leaf(Value::Null))
    }
    fn visit_none<E: de::Error>(self) -> std::result::Result<Tree, E> {
        Ok(Self::leaf(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Tree, D::Error> {
        Tree::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Tree, A::Error> {
        let mut items = Vec::new();
        let mut spans = Vec::new();
        while let Some(item) = seq.next_element::<Tree>()? {
            let idx = items.len().to_string();
            for (mut p, l, c) in item.spans {
                p.insert(0, idx.clone());
                spans.push((p, l, c));
            }
            items.push(item.value);
        }
        Ok(Tree {
            value: Value::Array(items),
            spans,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Tree, A::Error> {
        let mut obj = Map::new();
        let mut spans = Vec::new();
        while let Some(key) = map.next_key::<serde_saphyr::Spanned<KeyString>>()? {
            let k = key.value.0;
            if obj.contains_key(&k) {
                return Err(de::Error::custom(format!(
                    "duplicate key '{k}' (line {})",
                    key.referenced.line()
                )));
            }
            let child: Tree = map.next_value()?;
            spans.push((
                vec![k.clone()],
                key.referenced.line(),
                key.referenced.column(),
            ));
            for (mut p, l, c) in child.spans {
                p.insert(0, k.clone());
                spans.push((p, l, c));
            }
            obj.insert(k, child.value);
        }
        Ok(Tree {
            value: Value::Object(obj),
            spans,
        })
    }
}

/// A mapping key: YAML allows numbers and booleans as keys; JSON needs strings.
struct KeyString(String);

impl<'de> Deserialize<'de> for KeyString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let t = Tree::deserialize(d)?;
        match t.value {
            Value::String(s) => Ok(KeyString(s)),
            Value::Number(n) => Ok(KeyString(n.to_string())),
            Value::Bool(b) => Ok(KeyString(b.to_string())),
            other => Err(de::Error::custom(format!(
                "a mapping key must be a plain value, found {}",
                kind_of(&other)
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merges_maps_deeply_and_replaces_lists() {
        let mut a = json!({"a": {"b": 1, "c": [1, 2]}, "d": 1});
        merge(&mut a, &json!({"a": {"c": [3], "e": true}, "d": null}));
        assert_eq!(a, json!({"a": {"b": 1, "c": [3], "e": true}}));
    }

    #[test]
    fn set_values_are_typed_like_yaml() {
        let l = Layer::from_sets(&[
            "x=3".into(),
            "a.b=true".into(),
            "a.c=10.0.0.0/8".into(),
            "k\\.e=[1, 2]".into(),
        ])
        .unwrap();
        assert_eq!(
            l.value,
            json!({"x": 3, "a": {"b": true, "c": "10.0.0.0/8"}, "k.e": [1, 2]})
        );
    }

    #[test]
    fn keys_remember_their_line() {
        let l = Layer::from_str(
            "f.yaml",
            "name: x\nnetwork:\n  hub:\n    addressSpace: 10.0.0.0/22\n",
        )
        .unwrap();
        let v = Values::from_layers(vec![l]);
        assert_eq!(
            v.locate("/network/hub/addressSpace"),
            "f.yaml:4:5: network.hub.addressSpace"
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let e = Layer::from_str("f.yaml", "name: x\nnetwork: [1, 2\n").unwrap_err();
        let Error::Input(d) = e else { panic!() };
        assert!(
            d[0].location.as_deref().unwrap().starts_with("f.yaml:"),
            "{d:?}"
        );
    }
}
