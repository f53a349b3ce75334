//! Which subscription each deployment root deploys into, and where governance places each named
//! subscription in the management-group hierarchy.
//!
//! Every environment names its subscription (`subscriptionId`, at the top level or per
//! environment), or none does: a landing zone that pins some environments and leaves the others
//! to whatever subscription is signed in would deploy them into the wrong one without a word.
//! The placements are one list, built here from every setting that names a subscription (the
//! environments under `corp` or `online`, governance's platform subscriptions under
//! `management` and `identity`); the governance templates only spell it. A subscription has one
//! parent management group, so one named in two groups is an error naming both settings.
//!
//! Not the hierarchy itself (`model::governance`, which receives the list), nor who deploys
//! what (the README and the pipelines say that).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::error::{Diagnostic, KeyPath};
use crate::input::closed_sets::LandingZoneGroup;
use crate::input::values::Values;

/// A management group of governance's hierarchy that subscriptions are placed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// `<rootId>-connectivity`: the platform's hubs.
    #[allow(dead_code, reason = "the platform hubs' subscriptions are placed here")]
    Connectivity,
    /// `<rootId>-management`: Log Analytics and the platform's management tools.
    Management,
    /// `<rootId>-identity`: domain controllers and identity services.
    Identity,
    /// `<rootId>-corp`: application landing zones reached through the hub.
    Corp,
    /// `<rootId>-online`: internet-facing application landing zones.
    Online,
}

impl Target {
    /// The group's key in `model::governance`'s hierarchy.
    pub fn key(self) -> &'static str {
        match self {
            Target::Connectivity => "connectivity",
            Target::Management => "management",
            Target::Identity => "identity",
            Target::Corp => "corp",
            Target::Online => "online",
        }
    }
}

impl From<LandingZoneGroup> for Target {
    fn from(g: LandingZoneGroup) -> Self {
        match g {
            LandingZoneGroup::Corp => Target::Corp,
            LandingZoneGroup::Online => Target::Online,
        }
    }
}

/// The subscriptions placed under one management group, as the governance templates loop
/// over them.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupPlacements {
    /// The group's key in the hierarchy (`corp`, `management`).
    pub key: String,
    /// The group's ID (its name in ARM).
    pub id: String,
    /// The subscriptions placed under it, in the order the input names them.
    pub subscriptions: Vec<PlacedSubscription>,
}

/// One subscription governance places.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlacedSubscription {
    /// Subscription ID, lower case (ARM compares GUIDs without case).
    pub id: String,
    /// What deploys into it, for the README: `environment dev`, `the management subscription`.
    pub reasons: Vec<String>,
}

/// Governance's platform subscriptions: (setting under `governance`, group, what it is).
const PLATFORM_SUBSCRIPTIONS: [(&str, Target, &str); 2] = [
    (
        "managementSubscriptionId",
        Target::Management,
        "the management subscription",
    ),
    (
        "identitySubscriptionId",
        Target::Identity,
        "the identity subscription",
    ),
];

/// What this module reads of one environment: a view, so that it depends on no model type.
pub(crate) struct EnvironmentSubscription<'a> {
    /// Environment name.
    pub name: &'a str,
    /// `subscriptionId`, as the schema checked it.
    pub subscription_id: Option<&'a str>,
    /// `managementGroup`, when set.
    pub management_group: Option<LandingZoneGroup>,
}

/// What governance receives: the placements, and the subscription its deployment signs in to.
pub(crate) struct Placed {
    /// The subscriptions under each group, groups without any left out.
    pub placements: Vec<GroupPlacements>,
    /// `governance.subscriptionId`, else the management subscription (lower case).
    pub subscription_id: Option<String>,
}

/// One setting that names a subscription, and where governance places it.
struct Named {
    subscription: String,
    target: Target,
    why: String,
    key: KeyPath,
    /// The setting as a dotted key, where the input wrote it.
    written: String,
}

/// Every setting that names a subscription: the environments, governance's platform
/// subscriptions, then each platform hub's (`hubs.<hub>.subscriptionId`, the connectivity
/// subscription of the hub).
fn named(
    values: &Values,
    environments: &[EnvironmentSubscription],
    governance: &Value,
    hubs: &Value,
) -> Vec<Named> {
    let mut out = Vec::new();
    for env in environments {
        let Some(id) = env.subscription_id else {
            continue;
        };
        let written =
            crate::model::locate::input_pointer(values, Some(env.name), "/subscriptionId");
        out.push(Named {
            subscription: id.to_ascii_lowercase(),
            target: env
                .management_group
                .unwrap_or(LandingZoneGroup::Corp)
                .into(),
            why: format!("environment {}", env.name),
            key: KeyPath {
                env: Some(env.name.to_string()),
                pointer: "/subscriptionId".into(),
            },
            written: dotted(&written),
        });
    }
    for (setting, target, why) in PLATFORM_SUBSCRIPTIONS {
        if let Some(id) = governance.get(setting).and_then(Value::as_str) {
            out.push(Named {
                subscription: id.to_ascii_lowercase(),
                target,
                why: why.into(),
                key: KeyPath {
                    env: None,
                    pointer: format!("/governance/{setting}"),
                },
                written: format!("governance.{setting}"),
            });
        }
    }
    for (hub, body) in hubs.as_object().into_iter().flatten() {
        if let Some(id) = body.get("subscriptionId").and_then(Value::as_str) {
            out.push(Named {
                subscription: id.to_ascii_lowercase(),
                target: Target::Connectivity,
                why: format!("platform hub {hub}"),
                key: KeyPath {
                    env: None,
                    pointer: format!("/hubs/{hub}/subscriptionId"),
                },
                written: format!("hubs.{hub}.subscriptionId"),
            });
        }
    }
    out
}

