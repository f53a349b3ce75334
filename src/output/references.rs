//! References left dangling by an update: a file of the tree (often one the user edited, so
//! `meg update` kept their version) that still names, by relative path, a file or module folder
//! that is gone afterwards: one the new render no longer has, or one the user deleted.
//!
//! Bicep names files by relative path in quotes (`module x 'modules/vpn-gateway.bicep'`,
//! `using '../main.bicep'`), Terraform names module folders (`source = "./modules/firewall"`):
//! a quoted relative path, with or without a leading `./`, is what this looks for, line by
//! line, so the warning can say where. Not here: parsing either language (a path in a comment
//! counts too, which is the cautious answer), or deciding what the update does
//! (`output::update`).

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::fileset::FileSet;
use crate::output::update::UpdatePlan;

/// Why a referenced path is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gone {
    /// The new render no longer has it.
    NotRendered,
    /// The user deleted it (the render still has it).
    DeletedByYou,
}

/// One line that names a path that is gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dangling {
    /// The file holding the reference, inside the output folder.
    pub file: String,
    /// Its line, from 1.
    pub line: usize,
    /// The line, as written (without its line ending).
    pub text: String,
    /// The path that is gone, inside the output folder (a folder for a Terraform module).
    pub target: String,
    /// Why it is gone.
    pub gone: Gone,
}

impl Dangling {
    /// The warning, in words.
    pub fn describe(&self) -> String {
        let why = match self.gone {
            Gone::NotRendered => "which the new render no longer has",
            Gone::DeletedByYou => "which you deleted",
        };
        format!(
            "{}:{} still references {}, {why}: `{}`; remove the reference, or keep the file in a path meg does not render",
            self.file,
            self.line,
            self.target,
            self.text.trim()
        )
    }
}

/// The references dangling once `up` is applied to the tree in `out`: every file that stays
/// (meg's files, as written or kept) is searched for the paths of meg's files that will not be
/// there (`base` is what meg wrote last, `theirs` the new render).
pub fn after_update(
    out: &Path,
    base: &FileSet,
    theirs: &FileSet,
    up: &UpdatePlan,
) -> Result<Vec<Dangling>> {
    let paths: BTreeSet<&str> = base.paths().chain(theirs.paths()).collect();
    let removed: BTreeSet<&str> = up.plan.remove.iter().map(String::as_str).collect();
    let mut tree = FileSet::new();
    let mut gone = Vec::new();
    for path in paths {
        let content = if removed.contains(path) {
            None
        } else if let Some(c) = up.files.get(path) {
            Some(c.to_vec())
        } else {
            match crate::read_back::read(&out.join(path), crate::read_back::MAX_TREE_FILE) {
                Ok(c) => Some(c),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => return Err(Error::io(out.join(path), e)),
            }
        };
        match content {
            Some(c) => tree.insert(path, c)?,
            None if theirs.get(path).is_some() => gone.push((path, Gone::DeletedByYou)),
            None => gone.push((path, Gone::NotRendered)),
        }
    }
    Ok(dangling(&tree, &gone))
}

