//! One environment root, one kind of hub: the environments of a landing zone deploy from one
//! root (`bicep/main.bicep`, `terraform/`), which either builds each environment's hub or peers
//! each environment to a hub it does not build (`network.hub.existing`, or a platform hub
//! through `network.hub.platform`). Environments that peer may mix existing and platform hubs;
//! an environment that builds its own hub beside them is refused here, at that environment,
//! with the way to the same result.
//!
//! Why refused rather than rendered: an environment's own hub is a connectivity hub inside an
//! application landing zone. Beside platform hubs that is a second, unplanned platform (CAF puts
//! every hub in the connectivity subscription, run by the platform team), and beside an
//! existing hub it is a hub meg would build in one environment of a root that, for the others,
//! may not touch the hub's resource group. Declaring that hub under `hubs:` gives the same hub,
//! deployed by the platform root. Not here: the address plan across all of them
//! (`address_overlaps`).

use crate::error::Diagnostic;
use crate::input::settings::Settings;
use crate::input::values::Values;
use crate::model::locate;

/// The refusal of environments that build their own hub beside environments that peer to one,
/// one diagnostic per environment that builds its own; none when all are of one kind.
/// `environments` are the landing zone's, by name.
pub(crate) fn check(environments: &[(&str, &Settings)], values: &Values) -> Vec<Diagnostic> {
    let peering: Vec<(&str, &Settings)> = environments
        .iter()
        .filter(|(_, s)| s.network.hub.existing.is_some())
        .copied()
        .collect();
    if peering.is_empty() {
        return Vec::new();
    }
    let attached: Vec<&str> = peering
        .iter()
        .filter(|(_, s)| s.network.hub.platform.is_some())
        .map(|(name, _)| *name)
        .collect();
    let existing: Vec<&str> = peering
        .iter()
        .filter(|(_, s)| s.network.hub.platform.is_none())
        .map(|(name, _)| *name)
        .collect();
    // "dev attaches", "dev, test attach".
    let verb = |names: &[&str], one: &str, many: &str| {
        format!(
            "{} {}",
            names.join(", "),
            if names.len() == 1 { one } else { many }
        )
    };
    let mut others = Vec::new();
    if !attached.is_empty() {
        others.push(format!(
            "{} to platform hubs",
            verb(&attached, "attaches", "attach")
        ));
    }
    if !existing.is_empty() {
        others.push(format!(
            "{} an existing hub (network.hub.existing)",
            verb(&existing, "uses", "use")
        ));
    }
    let others = others.join(" and ");
    environments
        .iter()
        .filter(|(_, s)| s.network.hub.existing.is_none())
        .map(|(env, _)| {
            // At the environment's own hub settings when it has any, else at the environment.
            let own = format!(
                "/environments/{}/network/hub",
                crate::input::values::pointer_token(env)
            );
            let pointer = if values.merged.pointer(&own).is_some() {
                "/network/hub"
            } else {
                ""
            };
            let hint = if attached.is_empty() {
                format!("give {env} network.hub.existing too, or declare every hub under hubs: and attach each environment with network.hub.platform")
            } else {
                format!("declare {env}'s hub under hubs: (hubs.{env}: {{ addressSpace, subscriptionId }}, with the hub settings it has) and attach {env} with network.hub.platform: {env}; the platform root then builds it")
            };
            let why = if attached.is_empty() {
                ""
            } else {
                "; and a hub inside one application landing zone, beside the platform's, would be a second connectivity hub outside the platform"
            };
            let mut ds = vec![
                Diagnostic::at_key(
                    pointer,
                    format!("environment {env} builds a hub of its own, while {others}: the environments deploy from one root, which either builds their hubs or peers them to hubs it does not build, not both{why}"),
                )
                .hint(hint),
            ];
            locate::in_env(env, &mut ds);
            ds.remove(0)
        })
        .collect()
}
