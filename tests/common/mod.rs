//! A small builder that runs the real meg binary in a scratch folder, shared by the
//! integration tests.
#![allow(dead_code)]

pub mod inventory;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the real binary in a scratch folder.
pub struct Meg {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub out: Output,
}

impl Run {
    pub fn code(&self) -> i32 {
        self.out.status.code().expect("meg exited normally")
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code(),
            0,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }
    #[track_caller]
    pub fn bad_input(self) -> Self {
        assert_eq!(
            self.code(),
            2,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }
}

impl Meg {
    pub fn new() -> Self {
        Meg {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// The root module's configuration in `dir` (a rendered `terraform/` folder): `main.tf`
    /// and every per-part `main.<part>.tf`, in name order, as one text.
    pub fn read_tf_root(&self, dir: &str) -> String {
        let mut parts: Vec<PathBuf> = std::fs::read_dir(self.path(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|entry| entry.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.starts_with("main.") && name.ends_with(".tf")
            })
            .collect();
        parts.sort();
        assert!(!parts.is_empty(), "{dir} holds no main.tf");
        parts
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_meg"))
            .args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("meg runs");
        Run { out }
    }

    /// Files below `rel` (outside meg's own `.meg/`) created, changed or removed since `before`.
    /// Runs meg in `cwd` (relative to the scratch folder), killing it after 60 s: for input
    /// that could make meg wait forever (a pipe, a device), so the test fails instead of hanging.
    #[allow(dead_code)] // not every test file reads pipes
    pub fn run_bounded(&self, cwd: &str, args: &[&str]) -> Output {
        use std::process::Stdio;
        use std::time::{Duration, Instant};
        let mut child = Command::new(env!("CARGO_BIN_EXE_meg"))
            .args(args)
            .current_dir(self.path(cwd))
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("meg starts");
        let start = Instant::now();
        while child.try_wait().expect("meg runs").is_none() {
            if start.elapsed() > Duration::from_secs(60) {
                child.kill().ok();
                child.wait().ok();
                panic!("meg {args:?} hung: still running after 60 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        child.wait_with_output().expect("meg's output")
    }

    pub fn changed_since(&self, rel: &str, before: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<String> {
        let after = self.snapshot(rel);
        let mut paths: Vec<String> = after
            .iter()
            .filter(|(p, b)| before.get(*p) != Some(*b))
            .map(|(p, _)| p)
            .chain(before.keys().filter(|p| !after.contains_key(*p)))
            .map(|p| p.display().to_string())
            .filter(|p| !p.starts_with(".meg/"))
            .collect();
        paths.sort();
        paths
    }

    /// Every file below `rel` with its bytes, to prove a folder did not change.
    pub fn snapshot(&self, rel: &str) -> BTreeMap<PathBuf, Vec<u8>> {
        let root = self.path(rel);
        walkdir::WalkDir::new(&root)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(&root).unwrap().to_path_buf(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }
}

pub fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .display()
        .to_string()
}

/// A small, valid hybrid landing zone.
pub const MINIMAL: &str = "\
name: fabrikam
strategy: hybrid
location: westeurope
tags:
  owner: team-net
environments:
  dev:
    network:
      hub:
        addressSpace: 10.10.0.0/22
  prod:
    network:
      hub:
        addressSpace: 10.20.0.0/22
";
