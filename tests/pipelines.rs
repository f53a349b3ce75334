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

/// The Contoso example (`hubs:` nonprod and prod, dev on nonprod, prod on prod, governance)
/// rendered with one pipeline system.
fn contoso(system: &str) -> Meg {
    let meg = Meg::new();
    let input = example("contoso-migration.yaml");
    meg.run(&["render", &input, "-o", "out", "--pipeline", system])
        .ok();
    meg
}

/// The hubs of the Contoso example and the environment attached to each.
const CONTOSO_HUBS: [(&str, &str, &str); 2] = [
    ("nonprod", "3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c", "dev"),
    ("prod", "8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f", "prod"),
];

/// The subscription each Contoso environment names.
const CONTOSO_ENVIRONMENTS: [(&str, &str); 2] = [
    ("dev", "0b6e2f4a-1c3d-4e5f-8a9b-2c4d6e8f0a1b"),
    ("prod", "7d9f1b3c-5e7a-4c2e-9b1d-3f5a7c9e1b2d"),
];

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn ado_stages(ado: &Value) -> Vec<&Value> {
    ado["stages"].as_array().expect("stages").iter().collect()
}

fn depends_on(stage: &Value) -> Vec<String> {
    match &stage["dependsOn"] {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().map(|v| v.as_str().unwrap().to_string()).collect(),
        _ => vec![],
    }
}

#[test]
fn governance_then_each_hub_then_each_environment_after_only_what_it_needs() {
    let meg = contoso("github");
    let wf = yaml(&meg.read("out/.github/workflows/landing-zone.yml"));
    let jobs = jobs(&wf);
    let names: Vec<&String> = jobs.keys().collect();
    let pos = |n: &str| {
        names
            .iter()
            .position(|k| *k == n)
            .unwrap_or_else(|| panic!("no job {n} in {names:?}"))
    };
    for (hub, _, env) in CONTOSO_HUBS {
        let plan = format!("plan-platform-{hub}");
        let deploy = format!("deploy-platform-{hub}");
        assert_eq!(needs(&jobs[&plan]), vec!["deploy-governance"], "{plan}");
        assert_eq!(needs(&jobs[&deploy]), vec![plan.clone()], "{deploy}");
        assert!(pos("deploy-governance") < pos(&plan), "{names:?}");
        // The environment waits for governance and its own hub, not the other hub nor the
        // other environment.
        assert_eq!(
            sorted(needs(&jobs[&format!("plan-{env}")])),
            vec!["deploy-governance".to_string(), deploy.clone()],
            "plan-{env}"
        );
        assert!(pos(&deploy) < pos(&format!("plan-{env}")), "{names:?}");
        // Pull requests preview the hub after governance's preview.
        let preview = &jobs[&format!("preview-platform-{hub}")];
        assert!(needs(preview).contains(&"preview-governance".to_string()));
        assert_eq!(preview["if"], "github.event_name == 'pull_request'");
    }

    let meg = contoso("azure-devops");
    let ado = yaml(&meg.read("out/azure-pipelines.yml"));
    let stages = ado_stages(&ado);
    let stage = |id: &str| {
        *stages
            .iter()
            .find(|s| s["stage"] == id)
            .unwrap_or_else(|| panic!("no stage {id}"))
    };
    let order: Vec<&str> = stages
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    let at = |id: &str| order.iter().position(|s| *s == id).unwrap();
    for (hub, _, env) in CONTOSO_HUBS {
        let plan = format!("plan_platform_{hub}");
        assert_eq!(
            depends_on(stage(&plan)),
            vec!["deploy_governance"],
            "{plan}"
        );
        assert_eq!(
            depends_on(stage(&format!("deploy_platform_{hub}"))),
            vec![plan.clone()]
        );
        assert_eq!(
            sorted(depends_on(stage(&format!("plan_{env}")))),
            vec![
                "deploy_governance".to_string(),
                format!("deploy_platform_{hub}")
            ],
            "plan_{env}"
        );
        assert!(at("deploy_governance") < at(&plan), "{order:?}");
        assert!(at(&format!("deploy_platform_{hub}")) < at(&format!("plan_{env}")));
        let previews = serde_json::to_string(&stage("preview")["jobs"]).unwrap();
        assert!(
            previews.contains(&format!("\"job\":\"preview_platform_{hub}\"")),
            "{previews}"
        );
    }
}

