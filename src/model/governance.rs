//! The CAF management-group hierarchy and the baseline policy assignments: tenant-wide, so
//! they are decided once per landing zone (not per environment) and deployed separately, at
//! the scope Azure requires (a management group, by someone with rights at the tenant root).

use serde::Serialize;
use serde_json::Value;

use crate::error::Diagnostic;
use crate::model::naming::Namer;

/// Built-in policy: allowed locations.
const ALLOWED_LOCATIONS: &str =
    "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c";
/// Built-in policy: require a tag on resource groups.
const REQUIRE_RG_TAG: &str =
    "/providers/Microsoft.Authorization/policyDefinitions/96670d01-0a4d-4649-9c89-2d3abc0a5025";
/// Built-in initiative: Microsoft cloud security benchmark (formerly Azure Security Benchmark).
const SECURITY_BENCHMARK: &str =
    "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8";

/// The hierarchy and its assignments, as the governance templates receive them.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Governance {
    /// ID of the intermediate root management group.
    pub root_id: String,
    /// Management groups, parents before children.
    pub management_groups: Vec<ManagementGroup>,
    /// Policy assignments at the intermediate root.
    pub assignments: Vec<Assignment>,
    /// Regions the allowed-locations policy permits.
    pub allowed_locations: Vec<String>,
    /// The subscriptions placed under each group, groups without any left out
    /// (`model::subscriptions`).
    pub placements: Vec<crate::model::subscriptions::GroupPlacements>,
    /// The subscription the deployment signs in to, when the input names it (Terraform's
    /// azurerm needs one even at management-group scope).
    pub subscription_id: Option<String>,
}

/// One management group.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ManagementGroup {
    /// Symbolic key (`platform`, `corp`), for templates.
    pub key: String,
    /// Management group ID (its name in ARM).
    pub id: String,
    /// Display name.
    pub display_name: String,
    /// Parent's key; `None` for the intermediate root (whose parent is the tenant root group).
    pub parent: Option<String>,
}

/// One policy assignment.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assignment {
    /// Assignment name (at most 24 characters at management-group scope).
    pub name: String,
    /// Display name.
    pub display_name: String,
    /// Built-in policy or initiative ID.
    pub definition_id: String,
    /// Parameters, as ARM expects them (`{"tagName": {"value": "owner"}}`).
    pub parameters: Value,
    /// Deny, or audit only (`DoNotEnforce`: compliance is reported, nothing is denied).
    pub enforce: bool,
}

/// The CAF hierarchy under the intermediate root: (key, suffix, display name, parent key).
const HIERARCHY: [(&str, &str, &str, &str); 9] = [
    ("platform", "platform", "Platform", "root"),
    ("management", "management", "Management", "platform"),
    ("connectivity", "connectivity", "Connectivity", "platform"),
    ("identity", "identity", "Identity", "platform"),
    ("landingZones", "landingzones", "Landing zones", "root"),
    ("corp", "corp", "Corp", "landingZones"),
    ("online", "online", "Online", "landingZones"),
    ("sandbox", "sandbox", "Sandbox", "root"),
    ("decommissioned", "decommissioned", "Decommissioned", "root"),
];

/// Builds the governance part when the input enables it.
pub(crate) fn resolve(
    input: &crate::input::governance::Governance,
    lz_name: &str,
    location: &str,
    namer: &Namer,
) -> Result<Option<Governance>, Vec<Diagnostic>> {
    if !input.enabled {
        return Ok(None);
    }
    let root_id = input.root_id.clone().unwrap_or_else(|| lz_name.to_string());
    let root_name = input
        .root_display_name
        .clone()
        .unwrap_or_else(|| format!("{lz_name} landing zones"));
    let allowed_locations = input
        .allowed_locations
        .clone()
        .unwrap_or_else(|| vec![location.to_string()]);
    let required_tags = &input.required_tags;

    let mut problems = Vec::new();
    let mut groups = vec![ManagementGroup {
        key: "root".into(),
        id: root_id.clone(),
        display_name: root_name,
        parent: None,
    }];
    for (key, suffix, display, parent) in HIERARCHY {
        groups.push(ManagementGroup {
            key: key.into(),
            id: format!("{root_id}-{suffix}"),
            display_name: display.into(),
            parent: Some(parent.into()),
        });
    }
    for g in &groups {
        if let Err(d) = namer.explicit("managementGroup", &g.id) {
            problems.push(Diagnostic {
                key: Some(Box::new(crate::error::KeyPath {
                    env: None,
                    pointer: "/governance/rootId".into(),
                })),
                ..d
            });
        }
    }
    let mut assignments = vec![
        Assignment {
            name: "allowed-locations".into(),
            display_name: "Allowed locations".into(),
            definition_id: ALLOWED_LOCATIONS.into(),
            parameters: serde_json::json!({"listOfAllowedLocations": {"value": allowed_locations}}),
            enforce: true,
        },
        Assignment {
            name: "security-benchmark".into(),
            display_name: "Microsoft cloud security benchmark".into(),
            definition_id: SECURITY_BENCHMARK.into(),
            parameters: serde_json::json!({}),
            enforce: true,
        },
    ];
    for tag in required_tags {
        assignments.push(Assignment {
            name: format!("require-tag-{}", tag.to_lowercase()),
            display_name: format!("Require the {tag} tag on resource groups"),
            definition_id: REQUIRE_RG_TAG.into(),
            parameters: serde_json::json!({"tagName": {"value": tag}}),
            // Reported, never denied: the built-in policy denies every untagged resource group,
            // including those Azure services create themselves (NetworkWatcherRG,
            // AzureBackupRG_*, ME_*, MC_*), which would break Network Watcher, Backup, Managed
            // Grafana and AKS. DoNotEnforce keeps its compliance report (an audit).
            enforce: false,
        });
    }
    for a in &assignments {
        if let Err(d) = namer.explicit("policyAssignment", &a.name) {
            problems.push(
                Diagnostic {
                    key: Some(Box::new(crate::error::KeyPath {
                        env: None,
                        pointer: "/governance/requiredTags".into(),
                    })),
                    ..d
                }
                .hint("use a shorter tag name"),
            );
        }
    }
    if problems.is_empty() {
        Ok(Some(Governance {
            root_id,
            management_groups: groups,
            assignments,
            allowed_locations,
            placements: Vec::new(),
            subscription_id: None,
        }))
    } else {
        Err(problems)
    }
}
