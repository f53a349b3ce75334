//! A parameter that only switches a hub part on or off per environment, under a name of its own:
//! `arcPrivateLinkScope` (the `arc.privateLinkScope` setting). `ddosProtection` is its settings
//! as they are.

use serde::Serialize;

/// A part with nothing to set but whether this environment has it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Switch {
    pub enabled: bool,
}
