//! The waves a landing-zone file declares (`migration.waves`: a list of `{name, servers}`,
//! servers by name or `*` pattern) and the largest wave it allows (`migration.waveSize`),
//! read from the layered values with the file and line of every entry.
//!
//! The values are read as untrusted even after the schema check: a wrong shape, a name that
//! is not a wave name, two waves of one name or one server named twice is an error at the
//! entry. Which servers the entries match is `waves`' business, not this file's.

use serde_json::Value;

use super::wave::{MAX_NAME, is_wave_name};
use crate::error::{Diagnostic, Error, Result};
use crate::input::values::{Values, pointer_token};

/// Where the declared waves sit.
pub const WAVES: &str = "/migration/waves";
/// Where the largest wave size sits.
pub const WAVE_SIZE: &str = "/migration/waveSize";

/// The largest derived wave when `migration.waveSize` is unset.
///
/// Azure Migrate's agentless VMware migration replicates at most 300 VMs at once per vCenter
/// Server with one appliance, and 500 with a scale-out appliance
/// (learn.microsoft.com/azure/migrate/migrate-support-matrix-vmware-migration, "Simultaneous
/// replication"; .../how-to-scale-out-for-migration). A wave's pipeline starts replicating all
/// its servers at once and a wave starts only once the one before it has cut over
/// (`waves/wave.sh check-order`), so a wave of at most 300 stays inside the limit even when
/// all its servers sit behind one vCenter Server and one appliance.
pub const DEFAULT_WAVE_SIZE: usize = 300;

/// Simultaneous replications per vCenter Server with a scale-out appliance (see
/// [`DEFAULT_WAVE_SIZE`]): a larger `migration.waveSize` is warned about.
pub const SCALE_OUT_REPLICATIONS: usize = 500;

/// The waves of the landing-zone file, and the largest wave.
#[derive(Debug, Clone, Default)]
pub struct WaveSettings {
    /// In the order written: the order they run within an environment.
    pub waves: Vec<DeclaredWave>,
    /// The most servers a derived wave holds, as `migration.waveSize` says; [`Self::max`]
    /// gives the default when it is unset.
    pub max_size: Option<usize>,
}

impl WaveSettings {
    /// The most servers a derived wave holds: `migration.waveSize`, else [`DEFAULT_WAVE_SIZE`].
    pub fn max(&self) -> usize {
        self.max_size.unwrap_or(DEFAULT_WAVE_SIZE)
    }

    /// `migration.waveSize (N)` or `the default wave size (300, ...)`, for messages.
    pub fn describe_max(&self) -> String {
        match self.max_size {
            Some(n) => format!("migration.waveSize ({n})"),
            None => format!(
                "the default wave size ({DEFAULT_WAVE_SIZE}: Azure Migrate replicates at most {DEFAULT_WAVE_SIZE} VMware VMs at once per vCenter Server with one appliance; set migration.waveSize to change it)"
            ),
        }
    }
}

/// One declared wave.
#[derive(Debug, Clone)]
pub struct DeclaredWave {
    /// Its name, a wave name.
    pub name: String,
    /// Where the name is written (`lz.yaml:12:11: migration.waves[0].name`).
    pub at: String,
    /// Its server names and patterns.
    pub servers: Vec<DeclaredServer>,
}

/// A server name or pattern of a declared wave.
#[derive(Debug, Clone)]
pub struct DeclaredServer {
    /// As written: a server name (or host name), or a pattern with `*`.
    pub text: String,
    /// Where it is written.
    pub at: String,
}

impl DeclaredServer {
    /// Whether it is a pattern (`web*`) rather than one server's name.
    pub fn is_pattern(&self) -> bool {
        self.text.contains('*')
    }
}

