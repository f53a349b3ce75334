//! Living with a landing zone: drift, three-way updates, reference snapshots, lint, batches.

mod common;

use common::{MINIMAL, Meg};

/// Renders MINIMAL into `out` and returns the builder.
fn rendered() -> Meg {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    meg
}

#[test]
fn diff_is_quiet_and_exits_0_on_an_untouched_tree() {
    let meg = rendered();
    let run = meg.run(&["diff", "lz.yaml", "-o", "out"]).ok();
    assert!(
        run.stdout().contains("0 file(s) differ"),
        "{}",
        run.stdout()
    );
}

#[test]
fn diff_tells_user_edits_from_render_changes() {
    let meg = rendered();
    let main = meg.read("out/terraform/main.tf");
    meg.write("out/terraform/main.tf", &format!("{main}# ours\n"));
    std::fs::remove_file(meg.path("out/bicep/bicepconfig.json")).unwrap();
    meg.write("out/terraform/extra.tf", "locals {}\n");
    let run = meg.run(&[
        "diff",
        "lz.yaml",
        "-o",
        "out",
        "--json",
        "--set",
        "monitoring.retentionDays=99",
    ]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let v: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let file = |p: &str| {
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == p)
            .cloned()
            .unwrap_or_else(|| panic!("{p} in {v}"))
    };
    let main = file("terraform/main.tf");
    assert_eq!(
        (
            main["edited_by_user"].as_bool(),
            main["render_changed"].as_bool()
        ),
        (Some(true), Some(false))
    );
    assert!(main["diff"].as_str().unwrap().contains("-# ours"));
    let dev = file("terraform/environments/dev.tfvars");
    assert_eq!(
        (
            dev["edited_by_user"].as_bool(),
            dev["render_changed"].as_bool()
        ),
        (Some(false), Some(true))
    );
    assert_eq!(
        file("bicep/bicepconfig.json")["change"],
        "added",
        "deleted by the user, the render has it"
    );
    assert_eq!(
        file("terraform/extra.tf")["change"],
        "removed",
        "added by the user, the render does not have it"
    );

    let stat = meg.run(&["diff", "lz.yaml", "-o", "out", "--stat"]);
    assert!(
        stat.stdout()
            .contains("terraform/main.tf  +0 -1  (edited by you)"),
        "{}",
        stat.stdout()
    );
}

#[test]
fn update_keeps_user_edits_and_takes_new_render() {
    let meg = rendered();
    let main = meg.read("out/terraform/main.tf");
    meg.write(
        "out/terraform/main.tf",
        &format!("# team note: reviewed by netops\n{main}"),
    );
    let run = meg
        .run(&[
            "update",
            "lz.yaml",
            "-o",
            "out",
            "--set",
            "monitoring.retentionDays=99",
        ])
        .ok();
    assert!(run.stdout().contains("kept-yours"), "{}", run.stdout());
    assert!(
        meg.read("out/terraform/main.tf")
            .starts_with("# team note: reviewed by netops\n")
    );
    assert!(
        meg.read("out/terraform/environments/dev.tfvars")
            .contains("retention_in_days = 99")
    );

    // Nothing new: a second update touches nothing and the tree stays byte for byte.
    let before = meg.snapshot("out");
    let again = meg
        .run(&[
            "update",
            "lz.yaml",
            "-o",
            "out",
            "--set",
            "monitoring.retentionDays=99",
        ])
        .ok();
    assert!(
        again.stdout().contains("0 file(s) written, 0 removed"),
        "{}",
        again.stdout()
    );
    assert_eq!(before, meg.snapshot("out"));
}

