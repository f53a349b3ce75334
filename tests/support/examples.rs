//! Every `examples/*.yaml` rendered once through the library (embedded catalog, both targets,
//! every environment) and shared by the tests of this binary.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use meg::fileset::FileSet;
use meg::request::Inputs;
use meg::session::Session;

use super::problems::Problems;

/// One example and its render.
pub struct Example {
    /// `examples/<name>.yaml`, as failure messages name it.
    pub name: String,
    /// Absolute path of the example file.
    pub path: PathBuf,
    /// The generated files and environment names, or why rendering failed.
    pub render: Result<Render, String>,
}

/// What rendering an example produced.
pub struct Render {
    /// Generated files by path (`bicep/...`, `terraform/...`, `README.md`).
    pub files: FileSet,
    /// The environments the landing zone has, in order.
    pub environments: Vec<String>,
}

/// The crate's root folder.
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every example, rendered once per test binary.
pub fn all() -> &'static [Example] {
    static EXAMPLES: OnceLock<Vec<Example>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let session = Session::open(None).expect("the embedded catalog opens");
        let examples: Vec<Example> = example_paths()
            .into_iter()
            .map(|path| Example {
                name: format!("examples/{}", file_name(&path)),
                render: render_with(&session, &path),
                path,
            })
            .collect();
        assert!(
            !examples.is_empty(),
            "no examples/*.yaml in {}: these tests would prove nothing",
            manifest_dir().display()
        );
        examples
    })
}

/// Paths of `examples/*.yaml`, sorted.
pub fn example_paths() -> Vec<PathBuf> {
    let dir = manifest_dir().join("examples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    paths.sort();
    paths
}

/// Renders one example with a fresh session on the embedded catalog.
pub fn render(path: &Path) -> Result<Render, String> {
    let session = Session::open(None).map_err(|e| format!("opening the catalog: {e}"))?;
    render_with(&session, path)
}

fn render_with(session: &Session, path: &Path) -> Result<Render, String> {
    let input = input_args(path);
    let rendered = session
        .render(&input)
        .map_err(|e| format!("render failed: {e}"))?;
    Ok(Render {
        files: rendered.files,
        environments: rendered
            .lz
            .environments
            .iter()
            .map(|env| env.name.clone())
            .collect(),
    })
}

/// The inputs `meg render <path>` has: no other value files, every environment, both targets.
pub fn input_args(path: &Path) -> Inputs {
    Inputs {
        inputs: vec![path.to_path_buf()],
        ..Inputs::default()
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

impl Example {
    /// The render, or `None` after recording why there is none.
    pub fn rendered(&self, problems: &mut Problems) -> Option<&Render> {
        match &self.render {
            Ok(render) => Some(render),
            Err(e) => {
                problems.in_render(&self.name, e);
                None
            }
        }
    }

    /// Generated text files whose path ends with one of `suffixes`, with their text; a file that
    /// is not UTF-8 is recorded as a problem and skipped.
    pub fn texts<'a>(
        &'a self,
        problems: &mut Problems,
        suffixes: &[&str],
    ) -> Vec<(&'a str, &'a str)> {
        let Some(render) = self.rendered(problems) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (path, bytes) in render.files.iter() {
            if !suffixes.iter().any(|s| path.ends_with(s)) {
                continue;
            }
            match std::str::from_utf8(bytes) {
                Ok(text) => out.push((path, text)),
                Err(e) => problems.in_file(&self.name, path, format!("not UTF-8: {e}")),
            }
        }
        out
    }

    /// The text of one generated file, if the render has it and it is UTF-8.
    pub fn text<'a>(&'a self, path: &str) -> Option<&'a str> {
        let render = self.render.as_ref().ok()?;
        std::str::from_utf8(render.files.get(path)?).ok()
    }
}
