//! The `lock` parameter: the management lock every module with AVM's `lock` interface puts on
//! its resource (firewall, gateways, Bastion, networks, vaults, workspace, Front Door,
//! Application Gateway). Not the lock resources themselves: the modules make those.

use serde::Serialize;

use crate::input::closed_sets::LockKind;
use crate::input::settings::Settings;

/// A lock's level, as `Microsoft.Authorization/locks` takes it
/// (learn.microsoft.com/azure/templates/microsoft.authorization/locks: `CanNotDelete`,
/// `ReadOnly`; `NotSpecified` is not a lock anyone sets).
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) enum LockLevel {
    CanNotDelete,
    ReadOnly,
}

/// The `lock` parameter, in AVM's shape (`{ kind }`); no lock is `null`, as AVM's nullable
/// `lock` takes it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Lock {
    pub kind: LockLevel,
}

impl Lock {
    /// From the environment's `lock` setting; `None` where it asks for no lock.
    pub fn new(s: &Settings) -> Option<Self> {
        let kind = match s.lock {
            LockKind::None => return None,
            LockKind::CanNotDelete => LockLevel::CanNotDelete,
            LockKind::ReadOnly => LockLevel::ReadOnly,
        };
        Some(Lock { kind })
    }
}
