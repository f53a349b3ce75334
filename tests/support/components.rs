//! The resource tables of the catalog's components (`catalog/components/*.yaml`, field
//! `resources: [{arm, terraform, what}]`): which azurerm type stands for which ARM type.
//!
//! Read from the embedded catalog, the same one the examples render with.

use meg::session::Session;
use serde_json::Value;

/// One row of a component's table.
#[derive(Debug, Clone)]
pub struct Row {
    /// The component file it comes from.
    pub component: String,
    /// ARM type (Bicep).
    pub arm: String,
    /// azurerm resource type (Terraform).
    pub terraform: String,
}

/// Every row of every component, and the problems of rows that could not be read.
pub fn rows() -> (Vec<Row>, Vec<String>) {
    let session = Session::open(None).expect("the embedded catalog opens");
    let catalog = &session.catalog;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for stem in catalog.stems("catalog/components") {
        let path = format!("catalog/components/{stem}.yaml");
        let doc: Value = match catalog.yaml(&path) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("{path}: {e}"));
                continue;
            }
        };
        let Some(resources) = doc.get("resources").and_then(Value::as_array) else {
            continue;
        };
        for (i, r) in resources.iter().enumerate() {
            let field = |k: &str| r.get(k).and_then(Value::as_str).map(str::to_string);
            match (field("arm"), field("terraform")) {
                (Some(arm), Some(terraform)) => rows.push(Row {
                    component: path.clone(),
                    arm,
                    terraform,
                }),
                _ => problems.push(format!(
                    "{path}: resources[{i}] needs string fields `arm` and `terraform`"
                )),
            }
        }
    }
    (rows, problems)
}
