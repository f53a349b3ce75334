//! One short function per command, composing the library's steps.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Value, json};

use crate::cli::{Cli, Command, CompareArgs, InputArgs};
use crate::drift::FileChange;
use crate::error::{Diagnostic, EXIT_OK, Error, Result, did_you_mean};
use crate::lock::{LOCK_PATH, Lock};
use crate::model::{Strategy, TIERS};
use crate::outlock::OutLock;
use crate::pipeline::Session;
use crate::recorded::RenderInputs;
use crate::render::Target;
use crate::schema::Schema;
use crate::write;

/// Runs a parsed command line and returns the exit code.
pub fn run(cli: Cli) -> Result<i32> {
    if let Command::Completions { shell } = cli.command {
        let mut cmd = <Cli as clap::CommandFactory>::command();
        clap_complete::generate(shell, &mut cmd, "meg", &mut std::io::stdout());
        return Ok(EXIT_OK);
    }
    // Blessing writes references into a catalog folder; render with that folder's templates.
    let catalog_dir = match (&cli.command, &cli.catalog) {
        (Command::Check { bless: true, .. }, None) => Some(std::path::PathBuf::from(".")),
        (_, dir) => dir.clone(),
    };
    // One command per process: the session (catalog, schema, templates) lives until the
    // process exits, which frees it faster than dropping it piece by piece would.
    let session: &Session = Box::leak(Box::new(Session::open(catalog_dir.as_deref())?));
    let out = Output {
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    match cli.command {
        Command::List { json } => list(session, json),
        Command::Inventory {
            files,
            values,
            sets,
            json,
            export,
        } => crate::inventory::report::run(
            session,
            &crate::inventory::report::Request {
                files,
                values,
                sets,
                json,
                export: match export.as_slice() {
                    [format, out] => Some((format.clone(), PathBuf::from(out))),
                    _ => None,
                },
            },
        ),
        Command::Show { name, json } => show(session, &name, json),
        Command::Init {
            strategy,
            output,
            force,
        } => init(session, &strategy, &output, force, &out),
        Command::Render {
            input,
            output,
            dry_run,
            force,
            prune,
        } => render(
            session,
            &input,
            &output,
            WriteOpts {
                dry_run,
                force,
                prune,
            },
            &out,
        ),
        Command::Validate { input, json } => validate(session, &input, json, &out),
        Command::Lint { input, json } => lint(session, &input, json, &out),
        Command::Completions { .. } => unreachable!("handled before the catalog is opened"),
        Command::Diff {
            input,
            output,
            compare,
        } => diff(session, &input, &output, &compare, &out),
        Command::Update {
            input,
            output,
            dry_run,
            prune,
            json,
        } => update(
            session,
            &input,
            &output,
            WriteOpts {
                dry_run,
                force: false,
                prune,
            },
            json,
            &out,
        ),
        Command::Check { bless, compare } => {
            check(session, catalog_dir.as_deref(), bless, &compare, &out)
        }
    }
}

/// What a command that writes into an output folder may do.
#[derive(Debug, Clone, Copy)]
struct WriteOpts {
    /// Report only.
    dry_run: bool,
    /// Overwrite the user's edits (and remove what changed inputs drop).
    force: bool,
    /// Remove the files that changed inputs drop.
    prune: bool,
}

/// How chatty to be.
struct Output {
    quiet: bool,
    verbose: bool,
}

impl Output {
    fn say(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            println!("{}", msg.as_ref());
        }
    }

    /// A note on standard error, which keeps standard output for results (`--json`).
    fn note(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("note: {}", msg.as_ref());
        }
    }
}

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

fn component(session: &Session, name: &str) -> Result<Component> {
    session
        .catalog
        .yaml(&format!("catalog/components/{name}.yaml"))
}

fn list(session: &Session, json: bool) -> Result<i32> {
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
    println!("\nComponents:");
    for c in &components {
        println!("  {:width$}  {}", c.name, c.summary);
    }
    println!(
        "\nTargets:\n  bicep      Azure Bicep (az deployment sub create)\n  terraform  Terraform with azurerm ~> 4.0"
    );
    println!("\nExamples (render with `meg render examples/<name>.yaml -o out`):");
    for e in &examples {
        println!("  examples/{e}.yaml");
    }
    Ok(EXIT_OK)
}

/// One parameter row of `meg show`.
#[derive(Debug, serde::Serialize)]
struct ParamRow {
    path: String,
    #[serde(rename = "type")]
    ty: String,
    default: Option<Value>,
    allowed: Option<Value>,
    description: String,
    presets: serde_json::Map<String, Value>,
}