#[test]
fn update_marks_overlapping_edits_as_conflicts_and_exits_1() {
    let meg = rendered();
    let dev = meg.read("out/terraform/environments/dev.tfvars");
    meg.write(
        "out/terraform/environments/dev.tfvars",
        &dev.replace("retention_in_days = 30", "retention_in_days = 31"),
    );
    let run = meg.run(&[
        "update",
        "lz.yaml",
        "-o",
        "out",
        "--set",
        "environments.dev.monitoring.retentionDays=45",
    ]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert!(
        run.stdout()
            .contains("conflict     terraform/environments/dev.tfvars"),
        "{}",
        run.stdout()
    );
    let merged = meg.read("out/terraform/environments/dev.tfvars");
    for want in [
        "<<<<<<< yours",
        "retention_in_days = 31",
        "|||||||",
        "=======",
        "retention_in_days = 45",
        ">>>>>>> meg",
    ] {
        assert!(merged.contains(want), "{want} missing:\n{merged}");
    }
    // The conflicted file counts as the user's: a plain render will not overwrite it.
    let render = meg
        .run(&[
            "render",
            "lz.yaml",
            "-o",
            "out",
            "--set",
            "environments.dev.monitoring.retentionDays=45",
        ])
        .bad_input();
    assert!(
        render
            .stderr()
            .contains("terraform/environments/dev.tfvars"),
        "{}",
        render.stderr()
    );
    // Updating again before resolving keeps saying so, and leaves the file alone.
    let set = ["--set", "environments.dev.monitoring.retentionDays=45"];
    let again = meg.run(&[&["update", "lz.yaml", "-o", "out"][..], &set[..]].concat());
    assert_eq!(again.code(), 1, "{}", again.stdout());
    assert!(
        again.stdout().contains("unresolved markers"),
        "{}",
        again.stdout()
    );
    assert_eq!(meg.read("out/terraform/environments/dev.tfvars"), merged);
    let diff = meg.run(&[&["diff", "lz.yaml", "-o", "out"][..], &set[..]].concat());
    assert!(
        diff.stdout()
            .contains("resolve the conflict markers left in terraform/environments/dev.tfvars"),
        "{}",
        diff.stdout()
    );
}

#[test]
fn update_respects_deleted_files_and_reports_them() {
    let meg = rendered();
    std::fs::remove_file(meg.path("out/bicep/bicepconfig.json")).unwrap();
    let run = meg.run(&["update", "lz.yaml", "-o", "out"]).ok();
    assert!(
        run.stdout().contains("kept-deleted bicep/bicepconfig.json"),
        "{}",
        run.stdout()
    );
    assert!(!meg.path("out/bicep/bicepconfig.json").exists());
}

#[test]
fn update_removes_dropped_files_only_when_untouched() {
    let meg = rendered();
    let prod = meg.read("out/terraform/environments/prod.tfvars");
    meg.write(
        "out/terraform/environments/prod.tfvars",
        &format!("{prod}# keep me\n"),
    );
    // The landing zone drops its prod environment.
    meg.write("lz.yaml", &MINIMAL[..MINIMAL.find("  prod:").unwrap()]);
    let run = meg.run(&["update", "lz.yaml", "-o", "out"]).ok();
    assert!(
        run.stdout()
            .contains("kept-edited  terraform/environments/prod.tfvars"),
        "{}",
        run.stdout()
    );
    assert!(
        run.stdout()
            .contains("removed      bicep/environments/prod.bicepparam"),
        "{}",
        run.stdout()
    );
    assert!(meg.path("out/terraform/environments/prod.tfvars").exists());
    assert!(!meg.path("out/bicep/environments/prod.bicepparam").exists());
}

#[test]
fn update_dry_run_writes_nothing() {
    let meg = rendered();
    let before = meg.snapshot("out");
    let run = meg
        .run(&[
            "update",
            "lz.yaml",
            "-o",
            "out",
            "--dry-run",
            "--set",
            "monitoring.retentionDays=99",
        ])
        .ok();
    assert!(run.stdout().contains("would update"), "{}", run.stdout());
    assert_eq!(before, meg.snapshot("out"));
}

#[test]
fn update_needs_a_rendered_tree() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    let run = meg.run(&["update", "lz.yaml", "-o", "nowhere"]).bad_input();
    assert!(run.stderr().contains("render it first"), "{}", run.stderr());
}

#[test]
fn the_shipped_catalog_matches_its_references() {
    let meg = Meg::new();
    let root = env!("CARGO_MANIFEST_DIR");
    let run = meg.run(&["check", "--catalog", root]);
    assert_eq!(
        run.code(),
        0,
        "templates changed without their references; review and run `meg check --bless`:\n{}",
        run.stdout()
    );
    assert!(
        run.stdout().contains("0 changed, 0 added, 0 removed"),
        "{}",
        run.stdout()
    );
}

