//! `meg lint`: the catalog's WAF/CAF rules evaluated on the resolved landing zone.
//!
//! Rules live in `catalog/rules/*.yaml`, so a company catalog adds its own. Each rule is two
//! JSON Schemas over an environment's view (its settings after presets and defaults, plus a
//! few facts the model derives): `when` selects the environments it applies to, `require` is
//! what they must satisfy. Nothing here reads generated text.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::model::name_key::NameKey;
use crate::model::{Environment, LandingZone};

/// A rule as the catalog writes it.
#[derive(Debug, Clone, Deserialize)]
pub struct Rule {
    /// Stable ID (`REL-001`).
    pub id: String,
    /// What good looks like, in one line.
    pub title: String,
    /// WAF pillar.
    pub pillar: String,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// How to fix a failure.
    pub hint: String,
    /// Environments the rule applies to (all when absent).
    #[serde(default)]
    pub when: Option<Value>,
    /// What an environment must satisfy.
    pub require: Value,
    /// A JSON Pointer into the view whose value (a string or a list of strings) a finding names:
    /// the region, VM or certificate that fails, not only the rule.
    #[serde(default)]
    pub subject: Option<String>,
}

/// How much a failed rule matters; only errors make `meg lint` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed.
    Error,
    /// Should be fixed.
    Warning,
    /// Worth knowing.
    Info,
}

#[derive(Deserialize)]
struct RuleFile {
    rules: Vec<Rule>,
}

/// A rule that an environment fails.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Rule ID.
    pub rule: String,
    /// Rule title.
    pub title: String,
    /// WAF pillar.
    pub pillar: String,
    /// Severity.
    pub severity: Severity,
    /// Environment that fails it; empty for a platform hub's finding.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub environment: String,
    /// The platform hub (`hubs:`) that fails it, for a hub's finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hub: Option<String>,
    /// How to fix it.
    pub hint: String,
    /// What fails it, when the rule names a `subject` (`migration.siteRecovery.recoveryLocation: swedensouth`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// The setting that breaks the rule, as a dotted key path into the environment's
    /// settings (`paas.appService.zoneRedundant`); the rule's whole view when it names none.
    /// A hub's is from the top of the file (`hubs.prod.firewall.zoneRedundant`).
    #[serde(rename = "keyPath")]
    pub key_path: String,
    /// The same setting as a JSON Pointer into the environment's settings, to locate it; a
    /// hub's points into the merged input where the value was written (or would be).
    #[serde(skip)]
    pub pointer: String,
}

/// The outcome of linting one landing zone.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Rules evaluated.
    pub rules: usize,
    /// (rule, environment) pairs that applied and passed.
    pub passed: usize,
    /// Failures, by pillar then severity.
    pub findings: Vec<Finding>,
}

/// Loads every rule file of the catalog.
pub fn rules(catalog: &Catalog) -> Result<Vec<Rule>> {
    let mut all = Vec::new();
    let paths: Vec<String> = catalog.list("catalog/rules/").map(str::to_string).collect();
    for path in paths.iter().filter(|p| p.ends_with(".yaml")) {
        all.extend(catalog.yaml::<RuleFile>(path)?.rules);
    }
    Ok(all)
}