fn param_rows(session: &Session, keys: &[String]) -> Result<Vec<ParamRow>> {
    let presets: Vec<(&str, Value)> = TIERS
        .iter()
        .map(|t| {
            Ok((
                *t,
                session
                    .catalog
                    .yaml::<Value>(&format!("catalog/presets/{t}.yaml"))?,
            ))
        })
        .collect::<Result<_>>()?;
    let schema = session.schema()?;
    let mut rows = Vec::new();
    for key in keys {
        // Per-environment settings live in $defs; tenant-wide ones (governance) at the top. A
        // component may name a nested block (`migration.backup`).
        let mut parts = key.split('.');
        let first = parts.next().unwrap_or_default();
        let mut node = match schema.doc["$defs"].get(first) {
            Some(n) => n,
            None => &schema.doc["properties"][first],
        };
        for part in parts {
            node = schema
                .resolve(node)
                .and_then(|n| n.get("properties"))
                .and_then(|p| p.get(part))
                .unwrap_or(&Value::Null);
        }
        flatten(schema, node, key, &mut rows);
    }
    // Components share blocks (`migration` and `migration.backup`): each key once.
    let mut seen = std::collections::BTreeSet::new();
    rows.retain(|r| seen.insert(r.path.clone()));
    for row in &mut rows {
        let pointer = format!("/{}", row.path.replace('.', "/"));
        for (tier, preset) in &presets {
            if let Some(v) = preset.pointer(&pointer) {
                row.presets.insert(tier.to_string(), v.clone());
            }
        }
    }
    Ok(rows)
}

fn flatten(schema: &Schema, node: &Value, path: &str, rows: &mut Vec<ParamRow>) {
    let Some(node) = schema.resolve(node) else {
        return;
    };
    if let Some(props) = node.get("properties").and_then(Value::as_object) {
        for (k, sub) in props {
            flatten(schema, sub, &format!("{path}.{k}"), rows);
        }
        return;
    }
    // A list of objects (spokes, sites): show the list, then each item's fields as `list[].x`.
    let items = node.get("items").and_then(|i| schema.resolve(i));
    if let Some(item_props) = items
        .and_then(|i| i.get("properties"))
        .and_then(Value::as_object)
    {
        rows.push(ParamRow {
            path: path.to_string(),
            ty: "list".into(),
            default: node.get("default").cloned(),
            allowed: None,
            description: node
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            presets: serde_json::Map::new(),
        });
        for (k, sub) in item_props {
            flatten(schema, sub, &format!("{path}[].{k}"), rows);
        }
        return;
    }
    let ty = match node.get("type") {
        Some(Value::String(t)) if t == "array" => {
            let item = node.get("items").and_then(|i| schema.resolve(i));
            let inner = item
                .and_then(|i| i.get("type"))
                .and_then(Value::as_str)
                .unwrap_or("value");
            format!("list of {inner}")
        }
        Some(Value::String(t)) if t == "object" => "map".to_string(),
        Some(Value::String(t)) => t.clone(),
        Some(other) => other.to_string(),
        None => "value".into(),
    };
    let ty = match node.get("x-kind").and_then(Value::as_str) {
        Some(kind) => format!("{ty} ({kind})"),
        None => ty,
    };
    rows.push(ParamRow {
        path: path.to_string(),
        ty,
        default: node.get("default").cloned(),
        allowed: node.get("enum").cloned(),
        description: node
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        presets: serde_json::Map::new(),
    });
}

fn print_rows(rows: &[ParamRow]) {
    for r in rows {
        let mut line = format!("  {}  ({})", r.path, r.ty);
        if let Some(d) = &r.default {
            line.push_str(&format!("  default: {d}"));
        }
        println!("{line}");
        if let Some(a) = r.allowed.as_ref().and_then(Value::as_array) {
            let words: Vec<String> = a
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string())
                })
                .collect();
            println!("      allowed: {}", words.join(", "));
        }
        if !r.presets.is_empty() {
            let p: Vec<String> = r.presets.iter().map(|(t, v)| format!("{t}={v}")).collect();
            println!("      presets: {}", p.join("  "));
        }
        println!("      {}", r.description);
    }
}

