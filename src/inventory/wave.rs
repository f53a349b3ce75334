//! What a migration wave is: its name (lower case `[a-z0-9-]`, one environment), the servers
//! it moves, and why each server is in it (an assessment group, a wave column, the
//! landing-zone file, the dependency export, or only its environment).
//!
//! These are the types other stages read (wave roots, pipelines, runbooks, drift). How waves
//! are decided is `waves`; this file only names the results.

use serde::Serialize;

use super::headers::Column;
use super::rows::RowCursor;

pub use crate::model::wave_runs::{MAX_WAVE_NAME as MAX_NAME, is_wave_name};

/// Why a server is in its wave, from the strongest reason to the weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum WaveSource {
    /// `migration.waves` of the landing-zone file names it (by name or pattern).
    Declared,
    /// A wave column of an inventory file (`Wave`, `Wave Number`, `Migration wave`, …).
    Column,
    /// The group its Azure Migrate assessment was created on (`Group name`).
    Group,
    /// Derived from the dependency export: with what it depends on, after its dependencies.
    Dependency,
    /// No grouping and no dependency data: its environment's waves, in inventory order.
    Environment,
}

impl WaveSource {
    /// The word `meg inventory` prints.
    pub fn as_str(self) -> &'static str {
        match self {
            WaveSource::Declared => "declared",
            WaveSource::Column => "column",
            WaveSource::Group => "group",
            WaveSource::Dependency => "dependency",
            WaveSource::Environment => "environment",
        }
    }
}

/// A wave an export gives a server (its wave column or assessment group), as written.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WaveLabel {
    /// The cell as written (`Wave 2`, `orders-db`).
    pub value: String,
    /// A wave column or an assessment group.
    pub source: WaveSource,
    /// The column's header, for messages (`Wave Number`, `Group name`).
    pub column: String,
    /// `file:row` of the cell.
    pub origin: String,
}

/// The wave label of a row: the cell of its wave column or assessment group, if filled.
pub(crate) fn label_at(
    row: &RowCursor,
    col: Option<&Column>,
    source: WaveSource,
) -> Option<WaveLabel> {
    let value = row.text(col)?;
    Some(WaveLabel {
        value,
        source,
        column: col.map(|c| c.header.clone()).unwrap_or_default(),
        origin: row.origin(),
    })
}

/// Why one server is in its wave: the source and a sentence a person reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WaveReason {
    /// Which rule put it there.
    pub source: WaveSource,
    /// The detail: the declaration, the cell, or the dependencies that decided.
    pub detail: String,
}

/// One wave of the plan, in the order waves run.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Wave {
    /// Lower case letters, digits and hyphens (`prod-wave-2`, `orders-db`).
    pub name: String,
    /// The environment every server of the wave moves into.
    pub environment: String,
    /// Indexes into `Plan::servers`, in the order the wave cuts them over (dependencies
    /// first).
    #[serde(skip)]
    pub servers: Vec<usize>,
}

/// An export's wave cell as a wave name of an environment: lower case, other characters as
/// hyphens, a bare number as `wave-<n>`, prefixed with the environment (`Wave 2` of a prod
/// server is `prod-wave-2`; `orders-db` is `prod-orders-db`). `None` when the cell has no
/// letter or digit.
pub fn wave_name_of(environment: &str, value: &str) -> Option<String> {
    let mut slug = String::new();
    for c in value.trim().to_lowercase().chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        if !(c == '-' && (slug.is_empty() || slug.ends_with('-'))) {
            slug.push(c);
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        return None;
    }
    let slug = match slug.parse::<u64>() {
        Ok(n) => format!("wave-{n}"),
        Err(_) => slug.to_string(),
    };
    let env = environment.to_lowercase();
    let mut name = if slug == env || slug.starts_with(&format!("{env}-")) {
        slug
    } else {
        format!("{env}-{slug}")
    };
    name.truncate(MAX_NAME);
    Some(name.trim_end_matches('-').to_string())
}

/// The number in an export's wave cell (`Wave 10` is 10), so wave 2 runs before wave 10.
pub fn number_in(value: &str) -> Option<u64> {
    let digits: String = value
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_an_exports_wave_after_its_environment() {
        assert_eq!(
            wave_name_of("prod", "Wave 2").as_deref(),
            Some("prod-wave-2")
        );
        assert_eq!(wave_name_of("prod", "02").as_deref(), Some("prod-wave-2"));
        assert_eq!(
            wave_name_of("dev", "Orders DB").as_deref(),
            Some("dev-orders-db")
        );
        assert_eq!(
            wave_name_of("prod", "PROD wave 1").as_deref(),
            Some("prod-wave-1")
        );
        assert_eq!(wave_name_of("prod", " -- "), None);
        let long = wave_name_of("prod", &"x".repeat(80)).unwrap();
        assert!(is_wave_name(&long), "{long}");
    }

    #[test]
    fn tells_wave_names() {
        for ok in ["pilot", "prod-wave-1", "w1", "9"] {
            assert!(is_wave_name(ok), "{ok}");
        }
        for bad in ["", "Pilot", "wave_1", "-w", "w-", "wave 1", &"w".repeat(41)] {
            assert!(!is_wave_name(bad), "{bad}");
        }
        assert_eq!(number_in("Wave 10"), Some(10));
        assert_eq!(number_in("orders"), None);
    }
}
