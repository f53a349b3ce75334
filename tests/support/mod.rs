//! Helpers of `tests/generated_code.rs`: render the examples once, and judge what they generate.
//!
//! One concern per module: [`examples`] renders, [`problems`] collects findings into one
//! failure, [`syntax`] runs the tree-sitter grammars, [`azurerm`] walks Terraform blocks against
//! the provider schema, [`bicep`] reads Bicep declarations, [`arm`] knows the ARM API versions,
//! [`components`] reads the catalog's resource tables, [`terraform`] reads variables and tfvars.

pub mod arm;
pub mod azurerm;
pub mod bicep;
pub mod components;
pub mod examples;
pub mod problems;
pub mod syntax;
pub mod terraform;

/// 1-based line and column of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rfind('\n').map_or(offset, |nl| offset - nl - 1) + 1;
    (line, col)
}
