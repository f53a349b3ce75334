//! The resolved landing zone: layered values turned into environments with their settings,
//! CAF names, carved address spaces and the parameters each target receives.
//!
//! Everything the Bicep and Terraform templates share is decided here, once; the templates
//! only spell it. Semantic checks a schema cannot express (regions, CIDR overlaps, subnet
//! sizes, Azure's naming rules) also live here, so a model that exists is deployable.

pub(crate) mod address_overlaps;
pub(crate) mod address_plan;
pub mod deploy;
pub mod deployed;
pub mod enrolment;
pub(crate) mod facts;
pub mod fixed_name;
pub mod governance;
pub(crate) mod hub_kinds;
pub mod lint;
mod lint_hubs;
pub(crate) mod locate;
pub mod migrated;
pub mod name_key;
pub mod names;
pub mod naming;
pub mod network;
pub(crate) mod params;
pub mod platform;
pub(crate) mod portable_names;
pub(crate) mod region_zones;
pub mod roles;
pub mod rollout;
pub(crate) mod routing;
pub mod secrets;
pub(crate) mod spoke_subnets;
pub(crate) mod stage_names;
pub(crate) mod strategies;
pub(crate) mod subnet_capacity;
pub(crate) mod subnet_rules;
pub mod subscriptions;
pub mod wave_runs;
pub mod waves;
pub mod workloads;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

pub use self::params::{Param, snake};
pub use self::strategies::Strategy;

use crate::catalog::Catalog;
use crate::error::{Diagnostic, Error, KeyPath, Result, did_you_mean};
use crate::input::schema::Schema;
use crate::input::settings::Settings;
use crate::input::values::Values;
use crate::model::deploy::Deploy;
use crate::model::fixed_name::FixedName;
use crate::model::name_key::{NameKey, SitePart, SpokePart, ToName};
use crate::model::names::Names;
use crate::model::naming::{Namer, NamingTables};
use crate::model::network::{HubLayout, HubRole};
use crate::model::params::ParamList;

/// Keys of the landing-zone file that are not per-environment settings.
const TOP_ONLY: [&str; 7] = [
    "name",
    "strategy",
    "location",
    "naming",
    "governance",
    "hubs",
    "environments",
];

/// The preset tiers, in deployment order.
pub const TIERS: [&str; 3] = [
    crate::input::closed_sets::Tier::Dev.as_str(),
    crate::input::closed_sets::Tier::Test.as_str(),
    crate::input::closed_sets::Tier::Prod.as_str(),
];

/// The whole resolved landing zone, as the templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct LandingZone {
    /// Landing-zone name.
    pub name: String,
    /// The strategy's name, or the combination's (`hybrid + rehost + refactor`).
    pub strategy: String,
    /// The strategies combined, in canonical order (one for a single strategy).
    pub strategies: Vec<String>,
    /// For a combination: what each strategy brings (empty for a single strategy).
    pub strategy_parts: Vec<StrategyPart>,
    /// Azure region.
    pub location: String,
    /// Region short code used in names.
    pub region_short: String,
    /// Environments in deployment order (dev, test, prod, then others by name).
    pub environments: Vec<Environment>,
    /// Which optional parts exist in at least one environment: they shape the code.
    pub deploy: Deploy,
    /// Keys of the `names` parameter (the same in every environment).
    pub name_keys: Vec<FixedName>,
    /// The secrets of each site-to-site connection and each Windows VM, over every environment.
    pub item_secrets: secrets::ItemSecrets,
    /// The management-group hierarchy and policy baseline, when the input enables it.
    pub governance: Option<crate::model::governance::Governance>,
    /// Tags every resource must carry (`governance.requiredTags`).
    pub required_tags: Vec<String>,
    /// The replication waves of the inventory's servers: one deployment root each, rendered
    /// through `{wave}` paths with the wave as `wave` (not in `lz`: a wave can be large).
    #[serde(skip)]
    pub waves: Vec<waves::Wave>,
    /// How each of those waves is run, in the order they run (pipelines, runbooks, README):
    /// none without an inventory. Templates see it summarised (`render::wave_runs`).
    #[serde(skip)]
    pub wave_runs: Vec<wave_runs::WaveRun>,
    /// The platform hubs (`hubs:`) and their deployment root; `None` without `hubs:`.
    #[serde(skip)]
    pub platform: Option<Box<Platform>>,
}

/// The platform part of a landing zone (`hubs:`): its hubs as a landing zone of their own (one
/// "environment" per hub), rendered as the platform deployment root.
#[derive(Debug, Clone)]
pub struct Platform {
    /// The hubs, each an environment named after the hub, in name order.
    pub lz: LandingZone,
    /// What each hub is beyond its settings, in the same order.
    pub hubs: Vec<platform::HubFacts>,
}

/// What one strategy of a combination brings, for the README.
#[derive(Debug, Clone, Serialize)]
pub struct StrategyPart {
    /// Strategy name.
    pub name: String,
    /// Its one-line summary.
    pub summary: String,
    /// Components no earlier strategy (in canonical order) brought.
    pub adds: Vec<String>,
    /// Components an earlier strategy already brought.
    pub shares: Vec<String>,
}

/// What each strategy of a combination brings; nothing for a single strategy.
fn strategy_parts(strategies: &strategies::Strategies) -> Vec<StrategyPart> {
    if strategies.list().len() < 2 {
        return Vec::new();
    }
    let union = strategies.components();
    strategies
        .list()
        .iter()
        .map(|s| {
            let (adds, shares) = s.components.iter().cloned().partition(|c| {
                union
                    .iter()
                    .any(|(name, from)| name == c && from.first() == Some(&s.name))
            });
            StrategyPart {
                name: s.name.clone(),
                summary: s.summary.clone(),
                adds,
                shares,
            }
        })
        .collect()
}

