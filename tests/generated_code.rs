//! Every render of every example is valid code: Bicep and Terraform parse, Terraform names only
//! real azurerm types, arguments and blocks, Bicep uses current API versions, both targets deploy
//! the same kinds of resources, parameter files match their declarations, Terraform is formatted,
//! and rendering is deterministic.
//!
//! Each test renders `examples/*.yaml` through the library with the embedded catalog (both
//! targets, every environment), gathers every finding over every example and file, and fails
//! once listing them all as `examples/<x>.yaml -> <file>:<line>:<column>: <what>`.
//!
//! The real tools (`terraform validate` against the provider, checkov, the Bicep API check on a
//! newer index) run in `.ci/offline-validate`; these tests are the fast judges `cargo test` has.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use support::arm::{self, Index};
use support::azurerm::Schema;
use support::bicep::{self, Resource};
use support::components::{self, Row};
use support::examples::{self, manifest_dir};
use support::problems::Problems;
use support::{line_col, syntax, terraform};

/// API versions kept on purpose although they are not the newest stable version of their type:
/// (type, version, why). Everything else must use the newest non-preview version in the index.
const API_VERSION_EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "Microsoft.Insights/diagnosticSettings",
        "2021-05-01-preview",
        "the only GA version, 2016-09-01, has no categoryGroup (`allLogs`)",
    ),
    (
        "Microsoft.DataMigration/sqlMigrationServices",
        "2023-07-15-preview",
        "the Database Migration Service's ARM API has preview versions only; this is the newest",
    ),
];

#[test]
fn every_bicep_file_parses() {
    let mut problems = Problems::new("Bicep files that tree-sitter-bicep cannot parse");
    let language = syntax::bicep();
    for example in examples::all() {
        for (path, text) in example.texts(&mut problems, &[".bicep"]) {
            for (pos, message) in syntax::errors(&language, text) {
                problems.at(&example.name, path, pos, message);
            }
        }
    }
    problems.assert_none();
}

#[test]
fn every_terraform_file_parses() {
    let mut problems = Problems::new("Terraform files that tree-sitter-hcl cannot parse");
    let language = syntax::hcl();
    for example in examples::all() {
        for (path, text) in example.texts(&mut problems, &[".tf", ".tfvars"]) {
            for (pos, message) in syntax::errors(&language, text) {
                problems.at(&example.name, path, pos, message);
            }
        }
    }
    problems.assert_none();
}

#[test]
fn terraform_uses_only_real_azurerm_types_arguments_and_blocks() {
    let mut problems = Problems::new(
        "Terraform resources and data sources that azurerm 4.55 does not have as written",
    );
    let schema = Schema::get();
    for example in examples::all() {
        for (path, text) in example.texts(&mut problems, &[".tf"]) {
            match schema.check(text) {
                Ok(findings) => {
                    for f in findings {
                        problems.at(&example.name, path, line_col(text, f.offset), f.message);
                    }
                }
                Err(e) => problems.in_file(&example.name, path, format!("hcl-rs: {e}")),
            }
        }
    }
    problems.assert_none();
}

/// The `.bicep` files of a render, for reading their declarations; a file that does not parse
/// is recorded (declarations after the error may be missed) and still returned.
fn bicep_files_noting_parse_errors<'a>(
    example: &'a examples::Example,
    problems: &mut Problems,
) -> Vec<(&'a str, &'a str)> {
    let files = example.texts(problems, &[".bicep"]);
    for (path, text) in &files {
        if let Some((pos, _)) = syntax::errors(&syntax::bicep(), text).first() {
            problems.at(
                &example.name,
                path,
                *pos,
                "does not parse (see every_bicep_file_parses): declarations after this point may be missed",
            );
        }
    }
    files
}

#[test]
fn bicep_uses_published_api_versions() {
    let mut problems =
        Problems::new("Bicep resources whose type or API version is unknown or not the newest");
    let index = Index::get();
    for example in examples::all() {
        for (path, text) in bicep_files_noting_parse_errors(example, &mut problems) {
            for resource in bicep::resources(text) {
                if let Some(message) = api_version_problem(index, &resource) {
                    problems.at(&example.name, path, resource.pos, message);
                }
            }
        }
    }
    problems.assert_none();
}

/// What is wrong with a resource's type and API version, if anything.
fn api_version_problem(index: &Index, resource: &Resource) -> Option<String> {
    let Resource {
        symbol, arm_type, ..
    } = resource;
    let Some(known) = index.lookup(arm_type) else {
        return Some(format!(
            "resource {symbol}: `{arm_type}` is not an ARM type Bicep knows"
        ));
    };
    let Some(version) = &resource.version else {
        return Some(format!(
            "resource {symbol}: `{arm_type}` has no API version"
        ));
    };
    if !known.versions.contains(version) {
        return Some(format!(
            "resource {symbol}: `{arm_type}@{version}` is not a published API version (known: {})",
            known.versions.join(", ")
        ));
    }
    let excepted = API_VERSION_EXCEPTIONS
        .iter()
        .any(|(t, v, _)| t.eq_ignore_ascii_case(arm_type) && v == version);
    let newest = known.newest_stable();
    if excepted || newest == Some(version.as_str()) {
        return None;
    }
    Some(match newest {
        Some(newest) => format!(
            "resource {symbol}: `{arm_type}@{version}` is not the newest stable API version, {newest} (or add it to API_VERSION_EXCEPTIONS with the reason)"
        ),
        None => format!(
            "resource {symbol}: `{arm_type}` has only preview versions; add `{version}` to API_VERSION_EXCEPTIONS with the reason"
        ),
    })
}

#[test]
fn bicep_and_terraform_deploy_the_same_kinds_of_resources() {
    let mut problems = Problems::new(
        "resource kinds that a component table does not map, or that only one target deploys",
    );
    let (rows, table_problems) = components::rows();
    for p in table_problems {
        problems.in_render("catalog", p);
    }
    for example in examples::all() {
        let mut bicep_types = BTreeSet::new();
        for (_, text) in bicep_files_noting_parse_errors(example, &mut problems) {
            bicep_types.extend(
                bicep::resources(text)
                    .into_iter()
                    .filter(|r| !r.existing)
                    .map(|r| r.arm_type),
            );
        }
        let mut terraform_types = BTreeSet::new();
        for (path, text) in example.texts(&mut problems, &[".tf"]) {
            match terraform::resource_types(text) {
                Ok(types) => terraform_types.extend(types),
                Err(e) => problems.in_file(&example.name, path, format!("hcl-rs: {e}")),
            }
        }
        if example.render.is_ok() && (bicep_types.is_empty() || terraform_types.is_empty()) {
            problems.in_render(
                &example.name,
                "a target deploys no resources at all: parity would prove nothing",
            );
        }
        for p in parity_problems(&bicep_types, &terraform_types, &rows) {
            problems.in_render(&example.name, p);
        }
    }
    problems.assert_none();
}

/// Compares the ARM types Bicep declares with those the Terraform types stand for, through the
/// component tables (a table may map one ARM type to several azurerm types).
fn parity_problems(
    bicep_types: &BTreeSet<String>,
    terraform_types: &BTreeSet<String>,
    rows: &[Row],
) -> Vec<String> {
    let mut out = Vec::new();
    let bicep_lower: BTreeMap<String, &String> = bicep_types
        .iter()
        .map(|t| (t.to_ascii_lowercase(), t))
        .collect();
    for (lower, ty) in &bicep_lower {
        if !rows.iter().any(|r| r.arm.to_ascii_lowercase() == *lower) {
            out.push(format!(
                "Bicep declares `{ty}`, which no catalog/components/*.yaml `resources` row maps (add {{arm: {ty}, terraform: <azurerm type>, what: ...}})"
            ));
        }
    }
    // ARM type (lower case) -> (its spelling in a table, the emitted azurerm types standing for it).
    let mut from_terraform: BTreeMap<String, (String, BTreeSet<&str>)> = BTreeMap::new();
    for ty in terraform_types {
        let mapped: Vec<&Row> = rows.iter().filter(|r| stands_for(r, ty)).collect();
        if mapped.is_empty() {
            out.push(format!(
                "Terraform deploys `{ty}`, which no catalog/components/*.yaml `resources` row maps (add {{arm: <ARM type>, terraform: {ty}, what: ...}})"
            ));
        }
        for row in mapped {
            from_terraform
                .entry(row.arm.to_ascii_lowercase())
                .or_insert_with(|| (row.arm.clone(), BTreeSet::new()))
                .1
                .insert(ty);
        }
    }
    for (lower, (arm, tf)) in &from_terraform {
        if !bicep_lower.contains_key(lower) {
            let tf: Vec<&str> = tf.iter().copied().collect();
            out.push(format!(
                "Terraform deploys `{arm}` (as {}) but Bicep declares no `{arm}`",
                tf.join(", ")
            ));
        }
    }
    for (lower, ty) in &bicep_lower {
        let mapped: BTreeSet<String> = rows
            .iter()
            .filter(|r| r.arm.to_ascii_lowercase() == *lower)
            .map(|r| format!("{} ({})", r.terraform, r.component))
            .collect();
        if !mapped.is_empty() && !from_terraform.contains_key(lower) {
            let mapped: Vec<String> = mapped.into_iter().collect();
            out.push(format!(
                "Bicep declares `{ty}` but Terraform deploys none of the types that stand for it: {}",
                mapped.join(", ")
            ));
        }
    }
    out
}

/// Whether a table row maps a Terraform type: by name, or for `azapi_resource(<ARM type>)`
/// (see `terraform::resource_types`) by the ARM type it creates.
fn stands_for(row: &Row, terraform_type: &str) -> bool {
    match terraform_type
        .strip_prefix("azapi_resource(")
        .and_then(|t| t.strip_suffix(')'))
    {
        Some(arm) => row.terraform == "azapi_resource" && row.arm.eq_ignore_ascii_case(arm),
        None => row.terraform == terraform_type,
    }
}

