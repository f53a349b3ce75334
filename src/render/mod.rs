//! Rendering a resolved landing zone through the catalog's Tera templates into a [`FileSet`].
//!
//! Template layout: `templates/<target>/...path....tera` renders to `<target>/...path...`;
//! a `{env}` segment in the path renders once per environment; a file whose name starts with
//! `_` is a partial for `include`/`import` only; a template that renders to nothing is not
//! written (that is how optional modules disappear). Values reach the code only through the
//! escaping filters (`bicep_str`, `bicep_value`, `hcl_str`, `hcl_value`).

pub(crate) mod enrolment;
pub mod escape;
pub mod hclfmt;
pub(crate) mod literal;
pub mod pinned;
pub(crate) mod platform;
pub(crate) mod readme;
pub(crate) mod wave_runs;
pub(crate) mod waves;

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::fileset::FileSet;
use crate::model::LandingZone;
use crate::request::Target;

/// Template engine loaded with a catalog's templates and meg's filters.
pub struct Renderer {
    tera: Tera,
    names: Vec<String>,
    /// Render a landing zone's files on every core: for a single render. A batch already
    /// renders one landing zone per core.
    parallel: bool,
    /// The pinned actions or tasks of the pipeline system this renderer was loaded for.
    pinned: Option<std::collections::BTreeMap<String, crate::render::pinned::Pinned>>,
}

impl Renderer {
    /// Loads every template of the catalog.
    pub fn new(catalog: &Catalog) -> Result<Self> {
        Self::for_output(catalog, &Target::ALL, None)
    }

    /// Loads what a render of these targets (and pipeline system) can use: pipelines of other
    /// systems and trees of other targets are left out.
    pub fn for_output(
        catalog: &Catalog,
        targets: &[Target],
        pipeline: Option<crate::request::CiSystem>,
    ) -> Result<Self> {
        let mut tera = Tera::default();
        register(&mut tera);
        let sources = sources(catalog, targets, pipeline)?;
        tera.add_raw_templates(sources.iter().map(|(name, text)| (name, text)))
            .map_err(|e| Error::Catalog(tera_message(&e)))?;
        let mut names: Vec<String> = sources
            .into_iter()
            .map(|(name, _)| name)
            .filter(|name| !name.split('/').any(|seg| seg.starts_with('_')))
            .collect();
        names.sort();
        let pinned = pipeline
            .map(|system| crate::render::pinned::load(catalog, system))
            .transpose()?;
        Ok(Renderer {
            tera,
            names,
            parallel: true,
            pinned,
        })
    }

    /// Runs `resolve` while the templates are parsed on another core: the same renderer as
    /// [`Renderer::for_output`], sooner. A failed `resolve` wins over a catalog error.
    pub fn while_resolving<T>(
        catalog: &Catalog,
        targets: &[Target],
        pipeline: Option<crate::request::CiSystem>,
        resolve: impl FnOnce() -> Result<T>,
    ) -> Result<(T, Self)> {
        std::thread::scope(|scope| {
            let parsing = scope.spawn(|| Self::for_output(catalog, targets, pipeline));
            let resolved = resolve();
            let renderer = parsing.join().expect("template parsing does not panic");
            Ok((resolved?, renderer?))
        })
    }

    /// This renderer, rendering each landing zone's files on one core: for a batch, which
    /// already renders one landing zone per core.
    pub fn one_core(mut self) -> Self {
        self.parallel = false;
        self
    }

    /// Renders the landing zone for the given targets (and the shared README).
    pub fn render(
        &self,
        lz: &LandingZone,
        targets: &[Target],
        catalog_version: &str,
    ) -> Result<FileSet> {
        self.render_with(lz, targets, None, catalog_version)
    }