fn show(session: &Session, name: &str, json: bool) -> Result<i32> {
    let cat = &session.catalog;
    let strategies = cat.stems("catalog/strategies");
    let components = cat.stems("catalog/components");
    if strategies.iter().any(|s| s == name) {
        let s = Strategy::load(cat, name).map_err(Error::input)?;
        let comps: Vec<Component> = s
            .components
            .iter()
            .map(|c| component(session, c))
            .collect::<Result<_>>()?;
        let mut keys: Vec<String> = Vec::new();
        // Several components share a setting (network): list each once.
        for key in comps.iter().flat_map(|c| c.settings.iter()) {
            if !keys.contains(key) {
                keys.push(key.clone());
            }
        }
        let rows = param_rows(session, &keys)?;
        if json {
            let v = json!({"kind": "strategy", "name": s.name, "summary": s.summary, "description": s.description,
                           "defaults": s.defaults, "components": comps, "parameters": rows});
            println!("{}", serde_json::to_string_pretty(&v).expect("json"));
            return Ok(EXIT_OK);
        }
        println!("{} — {}\n\n{}\n", s.name, s.summary, s.description.trim());
        println!("Components:");
        for c in &comps {
            println!("  {}: {}", c.name, c.summary);
            for w in &c.waf {
                println!("      [{}] {}", w.pillar, w.note);
            }
        }
        if !s.defaults.is_null() {
            println!("\nStrategy defaults (under the environment presets and your input):");
            for line in crate::commands::yaml_lines(&s.defaults) {
                println!("  {line}");
            }
        }
        println!(
            "\nParameters (set them at the top level for every environment, or under environments.<name>):"
        );
        print_rows(&rows);
        println!("\nStart one: meg init {}", s.name);
        return Ok(EXIT_OK);
    }
    if components.iter().any(|c| c == name) {
        let c = component(session, name)?;
        let rows = param_rows(session, &c.settings)?;
        if json {
            let v = json!({"kind": "component", "component": c, "parameters": rows});
            println!("{}", serde_json::to_string_pretty(&v).expect("json"));
            return Ok(EXIT_OK);
        }
        println!("{} — {}\n\n{}\n", c.name, c.summary, c.description.trim());
        println!("Deploys:");
        for r in &c.resources {
            println!("  {}  /  {}\n      {}", r.arm, r.terraform, r.what);
        }
        if !c.waf.is_empty() {
            println!("\nWhy the defaults (Well-Architected Framework):");
            for w in &c.waf {
                println!("  [{}] {}", w.pillar, w.note);
            }
        }
        if !rows.is_empty() {
            println!("\nParameters:");
            print_rows(&rows);
        }
        return Ok(EXIT_OK);
    }
    let all: Vec<&str> = strategies
        .iter()
        .chain(&components)
        .map(String::as_str)
        .collect();
    let mut d = Diagnostic::new(format!("no strategy or component named '{name}'"));
    d = match did_you_mean(name, all.iter().copied()) {
        Some(s) => d.hint(format!("did you mean '{s}'?")),
        None => d.hint("`meg list` shows what the catalog holds"),
    };
    Err(Error::input(d))
}

/// A JSON value as YAML lines (plain scalars quoted where YAML would misread them).
pub fn yaml_lines(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    emit_yaml(v, 0, &mut out);
    out
}

fn emit_yaml(v: &Value, indent: usize, out: &mut Vec<String>) {
    let pad = "  ".repeat(indent);
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match x {
                    Value::Object(inner) if !inner.is_empty() => {
                        out.push(format!("{pad}{}:", yaml_scalar(&Value::String(k.clone()))));
                        emit_yaml(x, indent + 1, out);
                    }
                    Value::Array(items) if !items.is_empty() => {
                        out.push(format!("{pad}{}:", yaml_scalar(&Value::String(k.clone()))));
                        emit_yaml(x, indent + 1, out);
                    }
                    _ => out.push(format!(
                        "{pad}{}: {}",
                        yaml_scalar(&Value::String(k.clone())),
                        yaml_scalar(x)
                    )),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        let mut sub = Vec::new();
                        emit_yaml(item, indent + 1, &mut sub);
                        if let Some(first) = sub.first_mut() {
                            *first = format!("{pad}- {}", first.trim_start());
                        }
                        out.extend(sub);
                    }
                    _ => out.push(format!("{pad}- {}", yaml_scalar(item))),
                }
            }
        }
        other => out.push(format!("{pad}{}", yaml_scalar(other))),
    }
}

fn yaml_scalar(v: &Value) -> String {
    match v {
        Value::String(s) => {
            let plain = !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
                && !s.starts_with(['-', '.'])
                && s.parse::<f64>().is_err()
                && !matches!(
                    s.to_ascii_lowercase().as_str(),
                    "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n" | "~"
                );
            if plain {
                s.clone()
            } else {
                serde_json::to_string(s).expect("json string")
            }
        }
        Value::Array(a) if a.is_empty() => "[]".into(),
        Value::Object(m) if m.is_empty() => "{}".into(),
        other => other.to_string(),
    }
}

