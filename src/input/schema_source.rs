//! The input schema's component definitions, derived from the settings types: a component's
//! keys, descriptions (the fields' doc comments), limits (`#[schemars(range(..))]`, `regex`,
//! `extend("x-rule" = ..)`), closed sets (`input::closed_sets`) and defaults (the type's
//! `Default`) are written once, in `input::settings`.
//!
//! `catalog/schema/landing-zone.schema.json` stays a committed file, because editors read it
//! (`meg schema`, `# yaml-language-server: $schema=`) and meg's validator is compiled from it
//! when meg is built. The `$defs` listed in [`derived`] are generated: the test below fails with
//! the difference when the file and the types disagree, and `MEG_BLESS_SCHEMA=1 cargo test
//! --release --lib schema_source` writes them into the file. The rest of the file (the top
//! level, migration, PaaS, and which `$defs` an environment refers to) is still
//! written by hand.
//!
//! Not the validation (`input::schema` reads the file, as it reads a `--catalog` overlay's),
//! and not the tier and strategy defaults: those layer over these in `catalog/presets/` and
//! `catalog/strategies/`.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::input::schema_kinds::NamedDef;
use crate::input::settings;

/// Each generated definition: its name under `$defs`, and its schema.
pub(crate) fn derived() -> Vec<(&'static str, Value)> {
    vec![
        def::<settings::Monitoring>(),
        def::<settings::KeyVault>(),
        def::<settings::Firewall>(),
        def::<settings::Bastion>(),
        def::<settings::VpnGateway>(),
        def::<settings::ExpressRoute>(),
        def::<settings::OnPremises>(),
        def::<settings::DnsResolver>(),
        def::<settings::DdosProtection>(),
        def::<settings::Arc>(),
        def::<settings::Network>(),
        def::<crate::input::hubs::PlatformHub>(),
    ]
}

/// One entry of [`derived`]: a named definition and its schema.
fn def<T: NamedDef + JsonSchema>() -> (&'static str, Value) {
    (T::NAME, def_of::<T>())
}

/// The schema of one settings type, in the dialect the hand-written file speaks.
fn def_of<T: JsonSchema>() -> Value {
    let mut settings = SchemaSettings::draft2020_12();
    settings.inline_subschemas = true;
    settings.meta_schema = None;
    let mut schema = settings
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    if let Some(root) = schema.as_object_mut() {
        // The name of the Rust type is no title for a user.
        root.remove("title");
    }
    tidy(&mut schema);
    schema
}

/// The order of a schema's keys in the file: what it is and what it means first, then its
/// limits, its default, its members. Keys not listed keep their order after these.
const KEY_ORDER: &[&str] = &[
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
///   `null` removes a layered value before validation);
/// - no `default: null` (an `Option` that defaults to nothing);
/// - no `format` on integers (`uint8`, `int64`: Rust's widths, which the `range` attributes
///   narrow anyway);
/// - a doc comment's line breaks are the source's wrapping, not the text's;
/// - keys in the order of [`KEY_ORDER`], so the file reads the same from one bless to the next.
fn tidy(node: &mut Value) {
    match node {
        Value::Object(map) => {
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
            if map.get("default") == Some(&Value::Null) {
                map.remove("default");
            }
            if map.get("type").and_then(Value::as_str) == Some("integer") {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::schema::SCHEMA_PATH;

    fn committed_path() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH)
    }

    /// The committed schema with the derived definitions put in: what the file must be.
    fn expected(committed: &Value) -> Value {
        let mut doc = committed.clone();
        for (name, def) in derived() {
            doc["$defs"][name] = def;
        }
        doc
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
        let committed: Value = serde_json::from_str(&on_disk).unwrap();
        let want = text(&expected(&committed));
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

    /// Every derived definition is one the environment and the top level refer to (a platform
    /// hub's, `hubs:`), so none is generated for nothing, and the file names no definition
    /// twice.
    #[test]
    fn every_derived_definition_is_used_by_an_environment() {
        let committed: Value =
            serde_json::from_str(&std::fs::read_to_string(committed_path()).unwrap()).unwrap();
        for (name, _) in derived() {
            let reference = Value::from(format!("#/$defs/{name}"));
            if name == crate::input::hubs::PlatformHub::NAME {
                // Each hub under `hubs:` is one.
                assert_eq!(
                    committed["properties"]["hubs"]["additionalProperties"]["$ref"],
                    reference
                );
                continue;
            }
            assert_eq!(
                committed["$defs"]["environment"]["properties"][name]["$ref"], reference,
                "{name}"
            );
            assert_eq!(committed["properties"][name]["$ref"], reference, "{name}");
        }
    }
}