    /// Renders the landing zone, its README and, when asked, the pipeline files of one CI/CD
    /// system (`templates/pipelines/<system>/<path>.tera` renders to `<path>`).
    pub fn render_with(
        &self,
        lz: &LandingZone,
        targets: &[Target],
        pipeline: Option<crate::request::CiSystem>,
        catalog_version: &str,
    ) -> Result<FileSet> {
        let mut base = Context::new();
        // The landing zone becomes a template value once; each `{env}` file's `env` is one of
        // its environments, shared rather than serialized again per file.
        let lz_value = Value::from_serializable(&wave_runs::LandingZoneView::new(lz));
        let env_values = environment_values(&lz_value);
        base.insert_value("lz", lz_value);
        base.insert("deploy", &lz.deploy);
        base.insert("targets", targets);
        base.insert("meg_version", env!("CARGO_PKG_VERSION"));
        base.insert("catalog_version", catalog_version);
        base.insert("pipeline", &pipeline);
        if let (Some(_), Some(pinned)) = (pipeline, &self.pinned) {
            // `pinned["actions/checkout"].uses` in the pipeline templates.
            base.insert("pinned", pinned);
        }
        // Role IDs reach templates from one table; the README lists what they assign.
        base.insert("roles", &crate::model::roles::by_key());
        base.insert("access", &crate::model::roles::Access::new(&lz.deploy));
        // Governance, the platform hubs, the environments: what the pipelines and README deploy.
        base.insert("rollout", &crate::model::rollout::Rollout::new(lz));
        // The roles the platform root assigns, which its deployer must be allowed to assign.
        let platform_access = lz
            .platform
            .as_ref()
            .map(|p| crate::model::roles::Access::new(&p.lz.deploy));
        base.insert("platform_access", &platform_access);
        // The waves without their servers: the README and pipelines list and run them.
        base.insert("waves", &waves::summary(&lz.waves));
        base.insert("enrolments", &enrolment::summary(&lz.environments));
        // The environments' roots; the platform root renders the same templates with its hubs.
        base.insert("platform_root", &false);
        let mut out = FileSet::new();
        // Target trees first; the shared files (the README) last, so they can describe them.
        let (shared, per_target): (Vec<&String>, Vec<&String>) =
            self.names.iter().partition(|n| !n.contains('/'));
        let pipeline_prefix = pipeline.map(|p| format!("pipelines/{}/", p.dir()));
        // (template, output path, environment for `{env}` paths or wave for `{wave}` paths)
        let mut jobs: Vec<(&str, String, Scope)> = Vec::new();
        for name in per_target {
            let target_path = name.strip_suffix(".tera").expect("names end with .tera");
            let in_target_tree = targets
                .iter()
                .any(|t| name.starts_with(&format!("{}/", t.dir())));
            let target_path = match &pipeline_prefix {
                Some(prefix) if name.starts_with(prefix.as_str()) => &target_path[prefix.len()..],
                _ if in_target_tree => target_path,
                // The waves' runbooks and operations script serve every target.
                _ if name.starts_with(WAVES_DIR) => target_path,
                _ => continue,
            };
            if target_path.contains("{env}") {
                for (env, value) in lz.environments.iter().zip(&env_values) {
                    let path = target_path.replace("{env}", &env.name);
                    jobs.push((name, path, Scope::Env(value.clone())));
                }
            } else if target_path.contains("{wave}") && in_target_tree {
                // A wave's replication root (`bicep/`, `terraform/`) reads what it replicates.
                for wave in &lz.waves {
                    let path = target_path.replace("{wave}", &wave.name);
                    jobs.push((name, path, Scope::Wave(wave)));
                }
            } else if target_path.contains("{wave}") {
                // Its runbook and pipelines read how it is run. Wave names are plain segments
                // (`model::wave_runs::is_wave_name`).
                for run in &lz.wave_runs {
                    let path = target_path.replace("{wave}", &run.name);
                    jobs.push((name, path, Scope::Run(run)));
                }
            } else {
                jobs.push((name, target_path.to_string(), Scope::All));
            }
        }
        // The README reads a summary of each environment, computed here once: beside the other
        // files, which it does not need (a large inventory makes both slow).
        let readme_value = || Value::from_serializable(&readme::Readme::new(lz));
        let (rendered, readme) = if self.parallel {
            std::thread::scope(|scope| {
                let readme = scope.spawn(readme_value);
                let rendered = self.render_in_parallel(&base, jobs);
                let readme = readme.join().expect("the README view does not panic");
                (rendered, readme)
            })
        } else {
            (self.render_in_parallel(&base, jobs), readme_value())
        };
        for (path, text) in rendered? {
            out.insert(&path, text)?;
        }
        if let Some(platform) = &lz.platform {
            for (path, text) in self.render_platform(&base, &platform.lz, targets)? {
                out.insert(&path, text)?;
            }
        }
        base.insert("checkov_skips", &checkov_skips(&out));
        base.insert_value("readme", readme);
        for name in shared {
            let target_path = name.strip_suffix(".tera").expect("names end with .tera");
            if let Some(text) = self.one(name, target_path, &base)? {
                out.insert(target_path, text)?;
            }
        }
        if self.parallel {
            // The context holds every server of an inventory as a tree of small allocations:
            // freeing it on another core lets the files be written meanwhile.
            std::thread::spawn(move || drop(base));
        }
        Ok(out)
    }

