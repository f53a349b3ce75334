//! Rendering a resolved landing zone through the catalog's Tera templates into a [`FileSet`].
//!
//! Template layout: `templates/<target>/...path....tera` renders to `<target>/...path...`;
//! a `{env}` segment in the path renders once per environment; a file whose name starts with
//! `_` is a partial for `include`/`import` only; a template that renders to nothing is not
//! written (that is how optional modules disappear). Values reach the code only through the
//! escaping filters (`bicep_str`, `bicep_value`, `hcl_str`, `hcl_value`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use serde::Serialize;
use serde_json::Value;
use tera::{Context, Tera};

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::escape;
use crate::fileset::FileSet;
use crate::hclfmt;
use crate::model::LandingZone;

/// An infrastructure-as-code language meg renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// Azure Bicep.
    Bicep,
    /// HashiCorp Terraform with the azurerm provider.
    Terraform,
}

impl Target {
    /// Every target.
    pub const ALL: [Target; 2] = [Target::Bicep, Target::Terraform];

    /// The folder name of the target in templates and output.
    pub fn dir(self) -> &'static str {
        match self {
            Target::Bicep => "bicep",
            Target::Terraform => "terraform",
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.dir())
    }
}

/// Template engine loaded with a catalog's templates and meg's filters.
pub struct Renderer {
    tera: Tera,
    names: Vec<String>,
    /// `deploy` flags whose guarded templates were left unparsed: this renderer cannot render a
    /// landing zone that deploys any of them.
    skipped: BTreeSet<String>,
    /// The parts each output template is wholly guarded by: a landing zone without one of them
    /// gets nothing from it, so it is not rendered at all.
    guards: HashMap<String, Vec<String>>,
    /// Render a landing zone's files on every core: for a single render. A batch already
    /// renders one landing zone per core.
    parallel: bool,
}

impl Renderer {
    /// Loads every template of the catalog.
    pub fn new(catalog: &Catalog) -> Result<Self> {
        Self::for_output(catalog, &Target::ALL, None, None)
    }

    /// Loads only what a render of these targets (and pipeline system) can use: parsing
    /// templates is most of a render's time, and pipelines are a fifth of the catalog. With
    /// `deploy`, a template wholly guarded by `{% if deploy.<part> %}` for a part that is off
    /// is not parsed either: it would render to nothing.
    pub fn for_output(
        catalog: &Catalog,
        targets: &[Target],
        pipeline: Option<crate::cli::Pipeline>,
        deploy: Option<&BTreeMap<String, bool>>,
    ) -> Result<Self> {
        Self::while_resolving(catalog, targets, pipeline, || Ok(()), |_| deploy.cloned())
            .map(|(_, r)| r)
    }

