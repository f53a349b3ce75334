//! The `attachedRuleCollectionGroups` parameter of the platform root: what the workloads of
//! each environment attached to a platform hub need through the hub's firewall, as one rule
//! collection group per environment on the hub's firewall policy.
//!
//! An environment that builds its own hub adds these rules itself (`rcg-rehost`,
//! `rcg-container-apps` in its root). An attached environment cannot: the policy is the platform
//! team's, in the connectivity subscription, and a landing zone's identity does not write to it
//! (CAF: the platform owns the hub's firewall; application teams ask it for rules). So the
//! platform root carries them, each group allowing only that environment's ranges, named after it
//! and at a priority of its own. The rules are the ones an own hub gets; `tests` below holds
//! them to the environment root's templates. Not here: the platform's baseline group
//! (`rcg-platform`, in the firewall module), which serves every attached spoke.
//!
//! Azure Firewall policy rule collection groups: priorities 100 to 65,000, processed lowest
//! first; rule collections inside a group likewise
//! (<https://learn.microsoft.com/azure/firewall/policy-rule-sets>,
//! <https://learn.microsoft.com/azure/firewall/rule-processing>).

use serde::Serialize;

use crate::input::settings::Settings;
use crate::model::params::paas::container_apps_prefixes;
use crate::model::spoke_subnets::SpokeSubnets;

/// The platform's baseline group's priority (`rcg-platform` in the firewall module): the
/// environments' groups come after it.
const PLATFORM_PRIORITY: u32 = 1000;

/// Priority distance between two environments' groups: room for a team's own groups between.
const PRIORITY_STEP: u32 = 100;

/// One environment's rule collection group on a platform hub's firewall policy.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct RuleCollectionGroup {
    /// `rcg-<env>-workloads`: which environment the group serves.
    pub name: String,
    /// The environment it serves.
    pub environment: String,
    /// After the platform's group, one step per environment attached to the hub.
    pub priority: u32,
    pub network_rule_collections: Vec<RuleCollection<NetworkRule>>,
    pub application_rule_collections: Vec<RuleCollection<ApplicationRule>>,
}

/// An allow rule collection of a group.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct RuleCollection<R> {
    pub name: String,
    pub priority: u32,
    pub rules: Vec<R>,
}

/// A network rule (ARM's `NetworkRule`): service tags or addresses and ports.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct NetworkRule {
    pub name: &'static str,
    pub description: &'static str,
    pub ip_protocols: Vec<&'static str>,
    pub source_addresses: Vec<String>,
    pub destination_addresses: Vec<&'static str>,
    pub destination_ports: Vec<&'static str>,
}

/// An application rule (ARM's `ApplicationRule`): FQDNs over HTTP(S).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct ApplicationRule {
    pub name: &'static str,
    pub description: &'static str,
    pub source_addresses: Vec<String>,
    pub target_fqdns: Vec<&'static str>,
    pub protocols: Vec<ApplicationProtocol>,
}

/// A protocol and port an application rule allows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct ApplicationProtocol {
    /// `Http` or `Https`.
    pub protocol_type: &'static str,
    pub port: u16,
}

/// A rule allowing TCP 443 to service tags: (name, description, tags).
type ServiceTagRule = (&'static str, &'static str, &'static [&'static str]);

/// What rehosted servers' agents reach: backup, sign-in, snapshots, Update Manager.
const REHOST_SERVICE_TAGS: [ServiceTagRule; 4] = [
    (
        "AllowAzureBackup",
        "The VM backup extension talks to Azure Backup.",
        &["AzureBackup"],
    ),
    (
        "AllowEntraId",
        "Backup, Site Recovery and the Azure Monitor agent sign in with Entra ID.",
        &["AzureActiveDirectory"],
    ),
    (
        "AllowStorage",
        "Backup snapshots and the Site Recovery cache are written to Azure Storage.",
        &["Storage"],
    ),
    (
        "AllowGuestAndHybridManagement",
        "Update Manager and VM extensions are driven through the guest management service.",
        &["GuestAndHybridManagement"],
    ),
];

/// Replicating servers' mobility agent.
const SITE_RECOVERY_SERVICE_TAGS: ServiceTagRule = (
    "AllowSiteRecovery",
    "The mobility agent talks to Site Recovery and sends its monitoring data to Event Hubs.",
    &["AzureSiteRecovery", "EventHub"],
);

/// What Container Apps environments reach: Microsoft's images, sign-in, logs.
const CONTAINER_APPS_SERVICE_TAGS: [ServiceTagRule; 3] = [
    (
        "AllowMicrosoftContainerRegistry",
        "The environments pull their system images from mcr.microsoft.com.",
        &["MicrosoftContainerRegistry", "AzureFrontDoor.FirstParty"],
    ),
    (
        "AllowEntraId",
        "Managed identities get their tokens from Entra ID.",
        &["AzureActiveDirectory"],
    ),
    (
        "AllowAzureMonitor",
        "The environments send logs and metrics to Azure Monitor.",
        &["AzureMonitor"],
    ),
];

/// Ubuntu's archives, which Update Manager patches Ubuntu servers from.
const UBUNTU_ARCHIVES: [&str; 3] = [
    "azure.archive.ubuntu.com",
    "archive.ubuntu.com",
    "security.ubuntu.com",
];