/// A property of a Bicep user-defined type whose input is a closed set of strings must be typed
/// as that set's literal union: a `string` property passed to a module param with `@allowed` is
/// error BCP036 (Azure/bicep #13884), which only a Bicep compiler (`.ci/run`'s bicep-typecheck)
/// would otherwise see. `<name>Type` is matched with the schema's `$defs/<name>`.
#[test]
fn bicep_types_spell_the_schema_closed_sets_as_literal_unions() {
    let mut problems = Problems::new(
        "user-defined type properties that do not spell their input's closed set as a literal union",
    );
    let schema = landing_zone_schema();
    let mut checked = 0;
    for example in examples::all() {
        for (path, text) in example.texts(&mut problems, &[".bicep"]) {
            for (line, message) in closed_set_problems(text, &schema, &mut checked) {
                problems.at(&example.name, path, (line, 1), message);
            }
        }
    }
    if checked == 0 {
        problems.in_render(
            "examples",
            "no user-defined type property maps to a closed set of the schema: the check proved nothing",
        );
    }
    problems.assert_none();
}

fn landing_zone_schema() -> serde_json::Value {
    let path = manifest_dir().join("catalog/schema/landing-zone.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The schema node of `$defs/<def>` at `path` (through `properties`, following local `$ref`s).
fn schema_node<'a>(
    schema: &'a serde_json::Value,
    def: &str,
    path: &[String],
) -> Option<&'a serde_json::Value> {
    let resolve = |node: &'a serde_json::Value| match node["$ref"].as_str() {
        Some(r) => r
            .strip_prefix("#/$defs/")
            .and_then(|name| schema["$defs"].get(name)),
        None => Some(node),
    };
    let mut node = resolve(schema["$defs"].get(def)?)?;
    for key in path {
        node = resolve(node["properties"].get(key)?)?;
    }
    Some(node)
}

/// Properties of `<name>Type` declarations in `text` typed otherwise than as the literal union
/// of the enum the schema gives `$defs/<name>` at the same path; `checked` counts those compared.
fn closed_set_problems(
    text: &str,
    schema: &serde_json::Value,
    checked: &mut usize,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let aliases = bicep::type_aliases(text);
    for prop in bicep::type_properties(text) {
        if prop.ty.contains('|') {
            out.push((
                prop.line,
                format!(
                    "{}.{} is a literal union inside an object type, which checkov's Bicep parser (pycep) cannot read: name it with a top-level `type` alias",
                    prop.type_name,
                    prop.path.join(".")
                ),
            ));
        }
        let Some(def) = prop.type_name.strip_suffix("Type") else {
            continue;
        };
        let Some(node) = schema_node(schema, def, &prop.path) else {
            continue;
        };
        let Some(values) = node["enum"].as_array() else {
            continue;
        };
        let Some(values) = values
            .iter()
            .map(|v| v.as_str())
            .collect::<Option<Vec<&str>>>()
        else {
            continue;
        };
        *checked += 1;
        let want: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
        let want = want.join(" | ");
        let ty = aliases.get(&prop.ty).unwrap_or(&prop.ty);
        if *ty != want {
            out.push((
                prop.line,
                format!(
                    "{}.{} is `{ty}`, but $defs/{def}/{} is a closed set: type it `{want}` (a top-level alias)",
                    prop.type_name,
                    prop.path.join("."),
                    prop.path.join("/properties/")
                ),
            ));
        }
    }
    out
}

/// Terraform before 1.12 evaluates both sides of `||` and `&&`: `x == null || f(x)` still calls
/// `f(null)` and fails the plan ("argument must not be null"). A guard that tests `x` for null
/// must be a conditional, `x == null ? true : f(x)`. `.ci/run` plans every example on Terraform
/// 1.9.8 (offline-plan); this catches the pattern in renders whose values would not reach it.
#[test]
fn terraform_null_guards_do_not_rely_on_short_circuit() {
    let mut problems = Problems::new(
        "`x == null || f(x)` / `x != null && f(x)`: both sides run before Terraform 1.12",
    );
    for example in examples::all() {
        for (path, text) in example.texts(&mut problems, &[".tf"]) {
            for (line, message) in short_circuit_problems(text) {
                problems.at(&example.name, path, (line, 1), message);
            }
        }
    }
    problems.assert_none();
}

/// Lines where `<operand> == null ||` or `<operand> != null &&` is followed, on the same line, by
/// another use of the operand: the right side depends on the left side having stopped evaluation.
fn short_circuit_problems(text: &str) -> Vec<(usize, String)> {
    let operand =
        regex_lite::Regex::new(r#"([A-Za-z_][A-Za-z0-9_.\["\]-]*)\s*(==|!=)\s*null\s*(\|\||&&)"#)
            .expect("a valid pattern");
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        for m in operand.captures_iter(line) {
            let (whole, subject, test, op) = (&m[0], &m[1], &m[2], &m[3]);
            if (test == "==") != (op == "||") {
                continue;
            }
            let rest = &line[m.get(0).expect("match").end()..];
            if rest.contains(subject) {
                out.push((
                    i + 1,
                    format!(
                        "`{whole} …{subject}…`: write `{subject} {} null ? {} : …`",
                        if test == "==" { "==" } else { "!=" },
                        if op == "||" { "true" } else { "false" }
                    ),
                ));
            }
        }
    }
    out
}

/// A release number: major, minor, patch.
type Version = (u64, u64, u64);

/// azurerm arguments the templates use that azurerm 4.0.0 did not have: (resource type,
/// argument path, the first release that has it, where that is recorded). Found in the
/// provider's history (hashicorp/terraform-provider-azurerm, `git log -S'"<argument>"'` on the
/// resource's source, first tag containing the commit), since its CHANGELOG-v4.md leaves some
/// out. Every `hashicorp/azurerm` constraint of a render must start at the newest of these.
const AZURERM_ARGUMENTS_ADDED: &[(&str, &str, Version, &str)] = &[
    (
        "azurerm_container_app_environment",
        "logs_destination",
        (4, 17, 0),
        "CHANGELOG-v4.md 4.17.0: Azure Monitor as a log destination (#26047)",
    ),
    (
        "azurerm_monitor_diagnostic_setting",
        "enabled_metric",
        (4, 31, 0),
        "#29406, merged 2025-05-28, first in tag v4.31.0 (not in CHANGELOG-v4.md)",
    ),
    (
        "azurerm_windows_virtual_machine",
        "automatic_updates_enabled",
        (4, 42, 0),
        "#30394 (renames enable_automatic_updates), first in tag v4.42.0 (not in CHANGELOG-v4.md)",
    ),
];

/// Terraform language features the templates use, with the release that brought them.
const TERRAFORM_FEATURES: &[(&str, Version, &str)] = &[(
    "a variable's validation reads another variable",
    (1, 9, 0),
    "Terraform 1.9.0 CHANGELOG: input variable validation rules can refer to other objects",
)];

/// The provider and Terraform constraints say the oldest versions that run the render: every
/// azurerm constraint starts at the newest release that added an argument the templates use
/// (no older release can plan them), and `required_version` at the newest language feature
/// used. `.ci/run` plans every example on that oldest Terraform (offline-plan, 1.9.8).
#[test]
fn version_constraints_start_at_what_the_templates_use() {
    let mut problems = Problems::new(
        "version constraints that admit a release which lacks something the render uses",
    );
    let azurerm_floor = AZURERM_ARGUMENTS_ADDED
        .iter()
        .map(|(_, _, v, _)| *v)
        .max()
        .expect("a table");
    let terraform_floor = TERRAFORM_FEATURES
        .iter()
        .map(|(_, v, _)| *v)
        .max()
        .expect("a table");
    let mut used_rows = BTreeSet::new();
    for example in examples::all() {
        let mut used: Vec<(Version, String)> = Vec::new();
        let mut constraints = Vec::new();
        for (path, text) in example.texts(&mut problems, &[".tf"]) {
            let parsed = terraform::resource_arguments(text)
                .and_then(|args| Ok((args, terraform::version_constraints(text)?)))
                .and_then(|x| Ok((x, terraform::cross_variable_validations(text)?)));
            let (
                (
                    args,
                    terraform::Constraints {
                        providers,
                        required_version: required,
                    },
                ),
                cross,
            ) = match parsed {
                Ok(x) => x,
                Err(e) => {
                    problems.in_file(&example.name, path, format!("hcl-rs: {e}"));
                    continue;
                }
            };
            for (i, (ty, arg, version, _)) in AZURERM_ARGUMENTS_ADDED.iter().enumerate() {
                if args.iter().any(|(t, a)| t == ty && a == arg) {
                    used_rows.insert(i);
                    used.push((*version, format!("{ty}.{arg} (in {path})")));
                }
            }
            if let Some((variable, other)) = cross.first() {
                used.push((
                    TERRAFORM_FEATURES[0].1,
                    format!("validation of var.{variable} reads var.{other} (in {path})"),
                ));
            }
            for (source, constraint) in providers {
                if source.eq_ignore_ascii_case("hashicorp/azurerm") {
                    constraints.push((path, "azurerm", constraint, azurerm_floor));
                }
            }
            if let Some(required) = required {
                constraints.push((path, "terraform", required, terraform_floor));
            }
        }
        for (path, what, constraint, floor) in constraints {
            let Some(lower) = lower_bound(&constraint) else {
                problems.in_file(
                    &example.name,
                    path,
                    format!("{what} constraint `{constraint}` has no lower bound"),
                );
                continue;
            };
            if lower != floor {
                problems.in_file(
                    &example.name,
                    path,
                    format!(
                        "{what} constraint `{constraint}` starts at {}, but the templates need {} (AZURERM_ARGUMENTS_ADDED / TERRAFORM_FEATURES)",
                        dotted(lower),
                        dotted(floor)
                    ),
                );
            }
            let newest_used = used
                .iter()
                .filter(|(v, _)| (what == "azurerm") == (v.0 >= 4))
                .max();
            if let Some((v, why)) = newest_used
                && lower < *v
            {
                problems.in_file(
                    &example.name,
                    path,
                    format!(
                        "{what} constraint `{constraint}` admits {}, older than {} which {why} needs",
                        dotted(lower),
                        dotted(*v)
                    ),
                );
            }
        }
    }
    for (i, (ty, arg, _, _)) in AZURERM_ARGUMENTS_ADDED.iter().enumerate() {
        if !used_rows.contains(&i) {
            problems.in_render(
                "examples",
                format!("AZURERM_ARGUMENTS_ADDED names {ty}.{arg}, which no example renders: a stale row, or an example is missing"),
            );
        }
    }
    problems.assert_none();
}

