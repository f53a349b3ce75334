//! The setting a lint finding is about, as `meg lint` prints it: its key path, and where the
//! input wrote it when it did (a finding about a preset's or a default value has no place in
//! the user's files). Not the rules nor their evaluation (`model::lint`).

use crate::error::KeyPath;
use crate::input::values::Values;
use crate::model::lint::Finding;

/// `network.hub.addressSpace (lz.yaml:12:9)`, or `None` for a finding about a derived fact
/// (its subjects name what fails) or about the environment as a whole.
pub(super) fn line(values: &Values, f: &Finding) -> Option<String> {
    if f.key_path.is_empty() || f.pointer.starts_with("/facts") {
        return None;
    }
    // A hub's finding points into the merged input already (`model::lint_hubs::locate`).
    let key = KeyPath {
        env: f.hub.is_none().then(|| f.environment.clone()),
        pointer: f.pointer.clone(),
    };
    Some(match crate::model::locate::written_at(values, &key) {
        Some(at) => format!("{} ({at})", f.key_path),
        None => format!(
            "{} (not set in the inputs: a preset's or default value)",
            f.key_path
        ),
    })
}
