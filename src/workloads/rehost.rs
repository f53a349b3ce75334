//! Rehost: backup, Site Recovery, Azure Migrate and patching around servers moved as they are.

use serde::Deserialize;
use serde_json::json;

use super::{Name, Push};
use crate::model::Environment;
use crate::settings::Settings;

/// The `migration` settings of one environment.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Migration {
    pub enabled: bool,
}

/// Fixed name keys: (key, naming kind, workload token).
pub const NAMES: &[(&str, &str, &str)] = &[];

/// Which parts of the workload an environment deploys.
pub fn deploy_flags(s: &Settings) -> Vec<(&'static str, bool)> {
    vec![("migration", s.migration.enabled)]
}

/// Whether a fixed name key of this workload is deployed; `None` for keys it does not own.
pub fn name_deployed(_key: &str, _on: &dyn Fn(&str) -> bool) -> Option<bool> {
    None
}

/// Per-item names.
pub fn names(_s: &Settings, _name: &mut Name) {}

/// Parameters, when some environment deploys the workload.
pub fn params(env: &Environment, on: &dyn Fn(&str) -> bool, push: &mut Push) {
    if on("migration") {
        push(
            "migration",
            json!({"enabled": env.settings.migration.enabled}),
            false,
        );
    }
}