/// Reads `migration.waves` and `migration.waveSize`; both belong at the top level.
pub fn read(values: &Values) -> Result<WaveSettings> {
    if let Some(envs) = values.merged.get("environments").and_then(Value::as_object) {
        for name in envs.keys() {
            for key in [WAVES, WAVE_SIZE] {
                let p = format!("/environments/{}{key}", pointer_token(name));
                if values.merged.pointer(&p).is_some() {
                    return Err(Error::input(
                        Diagnostic::at(
                            values.locate(&p),
                            "migration waves belong at the top level: a wave plan spans the environments",
                        )
                        .hint("move it out of environments; each wave's servers say which environment it moves into"),
                    ));
                }
            }
        }
    }
    let mut problems = Vec::new();
    let mut out = WaveSettings::default();
    if let Some(v) = values.merged.pointer(WAVE_SIZE) {
        match v.as_u64().filter(|n| *n >= 1) {
            Some(n) => out.max_size = Some(usize::try_from(n).unwrap_or(usize::MAX)),
            None => problems.push(
                Diagnostic::at(values.locate(WAVE_SIZE), format!("{v} is not a wave size"))
                    .hint("the most servers a wave moves: a whole number of at least 1"),
            ),
        }
    }
    let waves = match values.merged.pointer(WAVES) {
        None => &Vec::new(),
        Some(Value::Array(list)) => list,
        Some(_) => {
            return Err(Error::input(
                Diagnostic::at(values.locate(WAVES), "migration.waves is not a list")
                    .hint("a list of waves: - {name: pilot, servers: [web01, \"app*\"]}"),
            ));
        }
    };
    // Lower-case name or server text to where it was first written (and in which wave).
    let mut names: std::collections::HashMap<String, String> = Default::default();
    let mut servers: std::collections::HashMap<String, (String, String)> = Default::default();
    for (i, wave) in waves.iter().enumerate() {
        let base = format!("{WAVES}/{i}");
        let name_at = format!("{base}/name");
        let Some(name) = wave.get("name").and_then(Value::as_str) else {
            problems.push(
                Diagnostic::at(values.locate(&base), "this wave has no name")
                    .hint("give it one: name: pilot"),
            );
            continue;
        };
        let at = values.locate(&name_at);
        if !is_wave_name(name) {
            problems.push(
                Diagnostic::at(at.clone(), format!("'{name}' is not a wave name"))
                    .hint(format!("1 to {MAX_NAME} lower-case letters, digits and hyphens, starting and ending with a letter or digit, such as pilot or prod-wave-1; it names folders and deployments")),
            );
        }
        if let Some(first) = names.insert(name.to_string(), at.clone()) {
            problems.push(Diagnostic::at(
                at.clone(),
                format!("wave '{name}' is declared twice; the first is at {first}"),
            ));
        }
        let list = match wave.get("servers") {
            Some(Value::Array(list)) if !list.is_empty() => list.as_slice(),
            _ => {
                problems.push(
                    Diagnostic::at(values.locate(&base), format!("wave '{name}' lists no servers"))
                        .hint("servers: [web01, \"app*\"] (names as the inventory gives them, * wildcards)"),
                );
                continue;
            }
        };
        let mut declared = DeclaredWave {
            name: name.to_string(),
            at,
            servers: Vec::new(),
        };
        for (j, s) in list.iter().enumerate() {
            let p = format!("{base}/servers/{j}");
            let entry_at = values.locate(&p);
            let Some(text) = s.as_str().map(str::trim).filter(|t| !t.is_empty()) else {
                problems.push(Diagnostic::at(
                    entry_at,
                    "a server of a wave is a name or a pattern (text)",
                ));
                continue;
            };
            let entry = DeclaredServer {
                text: text.to_string(),
                at: entry_at,
            };
            if !entry.is_pattern()
                && let Some((first_wave, first_at)) =
                    servers.insert(text.to_lowercase(), (name.to_string(), entry.at.clone()))
            {
                problems.push(
                    Diagnostic::at(
                        entry.at.clone(),
                        format!(
                            "server '{text}' is named twice in migration.waves: here in wave '{name}', and in wave '{first_wave}' at {first_at}"
                        ),
                    )
                    .hint("a server moves in exactly one wave: keep one of the two"),
                );
            }
            declared.servers.push(entry);
        }
        out.waves.push(declared);
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::Input(problems))
    }
}