/// Bicep language features the templates use, with the first Bicep CLI that has them: the
/// generated README's "Needs Bicep CLI <version>" must be the newest of these.
const BICEP_FEATURES: &[(&str, Version, &str)] = &[
    (
        "readEnvironmentVariable(",
        (0, 18, 4),
        "Bicep parameters files (learn.microsoft.com, azure-resource-manager/bicep/parameter-files)",
    ),
    (
        "deployer()",
        (0, 32, 4),
        "Bicep v0.32.4 release (December 2024) added deployer()",
    ),
];

/// The README asks for the Bicep CLI the templates need: no older, and no newer than the newest
/// feature in BICEP_FEATURES (a truthful floor, as for Terraform and azurerm above).
#[test]
fn readme_asks_for_the_bicep_cli_the_templates_need() {
    let mut problems = Problems::new("READMEs whose Bicep CLI floor is not what the templates use");
    let floor = BICEP_FEATURES
        .iter()
        .map(|(_, v, _)| *v)
        .max()
        .expect("a table");
    let mut used_rows = BTreeSet::new();
    for example in examples::all() {
        let mut needed: Option<(Version, String)> = None;
        for (path, text) in example.texts(&mut problems, &[".bicep", ".bicepparam"]) {
            for (i, (feature, version, _)) in BICEP_FEATURES.iter().enumerate() {
                if text.contains(feature) {
                    used_rows.insert(i);
                    if needed.as_ref().is_none_or(|(v, _)| v < version) {
                        needed = Some((*version, format!("{feature} in {path}")));
                    }
                }
            }
        }
        let Some(readme) = example.text("README.md") else {
            problems.in_file(&example.name, "README.md", "missing");
            continue;
        };
        let asked = readme
            .split("Needs Bicep CLI ")
            .nth(1)
            .and_then(|rest| lower_bound(&format!(">= {}", rest.split_whitespace().next()?)));
        match (asked, needed) {
            (None, _) => problems.in_file(
                &example.name,
                "README.md",
                "says no `Needs Bicep CLI <version>`",
            ),
            (Some(asked), needed) => {
                if asked != floor {
                    problems.in_file(
                        &example.name,
                        "README.md",
                        format!(
                            "asks for Bicep CLI {}, BICEP_FEATURES needs {}",
                            dotted(asked),
                            dotted(floor)
                        ),
                    );
                }
                if let Some((v, why)) = needed
                    && asked < v
                {
                    problems.in_file(
                        &example.name,
                        "README.md",
                        format!(
                            "asks for Bicep CLI {}, but {why} needs {}",
                            dotted(asked),
                            dotted(v)
                        ),
                    );
                }
            }
        }
    }
    for (i, (feature, _, _)) in BICEP_FEATURES.iter().enumerate() {
        if !used_rows.contains(&i) {
            problems.in_render(
                "examples",
                format!("BICEP_FEATURES names {feature}, which no example uses: a stale row"),
            );
        }
    }
    problems.assert_none();
}

/// The oldest version a constraint admits (`~> 4.42`, `>= 1.9`, `>= 4.1, < 5.0`), if it has one.
fn lower_bound(constraint: &str) -> Option<Version> {
    constraint
        .split(',')
        .filter_map(|part| {
            let part = part.trim();
            let v = part
                .strip_prefix("~>")
                .or_else(|| part.strip_prefix(">="))
                .or_else(|| part.strip_prefix('='))?;
            let mut nums = v.trim().split('.').map(|n| n.parse::<u64>());
            let major = nums.next()?.ok()?;
            let minor = nums.next().unwrap_or(Ok(0)).ok()?;
            let patch = nums.next().unwrap_or(Ok(0)).ok()?;
            Some((major, minor, patch))
        })
        .max()
}

fn dotted((major, minor, patch): Version) -> String {
    format!("{major}.{minor}.{patch}")
}

/// One setting both targets must make the same way, as the lines each file must hold: a
/// needle is a run of consecutive lines, compared trimmed and with runs of spaces folded (so
/// `terraform fmt`'s alignment does not matter); `absent` lines must not appear in the file.
struct SettingParity {
    what: &'static str,
    bicep: (&'static str, &'static [&'static [&'static str]]),
    terraform: (&'static str, &'static [&'static [&'static str]]),
    /// A file whose presence makes the row apply (when its two files exist in every render).
    only_with: Option<&'static str>,
    absent: &'static [(&'static str, &'static str)],
}

