//! Prepares the catalog that `include_dir!` embeds, once, at build time:
//! - its digest: hashing every template and catalog file on each run was a measurable part of
//!   a render. It is the same function the library uses for a `--catalog` overlay
//!   (src/digest.rs), and watching the folders makes cargo re-embed a file that changes or
//!   appears there;
//! - a JSON twin of each YAML file under `catalog/`: the YAML parser took twenty times as long
//!   as JSON's to read the naming tables and presets a render needs. An overlay's YAML is still
//!   read as YAML, and a test requires each twin to equal its YAML read at run time.

use std::collections::BTreeMap;
use std::path::Path;

include!("src/digest.rs");

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for root in ["catalog", "templates", "examples"] {
        println!("cargo:rerun-if-changed={root}");
        let dir = Path::new(&manifest).join(root);
        for entry in walkdir::WalkDir::new(&dir) {
            let entry = entry.expect("the catalog folder is readable");
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(&dir)
                .expect("under its root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let bytes = std::fs::read(entry.path()).expect("a catalog file is readable");
            files.insert(format!("{root}/{rel}"), bytes);
        }
    }
    let digest = catalog_digest(files.iter().map(|(k, v)| (k.as_str(), v.as_slice())));
    println!("cargo:rustc-env=MEG_EMBEDDED_CATALOG_DIGEST={digest}");
    write_yaml_twins(&files);
}

/// `$OUT_DIR/yaml_twins.rs`: `(path, JSON text)` for every YAML file under `catalog/` but the
/// references, sorted by path.
fn write_yaml_twins(files: &BTreeMap<String, Vec<u8>>) {
    let mut rs = String::from("&[\n");
    for (path, bytes) in files {
        if !path.starts_with("catalog/") || path.starts_with(REFERENCES) || !path.ends_with(".yaml")
        {
            continue;
        }
        let text = std::str::from_utf8(bytes).expect("a catalog YAML file is UTF-8");
        let value: serde_json::Value = serde_saphyr::from_str(text)
            .unwrap_or_else(|e| panic!("{path} is not valid YAML: {e}"));
        let json = serde_json::to_string(&value).expect("a YAML value is JSON");
        // Debug formatting of a str is a valid Rust string literal.
        rs.push_str(&format!("    ({path:?}, {json:?}),\n"));
    }
    rs.push_str("]\n");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("yaml_twins.rs"), rs).expect("OUT_DIR is writable");
}
