//! Files the new render moved to the platform root: when a landing zone starts declaring
//! `hubs:`, the hub's parts leave each environment root (`terraform/modules/firewall/main.tf`,
//! `terraform/main.firewall.tf`, `bicep/modules/firewall.bicep`) and the platform root renders
//! them again under `<target>/platform/` at the same relative path. `meg update` then carries
//! the user's edits of the old file into the new one (a three-way merge against the moved
//! file), instead of keeping an orphan the root no longer calls.
//!
//! Only that layout rule pairs files: a file the new render drops, the user edited, and the new
//! render adds at `<target>/platform/<rest>` where no file of the user's is. Not a general
//! rename detector, and not the split of one file into parts (`output::split`).

use std::path::Path;

use crate::error::Result;
use crate::fileset::FileSet;

/// The platform root's folder inside each target.
const PLATFORM: &str = "platform";

/// Where the platform root renders what was `path` in an environment root:
/// `terraform/modules/firewall/main.tf` → `terraform/platform/modules/firewall/main.tf`.
fn platform_path(path: &str) -> Option<String> {
    let (target, rest) = path.split_once('/')?;
    (!rest.starts_with(&format!("{PLATFORM}/"))).then(|| format!("{target}/{PLATFORM}/{rest}"))
}

/// The files the new render moved into the platform root that the user had edited: (old path,
/// new path), in the old paths' order.
pub(crate) fn moved_into_platform(
    out: &Path,
    base: &FileSet,
    theirs: &FileSet,
    read: impl Fn(&Path) -> Result<Option<Vec<u8>>>,
) -> Result<Vec<(String, String)>> {
    let mut moved = Vec::new();
    for path in base.paths() {
        if theirs.get(path).is_some() {
            continue;
        }
        let Some(to) = platform_path(path) else {
            continue;
        };
        if base.get(&to).is_some() || theirs.get(&to).is_none() {
            continue;
        }
        let Some(ours) = read(&out.join(path))? else {
            continue;
        };
        // A file still holding an earlier update's markers is left for its user to resolve.
        if Some(ours.as_slice()) == base.get(path)
            || crate::output::merge::has_conflict_markers(&ours)
            || read(&out.join(&to))?.is_some()
        {
            continue;
        }
        moved.push((path.to_string(), to));
    }
    Ok(moved)
}

#[cfg(test)]
mod tests {
    use super::platform_path;

    #[test]
    fn a_hub_part_of_an_environment_root_moves_beside_the_platform_root() {
        assert_eq!(
            platform_path("terraform/modules/firewall/main.tf").as_deref(),
            Some("terraform/platform/modules/firewall/main.tf")
        );
        assert_eq!(
            platform_path("bicep/modules/firewall.bicep").as_deref(),
            Some("bicep/platform/modules/firewall.bicep")
        );
        assert_eq!(platform_path("terraform/platform/main.tf"), None);
        assert_eq!(platform_path("README.md"), None);
    }
}
