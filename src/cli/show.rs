//! `meg show`: a strategy's or component's keys, defaults and WAF notes.

use serde_json::{Value, json};

use crate::error::{Diagnostic, EXIT_OK, Error, Result, did_you_mean};
use crate::input::schema::Schema;
use crate::model::TIERS;
use crate::model::strategies::{MERGE_RULE, Strategies};
use crate::session::Session;

use super::list::{Component, component};
use super::yaml_text::yaml_lines;

/// One parameter row of `meg show`.
#[derive(Debug, serde::Serialize)]
pub(super) struct ParamRow {
    path: String,
    #[serde(rename = "type")]
    ty: String,
    default: Option<Value>,
    allowed: Option<Value>,
    description: String,
    presets: serde_json::Map<String, Value>,
}

pub(super) fn param_rows(session: &Session, keys: &[String]) -> Result<Vec<ParamRow>> {
    let presets: Vec<(&str, Value)> = TIERS
        .iter()
        .map(|t| {
            Ok((
                *t,
                session
                    .catalog
                    .yaml::<Value>(&format!("catalog/presets/{t}.yaml"))?,
            ))
        })
        .collect::<Result<_>>()?;
    let schema = session.schema()?;
    let mut rows = Vec::new();
    for key in keys {
        // Per-environment settings live in $defs; tenant-wide ones (governance) at the top. A
        // component may name a nested block (`migration.backup`).
        let node = key_node(schema, key).unwrap_or(&Value::Null);
        flatten(schema, node, key, &mut rows);
    }
    // Components share blocks (`migration` and `migration.backup`): each key once.
    let mut seen = std::collections::BTreeSet::new();
    rows.retain(|r| seen.insert(r.path.clone()));
    for row in &mut rows {
        let pointer = format!("/{}", row.path.replace('.', "/"));
        for (tier, preset) in &presets {
            if let Some(v) = preset.pointer(&pointer) {
                row.presets.insert(tier.to_string(), v.clone());
            }
        }
    }
    Ok(rows)
}

/// The schema of a key path of the landing-zone file (`firewall.tier`, `paas.applications`,
/// `migration.virtualMachines.<name>.size`): per-environment settings live in `$defs`,
/// tenant-wide ones (governance) at the top. Any segment under a map names one of its entries.
pub(super) fn key_node<'a>(schema: &'a Schema, key: &str) -> Option<&'a Value> {
    let mut parts = key.split('.');
    let first = parts.next().unwrap_or_default();
    let mut node = schema.doc["$defs"]
        .get(first)
        .or_else(|| schema.doc["properties"].get(first))?;
    for part in parts {
        let part = part.strip_suffix("[]").unwrap_or(part);
        let mut here = schema.resolve(node)?;
        // A list of objects: its fields are the item's.
        if here.get("properties").is_none()
            && let Some(items) = here.get("items")
        {
            here = schema.resolve(items)?;
        }
        node = match here.get("properties").and_then(|p| p.get(part)) {
            Some(n) => n,
            None => here.get("additionalProperties").filter(|a| a.is_object())?,
        };
    }
    Some(node)
}

pub(super) fn flatten(schema: &Schema, node: &Value, path: &str, rows: &mut Vec<ParamRow>) {
    let Some(node) = schema.resolve(node) else {
        return;
    };
    if let Some(props) = node.get("properties").and_then(Value::as_object) {
        for (k, sub) in props {
            flatten(schema, sub, &format!("{path}.{k}"), rows);
        }
        return;
    }
    // A map of objects (virtual machines, applications) or a list of objects (spokes, sites):
    // the container, then each entry's fields as `map.<name>.x` or `list[].x`.
    let containers = [
        ("additionalProperties", "map of name to object", ".<name>."),
        ("items", "list", "[]."),
    ];
    for (key, ty, joint) in containers {
        let entry = node
            .get(key)
            .filter(|e| e.is_object())
            .and_then(|e| schema.resolve(e));
        let Some(fields) = entry
            .and_then(|e| e.get("properties"))
            .and_then(Value::as_object)
        else {
            continue;
        };
        rows.push(ParamRow {
            path: path.to_string(),
            ty: ty.into(),
            default: node.get("default").cloned(),
            allowed: None,
            description: node
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            presets: serde_json::Map::new(),
        });
        for (k, sub) in fields {
            flatten(schema, sub, &format!("{path}{joint}{k}"), rows);
        }
        return;
    }
    let ty = match node.get("type") {
        Some(Value::String(t)) if t == "array" => {
            let item = node.get("items").and_then(|i| schema.resolve(i));
            let inner = item
                .and_then(|i| i.get("type"))
                .and_then(Value::as_str)
                .unwrap_or("value");
            format!("list of {inner}")
        }
        Some(Value::String(t)) if t == "object" => "map".to_string(),
        Some(Value::String(t)) => t.clone(),
        Some(other) => other.to_string(),
        None => "value".into(),
    };
    let ty = match node.get("x-kind").and_then(Value::as_str) {
        Some(kind) => format!("{ty} ({kind})"),
        None => ty,
    };
    rows.push(ParamRow {
        path: path.to_string(),
        ty,
        default: node.get("default").cloned(),
        allowed: node.get("enum").cloned(),
        description: node
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        presets: serde_json::Map::new(),
    });
}

