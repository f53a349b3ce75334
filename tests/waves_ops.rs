//! Running the inventory's waves: a pipeline per wave for each CI/CD system (its steps, their
//! order and approvals), the runbook written from the plan, the operations script, and
//! `meg diff` reporting the inventory's changes per wave against `.meg/waves.json`, which is
//! read back as untrusted input.

mod common;

use common::{Meg, example};
use serde_json::Value;

fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).expect("the pipeline file is YAML")
}

/// A rehost landing zone with two spokes per environment and an inventory of `servers.csv`.
fn landing_zone() -> &'static str {
    "name: contoso
strategy: rehost
location: westeurope
migration:
  inventory:
    files: [servers.csv]
    placement:
      - cidr: 10.1.1.0/24
        spoke: orders
        subnet: app
      - cidr: 10.1.2.0/24
        spoke: files
        subnet: workload
environments:
  dev:
    network:
      hub:
        addressSpace: 10.80.0.0/22
      spokes:
        - name: orders
          addressSpace: 10.81.0.0/24
          subnets:
            - name: app
              addressPrefix: 10.81.0.0/25
        - name: files
          addressSpace: 10.81.1.0/24
    migration:
      enabled: true
  prod:
    network:
      hub:
        addressSpace: 10.90.0.0/22
      spokes:
        - name: orders
          addressSpace: 10.91.0.0/24
          subnets:
            - name: app
              addressPrefix: 10.91.0.0/25
        - name: files
          addressSpace: 10.91.1.0/24
    migration:
      enabled: true
"
}

const HEADER: &str = "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment\n";

/// Three prod servers and one dev server.
fn servers() -> String {
    format!(
        "{HEADER}\
         web01,10.1.1.10,2,8192,Ubuntu 22.04,prod\n\
         sql01,10.1.1.20,4,16384,Ubuntu 22.04,prod\n\
         files01,10.1.2.30,2,8192,Ubuntu 22.04,prod\n\
         devweb01,10.1.1.40,2,8192,Ubuntu 22.04,dev\n"
    )
}

fn rendered(pipeline: Option<&str>) -> Meg {
    let meg = Meg::new();
    meg.write("lz.yaml", landing_zone());
    meg.write("servers.csv", &servers());
    let mut args = vec!["render", "lz.yaml", "-o", "out"];
    if let Some(p) = pipeline {
        args.extend(["--pipeline", p]);
    }
    meg.run(&args).ok();
    meg
}

const STEPS: [&str; 8] = [
    "order",
    "plan",
    "replicate",
    "wait-replication",
    "test-migrate",
    "cleanup-test",
    "cutover",
    "stop-replication",
];

