//! The `lock` setting: the management lock every module with the AVM `lock` interface puts on
//! its resource, per environment; off unless set (a lock on a vault blocks a migration's
//! "stop backup" and "disable replication").

mod common;

use common::{Meg, example};

/// Each module call in a rendered Terraform root and Bicep template, with its body.
fn calls<'a>(text: &'a str, opener: &str) -> Vec<(&'a str, &'a str)> {
    text.match_indices(opener)
        .map(|(at, _)| {
            let body = &text[at..];
            let end = body.find("\n}\n").map_or(body.len(), |e| e + 2);
            let name = body[opener.len()..].split('"').next().unwrap_or_default();
            (name, &body[..end])
        })
        .collect()
}

#[test]
fn no_environment_is_locked_unless_its_settings_say_so() {
    let meg = Meg::new();
    let hybrid = std::fs::read_to_string(example("hybrid.yaml")).unwrap();
    meg.write("lz.yaml", &hybrid);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    for env in ["dev", "prod"] {
        let tfvars = meg.read(&format!("out/terraform/environments/{env}.tfvars"));
        assert!(tfvars.contains("lock = null"), "{tfvars}");
        let params = meg.read(&format!("out/bicep/environments/{env}.bicepparam"));
        assert!(params.contains("param lock = null"), "{params}");
    }
    let readme = meg.read("out/README.md");
    assert!(readme.contains("- `prod`: no lock"), "{readme}");
    assert!(!readme.contains("`Microsoft.Authorization/locks/*` (in Owner"));

    // One environment's setting locks that environment alone, and the deployer is told the
    // rights it needs.
    let prod = meg.read("out/terraform/environments/prod.tfvars");
    assert!(!prod.contains("CanNotDelete"));
    meg.run(&[
        "render",
        "lz.yaml",
        "--set",
        "environments.prod.lock=CanNotDelete",
        "-o",
        "locked",
    ])
    .ok();
    let prod = meg.read("locked/terraform/environments/prod.tfvars");
    assert!(
        prod.contains("lock = {\n  kind = \"CanNotDelete\"\n}"),
        "{prod}"
    );
    assert!(
        meg.read("locked/terraform/environments/dev.tfvars")
            .contains("lock = null")
    );
    let prod_params = meg.read("locked/bicep/environments/prod.bicepparam");
    assert!(
        prod_params.contains("param lock = {\n  kind: 'CanNotDelete'\n}"),
        "{prod_params}"
    );
    let readme = meg.read("locked/README.md");
    assert!(readme.contains("- `prod`: `CanNotDelete`"), "{readme}");
    assert!(readme.contains("- `dev`: no lock"), "{readme}");
    assert!(readme.contains("`Microsoft.Authorization/locks/*` (in Owner"));
}

#[test]
fn every_module_with_the_lock_interface_gets_the_environments_lock() {
    for name in [
        "hybrid.yaml",
        "refactor.yaml",
        "rehost.yaml",
        "contoso-migration.yaml",
    ] {
        let meg = Meg::new();
        meg.write("lz.yaml", &std::fs::read_to_string(example(name)).unwrap());
        meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
        let mut checked = 0;
        for root in ["out/terraform", "out/terraform/platform"] {
            if !meg.path(root).join("variables.tf").exists() {
                continue;
            }
            let text = meg.read_tf_root(root);
            for (module, body) in calls(&text, "module \"") {
                let Some(source) = body.lines().find_map(|l| {
                    let (key, value) = l.split_once('=')?;
                    (key.trim() == "source").then(|| value.trim().trim_matches('"'))
                }) else {
                    continue;
                };
                let dir = meg.path(root).join(source);
                let Ok(vars) = std::fs::read_to_string(dir.join("variables.tf")) else {
                    continue;
                };
                if vars.contains("variable \"lock\"") {
                    checked += 1;
                    assert!(
                        body.lines().any(|l| {
                            let l = l.trim();
                            l.starts_with("lock ") && l.ends_with("= var.lock")
                        }),
                        "{name}: {root} module {module} has the lock interface but is not given var.lock:\n{body}"
                    );
                }
            }
        }
        assert!(checked >= 5, "{name}: only {checked} locked modules");
    }
}

#[test]
fn a_lock_setting_reaches_the_parameter_files_and_an_unknown_kind_is_refused() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &std::fs::read_to_string(example("hybrid.yaml")).unwrap(),
    );
    meg.run(&["render", "lz.yaml", "--set", "lock=ReadOnly", "-o", "out"])
        .ok();
    for env in ["dev", "prod"] {
        let tfvars = meg.read(&format!("out/terraform/environments/{env}.tfvars"));
        assert!(tfvars.contains("kind = \"ReadOnly\""), "{tfvars}");
    }
    let run = meg.run(&["render", "lz.yaml", "--set", "lock=Sometimes", "-o", "bad"]);
    assert_eq!(run.code(), 2, "{}{}", run.stdout(), run.stderr());
    assert!(run.stderr().contains("lock"), "{}", run.stderr());
    assert!(!meg.path("bad").exists());
}
