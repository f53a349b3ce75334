//! The landing-zone input schema (`catalog/schema/landing-zone.schema.json`): what a
//! landing-zone file may hold. Validation, defaults, `meg show` and `meg init` all read it. Its
//! component definitions are generated from the settings types (`input::schema_source`); the
//! rest is written in the file.

use jsonschema::error::ValidationErrorKind;
use serde_json::{Map, Value};

use crate::catalog::Catalog;
use crate::cidr::Cidr;
use crate::error::{Diagnostic, Error, Result, did_you_mean};
use crate::input::regions::Regions;
use crate::input::values::{Values, key_path, kind_of};

/// The `pattern` keyword of a schema compiled at run time (an overlay's), with its regular
/// expression compiled by regex-lite. jsonschema compiles patterns with fancy-regex, which took
/// 3.2 ms of the 3.8 ms our schema took to compile; regex-lite compiles all of them in 0.3 ms
/// and matches the short strings of a landing zone quickly enough. A failure is reported with
/// the pattern as its message.
struct Pattern {
    pattern: String,
    regex: regex_lite::Regex,
}

impl Pattern {
    fn compile<'a>(
        _: &'a Map<String, Value>,
        value: &'a Value,
        _: jsonschema::paths::Location,
    ) -> std::result::Result<
        Box<dyn for<'i> jsonschema::Keyword<'i>>,
        jsonschema::ValidationError<'a>,
    > {
        let pattern = value
            .as_str()
            .ok_or_else(|| jsonschema::ValidationError::schema("a pattern is a string"))?;
        let regex = regex_lite::Regex::new(pattern).map_err(|e| {
            jsonschema::ValidationError::schema(format!("pattern {pattern} is not valid: {e}"))
        })?;
        Ok(Box::new(Pattern {
            pattern: pattern.to_string(),
            regex,
        }))
    }
}

impl<'i> jsonschema::Keyword<'i> for Pattern {
    fn validate(
        &self,
        instance: &'i Value,
    ) -> std::result::Result<(), jsonschema::ValidationError<'i>> {
        if self.is_valid(instance) {
            Ok(())
        } else {
            Err(jsonschema::ValidationError::custom(self.pattern.clone()))
        }
    }

    fn is_valid(&self, instance: &'i Value) -> bool {
        // As JSON Schema says: only strings are checked, and a match anywhere counts.
        instance.as_str().is_none_or(|s| self.regex.is_match(s))
    }
}

/// Path of the schema inside the catalog.
pub const SCHEMA_PATH: &str = "catalog/schema/landing-zone.schema.json";

/// The embedded catalog's schema, turned into validation code when meg is built: compiling it
/// at run time was the largest step of a render before the templates.
#[jsonschema::validator(path = "catalog/schema/landing-zone.schema.json")]
struct EmbeddedSchema;

/// The parsed and compiled input schema.
pub struct Schema {
    /// The schema document.
    pub doc: Value,
    /// Whether the document is the embedded catalog's, which [`EmbeddedSchema`] validates.
    embedded: bool,
    /// A schema from a `--catalog` overlay, compiled on first use: `show` and `init` only read
    /// the document.
    validator: std::sync::OnceLock<std::result::Result<jsonschema::Validator, String>>,
}

impl Schema {
    /// Loads the catalog's schema; an overlay's is compiled when first needed.
    pub fn load(catalog: &Catalog) -> Result<Self> {
        let doc: Value = catalog.json(SCHEMA_PATH)?;
        Ok(Schema {
            doc,
            embedded: catalog.is_embedded(SCHEMA_PATH),
            validator: std::sync::OnceLock::new(),
        })
    }

    /// The compiled schema, or why the catalog's schema does not compile.
    fn validator(&self) -> Result<&jsonschema::Validator> {
        self.validator
            .get_or_init(|| {
                jsonschema::options()
                    .with_keyword("pattern", Pattern::compile)
                    .build(&self.doc)
                    .map_err(|e| format!("{SCHEMA_PATH}: {e}"))
            })
            .as_ref()
            .map_err(|e| Error::Catalog(e.clone()))
    }

