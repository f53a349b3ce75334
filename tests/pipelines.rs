//! The CI/CD pipelines meg writes, read back as a reviewer would: every action pinned to a
//! commit of the catalog's table, OIDC granted per job, governance before the environments, the
//! read-only identity never registering providers, and the deploy applying the plan it was shown.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{Meg, example};
use serde_json::Value;

/// Every example, under every choice of targets.
fn renders(system: &str) -> Vec<(String, Meg)> {
    let mut out = Vec::new();
    let mut names: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml"))
            .collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    for name in names {
        for targets in [&[][..], &["--target", "bicep"], &["--target", "terraform"]] {
            let meg = Meg::new();
            let input = example(&name);
            let mut args = vec!["render", input.as_str(), "-o", "out", "--pipeline", system];
            args.extend_from_slice(targets);
            meg.run(&args).ok();
            out.push((format!("{name} {}", targets.join(" ")), meg));
        }
    }
    out
}

fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).expect("the pipeline file is YAML")
}

/// The catalog's pins: action -> commit SHA.
fn pinned_actions() -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/pipelines/actions.yaml");
    let table = yaml(&std::fs::read_to_string(path).unwrap());
    table["github"]
        .as_object()
        .expect("a github table")
        .iter()
        .map(|(name, a)| (name.clone(), a["sha"].as_str().unwrap().to_string()))
        .collect()
}

fn jobs(workflow: &Value) -> &serde_json::Map<String, Value> {
    workflow["jobs"].as_object().expect("jobs")
}

fn needs(job: &Value) -> Vec<String> {
    match &job["needs"] {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().map(|v| v.as_str().unwrap().to_string()).collect(),
        _ => vec![],
    }
}

fn has_governance(meg: &Meg) -> bool {
    meg.path("out/bicep/governance").exists() || meg.path("out/terraform/governance").exists()
}

#[test]
fn every_action_is_pinned_to_a_commit_of_the_catalog_table() {
    let pins = pinned_actions();
    for sha in pins.values() {
        assert!(
            sha.len() == 40
                && sha
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
            "{sha}"
        );
    }
    for (what, meg) in renders("github") {
        let text = meg.read("out/.github/workflows/landing-zone.yml");
        let mut seen = 0;
        for line in text.lines() {
            let Some(rest) = line
                .trim_start()
                .trim_start_matches("- ")
                .strip_prefix("uses: ")
            else {
                continue;
            };
            seen += 1;
            let reference = rest.split_whitespace().next().unwrap();
            let (name, sha) = reference.split_once('@').expect("name@ref");
            assert_eq!(
                pins.get(name),
                Some(&sha.to_string()),
                "{what}: `{line}` is not the catalog's pin of {name}"
            );
            let comment = rest.split_once(" # ").map(|(_, c)| c.trim());
            assert!(
                comment.is_some_and(|c| c.starts_with('v')),
                "{what}: `{line}` names no release"
            );
        }
        assert!(seen >= 4, "{what}: only {seen} uses");
    }
}

#[test]
fn id_token_is_granted_per_job_and_only_to_jobs_that_sign_in() {
    for (what, meg) in renders("github") {
        let wf = yaml(&meg.read("out/.github/workflows/landing-zone.yml"));
        let top = &wf["permissions"];
        assert!(
            top.as_object().is_some_and(|p| p.is_empty()),
            "{what}: workflow-level permissions must be empty, found {top}"
        );
        for (name, job) in jobs(&wf) {
            let perms = job["permissions"]
                .as_object()
                .unwrap_or_else(|| panic!("{what}: {name} has no permissions"));
            let signs_in = job.get("environment").is_some();
            assert_eq!(
                perms.get("id-token").and_then(Value::as_str) == Some("write"),
                signs_in,
                "{what}: job {name}: id-token write only where it signs in to Azure"
            );
            assert!(
                perms.keys().all(|k| k == "contents" || k == "id-token"),
                "{what}: {name}: {perms:?}"
            );
        }
    }
}

