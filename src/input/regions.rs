//! The Azure regions meg knows (`catalog/naming/regions.yaml`): each region's short code for
//! names, which regions need Microsoft's approval before a subscription can deploy there, and
//! which have no availability zones.
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
    #[serde(default, rename = "withoutZones")]
    without_zones: Vec<String>,
}

/// The catalog's region table.
#[derive(Debug, Clone)]
pub struct Regions {
    /// Short codes by programmatic name (`westeurope` -> `weu`).
    codes: BTreeMap<String, String>,
    /// Regions a subscription may deploy to only once Microsoft grants it access.
    restricted: Vec<String>,
    /// Regions without availability zones.
    without_zones: Vec<String>,
}

impl Regions {
    /// Reads the table from the catalog.
    pub fn load(catalog: &Catalog) -> Result<Self> {
        let table = catalog.yaml::<RegionTable>("catalog/naming/regions.yaml")?;
        Ok(Regions::new(table.regions, table.restricted).without_zones(table.without_zones))
    }

    /// A table of short codes by programmatic name, and the restricted regions.
    pub fn new(codes: BTreeMap<String, String>, restricted: Vec<String>) -> Self {
        Regions {
            codes,
            restricted,
            without_zones: Vec::new(),
        }
    }

    /// The same table, with the regions that have no availability zones.
    pub fn without_zones(mut self, regions: Vec<String>) -> Self {
        self.without_zones = regions;
        self
    }

    /// Whether the region has availability zones (an unknown region is taken to have them:
    /// the region check refuses it elsewhere).
    pub fn has_zones(&self, name: &str) -> bool {
        !self.without_zones.iter().any(|r| r == name)
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
    ///
    /// Only the programmatic name is accepted: a display name (`West Europe`) or meg's short
    /// code (`weu`) is refused with the one name it stands for, so every file, lock and
    /// reference spells a region one way, the way `az` and the templates do.
    pub fn region(&self, name: &str) -> Result<&str, Diagnostic> {
        if let Some(code) = self.codes.get(name) {
            return Ok(code);
        }
        let d = Diagnostic::new(format!("unknown Azure region '{name}'"));
        Err(match self.meant(name) {
            Meant::DisplayName(n) => d.hint(format!(
                "'{name}' is how the portal shows the region; meg takes its programmatic name: '{n}'"
            )),
            Meant::Code(n) => d.hint(format!(
                "'{name}' is meg's short code for '{n}' (used inside names); write the region as '{n}'"
            )),
            Meant::OneOf(ns) if ns.len() == 1 => d.hint(format!("did you mean '{}'?", ns[0])),
            Meant::OneOf(ns) => d.hint(format!(
                "did you mean one of {}?",
                ns.iter()
                    .map(|n| format!("'{n}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            Meant::Unknown => d.hint(
                "use the region's programmatic name, as `az account list-locations -o table` prints it",
            ),
        })
    }

    /// Which region an unknown name most likely stands for.
    fn meant(&self, name: &str) -> Meant<'_> {
        // A display name is the programmatic name with capitals and spaces (`West US 2`).
        let squeezed: String = name
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some((n, _)) = self.codes.get_key_value(&squeezed) {
            return Meant::DisplayName(n);
        }
        if let Some((n, _)) = self.codes.iter().find(|(_, c)| **c == squeezed) {
            return Meant::Code(n);
        }
        // A name cut short (`westeu`, `swedenc`) names the regions it begins: they share its
        // geography, where the nearest by edit distance may be on another continent (`westus`).
        if squeezed.len() >= 4 {
            let begun: Vec<&str> = self.names().filter(|n| n.starts_with(&squeezed)).collect();
            if !begun.is_empty() && begun.len() <= 6 {
                return Meant::OneOf(begun);
            }
        }
        match crate::error::did_you_mean(&squeezed, self.names()) {
            Some(n) => Meant::OneOf(vec![n]),
            None => Meant::Unknown,
        }
    }
}

/// What an unknown region name most likely meant.
enum Meant<'a> {
    /// The portal's display name of a region.
    DisplayName(&'a str),
    /// meg's short code of a region.
    Code(&'a str),
    /// Regions whose names begin with it or are a typo away.
    OneOf(Vec<&'a str>),
    /// Nothing close.
    Unknown,
}
