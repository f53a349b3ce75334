//! What a command asks of the library, in plain types: the landing-zone inputs, the targets and
//! the CI system. The command line (`cli`) builds these at the edge; nothing below it sees clap.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// The inputs of a landing zone, shared by every command that resolves one.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// The landing-zone files, or folders of them (a batch); empty: the inputs recorded in the
    /// output's lock by the last render.
    pub inputs: Vec<PathBuf>,
    /// More value files, layered over the first in order (maps merge, lists replace).
    pub values: Vec<PathBuf>,
    /// `KEY.PATH=VALUE` settings applied last, typed like YAML.
    pub sets: Vec<String>,
    /// The environments to render (empty: all).
    pub envs: Vec<String>,
    /// The targets to render (empty: both).
    pub targets: Vec<Target>,
    /// The CI/CD system to write pipelines for, if any.
    pub pipeline: Option<CiSystem>,
}

impl Inputs {
    /// Whether any input but the landing-zone file was given (`-f`, `--set`, `--env`,
    /// `--target`, `--pipeline`).
    pub fn has_flags(&self) -> bool {
        !self.values.is_empty()
            || !self.sets.is_empty()
            || !self.envs.is_empty()
            || !self.targets.is_empty()
            || self.pipeline.is_some()
    }

    /// Every value file, the main one first.
    pub fn files(&self) -> Vec<PathBuf> {
        self.inputs
            .iter()
            .take(1)
            .cloned()
            .chain(self.values.iter().cloned())
            .collect()
    }

    /// The landing zones to render in a batch (several files, or the YAML files of a folder),
    /// or `None` for one landing zone.
    pub fn batch(&self) -> std::io::Result<Option<Vec<PathBuf>>> {
        if self.inputs.len() == 1 && !self.inputs[0].is_dir() {
            return Ok(None);
        }
        let mut files = Vec::new();
        for input in &self.inputs {
            if input.is_dir() {
                let mut found: Vec<PathBuf> = std::fs::read_dir(input)?
                    .map(|e| e.map(|e| e.path()))
                    .collect::<std::io::Result<_>>()?;
                found.retain(|p| {
                    p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml")
                });
                found.sort();
                files.extend(found);
            } else {
                files.push(input.clone());
            }
        }
        Ok(Some(files))
    }

    /// The targets asked for, both by default.
    pub fn targets(&self) -> Vec<Target> {
        if self.targets.is_empty() {
            Target::ALL.to_vec()
        } else {
            let mut t = self.targets.clone();
            t.sort();
            t.dedup();
            t
        }
    }
}

/// An infrastructure-as-code language meg renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// Azure Bicep.
    Bicep,
    /// HashiCorp Terraform with the azurerm provider.
    Terraform,
}

impl Target {
    /// The value of that name (its folder name, as typed on the command line).
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.dir() == name)
    }

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

/// CI/CD systems meg writes pipelines for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CiSystem {
    /// GitHub Actions.
    Github,
    /// Azure Pipelines (Azure DevOps).
    AzureDevops,
}

impl CiSystem {
    /// The value of that name (its folder name, as typed on the command line).
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.dir() == name)
    }

    /// Every system.
    pub const ALL: [CiSystem; 2] = [CiSystem::Github, CiSystem::AzureDevops];

    /// The template folder under `templates/pipelines/`.
    pub fn dir(self) -> &'static str {
        match self {
            CiSystem::Github => "github",
            CiSystem::AzureDevops => "azure-devops",
        }
    }
}
