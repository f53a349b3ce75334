//! Azure's limits on tags that hold for a whole resource, checked once the tags an environment
//! gives each resource are known. The limits of one name or value (length, characters) are the
//! schema's (`$defs/tags`), so they are reported where they are written.
//!
//! Source: Azure Resource Manager, "Use tags to organize your Azure resources and management
//! hierarchy", Limitations: at most 50 tag name-value pairs per resource; storage accounts take
//! tag names of at most 128 characters; tag names are case-insensitive for operations.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::Diagnostic;
use crate::input::settings::{Settings, Spoke};

/// Most tags one resource can carry.
pub const MAX_TAGS: usize = 50;
/// Longest tag name a storage account takes (other resources take 512).
pub const MAX_STORAGE_TAG_NAME: usize = 128;

/// The tags meg adds to every resource, beside the input's.
pub const STANDARD: [&str; 2] = ["environment", "landingZone"];

/// Problems with the tags one environment puts on its resources, with key paths into the
/// environment's settings.
pub fn check(s: &Settings) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let base: BTreeSet<&str> = STANDARD
        .into_iter()
        .chain(s.tags.keys().map(String::as_str))
        .collect();
    // A spoke's resources carry the landing zone's tags and the spoke's own (workload, owner,
    // cost center): the fullest set a resource gets.
    let fullest = s
        .network
        .spokes
        .iter()
        .map(|spoke| {
            let mut t = base.clone();
            t.extend(spoke_tags(spoke).into_keys());
            t.len()
        })
        .chain([base.len()])
        .max()
        .unwrap_or(0);
    if fullest > MAX_TAGS {
        out.push(
            Diagnostic::at_key(
                "/tags",
                format!(
                    "resources would carry {fullest} tags, and Azure allows at most {MAX_TAGS} on a resource"
                ),
            )
            .hint(format!(
                "meg adds {} (and workload, owner, costCenter on a spoke's resources): keep the input's tags to {} or fewer",
                STANDARD.join(", "),
                MAX_TAGS - (fullest - s.tags.len())
            )),
        );
    }
    // Azure compares tag names without case: `Owner` beside `owner` (or beside meg's own
    // `environment`) is one tag, and which value wins is not ours to say.
    let mut all: BTreeSet<&str> = base.clone();
    for spoke in &s.network.spokes {
        all.extend(spoke_tags(spoke).into_keys());
    }
    for name in s.tags.keys() {
        // Two of the input's own clash once: reported at the later of them.
        if let Some(other) = all.iter().find(|o| {
            **o != name.as_str()
                && o.eq_ignore_ascii_case(name)
                && (!s.tags.contains_key(**o) || **o < name.as_str())
        }) {
            out.push(
                Diagnostic::at_key(
                    format!("/tags/{}", crate::input::values::pointer_token(name)),
                    format!(
                        "tag '{name}' and tag '{other}' differ only in case, and Azure takes them as one tag"
                    ),
                )
                .hint(format!("keep one spelling: '{other}'")),
            );
        }
    }
    let storage = s.migration.enabled && s.migration.site_recovery.enabled;
    if storage {
        for name in s.tags.keys() {
            let n = name.chars().count();
            if n > MAX_STORAGE_TAG_NAME {
                out.push(
                    Diagnostic::at_key(
                        format!("/tags/{}", crate::input::values::pointer_token(name)),
                        format!(
                            "tag name of {n} characters: the Site Recovery cache storage account takes tag names of at most {MAX_STORAGE_TAG_NAME}"
                        ),
                    )
                    .hint("shorten the tag name"),
                );
            }
        }
    }
    out
}

/// The tags a spoke adds to the landing zone's: its workload name, and its owner and cost center
/// when the application names them (an application spoke is charged to its own team).
pub(crate) fn spoke_tags(spoke: &Spoke) -> BTreeMap<&'static str, &str> {
    let mut t = BTreeMap::from([("workload", spoke.name.as_str())]);
    if let Some(owner) = &spoke.owner {
        t.insert("owner", owner);
    }
    if let Some(cost_center) = &spoke.cost_center {
        t.insert("costCenter", cost_center);
    }
    t
}
