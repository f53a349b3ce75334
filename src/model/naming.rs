//! CAF resource names: `<abbreviation>-<workload>-<environment>-<region>-<instance>` by default.
//!
//! The abbreviations, length limits and character rules come from the catalog's
//! `naming/abbreviations.yaml`, region short codes from `naming/regions.yaml`. A name leaves
//! this module only as a [`ResourceName`], which Azure accepts: too long names are shortened
//! deterministically (the workload token first), and names that cannot be made valid are errors.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, sha256};
use crate::error::{Diagnostic, Error, Result};
use crate::input::regions::Regions;

/// The default name pattern.
pub use crate::input::naming::DEFAULT_PATTERN;

/// The tokens a name pattern may use.
pub const TOKENS: [&str; 6] = [
    "abbreviation",
    "workload",
    "environment",
    "region",
    "instance",
    "name",
];

/// Azure's naming rules for one kind of resource.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindRule {
    /// The CAF abbreviation (`vnet`, `kv`, `st`).
    pub abbreviation: String,
    /// The ARM resource type the rule is for.
    pub resource_type: String,
    /// Shortest name Azure accepts.
    pub min_length: usize,
    /// Longest name Azure accepts.
    pub max_length: usize,
    /// Allowed characters, as the inside of a regex character class.
    pub chars: String,
    /// Allowed first character.
    pub first: String,
    /// Allowed last character.
    pub last: String,
    /// Whether hyphens may separate the tokens.
    pub hyphens: bool,
    /// Whether Azure accepts two hyphens in a row (Key Vault does not).
    #[serde(default = "yes")]
    pub consecutive_hyphens: bool,
    /// Whether Azure requires lower case.
    pub lowercase: bool,
    /// Whether the name must be unique across Azure (a DNS name).
    pub globally_unique: bool,
}

#[derive(Deserialize)]
struct KindTable {
    kinds: BTreeMap<String, KindRule>,
}

/// The naming tables of a catalog.
#[derive(Debug, Clone)]
pub struct NamingTables {
    /// Rules by resource kind (`keyVault`, `virtualNetwork`).
    pub kinds: BTreeMap<String, KindRule>,
    /// The Azure regions meg knows, with their short codes.
    pub regions: Regions,
}

impl NamingTables {
    /// Reads both tables from the catalog.
    pub fn load(catalog: &Catalog) -> Result<Self> {
        let kinds = catalog
            .yaml::<KindTable>("catalog/naming/abbreviations.yaml")?
            .kinds;
        Ok(NamingTables {
            kinds,
            regions: Regions::load(catalog)?,
        })
    }
}

/// A resource name that satisfies Azure's rules for its kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ResourceName(String);

impl ResourceName {
    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ResourceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Makes the names of one landing zone.
#[derive(Debug, Clone)]
pub struct Namer<'t> {
    tables: &'t NamingTables,
    pattern: String,
    instance: String,
    region: String,
    name: String,
}

impl<'t> Namer<'t> {
    /// A namer for a landing zone; `pattern` uses the [`TOKENS`].
    pub fn new(
        tables: &'t NamingTables,
        pattern: &str,
        instance: &str,
        region_short: &str,
        lz_name: &str,
    ) -> Result<Self> {
        check_pattern(pattern)?;
        Ok(Namer {
            tables,
            pattern: pattern.to_string(),
            instance: instance.to_string(),
            region: region_short.to_string(),
            name: lz_name.to_string(),
        })
    }