    /// Checks the merged values; every problem becomes one located diagnostic.
    pub fn validate(&self, values: &Values) -> Result<()> {
        let mut diags: Vec<(String, Diagnostic)> = Vec::new();
        let errors = if self.embedded {
            EmbeddedSchema::iter_errors(&values.merged)
        } else {
            self.validator()?.iter_errors(&values.merged)
        };
        diags.extend(self.entries_without_body(values));
        let emptied: Vec<String> = diags.iter().map(|(p, _)| p.clone()).collect();
        for err in errors {
            let pointer = err.instance_path().as_str().to_string();
            // A map left empty by an entry without a body: the entry says it.
            if matches!(err.kind(), ValidationErrorKind::MinProperties { .. })
                && emptied.iter().any(|e| {
                    e.rsplit_once('/')
                        .is_some_and(|(parent, _)| parent == pointer)
                })
            {
                continue;
            }
            // The validator built into meg reports a bad key by the keyword of `propertyNames`
            // it broke; a compiled one wraps that in a propertyNames error.
            let bad_key = !matches!(err.kind(), ValidationErrorKind::PropertyNames { .. })
                && err.schema_path().as_str().contains("/propertyNames/");
            let found = if bad_key {
                self.bad_key(&pointer, err.instance(), &err.to_string())
            } else {
                self.describe(&pointer, err.kind(), err.instance(), values)
            };
            for d in found {
                diags.push((pointer.clone(), d));
            }
        }
        if diags.is_empty() {
            return Ok(());
        }
        diags.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.message.cmp(&b.1.message)));
        diags.dedup_by(|a, b| a.1 == b.1);
        Err(Error::Input(diags.into_iter().map(|(_, d)| d).collect()))
    }

    /// An entry of a map keyed by the user's names (an environment, a spoke, a server)
    /// written with nothing under it (`dev:`): YAML reads it as null, layering as "remove",
    /// and the entry would vanish without a word. Said of each, where it is written.
    fn entries_without_body(&self, values: &Values) -> Vec<(String, Diagnostic)> {
        values
            .empty_keys()
            .into_iter()
            .filter_map(|p| {
                let (parent, token) = p.rsplit_once('/')?;
                let key = token.replace("~1", "/").replace("~0", "~");
                let map = self.at(parent)?;
                let named_entry = map.get("properties").and_then(|ps| ps.get(&key)).is_none()
                    && map
                        .get("additionalProperties")
                        .and_then(|a| self.resolve(a))
                        .and_then(|a| a.get("type"))
                        .and_then(Value::as_str)
                        == Some("object");
                named_entry.then(|| {
                    let d = Diagnostic::at(
                        values.locate(&p),
                        format!("'{key}' has no body: nothing is written under it"),
                    )
                    .hint(format!("write the settings of '{key}' indented under it"));
                    (p, d)
                })
            })
            .collect()
    }

    fn describe(
        &self,
        pointer: &str,
        kind: &ValidationErrorKind,
        found: &Value,
        values: &Values,
    ) -> Vec<Diagnostic> {
        let one = |msg: String| vec![Diagnostic::at_key(pointer, msg)];
        match kind {
            ValidationErrorKind::AdditionalProperties { unexpected } => unexpected
                .iter()
                .map(|key| {
                    let child = format!("{pointer}/{}", crate::input::values::pointer_token(key));
                    let known = self.property_names(pointer, values);
                    let mut d = Diagnostic::at_key(&child, format!("unknown key '{key}'"));
                    d = match did_you_mean(key, known.iter().map(String::as_str)) {
                        Some(s) => d.hint(format!("did you mean '{s}'?")),
                        None if known.is_empty() => d,
                        None => d.hint(format!("known keys here: {}", known.join(", "))),
                    };
                    d
                })
                .collect(),
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                let child = format!("{pointer}/{name}");
                let mut d = Diagnostic::at_key(
                    pointer,
                    format!("missing required key '{}'", key_path(&child)),
                );
                if let Some(desc) = self
                    .at(&child)
                    .and_then(|s| s.get("description"))
                    .and_then(Value::as_str)
                {
                    d = d.hint(desc.to_string());
                }
                vec![d]
            }
            ValidationErrorKind::Type { kind } => one(format!(
                "expected {}, found {} ({})",
                type_words(kind),
                kind_of(found),
                short(found)
            )),
            ValidationErrorKind::Enum { options } => {
                let opts: Vec<String> = options
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(short)
                    .collect();
                let mut d = Diagnostic::at_key(
                    pointer,
                    format!(
                        "expected one of {}, found {}",
                        opts.join(", "),
                        short(found)
                    ),
                );
                if let Some(s) = found.as_str() {
                    let plain: Vec<&str> = options
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .collect();
                    if let Some(m) = did_you_mean(s, plain) {
                        d = d.hint(format!("did you mean '{m}'?"));
                    }
                }
                vec![d]
            }
            ValidationErrorKind::Pattern { pattern }
            | ValidationErrorKind::Custom {
                keyword: _,
                message: pattern,
            } => {
                // The rule in words (`x-rule` beside every pattern of meg's schema); an
                // overlay's pattern without words is shown as it is.
                let rule = self
                    .at(pointer)
                    .and_then(|s| s.get("x-rule"))
                    .and_then(Value::as_str)
                    .map_or_else(|| format!("it must match {pattern}"), str::to_string);
                let mut d = Diagnostic::at_key(
                    pointer,
                    format!("{} does not have the expected form: {rule}", short(found)),
                );
                if let Some(desc) = self
                    .at(pointer)
                    .and_then(|s| s.get("description"))
                    .and_then(Value::as_str)
                {
                    d = d.hint(desc.to_string());
                }
                vec![d]
            }
            ValidationErrorKind::PropertyNames { error } => {
                self.bad_key(pointer, error.instance(), &error.to_string())
            }
            // Where the second one is, so the message points at the line to delete.
            ValidationErrorKind::UniqueItems if let Some((first, again)) = first_repeat(found) => {
                vec![
                    Diagnostic::at_key(
                        format!("{pointer}/{again}"),
                        format!(
                            "{} is listed twice (items {} and {})",
                            short(&found[again]),
                            first + 1,
                            again + 1
                        ),
                    )
                    .hint("list each one once"),
                ]
            }
            // An empty list of a closed set: say what it takes.
            ValidationErrorKind::MinItems { .. }
                if let Some(options) = self
                    .at(pointer)
                    .and_then(|s| s.get("items"))
                    .and_then(|i| i.get("enum"))
                    .and_then(Value::as_array) =>
            {
                let opts: Vec<String> = options.iter().map(short).collect();
                vec![
                    Diagnostic::at_key(
                        pointer,
                        format!("{} is not valid: {}", short(found), self.plain(kind, found)),
                    )
                    .hint(format!("name one or more of {}", opts.join(", "))),
                ]
            }
            _ => one(format!(
                "{} is not valid: {}",
                short(found),
                self.plain(kind, found)
            )),
        }
    }

    /// A key of the object at `pointer` that its `propertyNames` rule refuses, in that rule's
    /// words (its description), else in the validator's.
    fn bad_key(&self, pointer: &str, key: &Value, error: &str) -> Vec<Diagnostic> {
        let name = key.as_str().unwrap_or_default();
        let rule = self
            .at(pointer)
            .and_then(|n| n.get("propertyNames"))
            .and_then(|p| p.get("description").or_else(|| p.get("x-rule")))
            .and_then(Value::as_str)
            .unwrap_or_else(|| first_line(error));
        let child = format!("{pointer}/{}", crate::input::values::pointer_token(name));
        let shown: String = name.chars().take(60).collect();
        let shown = if shown.len() < name.len() {
            format!("{shown}…")
        } else {
            shown
        };
        let names = self.at(pointer).and_then(|n| n.get("propertyNames"));
        let limit = |k: &str| names.and_then(|n| n.get(k)).and_then(Value::as_u64);
        let length = name.chars().count() as u64;
        // Why, when the length alone says it: the rule's words then follow.
        let why = match (limit("minLength"), limit("maxLength")) {
            (_, Some(max)) if length > max => {
                format!(" ({length} characters; the limit is {max})")
            }
            (Some(min), _) if length < min => {
                format!(" ({length} character(s); at least {min})")
            }
            _ => String::new(),
        };
        let mut d = Diagnostic::at_key(
            &child,
            format!("'{shown}' is not an allowed name here{why}: {rule}"),
        );
        // `Prod` for `prod`: the same name in the case the rule wants.
        let lower = name.to_lowercase();
        if lower != name && self.allows_key(names, &lower) {
            d = d.hint(format!("did you mean '{lower}'?"));
        }
        vec![d]
    }

    /// Whether a `propertyNames` rule (its pattern and lengths) accepts a key.
    fn allows_key(&self, names: Option<&Value>, key: &str) -> bool {
        let Some(names) = names else {
            return false;
        };
        let length = key.chars().count() as u64;
        let get = |k: &str| names.get(k).and_then(Value::as_u64);
        get("minLength").is_none_or(|m| length >= m)
            && get("maxLength").is_none_or(|m| length <= m)
            && names
                .get("pattern")
                .and_then(Value::as_str)
                .is_none_or(|p| regex_lite::Regex::new(p).is_ok_and(|r| r.is_match(key)))
    }

    fn plain(&self, kind: &ValidationErrorKind, found: &Value) -> String {
        match kind {
            ValidationErrorKind::Minimum { limit } => format!("the minimum is {limit}"),
            ValidationErrorKind::Maximum { limit } => format!("the maximum is {limit}"),
            ValidationErrorKind::MinLength { limit } => {
                format!("it must be at least {limit} characters")
            }
            ValidationErrorKind::MaxLength { limit } => {
                format!("it must be at most {limit} characters")
            }
            ValidationErrorKind::MinItems { limit } => format!("it needs at least {limit} item(s)"),
            ValidationErrorKind::MaxItems { limit } => format!("it allows at most {limit} item(s)"),
            ValidationErrorKind::MinProperties { limit } => match limit {
                1 => "it needs at least one entry".to_string(),
                n => format!("it needs at least {n} entries"),
            },
            ValidationErrorKind::MaxProperties { limit } => {
                format!("it allows at most {limit} entries")
            }
            ValidationErrorKind::UniqueItems => "an item appears twice".to_string(),
            ValidationErrorKind::ExclusiveMinimum { limit } => {
                format!("it must be more than {limit}")
            }
            ValidationErrorKind::ExclusiveMaximum { limit } => {
                format!("it must be less than {limit}")
            }
            ValidationErrorKind::Constant { expected_value } => {
                format!("the only value allowed here is {expected_value}")
            }
            // Our schema uses none of the others; a company catalog's may. Its own words are
            // better than none, and never a debug dump.
            _ => format!("{} is not allowed here", kind_of(found)),
        }
    }

    /// Checks the values whose schema names a format the schema language cannot fully express
    /// (`x-kind: cidr`, `x-kind: ipv4`, and `x-kind: region` against the catalog's region
    /// table), so a malformed address or an unknown region is reported where it is written.
    pub fn check_formats(&self, values: &Values, regions: &Regions) -> Result<()> {
        let mut diags = Vec::new();
        let walk = Walk { regions };
        walk.formats(self, &self.doc, &values.merged, String::new(), &mut diags);
        if diags.is_empty() {
            Ok(())
        } else {
            Err(Error::Input(diags))
        }
    }
}

