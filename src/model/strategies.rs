//! The strategies one landing zone combines: one (`strategy: rehost`) or several
//! (`strategy: [hybrid, rehost, refactor]`), put in the canonical order, with the union of
//! their components, their defaults merged by one documented rule, and their starters combined.
//!
//! The merge rule (also in the schema's description of `strategy`, `meg show` and the README):
//! - strategies are taken in the canonical order, hybrid, rehost, refactor (a catalog overlay's
//!   own strategies after them, by name), whatever order the file lists them in;
//! - the components are the union, each strategy's in its own order, each component once;
//! - the defaults merge deeply in that order: a later strategy's value wins a conflict, lists
//!   are joined (each item once), and an `enabled` switch is on when any strategy turns it on;
//! - a strategy's default that switches something off (`bastion.enabled: false` in refactor)
//!   is dropped when another listed strategy has a component configured by that key (rehost
//!   and hybrid have `bastion`): the presets, the schema default and the input decide it.
//!
//! Not here: the strategies' texts (`catalog/strategies/*.yaml`), and where the merged
//! defaults sit under the presets and the input (`LandingZone::resolve`).

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::catalog::Catalog;
use crate::error::{Diagnostic, did_you_mean};

/// A strategy as the catalog describes it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Strategy {
    /// `hybrid`, `rehost` or `refactor`.
    pub name: String,
    /// One line.
    pub summary: String,
    /// A paragraph.
    pub description: String,
    /// Components, in the order they are explained.
    pub components: Vec<String>,
    /// Settings this strategy starts from, under the presets and the input.
    #[serde(default)]
    pub defaults: Value,
    /// The values `meg init` starts a file from.
    #[serde(default)]
    pub starter: Value,
}

impl Strategy {
    /// Reads a strategy from the catalog, with a did-you-mean when it does not exist.
    pub fn load(catalog: &Catalog, name: &str) -> Result<Self, Diagnostic> {
        let known = catalog.stems("catalog/strategies");
        if !known.iter().any(|k| k == name) {
            let mut d = Diagnostic::new(format!("unknown strategy '{name}'"));
            d = match did_you_mean(name, known.iter().map(String::as_str)) {
                Some(s) => d.hint(format!("did you mean '{s}'?")),
                None => d.hint(format!("strategies: {}", known.join(", "))),
            };
            return Err(d);
        }
        catalog
            .yaml(&format!("catalog/strategies/{name}.yaml"))
            .map_err(|e| Diagnostic::new(e.to_string()))
    }
}

/// The canonical order of the reference strategies: connectivity first, then the servers
/// moved as they are, then the applications rebuilt. A later strategy's default wins a conflict.
pub const CANONICAL: [&str; 3] = ["hybrid", "rehost", "refactor"];

/// The merge rule in one paragraph, as the schema, `meg show` and `meg list` state it.
pub const MERGE_RULE: &str = "Several strategies combine in the order hybrid, rehost, refactor \
(whatever order the list has): the landing zone deploys the union of their components; their \
defaults merge in that order (a later strategy's value wins, lists are joined, an `enabled` \
switch is on when any strategy turns it on), and a default that switches off a component \
another listed strategy has (refactor's `bastion.enabled: false` beside rehost or hybrid) is \
dropped, so the presets, the schema default and your input decide it.";

/// The strategies of one landing zone, in canonical order (never empty, each once).
#[derive(Debug, Clone)]
pub struct Strategies {
    list: Vec<Strategy>,
}

/// A strategy name that cannot be used, and which one of the names given it is (`None`: the
/// whole value, such as an empty list).
pub type Refusal = (Option<usize>, Diagnostic);

