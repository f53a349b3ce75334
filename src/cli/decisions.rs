//! What `-v` tells about a resolved landing zone: the environments, the targets and, per
//! environment, its preset, region and the parts it deploys (the model's own [`Deploy`]
//! flags, so the list cannot drift from the code that decides them).
//!
//! Not a report of the files: the commands list those themselves.

use crate::model::LandingZone;
use crate::model::deploy::Deploy;
use crate::request::Target;

/// One line per decision, in the order a reader checks them.
pub(super) fn lines(lz: &LandingZone, targets: Option<&[Target]>) -> Vec<String> {
    let mut lines = vec![format!(
        "landing zone {} ({}, {}), environments: {}",
        lz.name,
        lz.strategy,
        lz.location,
        lz.environments
            .iter()
            .map(|e| e.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )];
    if let Some(targets) = targets {
        lines.push(format!(
            "targets: {}",
            targets
                .iter()
                .map(|t| t.dir())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for env in &lz.environments {
        lines.push(format!(
            "environment {} (preset {}, {}) deploys: {}",
            env.name,
            env.tier,
            env.location,
            parts(env.deploy_parts()).join(", ")
        ));
    }
    lines
}

/// The parts a [`Deploy`] switches on, by the names templates use (`vpnGateway`).
fn parts(deploy: Deploy) -> Vec<String> {
    match serde_json::to_value(deploy) {
        Ok(serde_json::Value::Object(flags)) => flags
            .into_iter()
            .filter(|(_, on)| on.as_bool() == Some(true))
            .map(|(part, _)| part)
            .collect(),
        _ => Vec::new(),
    }
}