fn init(
    session: &Session,
    strategy: &str,
    output: &Path,
    force: bool,
    out: &Output,
) -> Result<i32> {
    let s = Strategy::load(&session.catalog, strategy).map_err(|d| {
        Error::input(Diagnostic {
            location: Some(format!("meg init {strategy}")),
            ..d
        })
    })?;
    #[derive(Deserialize)]
    struct Starter {
        #[serde(default)]
        starter: Value,
    }
    let starter = session
        .catalog
        .yaml::<Starter>(&format!("catalog/strategies/{strategy}.yaml"))?
        .starter;
    if output.exists() && !force {
        return Err(Error::Usage(format!(
            "{} exists; pass --force to overwrite it",
            output.display()
        )));
    }
    let text = starter_text(session.schema()?, &s, &starter);
    // Prove the starter renders before handing it over.
    let check_values = crate::values::Values::from_layers(vec![crate::values::Layer::from_str(
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
    out.say(format!(
        "wrote {} ({} landing zone); render it with: meg render {} -o out",
        output.display(),
        s.name,
        output.display()
    ));
    Ok(EXIT_OK)
}

/// The commented starter file: the strategy's starter values, then every other setting of
/// the schema commented out with its description and default.
fn starter_text(schema: &Schema, s: &Strategy, starter: &Value) -> String {
    let doc = &schema.doc;
    let mut lines = vec![
        format!("# meg landing zone: {} — {}", s.name, s.summary),
        "# Render: meg render <this file> -o out    Explain a key: meg show <component>"
            .to_string(),
        "# Keys at the top level apply to every environment; environments.<name> overrides them."
            .to_string(),
        String::new(),
    ];
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
                if let Some(strategy_default) = s.defaults.get(key) {
                    crate::values::merge(&mut defaults, strategy_default);
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

fn render(
    session: &Session,
    input: &InputArgs,
    output: &Path,
    opts: WriteOpts,
    out: &Output,
) -> Result<i32> {
    if input.inputs.is_empty() {
        let (again, recorded) = recorded_args(input, output, "render")?;
        out.say(format!(
            "rendering {} again from the inputs its lock records: {}",
            output.display(),
            recorded.command_line(output)
        ));
        return render_one(session, &again, output, opts, out, Some(&recorded)).map(|_| EXIT_OK);
    }
    let batch = input.batch().map_err(|e| Error::io(&input.inputs[0], e))?;
    let Some(files) = batch else {
        return render_one(session, input, output, opts, out, None).map(|_| EXIT_OK);
    };
    if files.is_empty() {
        return Err(Error::Usage(
            "no landing-zone files (*.yaml) found in the inputs".into(),
        ));
    }
    // Each landing zone renders into OUT/<its file's stem>: every stem is checked before
    // anything is written, so that none can name OUT itself, its parent or a hidden folder.
    let mut stems: std::collections::BTreeMap<String, &PathBuf> = std::collections::BTreeMap::new();
    let mut bad = Vec::new();
    for f in &files {
        match zone_folder(f) {
            Ok(stem) => {
                // Folders that differ only in case are one folder on Windows and macOS.
                if let Some(other) = stems.insert(stem.to_lowercase(), f) {
                    bad.push(
                        Diagnostic::at(
                            f.display().to_string(),
                            format!(
                                "{} and {} would render into the same folder '{stem}'",
                                other.display(),
                                f.display()
                            ),
                        )
                        .hint("rename one of the files"),
                    );
                }
            }
            Err(d) => bad.push(d),
        }
    }
    if !bad.is_empty() {
        return Err(Error::Input(bad));
    }
    // Two landing zones with one name would get the same globally unique names (Key Vault).
    let mut by_name: std::collections::BTreeMap<String, Vec<String>> =
        std::collections::BTreeMap::new();
    for f in &files {
        if let Ok(layer) = crate::values::Layer::from_file(f)
            && let Some(name) = layer.value.get("name").and_then(serde_json::Value::as_str)
        {
            by_name
                .entry(name.to_string())
                .or_default()
                .push(f.display().to_string());
        }
    }
    let clashes: Vec<Diagnostic> = by_name
        .iter()
        .filter(|(_, fs)| fs.len() > 1)
        .map(|(name, fs)| {
            Diagnostic::new(format!("landing-zone name '{name}' is used by {}", fs.join(", ")))
                .hint("names seed the globally unique resource names (Key Vault): give each landing zone its own")
        })
        .collect();
    if !clashes.is_empty() {
        return Err(Error::Input(clashes));
    }
    let results = render_batch(session, input, output, &files, opts)?;
    let failed: Vec<&(PathBuf, Error)> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    for (file, e) in &failed {
        eprintln!("{}:\n{e}", file.display());
    }
    out.say(format!(
        "rendered {} of {} landing zones into {}{}",
        files.len() - failed.len(),
        files.len(),
        output.display(),
        if failed.is_empty() {
            String::new()
        } else {
            format!("; {} failed (their folders are unchanged)", failed.len())
        }
    ));
    Ok(if failed.is_empty() {
        EXIT_OK
    } else {
        crate::error::EXIT_BAD_INPUT
    })
}

/// One landing zone of a batch: rendered, or the file and why not.
type BatchResult = Result<(), (PathBuf, Error)>;

/// Renders many landing zones on every core, each into `output/<file stem>/`, with a progress
/// line on a terminal. One landing zone's failure does not stop the others.
fn render_batch(
    session: &Session,
    input: &InputArgs,
    output: &Path,
    files: &[PathBuf],
    opts: WriteOpts,
) -> Result<Vec<BatchResult>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    // Parsed once, for all the landing zones of the batch.
    session.prepare_batch(input)?;
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<BatchResult>>> = Mutex::new(files.iter().map(|_| None).collect());
    let progress = std::io::stderr().is_terminal();
    let quiet = Output {
        quiet: true,
        verbose: false,
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    let one = InputArgs {
                        inputs: vec![file.clone()],
                        ..input.clone()
                    };
                    // A zone's folder is meg's to make inside OUT: never a link to elsewhere.
                    let r = zone_folder(file)
                        .map_err(Error::input)
                        .and_then(|stem| {
                            write::refuse_links(output, &stem)?;
                            render_one(session, &one, &output.join(stem), opts, &quiet, None)
                        })
                        .map_err(|e| (file.clone(), e));
                    results.lock().expect("no worker panics holding the lock")[i] = Some(r);
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if progress {
                        eprint!("\r[{n}/{}] {}", files.len(), file.display());
                        if n == files.len() {
                            eprintln!();
                        }
                    }
                }
            });
        }
    });
    Ok(results
        .into_inner()
        .expect("workers finished")
        .into_iter()
        .map(|r| r.expect("every file rendered"))
        .collect())
}