/// One environment: its settings, names and target parameters.
#[derive(Debug, Clone, Serialize)]
pub struct Environment {
    /// Environment name (`dev`, `prod`).
    pub name: String,
    /// Preset tier it started from.
    pub tier: String,
    /// The parameters both targets receive, by camelCase name, in declaration order.
    pub params: Vec<Param>,
    /// Every resource name of this environment, by name key, for the README and `meg show`.
    pub names: Names,
    /// Azure region.
    pub location: String,
    /// The availability zones of its region (1-3), none where the region has no zones.
    pub region_zones: Vec<&'static str>,
    /// The subscription it deploys into (lower case), when the input names it.
    pub subscription_id: Option<String>,
    /// Landing-zone name.
    pub landing_zone: String,
    /// The VMs sized from an inventory (`migration.inventory`), for the README: each with its
    /// size, the server and row it came from, and why it has that size. Not in the templates'
    /// `env`: the README's rows are written from it in Rust (`render::readme::migrated`).
    #[serde(skip)]
    pub migrated: Vec<migrated::MigratedVm>,
    /// Typed settings, for checks and lint.
    #[serde(skip)]
    pub settings: Settings,
    /// The hub's subnet layout.
    #[serde(skip)]
    pub layout: HubLayout,
    /// Each spoke's subnets, laid out once.
    #[serde(skip)]
    pub(crate) spoke_subnets: spoke_subnets::SpokeSubnets,
    /// The settings as JSON after presets and defaults: what lint rules see.
    #[serde(skip)]
    pub resolved: Value,
    /// Access-restricted regions this environment deploys to, with the setting that names each:
    /// a prerequisite the README states and `meg lint` reports (REL-006).
    pub restricted_regions: Vec<RegionUse>,
    /// For a platform hub: the address spaces of the spokes of every environment attached to
    /// it, which its firewall rules and gateway routes serve. `None` for an environment.
    #[serde(skip)]
    pub attached_spoke_prefixes: Option<Vec<String>>,
    /// For a platform hub: the rule collection groups its firewall policy carries for the
    /// workloads of the environments attached to it. `None` for an environment.
    #[serde(skip)]
    pub(crate) attached_rule_collection_groups:
        Option<Vec<params::attached_firewall_rules::RuleCollectionGroup>>,
    /// A platform hub (`hubs:`) resolved as an environment of the platform root, rather than an
    /// application landing zone: it deploys only its hub ([`Deploy::of_platform_hub`]).
    #[serde(skip)]
    pub platform_hub: bool,
}

impl Environment {
    /// The parts this environment's root deploys.
    pub fn deploy_parts(&self) -> Deploy {
        if self.platform_hub {
            Deploy::of_platform_hub(&self.settings)
        } else {
            Deploy::of(&self.settings)
        }
    }
}

/// A region an environment deploys to, and the setting that names it.
#[derive(Debug, Clone, Serialize)]
pub struct RegionUse {
    /// The setting, as a dotted key (`location`, `migration.siteRecovery.recoveryLocation`).
    pub key: String,
    /// The region's programmatic name.
    pub region: String,
}

impl LandingZone {
    /// Resolves layered values into a landing zone, or lists every problem found, each
    /// located in the inputs (the checks only name key paths; [`locate`] finds them).
    pub fn resolve(values: &Values, catalog: &Catalog, schema: &Schema) -> Result<Self> {
        Self::resolve_with(values, catalog, schema, migrated::ServerVms::new())
    }

    /// [`LandingZone::resolve`], with the VMs an inventory brings to each environment (checked
    /// and planned by `inventory`) added to its `migration.virtualMachines`.
    pub fn resolve_with(
        values: &Values,
        catalog: &Catalog,
        schema: &Schema,
        servers: migrated::ServerVms,
    ) -> Result<Self> {
        Self::resolve_unlocated(values, catalog, schema, servers)
            .map_err(|e| locate::locate_error(values, e))
    }