impl Strategies {
    /// The names a `strategy:` value gives: one string, or a list of strings.
    pub fn names_of(value: &Value) -> Vec<String> {
        match value {
            Value::String(s) => vec![s.clone()],
            Value::Array(items) => items
                .iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A comma list or repeated names from the command line (`hybrid,rehost --strategy refactor`).
    pub fn split_cli(given: &[String]) -> Vec<String> {
        given
            .iter()
            .flat_map(|g| g.split(','))
            .map(|s| s.trim().to_string())
            .collect()
    }

    /// Loads the named strategies; every unknown, duplicate or empty name is refused with the
    /// index of the name it concerns.
    pub fn load(catalog: &Catalog, names: &[String]) -> Result<Self, Vec<Refusal>> {
        let known = catalog.stems("catalog/strategies");
        if names.is_empty() {
            return Err(vec![(
                None,
                Diagnostic::new("the list of strategies is empty").hint(format!(
                    "name one strategy or several: {}",
                    known.join(", ")
                )),
            )]);
        }
        let mut refused = Vec::new();
        let mut list: Vec<Strategy> = Vec::new();
        for (i, name) in names.iter().enumerate() {
            if let Some(first) = names[..i].iter().position(|n| n == name) {
                refused.push((
                    Some(i),
                    Diagnostic::new(format!(
                        "strategy '{name}' is listed twice (item {} and item {})",
                        first + 1,
                        i + 1
                    ))
                    .hint("list each strategy once"),
                ));
                continue;
            }
            if name.is_empty() {
                refused.push((
                    Some(i),
                    Diagnostic::new("an empty strategy name")
                        .hint(format!("strategies: {}", known.join(", "))),
                ));
                continue;
            }
            match Strategy::load(catalog, name) {
                Ok(s) => list.push(s),
                Err(d) => refused.push((Some(i), d)),
            }
        }
        if !refused.is_empty() {
            return Err(refused);
        }
        list.sort_by_key(|s| rank(&s.name));
        Ok(Strategies { list })
    }

    /// The strategies, in canonical order.
    pub fn list(&self) -> &[Strategy] {
        &self.list
    }

    /// Their names, in canonical order.
    pub fn names(&self) -> Vec<String> {
        self.list.iter().map(|s| s.name.clone()).collect()
    }

    /// How titles name the combination: `rehost`, or `hybrid + rehost + refactor`.
    pub fn label(&self) -> String {
        self.names().join(" + ")
    }

    /// The union of the components, each once, with the strategies that bring it.
    pub fn components(&self) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for s in &self.list {
            for c in &s.components {
                match out.iter_mut().find(|(name, _)| name == c) {
                    Some((_, from)) => from.push(s.name.clone()),
                    None => out.push((c.clone(), vec![s.name.clone()])),
                }
            }
        }
        out
    }

    /// The merged defaults, by the rule of this module's documentation. `settings_of` gives
    /// the keys a component is configured by (its `settings` in `catalog/components/`).
    pub fn defaults(&self, settings_of: impl Fn(&str) -> Vec<String>) -> Value {
        let mut out = json!({});
        for s in &self.list {
            join(&mut out, &s.defaults, Conflict::LaterWins);
        }
        if self.list.len() < 2 {
            return out;
        }
        for s in &self.list {
            for key in off_switches(&s.defaults, "") {
                let needed = self
                    .list
                    .iter()
                    .filter(|o| o.name != s.name)
                    .any(|o| o.components.iter().any(|c| settings_of(c).contains(&key)));
                let pointer = format!("/{}", key.replace('.', "/"));
                if needed
                    && let Some(Value::Object(block)) = out.pointer_mut(&pointer)
                    && block.get("enabled") == Some(&Value::Bool(false))
                {
                    block.remove("enabled");
                }
            }
        }
        out
    }

    /// The starters combined: maps merge, lists of named entries (spokes, sites) join by
    /// name, other lists join, and the first strategy's value wins a conflict; `strategy`
    /// names the combination.
    pub fn starter(&self) -> Value {
        let mut out = json!({});
        for s in &self.list {
            join(&mut out, &s.starter, Conflict::FirstWins);
        }
        if let Value::Object(m) = &mut out {
            let value = match self.list.as_slice() {
                [one] => json!(one.name),
                _ => json!(self.names()),
            };
            m.insert("strategy".into(), value);
        }
        out
    }
}

/// Where a strategy falls in the canonical order.
fn rank(name: &str) -> (usize, String) {
    (
        CANONICAL
            .iter()
            .position(|c| *c == name)
            .unwrap_or(CANONICAL.len()),
        name.to_string(),
    )
}

/// Which value wins when two strategies give a key different values.
#[derive(Clone, Copy)]
enum Conflict {
    LaterWins,
    FirstWins,
}

/// Merges `over` into `base`: maps deeply, lists joined (entries with the same `name` merged),
/// `enabled` switches or-ed, other conflicts by `conflict`.
fn join(base: &mut Value, over: &Value, conflict: Conflict) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(Value::Bool(on)) if k == "enabled" && v.is_boolean() => {
                        *on = *on || v.as_bool() == Some(true);
                    }
                    Some(bv) => join(bv, v, conflict),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (Value::Array(b), Value::Array(o)) => {
            for item in o {
                let named = item.get("name").filter(|n| n.is_string());
                let same = named.and_then(|n| b.iter().position(|x| x.get("name") == Some(n)));
                match same {
                    Some(i) => join(&mut b[i], item, conflict),
                    None if !b.contains(item) => b.push(item.clone()),
                    None => {}
                }
            }
        }
        (b, o) => {
            if matches!(conflict, Conflict::LaterWins) {
                *b = o.clone();
            }
        }
    }
}

