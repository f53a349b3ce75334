//! Reading `meg inventory --json` in the inventory tests.

use serde_json::Value;

use super::Meg;

/// The JSON `meg inventory --json` prints, after a successful run.
pub fn json(meg: &Meg, args: &[&str]) -> Value {
    let run = meg.run(args).ok();
    serde_json::from_str(&run.stdout()).expect("meg inventory --json prints JSON")
}

/// The server of that name.
pub fn server<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["servers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no server {name} in {v:#}"))
}

/// The servers' names, in the order meg lists them.
pub fn names(v: &Value) -> Vec<String> {
    v["servers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

/// `tier:sizeGiB:isOs` of each disk (the SKU where a disk has no tier: Premium SSD v2).
pub fn tiers(s: &Value) -> Vec<String> {
    s["disks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}",
                d["tier"].as_str().unwrap_or(d["sku"].as_str().unwrap()),
                d["sizeGiB"],
                d["isOs"]
            )
        })
        .collect()
}