fn render_one(
    session: &Session,
    input: &InputArgs,
    output: &Path,
    opts: WriteOpts,
    out: &Output,
    recorded: Option<&RenderInputs>,
) -> Result<()> {
    let r = session.render(input)?;
    // From here to the commit, no other meg writes into the folder.
    let _guard = hold(output, opts.dry_run, out)?;
    let old = Lock::read(output)?;
    if let Some(recorded) = recorded
        && old.as_ref().and_then(|l| l.render.as_ref()) != Some(recorded)
    {
        return Err(Error::Usage(format!(
            "{}: the inputs it records changed while meg rendered from them (another meg wrote there); run this again",
            output.join(LOCK_PATH).display()
        )));
    }
    let plan = write::plan(
        output,
        &r.files,
        old.as_ref().map(|l| l.without(&r.others)).as_ref(),
    )?;
    let changed = changed_inputs(old.as_ref(), input, output, &plan, opts);
    if opts.dry_run {
        for (verb, paths) in [
            ("create", &plan.create),
            ("change", &plan.change),
            ("remove", &plan.remove),
        ] {
            for p in paths {
                let why = if plan.conflicts.contains(p) {
                    "  (edited by hand: needs --force)"
                } else if verb == "remove" && !changed.is_empty() {
                    "  (the inputs changed: needs --prune)"
                } else {
                    ""
                };
                println!("{verb:7} {p}{why}");
            }
        }
        for line in &changed {
            out.note(format!("input changed since the last render: {line}"));
        }
        out.say(format!(
            "dry run: {} to create, {} to change, {} to remove, {} unchanged; nothing written",
            plan.create.len(),
            plan.change.len(),
            plan.remove.len(),
            plan.unchanged.len()
        ));
        return Ok(());
    }
    if !changed.is_empty() {
        return Err(dropped_inputs(output, &changed, &plan.remove));
    }
    if !plan.conflicts.is_empty() && !opts.force {
        return Err(Error::UserEdits(plan.conflicts.clone()));
    }
    let targets: Vec<String> = r.targets.iter().map(|t| t.dir().to_string()).collect();
    let (lock, base) = keep_others(
        output,
        &r,
        old.as_ref(),
        Lock::new(&r.values, &session.catalog.version(), &targets, &r.files)
            .with_inputs(RenderInputs::of(input, output)),
    )?;
    write::apply_with_base(output, &r.files, &plan, &lock, &base)?;
    if out.verbose {
        for p in plan.create.iter().chain(&plan.change) {
            println!("wrote   {p}");
        }
        for p in &plan.remove {
            println!("removed {p}");
        }
    }
    let envs: Vec<&str> = r.lz.environments.iter().map(|e| e.name.as_str()).collect();
    out.say(format!(
        "rendered {} ({}, environments: {}) into {}: {} created, {} changed, {} removed, {} unchanged",
        r.lz.name,
        r.lz.strategy,
        envs.join(", "),
        output.display(),
        plan.create.len(),
        plan.change.len(),
        plan.remove.len(),
        plan.unchanged.len()
    ));
    if !plan.restored.is_empty() && !out.quiet {
        eprintln!(
            "note: restored {} file(s) that had been deleted: {}",
            plan.restored.len(),
            plan.restored.join(", ")
        );
    }
    Ok(())
}

fn validate(session: &Session, input: &InputArgs, json: bool, out: &Output) -> Result<i32> {
    match session.render(input) {
        Ok(r) => {
            let envs: Vec<&str> = r.lz.environments.iter().map(|e| e.name.as_str()).collect();
            if json {
                let v = json!({"valid": true, "name": r.lz.name, "strategy": r.lz.strategy, "environments": envs, "files": r.files.len()});
                println!("{}", serde_json::to_string_pretty(&v).expect("json"));
            } else {
                out.say(format!(
                    "ok: {} ({}, environments: {}) renders {} files",
                    r.lz.name,
                    r.lz.strategy,
                    envs.join(", "),
                    r.files.len()
                ));
            }
            Ok(EXIT_OK)
        }
        Err(Error::Input(ds)) if json => {
            let errors: Vec<Value> = ds
                .iter()
                .map(|d| json!({"location": d.location, "message": d.message, "hint": d.hint}))
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&json!({"valid": false, "errors": errors}))
                    .expect("json")
            );
            Ok(crate::error::EXIT_BAD_INPUT)
        }
        Err(e) => Err(e),
    }
}