#[test]
fn each_wave_gets_a_github_workflow_that_runs_its_steps_in_order_behind_its_approvals() {
    let meg = rendered(Some("github"));
    for (wave, env) in [("dev-wave-1", "dev"), ("prod-wave-1", "prod")] {
        let text = meg.read(&format!("out/.github/workflows/wave-{wave}.yml"));
        let wf = yaml(&text);
        // Started by hand only: a push never starts a cutover.
        assert_eq!(
            wf["on"].as_object().unwrap().keys().collect::<Vec<_>>(),
            ["workflow_dispatch"]
        );
        assert_eq!(wf["env"]["WAVE"], wave);
        let jobs = wf["jobs"].as_object().unwrap();
        assert_eq!(jobs.keys().map(String::as_str).collect::<Vec<_>>(), STEPS);
        for (i, step) in STEPS.iter().enumerate().skip(1) {
            assert_eq!(
                jobs[*step]["needs"],
                serde_json::json!([STEPS[i - 1]]),
                "{wave}: {step} runs after {}",
                STEPS[i - 1]
            );
        }
        let environment = |job: &str| jobs[job]["environment"].as_str().unwrap().to_string();
        assert_eq!(environment("order"), format!("{env}-plan"));
        assert_eq!(environment("plan"), format!("{env}-plan"));
        assert_eq!(environment("replicate"), env);
        assert_eq!(environment("wait-replication"), format!("{env}-migrate"));
        assert_eq!(environment("test-migrate"), format!("{env}-migrate"));
        assert_eq!(environment("cleanup-test"), format!("{env}-uat"));
        assert_eq!(environment("cutover"), format!("{env}-cutover"));
        assert_eq!(environment("stop-replication"), format!("{env}-cutover"));
        for (name, job) in jobs {
            assert_eq!(job["permissions"]["id-token"], "write", "{wave} {name}");
            assert_eq!(job["permissions"]["contents"], "read", "{wave} {name}");
            let runs: Vec<&str> = job["steps"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|s| s["run"].as_str())
                .collect();
            if name == "order" {
                // The first job stops the run unless the waves before it have cut over.
                assert!(
                    runs.iter()
                        .any(|r| r.trim() == "bash waves/wave.sh check-order \"$WAVE\""),
                    "{wave}: {runs:?}"
                );
            }
            if STEPS[3..].contains(&name.as_str()) {
                // The step itself is the script's, with the wave the workflow is for; every
                // wait is bounded below GitHub's 6-hour job limit.
                assert!(
                    runs.iter()
                        .any(|r| r.trim() == format!("bash waves/wave.sh {name} \"$WAVE\"")),
                    "{wave} {name}: {runs:?}"
                );
                assert!(job["timeout-minutes"].as_u64().unwrap() < 360);
            }
        }
        // Replicate deploys the wave's own root, in both targets; the Bicep root into the
        // resource group of the environment's Azure Migrate project, where it is scoped.
        let replicate = serde_json::to_string(&jobs["replicate"]).unwrap();
        assert!(
            replicate.contains("az deployment group create")
                && replicate.contains("--resource-group rg-migration-"),
            "{replicate}"
        );
        assert!(
            replicate.contains("bicep/waves/$WAVE/main.bicepparam"),
            "{replicate}"
        );
        assert!(replicate.contains("terraform/waves/dev-wave-1") == (wave == "dev-wave-1"));
        assert!(
            replicate.contains("apply -input=false tfplan"),
            "{replicate}"
        );
    }
    // dev before prod, and the prod wave says so.
    let prod = meg.read("out/.github/workflows/wave-prod-wave-1.yml");
    assert!(
        prod.contains("(2 of 2, environment prod, 3 servers)"),
        "{prod}"
    );
    assert!(prod.contains("once wave dev-wave-1 has cut over"), "{prod}");
}

#[test]
fn each_wave_gets_an_azure_pipeline_whose_stages_chain_and_wait_for_their_environments() {
    let meg = rendered(Some("azure-devops"));
    let stages = [
        "order",
        "plan",
        "replicate",
        "wait_replication",
        "test_migrate",
        "cleanup_test",
        "cutover",
        "stop_replication",
    ];
    for (wave, env) in [("dev-wave-1", "dev"), ("prod-wave-1", "prod")] {
        let p = yaml(&meg.read(&format!("out/.azure-pipelines/wave-{wave}.yml")));
        assert_eq!(p["trigger"], "none");
        assert_eq!(p["pr"], "none");
        let list = p["stages"].as_array().unwrap();
        let names: Vec<&str> = list.iter().map(|s| s["stage"].as_str().unwrap()).collect();
        assert_eq!(names, stages);
        for (i, s) in list.iter().enumerate().skip(1) {
            assert_eq!(s["dependsOn"], stages[i - 1], "{wave}");
        }
        let job = |i: usize| &list[i + 1]["jobs"][0];
        let order = serde_json::to_string(&list[0]["jobs"][0]).unwrap();
        assert!(
            order.contains("bash waves/wave.sh check-order \\\"$(wave)\\\"")
                && order.contains(&format!("contoso-{env}-preview")),
            "{order}"
        );
        // Deployment jobs wait for their environment's approvals.
        assert_eq!(job(1)["environment"], format!("contoso-{env}"));
        assert_eq!(job(4)["environment"], format!("contoso-{env}-uat"));
        assert_eq!(job(5)["environment"], format!("contoso-{env}-cutover"));
        assert_eq!(job(6)["environment"], format!("contoso-{env}-cutover"));
        // The waits and the test run as plain jobs, without an approval.
        assert!(job(2)["environment"].is_null() && job(3)["environment"].is_null());
        for (i, step) in [
            (2, "wait-replication"),
            (3, "test-migrate"),
            (4, "cleanup-test"),
            (5, "cutover"),
            (6, "stop-replication"),
        ] {
            let text = serde_json::to_string(job(i)).unwrap();
            assert!(
                text.contains(&format!("bash waves/wave.sh {step} \\\"$(wave)\\\"")),
                "{text}"
            );
            assert!(
                text.contains(&format!("\"azureSubscription\":\"contoso-{env}\"")),
                "{text}"
            );
            assert!(job(i)["timeoutInMinutes"].as_u64().unwrap() < 360);
        }
        // The plan uses the read-only connection, the replicate step the deployment one.
        let plan = serde_json::to_string(job(0)).unwrap();
        assert!(plan.contains(&format!("contoso-{env}-preview")), "{plan}");
    }
    let root = yaml(&meg.read("out/.azure-pipelines/wave-root.yml"));
    assert_eq!(
        root["parameters"][0]["values"],
        serde_json::json!(["plan", "deploy"])
    );
}

