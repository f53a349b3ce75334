//! Reading what the user wrote: layered YAML values, the JSON Schema check with defaults, the
//! typed settings of one environment, and tags. Nothing here knows about Azure resources.

pub mod closed_sets;
pub(crate) mod governance;
pub(crate) mod hubs;
pub(crate) mod inventory_settings;
pub mod migration;
pub(crate) mod naming;
pub mod paas;
pub mod regions;
pub mod schema;
pub(crate) mod schema_kinds;
/// Generated from the settings types and checked against the committed schema file.
#[cfg(test)]
mod schema_source;
pub mod settings;
pub(crate) mod shared_defs;
pub mod tags;
/// The schema's root object.
#[cfg(test)]
mod top_level;
pub mod values;
