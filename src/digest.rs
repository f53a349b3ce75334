// The catalog's digest, one function for the library and for build.rs, which `include!`s this
// file to hash the embedded catalog at build time (so plain comments here, no inner docs).

/// Where the reference renders live: the catalog's output, not its input.
pub const REFERENCES: &str = "catalog/references/";

/// SHA-256 over every path and content of a catalog in path order, except the reference
/// snapshots (`catalog/references/`: the catalog's output, not its input), as lowercase hex.
pub fn catalog_digest<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for (path, bytes) in files
        .into_iter()
        .filter(|(path, _)| !path.starts_with(REFERENCES))
    {
        h.update(path.as_bytes());
        h.update([0]);
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}