    /// Renders the platform root (`<target>/platform/`): the target templates with the hubs as
    /// the landing zone's environments, one parameter file per hub.
    fn render_platform(
        &self,
        base: &Context,
        hubs: &LandingZone,
        targets: &[Target],
    ) -> Result<Vec<RenderedFile>> {
        let mut ctx = base.clone();
        let hubs_value = Value::from_serializable(&wave_runs::LandingZoneView::new(hubs));
        let hub_values = environment_values(&hubs_value);
        ctx.insert_value("lz", hubs_value);
        ctx.insert("deploy", &hubs.deploy);
        ctx.insert("access", &crate::model::roles::Access::new(&hubs.deploy));
        ctx.insert("platform_root", &true);
        let mut jobs: Vec<(&str, String, Scope)> = Vec::new();
        for name in &self.names {
            let target_path = name.strip_suffix(".tera").expect("names end with .tera");
            if !targets
                .iter()
                .any(|t| name.starts_with(&format!("{}/", t.dir())))
            {
                continue;
            }
            let Some(path) = platform::platform_path(target_path) else {
                continue;
            };
            if path.contains("{env}") {
                for (hub, value) in hubs.environments.iter().zip(&hub_values) {
                    let path = path.replace("{env}", &hub.name);
                    jobs.push((name, path, Scope::Env(value.clone())));
                }
            } else {
                jobs.push((name, path, Scope::All));
            }
        }
        self.render_in_parallel(&ctx, jobs)
    }

    /// Renders independent output files on every core; the first error wins.
    fn render_in_parallel(
        &self,
        base: &Context,
        jobs: Vec<(&str, String, Scope)>,
    ) -> Result<Vec<RenderedFile>> {
        let workers = if self.parallel {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .clamp(1, 8)
                .min(jobs.len().max(1))
        } else {
            1
        };
        let next = std::sync::atomic::AtomicUsize::new(0);
        // Takes jobs until none is left: on one core, or on each of several.
        let work = || -> Result<Vec<RenderedFile>> {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((name, path, env)) = jobs.get(i) else {
                    return Ok(done);
                };
                let text = match env {
                    Scope::Env(env) => {
                        // Cheap: a context's values share their contents.
                        let mut ctx = base.clone();
                        ctx.insert_value("env", env.clone());
                        self.one(name, path, &ctx)?
                    }
                    Scope::Run(run) => {
                        let mut ctx = base.clone();
                        ctx.insert("wave", run);
                        self.one(name, path, &ctx)?
                    }
                    Scope::Wave(wave) => {
                        let mut ctx = base.clone();
                        ctx.insert("wave", wave);
                        self.one(name, path, &ctx)?
                    }
                    Scope::All => self.one(name, path, base)?,
                };
                if let Some(text) = text {
                    done.push((path.clone(), text));
                }
            }
        };
        if workers == 1 {
            return work();
        }
        let results: Vec<Result<Vec<RenderedFile>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a template render does not panic"))
                .collect()
        });
        let mut all = Vec::new();
        for r in results {
            all.extend(r?);
        }
        Ok(all)
    }

    fn one(&self, name: &str, path: &str, ctx: &Context) -> Result<Option<Vec<u8>>> {
        let text = self
            .tera
            .render(name, ctx)
            .map_err(|e| Error::Catalog(format!("template {name}: {}", tera_message(&e))))?;
        let mut text = tidy(&text);
        if text.is_empty() {
            return Ok(None);
        }
        if path.ends_with(".tf") || path.ends_with(".tfvars") {
            text = hclfmt::format(&text);
        }
        // Kept until the whole tree is written: without the room the raw render needed.
        text.shrink_to_fit();
        Ok(Some(text.into_bytes()))
    }
}