    /// Runs `resolve` (which yields the landing zone's `deploy` flags with its result) while
    /// the templates every landing zone needs are parsed on the other cores, then parses the
    /// templates of the parts it deploys (every part without flags): the same renderer as
    /// [`Renderer::for_output`] with those flags, sooner. A failed `resolve` is returned as it is.
    pub fn while_resolving<T>(
        catalog: &Catalog,
        targets: &[Target],
        pipeline: Option<crate::cli::Pipeline>,
        resolve: impl FnOnce() -> Result<T>,
        deploy_of: impl FnOnce(&T) -> Option<BTreeMap<String, bool>>,
    ) -> Result<(T, Self)> {
        let (mut always, guarded): (Vec<Source>, Vec<Source>) =
            sources(catalog, targets, pipeline)?
                .into_iter()
                .partition(|s| s.guard.is_none());
        // Largest first, so no core is left with one big template at the end.
        always.sort_by_key(|s| std::cmp::Reverse(s.text.len()));
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8);
        let (queue, jobs) = std::sync::mpsc::channel::<(String, &str)>();
        let jobs = std::sync::Mutex::new(jobs);
        let jobs = &jobs;
        std::thread::scope(|scope| {
            // Every core parses from one queue: first the templates every landing zone needs,
            // then, once the input is resolved, those of the parts it deploys.
            let parsers: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(move || -> tera::Result<Tera> {
                        let mut part = Tera::default();
                        loop {
                            let job = jobs
                                .lock()
                                .expect("no parser panics holding the queue")
                                .recv();
                            let Ok((name, text)) = job else {
                                return Ok(part);
                            };
                            part.add_raw_template(&name, text)?;
                        }
                    })
                })
                .collect();
            for s in &always {
                queue
                    .send((s.name.clone(), s.text))
                    .expect("parsers wait for the queue to close");
            }
            let resolved = resolve();
            let mut guarded_wanted = Vec::new();
            let mut skipped = BTreeSet::new();
            let mut parallel = true;
            if let Ok(value) = &resolved {
                let deploy = deploy_of(value);
                // Without flags (a batch's engine), each landing zone renders on one core.
                parallel = deploy.is_some();
                let (mut wanted, off) = select(guarded, deploy.as_ref());
                wanted.sort_by_key(|s| std::cmp::Reverse(s.text.len()));
                for s in &wanted {
                    queue
                        .send((s.name.clone(), s.text))
                        .expect("parsers wait for the queue to close");
                }
                guarded_wanted = wanted;
                skipped = off;
            }
            drop(queue);
            let mut tera = Tera::default();
            for parser in parsers {
                let part = parser.join().expect("a template parser does not panic");
                let part = part.map_err(|e| Error::Catalog(tera_message(&e)))?;
                tera.extend(&part)
                    .map_err(|e| Error::Catalog(tera_message(&e)))?;
            }
            let value = resolved?;
            let parsed = always.iter().chain(&guarded_wanted);
            Ok((value, Self::finish(tera, parsed, skipped, parallel)))
        })
    }

    /// Registers meg's filters and lists the templates that render to files.
    fn finish<'a, 'c: 'a>(
        mut tera: Tera,
        parsed: impl Iterator<Item = &'a Source<'c>>,
        skipped: BTreeSet<String>,
        parallel: bool,
    ) -> Self {
        tera.autoescape_on(vec![]);
        tera.register_filter("bicep_str", str_filter(escape::bicep_string));
        tera.register_filter("hcl_str", str_filter(escape::hcl_string));
        tera.register_filter("bicep_value", value_filter(escape::bicep_value));
        tera.register_filter("hcl_value", value_filter(escape::hcl_value));
        tera.register_filter("snake", str_filter(crate::model::snake));
        let outputs: Vec<&Source> = parsed
            .filter(|s| !s.name.split('/').any(|seg| seg.starts_with('_')))
            .collect();
        let guards = outputs
            .iter()
            .filter_map(|s| {
                let parts = s.guard.as_ref()?;
                Some((
                    s.name.clone(),
                    parts.iter().map(|p| p.to_string()).collect(),
                ))
            })
            .collect();
        let mut names: Vec<String> = outputs.iter().map(|s| s.name.clone()).collect();
        names.sort();
        Renderer {
            tera,
            names,
            skipped,
            guards,
            parallel,
        }
    }

    /// The `deploy` parts whose templates were left unparsed.
    pub fn skipped(&self) -> &BTreeSet<String> {
        &self.skipped
    }

    /// Whether this renderer holds every template a landing zone with these `deploy` flags uses.
    pub fn serves(&self, deploy: &BTreeMap<String, bool>) -> bool {
        !deploy
            .iter()
            .any(|(part, on)| *on && self.skipped.contains(part))
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
        pipeline: Option<crate::cli::Pipeline>,
        catalog_version: &str,
    ) -> Result<FileSet> {
        let mut base = Context::new();
        base.insert("lz", lz);
        base.insert("deploy", &lz.deploy);
        base.insert("targets", targets);
        base.insert("meg_version", env!("CARGO_PKG_VERSION"));
        base.insert("catalog_version", catalog_version);
        base.insert("pipeline", &pipeline);
        let mut out = FileSet::new();
        // Target trees first; the shared files (the README) last, so they can describe them.
        let (shared, per_target): (Vec<&String>, Vec<&String>) =
            self.names.iter().partition(|n| !n.contains('/'));
        let pipeline_prefix = pipeline.map(|p| format!("pipelines/{}/", p.dir()));
        // (template, output path, environment for `{env}` paths)
        let mut jobs: Vec<(&str, String, Option<&crate::model::Environment>)> = Vec::new();
        let off = |name: &str| {
            self.guards.get(name).is_some_and(|parts| {
                parts
                    .iter()
                    .any(|p| lz.deploy.get(p.as_str()) == Some(&false))
            })
        };
        for name in per_target.into_iter().filter(|n| !off(n)) {
            let target_path = name.strip_suffix(".tera").expect("names end with .tera");
            let target_path = match &pipeline_prefix {
                Some(prefix) if name.starts_with(prefix.as_str()) => &target_path[prefix.len()..],
                _ if targets
                    .iter()
                    .any(|t| name.starts_with(&format!("{}/", t.dir()))) =>
                {
                    target_path
                }
                _ => continue,
            };
            if target_path.contains("{env}") {
                for env in &lz.environments {
                    jobs.push((name, target_path.replace("{env}", &env.name), Some(env)));
                }
            } else {
                jobs.push((name, target_path.to_string(), None));
            }
        }
        for (path, text) in self.render_in_parallel(&base, jobs)? {
            out.insert(&path, text)?;
        }
        base.insert("checkov_skips", &checkov_skips(&out));
        for name in shared {
            let target_path = name.strip_suffix(".tera").expect("names end with .tera");
            if let Some(text) = self.one(name, target_path, &base)? {
                out.insert(target_path, text)?;
            }
        }
        Ok(out)
    }

    /// Renders independent output files on every core; the first error wins.
    fn render_in_parallel(
        &self,
        base: &Context,
        jobs: Vec<(&str, String, Option<&crate::model::Environment>)>,
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
                    Some(env) => {
                        let mut ctx = base.clone();
                        ctx.insert("env", env);
                        self.one(name, path, &ctx)?
                    }
                    None => self.one(name, path, base)?,
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
        Ok(Some(text.into_bytes()))
    }
}