/// Evaluates the rules on every environment and platform hub; `input` is the merged input
/// (`Values::merged`), where a hub's findings are placed.
pub fn lint(lz: &LandingZone, rules: &[Rule], input: &Value) -> Result<Report> {
    let compile = |id: &str, schema: &Value| {
        jsonschema::validator_for(schema).map_err(|e| Error::Catalog(format!("rule {id}: {e}")))
    };
    let mut findings = Vec::new();
    let mut passed = 0;
    let platform = lz.platform.as_ref().map(|p| &p.lz);
    for rule in rules {
        let when = rule
            .when
            .as_ref()
            .map(|w| compile(&rule.id, w))
            .transpose()?;
        let require = compile(&rule.id, &rule.require)?;
        let check = Check {
            rule,
            when: when.as_ref(),
            require: &require,
            strategies: &lz.strategies,
        };
        // The platform hubs first: an attached environment's finding that its hub already
        // carries is left to the hub.
        let mut hubs_failing = Vec::new();
        for hub in platform.iter().flat_map(|p| &p.environments) {
            let view = super::lint_hubs::view(view(platform.expect("hubs come from it"), hub));
            match check.outcome(view) {
                Outcome::NotApplicable => {}
                Outcome::Passed => passed += 1,
                Outcome::Failed(view, pointer) => {
                    hubs_failing.push(hub.name.as_str());
                    let (key_path, pointer) = super::lint_hubs::locate(input, &hub.name, &pointer);
                    findings.push(check.finding(
                        &view,
                        String::new(),
                        Some(&hub.name),
                        key_path,
                        pointer,
                    ));
                }
            }
        }
        for env in &lz.environments {
            let attached = env.settings.network.hub.platform.as_deref();
            match check.outcome(view(lz, env)) {
                Outcome::NotApplicable => {}
                Outcome::Passed => passed += 1,
                Outcome::Failed(view, _)
                    if attached.is_some_and(|h| hubs_failing.contains(&h))
                        && matches!(
                            check.outcome(super::lint_hubs::with_complete_hub(&view)),
                            Outcome::Passed
                        ) => {}
                Outcome::Failed(view, pointer) => {
                    let key_path = crate::input::values::key_path(&pointer);
                    findings.push(check.finding(&view, env.name.clone(), None, key_path, pointer));
                }
            }
        }
    }
    findings.sort_by(|a, b| {
        (&a.pillar, a.severity, &a.rule, &a.hub, &a.environment).cmp(&(
            &b.pillar,
            b.severity,
            &b.rule,
            &b.hub,
            &b.environment,
        ))
    });
    Ok(Report {
        rules: rules.len(),
        passed,
        findings,
    })
}

/// One rule, compiled, with what its evaluation needs.
struct Check<'a> {
    rule: &'a Rule,
    when: Option<&'a jsonschema::Validator>,
    require: &'a jsonschema::Validator,
    strategies: &'a [String],
}

/// What a rule makes of one view.
enum Outcome {
    /// `when` does not select it.
    NotApplicable,
    /// It meets `require`.
    Passed,
    /// It does not: the view (as `when` matched it) and the JSON Pointer of what breaks it.
    Failed(Value, String),
}

impl Check<'_> {
    fn outcome(&self, mut view: Value) -> Outcome {
        // A rule written for one strategy (`strategy: {enum: [hybrid, rehost]}`) applies
        // to every combination that lists it: `when` sees each listed strategy in turn,
        // and `require` the one that matched.
        if let Some(w) = self.when {
            let mut applies = w.is_valid(&view);
            for s in self.strategies.iter().filter(|_| self.strategies.len() > 1) {
                if applies {
                    break;
                }
                view["strategy"] = json!(s);
                applies = w.is_valid(&view);
            }
            if !applies {
                return Outcome::NotApplicable;
            }
        }
        let broken = self
            .require
            .iter_errors(&view)
            .next()
            .map(|b| b.instance_path().as_str().to_string());
        match broken {
            Some(pointer) => Outcome::Failed(view, pointer),
            None => Outcome::Passed,
        }
    }

    fn finding(
        &self,
        view: &Value,
        environment: String,
        hub: Option<&str>,
        key_path: String,
        pointer: String,
    ) -> Finding {
        let rule = self.rule;
        Finding {
            rule: rule.id.clone(),
            title: rule.title.clone(),
            pillar: rule.pillar.clone(),
            severity: rule.severity,
            environment,
            hub: hub.map(str::to_string),
            hint: rule.hint.clone(),
            subjects: rule
                .subject
                .as_deref()
                .map(|pointer| subjects(view, pointer))
                .unwrap_or_default(),
            key_path,
            pointer,
        }
    }
}

