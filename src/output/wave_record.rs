//! `.meg/waves.json`: the waves the last render planned, server by server (wave, environment,
//! spoke, subnet, size), so that `meg diff` can say what the inventory changed since: servers
//! added, removed, resized, moved to another wave or spoke.
//!
//! It is meg's own state, written in the same transaction as the lock, and read back as
//! untrusted input: a size limit, a closed schema, wave names that are plain segments, each
//! server once; anything else is a clear error that names the file, and nothing is changed.
//! It is not the plan itself: the inventory and the landing-zone file stay the only inputs.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::wave_runs::{WaveRun, is_wave_name};

/// The record's path inside the output.
pub const WAVES_PATH: &str = ".meg/waves.json";

/// A record larger than this is refused unread: 20,000 servers (Azure Migrate's import limit)
/// take about 4 MB.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;

/// The format this meg writes and reads.
const VERSION: u32 = 1;

/// The waves of one render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WaveRecord {
    /// Format version.
    pub record_version: u32,
    /// Each wave, in the order they run.
    pub waves: Vec<RecordedWave>,
}

/// One wave of the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecordedWave {
    /// The wave's name.
    pub name: String,
    /// Its environment.
    pub environment: String,
    /// Its servers, in cutover order.
    pub servers: Vec<RecordedServer>,
}

/// One server of a recorded wave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecordedServer {
    /// The name on premises.
    pub name: String,
    /// Its VM's name in Azure.
    pub vm_name: String,
    /// The Azure size.
    pub size: String,
    /// The spoke it lands in.
    pub spoke: String,
    /// The subnet of that spoke.
    pub subnet: String,
}

