//! The deployment roots of a landing zone in the order a pipeline rolls them out, each with its
//! own subscription, identity and approval: governance first (its policy assignments govern
//! what follows), then each platform hub (`hubs:`), then each environment, which waits only for
//! what it needs: governance, and the platform hub it attaches to (`network.hub.platform`).
//!
//! A root's stage name is the name of everything a pipeline gives it: its jobs or stages, its
//! GitHub environments (`<stage>`, `<stage>-plan`, `<stage>-preview`), its Azure DevOps
//! environment, service connections and variable group (`<landing zone>-<stage>...`). Hubs take
//! `platform-<hub>`, as the platform root is `platform/` in both languages.
//!
//! Not here: how each pipeline system spells a stage (`templates/pipelines/`), or the folders
//! and parameter files of each root (the layout the templates share with the README).

use serde::Serialize;

use crate::model::LandingZone;
use crate::model::params::Param;
pub use crate::model::stage_names::StageName;

/// What a deployment root deploys, which decides its scope and the identity's roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RootKind {
    /// Management groups, policy and subscription placements, at the tenant root group.
    Governance,
    /// One platform hub, into its connectivity subscription.
    Platform,
    /// One environment (an application landing zone), into its subscription.
    Environment,
}

/// A secret a root's deployment reads, and the names each tool knows it by: one place, so
/// that a new secret (or a secret per connection) reaches every pipeline and README alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Secret {
    /// Terraform's variable (`vpn_shared_key`, set as `TF_VAR_vpn_shared_key`).
    pub tf_name: String,
    /// The environment variable a `.bicepparam` file reads, and the GitHub secret's name
    /// (`VPN_SHARED_KEY`).
    pub env_var: String,
    /// Its name as a Key Vault secret or an Azure Pipelines variable (`vpn-shared-key`).
    pub vault_name: String,
}

impl Secret {
    /// The names of a secret parameter.
    pub fn of(p: &Param) -> Self {
        Secret {
            tf_name: p.tf_name.clone(),
            env_var: p.tf_name.to_uppercase(),
            vault_name: p.tf_name.replace('_', "-"),
        }
    }
}

/// How many roots of one kind (the hubs, or the environments) name their subscription. Their
/// Azure Pipelines step template is shared, so it takes a subscription only when some do, and
/// then lets a root without one deploy into its connection's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pinning {
    /// Every root names its subscription: the template requires one.
    All,
    /// Some do: the template takes one, empty for the others.
    Some,
    /// None does (or there is no root of this kind).
    None,
}

impl Pinning {
    /// The pinning of some roots.
    fn of(roots: &[Root]) -> Self {
        let named = roots.iter().filter(|r| r.subscription_id.is_some()).count();
        match named {
            0 => Pinning::None,
            n if n == roots.len() => Pinning::All,
            _ => Pinning::Some,
        }
    }
}

/// One deployment root, as a pipeline deploys it.
#[derive(Debug, Clone, Serialize)]
pub struct Root {
    /// Governance, a platform hub or an environment.
    pub kind: RootKind,
    /// `governance`, the hub's name or the environment's.
    pub name: String,
    /// The stage's name in the pipelines (`governance`, `platform-nonprod`, `dev`).
    #[serde(flatten)]
    pub stage: StageName,
    /// The subscription it deploys into (governance: signs in to), when the input names it.
    pub subscription_id: Option<String>,
    /// The region its deployment's metadata is stored in (a hub's own region).
    pub location: String,
    /// The stages it waits for, in rollout order.
    pub needs: Vec<StageName>,
    /// The secrets its deployment reads (only those it uses).
    pub secrets: Vec<Secret>,
    /// For an environment: the platform hub it attaches to.
    pub hub: Option<String>,
}

/// Every deployment root in rollout order.
#[derive(Debug, Clone, Serialize)]
pub struct Rollout {
    /// Governance, then the hubs in name order, then the environments in deployment order.
    pub roots: Vec<Root>,
    /// Every secret any hub reads, for the step template the hubs share.
    pub platform_secrets: Vec<Secret>,
    /// How many hubs name their subscription (the hubs' step template takes one unless none).
    pub platform_pinning: Pinning,
    /// How many environments name their subscription, likewise.
    pub environment_pinning: Pinning,
    /// The stages whose subscription the input does not name: their pipeline identities sign
    /// in to one they are given.
    pub unnamed_subscriptions: Vec<String>,
    /// Every secret any environment reads, for the step template the environments share.
    pub environment_secrets: Vec<Secret>,
}

/// The secrets a root's parameters ask for.
fn secrets_of(params: &[Param]) -> Vec<Secret> {
    params
        .iter()
        .filter(|p| p.secret && p.needed)
        .map(Secret::of)
        .collect()
}

/// The union of some roots' secrets, in first-seen order.
fn union(roots: &[Root]) -> Vec<Secret> {
    let mut all: Vec<Secret> = Vec::new();
    for s in roots.iter().flat_map(|r| &r.secrets) {
        if !all.contains(s) {
            all.push(s.clone());
        }
    }
    all
}

impl Rollout {
    /// The roots of a resolved landing zone, in the order they deploy.
    pub fn new(lz: &LandingZone) -> Self {
        let governance = lz.governance.as_ref().map(|g| Root {
            kind: RootKind::Governance,
            name: "governance".into(),
            stage: StageName::governance(),
            subscription_id: g.subscription_id.clone(),
            location: lz.location.clone(),
            needs: Vec::new(),
            secrets: Vec::new(),
            hub: None,
        });
        let after_governance: Vec<StageName> = governance.iter().map(|g| g.stage.clone()).collect();
        let platform: Vec<Root> = lz
            .platform
            .iter()
            .flat_map(|p| p.lz.environments.iter().zip(&p.hubs))
            .map(|(hub, facts)| Root {
                kind: RootKind::Platform,
                name: hub.name.clone(),
                stage: StageName::platform(&hub.name),
                subscription_id: facts.subscription_id.clone(),
                location: facts.location.clone(),
                needs: after_governance.clone(),
                secrets: secrets_of(&hub.params),
                hub: None,
            })
            .collect();
        let environments: Vec<Root> = lz
            .environments
            .iter()
            .map(|env| {
                let hub = env.settings.network.hub.platform.clone();
                let mut needs = after_governance.clone();
                needs.extend(hub.as_deref().map(StageName::platform));
                Root {
                    kind: RootKind::Environment,
                    name: env.name.clone(),
                    stage: StageName::environment(&env.name),
                    subscription_id: env.subscription_id.clone(),
                    location: lz.location.clone(),
                    needs,
                    secrets: secrets_of(&env.params),
                    hub,
                }
            })
            .collect();
        let platform_secrets = union(&platform);
        let platform_pinning = Pinning::of(&platform);
        let environment_pinning = Pinning::of(&environments);
        let environment_secrets = union(&environments);
        let unnamed_subscriptions = governance
            .iter()
            .chain(&platform)
            .chain(&environments)
            .filter(|r| r.subscription_id.is_none())
            .map(|r| r.stage.stage.clone())
            .collect();
        Rollout {
            unnamed_subscriptions,
            roots: governance
                .into_iter()
                .chain(platform)
                .chain(environments)
                .collect(),
            platform_secrets,
            platform_pinning,
            environment_pinning,
            environment_secrets,
        }
    }
}
