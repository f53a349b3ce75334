//! Parameters that only switch a hub part on or off per environment: `ddosProtection` and
//! `arcPrivateLinkScope`.

use serde::Serialize;

/// A part with nothing to set but whether this environment has it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Switch {
    pub enabled: bool,
}
