//! Names that become file and folder names in the tree meg writes (an environment's
//! `<env>.tfvars` and `<env>.bicepparam`, a platform hub's `<hub>.tfvars`, a wave's
//! `waves/<wave>/`) must be names every checkout can hold. Windows reserves the device names
//! CON, PRN, AUX, NUL, COM0-9 and LPT0-9 with any extension, in any case ("Naming Files, Paths,
//! and Namespaces", Microsoft Learn, learn.microsoft.com/windows/win32/fileio/naming-a-file), and
//! Git for Windows refuses to check such a path out: a repository with `con.tfvars` breaks for
//! every Windows user of the team. The schema's name rules already keep these names to lower-case
//! letters, digits and hyphens, so case alone never makes two of them one file.
//! Not here: the characters a name may hold (the schema), Azure's own limits on resource names.

use crate::error::Diagnostic;

/// Whether Windows reserves `name` as a device (whatever follows a dot).
pub(crate) fn is_reserved_on_windows(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || (stem.len() == 4
            && (stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.as_bytes()[3].is_ascii_digit())
}

/// One error per name, `(what, JSON pointer of its key, name)`, that Windows reserves.
pub(crate) fn check<'a>(
    names: impl IntoIterator<Item = (&'a str, String, &'a str)>,
) -> Vec<Diagnostic> {
    names
        .into_iter()
        .filter(|(_, _, name)| is_reserved_on_windows(name))
        .map(|(what, pointer, name)| {
            // One of the paths the name becomes, as the user will look for it.
            let path = match what {
                "wave" => format!("terraform/waves/{name}/"),
                "hub" => format!("terraform/platform/{name}.tfvars"),
                _ => format!("terraform/environments/{name}.tfvars"),
            };
            Diagnostic::at_key(
                pointer,
                format!(
                    "{what} '{name}' would name paths such as {path}, which Windows reserves for a device: the repository could not be checked out there"
                ),
            )
            .hint(format!("choose another {what} name"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::is_reserved_on_windows;

    #[test]
    fn device_names_are_reserved_whatever_their_case_or_extension() {
        for name in ["con", "NUL", "aux", "prn", "com1", "lpt9", "con.tfvars"] {
            assert!(is_reserved_on_windows(name), "{name}");
        }
        for name in ["dev", "prod", "console", "com", "com10", "lpt", "nul1"] {
            assert!(!is_reserved_on_windows(name), "{name}");
        }
    }
}