/// What a walk over the values for [`Schema::check_formats`] reads.
struct Walk<'a> {
    regions: &'a Regions,
}

impl Walk<'_> {
    fn formats(
        &self,
        schema_doc: &Schema,
        schema: &Value,
        value: &Value,
        pointer: String,
        out: &mut Vec<Diagnostic>,
    ) {
        let Some(schema) = schema_doc.resolve(schema) else {
            return;
        };
        match value {
            Value::String(s) => {
                let problem = match schema.get("x-kind").and_then(Value::as_str) {
                    Some("cidr") => s
                        .parse::<Cidr>()
                        .err()
                        .map(|e| Diagnostic::new(e.to_string())),
                    Some("ipv4") => s
                        .parse::<std::net::Ipv4Addr>()
                        .err()
                        .map(|_| Diagnostic::new(format!("'{s}' is not an IPv4 address"))),
                    Some("region") => self.regions.region(s).err(),
                    _ => None,
                };
                if let Some(p) = problem {
                    out.push(Diagnostic {
                        key: Some(Box::new(crate::error::KeyPath {
                            env: None,
                            pointer: pointer.clone(),
                        })),
                        ..p
                    });
                }
            }
            Value::Object(m) => {
                for (k, v) in m {
                    let sub = schema
                        .get("properties")
                        .and_then(|p| p.get(k))
                        .or_else(|| schema.get("additionalProperties").filter(|a| a.is_object()));
                    if let Some(sub) = sub {
                        let child = format!("{pointer}/{}", crate::input::values::pointer_token(k));
                        self.formats(schema_doc, sub, v, child, out);
                    }
                }
            }
            Value::Array(items) => {
                if let Some(sub) = schema.get("items") {
                    for (i, v) in items.iter().enumerate() {
                        self.formats(schema_doc, sub, v, format!("{pointer}/{i}"), out);
                    }
                }
            }
            _ => {}
        }
    }
}

