//! Landing-zone values: YAML files and `--set` overrides, layered the way Helm users expect.
//!
//! Later layers win, maps merge deeply, lists replace, and `null` removes a key. Each layer
//! remembers where every key came from so that later errors can point at `file:line:column`.
//! This module knows nothing about what the keys mean; the schema and the model do.
//!
//! YAML types plain scalars: `0042` and `1.10` are numbers, and (saphyr reads YAML 1.1's
//! booleans too) `NO`, `off`, `yes` are booleans. A boolean setting is glad of that; a tag is
//! not. So each layer also keeps the text of every scalar it typed, and
//! [`Values::keep_written_text`] puts that text back wherever the schema wants a string.
//! Inputs are held to [`MAX_INPUT_BYTES`] before they are parsed.

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
    /// The text as written of every plain scalar YAML read as a number or a boolean, by JSON
    /// pointer: `0042`, `NO`, `1.10` keep it where the schema wants a string.
    written: HashMap<String, String>,
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
    /// Files the values name and the render reads (`migration.inventory.files`): name and
    /// SHA-256, recorded in the lock beside the layers.
    pub read_files: Vec<(String, String)>,
}

impl Values {
    /// Merges the layers, later ones winning.
    pub fn from_layers(layers: Vec<Layer>) -> Self {
        let mut merged = Value::Object(Map::new());
        for l in &layers {
            merge(&mut merged, &l.value);
        }
        Values {
            layers,
            merged,
            read_files: Vec::new(),
        }
    }

