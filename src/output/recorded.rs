//! The command-line inputs of a render, recorded in the lock: `meg render -o OUT` renders
//! again from them, and a render whose inputs differ from them cannot silently remove what the
//! missing inputs had added.
//!
//! Value files are recorded relative to the output folder, so the record holds wherever the
//! repository is checked out. The record is read back from disk: it is checked before use
//! ([`RenderInputs::check`]) and only ever names `.yaml` files by relative path.

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::request::Target;
use crate::request::{CiSystem, Inputs};

/// The inputs of one render, as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RenderInputs {
    /// The landing-zone file, then each `-f` file, relative to the output folder.
    pub files: Vec<String>,
    /// Each `--set`, in order.
    #[serde(default)]
    pub set: Vec<String>,
    /// `--pipeline`, if given.
    #[serde(default)]
    pub pipeline: Option<String>,
    /// The targets rendered.
    pub targets: Vec<String>,
    /// `--env`, if given (empty: every environment).
    #[serde(default)]
    pub envs: Vec<String>,
}

impl RenderInputs {
    /// The record of a render into `out` (which exists); `None` when a file's path cannot be
    /// written relative to it (not UTF-8, another drive).
    pub fn of(input: &Inputs, out: &Path) -> Option<Self> {
        let out = out.canonicalize().ok()?;
        let files = input
            .files()
            .iter()
            .map(|f| relative(&out, &f.canonicalize().ok()?))
            .collect::<Option<Vec<_>>>()?;
        Some(RenderInputs {
            files,
            set: input.sets.clone(),
            pipeline: input.pipeline.map(|p| p.dir().to_string()),
            targets: input
                .targets()
                .iter()
                .map(|t| t.dir().to_string())
                .collect(),
            envs: input.envs.clone(),
        })
    }

    /// Checks a record read from disk; the error says what is wrong with it.
    pub fn check(&self) -> Result<(), String> {
        if self.files.is_empty() || self.files.len() > 64 {
            return Err(format!("{} value files", self.files.len()));
        }
        for f in &self.files {
            check_file(f).map_err(|why| format!("value file {f:?}: {why}"))?;
        }
        if self.set.len() > 1000 {
            return Err(format!("{} --set values", self.set.len()));
        }
        for s in &self.set {
            if !s.contains('=') || s.len() > 65_536 || s.contains('\0') {
                return Err(format!("--set {:?} is not key.path=value", short(s)));
            }
        }
        if let Some(p) = &self.pipeline {
            CiSystem::named(p).ok_or_else(|| format!("unknown pipeline {:?}", short(p)))?;
        }
        if self.targets.is_empty() || self.targets.len() > Target::ALL.len() {
            return Err(format!("{} targets", self.targets.len()));
        }
        for t in &self.targets {
            Target::named(t).ok_or_else(|| format!("unknown target {:?}", short(t)))?;
        }
        if self.envs.len() > 100
            || self
                .envs
                .iter()
                .any(|e| e.is_empty() || e.len() > 100 || e.chars().any(char::is_control))
        {
            return Err("environment names that are not names".into());
        }
        Ok(())
    }

    /// The command-line inputs again, for a render into `out`. Call [`check`](Self::check)
    /// first.
    pub fn to_args(&self, out: &Path) -> Inputs {
        let files: Vec<PathBuf> = self.files.iter().map(|f| out.join(f)).collect();
        Inputs {
            inputs: files[..1].to_vec(),
            values: files[1..].to_vec(),
            sets: self.set.clone(),
            envs: self.envs.clone(),
            targets: self
                .targets
                .iter()
                .filter_map(|t| Target::named(t))
                .collect(),
            pipeline: self.pipeline.as_deref().and_then(CiSystem::named),
        }
    }

    /// The inputs as they would be typed, with paths as seen from the current folder.
    pub fn command_line(&self, out: &Path) -> String {
        let mut words = vec![shown(out, &self.files[0])];
        words.extend(
            self.files[1..]
                .iter()
                .map(|f| format!("-f {}", shown(out, f))),
        );
        words.extend(self.set.iter().map(|s| format!("--set {s}")));
        if let Some(p) = &self.pipeline {
            words.push(format!("--pipeline {p}"));
        }
        if self.targets.len() < Target::ALL.len() {
            words.extend(self.targets.iter().map(|t| format!("--target {t}")));
        }
        words.extend(self.envs.iter().map(|e| format!("--env {e}")));
        words.join(" ")
    }
}