#[test]
fn a_landing_zone_without_an_inventory_has_no_wave_files() {
    let meg = Meg::new();
    let input = example("rehost.yaml");
    meg.run(&["render", &input, "-o", "out", "--pipeline", "github"])
        .ok();
    assert!(!meg.path("out/waves").exists());
    assert!(!meg.path("out/.meg/waves.json").exists());
    let workflows: Vec<String> = std::fs::read_dir(meg.path("out/.github/workflows"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(workflows, ["landing-zone.yml"]);
    assert!(!meg.read("out/README.md").contains("## Migration waves"));
}

#[test]
fn the_runbook_is_written_from_the_plan_with_a_rollback_per_cutover_step() {
    let meg = rendered(Some("github"));
    let book = meg.read("out/waves/prod-wave-1/RUNBOOK.md");
    assert!(book.starts_with("# Runbook: wave prod-wave-1\n"), "{book}");
    assert!(
        book.contains("3 servers, 8 cores, 32 GiB of memory"),
        "{book}"
    );
    // Each server with its size and where it lands, from the plan.
    for (server, size, rg, vnet, subnet, ip) in [
        (
            "web01",
            "Standard_D2s_v5",
            "rg-orders-prod-weu-001",
            "vnet-orders-prod-weu-001",
            "app",
            "10.1.1.10",
        ),
        (
            "sql01",
            "Standard_D4s_v5",
            "rg-orders-prod-weu-001",
            "vnet-orders-prod-weu-001",
            "app",
            "10.1.1.20",
        ),
        (
            "files01",
            "Standard_D2s_v5",
            "rg-files-prod-weu-001",
            "vnet-files-prod-weu-001",
            "workload",
            "10.1.2.30",
        ),
    ] {
        let row = book
            .lines()
            .find(|l| l.starts_with('|') && l.contains(&format!("| {server} |")))
            .unwrap_or_else(|| panic!("no row for {server}:\n{book}"));
        for cell in [size, rg, vnet, subnet, ip] {
            assert!(row.contains(cell), "{server}: {cell} in {row}");
        }
        assert!(
            book.contains(&format!(
                "point its DNS records back to {ip}, and stop here"
            )),
            "{server}: a rollback that names its old address"
        );
    }
    // The cutover order is stated and numbered in that order; dev's servers are not here.
    assert!(
        book.contains("in this order: the inventory's (file, then row)"),
        "{book}"
    );
    let at = |s: &str| {
        book.find(&format!("**{s}** to `{s}`"))
            .unwrap_or_else(|| panic!("{s}"))
    };
    assert!(at("web01") < at("sql01") && at("sql01") < at("files01"));
    assert!(!book.contains("devweb01"));
    for part in ["## Before", "## During", "## After"] {
        assert!(book.contains(part), "{part}");
    }
    for check in [
        "TTL",
        "Backups on premises verified",
        "Enrolment verified",
        "properties.protectionState",
        "decommissioned",
        "stop-replication prod-wave-1",
    ] {
        assert!(book.contains(check), "{check}");
    }
    assert!(book.contains(".github/workflows/wave-prod-wave-1.yml"));
    // The README says how a wave is run and where its runbook is.
    let readme = meg.read("out/README.md");
    assert!(readme.contains("## Migration waves"));
    assert!(readme.contains("`waves/dev-wave-1/RUNBOOK.md`"));
    assert!(readme.contains("`<env>-uat`") && readme.contains("`<env>-cutover`"));
    let dev = readme
        .find("| 1 | `dev-wave-1` |")
        .expect("dev's wave first");
    assert!(readme.find("| 2 | `prod-wave-1` |").unwrap() > dev);
}

#[test]
fn the_operations_script_quotes_every_name_and_lists_servers_in_cutover_order() {
    let meg = Meg::new();
    meg.write("lz.yaml", landing_zone());
    meg.write(
        "servers.csv",
        &format!("{HEADER}o'brien01,10.1.1.10,2,8192,Ubuntu,prod\n$(reboot),10.1.1.11,2,8192,Ubuntu,prod\n"),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let script = meg.read("out/waves/wave.sh");
    assert!(script.contains(r"'o'\''brien01|o-brien01'"), "{script}");
    assert!(script.contains("'$(reboot)|reboot'"), "{script}");
    assert!(script.find("o'\\''brien01").unwrap() < script.find("$(reboot)|").unwrap());
    // Bash reads it.
    let checked = std::process::Command::new("bash")
        .arg("-n")
        .arg(meg.path("out/waves/wave.sh"))
        .output()
        .expect("bash runs");
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    // A wave it does not know is an error naming the waves it knows, before any Azure call.
    let run = std::process::Command::new("bash")
        .arg(meg.path("out/waves/wave.sh"))
        .args(["status", "prod-wave-9"])
        .output()
        .expect("bash runs");
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("'prod-wave-9' is not a wave of contoso; waves: prod-wave-1"),
        "{err}"
    );
}

fn diff_json(meg: &Meg) -> (i32, Value) {
    let run = meg.run(&["diff", "lz.yaml", "-o", "out", "--json"]);
    let v = serde_json::from_str(&run.stdout()).unwrap_or_else(|_| panic!("{}", run.stderr()));
    (run.code(), v)
}

#[test]
fn diff_reports_servers_added_removed_resized_and_moved_per_wave() {
    let meg = rendered(None);
    let (code, v) = diff_json(&meg);
    assert_eq!((code, &v["waves"]), (0, &serde_json::json!([])));
    // sql01 grows, files01 leaves, web01 moves to the files spoke, devweb01 moves to prod,
    // app02 arrives.
    meg.write(
        "servers.csv",
        &format!(
            "{HEADER}\
             web01,10.1.2.10,2,8192,Ubuntu 22.04,prod\n\
             sql01,10.1.1.20,8,32768,Ubuntu 22.04,prod\n\
             devweb01,10.1.1.40,2,8192,Ubuntu 22.04,prod\n\
             app02,10.1.1.50,2,8192,Ubuntu 22.04,dev\n"
        ),
    );
    let (code, v) = diff_json(&meg);
    assert_eq!(code, 1);
    let waves = v["waves"].as_array().unwrap();
    let of = |wave: &str| -> Vec<Value> {
        waves
            .iter()
            .find(|w| w["wave"] == wave)
            .map(|w| w["changes"].as_array().unwrap().clone())
            .unwrap_or_default()
    };
    let prod = of("prod-wave-1");
    assert!(prod.contains(&serde_json::json!({"change": "movedSpoke", "server": "web01", "from": "orders/app", "to": "files/workload"})), "{prod:?}");
    assert!(prod.contains(&serde_json::json!({"change": "resized", "server": "sql01", "from": "Standard_D4s_v5", "to": "Standard_D8s_v5"})), "{prod:?}");
    assert!(
        prod.contains(&serde_json::json!({"change": "removed", "server": "files01"})),
        "{prod:?}"
    );
    assert!(prod.contains(&serde_json::json!({"change": "movedFromWave", "server": "devweb01", "from": "dev-wave-1"})), "{prod:?}");
    assert_eq!(prod.len(), 4, "{prod:?}");
    assert_eq!(
        of("dev-wave-1"),
        [serde_json::json!({"change": "added", "server": "app02", "size": "Standard_D2s_v5"})]
    );
    // The text says the same, a line per change.
    let text = meg.run(&["diff", "lz.yaml", "-o", "out"]).stdout();
    assert!(
        text.contains("wave prod-wave-1: sql01 resized from Standard_D4s_v5 to Standard_D8s_v5"),
        "{text}"
    );
    assert!(
        text.contains("wave dev-wave-1: app02 added (Standard_D2s_v5)"),
        "{text}"
    );
    // A render plans them: the record follows, and nothing is left to report.
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let (code, v) = diff_json(&meg);
    assert_eq!((code, &v["waves"]), (0, &serde_json::json!([])));
}

#[test]
fn a_damaged_wave_record_is_a_clear_error_and_changes_nothing() {
    let meg = rendered(None);
    let good = meg.read("out/.meg/waves.json");
    let record: Value = serde_json::from_str(&good).unwrap();
    let mut duplicate = record.clone();
    let first = duplicate["waves"][1]["servers"][0].clone();
    duplicate["waves"][0]["servers"]
        .as_array_mut()
        .unwrap()
        .push(first);
    let mut unknown = record.clone();
    unknown["waves"][0]["owner"] = "x".into();
    let mut newer = record.clone();
    newer["recordVersion"] = 2.into();
    let mut path = record.clone();
    path["waves"][0]["name"] = "../../etc".into();
    // An escape sequence that would retitle the terminal `meg diff` prints to.
    let mut escape = record.clone();
    escape["waves"][0]["servers"][0]["size"] = "\u{1b}]0;owned\u{7}".into();
    for (bad, why) in [
        ("{\"recordVersion\": 1, \"waves\": [".to_string(), "EOF"),
        (duplicate.to_string(), "server 'web01' is in waves"),
        (unknown.to_string(), "unknown field `owner`"),
        (newer.to_string(), "recordVersion 2 is not 1"),
        (path.to_string(), "'../../etc' is not a wave name"),
        (escape.to_string(), "has a size with control characters"),
    ] {
        meg.write("out/.meg/waves.json", &bad);
        let before = meg.snapshot("out");
        let err = meg
            .run(&["diff", "lz.yaml", "-o", "out"])
            .bad_input()
            .stderr();
        assert!(
            err.contains("out/.meg/waves.json: the record of the last render's waves is damaged"),
            "{err}"
        );
        assert!(err.contains(why), "{why}: {err}");
        assert!(err.contains("render again to rewrite it"), "{err}");
        assert!(meg.changed_since("out", &before).is_empty());
    }
    // Too large to be a record: refused unread.
    let f = std::fs::File::create(meg.path("out/.meg/waves.json")).unwrap();
    f.set_len(33 * 1024 * 1024).unwrap();
    let err = meg
        .run(&["diff", "lz.yaml", "-o", "out"])
        .bad_input()
        .stderr();
    assert!(err.contains("larger than 32 MiB"), "{err}");
    // A render rewrites it.
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert_eq!(meg.read("out/.meg/waves.json"), good);
}

#[test]
fn the_record_empties_when_the_inventory_goes() {
    let meg = rendered(None);
    let lz = landing_zone()
        .lines()
        .filter(|l| {
            ![
                "migration:",
                "  inventory:",
                "    files:",
                "    placement:",
                "      - cidr:",
                "        spoke:",
                "        subnet:",
            ]
            .iter()
            .any(|p| l.starts_with(p))
        })
        .collect::<Vec<_>>()
        .join("\n");
    meg.write("lz.yaml", &lz);
    let (_, v) = diff_json(&meg);
    let removed: usize = v["waves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["changes"].as_array().unwrap().len())
        .sum();
    assert_eq!(removed, 4, "{v}");
    meg.run(&["render", "lz.yaml", "-o", "out", "--prune"]).ok();
    let record: Value = serde_json::from_str(&meg.read("out/.meg/waves.json")).unwrap();
    assert_eq!(record["waves"], serde_json::json!([]));
    assert!(!meg.path("out/waves").exists());
}

/// Runs a step of the rendered `waves/wave.sh` against a stand-in `az` that answers from
/// `items` (the vault's migration items) and logs every POST and DELETE. `None` when this
/// machine has no `jq` (the script needs it, as the runners have it).
fn run_script(meg: &Meg, step: &str, wave: &str, items: &Value) -> Option<(i32, String, String)> {
    run_script_with(meg, step, wave, items, &[], &[])
        .map(|(code, _, err, calls)| (code, err, calls))
}

/// [`run_script`] with the VMs that exist in Azure (`az resource list` finds them) and more
/// environment variables; also gives the script's standard output.
fn run_script_with(
    meg: &Meg,
    step: &str,
    wave: &str,
    items: &Value,
    vms: &[&str],
    env: &[(&str, &str)],
) -> Option<(i32, String, String, String)> {
    meg.write(
        "fake/vms.txt",
        &vms.iter().map(|v| format!("{v}\n")).collect::<String>(),
    );
    if std::process::Command::new("jq")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("jq is not installed: the script's run is not checked here");
        return None;
    }
    meg.write(
        "fake/items.json",
        &serde_json::json!({ "value": items }).to_string(),
    );
    meg.write(
        "fake/bin/az",
        r#"#!/usr/bin/env bash
set -euo pipefail
dir="$(dirname "$0")/.."
url=""; method=""; name=""; prev=""
for a in "$@"; do
  [ "$prev" = --url ] && url="$a"
  [ "$prev" = --method ] && method="$a"
  [ "$prev" = --name ] && name="$a"
  prev="$a"
done
case "$*" in
  "account show"*) echo 00000000-0000-0000-0000-000000000001 ;;
  "resource list"*) grep -cxF -- "$name" "$dir/vms.txt" || true ;;
  *Servers-Migration-ServerMigration*) echo /subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vault1 ;;
  *) case "$method" in
       get)
         if [[ $url == */replicationMigrationItems\?* ]]; then cat "$dir/items.json"
         else jq --arg id "${url%%\?*}" '.value[] | select(.id == $id)' "$dir/items.json"; fi ;;
       *) echo "$method $url $*" >> "$dir/calls.log" ;;
     esac ;;
