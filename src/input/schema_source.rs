//! The input schema, derived from the types that read the input: a component's keys,
//! descriptions (the fields' doc comments), limits (`#[schemars(range(..))]`, `regex`,
//! `extend("x-rule" = ..)`), closed sets (`input::closed_sets`) and defaults (the type's
//! `Default`) are written once, in `input::settings` and its neighbours (`paas`, `naming`,
//! `governance`, `shared_defs`); the root object comes from `input::top_level`.
//!
//! `catalog/schema/landing-zone.schema.json` stays a committed file, because editors read it
//! (`meg schema`, `# yaml-language-server: $schema=`) and meg's validator is compiled from it
//! when meg is built. [`document`] generates all of it: the root, then every `$defs` entry in
//! the order of [`derived`]. The test below fails with the difference when the file and
//! the types disagree, and `MEG_BLESS_SCHEMA=1 cargo test --release --lib schema_source` writes
//! the file.
//!
//! Not the validation (`input::schema` reads the file, as it reads a `--catalog` overlay's),
//! and not the tier and strategy defaults: those layer over these in `catalog/presets/` and
//! `catalog/strategies/`.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::input::schema_kinds::NamedDef;
use crate::input::settings;

/// Each generated definition: its name under `$defs`, and its schema, in the file's order.
pub(crate) fn derived() -> Vec<(&'static str, Value)> {
    vec![
        def::<crate::input::shared_defs::Tags>(),
        def::<crate::input::shared_defs::SubscriptionId>(),
        def::<crate::input::closed_sets::LandingZoneGroup>(),
        def::<settings::Monitoring>(),
        def::<crate::input::closed_sets::LockKind>(),
        def::<settings::KeyVault>(),
        def::<settings::Network>(),
        def::<settings::Firewall>(),
        def::<settings::Bastion>(),
        def::<settings::VpnGateway>(),
        def::<settings::ExpressRoute>(),
        def::<settings::OnPremises>(),
        def::<settings::DnsResolver>(),
        def::<settings::DdosProtection>(),
        def::<settings::Arc>(),
        def::<crate::input::migration::Migration>(),
        def::<crate::input::paas::Paas>(),
        def::<settings::Settings>(),
        def::<crate::input::hubs::PlatformHub>(),
    ]
}

/// The whole schema document: the root object (`input::top_level`), then every definition
/// under `$defs` in the order of [`derived`].
pub(crate) fn document() -> Value {
    let mut doc = generate::<crate::input::top_level::LandingZoneFile>(true);
    let mut defs = serde_json::Map::new();
    for (name, def) in derived() {
        defs.insert(name.into(), def);
    }
    if let Some(root) = doc.as_object_mut() {
        root.insert("$defs".into(), Value::Object(defs));
    }
    doc
}

/// One entry of [`derived`]: a named definition and its schema.
fn def<T: NamedDef + JsonSchema>() -> (&'static str, Value) {
    (T::NAME, generate::<T>(false))
}

/// The schema of one type, in the dialect the hand-written file spoke; `root`: the document's
/// root, which names its dialect and keeps its title.
fn generate<T: JsonSchema>(root: bool) -> Value {
    let mut settings = SchemaSettings::draft2020_12();
    settings.inline_subschemas = true;
    if !root {
        settings.meta_schema = None;
    }
    let mut schema = settings
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    if let Some(map) = schema.as_object_mut()
        && !root
    {
        // The name of the Rust type is no title for a user.
        map.remove("title");
    }
    tidy(&mut schema);
    schema
}

/// The order of a schema's keys in the file: what it is and what it means first, then its
/// limits, its default, its members. Keys not listed keep their order after these.
const KEY_ORDER: &[&str] = &[
    "$schema",
    "title",
    "type",
    "description",
    "enum",
    "items",
    "minimum",
    "maximum",
    "pattern",
    "x-rule",
    "uniqueItems",
    "default",
    "examples",
    "additionalProperties",
    "properties",
    "required",
    "$comment",
];