    fn resolve_unlocated(
        values: &Values,
        catalog: &Catalog,
        schema: &Schema,
        mut servers: migrated::ServerVms,
    ) -> Result<Self> {
        let wants_text = |p: &str| schema.wants_text(p);
        let typed;
        let values = if values.needs_written_text(&wants_text) {
            let mut v = values.clone();
            v.keep_written_text(&wants_text);
            typed = v;
            &typed
        } else {
            values
        };
        schema.validate(values)?;
        let tables = NamingTables::load(catalog)?;
        schema.check_formats(values, &tables.regions)?;
        let top = values
            .merged
            .as_object()
            .expect("the schema requires a mapping");
        let text = |k: &str| {
            top.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let name = text("name");
        let location = text("location");

        let strategies = strategies::Strategies::load(
            catalog,
            &strategies::Strategies::names_of(top.get("strategy").unwrap_or(&Value::Null)),
        )
        .map_err(|refused| {
            Error::Input(
                refused
                    .into_iter()
                    .map(|(index, d)| Diagnostic {
                        key: Some(Box::new(KeyPath {
                            env: None,
                            pointer: match (index, top.get("strategy")) {
                                (Some(i), Some(Value::Array(_))) => format!("/strategy/{i}"),
                                _ => "/strategy".into(),
                            },
                        })),
                        ..d
                    })
                    .collect(),
            )
        })?;
        let strategy_defaults = strategies.defaults(|c| strategies::component_settings(catalog, c));
        let region_short = tables
            .regions
            .region(&location)
            .map_err(|d| {
                Error::input(Diagnostic {
                    key: Some(Box::new(KeyPath {
                        env: None,
                        pointer: "/location".into(),
                    })),
                    ..d
                })
            })?
            .to_string();

        let mut naming = top.get("naming").cloned().unwrap_or_else(|| json!({}));
        schema.apply_defaults(&schema.doc["properties"]["naming"], &mut naming);
        // The schema has checked it and given its defaults: one that does not read is the
        // default naming.
        let naming: crate::input::naming::Naming =
            serde_json::from_value(naming).unwrap_or_default();
        let namer = Namer::new(
            &tables,
            &naming.pattern,
            &naming.instance,
            &region_short,
            &name,
        )?;
        let overrides = naming.overrides;

        let shared: Map<String, Value> = top
            .iter()
            .filter(|(k, _)| !TOP_ONLY.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let env_schema = &schema.doc["$defs"]["environment"];

        let hubs = resolve_hubs(&HubInputs {
            top,
            values,
            catalog,
            schema,
            strategy_defaults: &strategy_defaults,
            shared: &shared,
            namer: &namer,
            overrides: &overrides,
            lz_name: &name,
            location: &location,
        })?;
        let mut problems = hubs.problems;
        let mut environments = Vec::new();
        let env_count = top["environments"].as_object().map_or(0, |m| m.len());
        for (env_index, (env_name, env_values)) in top["environments"]
            .as_object()
            .expect("schema checked")
            .iter()
            .enumerate()
        {
            // The preset is the environment's name when that is dev, test or prod; any other
            // name must say which preset it takes, or a "prd" would quietly get dev settings.
            let tier = match env_values.get("tier").and_then(Value::as_str) {
                Some(t) => t.to_string(),
                None if TIERS.contains(&env_name.as_str()) => env_name.clone(),
                None => {
                    let mut d = Diagnostic::at_key(
                        format!("/environments/{env_name}"),
                        format!(
                            "environment '{env_name}' is not named dev, test or prod, so meg cannot tell which preset it starts from"
                        ),
                    );
                    d = match did_you_mean(env_name, TIERS) {
                        Some(t) => d.hint(format!("did you mean '{t}'? Otherwise add `tier: dev|test|prod` under environments.{env_name}")),
                        None => d.hint(format!("add `tier: dev|test|prod` under environments.{env_name}")),
                    };
                    problems.push(d);
                    continue;
                }
            };
            let mut resolved = json!({});
            crate::input::values::merge(&mut resolved, &strategy_defaults);
            crate::input::values::merge(
                &mut resolved,
                &catalog.yaml::<Value>(&format!("catalog/presets/{tier}.yaml"))?,
            );
            crate::input::values::merge(&mut resolved, &Value::Object(shared.clone()));
            crate::input::values::merge(&mut resolved, env_values);
            resolved["tier"] = Value::String(tier.clone());
            schema.apply_defaults(env_schema, &mut resolved);
            let ctx = EnvContext {
                env: env_name,
                values,
                namer: &namer,
                overrides: &overrides,
                env_count,
                first: env_index == 0,
                lz_name: &name,
                location: &location,
            };
            if let Err(mut ds) = platform::attach(&mut resolved, env_name, values, &hubs.facts) {
                locate::in_env(env_name, &mut ds);
                problems.append(&mut ds);
                continue;
            }
            if let Err(mut ds) = defer_to_existing_hub(&mut resolved, &ctx) {
                locate::in_env(env_name, &mut ds);
                problems.append(&mut ds);
                continue;
            }
            let mut ds = fit_to_region_zones(&mut resolved, &ctx);
            if !ds.is_empty() {
                locate::in_env(env_name, &mut ds);
                problems.append(&mut ds);
                continue;
            }
            if let Err(mut ds) = network::allocate_spokes(&mut resolved) {
                locate::in_env(env_name, &mut ds);
                problems.append(&mut ds);
                continue;
            }
            // Read from the tree in place.
            let mut settings = Settings::deserialize(&resolved).map_err(|e| {
                Error::input(Diagnostic::at_key(
                    format!("/environments/{env_name}"),
                    e.to_string(),
                ))
            })?;
            // An inventory's servers join typed, never as JSON: at 20,000 servers a tree of
            // them would be most of the landing zone's memory.
            if let Some(vms) = servers.remove(env_name.as_str()) {
                settings.migration.virtual_machines.extend(vms);
            }
            match build_environment(&ctx, &tier, settings, resolved) {
                Ok(env) => environments.push(env),
                Err(mut ds) => {
                    locate::in_env(env_name, &mut ds);
                    problems.append(&mut ds);
                }
            }
        }
        if problems.is_empty() {
            let named: Vec<&Environment> = environments.iter().chain(&hubs.environments).collect();
            problems.extend(unknown_overrides(&overrides, &named));
        }
        if !problems.is_empty() {
            return Err(Error::Input(problems));
        }
        environments.sort_by_key(|e| {
            (
                TIERS
                    .iter()
                    .position(|t| *t == e.tier)
                    .unwrap_or(TIERS.len()),
                e.name.clone(),
            )
        });

        let mut governance_input = top.get("governance").cloned().unwrap_or_else(|| json!({}));
        schema.apply_defaults(
            &schema.doc["properties"]["governance"],
            &mut governance_input,
        );
        let governance_settings: crate::input::governance::Governance =
            serde_json::from_value(governance_input.clone()).unwrap_or_default();
        let required_tags = governance_settings.required_tags.clone();
        let mut governance =
            crate::model::governance::resolve(&governance_settings, &name, &location, &namer)
                .map_err(Error::Input)?;
        let views: Vec<_> = environments
            .iter()
            .map(|e| crate::model::subscriptions::EnvironmentSubscription {
                name: &e.name,
                subscription_id: e.settings.subscription_id.as_deref(),
                management_group: e.settings.management_group,
            })
            .collect();
        let group_ids: Option<BTreeMap<String, String>> = governance.as_ref().map(|g| {
            g.management_groups
                .iter()
                .map(|m| (m.key.clone(), m.id.clone()))
                .collect()
        });
        let placed = crate::model::subscriptions::resolve(
            values,
            &views,
            &governance_input,
            top.get("hubs").unwrap_or(&Value::Null),
            group_ids.as_ref(),
        )
        .map_err(Error::Input)?;
        if let (Some(g), Some(p)) = (governance.as_mut(), placed) {
            g.placements = p.placements;
            g.subscription_id = p.subscription_id;
        }
        let mut lz = LandingZone {
            name,
            strategy: strategies.label(),
            strategies: strategies.names(),
            strategy_parts: strategy_parts(&strategies),
            location,
            region_short,
            environments,
            deploy: Deploy::default(),
            name_keys: Vec::new(),
            item_secrets: secrets::ItemSecrets::default(),
            governance,
            required_tags: required_tags.clone(),
            waves: Vec::new(),
            wave_runs: Vec::new(),
            platform: None,
        };
        lz.finish();
        if !hubs.environments.is_empty() {
            let mut hub_environments = hubs.environments;
            for hub in &mut hub_environments {
                hub.attached_spoke_prefixes = Some(platform::attached_spoke_prefixes(
                    &hub.name,
                    lz.environments.iter().map(|e| &e.settings),
                ));
                hub.attached_rule_collection_groups =
                    Some(params::attached_firewall_rules::for_hub(
                        &hub.name,
                        &hub.settings,
                        lz.environments
                            .iter()
                            .map(|e| (e.name.as_str(), &e.settings, &e.spoke_subnets)),
                    ));
            }
            let mut root = LandingZone {
                name: lz.name.clone(),
                strategy: lz.strategy.clone(),
                strategies: lz.strategies.clone(),
                strategy_parts: lz.strategy_parts.clone(),
                location: lz.location.clone(),
                region_short: lz.region_short.clone(),
                environments: hub_environments,
                deploy: Deploy::default(),
                name_keys: Vec::new(),
                item_secrets: secrets::ItemSecrets::default(),
                governance: None,
                required_tags,
                waves: Vec::new(),
                wave_runs: Vec::new(),
                platform: None,
            };
            root.finish();
            lz.platform = Some(Box::new(Platform {
                lz: root,
                hubs: hubs.facts.into_values().flatten().collect(),
            }));
        }
        // Each root gets pipeline names of its own (`model::stage_names`).
        if let Some(d) = stage_names::clash(&lz.stage_names()) {
            return Err(Error::input(d));
        }
        // One root builds its environments' hubs or peers them to hubs it does not build.
        let kinds: Vec<(&str, &Settings)> = lz
            .environments
            .iter()
            .map(|e| (e.name.as_str(), &e.settings))
            .collect();
        let mixed = hub_kinds::check(&kinds, values);
        if !mixed.is_empty() {
            return Err(Error::Input(mixed));
        }
        // Names that become file names hold on every checkout (`model::portable_names`).
        let hubs = lz.platform.iter().flat_map(|p| &p.lz.environments);
        let reserved = portable_names::check(
            lz.environments
                .iter()
                .map(|e| {
                    (
                        "environment",
                        format!("/environments/{}", e.name),
                        e.name.as_str(),
                    )
                })
                .chain(hubs.map(|h| ("hub", format!("/hubs/{}", h.name), h.name.as_str())))
                .chain(
                    lz.waves
                        .iter()
                        .map(|w| ("wave", "/migration/waves".to_string(), w.name.as_str())),
                ),
        );
        if !reserved.is_empty() {
            return Err(Error::Input(reserved));
        }
        // One address plan across every environment that routes to another.
        let plan: Vec<routing::Env> = lz
            .environments
            .iter()
            .map(|e| (e.name.as_str(), &e.settings))
            .collect();
        let overlaps: Vec<Diagnostic> = address_overlaps::check(&plan)
            .iter()
            .map(|o| o.diagnostic(&plan, values))
            .collect();
        if !overlaps.is_empty() {
            return Err(Error::Input(overlaps));
        }
        Ok(lz)
    }

    /// Keeps only the named environments (all when `names` is empty); an unknown name is an error.
    pub fn retain_environments(&mut self, names: &[String]) -> Result<()> {
        if names.is_empty() {
            return Ok(());
        }
        let known: Vec<String> = self.environments.iter().map(|e| e.name.clone()).collect();
        let unknown: Vec<Diagnostic> = names
            .iter()
            .filter(|n| !known.contains(n))
            .map(|n| {
                let d = Diagnostic::at(
                    format!("--env {n}"),
                    format!("the landing zone has no environment '{n}'"),
                );
                match did_you_mean(n, known.iter().map(String::as_str)) {
                    Some(s) => d.hint(format!("did you mean '{s}'?")),
                    None => d.hint(format!("environments: {}", known.join(", "))),
                }
            })
            .collect();
        if !unknown.is_empty() {
            return Err(Error::Input(unknown));
        }
        self.environments.retain(|e| names.contains(&e.name));
        self.finish();
        Ok(())
    }

    /// Derives what the code must hold from the environments, then each one's parameters.
    /// The roots a pipeline deploys, with the names it gives them: governance, the hubs, the
    /// environments.
    fn stage_names(&self) -> Vec<stage_names::Named> {
        let governance = self.governance.iter().map(|_| stage_names::Named {
            stage: stage_names::StageName::governance(),
            what: "governance".into(),
            key: "/governance".into(),
        });
        let hubs = self
            .platform
            .iter()
            .flat_map(|p| &p.lz.environments)
            .map(|hub| stage_names::Named {
                stage: stage_names::StageName::platform(&hub.name),
                what: format!("hub '{}'", hub.name),
                key: format!("/hubs/{}", hub.name),
            });
        let environments = self.environments.iter().map(|env| stage_names::Named {
            stage: stage_names::StageName::environment(&env.name),
            what: format!("environment '{}'", env.name),
            key: format!("/environments/{}", env.name),
        });
        governance.chain(hubs).chain(environments).collect()
    }

    fn finish(&mut self) {
        let mut deploy = self
            .environments
            .iter()
            .map(Environment::deploy_parts)
            .fold(Deploy::default(), Deploy::or);
        deploy.governance = self.governance.is_some();
        self.deploy = deploy;
        self.item_secrets =
            secrets::ItemSecrets::of(self.environments.iter().map(|env| &env.settings));
        for i in 0..self.environments.len() {
            let params = params(&self.environments[i], &self.deploy, &self.item_secrets);
            self.environments[i].params = params;
        }
        self.waves = waves::of(self.environments.iter().map(|env| {
            waves::EnvironmentView {
                name: &env.name,
                settings: &env.settings,
                names: &env.names,
                tags: env
                    .params
                    .iter()
                    .find(|p| p.name == "tags")
                    .map_or_else(|| serde_json::json!({}), |p| p.value.clone()),
            }
        }));
        self.name_keys = FixedName::ALL
            .iter()
            .copied()
            .filter(|f| f.part().deployed(&self.deploy))
            .collect();
    }
}

/// The declared hubs, resolved: each as an environment, with its facts (`None` for a hub that
/// did not resolve), and every problem found, located in the hub's body or where the landing
/// zone sets the value for it.
struct ResolvedHubs {
    environments: Vec<Environment>,
    facts: BTreeMap<String, Option<platform::HubFacts>>,
    problems: Vec<Diagnostic>,
}

/// What resolving the hubs needs from the landing zone's resolution.
struct HubInputs<'a> {
    top: &'a Map<String, Value>,
    values: &'a crate::input::values::Values,
    catalog: &'a crate::catalog::Catalog,
    schema: &'a crate::input::schema::Schema,
    strategy_defaults: &'a Value,
    shared: &'a Map<String, Value>,
    namer: &'a crate::model::naming::Namer<'a>,
    overrides: &'a BTreeMap<String, String>,
    lz_name: &'a str,
    location: &'a str,
}

/// Resolves every declared hub once, as an environment named after it.
fn resolve_hubs(i: &HubInputs) -> Result<ResolvedHubs> {
    let declared = crate::input::hubs::read(i.top);
    let mut out = ResolvedHubs {
        environments: Vec::new(),
        facts: BTreeMap::new(),
        problems: Vec::new(),
    };
    let env_schema = &i.schema.doc["$defs"]["environment"];
    for (index, (name, hub)) in declared.iter().enumerate() {
        let tier = platform::hub_tier(name, hub, i.top, &TIERS);
        let preset: Value = i.catalog.yaml(&format!("catalog/presets/{tier}.yaml"))?;
        let mut resolved = platform::hub_values(i.strategy_defaults, &preset, i.shared, hub);
        resolved["tier"] = Value::String(tier.clone());
        i.schema.apply_defaults(env_schema, &mut resolved);
        platform::without_workloads(&mut resolved);
        let location = hub.location.as_deref().unwrap_or(i.location);
        // A hub in another region is named with that region's code (the schema checked it).
        let regional = i.namer.in_region(location);
        let ctx = EnvContext {
            env: name,
            values: i.values,
            namer: regional.as_ref().unwrap_or(i.namer),
            overrides: i.overrides,
            env_count: declared.len(),
            first: index == 0,
            lz_name: i.lz_name,
            location,
        };
        let user_set = |pointer: &str| {
            i.values
                .merged
                .pointer(&format!("/hubs/{name}{pointer}"))
                .or_else(|| i.values.merged.pointer(pointer))
                .cloned()
        };
        let mut ds = region_zones::fit(
            &mut resolved,
            location,
            i.namer.has_zones(location),
            &user_set,
        );
        if !ds.is_empty() {
            platform::locate_in_hub(name, &i.values.merged, &mut ds);
            out.problems.append(&mut ds);
            out.facts.insert(name.clone(), None);
            continue;
        }
        let settings: Settings = match serde_json::from_value(resolved.clone()) {
            Ok(s) => s,
            Err(e) => {
                out.problems
                    .push(Diagnostic::at_key(format!("/hubs/{name}"), e.to_string()));
                out.facts.insert(name.clone(), None);
                continue;
            }
        };
        match build_environment(&ctx, &tier, settings, resolved) {
            Ok(mut env) => {
                env.platform_hub = true;
                let seen = platform::HubEnvironment {
                    settings: &env.settings,
                    resolved: &env.resolved,
                    layout: &env.layout,
                    names: &env.names,
                    location: &env.location,
                };
                out.facts.insert(
                    name.clone(),
                    Some(platform::facts_of(name, hub, &seen, i.top)),
                );
                out.environments.push(env);
            }
            Err(mut ds) => {
                platform::locate_in_hub(name, &i.values.merged, &mut ds);
                out.problems.append(&mut ds);
                out.facts.insert(name.clone(), None);
            }
        }
    }
    Ok(out)
}

/// The parts of the hub that an existing hub already runs: the render must not create them.
const HUB_PARTS: [(&str, &str); 7] = [
    ("firewall", "enabled"),
    ("bastion", "enabled"),
    ("vpnGateway", "enabled"),
    ("expressRoute", "enabled"),
    ("dnsResolver", "enabled"),
    ("ddosProtection", "enabled"),
    ("arc", "privateLinkScope"),
];

/// With `network.hub.existing`, turns off what the hub runs (defaults and presets turn some of
/// it on) and refuses an input that asks for both, or for a hub address space that would be
/// ignored. The platform Key Vault's private endpoint then needs a subnet of the existing hub.
fn defer_to_existing_hub(resolved: &mut Value, ctx: &EnvContext) -> Result<(), Vec<Diagnostic>> {
    if resolved
        .pointer("/network/hub/existing")
        .is_none_or(Value::is_null)
    {
        return Ok(());
    }
    let mut problems = Vec::new();
    // Beside platform hubs (an attached environment, or any environment of a file that
    // declares hubs), the landing zone's top-level hub settings are the hubs': only the
    // environment's own would ask this environment for a hub resource.
    let attached = resolved.pointer("/network/hub/platform").is_some();
    let platform = attached || ctx.values.merged.pointer("/hubs").is_some();
    let user_set = |pointer: &str| {
        let env_ptr = format!("/environments/{}{pointer}", ctx.env);
        ctx.values
            .merged
            .pointer(&env_ptr)
            .or_else(|| {
                (!platform)
                    .then(|| ctx.values.merged.pointer(pointer))
                    .flatten()
            })
            .cloned()
    };
    for (part, switch) in HUB_PARTS {
        let pointer = format!("/{part}/{switch}");
        if user_set(&pointer) == Some(Value::Bool(true)) {
            problems.push(
                Diagnostic::at_key(
                    &pointer,
                    format!("{part}.{switch} asks for a hub resource, but network.hub.existing names a hub that meg does not create"),
                )
                .hint(format!("remove {part}.{switch}: the existing hub's owners run it")),
            );
        }
        resolved[part][switch] = Value::Bool(false);
    }
    if !attached && user_set("/network/hub/addressSpace").is_some() {
        problems.push(
            Diagnostic::at_key(
                "/network/hub/addressSpace",
                "network.hub.addressSpace is for a hub meg creates; this environment uses network.hub.existing",
            )
            .hint("move it to network.hub.existing.addressSpace so meg checks the spokes against it"),
        );
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Fits an environment's settings to its region's availability zones
/// ([`region_zones::fit`]). The input's own values are the environment's, else the landing
/// zone's top level; a hub setting (the firewall's zones) is the input's only where the
/// environment builds its own hub, since a platform or existing hub's firewall is not its.
fn fit_to_region_zones(resolved: &mut Value, ctx: &EnvContext) -> Vec<Diagnostic> {
    let own_hub = resolved.pointer("/network/hub/platform").is_none()
        && resolved
            .pointer("/network/hub/existing")
            .is_none_or(Value::is_null);
    let user_set = |pointer: &str| {
        if pointer.starts_with("/firewall/") && !own_hub {
            return None;
        }
        ctx.values
            .merged
            .pointer(&format!("/environments/{}{pointer}", ctx.env))
            .or_else(|| ctx.values.merged.pointer(pointer))
            .cloned()
    };
    region_zones::fit(
        resolved,
        ctx.location,
        ctx.namer.has_zones(ctx.location),
        &user_set,
    )
}

/// The private DNS zones an environment's private endpoints register in, each with the first
/// endpoint that needs it: a zone missing from the hub would leave that endpoint unresolvable.
fn needed_private_dns_zones(s: &Settings) -> BTreeMap<&'static str, String> {
    const VAULT: &str = "privatelink.vaultcore.azure.net";
    let mut zones = BTreeMap::new();
    let mut need = |zone: &'static str, why: String| {
        zones.entry(zone).or_insert(why);
    };
    if s.key_vault.private_endpoint {
        need(
            VAULT,
            "the platform Key Vault's private endpoint (keyVault.privateEndpoint)".into(),
        );
        if s.migration.enabled {
            need(
                VAULT,
                "the disk encryption Key Vault's private endpoint".into(),
            );
        }
    }
    if s.paas.enabled {
        for (name, app) in &s.paas.applications {
            let at = format!("application '{name}'");
            if !app.web_apps.is_empty() {
                need(
                    "privatelink.azurewebsites.net",
                    format!("the web apps of {at}"),
                );
            }
            if !app.databases.is_empty() {
                need(
                    "privatelink.database.windows.net",
                    format!("the SQL server of {at}"),
                );
            }
            need(VAULT, format!("the Key Vault of {at}"));
            if app.container_apps {
                need(
                    "privatelink.azurecr.io",
                    format!("the container registry of {at}"),
                );
            }
        }
    }
    zones
}

/// Every private endpoint's zone exists: in `network.privateDnsZones` for a hub meg creates,
/// in `network.hub.existing.privateDnsZoneIds` for an existing one.
fn check_private_dns_zones(s: &Settings) -> Vec<Diagnostic> {
    let (have, key): (Vec<&str>, &str) = match &s.network.hub.existing {
        Some(hub) => (
            hub.private_dns_zone_ids
                .keys()
                .map(String::as_str)
                .collect(),
            "/network/hub/existing/privateDnsZoneIds",
        ),
        None => (
            s.network
                .private_dns_zones
                .iter()
                .map(String::as_str)
                .collect(),
            "/network/privateDnsZones",
        ),
    };
    needed_private_dns_zones(s)
        .into_iter()
        .filter(|(zone, _)| !have.contains(zone))
        .map(|(zone, why)| {
            let hint = if let Some(close) = did_you_mean(zone, have.iter().copied()) {
                format!("'{close}' is there: did you mean '{zone}'?")
            } else if s.network.hub.existing.is_some() {
                format!("add the resource ID of the hub's {zone} zone under network.hub.existing.privateDnsZoneIds")
            } else {
                format!("add {zone} to network.privateDnsZones")
            };
            Diagnostic::at_key(
                key,
                format!("private DNS zone {zone} is missing: {why} registers in it"),
            )
            .hint(hint)
        })
        .collect()
}

pub(crate) struct EnvContext<'a> {
    env: &'a str,
    values: &'a Values,
    namer: &'a Namer<'a>,
    overrides: &'a BTreeMap<String, String>,
    /// How many environments the landing zone has: an override names the resource in each.
    env_count: usize,
    /// Whether this is the first environment: a problem of the landing zone as a whole is
    /// reported there, once.
    first: bool,
    lz_name: &'a str,
    location: &'a str,
}