/// Settings a review found on one side only (issue 12, D13), pinned on both.
const SETTING_PARITY: &[SettingParity] = &[
    SettingParity {
        what: "Container Apps: peer traffic encrypted and mutually authenticated (azurerm's mutual_tls_enabled sets both ARM properties)",
        bicep: (
            "bicep/modules/container-apps.bicep",
            &[
                &["peerAuthentication: {", "mtls: {", "enabled: true"],
                &[
                    "peerTrafficConfiguration: {",
                    "encryption: {",
                    "enabled: true",
                ],
            ],
        ),
        terraform: (
            "terraform/modules/application/main.tf",
            &[&["mutual_tls_enabled = true"]],
        ),
        only_with: None,
        absent: &[],
    },
    SettingParity {
        what: "disk encryption set: rotation to the newest key version; ARM gets a versioned key URL (azurerm resolves the versionless ID it requires)",
        bicep: (
            "bicep/modules/disk-encryption.bicep",
            &[
                &["keyUrl: diskKey.properties.keyUriWithVersion"],
                &["rotationToLatestKeyVersionEnabled: true"],
            ],
        ),
        terraform: (
            "terraform/modules/disk-encryption/main.tf",
            &[
                &["key_vault_key_id = azapi_resource.disk_key.output.properties.keyUri"],
                &["auto_key_rotation_enabled = true"],
            ],
        ),
        only_with: None,
        absent: &[],
    },
    SettingParity {
        what: "Site Recovery: multi-VM consistency (azurerm sends multiVmSyncStatus Enable on every replication policy)",
        bicep: (
            "bicep/modules/site-recovery.bicep",
            &[&["multiVmSyncStatus: 'Enable'"]],
        ),
        terraform: (
            "terraform/modules/site-recovery/main.tf",
            &[&["resource \"azurerm_site_recovery_replication_policy\" \"this\" {"]],
        ),
        only_with: None,
        absent: &[],
    },
    SettingParity {
        what: "Site Recovery protected items (issue 12, D7): A2A, every disk staged in the cache account and replicated into Premium replica disks encrypted with the recovery region's set, the VM's zone, one multi-VM group per spoke",
        bicep: (
            "bicep/modules/site-recovery-protection.bicep",
            &[
                &["instanceType: 'A2A'", "fabricObjectId: virtualMachineId"],
                &["recoveryAvailabilityZone: empty(recoveryZone) ? null : recoveryZone"],
                &["multiVmGroupName: multiVmGroupName"],
                &[
                    "for diskId in diskIds: {",
                    "diskId: diskId",
                    "primaryStagingAzureStorageAccountId: cacheStorageAccountId",
                    "recoveryResourceGroupId: recoveryResourceGroupId",
                ],
                &[
                    "recoveryReplicaDiskAccountType: 'Premium_LRS'",
                    "recoveryTargetDiskAccountType: 'Premium_LRS'",
                ],
                &["recoveryDiskEncryptionSetId: recoveryDiskEncryptionSetId"],
                &["recoveryAzureNetworkId: empty(recoveryNetworkId) ? null : recoveryNetworkId"],
                &["recoverySubnetName: empty(recoveryNetworkId) ? null : recoverySubnetName"],
            ],
        ),
        terraform: (
            "terraform/modules/site-recovery/main.tf",
            &[
                &["source_vm_id = each.value.vm_id"],
                &["target_network_id = each.value.recovery_network_id"],
                &["target_zone = each.value.zone"],
                &["multi_vm_group_name = each.value.multi_vm_group_name"],
                &[
                    "for_each = each.value.disk_ids",
                    "",
                    "content {",
                    "disk_id = managed_disk.value",
                    "staging_storage_account_id = azurerm_storage_account.cache.id",
                    "target_resource_group_id = var.resource_group_id",
                ],
                &[
                    "target_replica_disk_type = \"Premium_LRS\"",
                    "target_disk_type = \"Premium_LRS\"",
                ],
                &["target_disk_encryption_set_id = var.target_disk_encryption_set_id"],
                &["target_subnet_name = each.value.subnet_name"],
            ],
        ),
        only_with: None,
        absent: &[],
    },
    SettingParity {
        what: "Site Recovery failback (issue 12, D7): each recovery network maps back to its spoke's network",
        bicep: (
            "bicep/modules/site-recovery.bicep",
            &[&[
                "parent: recoveryNetworks",
                "name: 'map-${mapping.spoke}-to-${primaryLocation}'",
                "properties: {",
                "recoveryFabricName: primaryFabric.name",
                "recoveryNetworkId: primaryNetworkIds[mapping.spoke]",
                "fabricSpecificDetails: {",
                "instanceType: 'AzureToAzure'",
                "primaryNetworkId: mapping.recoveryNetworkId",
            ]],
        ),
        terraform: (
            "terraform/modules/site-recovery/main.tf",
            &[&[
                "name = \"map-${each.key}-to-${var.primary_location}\"",
                "resource_group_name = var.resource_group_name",
                "recovery_vault_name = azurerm_recovery_services_vault.this.name",
                "source_recovery_fabric_name = azurerm_site_recovery_fabric.recovery.name",
                "target_recovery_fabric_name = azurerm_site_recovery_fabric.primary.name",
                "source_network_id = each.value.recovery_network_id",
                "target_network_id = each.value.primary_network_id",
            ]],
        ),
        only_with: None,
        absent: &[],
    },
    SettingParity {
        what: "Site Recovery: the recovery region's disk encryption set comes from the same modules, in the recovery region, before the protected items",
        bicep: (
            "bicep/main.bicep",
            &[
                &[
                    "module recoveryDiskEncryption 'modules/disk-encryption.bicep' = if (siteRecovery.enabled) {",
                    "name: 'disk-encryption-recovery-${environmentName}'",
                    "scope: recoveryResourceGroup",
                ],
                &["location: siteRecovery.recoveryLocation"],
                &["recoveryDiskEncryptionSetId: recoveryDiskEncryption.outputs.resourceId"],
                &["cacheStorageAccountId: siteRecoveryCache.outputs.resourceId"],
            ],
        ),
        terraform: (
            "terraform/main.rehost.tf",
            &[
                &[
                    "module \"recovery_disk_encryption\" {",
                    "source = \"./modules/disk-encryption\"",
                    "count = var.site_recovery.enabled ? 1 : 0",
                ],
                &["location = var.site_recovery.recovery_location"],
                &["target_disk_encryption_set_id = module.recovery_disk_encryption[0].resource_id"],
            ],
        ),
        only_with: Some("bicep/modules/site-recovery-protection.bicep"),
        absent: &[],
    },
    SettingParity {
        what: "Site Recovery multi-VM consistency: a spoke holding a group lets its servers talk on TCP 20004 before the deny-all",
        bicep: (
            "bicep/modules/spoke-network.bicep",
            &[
                &[
                    "name: 'AllowSiteRecoveryMultiVmInbound'",
                    "properties: {",
                    "priority: 3900",
                    "direction: 'Inbound'",
                    "access: 'Allow'",
                    "protocol: 'Tcp'",
                    "sourceAddressPrefixes: spoke.addressPrefixes",
                    "sourcePortRange: '*'",
                    "destinationAddressPrefix: 'VirtualNetwork'",
                    "destinationPortRange: '20004'",
                ],
                &[
                    "securityRules: concat(managementAccess, siteRecoveryAccess, onPremisesAccess, denyAllInbound)",
                ],
            ],
        ),
        terraform: (
            "terraform/modules/spoke-network/main.tf",
            &[
                &[
                    "name = \"AllowSiteRecoveryMultiVmInbound\"",
                    "priority = 3900",
                    "access = \"Allow\"",
                    "protocol = \"Tcp\"",
                    "source_address_prefixes = var.spoke.address_prefixes",
                    "destination_address_prefix = \"VirtualNetwork\"",
                    "destination_port_ranges = [\"20004\"]",
                ],
                &[
                    "inbound_rules = concat(local.management_access, local.site_recovery_access, local.on_premises_access, [",
                ],
            ],
        ),
        only_with: Some("bicep/modules/site-recovery-protection.bicep"),
        absent: &[],
    },
    SettingParity {
        what: "Front Door WAF: both managed rule sets block",
        bicep: (
            "bicep/modules/front-door.bicep",
            &[
                &[
                    "ruleSetType: 'Microsoft_DefaultRuleSet'",
                    "ruleSetVersion: '2.1'",
                    "ruleSetAction: 'Block'",
                ],
                &[
                    "ruleSetType: 'Microsoft_BotManagerRuleSet'",
                    "ruleSetVersion: '1.1'",
                    "ruleSetAction: 'Block'",
                ],
            ],
        ),
        terraform: (
            "terraform/modules/front-door/main.tf",
            &[
                &[
                    "type = \"Microsoft_DefaultRuleSet\"",
                    "version = \"2.1\"",
                    "action = \"Block\"",
                ],
                &[
                    "type = \"Microsoft_BotManagerRuleSet\"",
                    "version = \"1.1\"",
                    "action = \"Block\"",
                ],
            ],
        ),
        only_with: None,
        absent: &[],
    },
    SettingParity {
        what: "web apps: an instance failing its health check for 5 minutes is replaced",
        bicep: (
            "bicep/modules/web-app.bicep",
            &[&["name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES'", "value: '5'"]],
        ),
        terraform: (
            "terraform/modules/application/main.tf",
            &[&["health_check_eviction_time_in_min = 5"]],
        ),
        only_with: None,
        absent: &[],
    },
    SettingParity {
        what: "web apps: HTTP logs on the file system, 7 days within 35 MB, detailed errors, failed request traces",
        bicep: (
            "bicep/modules/web-app.bicep",
            &[
                &["detailedErrorMessages: {", "enabled: true"],
                &["failedRequestsTracing: {", "enabled: true"],
                &[
                    "fileSystem: {",
                    "enabled: true",
                    "retentionInDays: 7",
                    "retentionInMb: 35",
                ],
            ],
        ),
        terraform: (
            "terraform/modules/application/main.tf",
            &[
                &[
                    "detailed_error_messages = true",
                    "failed_request_tracing = true",
                ],
                &[
                    "file_system {",
                    "retention_in_days = 7",
                    "retention_in_mb = 35",
                ],
            ],
        ),
        only_with: None,
        absent: &[],
    },
    SettingParity {
        what: "spoke subnets are created with their NSG, never without it",
        bicep: (
            "bicep/modules/spoke-network.bicep",
            &[&["networkSecurityGroup: {", "id: networkSecurityGroups[i].id"]],
        ),
        terraform: (
            "terraform/modules/spoke-network/main.tf",
            &[&[
                "dynamic \"subnet\" {",
                "for_each = local.subnets",
                "",
                "content {",
                "name = subnet.key",
                "address_prefixes = [subnet.value.address_prefix]",
                "security_group = azurerm_network_security_group.this[subnet.key].id",
            ]],
        ),
        only_with: None,
        absent: &[
            (
                "terraform/modules/spoke-network/main.tf",
                "resource \"azurerm_subnet\" \"this\" {",
            ),
            (
                "terraform/modules/spoke-network/main.tf",
                "resource \"azurerm_subnet_network_security_group_association\" \"this\" {",
            ),
        ],
    },
];

/// Both targets make the settings of SETTING_PARITY, in every render that has both files; each
/// row is exercised by at least one example.
#[test]
fn bicep_and_terraform_make_the_same_settings() {
    let mut problems = Problems::new("settings one target makes and the other does not");
    let mut exercised = BTreeSet::new();
    for example in examples::all() {
        for (i, row) in SETTING_PARITY.iter().enumerate() {
            let (Some(bicep), Some(terraform)) =
                (example.text(row.bicep.0), example.text(row.terraform.0))
            else {
                continue;
            };
            if row
                .only_with
                .is_some_and(|path| example.text(path).is_none())
            {
                continue;
            }
            exercised.insert(i);
            for (path, text, needles) in [
                (row.bicep.0, bicep, row.bicep.1),
                (row.terraform.0, terraform, row.terraform.1),
            ] {
                for needle in needles {
                    if !holds_lines(text, needle) {
                        problems.in_file(
                            &example.name,
                            path,
                            format!("{}: lacks `{}`", row.what, needle.join(" / ")),
                        );
                    }
                }
            }
            for (path, line) in row.absent {
                if example
                    .text(path)
                    .is_some_and(|text| holds_lines(text, &[line]))
                {
                    problems.in_file(&example.name, path, format!("{}: has `{line}`", row.what));
                }
            }
        }
    }
    for (i, row) in SETTING_PARITY.iter().enumerate() {
        if !exercised.contains(&i) {
            problems.in_render(
                "examples",
                format!("no example renders both files of `{}`", row.what),
            );
        }
    }
    problems.assert_none();
}

/// Whether `text` has the lines of `needle` one after another (trimmed, spaces folded).
fn holds_lines(text: &str, needle: &[&str]) -> bool {
    let fold = |line: &str| line.split_whitespace().collect::<Vec<_>>().join(" ");
    let lines: Vec<String> = text.lines().map(fold).collect();
    let needle: Vec<String> = needle.iter().map(|l| fold(l)).collect();
    !needle.is_empty() && lines.windows(needle.len()).any(|w| w == needle.as_slice())
}

#[test]
fn parameter_files_match_their_declarations() {
    let mut problems =
        Problems::new("parameter files that set undeclared parameters or leave required ones out");
    for example in examples::all() {
        let Some(render) = example.rendered(&mut problems) else {
            continue;
        };
        let name = example.name.as_str();
        for env in &render.environments {
            for file in [
                format!("bicep/environments/{env}.bicepparam"),
                format!("terraform/environments/{env}.tfvars"),
            ] {
                if render.files.get(&file).is_none() {
                    problems.in_file(
                        name,
                        &file,
                        format!("missing: environment {env} has no parameter file"),
                    );
                }
            }
        }
        check_bicepparam_files(example, &mut problems);
        check_tfvars_files(example, &mut problems);
    }
    problems.assert_none();
}

/// The deployment roots of a render: the per-environment one, the tenant-wide governance
/// deployment and the platform hubs' (`hubs:`) when they are rendered. Parameter files belong
/// to the root whose folder holds them.
const BICEP_ROOTS: [(&str, &str); 3] = [
    ("bicep/governance", "main.bicep"),
    ("bicep/platform", "main.bicep"),
    ("bicep", "../main.bicep"),
];
const TERRAFORM_ROOTS: [&str; 3] = ["terraform/governance", "terraform/platform", "terraform"];

