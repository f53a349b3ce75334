//! The Azure regions meg knows (`catalog/naming/regions.yaml`): each region's short code for
//! names, and which regions need Microsoft's approval before a subscription can deploy there.
//! Every field that names a region is checked here, once, so an unknown region is an input
//! error wherever it is written.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::catalog::Catalog;
use crate::error::{Diagnostic, Result};

#[derive(Deserialize)]
struct RegionTable {
    regions: BTreeMap<String, String>,
    #[serde(default)]
    restricted: Vec<String>,
}

/// The catalog's region table.
#[derive(Debug, Clone)]
pub struct Regions {
    /// Short codes by programmatic name (`westeurope` -> `weu`).
    codes: BTreeMap<String, String>,
    /// Regions a subscription may deploy to only once Microsoft grants it access.
    restricted: Vec<String>,
}

impl Regions {
    /// Reads the table from the catalog.
    pub fn load(catalog: &Catalog) -> Result<Self> {
        let table = catalog.yaml::<RegionTable>("catalog/naming/regions.yaml")?;
        Ok(Regions::new(table.regions, table.restricted))
    }

    /// A table of short codes by programmatic name, and the restricted regions.
    pub fn new(codes: BTreeMap<String, String>, restricted: Vec<String>) -> Self {
        Regions { codes, restricted }
    }

    /// The short code of a region, `None` for one the table does not know.
    pub fn code(&self, name: &str) -> Option<&String> {
        self.codes.get(name)
    }

    /// Every region by programmatic name, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.codes.keys().map(String::as_str)
    }

    /// Whether a subscription needs Microsoft's approval before it can deploy to the region.
    pub fn is_restricted(&self, name: &str) -> bool {
        self.restricted.iter().any(|r| r == name)
    }

    /// The short code of an Azure region by its programmatic name: the one check of every
    /// field that names a region (`x-kind: region` in the schema). The diagnostic has no
    /// location; the caller knows where the name was written.
    pub fn region(&self, name: &str) -> Result<&str, Diagnostic> {
        if let Some(code) = self.codes.get(name) {
            return Ok(code);
        }
        let d = Diagnostic::new(format!("unknown Azure region '{name}'"));
        Err(
            match crate::error::did_you_mean(name, self.names()) {
                Some(s) => d.hint(format!("did you mean '{s}'?")),
                None => d.hint(
                    "use the region's programmatic name, as `az account list-locations -o table` prints it",
                ),
            },
        )
    }
}