/// The dotted keys of the blocks whose `enabled` a strategy's defaults set to false.
fn off_switches(defaults: &Value, prefix: &str) -> Vec<String> {
    let Value::Object(m) = defaults else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if m.get("enabled") == Some(&Value::Bool(false)) && !prefix.is_empty() {
        out.push(prefix.to_string());
    }
    for (k, v) in m {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        out.extend(off_switches(v, &key));
    }
    out
}

/// The keys a component is configured by, from the catalog (none when it cannot be read).
pub fn component_settings(catalog: &Catalog, component: &str) -> Vec<String> {
    catalog
        .yaml::<Value>(&format!("catalog/components/{component}.yaml"))
        .ok()
        .and_then(|v| serde_json::from_value(v["settings"].clone()).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strategy(name: &str, components: &[&str], defaults: Value) -> Strategy {
        Strategy {
            name: name.into(),
            summary: String::new(),
            description: String::new(),
            components: components.iter().map(|c| c.to_string()).collect(),
            defaults,
            starter: Value::Null,
        }
    }

    #[test]
    fn an_off_switch_another_strategy_needs_is_dropped() {
        let s = Strategies {
            list: vec![
                strategy(
                    "rehost",
                    &["bastion"],
                    json!({"migration": {"enabled": true}}),
                ),
                strategy(
                    "refactor",
                    &["paas"],
                    json!({"bastion": {"enabled": false, "sku": "Basic"}, "paas": {"enabled": true}}),
                ),
            ],
        };
        let settings = |c: &str| vec![c.to_string()];
        let d = s.defaults(settings);
        assert_eq!(d["bastion"], json!({"sku": "Basic"}));
        assert_eq!(d["migration"]["enabled"], json!(true));
    }

    #[test]
    fn an_off_switch_alone_stays() {
        let s = Strategies {
            list: vec![strategy(
                "refactor",
                &["paas"],
                json!({"bastion": {"enabled": false}}),
            )],
        };
        assert_eq!(
            s.defaults(|c| vec![c.to_string()])["bastion"]["enabled"],
            json!(false)
        );
    }

    #[test]
    fn lists_join_and_switches_or() {
        let mut a = json!({"zones": ["a", "b"], "x": {"enabled": true}, "tier": "Basic"});
        join(
            &mut a,
            &json!({"zones": ["b", "c"], "x": {"enabled": false}, "tier": "Premium"}),
            Conflict::LaterWins,
        );
        assert_eq!(
            a,
            json!({"zones": ["a", "b", "c"], "x": {"enabled": true}, "tier": "Premium"})
        );
    }
}