fn bicep_root_of(path: &str) -> (String, &'static str) {
    // A replication wave's root: bicep/waves/<wave>/main.bicep with its main.bicepparam beside it.
    if let Some(wave) = path
        .strip_prefix("bicep/waves/")
        .and_then(|rest| rest.split_once('/'))
        .map(|(wave, _)| wave)
    {
        return (format!("bicep/waves/{wave}"), "main.bicep");
    }
    BICEP_ROOTS
        .into_iter()
        .find(|(root, _)| path.starts_with(&format!("{root}/")))
        .map(|(root, using)| (root.to_string(), using))
        .expect("every .bicepparam is under bicep/")
}

fn check_bicepparam_files(example: &examples::Example, problems: &mut Problems) {
    let name = example.name.as_str();
    for (path, text) in example.texts(problems, &[".bicepparam"]) {
        let (root, using) = bicep_root_of(path);
        let main_path = format!("{root}/main.bicep");
        let Some(main) = example.text(&main_path) else {
            problems.in_file(name, &main_path, "missing (or not UTF-8)");
            continue;
        };
        if let Some((pos, _)) = syntax::errors(&syntax::bicep(), main).first() {
            problems.at(
                name,
                &main_path,
                *pos,
                "does not parse (see every_bicep_file_parses): parameters after this point may be missed",
            );
        }
        let declared = bicep::params(main);
        for (line, message) in bicepparam_problems(&declared, text, using) {
            match line {
                Some(line) => problems.at(name, path, (line, 1), message),
                None => problems.in_file(name, path, message),
            }
        }
    }
}

/// What is wrong with a `.bicepparam` file of `main.bicep`, which declares `declared`: each
/// finding with its line, when it has one.
fn bicepparam_problems(
    declared: &[bicep::Param],
    text: &str,
    using: &str,
) -> Vec<(Option<usize>, String)> {
    let mut out = Vec::new();
    let file = bicep::param_file(text);
    if file.using.as_deref() != Some(using) {
        let found = file
            .using
            .map_or("none".into(), |u| format!("`using '{u}'`"));
        out.push((
            None,
            format!("the first statement must be `using '{using}'`, found {found}"),
        ));
    }
    let mut seen = BTreeSet::new();
    for (param, line) in &file.assigned {
        if !seen.insert(param.as_str()) {
            out.push((Some(*line), format!("param {param} is set twice")));
        }
        if !declared.iter().any(|d| d.name == *param) {
            out.push((
                Some(*line),
                format!("param {param} is not declared in main.bicep"),
            ));
        }
    }
    for d in declared.iter().filter(|d| d.required) {
        if !seen.contains(d.name.as_str()) {
            out.push((
                None,
                format!(
                    "param {} has no default in main.bicep and is not set here",
                    d.name
                ),
            ));
        }
    }
    out
}

fn check_tfvars_files(example: &examples::Example, problems: &mut Problems) {
    let name = example.name.as_str();
    let tf = example.texts(problems, &[".tf"]);
    let tfvars = example.texts(problems, &[".tfvars"]);
    // And each replication wave's root, terraform/waves/<wave>/ with its wave.tfvars.
    let mut roots: Vec<String> = TERRAFORM_ROOTS.iter().map(|r| r.to_string()).collect();
    let waves: BTreeSet<String> = tf
        .iter()
        .filter_map(|(p, _)| p.strip_prefix("terraform/waves/")?.split_once('/'))
        .map(|(wave, _)| format!("terraform/waves/{wave}"))
        .collect();
    roots.extend(waves);
    for root in &roots {
        let in_root = |path: &str| {
            path.strip_prefix(&format!("{root}/"))
                .is_some_and(|rest| !rest.contains('/'))
        };
        let mut variables = Vec::new();
        let mut has_files = false;
        for (path, text) in tf.iter().filter(|(p, _)| in_root(p)) {
            has_files = true;
            match terraform::variables(text) {
                Ok(v) => variables.extend(v),
                Err(e) => problems.in_file(name, path, format!("hcl-rs: {e}")),
            }
        }
        if !has_files {
            continue;
        }
        if variables.is_empty() {
            problems.in_file(
                name,
                &format!("{root}/variables.tf"),
                "declares no variables",
            );
        }
        // Per-environment files sit in terraform/environments/, governance.tfvars in its root.
        let belongs = |path: &str| {
            path.strip_prefix(&format!("{root}/"))
                .is_some_and(|rest| rest.starts_with("environments/") || !rest.contains('/'))
        };
        for (path, text) in tfvars.iter().filter(|(p, _)| belongs(p)) {
            let assigned = match terraform::assignments(text) {
                Ok(a) => a,
                Err(e) => {
                    problems.in_file(name, path, format!("hcl-rs: {e}"));
                    continue;
                }
            };
            for (var, offset) in &assigned {
                if !variables.iter().any(|v| v.name == *var) {
                    problems.at(
                        name,
                        path,
                        line_col(text, *offset),
                        format!("{var} is not a variable of the {root} root module"),
                    );
                }
            }
            for v in &variables {
                if !v.has_default && !v.sensitive && !assigned.iter().any(|(a, _)| *a == v.name) {
                    problems.in_file(
                        name,
                        path,
                        format!("variable {} has no default and is not set here", v.name),
                    );
                }
            }
        }
    }
}

#[test]
fn terraform_files_are_formatted_like_terraform_fmt() {
    // CI runs `terraform fmt -check` on every render anyway (.ci/run, .ci/offline-validate);
    // here it only runs when a terraform binary is at hand.
    let Some(terraform) = find_on_path("terraform") else {
        eprintln!("skipped: terraform not on PATH (CI runs terraform fmt -check separately)");
        return;
    };
    let mut problems = Problems::new("Terraform files that `terraform fmt` would change");
    let tmp = tempfile::tempdir().expect("a temporary folder");
    for example in examples::all() {
        let Some(render) = example.rendered(&mut problems) else {
            continue;
        };
        let stem = example.path.file_stem().expect("a file stem");
        let root = tmp.path().join(stem);
        for (path, bytes) in render.files.iter() {
            if let Some(rest) = path.strip_prefix("terraform/") {
                let dest = root.join(rest);
                std::fs::create_dir_all(dest.parent().expect("a parent folder"))
                    .expect("creating a temporary folder");
                std::fs::write(&dest, bytes).expect("writing a temporary file");
            }
        }
        if !root.is_dir() {
            problems.in_render(&example.name, "renders no terraform/ files");
            continue;
        }
        if let Some(diff) = terraform_fmt_changes(&terraform, &root) {
            problems.in_render(
                &example.name,
                format!("`terraform fmt` would change these files under terraform/:\n{diff}"),
            );
        }
    }
    problems.assert_none();
}

/// What `terraform fmt -check -recursive -diff` says about a folder, if it would change anything.
fn terraform_fmt_changes(terraform: &Path, dir: &Path) -> Option<String> {
    let output = Command::new(terraform)
        .args(["fmt", "-check", "-recursive", "-diff", "-no-color"])
        .current_dir(dir)
        // fmt reads no CLI configuration and needs no network: keep both out.
        .env("TF_CLI_CONFIG_FILE", "/dev/null")
        .env("CHECKPOINT_DISABLE", "1")
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e}", terraform.display()));
    (!output.status.success()).then(|| {
        format!(
            "{}{}({})",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
            output.status
        )
    })
}

fn find_on_path(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

#[test]
fn every_role_the_render_assigns_is_in_the_readme_roles_table() {
    let mut problems = Problems::new(
        "role assignments in the code whose role the README's roles table does not list",
    );
    let mut assignments = 0;
    for example in examples::all() {
        let Some(render) = example.rendered(&mut problems) else {
            continue;
        };
        let readme = render
            .files
            .get("README.md")
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default();
        let table = readme_role_rows(readme);
        if table.is_empty() {
            problems.in_file(&example.name, "README.md", "has no roles table");
        }
        for (path, text) in example.texts(&mut problems, &[".bicep", ".tf"]) {
            for (offset, role) in assigned_roles(text) {
                assignments += 1;
                if !table.iter().any(|(name, id)| *name == role || *id == role) {
                    problems.at(
                        &example.name,
                        path,
                        line_col(text, offset),
                        format!(
                            "assigns role '{role}', which README.md's roles table does not list"
                        ),
                    );
                }
            }
        }
    }
    assert!(
        assignments > 0,
        "no example assigns a role: this test proves nothing"
    );
    problems.assert_none();
}

/// The (name, role definition ID) rows of the README's table of role assignments.
fn readme_role_rows(readme: &str) -> Vec<(&str, &str)> {
    let Some(start) = readme.find("| role | role definition ID |") else {
        return Vec::new();
    };
    readme[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            Some((*cells.get(1)?, cells.get(2)?.trim_matches('`')))
        })
        .collect()
}

/// Every role the code assigns, with its byte offset: a role definition GUID in Bicep
/// (`roleDefinitions', '<id>'`, or any `...RoleId: '<id>'`), a role name in Terraform
/// (`role_definition_name = "<name>"`, AVM's `role_definition_id_or_name = "<name>"`, or any
/// `..._role = "<name>"`).
fn assigned_roles(text: &str) -> Vec<(usize, String)> {
    static PATTERNS: std::sync::OnceLock<[regex_lite::Regex; 3]> = std::sync::OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| {
        let guid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
        [
            regex_lite::Regex::new(&format!(r"roleDefinitions',\s*'({guid})'")).expect("valid"),
            regex_lite::Regex::new(&format!(r"(?i)[a-z]*role[a-z]*\s*[:=]\s*'({guid})'"))
                .expect("valid"),
            regex_lite::Regex::new(
                r#"\b[a-z_]*role(?:_definition_name|_definition_id_or_name)?\s*=\s*"([^"$]+)""#,
            )
            .expect("valid"),
        ]
    });
    let mut found: Vec<(usize, String)> = patterns
        .iter()
        .flat_map(|re| re.captures_iter(text))
        .filter_map(|c| c.get(1))
        .map(|m| (m.start(), m.as_str().to_string()))
        .collect();
    found.sort();
    found.dedup();
    found
}