/// A template of the catalog: its name under `templates/`, its text, and the `deploy` part
/// it is wholly guarded by, if any.
struct Source<'c> {
    name: String,
    text: &'c str,
    guard: Option<Vec<&'c str>>,
}

/// The templates a render of these targets (and pipeline system) can use.
fn sources<'c>(
    catalog: &'c Catalog,
    targets: &[Target],
    pipeline: Option<crate::cli::Pipeline>,
) -> Result<Vec<Source<'c>>> {
    let wanted = |name: &str| match name.split_once('/') {
        None => true,
        Some(("pipelines", rest)) => {
            pipeline.is_some_and(|p| rest.starts_with(&format!("{}/", p.dir())))
        }
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
        let text = catalog.text(path)?;
        out.push(Source {
            name: name.to_string(),
            text,
            guard: whole_file_guard(text),
        });
    }
    Ok(out)
}

/// Splits templates into those to parse and the parts left out: with `deploy`, a template
/// guarded by a part that is off is left out.
fn select<'c>(
    sources: Vec<Source<'c>>,
    deploy: Option<&BTreeMap<String, bool>>,
) -> (Vec<Source<'c>>, BTreeSet<String>) {
    let mut skipped = BTreeSet::new();
    let wanted = sources
        .into_iter()
        .filter(|s| {
            let (Some(parts), Some(d)) = (&s.guard, deploy) else {
                return true;
            };
            let off: Vec<&&str> = parts
                .iter()
                .filter(|p| d.get(**p) == Some(&false))
                .collect();
            skipped.extend(off.iter().map(|p| p.to_string()));
            off.is_empty()
        })
        .collect();
    (wanted, skipped)
}

/// An output path and its bytes.
type RenderedFile = (String, Vec<u8>);