impl WaveRecord {
    /// The record of a render's waves.
    pub fn of(waves: &[WaveRun]) -> Self {
        WaveRecord {
            record_version: VERSION,
            waves: waves
                .iter()
                .map(|w| RecordedWave {
                    name: w.name.clone(),
                    environment: w.environment.clone(),
                    servers: w
                        .servers
                        .iter()
                        .map(|s| RecordedServer {
                            name: s.source_name.clone(),
                            vm_name: s.vm_name.clone(),
                            size: s.size.clone(),
                            spoke: s.spoke.clone(),
                            subnet: s.subnet.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The bytes a write of `out` records for these waves: `None` when there is nothing to
    /// record nor an old record to empty (a landing zone that never had waves). Render and
    /// update both write through it, so `meg diff` compares with whichever wrote last.
    pub fn bytes_for(out: &Path, waves: &[WaveRun]) -> Option<Vec<u8>> {
        (!waves.is_empty() || out.join(WAVES_PATH).exists()).then(|| Self::of(waves).to_bytes())
    }

    /// Stable JSON, one server a line.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut s = serde_json::to_string_pretty(self).expect("a record always serializes");
        s.push('\n');
        s.into_bytes()
    }

    /// Reads the record of an output folder: `None` when there is none (never rendered with
    /// waves, or rendered by a meg that kept no record).
    pub fn read(out: &Path) -> Result<Option<Self>> {
        let path = out.join(WAVES_PATH);
        let damaged = |why: String| {
            Error::Usage(format!(
                "{}: the record of the last render's waves is damaged ({why}); restore it from version control, or render again to rewrite it (meg diff then compares with that render)",
                path.display()
            ))
        };
        // A pipe or a device in its place is refused unread, as is anything above the limit.
        let bytes = match crate::read_back::read(&path, MAX_BYTES) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                return Err(damaged(format!(
                    "larger than {} MiB",
                    MAX_BYTES / 1024 / 1024
                )));
            }
            Err(e) => return Err(Error::io(&path, e)),
        };
        let record: WaveRecord =
            serde_json::from_slice(&bytes).map_err(|e| damaged(e.to_string()))?;
        record.check().map_err(damaged)?;
        Ok(Some(record))
    }

    /// What the schema cannot say: the version, plain wave names, each server once.
    fn check(&self) -> std::result::Result<(), String> {
        if self.record_version != VERSION {
            return Err(format!(
                "recordVersion {} is not {VERSION}, the version this meg writes",
                self.record_version
            ));
        }
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for w in &self.waves {
            if !is_wave_name(&w.name) {
                return Err(format!("'{}' is not a wave name", w.name.escape_debug()));
            }
            // `meg diff` prints these to a terminal: an escape sequence in a hand-edited record
            // could rewrite what the user sees (or the window's title).
            let texts = std::iter::once(("environment", &w.environment)).chain(
                w.servers.iter().flat_map(|s| {
                    [
                        ("name", &s.name),
                        ("vmName", &s.vm_name),
                        ("size", &s.size),
                        ("spoke", &s.spoke),
                        ("subnet", &s.subnet),
                    ]
                }),
            );
            for (field, text) in texts {
                if text.chars().any(char::is_control) || text.len() > 255 {
                    return Err(format!(
                        "wave {} has a {field} with control characters or over 255 bytes: \"{}\"",
                        w.name,
                        text.chars().take(80).collect::<String>().escape_debug()
                    ));
                }
            }
            for s in &w.servers {
                if s.name.is_empty() || s.name.len() > 255 {
                    return Err(format!(
                        "wave {} lists a server name of {} characters",
                        w.name,
                        s.name.len()
                    ));
                }
                if let Some(other) = seen.insert(s.name.to_lowercase(), &w.name) {
                    return Err(format!(
                        "server '{}' is in waves {other} and {}",
                        s.name, w.name
                    ));
                }
            }
        }
        Ok(())
    }
}

/// How a server changed since the last render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "change")]
pub enum ServerChange {
    /// New in the inventory.
    Added {
        /// The server.
        server: String,
        /// Its size.
        size: String,
    },
    /// No longer in the inventory.
    Removed {
        /// The server.
        server: String,
    },
    /// Another Azure size.
    Resized {
        /// The server.
        server: String,
        /// The size before.
        from: String,
        /// The size now.
        to: String,
    },
    /// In another wave now: listed under the wave it is in now.
    MovedFromWave {
        /// The server.
        server: String,
        /// The wave it was in.
        from: String,
    },
    /// In the same wave, in another spoke or subnet.
    MovedSpoke {
        /// The server.
        server: String,
        /// `spoke/subnet` before.
        from: String,
        /// `spoke/subnet` now.
        to: String,
    },
}

/// The changes of one wave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WaveChanges {
    /// The wave (a removed server is listed under the wave it was in).
    pub wave: String,
    /// What changed, servers in the order of the wave.
    pub changes: Vec<ServerChange>,
}

/// What changed from the recorded waves to the new ones, per wave (waves without a change are
/// left out; the new waves' order first, then waves that are gone).
pub fn changes(old: &WaveRecord, new: &WaveRecord) -> Vec<WaveChanges> {
    let index = |r: &WaveRecord| -> BTreeMap<String, (String, RecordedServer)> {
        r.waves
            .iter()
            .flat_map(|w| {
                w.servers
                    .iter()
                    .map(|s| (s.name.to_lowercase(), (w.name.clone(), s.clone())))
            })
            .collect()
    };
    let (before, after) = (index(old), index(new));
    let mut per_wave: Vec<WaveChanges> = Vec::new();
    let mut push =
        |wave: &str, change: ServerChange| match per_wave.iter_mut().find(|w| w.wave == wave) {
            Some(w) => w.changes.push(change),
            None => per_wave.push(WaveChanges {
                wave: wave.to_string(),
                changes: vec![change],
            }),
        };
    for w in &new.waves {
        for s in &w.servers {
            let Some((was_in, was)) = before.get(&s.name.to_lowercase()) else {
                push(
                    &w.name,
                    ServerChange::Added {
                        server: s.name.clone(),
                        size: s.size.clone(),
                    },
                );
                continue;
            };
            if was_in != &w.name {
                push(
                    &w.name,
                    ServerChange::MovedFromWave {
                        server: s.name.clone(),
                        from: was_in.clone(),
                    },
                );
            } else if (&was.spoke, &was.subnet) != (&s.spoke, &s.subnet) {
                push(
                    &w.name,
                    ServerChange::MovedSpoke {
                        server: s.name.clone(),
                        from: format!("{}/{}", was.spoke, was.subnet),
                        to: format!("{}/{}", s.spoke, s.subnet),
                    },
                );
            }
            if was.size != s.size {
                push(
                    &w.name,
                    ServerChange::Resized {
                        server: s.name.clone(),
                        from: was.size.clone(),
                        to: s.size.clone(),
                    },
                );
            }
        }
    }
    for w in &old.waves {
        for s in &w.servers {
            if !after.contains_key(&s.name.to_lowercase()) {
                push(
                    &w.name,
                    ServerChange::Removed {
                        server: s.name.clone(),
                    },
                );
            }
        }
    }
    per_wave
}

/// One line per change, for `meg diff`.
pub fn describe(changes: &[WaveChanges]) -> Vec<String> {
    let mut lines = Vec::new();
    for w in changes {
        for c in &w.changes {
            lines.push(match c {
                ServerChange::Added { server, size } => {
                    format!("wave {}: {server} added ({size})", w.wave)
                }
                ServerChange::Removed { server } => format!("wave {}: {server} removed", w.wave),
                ServerChange::Resized { server, from, to } => {
                    format!("wave {}: {server} resized from {from} to {to}", w.wave)
                }
                ServerChange::MovedFromWave { server, from } => {
                    format!("wave {}: {server} moved here from wave {from}", w.wave)
                }
                ServerChange::MovedSpoke { server, from, to } => {
                    format!("wave {}: {server} moved from {from} to {to}", w.wave)
                }
            });
        }
    }
    lines
}