esac
"#,
    );
    let bin = meg.path("fake/bin");
    std::fs::set_permissions(
        bin.join("az"),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("bash")
        .arg(meg.path("out/waves/wave.sh"))
        .args([step, wave])
        .env("PATH", path)
        .env("GITHUB_ACTIONS", "true")
        .env("WAVE_WAIT_MINUTES", "0")
        .env("WAVE_POLL_SECONDS", "0")
        .envs(env.iter().copied())
        .output()
        .expect("bash runs");
    let calls = std::fs::read_to_string(meg.path("fake/calls.log")).unwrap_or_default();
    Some((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        calls,
    ))
}

/// A migration item of the stand-in vault.
fn item(name: &str, migration: &str, test: &str) -> Value {
    let id = format!(
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vault1/replicationFabrics/f/replicationProtectionContainers/c/replicationMigrationItems/{name}-item"
    );
    serde_json::json!({
        "id": id,
        "properties": {
            "machineName": name.to_uppercase(),
            "migrationState": migration,
            "testMigrateState": test,
            "allowedOperations": ["TestMigrate", "Migrate", "DisableMigration"],
            "providerSpecificDetails": {
                "instanceType": "VMwareCbt",
                "targetVmName": name,
                "testNetworkId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-test",
                "lastRecoveryPointId": format!("{id}/migrationRecoveryPoints/p1"),
            },
        },
    })
}