#[test]
fn without_hubs_an_environment_waits_only_for_governance() {
    for (what, meg) in renders("github") {
        if meg.path("out/bicep/platform").exists() || meg.path("out/terraform/platform").exists() {
            continue;
        }
        let wf = yaml(&meg.read("out/.github/workflows/landing-zone.yml"));
        for (name, job) in jobs(&wf) {
            if name.starts_with("plan-") && name != "plan-governance" {
                let expected: Vec<String> = if has_governance(&meg) {
                    vec!["deploy-governance".into()]
                } else {
                    needs(&jobs(&wf)["preview"])
                };
                assert_eq!(needs(job), expected, "{what}: {name}");
            }
        }
    }
}

/// Replaces `$HUB` and `$ENVIRONMENT` in a job's text by the values its `env` gives them.
fn resolved_steps(job: &Value) -> String {
    let mut text = serde_json::to_string(&job["steps"]).unwrap();
    for var in ["HUB", "ENVIRONMENT"] {
        if let Some(v) = job["env"][var].as_str() {
            text = text.replace(&format!("${var}"), v);
        }
    }
    text
}

#[test]
fn each_hub_plans_its_own_parameter_files_into_a_state_of_its_own() {
    let meg = contoso("github");
    let wf = yaml(&meg.read("out/.github/workflows/landing-zone.yml"));
    let jobs = jobs(&wf);
    let mut state_keys = BTreeMap::new();
    for (name, job) in jobs {
        let Some(stage) = name.strip_prefix("plan-") else {
            continue;
        };
        let steps = resolved_steps(job);
        let key = steps
            .split("key=")
            .nth(1)
            .and_then(|rest| rest.split(".tfstate").next())
            .unwrap_or_else(|| panic!("{name}: no state key"));
        assert!(
            state_keys
                .insert(key.to_string(), stage.to_string())
                .is_none(),
            "{name} shares the state key {key} with {state_keys:?}"
        );
        let Some(hub) = stage.strip_prefix("platform-") else {
            continue;
        };
        assert_eq!(key, format!("contoso-platform-{hub}"));
        assert!(
            steps.contains(&format!("-var-file=\\\"{hub}.tfvars\\\""))
                && steps.contains("-chdir=terraform/platform "),
            "{name}: {steps}"
        );
        assert!(
            steps.contains(&format!(
                "--parameters \\\"bicep/platform/{hub}.bicepparam\\\""
            )) && steps.contains("--template-file bicep/platform/main.bicep"),
            "{name}: {steps}"
        );
        // The files the job names are the render's.
        assert!(
            meg.path(&format!("out/terraform/platform/{hub}.tfvars"))
                .exists()
        );
        assert!(
            meg.path(&format!("out/bicep/platform/{hub}.bicepparam"))
                .exists()
        );
        assert_eq!(
            jobs[&format!("deploy-{stage}")]["env"]["HUB"],
            hub,
            "the deploy job applies the same hub's plan"
        );
    }
    assert_eq!(state_keys.len(), 5, "{state_keys:?}");

    let meg = contoso("azure-devops");
    let steps = meg.read("out/.azure-pipelines/platform.yml");
    assert!(steps.contains("-backend-config=\"key=contoso-platform-$HUB.tfstate\""));
    assert!(steps.contains("-var-file=\"$HUB.tfvars\""));
    assert!(steps.contains("--parameters \"platform/$HUB.bicepparam\""));
    assert!(steps.contains("HUB: ${{ parameters.hub }}"));
    let main = meg.read("out/azure-pipelines.yml");
    for (hub, _, _) in CONTOSO_HUBS {
        // Preview, plan and deploy each pass the hub's name to the steps.
        assert_eq!(
            main.matches(&format!("hub: \"{hub}\"")).count(),
            3,
            "{main}"
        );
    }
}

