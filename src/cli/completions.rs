//! `meg completions SHELL`: clap's completion script, with the catalog's names as the values
//! the shell offers: strategies, components and top-level keys for `show`, strategies and
//! examples for `init`, and the preset environment names for `--env`.
//!
//! The names come from the embedded catalog when the script is generated, so the script is
//! static (no call back into meg at completion time) and works in every shell clap supports.
//! They are hints for the script only: parsing a command line never restricts the values to
//! them (`--env staging` and a `--catalog` overlay's strategies stay valid).

use clap::builder::PossibleValuesParser;

use crate::catalog::Catalog;
use crate::error::{EXIT_OK, Result};
use crate::input::schema::Schema;
use crate::model::TIERS;

/// The commands whose `--env` selects environments.
const ENV_COMMANDS: [&str; 5] = ["render", "validate", "lint", "diff", "update"];

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
    for name in ENV_COMMANDS {
        cmd = cmd.mut_subcommand(name, |c| {
            c.mut_arg("envs", |a| a.value_parser(PossibleValuesParser::new(TIERS)))
        });
    }
    clap_complete::generate(shell, &mut cmd, "meg", &mut std::io::stdout());
    Ok(EXIT_OK)
}