#[test]
fn a_wait_times_out_naming_the_servers_it_still_waits_for() {
    let meg = rendered(None);
    let items = serde_json::json!([
        item("web01", "InitialSeedingInProgress", "None"),
        item("sql01", "Replicating", "None"),
        item("files01", "EnableMigrationInProgress", "None"),
    ]);
    let Some((code, err, _)) = run_script(&meg, "wait-replication", "prod-wave-1", &items) else {
        return;
    };
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("::error::initial replication: not done after 0 minutes for web01 (InitialSeedingInProgress) files01 (EnableMigrationInProgress); run this step again"),
        "{err}"
    );
    // A server that failed stops the wait at once, saying which and how.
    let items = serde_json::json!([
        item("web01", "Replicating", "None"),
        item("sql01", "InitialSeedingFailed", "None"),
        item("files01", "Replicating", "None"),
    ]);
    let (code, err, _) = run_script(&meg, "wait-replication", "prod-wave-1", &items).unwrap();
    assert_eq!(code, 1);
    assert!(
        err.contains("sql01: migrationState is InitialSeedingFailed (initial replication failed)"),
        "{err}"
    );
    // A server the vault does not replicate is named, with what to do.
    let items = serde_json::json!([item("web01", "Replicating", "None")]);
    let (_, err, _) = run_script(&meg, "wait-replication", "prod-wave-1", &items).unwrap();
    assert!(
        err.contains("sql01 is not replicating in /subscriptions/s/"),
        "{err}"
    );
}

