//! Workload components that sit in the spokes on top of the platform: what a strategy moves.
//!
//! Each workload module owns the per-item names it files (a VM's disks, an application's vault),
//! the region its fixed names live in (the names themselves are declared with every fixed name,
//! in `model::fixed_name`) and its checks; its settings live in
//! `input` and its parameter types in `model::params`. The model calls them through the
//! functions here, which return data, so a workload never edits the platform's code paths.

use crate::error::Diagnostic;
use crate::input::settings::Settings;
use crate::model::deploy::Deploy;
use crate::model::fixed_name::FixedName;
use crate::model::name_key::ToName;
use crate::model::params::{ParamList, Source};
use crate::model::spoke_subnets::SpokeSubnets;

pub mod refactor;
pub mod rehost;

/// The region a workload's fixed name key lives in when it is not the landing zone's, with the
/// settings pointer that sets it; `None` for the landing zone's region.
pub fn name_region(key: FixedName, s: &Settings) -> Option<(&str, &'static str)> {
    rehost::name_region(key, s)
}

/// Per-item names (one per VM, per web app) of one environment.
pub(crate) fn names(s: &Settings) -> Vec<ToName> {
    let mut out = rehost::names(s);
    out.extend(refactor::names(s));
    out
}

/// The workloads' parameters, after the platform's.
pub(crate) fn params(src: &Source) -> ParamList {
    let mut out = rehost::params(src);
    out.extend(refactor::params(src));
    out
}

/// Checks of the workloads' settings that a schema cannot express; problems carry key paths
/// into the environment's settings.
pub fn check(s: &Settings, subnets: &SpokeSubnets, location: &str) -> Vec<Diagnostic> {
    let mut problems = rehost::check(s, subnets, location);
    problems.extend(refactor::check(s));
    problems
}

/// The workloads' secret parameters (camelCase names), when some environment needs them, and
/// whether this environment does: read from the environment at deploy time, never written to a
/// parameter file.
pub(crate) fn secrets(deploy: &Deploy, s: &Settings) -> Vec<(&'static str, bool)> {
    rehost::secrets(deploy, s)
}
