//! Computes the digest of the catalog that `include_dir!` embeds, once, at build time: hashing
//! every template and catalog file on each run was a measurable part of a render. It is the
//! same function the library uses for a `--catalog` overlay (src/digest.rs), and watching the
//! folders makes cargo re-embed a file that changes or appears there.

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
}