    /// Loads files and `--set` arguments into layered values.
    pub fn load(files: &[PathBuf], sets: &[String]) -> Result<Self> {
        let mut layers = Vec::new();
        for (i, f) in files.iter().enumerate() {
            // The first file is the landing zone; the others are value files (`-f`).
            layers.push(if i == 0 {
                Layer::from_file(f)?
            } else {
                Layer::read(f, FileRole::Values)?
            });
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

    /// The keys written with no value (`dev:`, null) where no earlier layer set anything to
    /// remove, by JSON pointer: a null then removes nothing, and the key vanishes from the
    /// merge without a word unless the caller says so.
    pub fn empty_keys(&self) -> Vec<String> {
        fn walk(v: &Value, at: String, earlier: &[Layer], out: &mut Vec<String>) {
            match v {
                Value::Null
                    if !earlier
                        .iter()
                        .any(|l| l.value.pointer(&at).is_some_and(|v| !v.is_null())) =>
                {
                    out.push(at);
                }
                Value::Object(m) => {
                    for (k, v) in m {
                        walk(v, format!("{at}/{}", pointer_token(k)), earlier, out);
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        for (i, l) in self.layers.iter().enumerate() {
            walk(&l.value, String::new(), &self.layers[..i], &mut out);
        }
        out.sort();
        out.dedup();
        out
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
    /// Reads and parses a landing-zone file; a missing file or a syntax error is a located
    /// input error.
    pub fn from_file(path: &Path) -> Result<Self> {
        Self::read(path, FileRole::LandingZone)
    }

    /// Reads and parses a YAML file of the given role; a missing file or a syntax error is a
    /// located input error that names the role.
    pub fn read(path: &Path, role: FileRole) -> Result<Self> {
        use std::io::Read;
        let name = path.display().to_string();
        let unreadable = |e: std::io::Error| {
            let msg = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                std::io::ErrorKind::InvalidData => "it is not UTF-8 text".to_string(),
                _ => e.to_string(),
            };
            let d = Diagnostic::at(&name, format!("cannot read the {}: {msg}", role.noun()));
            Error::input(match role {
                FileRole::LandingZone => d.hint(
                    "`meg init <strategy>` writes a starter file; `meg list` shows the examples",
                ),
                FileRole::Values => d,
            })
        };
        let file = std::fs::File::open(path).map_err(unreadable)?;
        // The size is checked on what is read, not on what the file claims (a pipe claims 0).
        let mut source = String::new();
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_string(&mut source)
            .map_err(unreadable)?;
        if source.len() as u64 > MAX_INPUT_BYTES {
            let size = std::fs::metadata(path).map_or(MAX_INPUT_BYTES + 1, |m| m.len());
            return Err(too_large(&name, size.max(MAX_INPUT_BYTES + 1)));
        }
        Self::parse_as(&name, &source, role)
    }

    /// Parses YAML text; `name` is used in error locations.
    pub fn from_str(name: &str, source: &str) -> Result<Self> {
        Self::parse_as(name, source, FileRole::LandingZone)
    }

    /// Parses YAML text of the given role; errors name the role and the file.
    fn parse_as(name: &str, source: &str, role: FileRole) -> Result<Self> {
        if source.len() as u64 > MAX_INPUT_BYTES {
            return Err(too_large(name, source.len() as u64));
        }
        let tree: Tree = if source.trim().is_empty() {
            TreeVisitor::leaf(Value::Object(Map::new()))
        } else {
            parse(source).map_err(|e| yaml_error(name, &e))?
        };
        if !tree.value.is_object() {
            return Err(Error::input(Diagnostic::at(
                name,
                format!(
                    "the {} must be a YAML mapping (key: value), found {}",
                    role.noun(),
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
        let written = written_text(source, tree.scalars, &[]);
        Ok(Layer {
            value: tree.value,
            origins,
            written,
            source: source.to_string(),
            name: name.to_string(),
        })
    }

    /// Builds a layer from `--set key.path=value` arguments, values typed as YAML.
    pub fn from_sets(sets: &[String]) -> Result<Self> {
        let mut value = Value::Object(Map::new());
        let mut origins = HashMap::new();
        let mut written = HashMap::new();
        for arg in sets {
            let (path, raw) = arg.split_once('=').ok_or_else(|| {
                Error::Usage(format!(
                    "--set {arg}: expected key.path=value (for example --set network.hub.addressSpace=10.0.0.0/22)"
                ))
            })?;
            if raw.len() as u64 > MAX_INPUT_BYTES {
                return Err(too_large(&format!("--set {path}"), raw.len() as u64));
            }
            let keys = split_key_path(path);
            if keys.iter().any(|k| k.is_empty()) {
                return Err(Error::Usage(format!(
                    "--set {arg}: the key path has an empty segment"
                )));
            }
            // Helm's `list[0]` would replace the whole list here (lists replace when layers
            // merge), dropping the other entries and fields: refused, in words.
            if let Some(at) = keys.iter().position(|k| list_index(k).is_some()) {
                let k = &keys[at];
                let (last, _) = list_index(k).unwrap_or_default();
                let list = keys[..at]
                    .iter()
                    .map(String::as_str)
                    .chain([last])
                    .collect::<Vec<_>>()
                    .join(".");
                return Err(Error::Usage(format!(
                    "--set {arg}: '{k}' indexes into a list, which --set cannot do: a list is set whole (--set '{list}=[...]' replaces every entry); change one entry in a value file (-f) instead"
                )));
            }
            // Typed like YAML (3 is a number, true a boolean, [a, b] a list); text that is not
            // valid YAML, such as a naming pattern with braces, is taken as a string.
            let parsed: Value = match parse(raw) {
                Ok(t) if !raw.trim().is_empty() => {
                    written.retain(|p: &String, _| !is_within(p, &pointer(&keys)));
                    written.extend(written_text(raw, t.scalars, &keys));
                    t.value
                }
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
            written,
            source: sets.join("\n"),
            name: "--set".to_string(),
        })
    }
}

/// `sites[0]` as `("sites", 0)`: a Helm-style list index in a `--set` key path.
fn list_index(key: &str) -> Option<(&str, usize)> {
    let (list, rest) = key.split_once('[')?;
    let index = rest.strip_suffix(']')?;
    if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((list, index.parse().ok()?))
}

/// What a YAML file is to meg, for its errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    /// The landing-zone file.
    LandingZone,
    /// A value file layered over it with `-f`.
    Values,
}

impl FileRole {
    fn noun(self) -> &'static str {
        match self {
            FileRole::LandingZone => "landing-zone file",
            FileRole::Values => "value file (-f)",
        }
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
        .map(|s| format!("/{}", pointer_token(s)))
        .collect()
}

/// A map key as one JSON Pointer reference token (RFC 6901: `~` as `~0`, `/` as `~1`), for
/// locating a value under a key the user chose.
pub fn pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Largest landing-zone file (and `--set` value) meg reads: a thousand servers with their
/// settings fit in a few hundred kilobytes, and refusing more before parsing keeps a runaway
/// input (a 50 MB tag value) from costing gigabytes of memory.
pub const MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

fn too_large(name: &str, size: u64) -> Error {
    Error::input(
        Diagnostic::at(
            name,
            format!(
                "the input is {} KiB, more than the {} KiB meg reads: a landing zone is far smaller",
                size.div_ceil(1024),
                MAX_INPUT_BYTES / 1024
            ),
        )
        .hint("is this the right file? A landing zone holds settings, not data"),
    )
}

fn yaml_error(name: &str, e: &serde_saphyr::Error) -> Error {
    let (loc, msg) = yaml_problem(name, e);
    let mut d = Diagnostic::at(loc, msg);
    d.position = e.location().filter(|l| l.line() > 0).map(|l| {
        Box::new(crate::error::Position::File {
            path: name.to_string(),
            line: l.line(),
            column: l.column(),
        })
    });
    Error::input(d)
}

/// A YAML parse error of the file `name` as meg words it: `name:line:column` (or `name`) and
/// `invalid YAML: ...`. Catalog files are reported the same way.
pub fn yaml_problem(name: &str, e: &serde_saphyr::Error) -> (String, String) {
    let loc = match e.location() {
        Some(l) if l.line() > 0 => format!("{name}:{}:{}", l.line(), l.column()),
        _ => name.to_string(),
    };
    (loc, format!("invalid YAML: {}", plain_yaml_message(e)))
}

/// The parser's complaint in a landing-zone author's words: no parser API names, no Rust
/// types, no debug dumps of its limits.
fn plain_yaml_message(e: &serde_saphyr::Error) -> String {
    use serde_saphyr::Error as E;
    use serde_saphyr::MessageFormatter;
    let mut err = e;
    while let E::WithSnippet { error, .. } | E::AliasError { error, .. } = err {
        err = error;
    }
    let msg = match err {
        E::Budget { breach, .. } => match breach {
            serde_saphyr::budget::BudgetBreach::Depth { .. } => {
                "the values are nested too deeply for a landing zone".to_string()
            }
            serde_saphyr::budget::BudgetBreach::Aliases { .. }
            | serde_saphyr::budget::BudgetBreach::Anchors { .. }
            | serde_saphyr::budget::BudgetBreach::AliasAnchorRatio { .. }
            | serde_saphyr::budget::BudgetBreach::MergeKeys { .. } => {
                "the file uses more anchors, aliases or merge keys than a landing zone needs"
                    .to_string()
            }
            serde_saphyr::budget::BudgetBreach::Documents { .. } => several_documents(),
            _ => "the file holds more values than meg reads for one landing zone".to_string(),
        },
        E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => {
            "its aliases (*name) expand into more values than meg reads for one landing zone"
                .to_string()
        }
        E::MultipleDocuments { .. } => several_documents(),
        E::RecursiveReferencesRequireWeakTypes { .. } => {
            "an alias (*name) refers to a node that contains it".to_string()
        }
        E::UnknownAnchor { .. } => {
            "an alias (*name) refers to no anchor (&name) defined before it".to_string()
        }
        E::NullIntoString { .. } => "a key is empty or null (~); a key must be text".to_string(),
        E::Unexpected { expected, .. } if expected.contains("string") => {
            "a key must be plain text, not a list or a mapping".to_string()
        }
        E::SerdeInvalidType { .. } => {
            "a key must be plain text, not a list or a mapping".to_string()
        }
        E::DuplicateMappingKey { key: Some(k), .. } => format!("key '{k}' appears twice"),
        E::DuplicateMappingKey { key: None, .. } => "a key appears twice".to_string(),
        other => serde_saphyr::UserMessageFormatter
            .format_message(other)
            .into_owned(),
    };
    // saphyr appends "at line X column Y" itself; the location is in front of our message.
    let msg = first_line(&msg);
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

fn several_documents() -> String {
    "the file holds several YAML documents (separated by ---); meg reads one per file (give each layer of values its own file, with -f)".to_string()
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
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

/// Parses YAML text as meg reads every input: YAML 1.2 scalars as saphyr types them, except
/// that `.inf` and `.nan` reach us as text (no landing-zone number is infinite, and a string
/// field keeps them).
fn parse(source: &str) -> std::result::Result<Tree, serde_saphyr::Error> {
    let options = serde_saphyr::options! {
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::AsString,
    };
    serde_saphyr::from_str_with_options::<Node>(source, options).map(|Node(tree)| tree)
}

/// The written text of the scalars a parse typed, by pointer under `prefix`. A span saphyr
/// could not give (never for text input) leaves the typed value alone.
fn written_text(
    source: &str,
    scalars: Vec<(Vec<String>, Option<u64>, Option<u64>)>,
    prefix: &[String],
) -> HashMap<String, String> {
    scalars
        .into_iter()
        .filter_map(|(path, offset, len)| {
            let start = usize::try_from(offset?).ok()?;
            let end = start.checked_add(usize::try_from(len?).ok()?)?;
            let text = source.get(start..end)?;
            let full: Vec<String> = prefix.iter().cloned().chain(path).collect();
            Some((pointer(&full), text.to_string()))
        })
        .collect()
}

/// Whether `p` is `root` or a pointer below it.
fn is_within(p: &str, root: &str) -> bool {
    p == root
        || p.strip_prefix(root)
            .is_some_and(|rest| rest.starts_with('/'))
}

impl Layer {
    /// Gives back, in place of the number or boolean YAML made of it, the text the user wrote
    /// for every plain scalar at a pointer `wants_text` accepts (where the schema expects a
    /// string): `costCenter: 0042` stays `0042`, not 42. Returns whether anything changed.
    pub fn keep_written_text(&mut self, wants_text: &dyn Fn(&str) -> bool) -> bool {
        let mut changed = false;
        for (p, text) in &self.written {
            let Some(v) = self.value.pointer_mut(p) else {
                continue;
            };
            if (v.is_number() || v.is_boolean()) && wants_text(p) {
                *v = Value::String(text.clone());
                changed = true;
            }
        }
        changed
    }
}

impl Values {
    /// [`Layer::keep_written_text`] over every layer, then merged again.
    pub fn keep_written_text(&mut self, wants_text: &dyn Fn(&str) -> bool) {
        let mut changed = false;
        for l in &mut self.layers {
            changed |= l.keep_written_text(wants_text);
        }
        if changed {
            *self = Values::from_layers(std::mem::take(&mut self.layers));
        }
    }

    /// Whether some layer holds a number or boolean at a pointer `wants_text` accepts.
    pub fn needs_written_text(&self, wants_text: &dyn Fn(&str) -> bool) -> bool {
        self.layers.iter().any(|l| {
            l.written.keys().any(|p| {
                l.value
                    .pointer(p)
                    .is_some_and(|v| v.is_number() || v.is_boolean())
                    && wants_text(p)
            })
        })
    }
}

/// A YAML document as JSON plus the position of every key, for located errors.
struct Tree {
    value: Value,
    /// (key path relative to this node, line, column)
    spans: Vec<(Vec<String>, u64, u64)>,
    /// Plain scalars YAML typed as numbers or booleans: (key path relative to this node, byte
    /// offset and length of their text).
    scalars: Vec<(Vec<String>, Option<u64>, Option<u64>)>,
    /// Where this node is written (line, column), when it was read as a [`Node`]: a list
    /// item has no key to locate it by.
    at: Option<(u64, u64)>,
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

/// A node with where its text is, so that a typed scalar can be read back as written.
struct Node(Tree);

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<Tree>::deserialize(d)?;
        let mut tree = spanned.value;
        tree.at = Some((spanned.referenced.line(), spanned.referenced.column()));
        if tree.value.is_number() || tree.value.is_boolean() {
            // `defined`: an alias (`*a`) is read where its anchor's text is.
            let span = spanned.defined.span();
            tree.scalars
                .push((Vec::new(), span.byte_offset(), span.byte_len()));
        }
        Ok(Node(tree))
    }
}

struct TreeVisitor;

impl TreeVisitor {
    fn leaf(value: Value) -> Tree {
        Tree {
            value,
            spans: Vec::new(),
            scalars: Vec::new(),
            at: None,
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
        // A whole number written as `090` or `1e3` reaches us as a float; a whole-number
        // setting takes it as the integer it is (2^53: the last integer a float holds exactly).
        if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
            return Ok(Self::leaf(Value::from(v as i64)));
        }
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
        let mut scalars = Vec::new();
        while let Some(Node(item)) = seq.next_element::<Node>()? {
            let idx = items.len().to_string();
            // A scalar item (`- rehost`) is located by its own position.
            if let Some((line, column)) = item
                .at
                .filter(|_| !item.value.is_object() && !item.value.is_array())
            {
                spans.push((vec![idx.clone()], line, column));
            }
            for (mut p, l, c) in item.spans {
                p.insert(0, idx.clone());
                spans.push((p, l, c));
            }
            for (mut p, o, n) in item.scalars {
                p.insert(0, idx.clone());
                scalars.push((p, o, n));
            }
            items.push(item.value);
        }
        Ok(Tree {
            value: Value::Array(items),
            spans,
            scalars,
            at: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Tree, A::Error> {
        let mut obj = Map::new();
        let mut spans = Vec::new();
        let mut scalars = Vec::new();
        // A key is read as text, so `0042:` and `NO:` stay what they say.
        while let Some(key) = map.next_key::<serde_saphyr::Spanned<String>>()? {
            let k = key.value;
            if obj.contains_key(&k) {
                return Err(de::Error::custom(format!(
                    "duplicate key '{k}' (line {})",
                    key.referenced.line()
                )));
            }
            let Node(child) = map.next_value()?;
            spans.push((
                vec![k.clone()],
                key.referenced.line(),
                key.referenced.column(),
            ));
            for (mut p, l, c) in child.spans {
                p.insert(0, k.clone());
                spans.push((p, l, c));
            }
            for (mut p, o, n) in child.scalars {
                p.insert(0, k.clone());
                scalars.push((p, o, n));
            }
            obj.insert(k, child.value);
        }
        Ok(Tree {
            value: Value::Object(obj),
            spans,
            scalars,
            at: None,
        })
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
    fn set_values_past_the_input_limit_are_refused() {
        let big = format!("tags.owner={}", "x".repeat(MAX_INPUT_BYTES as usize + 1));
        let Err(Error::Input(d)) = Layer::from_sets(&[big]) else {
            panic!("a value past the limit is refused")
        };
        assert_eq!(d[0].location.as_deref(), Some("--set tags.owner"));
    }

    #[test]
    fn plain_scalars_keep_their_text_where_text_is_wanted() {
        let mut l = Layer::from_str(
            "f.yaml",
            "a: 0042\nb: [NO, 1.10, &x 007, *x]\nc: {d: off, e: 12}\nf: \"3\"\n",
        )
        .unwrap();
        assert_eq!(
            l.value,
            json!({"a": 42, "b": [false, 1.1, 7, 7], "c": {"d": false, "e": 12}, "f": "3"})
        );
        assert!(l.keep_written_text(&|p| p != "/c/e"));
        assert_eq!(
            l.value,
            json!({"a": "0042", "b": ["NO", "1.10", "007", "007"], "c": {"d": "off", "e": 12}, "f": "3"})
        );
        let mut s =
            Layer::from_sets(&["a.b=0042".into(), "a.b=1.10".into(), "c=[yes]".into()]).unwrap();
        s.keep_written_text(&|_| true);
        assert_eq!(s.value, json!({"a": {"b": "1.10"}, "c": ["yes"]}));
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