impl Schema {
    /// The properties a schema object at `pointer` (an instance path) accepts.
    fn property_names(&self, pointer: &str, _values: &Values) -> Vec<String> {
        self.at(pointer)
            .and_then(|s| s.get("properties"))
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// Whether the value at a JSON pointer must be a string: a plain scalar YAML would read as
    /// a number or a boolean (`0042`, `NO`, `1.10`) then keeps the text the user wrote.
    pub fn wants_text(&self, pointer: &str) -> bool {
        match self.at(pointer).and_then(|s| s.get("type")) {
            Some(Value::String(t)) => t == "string",
            // A field that takes a string or something else keeps what YAML made of it.
            _ => false,
        }
    }

    /// The subschema that governs the instance at a JSON pointer, following `$ref`s.
    pub fn at(&self, pointer: &str) -> Option<&Value> {
        let mut node = self.resolve(&self.doc)?;
        for seg in pointer.split('/').skip(1) {
            let seg = seg.replace("~1", "/").replace("~0", "~");
            node = if let Some(p) = node.get("properties").and_then(|p| p.get(&seg)) {
                p
            } else if let Some(items) = node.get("items").filter(|_| seg.parse::<usize>().is_ok()) {
                items
            } else {
                node.get("additionalProperties").filter(|a| a.is_object())?
            };
            node = self.resolve(node)?;
        }
        Some(node)
    }

    /// Follows a local `$ref` (`#/$defs/name`).
    pub fn resolve<'a>(&'a self, node: &'a Value) -> Option<&'a Value> {
        let mut node = node;
        for _ in 0..16 {
            match node.get("$ref").and_then(Value::as_str) {
                Some(r) => node = self.doc.pointer(r.strip_prefix('#')?)?,
                None => return Some(node),
            }
        }
        None
    }

    /// Fills in every default the schema declares for an object described by `schema`, and
    /// creates the nested objects whose members have defaults.
    pub fn apply_defaults(&self, schema: &Value, value: &mut Value) {
        let Some(schema) = self.resolve(schema) else {
            return;
        };
        match value {
            Value::Object(obj) => {
                let Some(props) = schema.get("properties").and_then(Value::as_object) else {
                    return;
                };
                for (key, sub) in props {
                    let sub = self.resolve(sub).unwrap_or(sub);
                    if !obj.contains_key(key) {
                        if let Some(d) = sub.get("default").filter(|d| !d.is_null()) {
                            obj.insert(key.clone(), d.clone());
                        } else if sub.get("type").and_then(Value::as_str) == Some("object")
                            && sub.get("properties").is_some()
                            // An object with required keys is optional as a whole.
                            && sub.get("required").is_none()
                        {
                            obj.insert(key.clone(), Value::Object(Map::new()));
                        }
                    }
                    if let Some(child) = obj.get_mut(key) {
                        self.apply_defaults(sub, child);
                    }
                }
            }
            Value::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for item in items {
                        self.apply_defaults(item_schema, item);
                    }
                }
            }
            _ => {}
        }
    }
}