/// The parts a template is wholly guarded by: `{%- if deploy.<part> [and deploy.<other>]... %}`
/// as its first tag, the matching `{%- endif %}` as its last, with no `elif` or `else` between
/// at that level. Such a template renders to nothing when any of the parts is off. Anything
/// less certain is `None`.
pub fn whole_file_guard(text: &str) -> Option<Vec<&str>> {
    let body = text.trim();
    let mut tags = block_tags(body);
    let (start, first) = tags.next()?;
    if start != 0 {
        return None;
    }
    let parts = first
        .strip_prefix("if ")?
        .split(" and ")
        .map(|conjunct| {
            conjunct.trim().strip_prefix("deploy.").filter(|p| {
                !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
        })
        .collect::<Option<Vec<&str>>>()?;
    let mut depth = 1;
    for (at, tag) in tags {
        let keyword = tag.split_whitespace().next().unwrap_or_default();
        match keyword {
            "if" => depth += 1,
            "elif" | "else" if depth == 1 => return None,
            "endif" => {
                depth -= 1;
                if depth == 0 {
                    // The guard must close at the very end of the file.
                    let rest = &body[at..];
                    let close = rest.find("%}")? + 2;
                    return rest[close..].trim().is_empty().then_some(parts);
                }
            }
            _ => {}
        }
    }
    None
}

/// The `{% ... %}` tags of a template in order: (byte offset, inner text without the `-`
/// whitespace markers). Comments are skipped, so a tag inside one does not count.
fn block_tags(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        loop {
            let rel = text[pos..].find('{')?;
            let at = pos + rel;
            let rest = &text[at..];
            if rest.starts_with("{#") {
                pos = at + rest.find("#}")? + 2;
            } else if rest.starts_with("{%") {
                let end = rest.find("%}")?;
                pos = at + end + 2;
                let inner = rest[2..end].trim_start_matches('-').trim_end_matches('-');
                return Some((at, inner.trim()));
            } else {
                pos = at + 1;
            }
        }
    })
}

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
        for line in text.lines() {
            let Some(at) = line.find("checkov:skip=") else {
                continue;
            };
            let rest = &line[at + "checkov:skip=".len()..];
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
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

type FilterFn = Box<dyn Fn(&Value, &HashMap<String, Value>) -> tera::Result<Value> + Send + Sync>;

fn str_filter(f: fn(&str) -> String) -> FilterFn {
    Box::new(move |v: &Value, _: &HashMap<String, Value>| match v {
        Value::String(s) => Ok(Value::String(f(s))),
        Value::Number(_) | Value::Bool(_) => Ok(Value::String(f(&v.to_string()))),
        other => Err(tera::Error::msg(format!("expected a string, got {other}"))),
    })
}

fn value_filter(f: fn(&Value, usize) -> String) -> FilterFn {
    Box::new(move |v: &Value, args: &HashMap<String, Value>| {
        let indent = args.get("indent").and_then(Value::as_u64).unwrap_or(0) as usize;
        Ok(Value::String(f(v, indent)))
    })
}

#[cfg(test)]
mod tests {
    use super::whole_file_guard;

    #[test]
    fn a_template_wrapped_in_one_deploy_guard_is_recognised() {
        let t = "{%- if deploy.bastion %}\nresource x {\n{%- if a %}y{% else %}z{% endif %}\n}\n{%- endif %}\n";
        assert_eq!(whole_file_guard(t), Some(vec!["bastion"]));
        let commented = "{# {% endif %} #}";
        assert_eq!(
            whole_file_guard(&format!(
                "{{% if deploy.vpnGateway %}}{commented}x{{% endif %}}"
            )),
            Some(vec!["vpnGateway"])
        );
        assert_eq!(
            whole_file_guard("{%- if deploy.migration and deploy.firewall %}x{%- endif %}"),
            Some(vec!["migration", "firewall"])
        );
    }

    #[test]
    fn anything_less_certain_is_not_a_guard() {
        for t in [
            // content before the guard
            "x{% if deploy.bastion %}y{% endif %}",
            // content after it
            "{% if deploy.bastion %}y{% endif %}\nz",
            // two guarded blocks, not one
            "{% if deploy.bastion %}y{% endif %}{% if deploy.firewall %}z{% endif %}",
            // an else renders something when the part is off
            "{% if deploy.bastion %}y{% else %}z{% endif %}",
            "{% if deploy.bastion %}y{% elif deploy.firewall %}z{% endif %}",
            // a condition that is not one part
            "{% if deploy.bastion or deploy.firewall %}y{% endif %}",
            "{% if deploy.bastion and not deploy.firewall %}y{% endif %}",
            "{% if deploy.bastion and lz.name %}y{% endif %}",
            "{% if not deploy.bastion %}y{% endif %}",
            "{% if lz.name %}y{% endif %}",
            // unbalanced
            "{% if deploy.bastion %}{% if x %}y{% endif %}",
            "",
        ] {
            assert_eq!(whole_file_guard(t), None, "{t}");
        }
    }
}