#[test]
fn checker_roles_finds_role_ids_and_names_and_reads_the_readme_table() {
    let bicep = "var a = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')\n    administratorRoleId: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603'\nvar policy = '00000000-0000-0000-0000-000000000000'\n";
    let roles: Vec<String> = assigned_roles(bicep).into_iter().map(|(_, r)| r).collect();
    assert_eq!(
        roles,
        [
            "4633458b-17de-408a-b874-0445c86b69e6",
            "14b46e9e-c2b7-41b4-b07b-48a6ebf60603"
        ]
    );
    let hcl = "  role_definition_name = \"Key Vault Secrets User\"\n  administrator_role = \"Key Vault Crypto Officer\"\n  role_definition_id_or_name = \"Key Vault Administrator\"\n  name = \"x\"\n";
    let roles: Vec<String> = assigned_roles(hcl).into_iter().map(|(_, r)| r).collect();
    assert_eq!(
        roles,
        [
            "Key Vault Secrets User",
            "Key Vault Crypto Officer",
            "Key Vault Administrator"
        ]
    );
    let readme = "x\n\n| role | role definition ID | assigned to | on |\n|---|---|---|---|\n| Key Vault Secrets User | `4633458b-17de-408a-b874-0445c86b69e6` | a | b |\n\nafter\n| Other | `x` |\n";
    assert_eq!(
        readme_role_rows(readme),
        [(
            "Key Vault Secrets User",
            "4633458b-17de-408a-b874-0445c86b69e6"
        )]
    );
}

#[test]
fn required_tag_policies_report_and_never_deny() {
    // A deny at the intermediate root would refuse the resource groups Azure services create
    // untagged (NetworkWatcherRG, AzureBackupRG_*, ME_*, MC_*).
    let mut problems = Problems::new("required-tag policy assignments that deny");
    let mut seen = 0;
    for example in examples::all() {
        for (path, text) in example.texts(
            &mut problems,
            &["governance.tfvars", "governance.bicepparam"],
        ) {
            for (offset, _) in text.match_indices("require-tag-") {
                seen += 1;
                let block = &text[offset..];
                let end = block.find("\n  }").unwrap_or(block.len());
                let block = &block[..end];
                if !(block.contains("enforce = false") || block.contains("enforce: false")) {
                    problems.at(
                        &example.name,
                        path,
                        line_col(text, offset),
                        "is enforced (Deny)",
                    );
                }
            }
        }
    }
    assert!(
        seen > 0,
        "no example requires a tag: this test proves nothing"
    );
    problems.assert_none();
}

#[test]
fn rendering_is_deterministic() {
    let mut problems = Problems::new("renders that differ between runs or depend on this machine");
    let machine_paths = machine_paths();
    let dates = dates_around_today();
    for path in examples::example_paths() {
        let name = format!(
            "examples/{}",
            path.file_name().expect("a name").to_string_lossy()
        );
        let (first, second) = match (examples::render(&path), examples::render(&path)) {
            (Ok(a), Ok(b)) => (a.files, b.files),
            (Err(e), _) | (_, Err(e)) => {
                problems.in_render(&name, e);
                continue;
            }
        };
        let paths: BTreeSet<&str> = first.paths().chain(second.paths()).collect();
        for p in paths {
            match (first.get(p), second.get(p)) {
                (Some(a), Some(b)) if a == b => {}
                (Some(_), Some(_)) => problems.in_file(&name, p, "differs between two renders"),
                _ => problems.in_file(&name, p, "is in only one of two renders"),
            }
        }
        for (p, bytes) in first.iter() {
            let text = String::from_utf8_lossy(bytes);
            for (needle, what) in &machine_paths {
                if let Some(at) = text.find(needle.as_str()) {
                    problems.at(
                        &name,
                        p,
                        line_col(&text, at),
                        format!("contains {what} `{needle}`"),
                    );
                }
            }
            for (at, stamp) in timestamps(&text, &dates) {
                problems.at(
                    &name,
                    p,
                    line_col(&text, at),
                    format!("contains a timestamp `{stamp}`"),
                );
            }
        }
    }
    problems.assert_none();
}

/// Absolute paths of this machine that a render must never contain, with what they are.
fn machine_paths() -> Vec<(String, &'static str)> {
    let mut out = vec![(manifest_dir().display().to_string(), "the crate's folder")];
    if let Ok(cwd) = std::env::current_dir() {
        out.push((cwd.display().to_string(), "the working folder"));
    }
    out.push((
        std::env::temp_dir().display().to_string(),
        "the temporary folder",
    ));
    if let Some(home) = std::env::var_os("HOME") {
        // With the slash: a bare `/root` or `/home` could be part of anything.
        out.push((
            format!("{}/", Path::new(&home).display()),
            "the home folder",
        ));
    }
    out.retain(|(p, _)| p.trim_end_matches('/').len() > 1);
    out.sort();
    out.dedup();
    out
}

/// Yesterday, today and tomorrow (UTC) as `YYYY-MM-DD`: a date stamp in any time zone.
fn dates_around_today() -> Vec<String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs();
    let today = i64::try_from(secs / 86_400).expect("a day count that fits");
    (today - 1..=today + 1).map(civil_date).collect()
}

/// `YYYY-MM-DD` of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Date-times (`2025-01-31T12:00`, `2025-01-31 12:00`) and the given dates, by byte offset.
/// A date right after `@` is an API version (`Type@2024-01-01`), not a stamp.
fn timestamps(text: &str, dates: &[String]) -> Vec<(usize, String)> {
    let b = text.as_bytes();
    let digits = |from: usize, n: usize| {
        b.len() >= from + n && b[from..from + n].iter().all(u8::is_ascii_digit)
    };
    let mut out = Vec::new();
    for i in 0..b.len() {
        let is_date = digits(i, 4)
            && b.get(i + 4) == Some(&b'-')
            && digits(i + 5, 2)
            && b.get(i + 7) == Some(&b'-')
            && digits(i + 8, 2);
        if !is_date || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        let with_time = matches!(b.get(i + 10), Some(b'T' | b' '))
            && digits(i + 11, 2)
            && b.get(i + 13) == Some(&b':')
            && digits(i + 14, 2);
        let date = &text[i..i + 10];
        if with_time {
            out.push((i, text[i..i + 16].to_string()));
        } else if dates.iter().any(|d| d == date) && (i == 0 || b[i - 1] != b'@') {
            out.push((i, date.to_string()));
        }
    }
    out
}

#[test]
fn embedded_catalog_is_the_catalog_on_disk() {
    // build.rs watches catalog/, templates/ and examples/, so cargo rebuilds meg when a file
    // there changes or appears; a build made some other way could still embed an old catalog,
    // and then every test here would judge the old render. This says so.
    let mut problems = Problems::new(
        "catalog files that differ from the embedded copy: meg was built before they changed; rebuild it and run the tests again",
    );
    let session = meg::session::Session::open(None).expect("the embedded catalog opens");
    for (path, what) in catalog_drift(&session.catalog, manifest_dir()) {
        problems.in_render(&path, what);
    }
    problems.assert_none();
}

/// build.rs hashes the embedded catalog at build time; the run-time digest (what an overlay
/// gets) must be the same function, or a lock would record a version no other build can match.
#[test]
fn the_build_time_digest_is_the_run_time_digest() {
    let catalog = meg::catalog::Catalog::embedded();
    assert_eq!(meg::catalog::Catalog::embedded_digest(), catalog.digest());
    assert!(catalog.version().ends_with(&catalog.digest()[..12]));
    // An overlay that changes a file is a different catalog.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/extra.md"), "an overlay file").unwrap();
    let overlaid = meg::catalog::Catalog::with_overlay(dir.path()).expect("the overlay opens");
    assert_ne!(overlaid.version(), catalog.version());
}

/// Files of `dir/{catalog,templates,examples}` that differ from the catalog's copy, and files
/// the catalog has that `dir` lacks.
fn catalog_drift(catalog: &meg::catalog::Catalog, dir: &Path) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for root in meg::catalog::ROOTS {
        let mut on_disk = BTreeSet::new();
        let mut pending = vec![dir.join(root)];
        while let Some(folder) = pending.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    pending.push(path);
                    continue;
                }
                let rel = path
                    .strip_prefix(dir)
                    .expect("under the folder")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                let bytes = std::fs::read(&path).unwrap_or_default();
                match catalog.get(&rel) {
                    Some(embedded) if embedded == bytes.as_slice() => {}
                    Some(_) => out.push((rel.clone(), "changed since meg was built")),
                    None => out.push((rel.clone(), "added since meg was built")),
                }
                on_disk.insert(rel);
            }
        }
        let prefix = format!("{root}/");
        for rel in catalog.list(&prefix) {
            if !on_disk.contains(rel) {
                out.push((rel.to_string(), "removed since meg was built"));
            }
        }
    }
    out.sort();
    out
}

// The checkers can fail: each is shown a small made-up mistake.

#[test]
fn checker_syntax_reports_broken_bicep_and_hcl_with_their_place() {
    let bicep_errors = syntax::errors(
        &syntax::bicep(),
        "param a string\nresource x 'Microsoft.Network/virtualNetworks@2024-01-01' = {\n  name: 'x'\n",
    );
    assert!(
        !bicep_errors.is_empty(),
        "an unclosed object must not parse"
    );
    let hcl_errors = syntax::errors(&syntax::hcl(), "a = 1\nresource \"x\" \"y\" {\n  b = \n}\n");
    assert!(
        hcl_errors.iter().any(|((line, _), _)| *line >= 3),
        "{hcl_errors:?}"
    );
    assert!(syntax::errors(&syntax::hcl(), "a = 1\n").is_empty());
}