pub(super) fn print_rows(rows: &[ParamRow]) {
    for r in rows {
        let mut line = format!("  {}  ({})", r.path, r.ty);
        if let Some(d) = &r.default {
            line.push_str(&format!("  default: {d}"));
        }
        println!("{line}");
        if let Some(a) = r.allowed.as_ref().and_then(Value::as_array) {
            let words: Vec<String> = a
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string())
                })
                .collect();
            println!("      allowed: {}", words.join(", "));
        }
        if !r.presets.is_empty() {
            let p: Vec<String> = r.presets.iter().map(|(t, v)| format!("{t}={v}")).collect();
            println!("      presets: {}", p.join("  "));
        }
        println!("      {}", r.description);
    }
}

pub(super) fn run(session: &Session, name: &str, json: bool) -> Result<i32> {
    let cat = &session.catalog;
    let strategies = cat.stems("catalog/strategies");
    let components = cat.stems("catalog/components");
    if strategies.iter().any(|s| s == name) || name.contains(',') {
        return show_strategies(session, name, json);
    }
    if components.iter().any(|c| c == name) {
        let c = component(session, name)?;
        let rows = param_rows(session, &c.settings)?;
        if json {
            let v = json!({"kind": "component", "component": c, "parameters": rows});
            println!("{}", serde_json::to_string_pretty(&v).expect("json"));
            return Ok(EXIT_OK);
        }
        println!("{} — {}\n\n{}\n", c.name, c.summary, c.description.trim());
        println!("Deploys:");
        for r in &c.resources {
            println!("  {}  /  {}\n      {}", r.arm, r.terraform, r.what);
        }
        if !c.waf.is_empty() {
            println!("\nWhy the defaults (Well-Architected Framework):");
            for w in &c.waf {
                println!("  [{}] {}", w.pillar, w.note);
            }
        }
        if !rows.is_empty() {
            println!("\nParameters:");
            print_rows(&rows);
        }
        return Ok(EXIT_OK);
    }
    // A key of the landing-zone file: its first part is a top-level key (not a `$defs` name).
    let top_level = |path: &str| {
        let first = path.split('.').next().unwrap_or_default();
        session
            .schema()
            .is_ok_and(|s| s.doc["properties"].get(first).is_some())
    };
    if top_level(name)
        && let Some(node) = key_node(session.schema()?, name)
    {
        return show_key(session, name, node, json);
    }
    // A key path whose last part is misspelt (`firewall.teir`): suggest among its siblings.
    if let Some((parent, last)) = name.rsplit_once('.')
        && top_level(parent)
        && let Some(node) =
            key_node(session.schema()?, parent).and_then(|n| session.schema().ok()?.resolve(n))
    {
        let siblings: Vec<&str> = node
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let d = Diagnostic::new(format!("'{parent}' has no key '{last}'"));
        return Err(Error::input(
            match did_you_mean(last, siblings.iter().copied()) {
                Some(s) => d.hint(format!("did you mean '{parent}.{s}'?")),
                None => d.hint(format!("its keys: {}", siblings.join(", "))),
            },
        ));
    }
    let keys: Vec<String> = session.schema()?.doc["properties"]
        .as_object()
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    let all: Vec<&str> = strategies
        .iter()
        .chain(&components)
        .chain(&keys)
        .map(String::as_str)
        .collect();
    let mut d = Diagnostic::new(format!("no strategy, component or key named '{name}'"));
    d = match did_you_mean(name, all.iter().copied()) {
        Some(s) => d.hint(format!("did you mean '{s}'?")),
        None => d.hint("`meg list` shows what the catalog holds"),
    };
    Err(Error::input(d))
}