fn type_words(kind: &jsonschema::error::TypeKind) -> String {
    let word = |t: &str| match t {
        "object" => "a mapping",
        "array" => "a list",
        "string" => "a string",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "null" => "nothing",
        _ => "a value",
    };
    match kind {
        jsonschema::error::TypeKind::Single(t) => word(&t.to_string()).to_string(),
        jsonschema::error::TypeKind::Multiple(ts) => {
            let words: Vec<&str> = ts.iter().map(|t| word(&t.to_string())).collect();
            words.join(" or ")
        }
    }
}

/// The first item of a list that repeats an earlier one: (the earlier index, its index).
fn first_repeat(list: &Value) -> Option<(usize, usize)> {
    let items = list.as_array()?;
    (1..items.len()).find_map(|i| {
        items[..i]
            .iter()
            .position(|x| *x == items[i])
            .map(|f| (f, i))
    })
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

#[cfg(test)]
mod embedded_tests {
    use super::*;
    use crate::input::values::Layer;

    /// What `validate` says of a document, as text.
    fn verdict(schema: &Schema, name: &str, yaml: &str) -> String {
        let values = Values::from_layers(vec![Layer::from_str(name, yaml).unwrap()]);
        match schema.validate(&values) {
            Ok(()) => "valid".into(),
            Err(e) => e.to_string(),
        }
    }

    /// The validator built into meg from the embedded schema and the schema compiled at run
    /// time (as an overlay's is) accept and reject the same documents with the same words.
    #[test]
    fn the_built_in_validator_says_what_the_compiled_schema_says() {
        let catalog = Catalog::embedded();
        let built_in = Schema::load(&catalog).unwrap();
        assert!(built_in.embedded);
        let compiled = Schema {
            embedded: false,
            ..Schema::load(&catalog).unwrap()
        };
        let minimal = "name: fabrikam\nstrategy: hybrid\nlocation: westeurope\nenvironments:\n  dev:\n    network:\n      hub:\n        addressSpace: 10.10.0.0/22\n";
        let mut docs: Vec<(String, String)> = catalog
            .list("examples/")
            // An example's inventory files sit beside it; only the YAML files are landing zones.
            .filter(|p| p.ends_with(".yaml"))
            .map(|p| (p.to_string(), catalog.text(p).unwrap().to_string()))
            .collect();
        assert!(docs.len() >= 5);
        for (what, doc) in [
            ("pattern", minimal.replace("fabrikam", "Fabrikam_LZ")),
            ("type", minimal.replace("10.10.0.0/22", "[10]")),
            ("unknown key", minimal.replace("location:", "locaton:")),
            ("enum", format!("{minimal}firewall:\n  tier: premium\n")),
            ("property name", minimal.replace("  dev:", "  Dev-1:")),
            ("missing", minimal.replace("strategy: hybrid\n", "")),
            (
                "minimum",
                format!("{minimal}monitoring:\n  retentionDays: 1\n"),
            ),
            (
                "no environment",
                format!(
                    "{}environments: {{}}\n",
                    &minimal[..minimal.find("environments:").unwrap()]
                ),
            ),
            (
                "too few items",
                format!(
                    "{minimal}onPremises:\n  sites:\n    - name: dc\n      gatewayAddress: 203.0.113.1\n      addressSpaces: []\n"
                ),
            ),
        ] {
            docs.push((what.to_string(), doc));
        }
        let mut rejected = 0;
        for (name, doc) in &docs {
            let says = verdict(&built_in, name, doc);
            rejected += usize::from(says != "valid");
            assert_eq!(says, verdict(&compiled, name, doc), "{name}");
        }
        assert_eq!(rejected, 9, "each broken document is rejected");
    }
}
