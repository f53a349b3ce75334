//! Command-line arguments: one definition of each flag drives parsing and `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::request::{CiSystem, Inputs, Target};

/// Renders Azure migration landing zones (rehost, refactor, hybrid) as Bicep and Terraform
/// from a CAF/WAF-aligned catalog.
#[derive(Debug, Parser)]
#[command(
    name = "meg",
    version,
    propagate_version = true,
    arg_required_else_help = true
)]
#[command(
    after_help = "Examples:\n  meg init hybrid -o landing-zone.yaml\n  meg render landing-zone.yaml -o out\n  meg render base.yaml -f prod.yaml --set firewall.tier=Premium --env prod -o out\n  meg list\n  meg show hybrid"
)]
pub struct Cli {
    /// Read templates and catalog files from this folder first (a folder laid out like meg's
    /// repository: catalog/, templates/, examples/); what it lacks comes from the embedded catalog.
    #[arg(long, global = true, value_name = "DIR")]
    pub catalog: Option<PathBuf>,
    /// Print only errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print more detail.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// meg's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the strategies, components, targets and examples of the catalog.
    #[command(after_help = "Examples:\n  meg list\n  meg list --json")]
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a strategy or component: what it deploys, its parameters and the WAF reasons behind its defaults.
    #[command(
        after_help = "Examples:\n  meg show hybrid\n  meg show hybrid,rehost,refactor\n  meg show firewall --json\n  meg show firewall.tier\n  meg show migration.virtualMachines"
    )]
    Show {
        /// A strategy (hybrid, rehost, refactor) or a comma list of them (hybrid,rehost: the
        /// combination), a component (see `meg list`) or a key path of
        /// the landing-zone file (firewall.tier, paas, migration.virtualMachines).
        name: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a commented starter landing-zone file that renders as it is.
    #[command(
        after_help = "Examples:\n  meg init hybrid\n  meg init rehost -o migration.yaml\n  meg init --strategy hybrid,rehost,refactor -o landing-zone.yaml\n  meg init --example refactor -o landing-zone.yaml\n\nThe file's first line points VS Code's YAML extension (and other editors) at meg.schema.json\nbeside it; meg init writes that schema there when it is missing (refresh it: meg schema -o FILE)."
    )]
    #[command(group(clap::ArgGroup::new("what").required(true).multiple(true).args(["strategy", "strategies", "example"])))]
    Init {
        /// The strategy: hybrid, rehost or refactor; a comma list (hybrid,rehost,refactor)
        /// combines them.
        #[arg(conflicts_with = "example")]
        strategy: Option<String>,
        /// A strategy to combine (repeat it, or give a comma list): `--strategy hybrid,rehost,refactor`.
        #[arg(
            long = "strategy",
            id = "strategies",
            value_name = "NAME",
            conflicts_with = "example"
        )]
        strategies: Vec<String>,
        /// Write one of the catalog's examples instead of a starter (`meg list` names them).
        #[arg(long, value_name = "NAME")]
        example: Option<String>,
        /// Where to write the file.
        #[arg(short, long, default_value = "landing-zone.yaml")]
        output: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Render a landing zone into DIR/bicep and DIR/terraform.
    #[command(
        mut_arg("inputs", |a| a.help(RENDER_FILES)),
        after_help = "Examples:\n  meg render examples/hybrid.yaml -o out\n  meg render base.yaml -f prod.yaml --set firewall.tier=Premium -o out\n  meg render lz.yaml --target terraform --env prod -o out --dry-run\n  meg render -o out     # again, from the inputs out/.meg/lock.json records"
    )]
    Render {
        /// The landing-zone inputs.
        #[command(flatten)]
        input: InputArgs,
        /// Output folder.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// List what would be created, changed or removed, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Overwrite files changed by hand since meg wrote them (implies --prune).
        #[arg(long)]
        force: bool,
        /// Remove the files meg wrote before that this render no longer has, even when the
        /// inputs differ from the ones recorded last time (a dropped -f file or --pipeline).
        #[arg(long)]
        prune: bool,
    },
    /// Show how a rendered tree differs from what meg would render now (exit 1 when it does).
    #[command(
        mut_arg("inputs", |a| a.help(AGAIN_FILE)),
        after_help = "Examples:\n  meg diff landing-zone.yaml -o out\n  meg diff base.yaml -f prod.yaml -o out --stat\n  meg diff landing-zone.yaml -o out --json   # for CI"
    )]
    Diff {
        /// The landing-zone inputs.
        #[command(flatten)]
        input: InputArgs,
        /// The rendered tree to compare.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Output options.
        #[command(flatten)]
        compare: CompareArgs,
    },
    /// Merge a new render into a tree you edited: your edits stay, real conflicts are marked (exit 1).
    #[command(
        mut_arg("inputs", |a| a.help(AGAIN_FILE)),
        after_help = "Examples:\n  meg update landing-zone.yaml -o out\n  meg update landing-zone.yaml -o out --catalog ../company-catalog --dry-run"
    )]
    Update {
        /// The landing-zone inputs.
        #[command(flatten)]
        input: InputArgs,
        /// The rendered tree to update.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Report what would happen and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Remove the files the new render drops even when the inputs differ from the ones
        /// recorded last time.
        #[arg(long)]
        prune: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Re-render every example of the catalog and compare it with its reference snapshot (exit 1 on a difference).
    #[command(
        after_help = "Examples:\n  meg check\n  meg check --catalog . --bless      # accept the new renders as references\n  meg check --catalog ../company-catalog --json"
    )]
    Check {
        /// Write the new renders as the references (into --catalog DIR, or the current folder).
        #[arg(long)]
        bless: bool,
        /// Output options.
        #[command(flatten)]
        compare: CompareArgs,
    },
    /// Check the landing zone against the catalog's WAF/CAF rules (exit 1 when an error-level rule fails).
    #[command(
        after_help = "Examples:\n  meg lint landing-zone.yaml\n  meg lint base.yaml -f prod.yaml --env prod --json"
    )]
    Lint {
        /// The landing-zone inputs.
        #[command(flatten)]
        input: InputArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of the landing-zone file, for editors (completion and checks).
    #[command(
        after_help = "Examples:\n  meg schema -o meg.schema.json\n  meg schema > landing-zone.schema.json\n\nVS Code (YAML extension) reads it from a first line of the landing-zone file:\n  # yaml-language-server: $schema=meg.schema.json"
    )]
    Schema {
        /// Write the schema to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  meg completions bash > ~/.local/share/bash-completion/completions/meg\n  meg completions zsh > ~/.zfunc/_meg"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// The environment names `--env` completes to: those of the landing-zone file (and `-f`
    /// files) on the command line being completed, one a line. Called by the completion scripts.
    #[command(hide = true, name = "complete-env")]
    CompleteEnv {
        /// The words of the command line before the one being completed.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, num_args = 0..)]
        words: Vec<String>,
    },
    /// Show the servers of an inventory as meg migrates them: environment, wave, spoke, subnet, size and why, disks.
    #[command(
        after_help = "Examples:\n  meg inventory landing-zone.yaml            # the files and rules of migration.inventory\n  meg inventory RVTools_export.xlsx --json    # an export on its own, nothing placed\n  meg inventory landing-zone.yaml --export azure-migrate-import servers.csv"
    )]
    Inventory {
        /// A landing-zone file whose migration.inventory names the files, or inventory files
        /// (Azure Migrate import CSV, RVTools CSV/XLSX, assessment exports).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// More value files, layered over the landing-zone file.
        #[arg(short = 'f', long = "values", value_name = "FILE")]
        values: Vec<PathBuf>,
        /// Set a value of the landing zone, applied last.
        #[arg(long = "set", value_name = "KEY.PATH=VALUE")]
        sets: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Also write the servers in another format: azure-migrate-import OUT.csv.
        #[arg(long, num_args = 2, value_names = ["FORMAT", "OUT"])]
        export: Vec<String>,
    },
    /// Run every check of render without writing anything.
    #[command(
        after_help = "Examples:\n  meg validate examples/hybrid.yaml\n  meg validate base.yaml -f prod.yaml --json"
    )]
    Validate {
        /// The landing-zone inputs.
        #[command(flatten)]
        input: InputArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `meg render`'s FILE: the one command that takes several landing zones.
const RENDER_FILES: &str = "The landing-zone file; or several files, or a folder of them, each rendered into its own subfolder of the output, in parallel. Without a file: the inputs the output's lock recorded at the last render";

/// `meg diff` and `meg update`'s FILE: one landing zone, or the one the lock recorded.
const AGAIN_FILE: &str = "The landing-zone file (one). Without it: the inputs the output's lock recorded at the last render";

/// Options for the commands that compare trees.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Print a summary line per file instead of the diffs.
    #[arg(long)]
    pub stat: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// The inputs of a landing zone, shared by every command that resolves one.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// The landing-zone file (one).
    #[arg(num_args = 0.., value_name = "FILE")]
    pub inputs: Vec<PathBuf>,
    /// More value files, layered over the first in order (maps merge, lists replace).
    #[arg(short = 'f', long = "values", value_name = "FILE")]
    pub values: Vec<PathBuf>,
    /// Set a value, applied last and typed like YAML: --set firewall.tier=Premium --set monitoring.retentionDays=90.
    #[arg(long = "set", value_name = "KEY.PATH=VALUE")]
    pub sets: Vec<String>,
    /// Render only these environments (default: all): --env dev,prod or --env dev --env prod.
    #[arg(long = "env", value_name = "NAME", value_delimiter = ',')]
    pub envs: Vec<String>,
    /// Render only these targets (default: both).
    #[arg(long = "target", value_enum, value_name = "TARGET")]
    pub targets: Vec<Target>,
    /// Also render CI/CD pipeline files for this system (validate and preview on pull
    /// requests, deploy environment after environment on the main branch).
    #[arg(long, value_enum, value_name = "SYSTEM")]
    pub pipeline: Option<CiSystem>,
}

impl From<InputArgs> for Inputs {
    fn from(a: InputArgs) -> Self {
        Inputs {
            inputs: a.inputs,
            values: a.values,
            sets: a.sets,
            envs: a.envs,
            targets: a.targets,
            pipeline: a.pipeline,
        }
    }
}

// The request's closed sets spell their command-line values here, so the library never
// depends on clap.
impl ValueEnum for Target {
    fn value_variants<'a>() -> &'a [Self] {
        &Target::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.dir()).help(match self {
            Target::Bicep => "Azure Bicep",
            Target::Terraform => "HashiCorp Terraform with the azurerm provider",
        }))
    }
}

impl ValueEnum for CiSystem {
    fn value_variants<'a>() -> &'a [Self] {
        &CiSystem::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.dir()).help(match self {
            CiSystem::Github => "GitHub Actions",
            CiSystem::AzureDevops => "Azure Pipelines (Azure DevOps)",
        }))
    }
}
