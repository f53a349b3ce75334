//! `meg complete-env WORDS...` (hidden): the environment names `--env` completes to, read from
//! the landing-zone file (and its `-f` value files) named on the command line being completed.
//!
//! The completion scripts of bash, zsh and fish (`meg completions SHELL`) call it when the
//! cursor follows `--env`, passing the words typed so far, and throw its standard error away:
//! so a file with a mistake offers nothing rather than printing into the prompt, while the
//! command itself still reports the mistake as every command does (file, line, exit 2). Without a
//! file on the line it offers the preset names. Not here: the scripts (`completions.rs`).
//!
//! The file is read before the schema has judged it, and what this prints the shells take as
//! code, not text: bash's `compgen -W` expands every word (`$(...)` runs), zsh's `_values`
//! parses `name[text]:message:action` (an action runs). So only keys the schema allows as
//! environment names (lower-case letters and digits) are offered; any other key is left out.

use std::path::PathBuf;

use clap::CommandFactory as _;

use crate::error::{Diagnostic, EXIT_OK, Error, Result};
use crate::input::values::Values;
use crate::model::TIERS;

use super::args::Cli;

/// The commands whose `--env` selects environments.
pub(super) const ENV_COMMANDS: [&str; 5] = ["render", "validate", "lint", "diff", "update"];

pub(super) fn run(words: &[String]) -> Result<i32> {
    for name in environments(words)? {
        println!("{name}");
    }
    Ok(EXIT_OK)
}

/// The environments of the landing zone the words name, else the presets.
pub(super) fn environments(words: &[String]) -> Result<Vec<String>> {
    let presets = || TIERS.iter().map(|t| t.to_string()).collect();
    // Shells pass the program's name, or not (zsh's subcommand context starts at the command).
    let Some(start) = words
        .iter()
        .position(|w| ENV_COMMANDS.contains(&w.as_str()))
    else {
        return Ok(presets());
    };
    let mut line: Vec<String> = words[start..].to_vec();
    // The `--env` whose value is being completed has no value yet.
    while line
        .last()
        .is_some_and(|w| w == "--env" || w.starts_with("--env="))
    {
        line.pop();
    }
    let argv = std::iter::once("meg".to_string()).chain(line);
    // A line being typed lacks what the command requires (`-o`): parse what is there.
    let matches = Cli::command()
        .ignore_errors(true)
        .try_get_matches_from(argv)
        .map_err(|e| {
            Error::Usage(format!(
                "the command line does not parse: {}",
                e.to_string().lines().next().unwrap_or_default()
            ))
        })?;
    let Some((_, sub)) = matches.subcommand() else {
        return Ok(presets());
    };
    let paths = |id: &str| -> Vec<PathBuf> {
        sub.try_get_many::<PathBuf>(id)
            .ok()
            .flatten()
            .map(|v| v.cloned().collect())
            .unwrap_or_default()
    };
    let Some(first) = paths("inputs").into_iter().next() else {
        return Ok(presets());
    };
    if first.is_dir() {
        // A folder of landing zones: each has its own environments.
        return Ok(presets());
    }
    let files: Vec<PathBuf> = std::iter::once(first.clone())
        .chain(paths("values"))
        .collect();
    let values = Values::load(&files, &[])?;
    match values.merged.get("environments") {
        None => Ok(presets()),
        Some(serde_json::Value::Object(envs)) => {
            let allowed = environment_name_rule()?;
            Ok(envs.keys().filter(|k| allowed(k)).cloned().collect())
        }
        Some(_) => Err(Error::Input(vec![
            Diagnostic::at(
                first.display().to_string(),
                "environments is not a map of environment names",
            )
            .hint("environments: {dev: {...}, prod: {...}}"),
        ])),
    }
}

/// Whether a key is an environment name, by the schema's rule for the keys of `environments`
/// (its `propertyNames` pattern and lengths): the one rule `meg validate` applies.
fn environment_name_rule() -> Result<impl Fn(&str) -> bool> {
    let catalog = crate::catalog::Catalog::embedded();
    let schema = crate::input::schema::Schema::load(&catalog)?;
    let names = schema
        .at("/environments")
        .and_then(|n| n.get("propertyNames"))
        .cloned()
        .unwrap_or_default();
    let pattern = names
        .get("pattern")
        .and_then(serde_json::Value::as_str)
        .and_then(|p| regex_lite::Regex::new(p).ok());
    let max = names.get("maxLength").and_then(serde_json::Value::as_u64);
    Ok(move |key: &str| {
        // Without a pattern nothing is known to be safe: nothing is offered.
        pattern.as_ref().is_some_and(|r| r.is_match(key))
            && max.is_none_or(|m| key.chars().count() as u64 <= m)
    })
}
