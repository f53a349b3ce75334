//! What Terraform files declare and assign, read with hcl-rs: `variable` blocks, top-level
//! `.tfvars` assignments, and the types of `resource` blocks.

use hcl::edit::Span;
use hcl::edit::expr::Expression;
use hcl::edit::structure::{Block, BlockLabel, Body};

/// A `variable` block.
#[derive(Debug, Clone)]
pub struct Variable {
    /// Its name.
    pub name: String,
    /// Whether it has a `default`.
    pub has_default: bool,
    /// Whether it says `sensitive = true`.
    pub sensitive: bool,
}

fn parse(text: &str) -> Result<Body, String> {
    hcl::edit::parser::parse_body(text).map_err(|e| e.to_string())
}

fn first_label(block: &Block) -> String {
    match block.labels.first() {
        Some(BlockLabel::String(s)) => s.as_str().to_string(),
        Some(BlockLabel::Ident(id)) => id.as_str().to_string(),
        None => String::new(),
    }
}

/// The `variable` blocks of a `.tf` file.
pub fn variables(text: &str) -> Result<Vec<Variable>, String> {
    Ok(parse(text)?
        .get_blocks("variable")
        .map(|b| Variable {
            name: first_label(b),
            has_default: b.body.has_attribute("default"),
            sensitive: b
                .body
                .get_attribute("sensitive")
                .is_some_and(|a| matches!(&a.value, Expression::Bool(v) if *v.value())),
        })
        .collect())
}

/// The top-level assignments of a `.tfvars` file: name and byte offset.
pub fn assignments(text: &str) -> Result<Vec<(String, usize)>, String> {
    Ok(parse(text)?
        .attributes()
        .map(|a| (a.key.as_str().to_string(), a.span().map_or(0, |s| s.start)))
        .collect())
}

/// The types of the `resource` blocks of a `.tf` file (not `data`: those deploy nothing).
/// An `azapi_resource` says which ARM type it is in its `type` argument: it comes back as
/// `azapi_resource(<ARM type>)` when that is a literal, so parity can tell one from another.
pub fn resource_types(text: &str) -> Result<Vec<String>, String> {
    Ok(parse(text)?
        .get_blocks("resource")
        .map(|b| {
            let ty = first_label(b);
            let arm = b.body.get_attribute("type").and_then(|a| match &a.value {
                Expression::String(s) => s.value().split('@').next().map(str::to_string),
                _ => None,
            });
            match arm {
                Some(arm) if ty == "azapi_resource" => format!("azapi_resource({arm})"),
                _ => ty,
            }
        })
        .collect())
}

/// Every argument and nested block a `resource` block of a `.tf` file sets, as
/// `(resource type, path)` with the path's parts joined by `.` (`enabled_metric`,
/// `identity.type`); a `dynamic "x"` block counts as block `x`, and its `content` is its body.
pub fn resource_arguments(text: &str) -> Result<Vec<(String, String)>, String> {
    fn walk(body: &Body, ty: &str, prefix: &str, out: &mut Vec<(String, String)>) {
        let join = |name: &str| {
            if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}.{name}")
            }
        };
        for attr in body.attributes() {
            out.push((ty.to_string(), join(attr.key.as_str())));
        }
        for block in body.blocks() {
            let ident = block.ident.as_str();
            match ident {
                "lifecycle" | "provisioner" | "connection" => continue,
                "dynamic" => {
                    let name = join(&first_label(block));
                    out.push((ty.to_string(), name.clone()));
                    for content in block.body.get_blocks("content") {
                        walk(&content.body, ty, &name, out);
                    }
                }
                _ => {
                    let name = join(ident);
                    out.push((ty.to_string(), name.clone()));
                    walk(&block.body, ty, &name, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    for block in parse(text)?.get_blocks("resource") {
        walk(&block.body, &first_label(block), "", &mut out);
    }
    Ok(out)
}

/// What a file's `terraform` block constrains.
#[derive(Debug, Default)]
pub struct Constraints {
    /// Each provider `required_providers` names with a `version`: `(source, constraint)`.
    pub providers: Vec<(String, String)>,
    /// `required_version`, if the file has one.
    pub required_version: Option<String>,
}

/// The version constraints of a `.tf` file's `terraform` blocks.
pub fn version_constraints(text: &str) -> Result<Constraints, String> {
    let string = |e: &Expression| match e {
        Expression::String(s) => Some(s.value().to_string()),
        _ => None,
    };
    let mut providers = Vec::new();
    let mut required = None;
    for terraform in parse(text)?.get_blocks("terraform") {
        if let Some(attr) = terraform.body.get_attribute("required_version") {
            required = string(&attr.value);
        }
        for block in terraform.body.get_blocks("required_providers") {
            for attr in block.body.attributes() {
                let Expression::Object(object) = &attr.value else {
                    continue;
                };
                let field = |name: &str| {
                    object.iter().find_map(|(k, v)| {
                        let key = match k {
                            hcl::edit::expr::ObjectKey::Ident(id) => id.as_str().to_string(),
                            hcl::edit::expr::ObjectKey::Expression(e) => string(e)?,
                        };
                        (key == name).then(|| string(v.expr())).flatten()
                    })
                };
                if let (Some(source), Some(version)) = (field("source"), field("version")) {
                    providers.push((source, version));
                }
            }
        }
    }
    Ok(Constraints {
        providers,
        required_version: required,
    })
}

/// Variables whose `validation` conditions read another variable (`var.<other>`), which
/// Terraform allows from 1.9 on: `(variable, other)` pairs.
pub fn cross_variable_validations(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for variable in parse(text)?.get_blocks("variable") {
        let name = first_label(variable);
        for validation in variable.body.get_blocks("validation") {
            let Some(condition) = validation.body.get_attribute("condition") else {
                continue;
            };
            let condition = condition.value.to_string();
            for (i, _) in condition.match_indices("var.") {
                let before = condition[..i].chars().next_back();
                if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let other: String = condition[i + 4..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if other != name && !out.contains(&(name.clone(), other.clone())) {
                    out.push((name.clone(), other));
                }
            }
        }
    }
    Ok(out)
}
