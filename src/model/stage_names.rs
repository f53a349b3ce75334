//! The names a pipeline gives each deployment root: its stage (`governance`, `platform-<hub>`,
//! `<env>`), from which come its jobs or stages, its GitHub environments (`<stage>`,
//! `<stage>-plan`, `<stage>-preview`) and its Azure DevOps environment, service connections and
//! variable group (`<landing zone>-<stage>...`); and the check that no two roots share one.
//!
//! Apart from `model::rollout` so that the model can refuse a clash while it resolves, without
//! depending on the rollout it feeds. Not here: the order of the roots or what each deploys.

use serde::Serialize;

use crate::error::Diagnostic;

/// A root's stage, as the pipelines name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageName {
    /// In job names and environments (`platform-nonprod`).
    pub stage: String,
    /// As an Azure Pipelines stage identifier, which takes no hyphen (`platform_nonprod`).
    pub stage_id: String,
}

impl StageName {
    /// The stage of governance.
    pub fn governance() -> Self {
        Self::new("governance".into())
    }

    /// The stage of a platform hub.
    pub fn platform(hub: &str) -> Self {
        Self::new(format!("platform-{hub}"))
    }

    /// The stage of an environment: its name.
    pub fn environment(env: &str) -> Self {
        Self::new(env.to_string())
    }

    fn new(stage: String) -> Self {
        StageName {
            stage_id: stage.replace('-', "_"),
            stage,
        }
    }
}

/// A root whose names are checked: its stage, what it is in plain words, and its key path.
pub(crate) struct Named {
    /// Its stage.
    pub stage: StageName,
    /// `governance`, `hub 'nonprod'`, `environment 'dev'`.
    pub what: String,
    /// Where the input declares it (`/hubs/nonprod`).
    pub key: String,
}

/// The first pipeline name two roots would share (an environment `platform` beside a hub
/// `plan`: `platform-plan` would be both the environment's plan and the hub's deployment).
pub(crate) fn clash(roots: &[Named]) -> Option<Diagnostic> {
    let mut seen: Vec<(String, &Named, &str)> = Vec::new();
    for root in roots {
        for (suffix, role) in [
            ("", "deployment"),
            ("-plan", "plan"),
            ("-preview", "preview"),
        ] {
            let name = format!("{}{suffix}", root.stage.stage);
            if let Some((_, other, other_role)) = seen.iter().find(|(n, _, _)| *n == name) {
                return Some(
                    Diagnostic::at_key(
                        root.key.clone(),
                        format!(
                            "{} and {} would share the pipeline name '{name}' (the {role} of {}, the {other_role} of {}): each root needs an identity and an approval of its own",
                            other.what, root.what, root.what, other.what,
                        ),
                    )
                    .hint(format!("rename {} or {}", root.what, other.what)),
                );
            }
            seen.push((name, root, role));
        }
    }
    None
}
