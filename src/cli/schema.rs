//! `meg schema`: the landing-zone file's JSON Schema for editors, and the line of a
//! landing-zone file that points an editor at it.
//!
//! The schema is the catalog's own (the one `validate` checks against), printed as it is: its
//! defaults and descriptions are what editors show on hover. This is not validation: meg
//! checks more than the schema can say (regions, address overlaps, names).

use std::path::Path;

use crate::error::{EXIT_OK, Error, Result};
use crate::session::Session;

use super::console::Output;

/// The file name `meg init` points at and writes beside the landing-zone file: a path relative
/// to the YAML file, which the YAML language server resolves without a network.
pub(super) const SCHEMA_FILE: &str = "meg.schema.json";

/// The first line of a file `meg init` writes: VS Code's YAML extension (yaml-language-server)
/// completes and checks keys against the schema it names.
pub(super) fn modeline() -> String {
    format!("# yaml-language-server: $schema={SCHEMA_FILE}")
}

/// The schema document as meg prints and writes it.
fn text(session: &Session) -> Result<String> {
    Ok(serde_json::to_string_pretty(&session.schema()?.doc).expect("a JSON value prints") + "\n")
}

pub(super) fn run(session: &Session, output: Option<&Path>, out: &Output) -> Result<i32> {
    let text = text(session)?;
    match output {
        None => print!("{text}"),
        Some(path) => {
            if path.is_dir() {
                return Err(Error::Usage(format!(
                    "{} is a folder; name the schema file, e.g. -o {}",
                    path.display(),
                    path.join(SCHEMA_FILE).display()
                )));
            }
            std::fs::write(path, text).map_err(|e| Error::io(path, e))?;
            out.say(format!(
                "wrote {}; point a landing-zone file at it with a first line: # yaml-language-server: $schema={}",
                path.display(),
                path.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    Ok(EXIT_OK)
}

/// Writes the schema beside `landing_zone` (as [`SCHEMA_FILE`]) unless a file of that name is
/// there already: one meg wrote earlier, or the user's. Returns what it did, for the report.
pub(super) fn write_beside(session: &Session, landing_zone: &Path) -> Result<String> {
    let path = landing_zone.with_file_name(SCHEMA_FILE);
    let text = text(session)?;
    if path.exists() {
        let same = std::fs::read(&path).is_ok_and(|old| old == text.as_bytes());
        return Ok(if same {
            format!("{} is up to date", path.display())
        } else {
            format!(
                "left {} as it is (refresh it with: meg schema -o {})",
                path.display(),
                path.display()
            )
        });
    }
    // The landing-zone file is written: a schema that cannot be is a note, not a failure.
    Ok(match std::fs::write(&path, text) {
        Ok(()) => format!(
            "wrote {} for editor completion (VS Code: the YAML extension)",
            path.display()
        ),
        Err(e) => format!(
            "could not write {} ({e}); editors complete keys once it exists: meg schema -o {}",
            path.display(),
            path.display()
        ),
    })
}