fn short(s: &str) -> String {
    s.chars().take(80).collect()
}

/// A recorded value file: `..` components only at the start, then plain names, a YAML file.
fn check_file(f: &str) -> Result<(), &'static str> {
    if f.len() > 4096 || f.chars().any(char::is_control) || f.contains('\\') {
        return Err("not a plain relative path");
    }
    let mut parts = f.split('/').skip_while(|p| *p == "..").peekable();
    if parts.peek().is_none() {
        return Err("names no file");
    }
    for p in parts {
        if p.is_empty() || p == "." || p == ".." || p.contains(':') {
            return Err("not a plain relative path");
        }
    }
    let lower = f.to_ascii_lowercase();
    if !(lower.ends_with(".yaml") || lower.ends_with(".yml")) {
        return Err("not a .yaml file");
    }
    Ok(())
}

/// `to` relative to `from`, both absolute and canonical, with `/` separators.
fn relative(from: &Path, to: &Path) -> Option<String> {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    for c in &to[common..] {
        match c {
            Component::Normal(n) => parts.push(n.to_str()?.to_string()),
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

/// A recorded path as seen from the current folder, for messages.
pub(crate) fn shown(out: &Path, rel: &str) -> String {
    let mut path = PathBuf::new();
    for c in out.join(rel).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(path.components().next_back(), Some(Component::Normal(_))) =>
            {
                path.pop();
            }
            other => path.push(other),
        }
    }
    if let Ok(cwd) = std::env::current_dir()
        && let Ok(inside) = path.strip_prefix(&cwd)
    {
        return inside.display().to_string();
    }
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_recorded_relative_to_the_output() {
        assert_eq!(
            relative(Path::new("/r/out"), Path::new("/r/lz/base.yaml")).as_deref(),
            Some("../lz/base.yaml")
        );
        assert_eq!(
            relative(Path::new("/r/a/b/out"), Path::new("/r/x.yaml")).as_deref(),
            Some("../../../x.yaml")
        );
        assert_eq!(
            relative(Path::new("/r/out"), Path::new("/r/out/in.yaml")).as_deref(),
            Some("in.yaml")
        );
    }

    #[test]
    fn a_recorded_file_must_be_a_relative_yaml_path() {
        for good in ["../base.yaml", "../../lz/prod.yml", "base.YAML"] {
            assert!(check_file(good).is_ok(), "{good}");
        }
        for bad in [
            "/etc/passwd.yaml",
            "../a/../../b.yaml",
            "..",
            "../",
            "a//b.yaml",
            "./a.yaml",
            "c:/x.yaml",
            "..\\x.yaml",
            "../id_rsa",
            "a\n.yaml",
            "",
        ] {
            assert!(check_file(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_record_with_unknown_values_is_refused() {
        let good = RenderInputs {
            files: vec!["../lz.yaml".into()],
            set: vec!["a.b=1".into()],
            pipeline: Some("github".into()),
            targets: vec!["bicep".into(), "terraform".into()],
            envs: vec![],
        };
        assert_eq!(good.check(), Ok(()));
        let bad = |f: fn(&mut RenderInputs)| {
            let mut r = good.clone();
            f(&mut r);
            r.check().unwrap_err()
        };
        assert!(bad(|r| r.pipeline = Some("jenkins".into())).contains("pipeline"));
        assert!(bad(|r| r.targets = vec!["pulumi".into()]).contains("target"));
        assert!(bad(|r| r.targets.clear()).contains("targets"));
        assert!(bad(|r| r.files.clear()).contains("value files"));
        assert!(bad(|r| r.set = vec!["nokey".into()]).contains("--set"));
        assert!(bad(|r| r.files = vec!["/abs.yaml".into()]).contains("relative"));
    }
}