#[test]
fn bicep_deploys_each_root_into_the_subscription_the_file_names() {
    let meg = contoso("github");
    let wf = yaml(&meg.read("out/.github/workflows/landing-zone.yml"));
    let jobs = jobs(&wf);
    let expected = CONTOSO_HUBS
        .iter()
        .map(|(hub, sub, _)| (format!("platform-{hub}"), *sub))
        .chain(
            CONTOSO_ENVIRONMENTS
                .iter()
                .map(|(env, sub)| (env.to_string(), *sub)),
        );
    for (stage, sub) in expected {
        for job in [format!("plan-{stage}"), format!("deploy-{stage}")] {
            let steps = jobs[&job]["steps"].as_array().unwrap();
            let bicep = steps
                .iter()
                .find(|s| {
                    s["run"]
                        .as_str()
                        .is_some_and(|r| r.contains("az deployment sub"))
                })
                .unwrap_or_else(|| panic!("{job}: no Bicep deployment"));
            assert!(
                bicep["run"]
                    .as_str()
                    .unwrap()
                    .contains("--subscription \"$SUBSCRIPTION_ID\""),
                "{job}"
            );
            assert_eq!(bicep["env"]["SUBSCRIPTION_ID"], sub, "{job}");
            assert_eq!(jobs[&job]["env"]["ARM_SUBSCRIPTION_ID"], sub, "{job}");
        }
    }
    // The previews of the environments, one matrix job, take each one's from the matrix.
    let preview = serde_json::to_string(&jobs["preview"]["steps"]).unwrap();
    assert!(preview.contains("\"SUBSCRIPTION_ID\":\"${{ matrix.subscription }}\""));

    let meg = contoso("azure-devops");
    for file in ["platform.yml", "environment.yml"] {
        let steps = meg.read(&format!("out/.azure-pipelines/{file}"));
        assert!(!steps.contains("az account set"), "{file}");
        for command in ["az deployment sub what-if", "az deployment sub create"] {
            let call = steps.split(command).nth(1).expect(command);
            let call = call.split("--template-file").next().unwrap();
            assert!(
                call.contains("--subscription \"$SUBSCRIPTION_ID\""),
                "{file}: {command}"
            );
        }
        assert!(steps.contains("SUBSCRIPTION_ID: ${{ parameters.subscriptionId }}"));
    }
    let main = meg.read("out/azure-pipelines.yml");
    for (hub, sub, _) in CONTOSO_HUBS {
        let passed = format!("hub: \"{hub}\"");
        let with_sub = main
            .match_indices(&passed)
            .filter(|(i, _)| {
                main[i + passed.len()..]
                    .lines()
                    .take(3)
                    .any(|l| l.trim() == format!("subscriptionId: \"{sub}\""))
            })
            .count();
        assert_eq!(with_sub, 3, "{hub}");
    }
}

