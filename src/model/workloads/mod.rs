//! Workload components that sit in the spokes on top of the platform: what a strategy moves.
//!
//! Each workload module owns its settings type, the fixed resource names it adds to the
//! `names` parameter, the `deploy` flags that shape the code and the parameters it passes to
//! the templates. The model calls them through the hooks here, so a workload never edits the
//! platform's code paths.

use serde_json::Value;

use crate::error::Diagnostic;
use crate::input::settings::Settings;
use crate::model::Environment;

pub mod refactor;
pub mod rehost;

/// Adds a parameter: name (camelCase), value (camelCase keys), whether the value is a user map
/// whose keys must stay as written in Terraform.
pub type Push<'a> = dyn FnMut(&str, Value, bool) + 'a;

/// Names a resource: name key, naming kind (catalog/naming/abbreviations.yaml), workload token.
pub type Name<'a> = dyn FnMut(String, &str, &str) + 'a;

/// Fixed name keys of every workload: (key, naming kind, workload token), as `PLATFORM_NAMES`.
pub fn fixed_names() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    rehost::NAMES.iter().chain(refactor::NAMES).copied()
}

/// The `deploy` flags of every workload for one environment.
pub fn deploy_flags(s: &Settings) -> Vec<(&'static str, bool)> {
    let mut flags = rehost::deploy_flags(s);
    flags.extend(refactor::deploy_flags(s));
    flags
}

/// Whether a workload's fixed name key is deployed; `None` when no workload owns the key.
pub fn name_deployed(key: &str, on: &dyn Fn(&str) -> bool) -> Option<bool> {
    rehost::name_deployed(key, on).or_else(|| refactor::name_deployed(key, on))
}

/// The region a workload's fixed name key lives in when it is not the landing zone's, with the
/// settings pointer that sets it; `None` for the landing zone's region.
pub fn name_region<'s>(key: &str, s: &'s Settings) -> Option<(&'s str, &'static str)> {
    rehost::name_region(key, s)
}

/// Per-item names (one per VM, per web app): called once per environment.
pub fn names(s: &Settings, name: &mut Name) {
    rehost::names(s, name);
    refactor::names(s, name);
}

/// The workloads' parameters, after the platform's.
pub fn params(env: &Environment, on: &dyn Fn(&str) -> bool, push: &mut Push) {
    rehost::params(env, on, push);
    refactor::params(env, on, push);
}

/// Checks of the workloads' settings that a schema cannot express; `locate` turns a pointer
/// into the environment's settings into a location for the message.
pub fn check(s: &Settings, location: &str, locate: &dyn Fn(&str) -> String) -> Vec<Diagnostic> {
    let mut problems = rehost::check(s, location, locate);
    problems.extend(refactor::check(s, locate));
    problems
}

/// The workloads' secret parameters (camelCase names), when some environment needs them, and
/// whether this environment does: read from the environment at deploy time, never written to a
/// parameter file.
pub fn secrets(on: &dyn Fn(&str) -> bool, s: &Settings) -> Vec<(&'static str, bool)> {
    rehost::secrets(on, s)
}
