//! `meg init`: a commented starter landing-zone file for a strategy.

use std::path::Path;

use serde_json::{Value, json};

use crate::error::{Diagnostic, EXIT_OK, Error, Result, did_you_mean};
use crate::input::schema::Schema;
use crate::model::strategies::Strategies;
use crate::request::Target;
use crate::session::Session;

use super::console::Output;
use super::yaml_text::yaml_lines;

pub(super) fn run(
    session: &Session,
    given: &[String],
    output: &Path,
    force: bool,
    out: &Output,
) -> Result<i32> {
    let names = Strategies::split_cli(given);
    let s = Strategies::load(&session.catalog, &names).map_err(|refused| {
        let asked = given
            .iter()
            .map(|g| format!("--strategy {g}"))
            .collect::<Vec<_>>()
            .join(" ");
        Error::Input(
            refused
                .into_iter()
                .map(|(_, d)| Diagnostic {
                    location: Some(format!("meg init {asked}")),
                    ..d
                })
                .collect(),
        )
    })?;
    let starter = s.starter();
    if output.exists() && !force {
        return Err(Error::Usage(format!(
            "{} exists; pass --force to overwrite it",
            output.display()
        )));
    }
    let defaults =
        s.defaults(|c| crate::model::strategies::component_settings(&session.catalog, c));
    let text = starter_text(session.schema()?, &s, &defaults, &starter);
    // Prove the starter renders before handing it over.
    let check_values =
        crate::input::values::Values::from_layers(vec![crate::input::values::Layer::from_str(
            &output.display().to_string(),
            &text,
        )?]);
    let lz =
        crate::model::LandingZone::resolve(&check_values, &session.catalog, session.schema()?)?;
    crate::render::Renderer::new(&session.catalog)?.render(
        &lz,
        &Target::ALL,
        &session.catalog.declared_version(),
    )?;
    std::fs::write(output, text).map_err(|e| Error::io(output, e))?;
    let schema_note = super::schema::write_beside(session, output)?;
    out.say(format!(
        "wrote {} ({} landing zone); render it with: meg render {} -o out",
        output.display(),
        s.label(),
        output.display()
    ));
    out.say(schema_note);
    Ok(EXIT_OK)
}

/// `meg init --example NAME`: one of the catalog's examples (as `meg list` names them), with
/// the editor's schema line on top, so that a user outside meg's repository has them too.
pub(super) fn run_example(
    session: &Session,
    name: &str,
    output: &Path,
    force: bool,
    out: &Output,
) -> Result<i32> {
    let examples = session.catalog.stems("examples");
    // `examples/hybrid.yaml`, as `meg list` prints it, names the example too.
    let stem = name
        .strip_prefix("examples/")
        .unwrap_or(name)
        .strip_suffix(".yaml")
        .unwrap_or(name.strip_prefix("examples/").unwrap_or(name));
    if !examples.iter().any(|e| e == stem) {
        let d = Diagnostic::at(
            format!("meg init --example {name}"),
            format!("no example named '{name}'"),
        );
        let list = format!("the examples are: {}", examples.join(", "));
        let d = match did_you_mean(stem, examples.iter().map(String::as_str)) {
            Some(s) => d.hint(format!("did you mean '{s}'? {list}")),
            None => d.hint(list),
        };
        return Err(Error::input(d));
    }
    if output.exists() && !force {
        return Err(Error::Usage(format!(
            "{} exists; pass --force to overwrite it",
            output.display()
        )));
    }
    let body = session.catalog.text(&format!("examples/{stem}.yaml"))?;
    let text = format!(
        "{}\n# Keys: meg show <strategy, component or key path>; editor schema: meg schema -o {}\n{body}",
        super::schema::modeline(),
        super::schema::SCHEMA_FILE
    );
    std::fs::write(output, text).map_err(|e| Error::io(output, e))?;
    let schema_note = super::schema::write_beside(session, output)?;
    out.say(format!(
        "wrote {} (the {stem} example); render it with: meg render {} -o out",
        output.display(),
        output.display()
    ));
    out.say(schema_note);
    Ok(EXIT_OK)
}

/// The commented starter file: the strategy's starter values, then every other setting of
/// the schema commented out with its description and default.
pub(super) fn starter_text(
    schema: &Schema,
    s: &Strategies,
    strategy_defaults: &Value,
    starter: &Value,
) -> String {
    let doc = &schema.doc;
    let mut lines = vec![super::schema::modeline()];
    match s.list() {
        [one] => lines.push(format!(
            "# meg landing zone: {} — {}",
            one.name, one.summary
        )),
        list => {
            lines.push(format!("# meg landing zone: {}", s.label()));
            for one in list {
                lines.push(format!("#   {}: {}", one.name, one.summary));
            }
        }
    }
    lines.extend([

        "# Render: meg render <this file> -o out    Explain a key: meg show <component or key path, e.g. firewall.tier>"
            .to_string(),
        format!(
            "# Editors: the line above points VS Code's YAML extension at {} beside this file (meg init writes it; refresh: meg schema -o {}).",
            super::schema::SCHEMA_FILE,
            super::schema::SCHEMA_FILE
        ),
        "# Keys at the top level apply to every environment; environments.<name> overrides them."
            .to_string(),
        String::new(),
    ]);
    let props = doc["properties"]
        .as_object()
        .expect("schema has properties");
    for (key, sub) in props {
        let sub = schema.resolve(sub).unwrap_or(sub);
        let desc = sub
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if key == "environments" {
            continue;
        }
        lines.push(format!("# {desc}"));
        match starter.get(key) {
            Some(v) => {
                let mut one = serde_json::Map::new();
                one.insert(key.clone(), v.clone());
                lines.extend(yaml_lines(&Value::Object(one)));
            }
            None => {
                let mut defaults = Value::Object(serde_json::Map::new());
                schema.apply_defaults(sub, &mut defaults);
                // What this strategy starts from, not only the schema's bare defaults.
                if let Some(strategy_default) = strategy_defaults.get(key) {
                    crate::input::values::merge(&mut defaults, strategy_default);
                }
                // A text key with no default (subscriptionId) shows its example or first
                // allowed value, never an empty mapping it could not hold.
                if sub.get("type").and_then(Value::as_str) == Some("string") {
                    defaults = sub
                        .get("examples")
                        .or_else(|| sub.get("enum"))
                        .and_then(|v| v.get(0))
                        .cloned()
                        .unwrap_or(defaults);
                }
                let mut one = serde_json::Map::new();
                one.insert(key.clone(), defaults);
                lines.extend(
                    yaml_lines(&Value::Object(one))
                        .into_iter()
                        .map(|l| format!("# {l}")),
                );
            }
        }
        lines.push(String::new());
    }
    lines.push(format!(
        "# {}",
        doc["properties"]["environments"]["description"]
            .as_str()
            .unwrap_or_default()
    ));
    let mut envs = serde_json::Map::new();
    envs.insert(
        "environments".into(),
        starter
            .get("environments")
            .cloned()
            .unwrap_or(json!({"dev": {}})),
    );
    lines.extend(yaml_lines(&Value::Object(envs)));
    lines.join("\n") + "\n"
}