pub(crate) fn build_environment(
    ctx: &EnvContext,
    tier: &str,
    settings: Settings,
    resolved: Value,
) -> Result<Environment, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let spoke_subnets = spoke_subnets::SpokeSubnets::of(&settings);
    let layout = network::check(&settings, &spoke_subnets);
    if let Err(ds) = &layout {
        problems.extend(ds.iter().cloned());
    }
    problems.extend(check_private_dns_zones(&settings));
    problems.extend(check_existing_hub(&settings));
    problems.extend(check_express_route(&settings));
    problems.extend(secrets::check(&settings));
    problems.extend(crate::input::tags::check(&settings));
    problems.extend(crate::model::workloads::check(
        &settings,
        &spoke_subnets,
        ctx.location,
    ));
    problems.extend(subnet_capacity::check(&settings, &spoke_subnets));
    let mut names = Names::default();
    // Resources in another region than the landing zone's are named with that region's code.
    let mut regional = BTreeMap::new();
    let mut unknown_region_reported = false;
    for &key in FixedName::ALL {
        let Some((region, pointer)) = crate::model::workloads::name_region(key, &settings) else {
            continue;
        };
        match ctx.namer.in_region(region) {
            Some(namer) => {
                regional.insert(key, namer);
            }
            None if !unknown_region_reported => {
                unknown_region_reported = true;
                // The one check of a region name, with its hint; located by its key path.
                if let Some(d) = ctx.namer.region_problem(region) {
                    problems.push(d.for_key(pointer));
                }
            }
            None => {}
        }
    }
    let mut name = |key: NameKey, kind: &str, workload: &str| {
        let namer = match &key {
            NameKey::Fixed(f) => regional.get(f),
            _ => None,
        }
        .unwrap_or(ctx.namer);
        // `naming.overrides` is the user's text: it is read by the key's text.
        let text = key.to_string();
        let made = match ctx.overrides.get(&text) {
            Some(explicit) => namer
                .explicit(kind, explicit)
                .map_err(|d| Diagnostic {
                    location: None,
                    key: Some(Box::new(KeyPath {
                        env: None,
                        pointer: format!(
                            "/naming/overrides/{}",
                            crate::input::values::pointer_token(&text)
                        ),
                    })),
                    ..d
                })
                .and_then(|n| {
                    // Overrides apply to every environment; a name Azure keeps unique across
                    // all customers can be taken once, so the second environment would fail.
                    match namer.globally_unique(kind) {
                        Some(resource_type) if ctx.env_count > 1 && ctx.first => Err(Diagnostic::at_key(
                            format!(
                                "/naming/overrides/{}",
                                crate::input::values::pointer_token(&text)
                            ),
                            format!(
                                "gives all {} environments the name '{explicit}', but a {resource_type} name is unique across Azure, so only one of them could deploy",
                                ctx.env_count
                            ),
                        )
                        .hint("remove the override and meg gives each environment its own name with a unique suffix")),
                        _ => Ok(n),
                    }
                }),
            None => namer.name(kind, workload, ctx.env),
        };
        match made {
            Ok(n) => {
                names.insert(key, n);
            }
            Err(d) => problems.push(Diagnostic {
                location: d.location.map(|l| format!("{l} (environment {})", ctx.env)),
                ..d
            }),
        }
    };
    for &fixed in FixedName::ALL {
        // Globally unique names carry the landing zone's name: kv-contoso-prod-weu-1a2b.
        let workload = match fixed.workload() {
            "{name}" => ctx.lz_name,
            workload => workload,
        };
        name(NameKey::Fixed(fixed), fixed.kind(), workload);
    }
    let creates_hub = settings.network.hub.existing.is_none();
    for role in HubRole::ALL.into_iter().filter(|_| creates_hub) {
        let info = role.info();
        if info.nsg {
            name(
                NameKey::HubSubnetNsg(role),
                "networkSecurityGroup",
                info.nsg_workload,
            );
        }
    }
    for site in &settings.on_premises.sites {
        name(
            NameKey::Site(site.name.clone(), SitePart::LocalNetworkGateway),
            "localNetworkGateway",
            &site.name,
        );
        name(
            NameKey::Site(site.name.clone(), SitePart::Connection),
            "connection",
            &site.name,
        );
    }
    for spoke in &settings.network.spokes {
        for (part, kind) in [
            (SpokePart::ResourceGroup, "resourceGroup"),
            (SpokePart::VirtualNetwork, "virtualNetwork"),
            (SpokePart::RouteTable, "routeTable"),
        ] {
            name(NameKey::Spoke(spoke.name.clone(), part), kind, &spoke.name);
        }
        for subnet in spoke_subnets.of_spoke(&spoke.name) {
            name(
                NameKey::SpokeSubnetNsg(spoke.name.clone(), subnet.name.clone()),
                "networkSecurityGroup",
                &format!("{}-{}", spoke.name, subnet.name),
            );
        }
    }
    for ToName {
        key,
        kind,
        workload,
    } in crate::model::workloads::names(&settings)
    {
        name(key, kind, &workload);
    }
    match layout {
        Ok(layout) if problems.is_empty() => Ok(Environment {
            name: ctx.env.to_string(),
            tier: tier.to_string(),
            location: ctx.location.to_string(),
            region_zones: params::zones(ctx.namer.has_zones(ctx.location)),
            subscription_id: settings
                .subscription_id
                .as_deref()
                .map(str::to_ascii_lowercase),
            landing_zone: ctx.lz_name.to_string(),
            params: Vec::new(),
            names,
            migrated: migrated::of(&settings),
            restricted_regions: region_uses(ctx.location, &settings)
                .into_iter()
                .filter(|u| ctx.namer.is_restricted(&u.region))
                .collect(),
            settings,
            resolved,
            layout,
            spoke_subnets,
            attached_spoke_prefixes: None,
            attached_rule_collection_groups: None,
            platform_hub: false,
        }),
        _ => Err(problems),
    }
}