fn service_tag_rules(rules: &[ServiceTagRule], sources: &[String]) -> Vec<NetworkRule> {
    rules
        .iter()
        .map(|(name, description, tags)| NetworkRule {
            name,
            description,
            ip_protocols: vec!["TCP"],
            source_addresses: sources.to_vec(),
            destination_addresses: tags.to_vec(),
            destination_ports: vec!["443"],
        })
        .collect()
}

/// The group of one attached environment, `index` its place among the hub's attached
/// environments; `None` when its workloads need nothing through the firewall.
fn group_of(
    env: &str,
    index: u32,
    s: &Settings,
    subnets: &SpokeSubnets,
) -> Option<RuleCollectionGroup> {
    let mut network = Vec::new();
    let mut application = Vec::new();
    let spokes: Vec<String> = s
        .network
        .spokes
        .iter()
        .map(|spoke| spoke.address_space.to_string())
        .collect();
    // Rehost: the servers sit anywhere in the environment's spokes.
    if s.migration.enabled && !spokes.is_empty() {
        let mut rules = service_tag_rules(&REHOST_SERVICE_TAGS, &spokes);
        if s.migration.site_recovery.enabled {
            rules.extend(service_tag_rules(&[SITE_RECOVERY_SERVICE_TAGS], &spokes));
        }
        network.push(RuleCollection {
            name: format!("net-{env}-rehost-allow"),
            priority: 100,
            rules,
        });
        application.push(RuleCollection {
            name: format!("app-{env}-rehost-allow"),
            priority: 200,
            rules: vec![ApplicationRule {
                name: "AllowUbuntuPackages",
                description: "Update Manager patches Ubuntu servers from the Ubuntu archives; add the repositories of other distributions here.",
                source_addresses: spokes.clone(),
                target_fqdns: UBUNTU_ARCHIVES.to_vec(),
                protocols: vec![
                    ApplicationProtocol {
                        protocol_type: "Http",
                        port: 80,
                    },
                    ApplicationProtocol {
                        protocol_type: "Https",
                        port: 443,
                    },
                ],
            }],
        });
    }
    // Refactor: only the Container Apps subnets call out; web apps and databases sit behind
    // private endpoints and need nothing here.
    let container_apps = if s.paas.enabled {
        container_apps_prefixes(s, subnets)
    } else {
        Vec::new()
    };
    if !container_apps.is_empty() {
        network.push(RuleCollection {
            name: format!("net-{env}-container-apps-allow"),
            priority: 300,
            rules: service_tag_rules(&CONTAINER_APPS_SERVICE_TAGS, &container_apps),
        });
    }
    if network.is_empty() && application.is_empty() {
        return None;
    }
    Some(RuleCollectionGroup {
        name: format!("rcg-{env}-workloads"),
        environment: env.to_string(),
        priority: PLATFORM_PRIORITY + PRIORITY_STEP * (index + 1),
        network_rule_collections: network,
        application_rule_collections: application,
    })
}

/// The groups a platform hub's firewall policy carries for the environments attached to it,
/// in the landing zone's order; none when the hub has no firewall. `environments` are every
/// environment of the landing zone, by name.
pub(crate) fn for_hub<'s>(
    hub: &str,
    hub_settings: &Settings,
    environments: impl Iterator<Item = (&'s str, &'s Settings, &'s SpokeSubnets)>,
) -> Vec<RuleCollectionGroup> {
    if !hub_settings.firewall.enabled {
        return Vec::new();
    }
    // Each attached environment keeps its place (and priority) whether or not it needs rules
    // yet, so turning a workload on in one environment moves no other group.
    (0u32..)
        .zip(environments.filter(|(_, s, _)| s.network.hub.platform.as_deref() == Some(hub)))
        .filter_map(|(index, (env, s, subnets))| group_of(env, index, s, subnets))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules an own hub gets are spelt in the environment root's templates: every rule
    /// here, with its destinations, must be there too, so the two cannot drift apart.
    #[test]
    fn the_rules_are_the_ones_an_own_hub_gets() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let read = |path: &str| std::fs::read_to_string(root.join(path)).expect(path);
        let bicep_rehost = read("bicep/modules/rehost-firewall-rules.bicep.tera");
        let bicep_apps = read("bicep/modules/refactor-firewall-rules.bicep.tera");
        let tf_rehost = read("terraform/main.rehost.tf.tera");
        let tf_apps = read("terraform/main.refactor.tf.tera");
        let rehost = REHOST_SERVICE_TAGS
            .iter()
            .chain([&SITE_RECOVERY_SERVICE_TAGS]);
        for (rules, bicep, tf) in [
            (rehost.collect::<Vec<_>>(), &bicep_rehost, &tf_rehost),
            (
                CONTAINER_APPS_SERVICE_TAGS.iter().collect(),
                &bicep_apps,
                &tf_apps,
            ),
        ] {
            for (name, description, tags) in rules {
                for text in [bicep, tf] {
                    assert!(text.contains(name), "{name} is not in the templates");
                    assert!(text.contains(description), "{name}: {description}");
                    for tag in *tags {
                        assert!(
                            text.contains(&format!("'{tag}'"))
                                || text.contains(&format!("\"{tag}\"")),
                            "{name}: {tag}"
                        );
                    }
                }
            }
        }
        for fqdn in UBUNTU_ARCHIVES {
            assert!(
                bicep_rehost.contains(fqdn) && tf_rehost.contains(fqdn),
                "{fqdn}"
            );
        }
    }
}
