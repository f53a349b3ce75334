//! `meg list`: the catalog's strategies, components and examples.

use serde::Deserialize;
use serde_json::json;

use crate::error::{EXIT_OK, Error, Result};
use crate::model::Strategy;
use crate::request::Target;
use crate::session::Session;

/// A component as the catalog describes it.
#[derive(Debug, Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Component {
    /// Component name.
    pub name: String,
    /// One line.
    pub summary: String,
    /// A paragraph.
    pub description: String,
    /// Input keys (schema `$defs`) that configure it.
    #[serde(default)]
    pub settings: Vec<String>,
    /// Azure resources it deploys.
    #[serde(default)]
    pub resources: Vec<ResourceDoc>,
    /// Why its defaults are what they are, by WAF pillar.
    #[serde(default)]
    pub waf: Vec<WafNote>,
}

/// One Azure resource a component deploys, in both languages.
#[derive(Debug, Deserialize, serde::Serialize)]
pub struct ResourceDoc {
    /// ARM type (Bicep).
    pub arm: String,
    /// azurerm resource type (Terraform).
    pub terraform: String,
    /// What it is for.
    pub what: String,
}

/// A Well-Architected note.
#[derive(Debug, Deserialize, serde::Serialize)]
pub struct WafNote {
    /// Reliability, Security, Cost Optimization, Operational Excellence or Performance Efficiency.
    pub pillar: String,
    /// The reason.
    pub note: String,
}

pub(super) fn component(session: &Session, name: &str) -> Result<Component> {
    session
        .catalog
        .yaml(&format!("catalog/components/{name}.yaml"))
}

pub(super) fn run(session: &Session, json: bool) -> Result<i32> {
    let cat = &session.catalog;
    let strategies: Vec<Strategy> = cat
        .stems("catalog/strategies")
        .iter()
        .map(|s| Strategy::load(cat, s).map_err(Error::input))
        .collect::<Result<_>>()?;
    let components: Vec<Component> = cat
        .stems("catalog/components")
        .iter()
        .map(|c| component(session, c))
        .collect::<Result<_>>()?;
    let examples = cat.stems("examples");
    if json {
        let v = json!({
            "strategies": strategies.iter().map(|s| json!({"name": s.name, "summary": s.summary, "components": s.components})).collect::<Vec<_>>(),
            "combine": crate::model::strategies::MERGE_RULE,
            "components": components.iter().map(|c| json!({"name": c.name, "summary": c.summary})).collect::<Vec<_>>(),
            "targets": Target::ALL.iter().map(|t| t.dir()).collect::<Vec<_>>(),
            "examples": examples.iter().map(|e| json!({"name": e, "path": format!("examples/{e}.yaml")})).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
        return Ok(EXIT_OK);
    }
    let width = components
        .iter()
        .map(|c| c.name.len())
        .chain(strategies.iter().map(|s| s.name.len()))
        .max()
        .unwrap_or(0);
    println!("Strategies:");
    for s in &strategies {
        println!("  {:width$}  {}", s.name, s.summary);
        println!("  {:width$}  components: {}", "", s.components.join(", "));
    }
    println!(
        "\n  Combine them with a list, `strategy: [hybrid, rehost, refactor]` (meg init --strategy\n  hybrid,rehost,refactor; meg show hybrid,rehost,refactor explains what the combination deploys)."
    );
    println!("\nComponents:");
    for c in &components {
        println!("  {:width$}  {}", c.name, c.summary);
    }
    println!(
        "\nTargets:\n  bicep      Azure Bicep (az deployment sub create)\n  terraform  Terraform with azurerm ~> 4.0"
    );
    println!(
        "\nExamples (copy one with `meg init --example <name> -o landing-zone.yaml`, then render it):"
    );
    for e in &examples {
        println!("  {e}");
    }
    Ok(EXIT_OK)
}