#[test]
fn check_shows_a_diff_and_bless_accepts_it() {
    let meg = Meg::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // A company catalog overriding one template, with the shipped references copied in.
    let template =
        std::fs::read_to_string(root.join("templates/terraform/providers.tf.tera")).unwrap();
    meg.write(
        "company/templates/terraform/providers.tf.tera",
        &template.replace("storage_use_azuread = true", "storage_use_azuread = false"),
    );
    for entry in walkdir::WalkDir::new(root.join("catalog/references")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(root).unwrap();
            meg.write(
                &format!("company/{}", rel.display()),
                &std::fs::read_to_string(entry.path()).unwrap(),
            );
        }
    }
    let run = meg.run(&["check", "--catalog", "company"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert!(
        run.stdout().contains("+  storage_use_azuread = false"),
        "{}",
        run.stdout()
    );
    assert!(
        run.stdout().contains("changed, 0 added, 0 removed"),
        "{}",
        run.stdout()
    );

    meg.run(&["check", "--catalog", "company", "--bless"]).ok();
    meg.run(&["check", "--catalog", "company"]).ok();
    assert!(
        meg.read("company/catalog/references/hybrid/terraform/providers.tf")
            .contains("storage_use_azuread = false")
    );
}

#[test]
fn lint_reports_by_pillar_and_fails_on_errors() {
    let meg = rendered();
    let ok = meg.run(&["lint", "lz.yaml", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&ok.stdout()).unwrap();
    assert!(v["passed"].as_u64().unwrap() > 0);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "REL-001"),
        "{v}"
    );

    let bad = meg.run(&[
        "lint",
        "lz.yaml",
        "--set",
        "environments.prod.firewall.zoneRedundant=false",
        "--set",
        "tags=null",
    ]);
    assert_eq!(bad.code(), 1, "{}", bad.stderr());
    let out = bad.stdout();
    assert!(
        out.contains("Reliability\n  error   REL-001 [prod]"),
        "{out}"
    );
    assert!(out.contains("OPS-002"), "{out}");
    assert!(
        !out.contains("REL-001 [dev]"),
        "a prod rule does not apply to dev:\n{out}"
    );
}

#[test]
fn company_rules_extend_lint() {
    let meg = rendered();
    meg.write(
        "company/catalog/rules/company.yaml",
        "rules:\n  - id: ACME-001\n    title: Everything runs in Sweden\n    pillar: Security\n    severity: error\n    hint: use swedencentral\n    require: {properties: {location: {const: swedencentral}}}\n",
    );
    let run = meg.run(&["lint", "lz.yaml", "--catalog", "company"]);
    assert_eq!(run.code(), 1, "{}", run.stdout());
    assert!(run.stdout().contains("ACME-001"), "{}", run.stdout());
}

#[test]
fn a_folder_of_landing_zones_renders_each_into_its_own_folder() {
    let meg = Meg::new();
    for (i, name) in ["alpha", "bravo", "charlie"].iter().enumerate() {
        meg.write(
            &format!("zones/{name}.yaml"),
            &MINIMAL.replace("fabrikam", &format!("zone{i}")),
        );
    }
    meg.write("zones/broken.yaml", "name: x\n");
    let run = meg.run(&["render", "zones", "-o", "out"]);
    assert_eq!(
        run.code(),
        2,
        "one bad zone fails the batch:\n{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("zones/broken.yaml"),
        "{}",
        run.stderr()
    );
    for name in ["alpha", "bravo", "charlie"] {
        assert!(
            meg.path(&format!("out/{name}/terraform/main.tf")).exists(),
            "{name}"
        );
    }
    assert!(!meg.path("out/broken").exists());
    assert!(
        meg.read("out/bravo/terraform/environments/dev.tfvars")
            .contains("zone1")
    );
}

#[test]
fn several_inputs_are_for_render_only() {
    let meg = Meg::new();
    meg.write("a.yaml", MINIMAL);
    meg.write("b.yaml", MINIMAL);
    let run = meg.run(&["validate", "a.yaml", "b.yaml"]).bad_input();
    assert!(run.stderr().contains("-f"), "{}", run.stderr());
}

#[test]
fn completions_come_from_the_same_definitions() {
    let meg = Meg::new();
    let run = meg.run(&["completions", "bash"]).ok();
    for cmd in ["render", "update", "check", "lint", "--pipeline"] {
        assert!(
            run.stdout().contains(cmd),
            "{cmd} missing from bash completion"
        );
    }
}

#[test]
fn every_command_has_help_with_examples() {
    let meg = Meg::new();
    for cmd in [
        "list",
        "show",
        "init",
        "render",
        "validate",
        "diff",
        "update",
        "check",
        "lint",
        "completions",
    ] {
        let run = meg.run(&[cmd, "--help"]).ok();
        assert!(
            run.stdout().contains("Examples:"),
            "{cmd} --help has no examples"
        );
    }
}

