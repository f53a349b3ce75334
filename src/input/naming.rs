//! The `naming` settings of the landing-zone file: the name pattern, the instance number and
//! the exact names some resources keep. Read once per landing zone, after the schema's
//! defaults; the schema's `naming` definition is derived from this type.
//!
//! Not here: building names (`model::naming`), or checking them against Azure's rules.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The name pattern every resource follows unless `naming.pattern` says otherwise.
pub const DEFAULT_PATTERN: &str = "{abbreviation}-{workload}-{environment}-{region}-{instance}";

/// How resources are named.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Naming {
    /// Name pattern; tokens: {abbreviation} {workload} {environment} {region} {instance} {name}.
    #[schemars(
        regex(pattern = r"^[A-Za-z0-9._{}-]+$"),
        extend("x-rule" = "letters, digits, dots, underscores, hyphens and {token} placeholders only")
    )]
    pub pattern: String,
    /// Instance number in names.
    #[schemars(
        regex(pattern = "^[0-9]{1,3}$"),
        extend("x-rule" = "1 to 3 digits, such as 001")
    )]
    pub instance: String,
    /// Exact names for some resources, by name key (the render's README.md lists every key),
    /// for resources that already exist or follow another convention; meg still checks Azure's
    /// rules.
    #[schemars(with = "BTreeMap<String, ExactName>")]
    pub overrides: BTreeMap<String, String>,
}

impl Default for Naming {
    fn default() -> Self {
        Naming {
            pattern: DEFAULT_PATTERN.into(),
            instance: "001".into(),
            overrides: BTreeMap::new(),
        }
    }
}

// One exact resource name, before meg checks it against the resource's own rules (no doc
// comment: it would become the schema's description).
#[derive(JsonSchema)]
#[schemars(inline)]
struct ExactName(
    #[schemars(
        length(min = 1, max = 260),
        regex(pattern = r"^[A-Za-z0-9._()-]+$"),
        extend("x-rule" = "letters, digits, dots, underscores, parentheses or hyphens only")
    )]
    #[allow(dead_code)] // the schema's view only
    String,
);