/// Every region an environment deploys to, with the setting that names it: the landing zone's
/// location, and Site Recovery's recovery region when it replicates.
fn region_uses(location: &str, s: &Settings) -> Vec<RegionUse> {
    let mut uses = vec![RegionUse {
        key: "location".into(),
        region: location.into(),
    }];
    let sr = &s.migration.site_recovery;
    if let (true, true, Some(region)) = (s.migration.enabled, sr.enabled, &sr.recovery_location) {
        uses.push(RegionUse {
            key: "migration.siteRecovery.recoveryLocation".into(),
            region: region.clone(),
        });
    }
    uses
}

/// `naming.overrides` keys that name no resource of any environment: a typo would otherwise
/// leave the name it meant to fix as meg makes it, without a word. The overrides are the user's
/// text, so they are compared with the keys' text.
fn unknown_overrides(
    overrides: &BTreeMap<String, String>,
    environments: &[&Environment],
) -> Vec<Diagnostic> {
    let known: std::collections::BTreeSet<String> = environments
        .iter()
        .flat_map(|e| e.names.keys().map(ToString::to_string))
        .collect();
    overrides
        .keys()
        .filter(|key| !known.contains(key.as_str()))
        .map(|key| {
            let pointer = format!(
                "/naming/overrides/{}",
                crate::input::values::pointer_token(key)
            );
            let d = Diagnostic::at_key(
                &pointer,
                format!("naming.overrides has no resource named '{key}'"),
            );
            match did_you_mean(key, known.iter().map(String::as_str)) {
                Some(k) => d.hint(format!("did you mean '{k}'?")),
                // The README shows the names, not their keys: the hint lists the keys.
                None => d.hint(format!(
                    "this landing zone's name keys: {}",
                    known
                        .iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
        })
        .collect()
}

/// Builds the parameters of an environment; parts no environment deploys are left out.
fn params(env: &Environment, deploy: &Deploy, item_secrets: &secrets::ItemSecrets) -> Vec<Param> {
    use crate::model::params::{
        bastion::bastion, dns_resolver::DnsResolver, firewall::Firewall,
        hub_network::ExistingHubNetwork, hub_network::HubNetwork, hub_network::PlatformHubNetwork,
        lock::Lock, spokes::Spoke, switch::Switch, vpn_gateway::OnPremisesSite,
        vpn_gateway::VpnGateway,
    };
    let s = &env.settings;
    let src = params::Source {
        env_name: &env.name,
        location: &env.location,
        landing_zone: &env.landing_zone,
        settings: s,
        layout: &env.layout,
        spoke_subnets: &env.spoke_subnets,
        names: &env.names,
        deploy,
        region_zones: &env.region_zones,
    };
    let mut out = ParamList::default();
    out.add("location", &env.location);
    out.add("environmentName", &env.name);
    out.add_user_map("tags", &tags(env));
    let names: Map<String, Value> = FixedName::ALL
        .iter()
        .filter(|f| f.part().deployed(deploy))
        .map(|&f| (f.key().to_string(), src.name(f).into()))
        .collect();
    out.add("names", &names);
    // The settings as they are (ARM's spelling where it differs): each one is a parameter.
    out.add("logAnalytics", &s.monitoring);
    out.add("lock", &Lock::new(s));
    if deploy.key_vault {
        out.add("keyVault", &s.key_vault);
    }
    match &s.network.hub.existing {
        Some(existing) => out.add("hubNetwork", &ExistingHubNetwork::new(&src, existing)),
        None if deploy.spokes => {
            out.add("hubNetwork", &HubNetwork::new(&src));
            out.add("privateDnsZones", &s.network.private_dns_zones);
        }
        None => {
            out.add("hubNetwork", &PlatformHubNetwork::new(&src));
            out.add("privateDnsZones", &s.network.private_dns_zones);
        }
    }
    if deploy.firewall {
        out.add("firewall", &Firewall::new(&src));
    }
    if deploy.bastion {
        out.add("bastion", &bastion(s));
    }
    if deploy.vpn_gateway {
        out.add("vpnGateway", &VpnGateway::new(&src));
    }
    if deploy.site_to_site {
        out.add("onPremisesSites", &OnPremisesSite::all(&src));
    }
    if deploy.on_premises {
        out.add("onPremisesAddressPrefixes", &facts::on_premises_prefixes(s));
    }
    if deploy.express_route {
        out.add("expressRoute", &s.express_route);
    }
    if deploy.dns_resolver {
        out.add("dnsResolver", &DnsResolver::new(&src));
    }
    if deploy.ddos_protection {
        out.add("ddosProtection", &s.ddos_protection);
    }
    if deploy.arc_private_link_scope {
        let enabled = s.arc.private_link_scope;
        out.add("arcPrivateLinkScope", &Switch { enabled });
    }
    if deploy.spokes {
        out.add("spokes", &Spoke::all(&src));
    }
    if let Some(prefixes) = &env.attached_spoke_prefixes {
        out.add("attachedSpokeAddressPrefixes", prefixes);
    }
    if let Some(groups) = &env.attached_rule_collection_groups
        && deploy.firewall
    {
        out.add("attachedRuleCollectionGroups", groups);
    }
    out.extend(crate::model::workloads::params(&src));
    // A key per connection: each site's, asked for where the environment connects to it.
    for key in &item_secrets.vpn_shared_keys {
        let needed = secrets::sites(s).any(|site| site == key.of);
        out.named_secret(key, needed);
    }
    if deploy.express_route_authorization {
        out.secret(
            "expressRouteAuthorizationKey",
            s.express_route.needs_authorization_key(),
        );
    }
    for (name, needed) in crate::model::workloads::secrets(deploy, s) {
        out.secret(name, needed);
    }
    // A password per Windows VM, asked for where the environment creates that VM.
    for password in &item_secrets.vm_admin_passwords {
        let needed = secrets::windows_vms(s).any(|vm| vm == password.of);
        out.named_secret(password, needed);
    }
    out.0
}

/// Beside an existing hub the landing zone's private endpoints need a spoke of its own: one
/// must exist, and a named one must be a spoke of the environment.
fn check_existing_hub(s: &Settings) -> Vec<Diagnostic> {
    let Some(hub) = &s.network.hub.existing else {
        return Vec::new();
    };
    let spokes: Vec<&str> = s.network.spokes.iter().map(|sp| sp.name.as_str()).collect();
    if let Some(name) = &hub.private_endpoint_spoke
        && !spokes.contains(&name.as_str())
    {
        let d = Diagnostic::at_key(
            "/network/hub/existing/privateEndpointSpoke",
            format!(
                "privateEndpointSpoke names spoke '{name}', which this environment does not have"
            ),
        );
        return vec![match did_you_mean(name, spokes.iter().copied()) {
            Some(sp) => d.hint(format!("did you mean '{sp}'?")),
            None => d.hint(format!("spokes: {}", spokes.join(", "))),
        }];
    }
    // The map is read by zone name: a key that is not the zone its ID names would register
    // endpoints in the wrong zone, or miss the right one.
    let mismatched: Vec<Diagnostic> = hub
        .private_dns_zone_ids
        .iter()
        .filter_map(|(zone, id)| {
            let named = id.rsplit('/').next().unwrap_or_default();
            (!named.eq_ignore_ascii_case(zone)).then(|| {
                Diagnostic::at_key(
                    format!("/network/hub/existing/privateDnsZoneIds/{zone}"),
                    format!("key '{zone}' holds the ID of zone '{named}': each key is the name of the zone its ID ends with"),
                )
                .hint(format!("write the ID under '{named}', or the ID of {zone} under '{zone}'"))
            })
        })
        .collect();
    if !mismatched.is_empty() {
        return mismatched;
    }
    if s.network.dns_servers.is_empty()
        && let Some((zone, why)) = needed_private_dns_zones(s).into_iter().next()
    {
        // A platform hub attaches as an existing hub: say which hub, and what it could run.
        let d = match &s.network.hub.platform {
            Some(name) => Diagnostic::at_key(
                "/network/dnsServers",
                format!("the spokes would use Azure DNS and not see platform hub {name}'s private DNS zones, which are linked to the hub only: {why} would not resolve through {zone}"),
            )
            .hint(format!("turn on hubs.{name}.dnsResolver.enabled (or its firewall, whose DNS proxy the spokes then use), or set network.dnsServers to a DNS server that resolves the hub's zones")),
            None => Diagnostic::at_key(
                "/network/dnsServers",
                format!("the spokes would use Azure DNS and not see the existing hub's zones: {why} would not resolve through {zone}"),
            )
            .hint("set network.dnsServers to the hub's DNS resolver or firewall DNS proxy"),
        };
        return vec![d];
    }
    if s.key_vault.private_endpoint && spokes.is_empty() {
        return vec![
            Diagnostic::at_key(
                "/network/spokes",
                "the platform Key Vault's private endpoint needs a spoke: beside an existing hub it cannot go into the hub, which may be in another subscription",
            )
            .hint("add a spoke under network.spokes, or set keyVault.privateEndpoint: false"),
        ];
    }
    Vec::new()
}

/// An authorization key is for a circuit: asking for one without naming the circuit is a mistake
/// the connection would otherwise hide by not being created.
fn check_express_route(s: &Settings) -> Vec<Diagnostic> {
    let er = &s.express_route;
    if er.enabled && er.circuit_in_another_subscription && er.circuit_id.is_none() {
        return vec![
            Diagnostic::at_key(
                "/expressRoute/circuitInAnotherSubscription",
                "circuitInAnotherSubscription says the circuit is another subscription's, but expressRoute.circuitId names no circuit",
            )
            .hint("set expressRoute.circuitId to the circuit's resource ID, or remove circuitInAnotherSubscription"),
        ];
    }
    Vec::new()
}

/// Standard tags first, then the input's (which win).
fn tags(env: &Environment) -> BTreeMap<String, String> {
    let mut t = BTreeMap::new();
    // The names are crate::input::tags::STANDARD.
    t.insert("environment".to_string(), env.name.clone());
    t.insert("landingZone".to_string(), env.landing_zone.clone());
    for (k, v) in &env.settings.tags {
        t.insert(k.clone(), v.clone());
    }
    t
}