#[test]
fn checker_azurerm_rejects_made_up_arguments_and_blocks_and_missing_required_ones() {
    let hcl = r#"
resource "azurerm_subnet" "ok" {
  for_each             = toset(["a"])
  name                 = each.key
  resource_group_name  = "rg"
  virtual_network_name = "vnet"
  address_prefixes     = ["10.0.0.0/24"]

  dynamic "delegation" {
    for_each = []
    content {
      name = "d"
      service_delegation {
        name = "Microsoft.Web/serverFarms"
      }
    }
  }

  lifecycle {
    ignore_changes = [delegation]
  }
}

resource "azurerm_subnet" "bad" {
  id                   = "x"
  name                 = "s"
  virtual_network_name = "vnet"
  address_prefixes     = ["10.0.0.0/24"]
  made_up_argument     = true

  made_up_block {
  }

  dynamic "delegation" {
    for_each = []
    content {
      name = "d"
      service_delegation {
        name    = "Microsoft.Web/serverFarms"
        actionz = []
      }
    }
  }
}

resource "azurerm_made_up" "x" {
}

data "azurerm_client_config" "current" {
}

resource "azurerm_container_registry_token_password" "no_password" {
  container_registry_token_id = "t"
}

resource "azurerm_container_registry_token_password" "dynamic_password" {
  container_registry_token_id = "t"

  dynamic "password1" {
    for_each = [1]
    content {
    }
  }
}

resource "azurerm_container_registry_token_password" "broken_dynamic" {
  container_registry_token_id = "t"

  dynamic "password1" {
    for_each = [1]
    labelz   = []
  }
}

resource "azapi_resource" "skipped_on_purpose" {
  type = "Microsoft.Migrate/migrateProjects@2023-01-01"
}

resource "random_password" "not_azurerm" {
}
"#;
    let findings = Schema::get().check(hcl).expect("the snippet parses");
    let messages: Vec<String> = findings
        .iter()
        .map(|f| format!("{}: {}", line_col(hcl, f.offset).0, f.message))
        .collect();
    let expect = [
        "25: resource \"azurerm_subnet\" \"bad\": `id` is computed",
        "29: resource \"azurerm_subnet\" \"bad\": `made_up_argument` is not an argument",
        "31: resource \"azurerm_subnet\" \"bad\": `made_up_block` is not a block",
        "40: resource \"azurerm_subnet\" \"bad\" > delegation > service_delegation: `actionz` is not an argument here (did you mean `actions`?)",
        "24: resource \"azurerm_subnet\" \"bad\": required argument `resource_group_name` is not set",
        "46: resource \"azurerm_made_up\" \"x\": `azurerm_made_up` is not a resource of azurerm 4.55",
        "52: resource \"azurerm_container_registry_token_password\" \"no_password\": required block `password1` is missing",
        "71: resource \"azurerm_container_registry_token_password\" \"broken_dynamic\": dynamic \"password1\" takes for_each, iterator, labels and content, not `labelz`",
        "69: resource \"azurerm_container_registry_token_password\" \"broken_dynamic\": dynamic \"password1\" needs exactly one content block, has 0",
        // azapi is skipped by name (OTHER_PROVIDERS); any other provider's type is still reported.
        "79: resource \"random_password\" \"not_azurerm\": `random_password` is not a resource of azurerm 4.55",
    ];
    for e in expect {
        assert!(
            messages.iter().any(|m| m.starts_with(e)),
            "expected a finding starting with {e:?}, got:\n{}",
            messages.join("\n")
        );
    }
    assert_eq!(messages.len(), expect.len(), "{}", messages.join("\n"));
}

#[test]
fn checker_api_versions_want_known_newest_stable_versions() {
    let index = Index::new(BTreeMap::from([
        (
            "Microsoft.Network/virtualNetworks".to_string(),
            vec![
                "2023-11-01".into(),
                "2024-01-01".into(),
                "2024-05-01-preview".into(),
            ],
        ),
        (
            "Microsoft.Network/virtualNetworks/subnets".to_string(),
            vec!["2024-01-01".into()],
        ),
        (
            "microsoft.insights/diagnosticSettings".to_string(),
            vec!["2016-09-01".into(), "2021-05-01-preview".into()],
        ),
    ]));
    let bicep = "\
resource a 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'a'
  resource s 'subnets' = {
    name: 's'
  }
}
resource b 'Microsoft.Network/virtualNetworks@2023-11-01' existing = {
  name: 'b'
}
resource c 'Microsoft.Network/virtualNetworks@2024-05-01-preview' = {
  name: 'c'
}
resource d 'Microsoft.Network/virtualNetworks@2099-01-01' = {
  name: 'd'
}
resource e 'Microsoft.Made/up@2024-01-01' = {
  name: 'e'
}
resource f 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'f'
}
";
    let resources = bicep::resources(bicep);
    let summary: Vec<(String, bool, bool)> = resources
        .iter()
        .map(|r| {
            (
                format!("{}@{}", r.arm_type, r.version.as_deref().unwrap_or("")),
                r.existing,
                api_version_problem(&index, r).is_some(),
            )
        })
        .collect();
    let expected = [
        ("Microsoft.Network/virtualNetworks@2024-01-01", false, false),
        (
            "Microsoft.Network/virtualNetworks/subnets@2024-01-01",
            false,
            false,
        ),
        ("Microsoft.Network/virtualNetworks@2023-11-01", true, true),
        (
            "Microsoft.Network/virtualNetworks@2024-05-01-preview",
            false,
            true,
        ),
        ("Microsoft.Network/virtualNetworks@2099-01-01", false, true),
        ("Microsoft.Made/up@2024-01-01", false, true),
        (
            "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
            false,
            false,
        ),
    ];
    let expected: Vec<(String, bool, bool)> = expected
        .iter()
        .map(|(t, e, p)| (t.to_string(), *e, *p))
        .collect();
    assert_eq!(summary, expected);
    assert!(arm::is_stable("2024-01-01") && !arm::is_stable("2024-01-01-preview"));
}

#[test]
fn checker_parity_reports_unmapped_and_one_sided_kinds() {
    let row = |arm: &str, terraform: &str| Row {
        component: "catalog/components/test.yaml".into(),
        arm: arm.into(),
        terraform: terraform.into(),
    };
    let rows = [
        row(
            "Microsoft.Network/virtualNetworks",
            "azurerm_virtual_network",
        ),
        row("Microsoft.Network/virtualNetworks", "azurerm_subnet"),
        row(
            "Microsoft.Network/networkSecurityGroups",
            "azurerm_network_security_group",
        ),
        row("Microsoft.Network/routeTables", "azurerm_route_table"),
        row("Microsoft.Migrate/migrateProjects", "azapi_resource"),
        row("Microsoft.KeyVault/vaults/keys", "azapi_resource"),
    ];
    let set =
        |items: &[&str]| -> BTreeSet<String> { items.iter().map(ToString::to_string).collect() };
    let same = parity_problems(
        &set(&["microsoft.network/virtualNetworks"]),
        &set(&["azurerm_virtual_network", "azurerm_subnet"]),
        &rows,
    );
    assert!(same.is_empty(), "{same:?}");
    let differ = parity_problems(
        &set(&[
            "Microsoft.Network/virtualNetworks",
            "Microsoft.Network/routeTables",
            "Microsoft.Made/up",
        ]),
        &set(&[
            "azurerm_virtual_network",
            "azurerm_network_security_group",
            "azurerm_made_up",
        ]),
        &rows,
    );
    // azapi resources map by the ARM type they create, not all at once.
    let azapi = parity_problems(
        &set(&["Microsoft.Migrate/migrateProjects"]),
        &set(&["azapi_resource(Microsoft.Migrate/migrateProjects)"]),
        &rows,
    );
    assert!(azapi.is_empty(), "{azapi:?}");
    let azapi_one_sided = parity_problems(
        &set(&[]),
        &set(&["azapi_resource(Microsoft.KeyVault/vaults/keys)"]),
        &rows,
    );
    assert_eq!(
        azapi_one_sided,
        [
            "Terraform deploys `Microsoft.KeyVault/vaults/keys` (as azapi_resource(Microsoft.KeyVault/vaults/keys)) but Bicep declares no `Microsoft.KeyVault/vaults/keys`"
        ],
        "{azapi_one_sided:#?}"
    );
    let expect = [
        "Bicep declares `Microsoft.Made/up`, which no",
        "Terraform deploys `azurerm_made_up`, which no",
        "Terraform deploys `Microsoft.Network/networkSecurityGroups` (as azurerm_network_security_group) but Bicep",
        "Bicep declares `Microsoft.Network/routeTables` but Terraform deploys none of the types that stand for it: azurerm_route_table (catalog/components/test.yaml)",
    ];
    for e in expect {
        assert!(
            differ.iter().any(|m| m.starts_with(e)),
            "{e:?} not in {differ:#?}"
        );
    }
    assert_eq!(differ.len(), expect.len(), "{differ:#?}");
}

#[test]
fn checker_parameters_reports_undeclared_and_missing_values() {
    let main = "\
@description('x')
param location string
param tags object = {}
param optional string?
@secure()
param password string
";
    let declared = bicep::params(main);
    let required: Vec<&str> = declared
        .iter()
        .filter(|p| p.required)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(required, ["location", "password"]);
    let good = "// c\nusing '../main.bicep'\n\nparam location = 'westeurope'\nparam password = readEnvironmentVariable('PASSWORD')\nparam tags = {\n  a: 'b'\n}\n";
    assert_eq!(bicepparam_problems(&declared, good, "../main.bicep"), []);
    let bad = "param location = 'x'\nparam nope = 1\nparam location = 'y'\n";
    let problems: Vec<(Option<usize>, String)> =
        bicepparam_problems(&declared, bad, "../main.bicep");
    let expected = [
        (
            None,
            "the first statement must be `using '../main.bicep'`, found none",
        ),
        (Some(2), "param nope is not declared in main.bicep"),
        (Some(3), "param location is set twice"),
        (
            None,
            "param password has no default in main.bicep and is not set here",
        ),
    ];
    let expected: Vec<(Option<usize>, String)> =
        expected.iter().map(|(l, m)| (*l, m.to_string())).collect();
    assert_eq!(problems, expected);
    let vars = terraform::variables(
        "variable \"a\" {\n  type = string\n}\nvariable \"b\" {\n  default = 1\n}\nvariable \"s\" {\n  sensitive = true\n}\n",
    )
    .expect("parses");
    let flags: Vec<(&str, bool, bool)> = vars
        .iter()
        .map(|v| (v.name.as_str(), v.has_default, v.sensitive))
        .collect();
    assert_eq!(
        flags,
        [("a", false, false), ("b", true, false), ("s", false, true)]
    );
}