#[test]
fn the_test_migration_posts_the_items_test_network_and_latest_recovery_point() {
    let meg = rendered(None);
    let items = serde_json::json!([item("devweb01", "Replicating", "TestMigrationFailed")]);
    let Some((code, err, calls)) = run_script(&meg, "test-migrate", "dev-wave-1", &items) else {
        return;
    };
    assert!(calls.starts_with("post /subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vault1/replicationFabrics/f/replicationProtectionContainers/c/replicationMigrationItems/devweb01-item/testMigrate?api-version=2024-04-01"), "{calls}");
    for part in [
        r#""instanceType":"VMwareCbt""#,
        r#""networkId":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-test""#,
        r#""recoveryPointId":"/subscriptions/s/"#,
    ] {
        assert!(calls.contains(part), "{part}: {calls}");
    }
    // The stand-in's state never moves on: the wait reports the failure it shows.
    assert_eq!(code, 1);
    assert!(
        err.contains("devweb01: testMigrateState is TestMigrationFailed"),
        "{err}"
    );
    // Replication stops only after a cutover.
    let (code, err, calls) = run_script(&meg, "stop-replication", "dev-wave-1", &items).unwrap();
    assert_eq!(code, 1);
    assert!(
        err.contains("devweb01 has not cut over (state Replicating)"),
        "{err}"
    );
    assert!(!calls.contains("delete"), "{calls}");
}

