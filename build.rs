//! Computes the digest of the catalog that `include_dir!` embeds, once, at build time: hashing
//! every template and catalog file on each run was a measurable part of a render. The runtime
//! digest of a `--catalog` overlay uses the same scheme (`Catalog::digest`), and a test checks
//! that both agree on the embedded catalog.

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

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
    let mut h = Sha256::new();
    for (k, v) in files
        .iter()
        .filter(|(k, _)| !k.starts_with("catalog/references/"))
    {
        h.update(k.as_bytes());
        h.update([0]);
        h.update((v.len() as u64).to_le_bytes());
        h.update(v);
    }
    let digest: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    println!("cargo:rustc-env=MEG_EMBEDDED_CATALOG_DIGEST={digest}");
}