fn print_changes(changes: &[FileChange], stat: bool) {
    let color = use_color();
    for c in changes {
        if stat {
            let mut flags = Vec::new();
            if c.edited_by_user == Some(true) {
                flags.push("edited by you");
            }
            if c.render_changed == Some(true) {
                flags.push("render changed");
            }
            let flags = if flags.is_empty() {
                String::new()
            } else {
                format!("  ({})", flags.join(", "))
            };
            println!(
                "{:8} {}  +{} -{}{flags}",
                format!("{:?}", c.change).to_lowercase(),
                c.path,
                c.insertions,
                c.deletions
            );
            continue;
        }
        for line in c.diff.lines() {
            let paint = match line.as_bytes().first() {
                _ if !color => None,
                Some(b'+') if !line.starts_with("+++") => Some("32"),
                Some(b'-') if !line.starts_with("---") => Some("31"),
                Some(b'@') => Some("36"),
                _ => None,
            };
            match paint {
                Some(code) => println!("\x1b[{code}m{line}\x1b[0m"),
                None => println!("{line}"),
            }
        }
    }
}

fn diff(
    session: &Session,
    input: &InputArgs,
    output: &Path,
    compare: &CompareArgs,
    out: &Output,
) -> Result<i32> {
    let again;
    let input = if input.inputs.is_empty() {
        again = recorded_args(input, output, "diff")?.0;
        &again
    } else {
        input
    };
    let r = session.render(input)?;
    // Read while no meg writes there, after rolling back a write that was interrupted.
    let _guard = hold(output, true, out)?;
    let lock = Lock::read(output)?;
    if lock.is_none() && !output.exists() {
        return Err(Error::Usage(format!(
            "{}: no such folder; render it first with `meg render ... -o {}`",
            output.display(),
            output.display()
        )));
    }
    let changes = crate::drift::drift(
        output,
        lock.map(|l| l.without(&r.others)).as_ref(),
        &r.files,
        &r.others,
    )?;
    if compare.json {
        let v = json!({"differences": !changes.is_empty(), "files": changes});
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
    } else {
        print_changes(&changes, compare.stat);
        let edited = changes
            .iter()
            .filter(|c| c.edited_by_user == Some(true))
            .count();
        let moved = changes
            .iter()
            .filter(|c| c.render_changed == Some(true))
            .count();
        let unresolved: Vec<&str> = changes
            .iter()
            .filter(|c| {
                std::fs::read(output.join(&c.path)).is_ok_and(crate::merge::has_conflict_markers)
            })
            .map(|c| c.path.as_str())
            .collect();
        let next = if !unresolved.is_empty() {
            format!(
                "; resolve the conflict markers left in {} first",
                unresolved.join(", ")
            )
        } else if changes.is_empty() {
            String::new()
        } else {
            "; `meg update` merges them".to_string()
        };
        out.say(format!(
            "{} file(s) differ from the render: {edited} edited by you, {moved} changed by the render{next}",
            changes.len()
        ));
    }
    Ok(if changes.is_empty() {
        EXIT_OK
    } else {
        crate::error::EXIT_DIFFERENCES
    })
}

fn update(
    session: &Session,
    input: &InputArgs,
    output: &Path,
    opts: WriteOpts,
    json: bool,
    out: &Output,
) -> Result<i32> {
    let dry_run = opts.dry_run;
    let again;
    let input = if input.inputs.is_empty() {
        again = recorded_args(input, output, "update")?.0;
        &again
    } else {
        input
    };
    let r = session.render(input)?;
    // An update of a folder meg never wrote stops below, before anything is created.
    if !output.join(LOCK_PATH).exists() {
        return Err(not_rendered(output));
    }
    let _guard = hold(output, dry_run, out)?;
    let lock = Lock::read(output)?;
    let base = crate::lock::read_base(output)?;
    let (Some(lock), Some(base)) = (lock, base) else {
        return Err(not_rendered(output));
    };
    let new_version = session.catalog.version();
    let labels = crate::merge::Labels {
        ours: "yours",
        base: &format!("meg {} (last render)", lock.catalog_version),
        theirs: &format!("meg {new_version} (new render)"),
    };
    let mut base = base;
    base.remove_all(&r.others);
    let up = crate::update::plan(output, &base, &r.files, labels)?;
    let changed = changed_inputs(Some(&lock), input, output, &up.plan, opts);
    if !changed.is_empty() && !dry_run {
        return Err(dropped_inputs(output, &changed, &up.plan.remove));
    }
    for line in &changed {
        out.note(format!(
            "input changed since the last render: {line} (removing files needs --prune)"
        ));
    }
    let conflicts = up.conflicts();
    if json {
        let v = json!({"dryRun": dry_run, "conflicts": conflicts, "files": up.report});
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
    } else {
        for f in &up.report {
            let extra = match (f.outcome, f.conflicts) {
                (crate::update::Outcome::Conflict, 0) => {
                    " (unresolved markers from an earlier update: resolve them first)".to_string()
                }
                (_, 0) => String::new(),
                (_, n) => format!(" ({n} conflict block(s))"),
            };
            println!(
                "{:12} {}{extra}",
                serde_json::to_value(f.outcome)
                    .expect("json")
                    .as_str()
                    .unwrap_or_default(),
                f.path
            );
        }
    }
    if !dry_run {
        let targets: Vec<String> = r.targets.iter().map(|t| t.dir().to_string()).collect();
        let (new_lock, new_base) = keep_others(
            output,
            &r,
            Some(&lock),
            Lock::new(&r.values, &new_version, &targets, &r.files)
                .with_inputs(RenderInputs::of(input, output)),
        )?;
        write::apply_with_base(output, &up.files, &up.plan, &new_lock, &new_base)?;
    }
    if !json {
        let verb = if dry_run { "would update" } else { "updated" };
        let written = up.plan.create.len() + up.plan.change.len();
        out.say(format!(
            "{verb} {}: {written} file(s) written, {} removed, {} with conflicts",
            output.display(),
            up.plan.remove.len(),
            conflicts.len()
        ));
        if !conflicts.is_empty() && !dry_run {
            out.say("resolve the <<<<<<< ... >>>>>>> blocks, then `meg diff` shows what remains");
        }
    }
    Ok(if conflicts.is_empty() {
        EXIT_OK
    } else {
        crate::error::EXIT_DIFFERENCES
    })
}

