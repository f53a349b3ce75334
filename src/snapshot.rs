//! Reference snapshots: the catalog keeps the render of each example under
//! `catalog/references/<example>/`, so every change to a template shows up as a reviewed diff.
//! `meg check` re-renders and compares byte for byte; `--bless` accepts the new render.

use std::path::Path;

use crate::catalog::REFERENCES;
use crate::error::{Error, Result};
use crate::fileset::FileSet;
use crate::input::values::{Layer, Values};
use crate::output::drift::{FileChange, compare};
use crate::render::Renderer;
use crate::request::Target;
use crate::session::Session;

/// One example's comparison with its reference.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExampleCheck {
    /// Example name (file stem).
    pub example: String,
    /// Files identical to the reference.
    pub matched: usize,
    /// Files that differ, are new, or are gone.
    pub changes: Vec<FileChange>,
    /// The new render.
    #[serde(skip)]
    pub rendered: FileSet,
}

/// Renders one catalog example exactly as the reference was: both targets, every environment.
pub fn render_example(session: &Session, renderer: &Renderer, example: &str) -> Result<FileSet> {
    let path = format!("examples/{example}.yaml");
    let layer = Layer::from_str(&path, session.catalog.text(&path)?)?;
    let mut values = Values::from_layers(vec![layer]);
    // An example's inventory files are in the catalog beside it.
    let lz = crate::inventory::enrol::resolve(
        &mut values,
        &session.catalog,
        session.schema()?,
        &|base, rel| {
            let path = format!("{base}/{rel}");
            session
                .catalog
                .get(&path)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| {
                    crate::error::Error::Catalog(format!(
                        "{path}: the example's inventory file is missing"
                    ))
                })
        },
    )?;
    renderer.render(&lz, &Target::ALL, &session.catalog.declared_version())
}

/// The stored reference of an example.
pub fn reference(session: &Session, example: &str) -> Result<FileSet> {
    let prefix = format!("{REFERENCES}{example}/");
    let mut set = FileSet::new();
    for path in session.catalog.list(&prefix) {
        let rel = path.strip_prefix(&prefix).expect("listed under the prefix");
        set.insert(rel, session.catalog.get(path).expect("listed").to_vec())?;
    }
    Ok(set)
}

/// Compares every example of the catalog with its reference.
pub fn check(session: &Session) -> Result<Vec<ExampleCheck>> {
    let renderer = Renderer::new(&session.catalog)?;
    let mut out = Vec::new();
    for example in session.catalog.stems("examples") {
        let rendered = render_example(session, &renderer, &example)?;
        let stored = reference(session, &example)?;
        let (changes, matched) = compare(
            &stored,
            &rendered,
            &format!("reference/{example}"),
            &format!("render/{example}"),
        );
        out.push(ExampleCheck {
            example,
            matched,
            changes,
            rendered,
        });
    }
    Ok(out)
}

/// Writes the current render of every example as its reference, under `dir/catalog/references/`,
/// removing reference files the render no longer has. Returns how many files changed.
pub fn bless(session: &Session, dir: &Path) -> Result<usize> {
    if !dir.join("catalog").is_dir() {
        return Err(Error::Usage(format!(
            "{}: not a catalog folder (no catalog/ inside); pass --catalog DIR pointing at the catalog to bless",
            dir.display()
        )));
    }
    let mut written = 0;
    for check in check(session)? {
        let base = dir.join(REFERENCES).join(&check.example);
        for change in &check.changes {
            let target = base.join(&change.path);
            match check.rendered.get(&change.path) {
                Some(bytes) => {
                    if let Some(parent) = target.parent() {
                        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                    }
                    std::fs::write(&target, bytes).map_err(|e| Error::io(&target, e))?;
                }
                None => std::fs::remove_file(&target).map_err(|e| Error::io(&target, e))?,
            }
            written += 1;
        }
    }
    Ok(written)
}