/// The environments of a landing zone's template value, in order: each as it serializes alone.
fn environment_values(lz: &Value) -> Vec<Value> {
    lz.get_from_path("environments")
        .and_then(Value::as_array)
        .expect("a landing zone serializes its environments as a list")
        .to_vec()
}

/// The templates a render of these targets (and pipeline system) can use: name and text.
fn sources<'c>(
    catalog: &'c Catalog,
    targets: &[Target],
    pipeline: Option<crate::request::CiSystem>,
) -> Result<Vec<(String, &'c str)>> {
    let wanted = |name: &str| match name.split_once('/') {
        None => true,
        Some(("pipelines", rest)) => {
            pipeline.is_some_and(|p| rest.starts_with(&format!("{}/", p.dir())))
        }
        Some(("waves", _)) => true,
        Some((root, _)) => targets.iter().any(|t| t.dir() == root),
    };
    let mut out = Vec::new();
    for path in catalog.list("templates/") {
        let Some(name) = path.strip_prefix("templates/") else {
            continue;
        };
        // Only .tera files are templates; anything else (a README for authors) is not.
        if !name.ends_with(".tera") || !wanted(name) {
            continue;
        }
        out.push((name.to_string(), catalog.text(path)?));
    }
    Ok(out)
}

/// An output path and its bytes.
type RenderedFile = (String, Vec<u8>);

/// What one output file is rendered for: the landing zone, one environment (`{env}` paths),
/// one replication wave (`{wave}` paths of a target's root) or how one wave is run (`{wave}`
/// paths of its runbook and pipelines).
#[derive(Clone)]
enum Scope<'a> {
    All,
    /// The environment's part of the landing zone's template value.
    Env(Value),
    Wave(&'a crate::model::waves::Wave),
    Run(&'a crate::model::wave_runs::WaveRun),
}

/// Templates under this folder render to `waves/` at the root of the output, whatever the
/// targets: a wave is run the same way whether Bicep or Terraform replicates it.
const WAVES_DIR: &str = "waves/";

/// Trailing spaces off, runs of blank lines folded to one, no leading blank lines, one final
/// newline: templates can then use Tera blocks freely without fighting whitespace.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// A checkov check the generated code skips on purpose, with the reason it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckovSkip {
    /// The file holding the skip comment.
    pub file: String,
    /// The check ID (`CKV_AZURE_...`).
    pub check: String,
    /// The reason written in the comment.
    pub reason: String,
}

/// Every `checkov:skip=ID:reason` comment in the rendered files, for the README.
pub fn checkov_skips(files: &FileSet) -> Vec<CheckovSkip> {
    let mut skips = Vec::new();
    for (path, bytes) in files.iter() {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        // Most files have none: one search of the whole text says so.
        let mut from = 0;
        while let Some(found) = text[from..].find("checkov:skip=") {
            let at = from + found;
            let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
            from = end;
            let rest = &text[at + "checkov:skip=".len()..end];
            let (check, reason) = rest.split_once(':').unwrap_or((rest, ""));
            skips.push(CheckovSkip {
                file: path.to_string(),
                check: check.trim().to_string(),
                reason: reason.trim().to_string(),
            });
        }
    }
    skips
}