fn check(
    session: &Session,
    catalog_dir: Option<&Path>,
    bless: bool,
    compare: &CompareArgs,
    out: &Output,
) -> Result<i32> {
    if bless {
        let dir = catalog_dir.unwrap_or(Path::new("."));
        let n = crate::snapshot::bless(session, dir)?;
        out.say(format!(
            "blessed: {n} reference file(s) written under {}",
            dir.join("catalog/references").display()
        ));
        return Ok(EXIT_OK);
    }
    let results = crate::snapshot::check(session)?;
    let (mut matched, mut changed, mut added, mut removed) = (0, 0, 0, 0);
    for r in &results {
        matched += r.matched;
        for c in &r.changes {
            match c.change {
                crate::drift::Change::Changed => changed += 1,
                crate::drift::Change::Added => added += 1,
                crate::drift::Change::Removed => removed += 1,
            }
        }
    }
    let differ = changed + added + removed > 0;
    if compare.json {
        let v = json!({"ok": !differ, "matched": matched, "changed": changed, "added": added, "removed": removed, "examples": results});
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
    } else {
        for r in &results {
            print_changes(&r.changes, compare.stat);
        }
        out.say(format!(
            "{} example(s): {matched} file(s) matched, {changed} changed, {added} added, {removed} removed",
            results.len()
        ));
        if differ {
            out.say("review the diffs; accept them with `meg check --catalog <dir> --bless`");
        }
    }
    Ok(if differ {
        crate::error::EXIT_DIFFERENCES
    } else {
        EXIT_OK
    })
}

fn lint(session: &Session, input: &InputArgs, json: bool, out: &Output) -> Result<i32> {
    let (_, lz) = session.resolve(input)?;
    let rules = crate::lint::rules(&session.catalog)?;
    let report = crate::lint::lint(&lz, &rules)?;
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == crate::lint::Severity::Error)
        .count();
    if json {
        println!("{}", serde_json::to_string_pretty(&report).expect("json"));
    } else {
        let mut pillar = "";
        for f in &report.findings {
            if f.pillar != pillar {
                pillar = &f.pillar;
                println!("\n{pillar}");
            }
            let sev = format!("{:?}", f.severity).to_lowercase();
            println!(
                "  {sev:7} {} [{}] not met: {}\n          fix: {}",
                f.rule, f.environment, f.title, f.hint
            );
        }
        out.say(format!(
            "\n{} rule(s), {} check(s) passed, {} finding(s), {} error(s)",
            report.rules,
            report.passed,
            report.findings.len(),
            errors
        ));
    }
    Ok(if errors > 0 {
        crate::error::EXIT_DIFFERENCES
    } else {
        EXIT_OK
    })
}

/// With `--env`, the other environments' parameter files are not part of the render: their
/// records in the lock and the base carry over, so later commands still know what meg wrote.
fn keep_others(
    output: &Path,
    r: &crate::pipeline::Rendered,
    old_lock: Option<&Lock>,
    mut lock: Lock,
) -> Result<(Lock, crate::fileset::FileSet)> {
    let mut base = r.files.clone();
    if r.others.is_empty() {
        return Ok((lock, base));
    }
    let old_base = crate::lock::read_base(output)?;
    for path in &r.others {
        if let Some((path, hash)) = old_lock.and_then(|l| l.files.get_key_value(path.as_str())) {
            lock.files.insert(path.clone(), hash.clone());
        }
        if let Some(bytes) = old_base.as_ref().and_then(|b| b.get(path)) {
            base.insert(path, bytes.to_vec())?;
        }
    }
    Ok((lock, base))
}