/// `/environments/dev/subscriptionId` as `environments.dev.subscriptionId`.
fn dotted(pointer: &str) -> String {
    pointer.trim_start_matches('/').replace('/', ".")
}

/// Checks the environments' subscriptions and, when governance is rendered (`group_ids`: the
/// hierarchy's group IDs by key), lists the subscriptions it places and the one it signs in to.
pub(crate) fn resolve(
    values: &Values,
    environments: &[EnvironmentSubscription],
    governance_input: &Value,
    hubs: &Value,
    group_ids: Option<&BTreeMap<String, String>>,
) -> Result<Option<Placed>, Vec<Diagnostic>> {
    let mut problems = all_or_none(environments);
    if !problems.is_empty() {
        return Err(problems);
    }
    let Some(group_ids) = group_ids else {
        return Ok(None);
    };
    problems.extend(group_without_subscription(environments));
    let named = named(values, environments, governance_input, hubs);
    let mut placed: BTreeMap<&str, &Named> = BTreeMap::new();
    let mut groups: BTreeMap<Target, Vec<PlacedSubscription>> = BTreeMap::new();
    for n in &named {
        match placed.get(n.subscription.as_str()) {
            Some(first) if first.target != n.target => problems.push(two_groups(first, n)),
            Some(_) => {
                let list = groups.get_mut(&n.target).expect("placed before");
                let s = list
                    .iter_mut()
                    .find(|s| s.id == n.subscription)
                    .expect("placed before");
                s.reasons.push(n.why.clone());
            }
            None => {
                placed.insert(&n.subscription, n);
                groups
                    .entry(n.target)
                    .or_default()
                    .push(PlacedSubscription {
                        id: n.subscription.clone(),
                        reasons: vec![n.why.clone()],
                    });
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let placements = groups
        .into_iter()
        .map(|(target, subscriptions)| GroupPlacements {
            key: target.key().into(),
            id: group_ids
                .get(target.key())
                .cloned()
                .expect("every target is a group of the hierarchy"),
            subscriptions,
        })
        .collect();
    let subscription_id = ["subscriptionId", "managementSubscriptionId"]
        .into_iter()
        .find_map(|k| governance_input.get(k).and_then(Value::as_str))
        .map(str::to_ascii_lowercase);
    Ok(Some(Placed {
        placements,
        subscription_id,
    }))
}

/// A subscription has one parent group: the second setting that names it elsewhere is wrong.
fn two_groups(first: &Named, second: &Named) -> Diagnostic {
    let both_environments = first.key.env.is_some() && second.key.env.is_some();
    Diagnostic {
        key: Some(Box::new(second.key.clone())),
        ..Diagnostic::new(format!(
            "subscription {} is placed under two management groups: under {} for {} ({}) and under {} for {} ({}); a subscription has one parent group",
            second.subscription,
            first.target.key(),
            first.why,
            first.written,
            second.target.key(),
            second.why,
            second.written,
        ))
    }
    .hint(if both_environments {
        "give each environment a subscription of its own, or both the same managementGroup"
    } else {
        "give each a subscription of its own"
    })
}

/// Every environment names its subscription, or none does.
fn all_or_none(environments: &[EnvironmentSubscription]) -> Vec<Diagnostic> {
    let (named, unnamed): (Vec<&EnvironmentSubscription>, Vec<_>) = environments
        .iter()
        .partition(|e| e.subscription_id.is_some());
    let Some(example) = named.first() else {
        return Vec::new();
    };
    unnamed
        .iter()
        .map(|e| {
            Diagnostic::at_key(
                format!("/environments/{}", crate::input::values::pointer_token(e.name)),
                format!(
                    "environment {} names no subscriptionId while {} does: it would deploy into whichever subscription is signed in",
                    e.name, example.name
                ),
            )
            .hint(format!(
                "add subscriptionId under environments.{}, or set subscriptionId at the top level for every environment",
                e.name
            ))
        })
        .collect()
}

/// `managementGroup` says where a subscription goes: without `subscriptionId` there is none.
fn group_without_subscription(environments: &[EnvironmentSubscription]) -> Vec<Diagnostic> {
    environments
        .iter()
        .filter(|e| e.management_group.is_some() && e.subscription_id.is_none())
        .map(|e| {
            Diagnostic {
                key: Some(Box::new(KeyPath {
                    env: Some(e.name.to_string()),
                    pointer: "/managementGroup".into(),
                })),
                ..Diagnostic::new(
                    "managementGroup says where governance places the environment's subscription, but no subscriptionId names it",
                )
            }
            .hint("add subscriptionId (the subscription's GUID), or remove managementGroup")
        })
        .collect()
}