    /// The same namer for resources that live in another region (Site Recovery's vault in the
    /// recovery region): names carry that region's short code. `None` for an unknown region.
    pub fn in_region(&self, region: &str) -> Option<Namer<'t>> {
        let short = self.tables.regions.code(region)?;
        Some(Namer {
            region: short.clone(),
            ..self.clone()
        })
    }

    /// Whether a subscription needs Microsoft's approval before it can deploy to the region.
    pub fn is_restricted(&self, region: &str) -> bool {
        self.tables.regions.is_restricted(region)
    }

    /// Whether the region has availability zones.
    pub fn has_zones(&self, region: &str) -> bool {
        self.tables.regions.has_zones(region)
    }

    /// Why a region name is not one the tables know (with the region it likely meant), for
    /// the caller to locate; `None` for a known region.
    pub fn region_problem(&self, region: &str) -> Option<crate::error::Diagnostic> {
        self.tables.regions.region(region).err()
    }

    /// The regions the naming tables know, by programmatic name.
    pub fn regions(&self) -> Vec<String> {
        self.tables.regions.names().map(str::to_string).collect()
    }

    /// The name of a resource of `kind` for `workload` in `environment`.
    pub fn name(
        &self,
        kind: &str,
        workload: &str,
        environment: &str,
    ) -> Result<ResourceName, Diagnostic> {
        let rule = self.rule(kind)?;
        let suffix = rule.globally_unique.then(|| {
            // Four hex digits from the inputs that identify this resource: stable across
            // machines and renders, different across landing zones that share a pattern.
            sha256(format!("{}/{kind}/{workload}/{environment}", self.name).as_bytes())[..4]
                .to_string()
        });
        let mut workload_len = workload.chars().count();
        loop {
            let w: String = workload.chars().take(workload_len).collect();
            // A cut just after a hyphen would leave it dangling before the next separator
            // ('kv-my-corp--dev'): Key Vault refuses consecutive hyphens, and no one writes them.
            let w = w.trim_end_matches('-');
            let candidate = self.apply(rule, w, environment, suffix.as_deref());
            if candidate.chars().count() <= rule.max_length {
                return check(rule, kind, &candidate);
            }
            if workload_len <= 1 {
                return Err(Diagnostic::at(
                    format!("naming ({kind})"),
                    format!(
                        "'{candidate}' is {} characters, longer than the {} Azure allows for a {}, even with the workload shortened",
                        candidate.chars().count(),
                        rule.max_length,
                        rule.resource_type
                    ),
                )
                .hint("use a shorter naming.pattern, environment name or landing-zone name"));
            }
            workload_len -= 1;
        }
    }

    /// The ARM resource type of a kind whose names Azure keeps unique across all customers (a
    /// DNS name); `None` for other kinds and for a kind the catalog does not know.
    pub fn globally_unique(&self, kind: &str) -> Option<&str> {
        self.rule(kind)
            .ok()
            .filter(|r| r.globally_unique)
            .map(|r| r.resource_type.as_str())
    }

    /// Validates a name the user chose, as it is: no shortening, no suffix.
    pub fn explicit(&self, kind: &str, name: &str) -> Result<ResourceName, Diagnostic> {
        let rule = self.rule(kind)?;
        check(rule, kind, name)
    }

    fn rule(&self, kind: &str) -> Result<&KindRule, Diagnostic> {
        self.tables
            .kinds
            .get(kind)
            .ok_or_else(|| Diagnostic::new(format!("the catalog has no naming rule for '{kind}'")))
    }

    fn apply(
        &self,
        rule: &KindRule,
        workload: &str,
        environment: &str,
        suffix: Option<&str>,
    ) -> String {
        let mut s = self.pattern.clone();
        for (token, value) in [
            ("abbreviation", rule.abbreviation.as_str()),
            ("workload", workload),
            ("environment", environment),
            ("region", self.region.as_str()),
            // A globally unique name carries its suffix where the instance number would be.
            ("instance", suffix.unwrap_or(self.instance.as_str())),
            ("name", self.name.as_str()),
        ] {
            s = s.replace(&format!("{{{token}}}"), value);
        }
        if let Some(suffix) = suffix.filter(|_| !self.pattern.contains("{instance}")) {
            s.push('-');
            s.push_str(suffix);
        }
        if !rule.hyphens {
            s.retain(|c| c != '-');
        }
        if rule.lowercase {
            s = s.to_lowercase();
        }
        s
    }
}

fn check_pattern(pattern: &str) -> Result<()> {
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').ok_or_else(|| {
            Error::input(Diagnostic::at_key(
                "/naming/pattern",
                format!("'{pattern}' has a '{{' without its '}}'"),
            ))
        })?;
        let token = &rest[open + 1..open + close];
        if !TOKENS.contains(&token) {
            let mut d = Diagnostic::at_key(
                "/naming/pattern",
                format!("unknown token {{{token}}} in '{pattern}'"),
            );
            d = match crate::error::did_you_mean(token, TOKENS) {
                Some(s) => d.hint(format!("did you mean {{{s}}}?")),
                None => d.hint(format!(
                    "tokens are {}",
                    TOKENS.map(|t| format!("{{{t}}}")).join(", ")
                )),
            };
            return Err(Error::input(d));
        }
        rest = &rest[open + close + 1..];
    }
    if !pattern.contains("{abbreviation}") || !pattern.contains("{environment}") {
        return Err(Error::input(
            Diagnostic::at_key(
                "/naming/pattern",
                format!("'{pattern}' must hold {{abbreviation}} and {{environment}}"),
            )
            .hint("without them two resources or two environments would get the same name"),
        ));
    }
    Ok(())
}

fn yes() -> bool {
    true
}

/// Checks a finished name against its kind's rule.
fn check(rule: &KindRule, kind: &str, name: &str) -> Result<ResourceName, Diagnostic> {
    let reject = |why: String| {
        Err(Diagnostic::at(
            format!("naming ({kind})"),
            format!("'{name}' is not a valid {} name: {why}", rule.resource_type),
        ))
    };
    let len = name.chars().count();
    if len < rule.min_length || len > rule.max_length {
        return reject(format!(
            "it must be {} to {} characters long, not {len}",
            rule.min_length, rule.max_length
        ));
    }
    if rule.lowercase && name.chars().any(|c| c.is_uppercase()) {
        return reject("it must be lower case".into());
    }
    if let Some(c) = name.chars().find(|c| !in_class(&rule.chars, *c)) {
        return reject(format!("'{c}' is not allowed (allowed: {})", rule.chars));
    }
    if !rule.consecutive_hyphens && name.contains("--") {
        return reject("it cannot hold two hyphens in a row".into());
    }
    let first = name.chars().next().expect("length checked above");
    if !in_class(&rule.first, first) {
        return reject(format!(
            "it cannot start with '{first}' (allowed first characters: {})",
            rule.first
        ));
    }
    let last = name.chars().last().expect("length checked above");
    if !in_class(&rule.last, last) {
        return reject(format!(
            "it cannot end with '{last}' (allowed last characters: {})",
            rule.last
        ));
    }
    Ok(ResourceName(name.to_string()))
}