#[test]
fn checker_terraform_fmt_reports_unformatted_files() {
    let Some(terraform) = find_on_path("terraform") else {
        eprintln!("skipped: terraform not on PATH");
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("ok.tf"), "a  = 1\nbb = 2\n").expect("writing");
    assert_eq!(terraform_fmt_changes(&terraform, dir.path()), None);
    std::fs::write(dir.path().join("bad.tf"), "a = 1\nbb = 2\n").expect("writing");
    let changes = terraform_fmt_changes(&terraform, dir.path()).expect("bad.tf is not formatted");
    assert!(
        changes.contains("bad.tf") && !changes.contains("ok.tf"),
        "{changes}"
    );
}

#[test]
fn checker_catalog_drift_sees_added_changed_and_removed_files() {
    let catalog = meg::catalog::Catalog::embedded();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let copy = |rel: &str, bytes: &[u8]| {
        let dest = dir.path().join(rel);
        std::fs::create_dir_all(dest.parent().expect("a parent")).expect("creating a folder");
        std::fs::write(dest, bytes).expect("writing");
    };
    for root in meg::catalog::ROOTS {
        for rel in catalog.list(&format!("{root}/")) {
            copy(rel, catalog.get(rel).expect("listed"));
        }
    }
    copy("templates/bicep/_main/new.bicep.tera", b"new");
    copy("catalog/catalog.yaml", b"changed: true\n");
    std::fs::remove_file(dir.path().join("templates/bicep/main.bicep.tera")).expect("removing");
    let drift = catalog_drift(&catalog, dir.path());
    let drift: Vec<(&str, &str)> = drift.iter().map(|(p, w)| (p.as_str(), *w)).collect();
    assert_eq!(
        drift,
        [
            ("catalog/catalog.yaml", "changed since meg was built"),
            (
                "templates/bicep/_main/new.bicep.tera",
                "added since meg was built"
            ),
            (
                "templates/bicep/main.bicep.tera",
                "removed since meg was built"
            ),
        ]
    );
}

#[test]
fn checker_determinism_finds_timestamps_but_not_api_versions() {
    let dates = vec!["2025-03-01".to_string()];
    let text = "a 'T@2025-03-01' b 2025-03-01 c 2024-01-01T10:20:30Z d 2024-01-01";
    let found: Vec<String> = timestamps(text, &dates)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    assert_eq!(found, ["2025-03-01", "2024-01-01T10:20"]);
    assert_eq!(civil_date(0), "1970-01-01");
    assert_eq!(civil_date(20_148), "2025-03-01");
}

#[test]
fn checker_closed_sets_wants_literal_unions_in_schema_order() {
    let schema = landing_zone_schema();
    let text = "\
type threatIntelModeType = 'Alert' | 'Deny'

type firewallType = {
  enabled: bool
  // a comment
  tier: string
  threatIntelMode: threatIntelModeType
}

type migrationType = {
  backup: {
    storageRedundancy: 'LocallyRedundant' | 'GeoRedundant'
  }
  patching: {
    reboot: 'IfRequired' | 'Never' | 'Always'
  }
}

type unrelatedType = {
  tier: string
}
";
    let mut checked = 0;
    let found = closed_set_problems(text, &schema, &mut checked);
    let lines: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [6, 12, 12, 15], "{found:?}");
    assert_eq!(checked, 4);
    assert!(found[1].1.contains("(pycep) cannot read"), "{found:?}");
    assert!(found[3].1.contains("(pycep) cannot read"), "{found:?}");
    assert!(
        found[0]
            .1
            .contains("type it `'Basic' | 'Standard' | 'Premium'`"),
        "{found:?}"
    );
    assert!(
        found[2]
            .1
            .contains("type it `'LocallyRedundant' | 'ZoneRedundant' | 'GeoRedundant'`"),
        "{found:?}"
    );
}

#[test]
fn checker_short_circuit_finds_null_guards_that_need_a_conditional() {
    let text = "\
  a = alltrue([for s in var.sites : s.asn == null || !contains([1, 2], s.asn)])
  b = var.x == null ? true : can(regex(\"y\", var.x))
  c = s.asn != null && s.peer != null
  d = var.key != null && length(var.key) > 3
  # e = var.z == null || var.z
  f = var.a == null || var.b
";
    let found = short_circuit_problems(text);
    let lines: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [1, 4], "{found:?}");
    assert!(found[0].1.contains("s.asn == null ? true"), "{found:?}");
    assert!(found[1].1.contains("var.key != null ? false"), "{found:?}");
}

#[test]
fn checker_version_floors_read_constraints_arguments_and_validations() {
    assert_eq!(lower_bound("~> 4.42"), Some((4, 42, 0)));
    assert_eq!(lower_bound(">= 4.1.2, < 5.0"), Some((4, 1, 2)));
    assert_eq!(lower_bound("< 5.0"), None);
    let text = r#"
terraform {
  required_version = ">= 1.8"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}
variable "a" {
  validation {
    condition     = var.a == null ? true : var.a != var.b
    error_message = "x"
  }
}
resource "azurerm_monitor_diagnostic_setting" "this" {
  name = "x"
  dynamic "enabled_log" {
    for_each = []
    content {
      category_group = "allLogs"
    }
  }
  enabled_metric {
    category = "AllMetrics"
  }
}
"#;
    let terraform::Constraints {
        providers,
        required_version: required,
    } = terraform::version_constraints(text).unwrap();
    assert_eq!(
        providers,
        [("hashicorp/azurerm".to_string(), "~> 4.0".to_string())]
    );
    assert_eq!(required.as_deref(), Some(">= 1.8"));
    let args = terraform::resource_arguments(text).unwrap();
    for want in [
        "name",
        "enabled_log",
        "enabled_log.category_group",
        "enabled_metric",
        "enabled_metric.category",
    ] {
        assert!(
            args.iter()
                .any(|(t, a)| t == "azurerm_monitor_diagnostic_setting" && a == want),
            "{want} in {args:?}"
        );
    }
    assert_eq!(
        terraform::cross_variable_validations(text).unwrap(),
        [("a".to_string(), "b".to_string())]
    );
}

#[test]
fn checker_setting_parity_matches_runs_of_lines_whatever_the_alignment() {
    let text = "resource x {\n  peerAuthentication: {\n    mtls: {\n      enabled: true\n    }\n  }\n  a   = 1\n}\n";
    assert!(holds_lines(
        text,
        &["peerAuthentication: {", "mtls: {", "enabled: true"]
    ));
    assert!(holds_lines(text, &["a = 1"]));
    assert!(!holds_lines(
        text,
        &["peerAuthentication: {", "enabled: true"]
    ));
    assert!(!holds_lines(text, &["mtls: {", "enabled: false"]));
    assert!(!holds_lines(text, &[]));
}

/// The modules that mirror an Azure Verified Module take its standard interfaces in both targets
/// (`diagnostic_settings`/`diagnosticSettings` and `lock`, with AVM's shapes), no workspace ID of
/// their own, and every root hands them its workspace.
#[test]
fn modules_that_mirror_avm_take_its_interfaces() {
    const MODULES: &[&str] = &[
        "firewall",
        "bastion",
        "vpn-gateway",
        "expressroute-gateway",
        "key-vault",
        "hub-network",
        "spoke-network",
        "front-door",
        "application-gateway",
        "site-recovery",
        "migration",
        "application",
    ];
    let mut problems = Problems::new("modules without the AVM interfaces");
    let mut seen = 0;
    for example in examples::all() {
        let text = |path: &str| example.text(path);
        for module in MODULES {
            if let Some(vars) = text(&format!("terraform/modules/{module}/variables.tf")) {
                seen += 1;
                for needle in [
                    "variable \"diagnostic_settings\"",
                    "workspace_resource_id                    = optional(string, null)",
                    "log_groups                               = optional(set(string), [\"allLogs\"])",
                    "variable \"lock\"",
                ] {
                    if !vars.contains(needle) {
                        problems.in_render(
                            &example.name,
                            format!("terraform/modules/{module}/variables.tf lacks {needle}"),
                        );
                    }
                }
                if vars.contains("log_analytics_workspace_id") {
                    problems.in_render(
                        &example.name,
                        format!(
                            "terraform/modules/{module} still takes log_analytics_workspace_id"
                        ),
                    );
                }
            }
            if let Some(bicep) = text(&format!("bicep/modules/{module}.bicep")) {
                seen += 1;
                // AVM's nullable lock: null is no lock.
                for needle in [
                    "param diagnosticSettings array = []",
                    "param lock lockType?\n",
                ] {
                    if !bicep.contains(needle) {
                        problems.in_render(
                            &example.name,
                            format!("bicep/modules/{module}.bicep lacks {needle}"),
                        );
                    }
                }
                if bicep.contains("param logAnalyticsWorkspaceId") {
                    problems.in_render(
                        &example.name,
                        format!("bicep/modules/{module}.bicep still takes logAnalyticsWorkspaceId"),
                    );
                }
            }
        }
    }
    assert!(
        seen > 20,
        "only {seen} module files rendered: this test would prove nothing"
    );
    problems.assert_none();
}