#[test]
fn governance_is_previewed_planned_and_deployed_before_any_environment() {
    let mut with_governance = 0;
    for (what, meg) in renders("github") {
        let wf = yaml(&meg.read("out/.github/workflows/landing-zone.yml"));
        let jobs = jobs(&wf);
        let names: Vec<&String> = jobs.keys().collect();
        let envs: Vec<String> = names
            .iter()
            .filter_map(|n| n.strip_prefix("deploy-"))
            .filter(|n| *n != "governance")
            .map(str::to_string)
            .collect();
        assert!(!envs.is_empty(), "{what}: {names:?}");
        if !has_governance(&meg) {
            assert!(!names.iter().any(|n| n.contains("governance")), "{what}");
            continue;
        }
        with_governance += 1;
        for job in ["preview-governance", "plan-governance", "deploy-governance"] {
            assert!(jobs.contains_key(job), "{what}: no {job} in {names:?}");
        }
        let pos = |n: &str| names.iter().position(|k| *k == n).unwrap();
        assert!(
            pos("deploy-governance") < pos(&format!("plan-{}", envs[0])),
            "{what}: {names:?}"
        );
        assert!(
            needs(&jobs[&format!("plan-{}", envs[0])]).contains(&"deploy-governance".to_string()),
            "{what}"
        );
        assert!(
            needs(&jobs["preview"]).contains(&"preview-governance".to_string()),
            "{what}"
        );
        assert_eq!(
            jobs["deploy-governance"]["environment"], "governance",
            "{what}"
        );
    }
    assert!(with_governance > 0, "no example deploys governance");

    for (what, meg) in renders("azure-devops") {
        let ado = yaml(&meg.read("out/azure-pipelines.yml"));
        let stages: Vec<&str> = ado["stages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["stage"].as_str().unwrap())
            .collect();
        if !has_governance(&meg) {
            assert!(
                !stages.iter().any(|s| s.contains("governance")),
                "{what}: {stages:?}"
            );
            assert!(
                !meg.path("out/.azure-pipelines/governance.yml").exists(),
                "{what}"
            );
            continue;
        }
        let gov = stages
            .iter()
            .position(|s| *s == "deploy_governance")
            .expect("deploy_governance");
        let first_env = stages
            .iter()
            .position(|s| s.starts_with("plan_") && *s != "plan_governance")
            .unwrap();
        assert!(gov < first_env, "{what}: {stages:?}");
        let plan_first = ado["stages"].as_array().unwrap()[first_env].clone();
        assert_eq!(plan_first["dependsOn"], "deploy_governance", "{what}");
        assert!(
            meg.read("out/.azure-pipelines/governance.yml")
                .contains("az deployment mg")
                || !meg.path("out/bicep").exists(),
            "{what}"
        );
    }
}

#[test]
fn read_only_identities_never_register_providers_and_deployers_apply_the_reviewed_plan() {
    for (what, meg) in renders("github") {
        if !meg.path("out/terraform").exists() {
            continue;
        }
        let wf = yaml(&meg.read("out/.github/workflows/landing-zone.yml"));
        let jobs = jobs(&wf);
        for (name, job) in jobs {
            let Some(env) = job["environment"].as_str() else {
                continue;
            };
            let registrations = job["env"]["ARM_RESOURCE_PROVIDER_REGISTRATIONS"].as_str();
            let read_only = env.ends_with("-preview") || env.ends_with("-plan");
            assert_eq!(
                registrations == Some("none"),
                read_only,
                "{what}: job {name} ({env})"
            );
            let steps = serde_json::to_string(&job["steps"]).unwrap();
            if let Some(stage) = name.strip_prefix("deploy-") {
                // Approved after the plan job, applies the plan artifact that job saved.
                assert_eq!(needs(job), vec![format!("plan-{stage}")], "{what}");
                assert!(
                    steps.contains("apply -input=false tfplan"),
                    "{what}: {name}"
                );
                assert!(
                    !steps.contains(" plan -input"),
                    "{what}: {name} plans again"
                );
                assert!(
                    steps.contains(&format!("\"name\":\"tfplan-{stage}\"")),
                    "{what}: {name}"
                );
                let plan = serde_json::to_string(&jobs[&format!("plan-{stage}")]["steps"]).unwrap();
                assert!(
                    plan.contains("-out=tfplan")
                        && plan.contains(&format!("\"name\":\"tfplan-{stage}\"")),
                    "{what}"
                );
            }
        }
    }
    for (what, meg) in renders("azure-devops") {
        // Every file Azure Pipelines reads is YAML, whatever the targets.
        for file in ["environment.yml", "governance.yml", "install-terraform.yml"] {
            let path = format!("out/.azure-pipelines/{file}");
            if meg.path(&path).exists() {
                yaml(&meg.read(&path));
            }
        }
        if !meg.path("out/terraform").exists() {
            continue;
        }
        let steps = meg.read("out/.azure-pipelines/environment.yml");
        let plan_step = steps
            .split("displayName: terraform plan")
            .nth(1)
            .expect("a plan step");
        let plan_env = plan_step.split("- ${{").next().unwrap();
        assert!(
            plan_env.contains("ARM_RESOURCE_PROVIDER_REGISTRATIONS: none"),
            "{what}"
        );
        let apply = steps
            .split("terraform -chdir=terraform apply")
            .nth(1)
            .expect("an apply step");
        assert!(
            apply.trim_start().starts_with("-input=false tfplan"),
            "{what}"
        );
        assert!(steps.contains("- download: current"), "{what}");
    }
}

#[test]
fn a_catalog_pin_that_is_not_a_commit_sha_is_refused() {
    let meg = Meg::new();
    let table = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/pipelines/actions.yaml"),
    )
    .unwrap();
    let tag_instead = table.replacen(
        "sha: 3d3c42e5aac5ba805825da76410c181273ba90b1",
        "sha: v7.0.1",
        1,
    );
    assert_ne!(
        tag_instead, table,
        "the checkout pin moved: update this test"
    );
    meg.write("company/catalog/pipelines/actions.yaml", &tag_instead);
    let input = example("refactor.yaml");
    let run = meg
        .run(&[
            "render",
            &input,
            "-o",
            "out",
            "--pipeline",
            "github",
            "--catalog",
            "company",
        ])
        .bad_input();
    assert!(
        run.stderr().contains("github.actions/checkout.sha")
            && run.stderr().contains("40-character"),
        "{}",
        run.stderr()
    );
    assert!(!meg.path("out").exists(), "nothing written");
    // Azure DevOps does not read the GitHub pins: it renders.
    meg.run(&[
        "render",
        &input,
        "-o",
        "ado",
        "--pipeline",
        "azure-devops",
        "--catalog",
        "company",
    ])
    .ok();
}

#[test]
fn what_if_and_deployment_compile_with_one_pinned_bicep_release() {
    for (what, meg) in renders("github") {
        if !meg.path("out/bicep").exists() {
            continue;
        }
        let wf = yaml(&meg.read("out/.github/workflows/landing-zone.yml"));
        let version = wf["env"]["BICEP_VERSION"].as_str().unwrap_or_default();
        assert!(
            version.starts_with("v0."),
            "{what}: BICEP_VERSION {version:?}"
        );
        for (name, job) in jobs(&wf) {
            let steps = serde_json::to_string(&job["steps"]).unwrap();
            if steps.contains("az deployment") {
                assert!(
                    steps.contains("az bicep install --version \\\"$BICEP_VERSION\\\"")
                        && steps.contains("use_binary_from_path=false"),
                    "{what}: job {name} compiles with whatever Bicep the runner has"
                );
            }
        }
    }
}