#[test]
fn the_runbook_cuts_a_server_over_after_what_it_depends_on_in_its_wave() {
    // web01 calls sql01 (the dependency export): sql01 cuts over first, though the inventory
    // lists web01 first.
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &landing_zone().replace("files: [servers.csv]", "files: [servers.csv, deps.csv]"),
    );
    meg.write("servers.csv", &servers());
    meg.write(
        "deps.csv",
        "Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port\n\
         web01,10.1.1.10,shop,nginx,sql01,10.1.1.20,orders,postgres,5432\n",
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let book = meg.read("out/waves/prod-wave-1/RUNBOOK.md");
    let step = |server: &str| {
        book.find(&format!(". **{server}** to `{server}`"))
            .unwrap_or_else(|| panic!("no cutover step for {server}: {book}"))
    };
    assert!(step("sql01") < step("web01"), "{book}");
    assert!(book.contains("**web01** to `web01` ("), "{book}");
    assert!(book.contains("), after `sql01`."), "{book}");
    assert!(book.contains("by dependency"), "{book}");
}

#[test]
fn an_update_records_the_waves_it_wrote_so_diff_compares_with_them() {
    let meg = rendered(None);
    // sql01 grows and app02 arrives: diff sees both, then update plans them.
    meg.write(
        "servers.csv",
        &format!(
            "{HEADER}\
             web01,10.1.1.10,2,8192,Ubuntu 22.04,prod\n\
             sql01,10.1.1.20,8,32768,Ubuntu 22.04,prod\n\
             files01,10.1.2.30,2,8192,Ubuntu 22.04,prod\n\
             devweb01,10.1.1.40,2,8192,Ubuntu 22.04,dev\n\
             app02,10.1.1.50,2,8192,Ubuntu 22.04,dev\n"
        ),
    );
    let (code, v) = diff_json(&meg);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["waves"].as_array().map(Vec::len), Some(2), "{v}");
    meg.run(&["update", "lz.yaml", "-o", "out"]).ok();
    let record: Value = serde_json::from_str(&meg.read("out/.meg/waves.json")).unwrap();
    let servers: Vec<&str> = record["waves"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|w| w["servers"].as_array().unwrap())
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(servers.contains(&"app02"), "{record}");
    let (code, v) = diff_json(&meg);
    assert_eq!((code, &v["waves"]), (0, &serde_json::json!([])), "{v}");
}