/// Whether `c` belongs to a character class written as the inside of `[...]`.
fn in_class(class: &str, c: char) -> bool {
    let mut rest = class;
    while let Some(first) = rest.chars().next() {
        let after = &rest[first.len_utf8()..];
        let mut ahead = after.chars();
        match (ahead.next(), ahead.next()) {
            (Some('-'), Some(last))
                if first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric() =>
            {
                if (first..=last).contains(&c) {
                    return true;
                }
                rest = &after[1 + last.len_utf8()..];
            }
            _ => {
                if first == c {
                    return true;
                }
                rest = after;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(max: usize, hyphens: bool, lowercase: bool, global: bool) -> KindRule {
        KindRule {
            abbreviation: "kv".into(),
            resource_type: "Microsoft.KeyVault/vaults".into(),
            min_length: 3,
            max_length: max,
            chars: if hyphens {
                "a-zA-Z0-9-".into()
            } else {
                "a-z0-9".into()
            },
            first: "a-zA-Z".into(),
            last: "a-zA-Z0-9".into(),
            hyphens,
            consecutive_hyphens: !hyphens,
            lowercase,
            globally_unique: global,
        }
    }

    fn tables(r: KindRule) -> NamingTables {
        NamingTables {
            kinds: [("thing".to_string(), r)].into(),
            regions: Regions::new(
                [("westeurope".to_string(), "weu".to_string())].into(),
                Vec::new(),
            ),
        }
    }

    #[test]
    fn character_classes() {
        assert!(in_class("a-zA-Z0-9-_.()", '('));
        assert!(in_class("a-z0-9-", '-'));
        assert!(!in_class("a-z0-9", 'A'));
    }

    #[test]
    fn default_pattern() {
        let t = tables(rule(64, true, false, false));
        let n = Namer::new(&t, DEFAULT_PATTERN, "001", "weu", "contoso").unwrap();
        assert_eq!(
            n.name("thing", "hub", "prod").unwrap().as_str(),
            "kv-hub-prod-weu-001"
        );
    }

    #[test]
    fn shortens_the_workload_to_fit() {
        let t = tables(rule(20, true, false, false));
        let n = Namer::new(&t, DEFAULT_PATTERN, "001", "weu", "contoso").unwrap();
        assert_eq!(
            n.name("thing", "connectivity", "prod").unwrap().as_str(),
            "kv-conn-prod-weu-001"
        );
    }

    #[test]
    fn a_workload_cut_at_a_hyphen_leaves_no_double_hyphen() {
        // 'my-corp-01' shortened to 8 characters is 'my-corp-': the hyphen goes with the cut.
        let t = tables(rule(24, true, false, true));
        let n = Namer::new(&t, DEFAULT_PATTERN, "001", "frc", "my-corp-01").unwrap();
        let name = n.name("thing", "my-corp-01", "dev").unwrap();
        assert!(!name.as_str().contains("--"), "{name}");
        assert!(name.as_str().starts_with("kv-my-corp-dev-frc-"), "{name}");
        assert!(name.as_str().len() <= 24, "{name}");
    }

    #[test]
    fn global_names_get_a_stable_suffix_and_no_hyphens() {
        let t = tables(rule(24, false, true, true));
        let n = Namer::new(&t, DEFAULT_PATTERN, "001", "weu", "contoso").unwrap();
        let a = n.name("thing", "Security", "prod").unwrap();
        assert_eq!(a, n.name("thing", "Security", "prod").unwrap());
        assert!(
            a.as_str().len() <= 24 && a.as_str().starts_with("kvsecurityprodweu"),
            "{a}"
        );
        assert!(
            !a.as_str().contains("001"),
            "the suffix takes the instance's place: {a}"
        );
        let other = Namer::new(&t, DEFAULT_PATTERN, "001", "weu", "fabrikam").unwrap();
        assert_ne!(a, other.name("thing", "Security", "prod").unwrap());
    }

    #[test]
    fn rejects_what_azure_rejects() {
        let t = tables(rule(24, true, false, false));
        let n = Namer::new(&t, DEFAULT_PATTERN, "001", "weu", "contoso").unwrap();
        assert!(
            n.explicit("thing", "kv_bad")
                .unwrap_err()
                .message
                .contains("'_' is not allowed")
        );
        assert!(
            n.explicit("thing", "1kv")
                .unwrap_err()
                .message
                .contains("cannot start")
        );
        assert!(
            n.explicit("thing", "kv-")
                .unwrap_err()
                .message
                .contains("cannot end")
        );
        assert!(
            Namer::new(
                &t,
                "{abbreviation}-{workloud}-{environment}",
                "001",
                "weu",
                "x"
            )
            .is_err()
        );
    }
}