/// Rewrites what schemars says in the words the input schema uses, at every level:
/// - a closed set's constants (`oneOf` of `const`, one per documented variant) become `enum`;
/// - an `Option` is not nullable (a missing key is how the input leaves a value out, and
///   `null` removes a layered value before validation): no `null` type, and an `anyOf` of a
///   schema and `null` (schemars' `Option` of a closed set) is that schema;
/// - no `default: null` (an `Option` that defaults to nothing);
/// - no `default` on an object with `properties` (a nested settings type): its members'
///   defaults say it, and `Schema::apply_defaults` builds the object from them; none beside a
///   `$ref` either: the definition it refers to says its own;
/// - no `format` on numbers (`uint8`, `int64`, `double`: Rust's widths, which the `range`
///   attributes narrow anyway);
/// - a doc comment's line breaks are the source's wrapping, not the text's;
/// - keys in the order of [`KEY_ORDER`], so the file reads the same from one bless to the next.
fn tidy(node: &mut Value) {
    match node {
        Value::Object(map) => {
            if let Some(Value::Array(options)) = map.get("anyOf")
                && let Some(some) = the_one_not_null(options)
            {
                map.remove("anyOf");
                for (k, v) in some {
                    map.entry(k).or_insert(v);
                }
            }
            if let Some(Value::Array(options)) = map.get("oneOf")
                && let Some(values) = options
                    .iter()
                    .map(|o| o.get("const").cloned())
                    .collect::<Option<Vec<Value>>>()
            {
                map.remove("oneOf");
                map.insert("type".into(), "string".into());
                map.insert("enum".into(), Value::Array(values));
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if map.get("default") == Some(&Value::Null)
                || map.contains_key("properties")
                || map.contains_key("$ref")
            {
                map.remove("default");
            }
            if matches!(
                map.get("type").and_then(Value::as_str),
                Some("integer" | "number")
            ) {
                map.remove("format");
            }
            if let Some(Value::String(text)) = map.get_mut("description") {
                *text = text
                    .split('\n')
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            map.values_mut().for_each(tidy);
            let rank = |k: &str| {
                KEY_ORDER
                    .iter()
                    .position(|o| *o == k)
                    .unwrap_or(KEY_ORDER.len())
            };
            let mut entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
            entries.sort_by_key(|(k, _)| rank(k));
            map.extend(entries);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// The schema of an `anyOf` of one schema and `null` (what schemars makes of an `Option` of a
/// schema without a `type`), without the `null`.
fn the_one_not_null(options: &[Value]) -> Option<serde_json::Map<String, Value>> {
    let null = serde_json::json!({"type": "null"});
    match options {
        [a, b] if *a == null => b.as_object().cloned(),
        [a, b] if *b == null => a.as_object().cloned(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::schema::SCHEMA_PATH;

    fn committed_path() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH)
    }

    fn text(doc: &Value) -> String {
        serde_json::to_string_pretty(doc).expect("a JSON value prints") + "\n"
    }

    /// The schema file holds exactly what the settings types say of their components. After
    /// changing a settings type, bless: `MEG_BLESS_SCHEMA=1 cargo test --release --lib
    /// schema_source`, and commit the file with the type.
    #[test]
    fn the_schema_file_holds_the_settings_types_definitions() {
        let path = committed_path();
        let on_disk = std::fs::read_to_string(&path).unwrap();
        let want = text(&document());
        if std::env::var_os("MEG_BLESS_SCHEMA").is_some() {
            std::fs::write(&path, &want).unwrap();
            return;
        }
        if on_disk != want {
            let diff = similar::TextDiff::from_lines(on_disk.as_str(), want.as_str())
                .unified_diff()
                .header(SCHEMA_PATH, "derived from src/input/settings.rs")
                .to_string();
            panic!(
                "{SCHEMA_PATH} differs from the settings types; if the types are right, run \
                 `MEG_BLESS_SCHEMA=1 cargo test --release --lib schema_source` and commit \
                 the file:\n{diff}"
            );
        }
    }

    /// Every `$ref` in the document, in order.
    fn references(node: &Value, out: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    out.push(r.clone());
                }
                map.values().for_each(|v| references(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| references(v, out)),
            _ => {}
        }
    }

    /// Every derived definition is referred to (none is generated for nothing), the list names
    /// none twice, and every reference in the file names a definition the file has.
    #[test]
    fn every_derived_definition_is_referred_to() {
        let doc = document();
        let mut refs = Vec::new();
        references(&doc, &mut refs);
        let mut names = std::collections::BTreeSet::new();
        for (name, _) in derived() {
            assert!(names.insert(name), "{name} is derived twice");
            let reference = format!("#/$defs/{name}");
            assert!(refs.contains(&reference), "nothing refers to {name}");
        }
        for r in refs {
            let name = r.strip_prefix("#/$defs/").expect("a local reference");
            assert!(doc["$defs"].get(name).is_some(), "{r} names no definition");
        }
    }
}