#[test]
fn each_root_reads_only_its_own_secrets() {
    let meg = contoso("github");
    let wf = yaml(&meg.read("out/.github/workflows/landing-zone.yml"));
    let jobs = jobs(&wf);
    for (hub, _, env) in CONTOSO_HUBS {
        for job in [
            format!("plan-platform-{hub}"),
            format!("deploy-platform-{hub}"),
        ] {
            let steps = serde_json::to_string(&jobs[&job]["steps"]).unwrap();
            assert!(
                steps.contains(
                    "\"VPN_SHARED_KEY_AMSTERDAM_DC\":\"${{ secrets.VPN_SHARED_KEY_AMSTERDAM_DC }}\""
                ),
                "{job}"
            );
            assert!(!steps.contains("VM_ADMIN_PASSWORD"), "{job}");
        }
        let plan = serde_json::to_string(&jobs[&format!("plan-platform-{hub}")]["steps"]).unwrap();
        // One key per site the hub connects to (`model::secrets`).
        assert!(plan.contains(
            "\"TF_VAR_vpn_shared_key_amsterdam_dc\":\"${{ secrets.VPN_SHARED_KEY_AMSTERDAM_DC }}\""
        ));
        // Pull requests never reach a real secret.
        let preview =
            serde_json::to_string(&jobs[&format!("preview-platform-{hub}")]["steps"]).unwrap();
        assert!(!preview.contains("secrets.VPN_SHARED_KEY"), "{preview}");
        assert!(preview.contains("not-the-real-vpn-shared-key-amsterdam-dc"));
        // The environment on a platform hub has no gateway: no VPN key.
        let env_plan = serde_json::to_string(&jobs[&format!("plan-{env}")]["steps"]).unwrap();
        assert!(!env_plan.contains("VPN_SHARED_KEY"), "plan-{env}");
        assert!(
            env_plan.contains("secrets.VM_ADMIN_PASSWORD_"),
            "plan-{env}"
        );
    }
    // dev has no Linux VM: its jobs do not ask for the SSH key prod's Linux VM needs.
    let dev = serde_json::to_string(&jobs["deploy-dev"]["steps"]).unwrap();
    assert!(!dev.contains("VM_ADMIN_SSH_PUBLIC_KEY"));
    let prod = serde_json::to_string(&jobs["deploy-prod"]["steps"]).unwrap();
    assert!(prod.contains("secrets.VM_ADMIN_SSH_PUBLIC_KEY"));

    let meg = contoso("azure-devops");
    let steps = meg.read("out/.azure-pipelines/platform.yml");
    assert!(steps.contains("VPN_SHARED_KEY_AMSTERDAM_DC: $(vpn-shared-key-amsterdam-dc)"));
    assert!(steps.contains("TF_VAR_vpn_shared_key_amsterdam_dc: $(vpn-shared-key-amsterdam-dc)"));
    assert!(
        steps.contains("VPN_SHARED_KEY_AMSTERDAM_DC: not-the-real-vpn-shared-key-amsterdam-dc")
    );
    let ado = yaml(&meg.read("out/azure-pipelines.yml"));
    for (hub, _, _) in CONTOSO_HUBS {
        for (id, job) in [("plan", "jobs"), ("deploy", "jobs")] {
            let stage = ado_stages(&ado)
                .into_iter()
                .find(|s| s["stage"] == format!("{id}_platform_{hub}"))
                .unwrap();
            let text = serde_json::to_string(&stage[job]).unwrap();
            assert!(
                text.contains(&format!("\"group\":\"contoso-platform-{hub}-secrets\"")),
                "{id}_platform_{hub}"
            );
        }
    }
}

#[test]
fn each_root_has_its_own_identity_and_approval() {
    let meg = contoso("github");
    let wf = yaml(&meg.read("out/.github/workflows/landing-zone.yml"));
    let mut environments: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, job) in jobs(&wf) {
        let Some(env) = job["environment"].as_str() else {
            continue;
        };
        // The client ID is the GitHub environment's variable: one identity per environment.
        let text = serde_json::to_string(job).unwrap();
        assert!(text.contains("${{ vars.AZURE_CLIENT_ID }}"), "{name}");
        environments
            .entry(env.to_string())
            .or_default()
            .push(name.clone());
    }
    for stage in [
        "governance",
        "platform-nonprod",
        "platform-prod",
        "dev",
        "prod",
    ] {
        // The approved deployment has a GitHub environment no other job uses.
        assert_eq!(
            environments.get(stage),
            Some(&vec![format!("deploy-{stage}")]),
            "{environments:?}"
        );
        assert_eq!(
            environments.get(&format!("{stage}-plan")),
            Some(&vec![format!("plan-{stage}")])
        );
    }
    for hub in ["nonprod", "prod"] {
        assert_eq!(
            environments.get(&format!("platform-{hub}-preview")),
            Some(&vec![format!("preview-platform-{hub}")])
        );
    }

    let meg = contoso("azure-devops");
    let ado = yaml(&meg.read("out/azure-pipelines.yml"));
    let mut connections = BTreeMap::new();
    for stage in ado_stages(&ado) {
        let text = serde_json::to_string(stage).unwrap();
        let id = stage["stage"].as_str().unwrap();
        for part in text.split("\"serviceConnection\":\"").skip(1) {
            let connection = part.split('"').next().unwrap().to_string();
            connections
                .entry(connection)
                .or_insert_with(Vec::new)
                .push(id.to_string());
        }
        if let Some(root) = id.strip_prefix("deploy_") {
            let root = root.replacen("platform_", "platform-", 1);
            assert_eq!(
                stage["jobs"][0]["environment"],
                format!("contoso-{root}"),
                "{id}"
            );
            assert!(text.contains(&format!("\"serviceConnection\":\"contoso-{root}\"")));
        }
    }
    for hub in ["nonprod", "prod"] {
        assert_eq!(
            connections.get(&format!("contoso-platform-{hub}")),
            Some(&vec![format!("deploy_platform_{hub}")])
        );
        assert_eq!(
            connections.get(&format!("contoso-platform-{hub}-preview")),
            Some(&vec!["preview".to_string(), format!("plan_platform_{hub}")])
        );
    }
    // The README names each root's identity, environments and roles.
    for (system, file) in [
        ("github", "platform-nonprod-plan"),
        ("azure-devops", "contoso-platform-nonprod-preview"),
    ] {
        let meg = contoso(system);
        let readme = meg.read("out/README.md");
        assert!(readme.contains(&format!("`{file}`")), "{system}");
        assert!(readme.contains("**Platform hub deployer**"), "{system}");
        assert!(!readme.contains("not the hubs"), "{system}");
    }
}

