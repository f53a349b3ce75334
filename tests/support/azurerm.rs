//! Terraform `resource` and `data` blocks checked against the azurerm provider's schema
//! (`tests/data/azurerm-schema.json`): real types, real arguments and blocks, required ones set.
//!
//! It reads HCL with hcl-rs's span-keeping parser (`hcl::edit`) so each finding has a place.
//! It checks names and presence only, not types or values: `terraform validate` in CI does that.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::OnceLock;

use hcl::edit::Span;
use hcl::edit::structure::{Block, BlockLabel, Body};
use serde::Deserialize;

use super::examples::manifest_dir;

/// Arguments Terraform itself gives every resource and data source.
const META_ARGUMENTS: [&str; 4] = ["count", "for_each", "depends_on", "provider"];
/// Blocks Terraform itself gives every resource.
const META_BLOCKS: [&str; 3] = ["lifecycle", "provisioner", "connection"];
/// What a `dynamic` block may hold besides `content`.
const DYNAMIC_ARGUMENTS: [&str; 3] = ["for_each", "iterator", "labels"];

/// Providers other than azurerm that templates may use, by type prefix, with the reason their
/// blocks are not checked here. Everything else must be an azurerm type.
pub const OTHER_PROVIDERS: [(&str, &str); 1] = [(
    "azapi_",
    "azure/azapi calls ARM directly (the Azure Migrate project, which azurerm lacks); this schema is azurerm's, and .ci/offline-validate checks azapi blocks against its hand-written azapi schema",
)];

/// The provider's resources and data sources.
#[derive(Deserialize)]
pub struct Schema {
    resources: BTreeMap<String, BlockSchema>,
    data_sources: BTreeMap<String, BlockSchema>,
}

/// The arguments and nested blocks of a resource, data source or block.
#[derive(Deserialize, Default)]
pub struct BlockSchema {
    #[serde(default)]
    args: BTreeMap<String, Required>,
    #[serde(default)]
    blocks: BTreeMap<String, BlockSchema>,
    #[serde(default)]
    required: bool,
}

#[derive(Deserialize)]
struct Required {
    required: bool,
}

/// A finding at a byte offset of the file.
#[derive(Debug)]
pub struct Finding {
    /// Byte offset it points at.
    pub offset: usize,
    /// What is wrong, naming the block path.
    pub message: String,
}

