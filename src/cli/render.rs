//! `meg render`: one landing zone, or a batch of them, into an output folder.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, EXIT_OK, Error, Result};
use crate::output::lock::{LOCK_PATH, Lock};
use crate::output::recorded::RenderInputs;
use crate::output::write;
use crate::request::Inputs;
use crate::session::Session;

use super::console::Output;
use super::folder::{WriteOpts, changed_inputs, dropped_inputs, hold, keep_others, recorded_args};

pub(super) fn run(
    session: &Session,
    input: &Inputs,
    output: &Path,
    opts: WriteOpts,
    out: &Output,
) -> Result<i32> {
    if input.inputs.is_empty() {
        let (again, recorded) = recorded_args(input, output, "render")?;
        out.say(format!(
            "rendering {} again from the inputs its lock records: {}",
            output.display(),
            recorded.command_line(output)
        ));
        return render_one(session, &again, output, opts, out, Some(&recorded)).map(|_| EXIT_OK);
    }
    let batch = input.batch().map_err(|e| Error::io(&input.inputs[0], e))?;
    let Some(files) = batch else {
        return render_one(session, input, output, opts, out, None).map(|_| EXIT_OK);
    };
    if files.is_empty() {
        return Err(Error::Usage(
            "no landing-zone files (*.yaml) found in the inputs".into(),
        ));
    }
    // Each landing zone renders into OUT/<its file's stem>: every stem is checked before
    // anything is written, so that none can name OUT itself, its parent or a hidden folder.
    let mut stems: std::collections::BTreeMap<String, &PathBuf> = std::collections::BTreeMap::new();
    let mut bad = Vec::new();
    for f in &files {
        match zone_folder(f) {
            Ok(stem) => {
                // Folders that differ only in case are one folder on Windows and macOS.
                if let Some(other) = stems.insert(stem.to_lowercase(), f) {
                    bad.push(
                        Diagnostic::at(
                            f.display().to_string(),
                            format!(
                                "{} and {} would render into the same folder '{stem}'",
                                other.display(),
                                f.display()
                            ),
                        )
                        .hint("rename one of the files"),
                    );
                }
            }
            Err(d) => bad.push(d),
        }
    }
    if !bad.is_empty() {
        return Err(Error::Input(bad));
    }
    // Two landing zones with one name would get the same globally unique names (Key Vault).
    let mut by_name: std::collections::BTreeMap<String, Vec<String>> =
        std::collections::BTreeMap::new();
    for f in &files {
        if let Ok(layer) = crate::input::values::Layer::from_file(f)
            && let Some(name) = layer.value.get("name").and_then(serde_json::Value::as_str)
        {
            by_name
                .entry(name.to_string())
                .or_default()
                .push(f.display().to_string());
        }
    }
    let clashes: Vec<Diagnostic> = by_name
        .iter()
        .filter(|(_, fs)| fs.len() > 1)
        .map(|(name, fs)| {
            Diagnostic::new(format!("landing-zone name '{name}' is used by {}", fs.join(", ")))
                .hint("names seed the globally unique resource names (Key Vault): give each landing zone its own")
        })
        .collect();
    if !clashes.is_empty() {
        return Err(Error::Input(clashes));
    }
    let results = render_batch(session, input, output, &files, opts)?;
    let failed: Vec<&(PathBuf, Error)> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    for (file, e) in &failed {
        eprintln!("{}:\n{e}", file.display());
    }
    out.say(format!(
        "rendered {} of {} landing zones into {}{}",
        files.len() - failed.len(),
        files.len(),
        output.display(),
        if failed.is_empty() {
            String::new()
        } else {
            format!("; {} failed (their folders are unchanged)", failed.len())
        }
    ));
    Ok(if failed.is_empty() {
        EXIT_OK
    } else {
        crate::error::EXIT_BAD_INPUT
    })
}

/// One landing zone of a batch: rendered, or the file and why not.
pub(super) type BatchResult = Result<(), (PathBuf, Error)>;

/// Renders many landing zones on every core, each into `output/<file stem>/`, with a progress
/// line on a terminal. One landing zone's failure does not stop the others.
pub(super) fn render_batch(
    session: &Session,
    input: &Inputs,
    output: &Path,
    files: &[PathBuf],
    opts: WriteOpts,
) -> Result<Vec<BatchResult>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    // Parsed once, for all the landing zones of the batch.
    session.prepare_batch(input)?;
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<BatchResult>>> = Mutex::new(files.iter().map(|_| None).collect());
    let progress = std::io::stderr().is_terminal();
    let quiet = Output {
        quiet: true,
        verbose: false,
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    let one = Inputs {
                        inputs: vec![file.clone()],
                        ..input.clone()
                    };
                    // A zone's folder is meg's to make inside OUT: never a link to elsewhere.
                    let r = zone_folder(file)
                        .map_err(Error::input)
                        .and_then(|stem| {
                            write::refuse_links(output, &stem)?;
                            render_one(session, &one, &output.join(stem), opts, &quiet, None)
                        })
                        .map_err(|e| (file.clone(), e));
                    results.lock().expect("no worker panics holding the lock")[i] = Some(r);
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if progress {
                        eprint!("\r[{n}/{}] {}", files.len(), file.display());
                        if n == files.len() {
                            eprintln!();
                        }
                    }
                }
            });
        }
    });
    Ok(results
        .into_inner()
        .expect("workers finished")
        .into_iter()
        .map(|r| r.expect("every file rendered"))
        .collect())
}