#[test]
fn a_hub_whose_pipeline_names_an_environment_already_takes_is_refused() {
    let meg = Meg::new();
    let text = std::fs::read_to_string(example("contoso-migration.yaml")).unwrap();
    // Environment `platform` plans in `platform-plan`, which hub `plan` would deploy in.
    let clash = text
        .replace("\n  nonprod:\n", "\n  plan:\n")
        .replace("platform: nonprod", "platform: plan")
        .replace("\n  dev:\n", "\n  platform:\n    tier: dev\n");
    assert_ne!(clash, text);
    meg.write("lz.yaml", &clash);
    let run = meg
        .run(&["render", "lz.yaml", "-o", "out", "--pipeline", "github"])
        .bad_input();
    let err = run.stderr();
    assert!(
        err.contains("'platform-plan'")
            && err.contains("hub 'plan'")
            && err.contains("environment 'platform'"),
        "{err}"
    );
    assert!(err.contains("lz.yaml:"), "located in the file: {err}");
    assert!(!meg.path("out").exists(), "nothing written");
}

#[test]
fn a_hub_without_a_subscription_beside_hubs_with_one_deploys_into_its_connections_default() {
    // Azure DevOps shares one step template among the hubs: a hub the file names no
    // subscription for must neither lose the others' pinning nor get an empty `--subscription`.
    let meg = Meg::new();
    let input = std::fs::read_to_string(example("contoso-migration.yaml")).unwrap();
    let spare = "hubs:\n  spare:\n    addressSpace: 10.200.0.0/22\n";
    meg.write("lz.yaml", &input.replacen("hubs:\n", spare, 1));
    meg.run(&[
        "render",
        "lz.yaml",
        "-o",
        "out",
        "--pipeline",
        "azure-devops",
    ])
    .ok();

    let steps = meg.read("out/.azure-pipelines/platform.yml");
    let template = yaml(&steps);
    let parameter = template["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "subscriptionId")
        .expect("the hubs' template takes a subscription");
    assert_eq!(parameter["default"], "", "optional for the spare hub");
    for command in ["az deployment sub what-if", "az deployment sub create"] {
        let call = steps.split(command).nth(1).expect(command);
        let call = call.split("--template-file").next().unwrap();
        assert!(
            call.contains("${SUBSCRIPTION_ID:+--subscription \"$SUBSCRIPTION_ID\"}"),
            "{command}: {call}"
        );
    }
    assert!(steps.contains("${subscription:-$(az account show --query id --output tsv)}"));

    let main = meg.read("out/azure-pipelines.yml");
    let passes_subscription = |hub: &str| {
        let passed = format!("hub: \"{hub}\"");
        main.match_indices(&passed)
            .map(|(i, _)| {
                main[i + passed.len()..]
                    .lines()
                    .take(3)
                    .any(|l| l.trim().starts_with("subscriptionId:"))
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(passes_subscription("spare"), [false; 3]);
    for (hub, sub, _) in CONTOSO_HUBS {
        assert_eq!(passes_subscription(hub), [true; 3], "{hub}");
        assert!(main.contains(&format!("subscriptionId: \"{sub}\"")));
    }
    // With every hub named, the parameter stays required and the argument unconditional.
    let every = contoso("azure-devops").read("out/.azure-pipelines/platform.yml");
    assert!(!every.contains("default: ''") && !every.contains("${SUBSCRIPTION_ID:+"));
}