#[test]
fn pipelines_render_for_the_chosen_system_and_parse() {
    let meg = rendered();
    meg.run(&["render", "lz.yaml", "-o", "gh", "--pipeline", "github"])
        .ok();
    let workflow = meg.read("gh/.github/workflows/landing-zone.yml");
    let v: serde_json::Value = serde_saphyr::from_str(&workflow).expect("the workflow is YAML");
    let jobs = v["jobs"].as_object().expect("jobs");
    assert!(
        jobs.keys().any(|k| k.contains("dev")) && jobs.keys().any(|k| k.contains("prod")),
        "{:?}",
        jobs.keys()
    );
    assert!(
        workflow.contains("id-token: write"),
        "OIDC login, no stored secrets"
    );
    assert!(!meg.path("gh/azure-pipelines.yml").exists());

    meg.run(&[
        "render",
        "lz.yaml",
        "-o",
        "ado",
        "--pipeline",
        "azure-devops",
    ])
    .ok();
    let ado: serde_json::Value =
        serde_saphyr::from_str(&meg.read("ado/azure-pipelines.yml")).expect("YAML");
    assert!(
        ado["stages"].as_array().is_some_and(|s| s.len() >= 3),
        "{ado}"
    );
    assert!(!meg.path("ado/.github").exists());
    // Without the flag, no pipeline files.
    assert!(!meg.path("out/.github").exists() && !meg.path("out/azure-pipelines.yml").exists());
}

#[test]
fn adding_an_application_changes_only_what_it_must() {
    let meg = Meg::new();
    let apps = |names: &[&str]| {
        let list: String = names
            .iter()
            .map(|n| format!("    - name: {n}\n      owner: team-{n}\n"))
            .collect();
        format!("{MINIMAL}network:\n  spokeAddressPool: 10.64.0.0/16\n  spokes:\n{list}")
    };
    meg.write("lz.yaml", &apps(&["shop", "booking"]));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let before = meg.snapshot("out");
    let dev = meg.read("out/terraform/environments/dev.tfvars");
    assert!(
        dev.contains("address_prefixes     = [\"10.64.0.0/24\"]")
            && dev.contains("address_prefixes     = [\"10.64.1.0/24\"]"),
        "{dev}"
    );
    assert!(
        dev.contains("owner    = \"team-shop\""),
        "the spoke carries its owner tag:\n{dev}"
    );

    meg.write("lz.yaml", &apps(&["shop", "booking", "crm"]));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let changed = meg.changed_since("out", &before);
    assert!(!changed.is_empty());
    for p in &changed {
        assert!(
            p.ends_with(".tfvars") || p.ends_with(".bicepparam") || p == "README.md",
            "{p} changed; only parameters and the README should"
        );
    }
    let dev = meg.read("out/terraform/environments/dev.tfvars");
    assert!(
        dev.contains("[\"10.64.0.0/24\"]")
            && dev.contains("[\"10.64.1.0/24\"]")
            && dev.contains("[\"10.64.2.0/24\"]"),
        "{dev}"
    );
}

#[test]
fn a_batch_refuses_two_landing_zones_with_one_name() {
    let meg = Meg::new();
    meg.write("zones/a.yaml", MINIMAL);
    meg.write("zones/b.yaml", MINIMAL);
    let run = meg.run(&["render", "zones", "-o", "out"]).bad_input();
    assert!(
        run.stderr()
            .contains("landing-zone name 'fabrikam' is used by"),
        "{}",
        run.stderr()
    );
    assert!(!meg.path("out").exists());
}

#[test]
fn an_environment_with_another_name_must_say_its_preset() {
    let meg = Meg::new();
    meg.write("lz.yaml", &MINIMAL.replace("  prod:", "  prd:"));
    let run = meg.run(&["validate", "lz.yaml"]).bad_input();
    assert!(
        run.stderr().contains("did you mean 'prod'"),
        "{}",
        run.stderr()
    );
    meg.write(
        "lz.yaml",
        &MINIMAL.replace("  prod:", "  uat:\n    tier: prod"),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(
        meg.read("out/terraform/environments/uat.tfvars")
            .contains("enable_purge_protection       = true")
    );
}

/// A company template that includes a missing partial or names an unknown filter is refused
/// when the catalog loads, with the file and line of each mistake, and the tree is untouched.
#[test]
fn a_broken_company_template_is_refused_before_anything_is_written() {
    let meg = rendered();
    let before = meg.snapshot("out");
    meg.write(
        "company/templates/bicep/extra.bicep.tera",
        "// extra\n{% include \"bicep/_missing.bicep.tera\" %}\nvar n = {{ lz.name | bicep_strng }}\n",
    );
    let run = meg.run(&["render", "lz.yaml", "-o", "out", "--catalog", "company"]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
    for expected in [
        "bicep/extra.bicep.tera:2",
        "Unknown template `bicep/_missing.bicep.tera`",
        "bicep/extra.bicep.tera:3",
        "Unknown filter `bicep_strng`",
    ] {
        assert!(
            run.stderr().contains(expected),
            "{expected}: {}",
            run.stderr()
        );
    }
    assert_eq!(meg.changed_since("out", &before), Vec::<String>::new());
}