#[test]
fn a_wave_starts_only_once_the_waves_before_it_have_cut_over_unless_overridden() {
    let meg = rendered(None);
    let replicating = serde_json::json!([item("devweb01", "Replicating", "None")]);
    // dev-wave-1 runs first: nothing to wait for.
    let Some((code, _, err, _)) =
        run_script_with(&meg, "check-order", "dev-wave-1", &replicating, &[], &[])
    else {
        return;
    };
    assert_eq!(code, 0, "{err}");
    // prod-wave-1 waits for devweb01, which still replicates; the cutover checks it too.
    for step in ["check-order", "cutover"] {
        let (code, _, err, calls) =
            run_script_with(&meg, step, "prod-wave-1", &replicating, &[], &[]).unwrap();
        assert_eq!(code, 1, "{step}: {err}");
        assert!(err.contains("::error::prod-wave-1 runs after the waves before it have cut over; not yet: dev-wave-1: devweb01 (Replicating)"), "{err}");
        assert!(!calls.contains("post"), "{step} started nothing: {calls}");
    }
    // An override with its reason goes on, with a warning that says who and why.
    let (code, _, err, _) = run_script_with(
        &meg,
        "check-order",
        "prod-wave-1",
        &replicating,
        &[],
        &[("WAVE_ORDER_OVERRIDE", "CAB-1234 prod first")],
    )
    .unwrap();
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("::warning::wave order overridden for prod-wave-1 by ")
            && err.contains("CAB-1234 prod first")
            && err.contains("devweb01 (Replicating)"),
        "{err}"
    );
    // Cut over: the item says so, or replication stopped and its VM runs in Azure.
    let done = serde_json::json!([item("devweb01", "MigrationSucceeded", "None")]);
    let (code, _, err, _) =
        run_script_with(&meg, "check-order", "prod-wave-1", &done, &[], &[]).unwrap();
    assert_eq!(code, 0, "{err}");
    let none = serde_json::json!([]);
    let (code, _, err, _) = run_script_with(
        &meg,
        "check-order",
        "prod-wave-1",
        &none,
        &["devweb01"],
        &[],
    )
    .unwrap();
    assert_eq!(code, 0, "{err}");
    let (code, _, err, _) =
        run_script_with(&meg, "check-order", "prod-wave-1", &none, &[], &[]).unwrap();
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("devweb01 (not replicating, and no VM devweb01 in Azure)"),
        "{err}"
    );
}

#[test]
fn a_second_replicate_skips_the_servers_already_replicating_or_migrated() {
    let meg = rendered(None);
    // web01 replicates, sql01 cut over and its replication stopped, files01 is new.
    let items = serde_json::json!([item("web01", "Replicating", "None")]);
    let Some((code, out, err, _)) =
        run_script_with(&meg, "replicated", "prod-wave-1", &items, &["sql01"], &[])
    else {
        return;
    };
    assert_eq!((code, out.trim()), (0, r#"["web01"]"#), "{err}");
    let (code, out, err, _) =
        run_script_with(&meg, "migrated", "prod-wave-1", &items, &["sql01"], &[]).unwrap();
    assert_eq!((code, out.trim()), (0, r#"["sql01"]"#), "{err}");
    // The roots leave them out: Bicep by skipServers, Terraform by migrated_servers (and it
    // never sends a second body for an item it created).
    let main = meg.read("out/bicep/waves/prod-wave-1/main.bicep");
    assert!(main.contains("!contains(skipServers, s.name)"), "{main}");
    assert!(
        meg.read("out/bicep/waves/prod-wave-1/main.bicepparam")
            .contains("param skipServers = []")
    );
    let tf = meg.read("out/terraform/waves/prod-wave-1/main.tf");
    assert!(tf.contains("!contains(var.migrated_servers, name)"), "{tf}");
    assert!(tf.contains("ignore_changes = [body]"), "{tf}");
}
