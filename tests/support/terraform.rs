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
