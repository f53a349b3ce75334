//! The command line: its arguments ([`args`]) become a plain [`Inputs`] request at the edge,
//! and one short function per command composes the library's steps.

pub mod args;
mod check;
mod complete_env;
mod completions;
mod console;
mod decisions;
mod diff;
mod folder;
mod init;
mod json_errors;
mod lint;
mod lint_key;
mod list;
mod render;
mod schema;
mod show;
mod update;
mod validate;
mod yaml_text;

pub use args::Cli;
use console::Output;
use folder::WriteOpts;

use crate::cli::args::Command;
use crate::error::Result;
use crate::session::Session;

/// Runs a parsed command line and returns the exit code. A command run with `--json` prints
/// its errors as JSON on standard output (see [`json_errors`]) and exits with their code.
pub fn run(cli: Cli) -> Result<i32> {
    let json = match &cli.command {
        Command::List { json }
        | Command::Show { json, .. }
        | Command::Validate { json, .. }
        | Command::Lint { json, .. }
        | Command::Update { json, .. } => *json,
        Command::Diff { compare, .. } | Command::Check { compare, .. } => compare.json,
        _ => false,
    };
    match run_command(cli) {
        Err(e) if json => {
            let v = json_errors::errors_json(&e);
            println!("{}", serde_json::to_string_pretty(&v).expect("json"));
            Ok(e.exit_code())
        }
        done => done,
    }
}

fn run_command(cli: Cli) -> Result<i32> {
    if let Command::Completions { shell } = cli.command {
        return completions::run(shell);
    }
    if let Command::CompleteEnv { words } = &cli.command {
        return complete_env::run(words);
    }
    // Blessing writes references into a catalog folder; render with that folder's templates.
    let catalog_dir = match (&cli.command, &cli.catalog) {
        (Command::Check { bless: true, .. }, None) => Some(std::path::PathBuf::from(".")),
        (_, dir) => dir.clone(),
    };
    // One command per process: the session (catalog, schema, templates) lives until the
    // process exits, which frees it faster than dropping it piece by piece would.
    let session: &Session = Box::leak(Box::new(Session::open(catalog_dir.as_deref())?));
    let out = Output {
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    match cli.command {
        Command::List { json } => list::run(session, json),
        Command::Inventory {
            files,
            values,
            sets,
            json,
            export,
        } => crate::inventory::report::run(
            &session.catalog,
            session.schema()?,
            &crate::inventory::report::Request {
                files,
                values,
                sets,
                json,
                export: match export.as_slice() {
                    [format, out] => Some((format.clone(), std::path::PathBuf::from(out))),
                    _ => None,
                },
            },
        ),
        Command::Show { name, json } => show::run(session, &name, json),
        Command::Init {
            strategy,
            strategies,
            example,
            output,
            force,
        } => match example {
            Some(example) => init::run_example(session, &example, &output, force, &out),
            None => init::run(
                session,
                &strategy.into_iter().chain(strategies).collect::<Vec<_>>(),
                &output,
                force,
                &out,
            ),
        },
        Command::Schema { output } => schema::run(session, output.as_deref(), &out),
        Command::Render {
            input,
            output,
            dry_run,
            force,
            prune,
        } => render::run(
            session,
            &input.into(),
            &output,
            WriteOpts {
                dry_run,
                force,
                prune,
            },
            &out,
        ),
        Command::Validate { input, json } => validate::run(session, &input.into(), json, &out),
        Command::Lint { input, json } => lint::run(session, &input.into(), json, &out),
        Command::Completions { .. } | Command::CompleteEnv { .. } => {
            unreachable!("handled before the catalog is opened")
        }
        Command::Diff {
            input,
            output,
            compare,
        } => diff::run(session, &input.into(), &output, &compare, &out),
        Command::Update {
            input,
            output,
            dry_run,
            prune,
            json,
        } => update::run(
            session,
            &input.into(),
            &output,
            WriteOpts {
                dry_run,
                force: false,
                prune,
            },
            json,
            &out,
        ),
        Command::Check { bless, compare } => {
            check::run(session, catalog_dir.as_deref(), bless, &compare, &out)
        }
    }
}