/// Whether colour may be used on standard output.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// The output folder's lock, held while a command reads or writes the folder: exclusive for a
/// write, shared for a read (diff, dry runs). Either way, a write that an earlier meg left
/// half-applied is rolled back first, so that nothing acts on a mix of old and new files.
fn hold(output: &Path, read_only: bool, out: &Output) -> Result<Option<OutLock>> {
    let guard = if read_only {
        OutLock::read(output)?
    } else {
        Some(OutLock::write(output)?)
    };
    if guard.is_some() && write::recover(output)? {
        out.note(format!(
            "rolled back an interrupted write in {}: the folder is as it was before it",
            output.display()
        ));
    }
    Ok(guard)
}

/// The inputs recorded in the output's lock, for a command given no landing-zone file.
fn recorded_args(input: &InputArgs, output: &Path, cmd: &str) -> Result<(InputArgs, RenderInputs)> {
    let lock_path = output.join(LOCK_PATH);
    let give_file = format!(
        "give the landing-zone file: meg {cmd} FILE -o {}",
        output.display()
    );
    if input.has_flags() {
        return Err(Error::Usage(format!(
            "`meg {cmd} -o {}` without a landing-zone file uses exactly the inputs recorded in {}; to change -f, --set, --env, --target or --pipeline, {give_file} ...",
            output.display(),
            lock_path.display()
        )));
    }
    let Some(lock) = Lock::read(output)? else {
        return Err(Error::Usage(format!(
            "no landing-zone file given, and meg has not rendered into {} ({} is missing); {give_file}",
            output.display(),
            lock_path.display()
        )));
    };
    let Some(recorded) = lock.render else {
        return Err(Error::Usage(format!(
            "no landing-zone file given, and {} does not record the inputs (an older meg wrote it); {give_file}",
            lock_path.display()
        )));
    };
    recorded.check().map_err(|why| {
        Error::Usage(format!(
            "{}: the recorded inputs are not valid ({why}); {give_file}",
            lock_path.display()
        ))
    })?;
    Ok((recorded.to_args(output), recorded))
}

/// How the inputs differ from the recorded ones, when that matters: the write would remove
/// files, and neither --prune nor --force allows it.
fn changed_inputs(
    old: Option<&Lock>,
    input: &InputArgs,
    output: &Path,
    plan: &write::Plan,
    opts: WriteOpts,
) -> Vec<String> {
    match old {
        Some(lock) if !plan.remove.is_empty() && !opts.prune && !opts.force => {
            crate::recorded::changes(lock, input, output)
        }
        _ => Vec::new(),
    }
}

/// The refusal of a write that would remove files because inputs were left out.
fn dropped_inputs(output: &Path, changed: &[String], remove: &[String]) -> Error {
    const SHOWN: usize = 30;
    let mut msg = format!(
        "the inputs differ from the ones that last rendered {} (recorded in {}), and this would remove {} file(s) meg wrote:\n  inputs that changed:",
        output.display(),
        output.join(LOCK_PATH).display(),
        remove.len()
    );
    for line in changed {
        msg.push_str(&format!("\n    {line}"));
    }
    msg.push_str("\n  files it would remove:");
    for p in remove.iter().take(SHOWN) {
        msg.push_str(&format!("\n    {p}"));
    }
    if remove.len() > SHOWN {
        msg.push_str(&format!("\n    ... and {} more", remove.len() - SHOWN));
    }
    msg.push_str(&format!(
        "\n  hint: nothing was written; `meg render -o {}` renders again from the recorded inputs; pass --prune to remove the files",
        output.display()
    ));
    Error::Usage(msg)
}

fn not_rendered(output: &Path) -> Error {
    Error::Usage(format!(
        "{}: meg has no record of what it wrote there (.meg/lock.json and .meg/base.json.gz); render it first",
        output.display()
    ))
}

/// The folder a landing zone of a batch renders into: its file's stem, if that is a plain
/// name (letters, digits, `-`, `_`, `.`, not starting with `.` or `-`), so that no file name
/// (`..yaml`, `...yaml`, `.yaml`, a name with a separator) can lead outside the output.
fn zone_folder(file: &Path) -> std::result::Result<String, Diagnostic> {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let plain = !stem.is_empty()
        && stem.len() <= 200
        && !stem.starts_with(['.', '-'])
        && stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if plain {
        Ok(stem.to_string())
    } else {
        Err(Diagnostic::at(
            file.display().to_string(),
            format!(
                "'{}' cannot name the folder this landing zone renders into",
                file.file_stem().unwrap_or_default().to_string_lossy()
            ),
        )
        .hint("in a batch each file renders into OUT/<file name without .yaml>: rename it to letters, digits, '-', '_' or '.', not starting with '.' or '-'"))
    }
}