/// `meg show <key path>`: the key's description, then its type, allowed values, default and
/// presets, and every field below it (the entries' fields of maps and lists of objects).
fn show_key(session: &Session, key: &str, node: &Value, json: bool) -> Result<i32> {
    let schema = session.schema()?;
    let description = schema
        .resolve(node)
        .and_then(|n| n.get("description"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let rows = param_rows(session, &[key.to_string()])?;
    if json {
        let v = json!({"kind": "key", "key": key, "description": description, "parameters": rows});
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
        return Ok(EXIT_OK);
    }
    println!("{key} — {description}\n");
    // A key environments cannot set (hubs, governance) is only ever written at the top level.
    let per_environment = schema.doc["$defs"]["environment"]["properties"]
        .get(key.split('.').next().unwrap_or(key))
        .is_some();
    if per_environment {
        println!(
            "Set it at the top level for every environment, or under environments.<name>; <name> stands for an entry's name you choose:"
        );
    } else {
        println!(
            "Set it at the top level of the landing-zone file; <name> stands for an entry's name you choose:"
        );
    }
    print_rows(&rows);
    Ok(EXIT_OK)
}

/// `meg show rehost` or `meg show hybrid,rehost`: the strategies (combined by the merge rule),
/// every component of their union, the merged defaults and every key of those components.
fn show_strategies(session: &Session, name: &str, json: bool) -> Result<i32> {
    let cat = &session.catalog;
    let names = Strategies::split_cli(&[name.to_string()]);
    let all = Strategies::load(cat, &names).map_err(|refused| {
        Error::Input(
            refused
                .into_iter()
                .map(|(_, d)| Diagnostic {
                    location: Some(format!("meg show {name}")),
                    ..d
                })
                .collect(),
        )
    })?;
    let union = all.components();
    let comps: Vec<Component> = union
        .iter()
        .map(|(c, _)| component(session, c))
        .collect::<Result<_>>()?;
    let mut keys: Vec<String> = Vec::new();
    // Several components share a setting (network): list each once.
    for key in comps.iter().flat_map(|c| c.settings.iter()) {
        if !keys.contains(key) {
            keys.push(key.clone());
        }
    }
    let rows = param_rows(session, &keys)?;
    let defaults = all.defaults(|c| crate::model::strategies::component_settings(cat, c));
    let combined = all.list().len() > 1;
    if json {
        let from: Vec<Value> = union
            .iter()
            .map(|(c, from)| json!({"component": c, "strategies": from}))
            .collect();
        let v = match all.list() {
            [s] => {
                json!({"kind": "strategy", "name": s.name, "summary": s.summary, "description": s.description,
                          "defaults": s.defaults, "components": comps, "parameters": rows})
            }
            list => json!({"kind": "strategies", "name": all.label(), "strategies": all.names(),
                           "summaries": list.iter().map(|s| json!({"name": s.name, "summary": s.summary})).collect::<Vec<_>>(),
                           "mergeRule": MERGE_RULE, "defaults": defaults, "components": comps,
                           "componentStrategies": from, "parameters": rows}),
        };
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
        return Ok(EXIT_OK);
    }
    if let [s] = all.list() {
        println!("{} — {}\n\n{}\n", s.name, s.summary, s.description.trim());
    } else {
        println!("{} — a combination\n", all.label());
        for s in all.list() {
            println!("  {}: {}", s.name, s.summary);
        }
        println!("\n{MERGE_RULE}\n");
    }
    println!("Components:");
    for (c, (_, from)) in comps.iter().zip(&union) {
        if combined {
            println!("  {}: {} (from {})", c.name, c.summary, from.join(", "));
        } else {
            println!("  {}: {}", c.name, c.summary);
        }
        for w in &c.waf {
            println!("      [{}] {}", w.pillar, w.note);
        }
    }
    if !defaults.is_null() && defaults != json!({}) {
        println!("\nStrategy defaults (under the environment presets and your input):");
        for line in yaml_lines(&defaults) {
            println!("  {line}");
        }
    }
    println!(
        "\nParameters (set them at the top level for every environment, or under environments.<name>):"
    );
    print_rows(&rows);
    if combined {
        println!("\nStart one: meg init --strategy {}", all.names().join(","));
    } else {
        println!("\nStart one: meg init {}", all.label());
    }
    Ok(EXIT_OK)
}
