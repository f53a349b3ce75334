//! The steps every command shares, composed once: open the catalog, resolve the inputs into a
//! landing zone, render it into a file set.

use std::path::Path;

use crate::catalog::Catalog;
use crate::cli::InputArgs;
use crate::error::Result;
use crate::fileset::FileSet;
use crate::model::LandingZone;
use crate::render::{Renderer, Target};
use crate::schema::Schema;
use crate::values::Values;

/// A catalog with its compiled schema.
pub struct Session {
    /// The catalog in use.
    pub catalog: Catalog,
    /// Its input schema.
    pub schema: Schema,
    /// Template engines parsed so far; each serves the landing zones whose parts it holds.
    renderers: std::sync::Mutex<Vec<std::sync::Arc<Renderer>>>,
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
        let schema = Schema::load(&catalog)?;
        Ok(Session {
            catalog,
            schema,
            renderers: std::sync::Mutex::default(),
        })
    }

    /// A template engine holding the templates these outputs need (a session's renders all
    /// share the targets and pipeline). With `deploy`, templates of parts the landing zone does
    /// not deploy are left out, which is what a single render wants; without, every part is
    /// loaded, which is what a batch of different landing zones wants. Engines are kept and
    /// reused for any landing zone they serve.
    pub fn renderer(
        &self,
        input: &InputArgs,
        deploy: Option<&std::collections::BTreeMap<String, bool>>,
    ) -> Result<std::sync::Arc<Renderer>> {
        let serves = |r: &Renderer| deploy.is_none_or(|d| r.serves(d));
        {
            let known = self
                .renderers
                .lock()
                .expect("no panic while holding the lock");
            if let Some(r) = known.iter().find(|r| serves(r)) {
                return Ok(r.clone());
            }
        }
        Ok(self.keep(Renderer::for_output(
            &self.catalog,
            &input.targets(),
            input.pipeline,
            deploy,
        )?))
    }

    /// Remembers a renderer for the session's later renders.
    fn keep(&self, renderer: Renderer) -> std::sync::Arc<Renderer> {
        let renderer = std::sync::Arc::new(renderer);
        self.renderers
            .lock()
            .expect("no panic while holding the lock")
            .push(renderer.clone());
        renderer
    }

    /// Loads, layers, validates and resolves the inputs.
    pub fn resolve(&self, input: &InputArgs) -> Result<(Values, LandingZone)> {
        if input.inputs.len() > 1 || input.inputs[0].is_dir() {
            return Err(crate::error::Error::Usage(
                "several landing zones (or a folder) are for `meg render` only; layer value files over one landing zone with -f".into(),
            ));
        }
        let values = Values::load(&input.files(), &input.sets)?;
        let mut lz = LandingZone::resolve(&values, &self.catalog, &self.schema)?;
        lz.retain_environments(&input.envs)?;
        Ok((values, lz))
    }

    /// Resolves and renders.
    pub fn render(&self, input: &InputArgs) -> Result<Rendered> {
        // The code and the README describe every environment; --env only narrows which
        // parameter files this render writes.
        let all = InputArgs {
            envs: Vec::new(),
            ..input.clone()
        };
        let targets = input.targets();
        let cached = !self
            .renderers
            .lock()
            .expect("no panic while holding the lock")
            .is_empty();
        let ((values, lz), renderer) = if cached {
            let (values, lz) = self.resolve(&all)?;
            let renderer = self.renderer(input, Some(&lz.deploy))?;
            ((values, lz), renderer)
        } else {
            // The first render of a session parses the templates every landing zone needs
            // while it resolves this one.
            let (resolved, renderer) = Renderer::while_resolving(
                &self.catalog,
                &targets,
                input.pipeline,
                || self.resolve(&all),
                |(_, lz): &(Values, LandingZone)| Some(lz.deploy.clone()),
            )?;
            (resolved, self.keep(renderer))
        };
        let mut selected = lz.clone();
        selected.retain_environments(&input.envs)?;
        let mut files = renderer.render_with(
            &lz,
            &targets,
            input.pipeline,
            &self.catalog.declared_version(),
        )?;
        let others: Vec<String> = files
            .paths()
            .filter(|p| {
                lz.environments
                    .iter()
                    .filter(|e| !selected.environments.iter().any(|s| s.name == e.name))
                    .any(|e| is_environment_file(p, &e.name))
            })
            .map(str::to_string)
            .collect();
        files.remove_all(&others);
        Ok(Rendered {
            values,
            lz: selected,
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
