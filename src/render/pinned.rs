//! The pinned references of the CI/CD pipelines meg writes: GitHub Actions by the commit SHA of
//! a release tag, Azure Pipelines tasks by major version (`catalog/pipelines/actions.yaml`).
//!
//! The table is catalog data a company may override, so it is checked before any template sees
//! it: a reference that is not a full commit SHA would leave a workflow open to a moved tag, and
//! a version with a newline would break out of the YAML comment it is written into. This module
//! reads and checks the table; the templates under `templates/pipelines/` spell the references.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::request::CiSystem;

/// Where the table lives in a catalog.
pub const PATH: &str = "catalog/pipelines/actions.yaml";

/// One pinned reference, as the templates use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pinned {
    /// What goes after `uses:` (`actions/checkout@<sha>`) or `task:` (`AzureCLI@2`).
    pub uses: String,
    /// The release it stands for, written beside it in a comment (`v7.0.1`, `2`).
    pub version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    #[serde(default)]
    github: BTreeMap<String, Action>,
    #[serde(default, rename = "azure-devops")]
    azure_devops: BTreeMap<String, Task>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Action {
    version: String,
    sha: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Task {
    version: String,
}

/// The checked references of one CI/CD system, by action or task name.
pub fn load(catalog: &Catalog, system: CiSystem) -> Result<BTreeMap<String, Pinned>> {
    let table: Table = catalog.yaml(PATH)?;
    match system {
        CiSystem::Github => table
            .github
            .into_iter()
            .map(|(name, a)| {
                let at = |field: &str| format!("{PATH}: github.{name}.{field}");
                if !is_action_name(&name) {
                    return Err(Error::Catalog(format!(
                        "{PATH}: github.{name}: not an action reference (owner/repository, optionally /path)"
                    )));
                }
                if !is_commit_sha(&a.sha) {
                    return Err(Error::Catalog(format!(
                        "{}: expected the 40-character commit SHA of the release, in lowercase hex; found '{}'",
                        at("sha"),
                        a.sha
                    )));
                }
                check_version(&a.version, &at("version"))?;
                let uses = format!("{name}@{}", a.sha);
                Ok((
                    name,
                    Pinned {
                        uses,
                        version: a.version,
                    },
                ))
            })
            .collect(),
        CiSystem::AzureDevops => table
            .azure_devops
            .into_iter()
            .map(|(name, t)| {
                let at = format!("{PATH}: azure-devops.{name}.version");
                if name.is_empty()
                    || !name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
                {
                    return Err(Error::Catalog(format!(
                        "{PATH}: azure-devops.{name}: not a task name (letters, digits, '-', '_', '.')"
                    )));
                }
                if t.version.is_empty() || !t.version.chars().all(|c| c.is_ascii_digit()) {
                    return Err(Error::Catalog(format!(
                        "{at}: expected the task's major version (digits only, e.g. \"2\"); found '{}'",
                        t.version
                    )));
                }
                let uses = format!("{name}@{}", t.version);
                Ok((
                    name,
                    Pinned {
                        uses,
                        version: t.version,
                    },
                ))
            })
            .collect(),
    }
}

/// A full commit SHA: 40 lowercase hex digits (what `uses:` pins immutably).
pub fn is_commit_sha(s: &str) -> bool {
    s.len() == 40
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `owner/repository` or `owner/repository/path`, in the characters GitHub allows.
fn is_action_name(s: &str) -> bool {
    let parts: Vec<&str> = s.split('/').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && *p != "."
                && *p != ".."
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
        })
}

/// A release name that can sit in a YAML comment: no spaces, quotes or line breaks.
fn check_version(v: &str, at: &str) -> Result<()> {
    if v.is_empty()
        || !v
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '+' || c == '_')
    {
        return Err(Error::Catalog(format!(
            "{at}: expected a release tag such as v4.0.1; found '{}'",
            v.escape_debug()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commit_sha_is_forty_lowercase_hex_digits() {
        assert!(is_commit_sha("3d3c42e5aac5ba805825da76410c181273ba90b1"));
        assert!(!is_commit_sha("3D3C42E5AAC5BA805825DA76410C181273BA90B1"));
        assert!(!is_commit_sha("3d3c42e"));
        assert!(!is_commit_sha("v7.0.1"));
        assert!(!is_commit_sha("3d3c42e5aac5ba805825da76410c181273ba90bg"));
    }

    #[test]
    fn action_names_are_owner_and_repository() {
        assert!(is_action_name("actions/checkout"));
        assert!(is_action_name("github/codeql-action/upload-sarif"));
        assert!(!is_action_name("checkout"));
        assert!(!is_action_name("actions/../x"));
        assert!(!is_action_name("actions/check out"));
    }

    #[test]
    fn the_embedded_table_is_valid_for_both_systems() {
        let catalog = Catalog::embedded();
        let gh = load(&catalog, CiSystem::Github).expect("github table");
        assert!(gh["actions/checkout"].uses.starts_with("actions/checkout@"));
        let ado = load(&catalog, CiSystem::AzureDevops).expect("azure-devops table");
        assert_eq!(ado["AzureCLI"].uses, "AzureCLI@2");
    }
}