pub(super) fn render_one(
    session: &Session,
    input: &Inputs,
    output: &Path,
    opts: WriteOpts,
    out: &Output,
    recorded: Option<&RenderInputs>,
) -> Result<()> {
    let r = session.render(input)?;
    // From here to the commit, no other meg writes into the folder.
    let _guard = hold(output, opts.dry_run, out)?;
    let old = Lock::read(output)?;
    if let Some(recorded) = recorded
        && old.as_ref().and_then(|l| l.render.as_ref()) != Some(recorded)
    {
        return Err(Error::Usage(format!(
            "{}: the inputs it records changed while meg rendered from them (another meg wrote there); run this again",
            output.join(LOCK_PATH).display()
        )));
    }
    let plan = write::plan(
        output,
        &r.files,
        old.as_ref().map(|l| l.without(&r.others)).as_ref(),
    )?;
    let changed = changed_inputs(old.as_ref(), input, output, &plan, opts);
    if out.verbose && !out.quiet {
        for line in super::decisions::lines(&r.lz, Some(&r.targets)) {
            println!("{line}");
        }
        if !r.others.is_empty() {
            println!(
                "left as they are (other environments): {}",
                r.others.join(", ")
            );
        }
    }
    if opts.dry_run {
        for (verb, paths) in [
            ("create", &plan.create),
            ("change", &plan.change),
            ("remove", &plan.remove),
        ] {
            for p in paths {
                let why = if plan.foreign.contains(p) {
                    "  (exists, not written by meg: needs --force)"
                } else if plan.conflicts.contains(p) {
                    "  (edited by hand: needs --force)"
                } else if verb == "remove" && !changed.is_empty() {
                    "  (the inputs changed: needs --prune)"
                } else {
                    ""
                };
                println!("{verb:7} {p}{why}");
            }
        }
        for line in &changed {
            out.note(format!("input changed since the last render: {line}"));
        }
        out.say(format!(
            "dry run: {} to create, {} to change, {} to remove, {} unchanged; nothing written",
            plan.create.len(),
            plan.change.len(),
            plan.remove.len(),
            plan.unchanged.len()
        ));
        return Ok(());
    }
    if !changed.is_empty() {
        return Err(dropped_inputs(output, &changed, &plan.remove));
    }
    if !plan.conflicts.is_empty() && !opts.force {
        return Err(Error::UserEdits {
            edited: plan
                .conflicts
                .iter()
                .filter(|c| !plan.foreign.contains(c))
                .cloned()
                .collect(),
            foreign: plan.foreign.clone(),
        });
    }
    let targets: Vec<String> = r.targets.iter().map(|t| t.dir().to_string()).collect();
    // The waves this render planned, for `meg diff`; an old record is emptied when the
    // landing zone has no waves any more.
    let waves = crate::output::wave_record::WaveRecord::bytes_for(output, &r.lz.wave_runs);
    let envs: Vec<&str> = r.lz.environments.iter().map(|e| e.name.as_str()).collect();
    let rendered = format!(
        "rendered {} ({}, environments: {})",
        r.lz.name,
        r.lz.strategy,
        envs.join(", ")
    );
    // The model is not needed to write the files: an inventory's servers are freed
    // meanwhile, on another core.
    let crate::session::Rendered {
        values,
        lz,
        files,
        others,
        ..
    } = r;
    std::thread::spawn(move || drop(lz));
    let (lock, base) = keep_others(
        output,
        &files,
        &others,
        old.as_ref(),
        Lock::new(&values, &session.catalog.version(), &targets, &files)
            .with_inputs(RenderInputs::of(input, output)),
    )?;
    write::apply_with_state(output, &files, &plan, &lock, &base, waves.as_deref())?;
    if out.verbose {
        for p in plan.create.iter().chain(&plan.change) {
            println!("wrote   {p}");
        }
        for p in &plan.remove {
            println!("removed {p}");
        }
        for p in &plan.unchanged {
            println!("unchanged {p}");
        }
    }
    out.say(format!(
        "{rendered} into {}: {} created, {} changed, {} removed, {} unchanged",
        output.display(),
        plan.create.len(),
        plan.change.len(),
        plan.remove.len(),
        plan.unchanged.len()
    ));
    if !plan.restored.is_empty() && !out.quiet {
        eprintln!(
            "note: restored {} file(s) that had been deleted: {}",
            plan.restored.len(),
            plan.restored.join(", ")
        );
    }
    Ok(())
}

/// The folder a landing zone of a batch renders into: its file's stem, if that is a plain
/// name (letters, digits, `-`, `_`, `.`, not starting with `.` or `-`), so that no file name
/// (`..yaml`, `...yaml`, `.yaml`, a name with a separator) can lead outside the output.
pub(super) fn zone_folder(file: &Path) -> std::result::Result<String, Diagnostic> {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let plain = !stem.is_empty()
        && stem.len() <= 200
        && !stem.starts_with(['.', '-'])
        && stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if plain {
        Ok(stem.to_string())
    } else {
        Err(Diagnostic::at(
            file.display().to_string(),
            format!(
                "'{}' cannot name the folder this landing zone renders into",
                file.file_stem().unwrap_or_default().to_string_lossy()
            ),
        )
        .hint("in a batch each file renders into OUT/<file name without .yaml>: rename it to letters, digits, '-', '_' or '.', not starting with '.' or '-'"))
    }
}