impl Schema {
    /// The vendored azurerm schema, read once.
    pub fn get() -> &'static Schema {
        static SCHEMA: OnceLock<Schema> = OnceLock::new();
        SCHEMA.get_or_init(|| {
            let path = manifest_dir().join("tests/data/azurerm-schema.json");
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            Schema::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
    }

    /// A schema from its JSON text.
    pub fn from_json(text: &str) -> Result<Schema, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Checks every `resource` and `data` block of a `.tf` file; `Err` when it does not parse.
    pub fn check(&self, text: &str) -> Result<Vec<Finding>, String> {
        let body = hcl::edit::parser::parse_body(text).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        for block in body.blocks() {
            let (kind, types) = match block.ident.as_str() {
                "resource" => ("resource", &self.resources),
                "data" => ("data", &self.data_sources),
                _ => continue,
            };
            let ty = label(block, 0);
            if OTHER_PROVIDERS
                .iter()
                .any(|(prefix, _)| ty.starts_with(prefix))
            {
                continue;
            }
            let at = start(block.span());
            let path = format!("{kind} \"{ty}\" \"{}\"", label(block, 1));
            match types.get(ty) {
                Some(schema) => check_body(&block.body, schema, true, &path, at, &mut out),
                None => out.push(Finding {
                    offset: at,
                    message: format!(
                        "{path}: `{ty}` is not a {} of azurerm 4.55{}",
                        if kind == "resource" {
                            "resource"
                        } else {
                            "data source"
                        },
                        suggest(ty, types.keys())
                    ),
                }),
            }
        }
        Ok(out)
    }
}

/// Checks a block body against its schema; `top` for the body of the resource itself, where
/// meta-arguments live and `id` is the provider's, not an argument.
fn check_body(
    body: &Body,
    schema: &BlockSchema,
    top: bool,
    path: &str,
    at: usize,
    out: &mut Vec<Finding>,
) {
    let mut set_args = BTreeSet::new();
    let mut set_blocks = BTreeSet::new();
    for attr in body.attributes() {
        let key = attr.key.as_str();
        let offset = start(attr.span());
        if top && META_ARGUMENTS.contains(&key) {
            continue;
        }
        if top && key == "id" {
            out.push(Finding {
                offset,
                message: format!("{path}: `id` is computed by the provider and cannot be set"),
            });
        } else if schema.args.contains_key(key) {
            set_args.insert(key);
        } else {
            out.push(Finding {
                offset,
                message: format!(
                    "{path}: `{key}` is not an argument here{}",
                    suggest(key, arguments(schema, top))
                ),
            });
        }
    }
    for block in body.blocks() {
        let ident = block.ident.as_str();
        let offset = start(block.span());
        if top && META_BLOCKS.contains(&ident) {
            continue;
        }
        let (name, dynamic) = if ident == "dynamic" {
            (label(block, 0), true)
        } else {
            (ident, false)
        };
        let Some(nested) = schema.blocks.get(name) else {
            out.push(Finding {
                offset,
                message: format!(
                    "{path}: `{name}` is not a block here{}",
                    suggest(name, schema.blocks.keys())
                ),
            });
            continue;
        };
        set_blocks.insert(name);
        let inner = format!("{path} > {name}");
        if dynamic {
            check_dynamic(block, nested, path, &inner, out);
        } else {
            check_body(&block.body, nested, false, &inner, offset, out);
        }
    }
    for (arg, req) in &schema.args {
        if req.required && !set_args.contains(arg.as_str()) {
            out.push(Finding {
                offset: at,
                message: format!("{path}: required argument `{arg}` is not set"),
            });
        }
    }
    for (name, block) in &schema.blocks {
        if block.required && !set_blocks.contains(name.as_str()) {
            out.push(Finding {
                offset: at,
                message: format!("{path}: required block `{name}` is missing"),
            });
        }
    }
}

/// Checks a `dynamic "<name>"` block: its own arguments, and its `content` as a `<name>` block.
fn check_dynamic(
    block: &Block,
    schema: &BlockSchema,
    path: &str,
    inner: &str,
    out: &mut Vec<Finding>,
) {
    let name = label(block, 0);
    let offset = start(block.span());
    for attr in block.body.attributes() {
        if !DYNAMIC_ARGUMENTS.contains(&attr.key.as_str()) {
            out.push(Finding {
                offset: start(attr.span()),
                message: format!(
                    "{path}: dynamic \"{name}\" takes for_each, iterator, labels and content, not `{}`",
                    attr.key.as_str()
                ),
            });
        }
    }
    if !block.body.has_attribute("for_each") {
        out.push(Finding {
            offset,
            message: format!("{path}: dynamic \"{name}\" has no for_each"),
        });
    }
    let contents: Vec<&Block> = block.body.get_blocks("content").collect();
    match contents.as_slice() {
        [content] => check_body(
            &content.body,
            schema,
            false,
            inner,
            start(content.span()),
            out,
        ),
        _ => out.push(Finding {
            offset,
            message: format!(
                "{path}: dynamic \"{name}\" needs exactly one content block, has {}",
                contents.len()
            ),
        }),
    }
    for other in block
        .body
        .blocks()
        .filter(|b| b.ident.as_str() != "content")
    {
        out.push(Finding {
            offset: start(other.span()),
            message: format!(
                "{path}: dynamic \"{name}\" holds a `{}` block outside its content",
                other.ident.as_str()
            ),
        });
    }
}

/// The arguments a body may set (the resource's own `id` excepted).
fn arguments(schema: &BlockSchema, top: bool) -> impl Iterator<Item = &String> {
    schema
        .args
        .keys()
        .filter(move |k| !(top && k.as_str() == "id"))
}

fn label(block: &Block, i: usize) -> &str {
    match block.labels.get(i) {
        Some(BlockLabel::String(s)) => s.as_str(),
        Some(BlockLabel::Ident(id)) => id.as_str(),
        None => "",
    }
}

fn start(span: Option<Range<usize>>) -> usize {
    span.map_or(0, |r| r.start)
}

/// `" (did you mean `x`?)"` for the closest known name, when one is close enough.
fn suggest<'a>(name: &str, known: impl Iterator<Item = &'a String>) -> String {
    known
        .map(|k| (edit_distance(name, k), k))
        .filter(|(d, k)| *d <= 3.max(k.len() / 4))
        .min()
        .map(|(_, k)| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