/// The strings at `pointer` in the view: one string, or each string of a list.
fn subjects(view: &Value, pointer: &str) -> Vec<String> {
    match view.pointer(pointer) {
        Some(Value::String(one)) => vec![one.clone()],
        Some(Value::Array(many)) => many
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// An environment as rules see it: resolved settings, identity and derived facts.
pub fn view(lz: &LandingZone, env: &Environment) -> Value {
    let mut v = env.resolved.clone();
    let subnets_without_nsg: Vec<String> = env
        .layout
        .subnets
        .keys()
        .filter(|&&role| role.info().nsg && !env.names.contains(&NameKey::HubSubnetNsg(role)))
        .map(|role| role.info().subnet_name.to_string())
        .collect();
    let tags: Vec<String> = env.settings.tags.keys().cloned().collect();
    let missing: Vec<&String> = lz
        .required_tags
        .iter()
        .filter(|t| !tags.contains(t))
        .collect();
    v["name"] = json!(env.name);
    v["tier"] = json!(env.tier);
    v["strategy"] = json!(lz.strategy);
    v["strategies"] = json!(lz.strategies);
    v["location"] = json!(lz.location);
    // Address spaces of this environment that overlap another environment's: harmless while
    // the environments stay apart, a re-addressing project once they must be connected. A hub
    // the environment peers to (existing or a platform hub) is not its own: sharing it is the
    // point.
    let spaces = |e: &Environment| -> Vec<crate::cidr::Cidr> {
        e.layout
            .address_space
            .filter(|_| e.settings.network.hub.existing.is_none())
            .into_iter()
            .chain(e.settings.network.spokes.iter().map(|s| s.address_space))
            .collect()
    };
    let mine = spaces(env);
    let overlaps: Vec<String> = lz
        .environments
        .iter()
        .filter(|other| other.name != env.name)
        .flat_map(|other| {
            let theirs = spaces(other);
            mine.iter()
                .flat_map(move |a| {
                    theirs
                        .clone()
                        .into_iter()
                        .filter(move |b| a.overlaps(b))
                        .map(move |b| format!("{a} overlaps {b} of {}", other.name))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    v["facts"] = json!({
        "overlapsWithOtherEnvironments": overlaps,
        "subnetsWithoutNsg": subnets_without_nsg,
        "missingTags": missing,
        // Access-restricted regions the environment deploys to, as "setting: region".
        "restrictedRegions": env.restricted_regions.iter().map(|u| format!("{}: {}", u.key, u.region)).collect::<Vec<_>>(),
        // A path from on premises to the spokes' private endpoints: a site-to-site VPN, an
        // ExpressRoute circuit, or an existing hub whose gateways the spokes use.
        "hybridConnectivity": hybrid_connectivity(&env.settings),
        // Listener certificates that more than one Application Gateway presents.
        "sharedGatewayCertificates": shared_gateway_certificates(&env.settings),
        // VMs Site Recovery protects without a recovery network to fail over into.
        "vmsWithoutRecoveryNetwork": crate::model::workloads::rehost::vms_without_recovery_network(&env.settings),
        // Azure ranges in public address space, and on-premises VPN gateways inside an Azure
        // range (NET-002, NET-003).
        "publicAddressSpaces": crate::model::address_plan::public_ranges(env),
        "gatewaysInsideAzureRanges": crate::model::address_plan::gateways_inside_azure(env),
        // Virtual machine definitions arrive with the rehost components; none has one yet.
        "publicIpVms": Vec::<String>::new(),
    });
    v
}

/// Whether on premises reaches this environment's spokes privately.
fn hybrid_connectivity(s: &crate::input::settings::Settings) -> bool {
    let vpn = s.vpn_gateway.enabled && !s.on_premises.sites.is_empty();
    let circuit = s.express_route.enabled && s.express_route.circuit_id.is_some();
    let hub = s
        .network
        .hub
        .existing
        .as_ref()
        .is_some_and(|h| h.use_remote_gateways);
    vpn || circuit || hub
}

/// Certificates that two or more of the environment's Application Gateways would present.
fn shared_gateway_certificates(s: &crate::input::settings::Settings) -> Vec<String> {
    let p = &s.paas;
    if !p.enabled || p.ingress != crate::input::closed_sets::Ingress::ApplicationGateway {
        return Vec::new();
    }
    let mut uses: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for app in p.applications.values().filter(|a| !a.web_apps.is_empty()) {
        *uses
            .entry(app.certificate(&p.application_gateway))
            .or_default() += 1;
    }
    uses.into_iter()
        .filter(|(cert, n)| *n > 1 && !cert.is_empty())
        .map(|(cert, _)| cert.to_string())
        .collect()
}