/// The lines of `tree`'s files that name a path of `gone` (or a folder all of whose files are
/// gone and none of the tree's are in), relative to the file's own folder.
pub fn dangling(tree: &FileSet, gone: &[(&str, Gone)]) -> Vec<Dangling> {
    if gone.is_empty() {
        return Vec::new();
    }
    // A Terraform module is named by its folder: a folder is gone when it held a gone file and
    // holds nothing of the tree.
    let mut targets: Vec<(String, Gone)> = Vec::new();
    for &(path, why) in gone {
        targets.push((path.to_string(), why));
        let mut dir = path;
        while let Some((parent, _)) = dir.rsplit_once('/') {
            dir = parent;
            let prefix = format!("{dir}/");
            if tree.paths().any(|p| p.starts_with(&prefix)) {
                break;
            }
            if !targets.iter().any(|(t, _)| t == dir) {
                targets.push((dir.to_string(), why));
            }
        }
    }
    let mut out = Vec::new();
    for file in tree.paths() {
        let Some(bytes) = tree.get(file) else {
            continue;
        };
        let text = String::from_utf8_lossy(bytes);
        let from = file.rsplit_once('/').map_or("", |(dir, _)| dir);
        let needles: Vec<(Vec<String>, &str, Gone)> = targets
            .iter()
            .map(|(target, why)| {
                let rel = relative(from, target);
                let quoted = ['"', '\'']
                    .iter()
                    .flat_map(|q| [format!("{q}{rel}{q}"), format!("{q}./{rel}{q}")])
                    .collect();
                (quoted, target.as_str(), *why)
            })
            .collect();
        for (n, line) in text.lines().enumerate() {
            for (quoted, target, why) in &needles {
                if quoted.iter().any(|q| line.contains(q.as_str())) {
                    out.push(Dangling {
                        file: file.to_string(),
                        line: n + 1,
                        text: line.to_string(),
                        target: (*target).to_string(),
                        gone: *why,
                    });
                }
            }
        }
    }
    out
}

/// `to` relative to folder `from` (both `/`-separated, inside the same root; `""` is the root).
fn relative(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = to.split('/').collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; from.len() - common];
    parts.extend(&to[common..]);
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(files: &[(&str, &str)]) -> FileSet {
        let mut s = FileSet::new();
        for (p, c) in files {
            s.insert(p, c.as_bytes().to_vec()).unwrap();
        }
        s
    }

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative("bicep", "bicep/modules/x.bicep"),
            "modules/x.bicep"
        );
        assert_eq!(
            relative("bicep/environments", "bicep/main.bicep"),
            "../main.bicep"
        );
        assert_eq!(relative("", "README.md"), "README.md");
        assert_eq!(relative("terraform", "terraform/modules/fw"), "modules/fw");
    }

    #[test]
    fn a_module_file_and_a_module_folder() {
        let tree = set(&[
            (
                "bicep/main.bicep",
                "targetScope = 'subscription'\nmodule vpn 'modules/vpn-gateway.bicep' = {\n",
            ),
            (
                "terraform/main.tf",
                "module \"fw\" {\n  source = \"./modules/firewall\"\n}\n",
            ),
            ("terraform/modules/key-vault/main.tf", "resource x {}\n"),
        ]);
        let gone = [
            ("bicep/modules/vpn-gateway.bicep", Gone::NotRendered),
            ("terraform/modules/firewall/main.tf", Gone::DeletedByYou),
            (
                "terraform/modules/firewall/variables.tf",
                Gone::DeletedByYou,
            ),
        ];
        let mut found = dangling(&tree, &gone);
        for d in &mut found {
            d.text.clear();
        }
        assert_eq!(
            found,
            vec![
                Dangling {
                    file: "bicep/main.bicep".into(),
                    line: 2,
                    text: String::new(),
                    target: "bicep/modules/vpn-gateway.bicep".into(),
                    gone: Gone::NotRendered
                },
                Dangling {
                    file: "terraform/main.tf".into(),
                    line: 2,
                    text: String::new(),
                    target: "terraform/modules/firewall".into(),
                    gone: Gone::DeletedByYou
                },
            ]
        );
        // `modules` still holds key-vault: the folder is not gone, and nothing names it anyway.
        assert!(!found.iter().any(|d| d.target == "terraform/modules"));
    }

    #[test]
    fn names_that_only_share_a_prefix_do_not_count() {
        let tree = set(&[(
            "bicep/main.bicep",
            "module a 'modules/vpn-gateway-v2.bicep' = {\n",
        )]);
        let gone = [("bicep/modules/vpn-gateway.bicep", Gone::NotRendered)];
        assert!(dangling(&tree, &gone).is_empty());
    }
}
