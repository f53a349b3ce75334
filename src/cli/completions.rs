//! `meg completions SHELL`: clap's completion script, with the catalog's names as the values
//! the shell offers: strategies, components and top-level keys for `show`, strategies and
//! examples for `init`, and for `--env` the environments of the file being worked on.
//!
//! The catalog's names are written into the script when it is generated. The environments
//! cannot be: they are the user's. In bash, zsh and fish the script asks
//! `meg complete-env WORDS...` (`complete_env.rs`) at completion time, with the words typed so
//! far; PowerShell and Elvish scripts, which clap gives no value lists, offer the option only.
//! They are hints for the script only: parsing a command line never restricts the values to
//! them (`--env staging` and a `--catalog` overlay's strategies stay valid).

use clap::builder::PossibleValuesParser;

use crate::catalog::Catalog;
use crate::error::{EXIT_OK, Result};
use crate::input::schema::Schema;

use super::complete_env::ENV_COMMANDS;

/// The value list clap writes for `--env`, replaced below by a call to `meg complete-env`.
const ENV_PLACEHOLDER: &str = "__meg_environments__";

/// What replaces clap's `--env` value list in each shell's script: (clap's texts, ours).
fn env_completion(shell: clap_complete::Shell) -> Option<(Vec<String>, String)> {
    use clap_complete::Shell;
    let p = ENV_PLACEHOLDER;
    Some(match shell {
        // The words before the cursor; the program as typed, so `./meg` works too.
        Shell::Bash => (
            vec![format!(r#"compgen -W "{p}" -- "${{cur}}""#)],
            r#"compgen -W "$("${COMP_WORDS[0]}" complete-env -- "${COMP_WORDS[@]:0:COMP_CWORD}" 2>/dev/null)" -- "${cur}""#
                .to_string(),
        ),
        // `_values -s ,` completes each item of a comma list (`--env dev,prod`).
        Shell::Zsh => (
            vec![format!(":NAME:({p})")],
            r#":NAME:{_values -s , environment ${(f)"$(meg complete-env -- ${words[1,CURRENT-1]} 2>/dev/null)"}}"#
                .to_string(),
        ),
        Shell::Fish => (
            vec![format!(r#"-a "{p}\t''""#), format!(r#"-a "{p}""#)],
            r#"-a "(meg complete-env -- (commandline -opc) 2>/dev/null)""#.to_string(),
        ),
        _ => return None,
    })
}

pub(super) fn run(shell: clap_complete::Shell) -> Result<i32> {
    let catalog = Catalog::embedded();
    let schema = Schema::load(&catalog)?;
    // The process prints one script and exits: the names may live as long as it does.
    let leak = |v: Vec<String>| -> Vec<&'static str> {
        v.into_iter()
            .map(|s| &*Box::leak(s.into_boxed_str()))
            .collect()
    };
    let strategies = leak(catalog.stems("catalog/strategies"));
    let examples = leak(catalog.stems("examples"));
    let mut shown = strategies.clone();
    shown.extend(leak(catalog.stems("catalog/components")));
    if let Some(keys) = schema.doc["properties"].as_object() {
        shown.extend(leak(keys.keys().cloned().collect()));
    }
    let mut cmd = <super::args::Cli as clap::CommandFactory>::command()
        .mut_subcommand("show", |c| {
            c.mut_arg("name", |a| a.value_parser(PossibleValuesParser::new(shown)))
        })
        .mut_subcommand("init", |c| {
            c.mut_arg("strategy", |a| {
                a.value_parser(PossibleValuesParser::new(strategies.clone()))
            })
            .mut_arg("strategies", |a| {
                a.value_parser(PossibleValuesParser::new(strategies))
            })
            .mut_arg("example", |a| {
                a.value_parser(PossibleValuesParser::new(examples))
            })
        });
    let replace = env_completion(shell);
    if replace.is_some() {
        for name in ENV_COMMANDS {
            cmd = cmd.mut_subcommand(name, |c| {
                c.mut_arg("envs", |a| {
                    a.value_parser(PossibleValuesParser::new([ENV_PLACEHOLDER]))
                })
            });
        }
    }
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "meg", &mut script);
    let mut script = String::from_utf8(script).expect("clap writes UTF-8");
    if let Some((theirs, ours)) = replace {
        for text in &theirs {
            script = script.replace(text, &ours);
        }
        // The scripts' shape is clap_complete's: a new version that writes the list otherwise
        // must fail loudly here (and in tests/cli.rs), not ship a script offering the placeholder.
        assert!(
            !script.contains(ENV_PLACEHOLDER)
                && script.matches(&ours).count() == ENV_COMMANDS.len(),
            "clap_complete's {shell} script lists --env values as expected"
        );
    }
    print!("{script}");
    Ok(EXIT_OK)
}