fn tera_message(e: &tera::Error) -> String {
    // Tera's reports open with their own "error: ", which meg's message already says.
    let text = e.to_string();
    let mut msg = text.strip_prefix("error: ").unwrap_or(&text).to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

/// meg's filters and tests, and the two Tera 1 filters the templates use that Tera 2 left out.
/// They must be known before templates are added: Tera checks every name a template uses.
fn register(tera: &mut Tera) {
    // Nothing is HTML. Code gets every value through the filter of its language; Markdown
    // (the README) escapes every value it prints, so a value cannot start a section of its own.
    tera.autoescape_on([".md.tera"]);
    tera.set_escape_fn(escape::markdown_into);
    tera.register_filter("bicep_str", |v: Value, _: Kwargs, _: &State| {
        text_filter(&v, escape::bicep_string)
    });
    tera.register_filter("hcl_str", |v: Value, _: Kwargs, _: &State| {
        text_filter(&v, escape::hcl_string)
    });
    tera.register_filter("sh_str", |v: Value, _: Kwargs, _: &State| {
        text_filter(&v, escape::shell_word)
    });
    tera.register_filter("snake", |v: Value, _: Kwargs, _: &State| {
        text_filter(&v, crate::model::snake)
    });
    tera.register_filter("bicep_value", |v: Value, k: Kwargs, _: &State| {
        code_filter(&v, &k, literal::bicep)
    });
    tera.register_filter("hcl_value", |v: Value, k: Kwargs, _: &State| {
        code_filter(&v, &k, literal::hcl)
    });
    tera.register_filter("filter", |items: Vec<Value>, k: Kwargs, _: &State| {
        let attribute: &str = k.must_get("attribute")?;
        let wanted: Value = k.must_get("value")?;
        Ok::<_, tera::Error>(
            items
                .into_iter()
                .filter(|item| item.get_from_path(attribute) == Some(&wanted))
                .collect::<Vec<Value>>(),
        )
    });
    tera.register_filter("map", |items: Vec<Value>, k: Kwargs, _: &State| {
        let attribute: &str = k.must_get("attribute")?;
        Ok::<_, tera::Error>(
            items
                .iter()
                .map(|item| {
                    item.get_from_path(attribute)
                        .cloned()
                        .unwrap_or_else(Value::none)
                })
                .collect::<Vec<Value>>(),
        )
    });
    tera.register_test("hcl_identifier", |v: Value, _: Kwargs, _: &State| {
        v.as_str().is_some_and(escape::is_hcl_identifier)
    });
}

/// A string (or a number or boolean, as text) through `f`.
fn text_filter(v: &Value, f: fn(&str) -> String) -> tera::TeraResult<String> {
    match v.as_str() {
        Some(s) => Ok(f(s)),
        None if v.is_number() || v.is_bool() => Ok(f(&v.to_string())),
        None => Err(tera::Error::message(format!(
            "expected a string, got a {}",
            v.name()
        ))),
    }
}

/// Any value as a literal of the language, nested lines indented by `indent=` spaces: written
/// from the template's value itself, which can hold thousands of servers.
fn code_filter(v: &Value, k: &Kwargs, f: fn(&Value, usize) -> String) -> tera::TeraResult<String> {
    let indent: usize = k.get("indent")?.unwrap_or(0);
    Ok(f(v, indent))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Inputs;
    use crate::session::Session;

    /// Each `{env}` file reads its `env` out of the landing zone's template value rather than
    /// serializing the environment again: the two must be the same value.
    #[test]
    fn an_environment_of_the_landing_zone_value_is_the_environment_alone() {
        let session = Session::open(None).expect("the embedded catalog opens");
        for example in ["inventory", "rehost", "hybrid", "existing-hub-refactor"] {
            let input = Inputs {
                inputs: vec![
                    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("examples")
                        .join(format!("{example}.yaml")),
                ],
                ..Inputs::default()
            };
            let lz = session.resolve(&input).expect("the example resolves").1;
            let values = environment_values(&Value::from_serializable(
                &wave_runs::LandingZoneView::new(&lz),
            ));
            assert_eq!(values.len(), lz.environments.len(), "{example}");
            for (env, value) in lz.environments.iter().zip(&values) {
                assert!(
                    *value == Value::from_serializable(env),
                    "{example}: environment {}",
                    env.name
                );
            }
        }
    }
}
