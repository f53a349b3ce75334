//! The steps every command shares, composed once: open the catalog, resolve the inputs into a
//! landing zone, render it into a file set.

use std::path::Path;

use crate::catalog::Catalog;
use crate::error::Result;
use crate::fileset::FileSet;
use crate::input::schema::Schema;
use crate::input::values::Values;
use crate::model::LandingZone;
use crate::render::Renderer;
use crate::request::Inputs;
use crate::request::Target;

/// A catalog, its input schema once read, and its template engine once parsed.
pub struct Session {
    /// The catalog in use.
    pub catalog: Catalog,
    /// Its input schema, read when first needed: a render starts parsing its templates first.
    schema: std::sync::OnceLock<Schema>,
    /// The template engine, once parsed: every render of a session shares the targets and
    /// pipeline.
    renderer: std::sync::Mutex<Option<std::sync::Arc<Renderer>>>,
}

/// The result of resolving and rendering one landing zone.
pub struct Rendered {
    /// The layered input.
    pub values: Values,
    /// The resolved landing zone.
    pub lz: LandingZone,
    /// The generated files.
    pub files: FileSet,
    /// Targets rendered.
    pub targets: Vec<Target>,
    /// With `--env`: the parameter files of the other environments. They are left out of
    /// `files` and out of every comparison, so the tree keeps them as they are.
    pub others: Vec<String>,
}

impl Session {
    /// Opens the embedded catalog, overlaid by `dir` when given.
    pub fn open(dir: Option<&Path>) -> Result<Self> {
        let catalog = match dir {
            Some(d) => Catalog::with_overlay(d)?,
            None => Catalog::embedded(),
        };
        Ok(Session {
            catalog,
            schema: std::sync::OnceLock::new(),
            renderer: std::sync::Mutex::default(),
        })
    }

    /// Parses the templates for these outputs once, before a batch's renders (a session's
    /// renders all share the targets and pipeline), so that each of them renders on one core.
    pub fn prepare_batch(&self, input: &Inputs) -> Result<()> {
        let mut slot = self
            .renderer
            .lock()
            .expect("no panic while holding the lock");
        if slot.is_none() {
            let renderer =
                Renderer::for_output(&self.catalog, &input.targets(), input.pipeline)?.one_core();
            *slot = Some(std::sync::Arc::new(renderer));
        }
        Ok(())
    }

    /// The catalog's input schema.
    pub fn schema(&self) -> Result<&Schema> {
        if let Some(schema) = self.schema.get() {
            return Ok(schema);
        }
        let schema = Schema::load(&self.catalog)?;
        Ok(self.schema.get_or_init(|| schema))
    }

    /// Loads, layers, validates and resolves the inputs.
    pub fn resolve(&self, input: &Inputs) -> Result<(Values, LandingZone)> {
        if input.inputs.is_empty() {
            return Err(crate::error::Error::Usage(
                "no landing-zone file given (for example: meg validate landing-zone.yaml)".into(),
            ));
        }
        if input.inputs.len() > 1 || input.inputs[0].is_dir() {
            return Err(crate::error::Error::Usage(
                "several landing zones (or a folder) are for `meg render` only; layer value files over one landing zone with -f".into(),
            ));
        }
        let mut values = Values::load(&input.files(), &input.sets)?;
        let schema = self.schema()?;
        // The lock records the values as the render read them: `0042` a string where the
        // schema wants one.
        values.keep_written_text(&|p| schema.wants_text(p));
        let mut lz = crate::inventory::enrol::resolve(
            &mut values,
            &self.catalog,
            schema,
            &crate::inventory::enrol::read_from_disk,
        )?;
        lz.retain_environments(&input.envs)?;
        Ok((values, lz))
    }

    /// Resolves and renders.
    pub fn render(&self, input: &Inputs) -> Result<Rendered> {
        // The code and the README describe every environment; --env only narrows which
        // parameter files this render writes.
        let all = Inputs {
            envs: Vec::new(),
            ..input.clone()
        };
        let targets = input.targets();
        let cached = self
            .renderer
            .lock()
            .expect("no panic while holding the lock")
            .clone();
        let ((values, lz), renderer) = match cached {
            Some(renderer) => (self.resolve(&all)?, renderer),
            None => {
                // The first render of a session parses the templates while it resolves.
                let (resolved, renderer) =
                    Renderer::while_resolving(&self.catalog, &targets, input.pipeline, || {
                        self.resolve(&all)
                    })?;
                let renderer = std::sync::Arc::new(renderer);
                *self
                    .renderer
                    .lock()
                    .expect("no panic while holding the lock") = Some(renderer.clone());
                (resolved, renderer)
            }
        };
        // The landing zone of the environments asked for: a copy only when --env narrows it
        // (an inventory's servers make the whole one large).
        let mut selected = None;
        if !input.envs.is_empty() {
            let mut narrowed = lz.clone();
            narrowed.retain_environments(&input.envs)?;
            selected = Some(narrowed);
        }
        let mut files = renderer.render_with(
            &lz,
            &targets,
            input.pipeline,
            &self.catalog.declared_version(),
        )?;
        let left_out: Vec<&str> = match &selected {
            Some(s) => lz
                .environments
                .iter()
                .filter(|e| !s.environments.iter().any(|k| k.name == e.name))
                .map(|e| e.name.as_str())
                .collect(),
            None => Vec::new(),
        };
        let others: Vec<String> = files
            .paths()
            .filter(|p| left_out.iter().any(|e| is_environment_file(p, e)))
            .map(str::to_string)
            .collect();
        files.remove_all(&others);
        Ok(Rendered {
            values,
            lz: selected.unwrap_or(lz),
            files,
            targets,
            others,
        })
    }
}

/// Whether a generated path is the parameter file of an environment
/// (`bicep/environments/prod.bicepparam`, `terraform/environments/prod.tfvars`).
pub fn is_environment_file(path: &str, env: &str) -> bool {
    path.rsplit_once('/').is_some_and(|(dir, file)| {
        dir.ends_with("environments") && file.rsplit_once('.').is_some_and(|(stem, _)| stem == env)
    })
}
