//! The meg binary as a user runs it: one behaviour per test.

use std::path::Path;

mod common;

use common::{MINIMAL, Meg, example};

#[test]
fn render_writes_both_trees_a_readme_and_a_lock() {
    let meg = Meg::new();
    let run = meg
        .run(&["render", &example("hybrid.yaml"), "-o", "out"])
        .ok();
    assert!(
        run.stdout().contains("rendered contoso"),
        "{}",
        run.stdout()
    );
    for f in [
        "README.md",
        "bicep/main.bicep",
        "bicep/bicepconfig.json",
        "bicep/environments/dev.bicepparam",
        "bicep/environments/prod.bicepparam",
        "terraform/terraform.tf",
        "terraform/variables.tf",
        "terraform/environments/dev.tfvars",
        "terraform/environments/prod.tfvars",
        ".meg/lock.json",
    ] {
        assert!(meg.path("out").join(f).is_file(), "missing {f}");
    }
    let lock: serde_json::Value = serde_json::from_str(&meg.read("out/.meg/lock.json")).unwrap();
    let files = lock["files"].as_object().unwrap();
    assert!(files.contains_key("bicep/main.bicep"));
    assert_eq!(
        files.len(),
        meg.snapshot("out").len() - 3,
        "every file but the lock, the base and the process lock is recorded"
    );
    assert!(meg.path("out/.meg/base.json.gz").is_file());
    assert_eq!(lock["inputs"][0]["name"], "hybrid.yaml");
}

#[test]
fn output_is_byte_identical_for_the_same_input() {
    let meg = Meg::new();
    meg.run(&["render", &example("hybrid.yaml"), "-o", "a"])
        .ok();
    meg.run(&["render", &example("hybrid.yaml"), "-o", "nested/b"])
        .ok();
    let (mut a, mut b) = (meg.snapshot("a"), meg.snapshot("nested/b"));
    let lock = std::path::Path::new(".meg/lock.json");
    let [la, lb] = [a.remove(lock).unwrap(), b.remove(lock).unwrap()]
        .map(|l| serde_json::from_slice::<serde_json::Value>(&l).unwrap());
    assert_eq!(a, b);
    // The lock records where the inputs are as seen from the output: that alone differs.
    let strip = |mut v: serde_json::Value| {
        v["render"]["files"].take();
        v
    };
    assert_eq!(strip(la.clone()), strip(lb.clone()));
    assert_eq!(
        format!("../{}", la["render"]["files"][0].as_str().unwrap()),
        lb["render"]["files"][0]
    );
}

#[test]
fn a_second_render_changes_nothing() {
    let meg = Meg::new();
    meg.run(&["render", &example("hybrid.yaml"), "-o", "out"])
        .ok();
    let before = meg.snapshot("out");
    let run = meg
        .run(&["render", &example("hybrid.yaml"), "-o", "out"])
        .ok();
    assert!(
        run.stdout().contains("0 created, 0 changed, 0 removed"),
        "{}",
        run.stdout()
    );
    assert_eq!(before, meg.snapshot("out"));
}

#[test]
fn dry_run_lists_changes_and_writes_nothing() {
    let meg = Meg::new();
    let run = meg
        .run(&["render", &example("hybrid.yaml"), "-o", "out", "--dry-run"])
        .ok();
    assert!(
        run.stdout().contains("create  bicep/main.bicep"),
        "{}",
        run.stdout()
    );
    assert!(!meg.path("out").exists());

    meg.run(&["render", &example("hybrid.yaml"), "-o", "out"])
        .ok();
    let before = meg.snapshot("out");
    let run = meg
        .run(&[
            "render",
            &example("hybrid.yaml"),
            "-o",
            "out",
            "--dry-run",
            "--set",
            "monitoring.retentionDays=120",
        ])
        .ok();
    assert!(
        run.stdout()
            .contains("change  terraform/environments/dev.tfvars"),
        "{}",
        run.stdout()
    );
    assert_eq!(before, meg.snapshot("out"));
}

#[test]
fn hand_edited_files_are_not_overwritten_without_force() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let edited = format!("{}// my change\n", meg.read("out/bicep/main.bicep"));
    meg.write("out/bicep/main.bicep", &edited);
    let before = meg.snapshot("out");

    let run = meg
        .run(&[
            "render",
            "lz.yaml",
            "-o",
            "out",
            "--set",
            "monitoring.retentionDays=120",
        ])
        .bad_input();
    assert!(
        run.stderr().contains("bicep/main.bicep"),
        "{}",
        run.stderr()
    );
    assert!(run.stderr().contains("--force"), "{}", run.stderr());
    assert_eq!(
        before,
        meg.snapshot("out"),
        "a refused render writes nothing"
    );

    meg.run(&["render", "lz.yaml", "-o", "out", "--force"]).ok();
    assert!(!meg.read("out/bicep/main.bicep").contains("// my change"));
}

#[test]
fn files_meg_no_longer_renders_are_removed() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(meg.path("out/terraform/environments/prod.tfvars").exists());
    // The landing zone drops its prod environment.
    let dev_only = MINIMAL[..MINIMAL.find("  prod:").unwrap()].to_string();
    meg.write("lz.yaml", &dev_only);
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(run.stdout().contains("removed"), "{}", run.stdout());
    assert!(!meg.path("out/terraform/environments/prod.tfvars").exists());
    assert!(meg.path("out/terraform/environments/dev.tfvars").exists());
}

#[test]
fn rendering_one_environment_leaves_the_others_as_they_are() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let before = meg.snapshot("out");
    let run = meg
        .run(&[
            "render",
            "lz.yaml",
            "-o",
            "out",
            "--env",
            "prod",
            "--set",
            "environments.prod.monitoring.retentionDays=120",
        ])
        .ok();
    assert!(
        run.stdout().contains("2 changed, 0 removed"),
        "{}",
        run.stdout()
    );
    let changed = meg.changed_since("out", &before);
    assert!(!changed.is_empty());
    for p in &changed {
        assert!(p.contains("prod."), "{p} changed");
    }
    // The lock still knows dev's files: a full render changes nothing more.
    let full = meg
        .run(&[
            "render",
            "lz.yaml",
            "-o",
            "out",
            "--set",
            "environments.prod.monitoring.retentionDays=120",
        ])
        .ok();
    assert!(
        full.stdout().contains("0 created, 0 changed, 0 removed"),
        "{}",
        full.stdout()
    );
}

#[test]
fn files_the_user_added_are_left_alone() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.write("out/terraform/backend.hcl", "key = \"x\"\n");
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    meg.run(&["render", "lz.yaml", "-o", "out", "--env", "dev"])
        .ok();
    assert_eq!(meg.read("out/terraform/backend.hcl"), "key = \"x\"\n");
}

#[test]
fn set_values_are_typed_like_yaml_and_win() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.write(
        "prod.yaml",
        "environments:\n  prod:\n    monitoring:\n      retentionDays: 180\n",
    );
    meg.run(&[
        "render",
        "lz.yaml",
        "-f",
        "prod.yaml",
        "--set",
        "environments.dev.monitoring.retentionDays=45",
        "-o",
        "out",
    ])
    .ok();
    assert!(
        meg.read("out/terraform/environments/prod.tfvars")
            .contains("retention_in_days = 180")
    );
    assert!(
        meg.read("out/terraform/environments/dev.tfvars")
            .contains("retention_in_days = 45")
    );
    assert!(
        meg.read("out/bicep/environments/dev.bicepparam")
            .contains("retentionInDays: 45")
    );
}

#[test]
fn environment_presets_differ_where_waf_says_they_should() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let dev = meg.read("out/terraform/environments/dev.tfvars");
    let prod = meg.read("out/terraform/environments/prod.tfvars");
    assert!(
        dev.contains("enable_purge_protection       = false"),
        "{dev}"
    );
    assert!(
        prod.contains("enable_purge_protection       = true"),
        "{prod}"
    );
    assert!(
        prod.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["zone_redundant", "=", "true"]),
        "{prod}"
    );
}

#[test]
fn target_and_env_select_what_is_rendered() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&[
        "render",
        "lz.yaml",
        "--target",
        "terraform",
        "--env",
        "prod",
        "-o",
        "out",
    ])
    .ok();
    assert!(!meg.path("out/bicep").exists());
    assert!(meg.path("out/terraform/environments/prod.tfvars").exists());
    assert!(!meg.path("out/terraform/environments/dev.tfvars").exists());

    let run = meg
        .run(&["render", "lz.yaml", "--env", "prd", "-o", "out2"])
        .bad_input();
    assert!(
        run.stderr().contains("did you mean 'prod'"),
        "{}",
        run.stderr()
    );
}

#[test]
fn tag_values_cannot_break_or_inject_code() {
    let meg = Meg::new();
    let nasty = "it's \"quoted\" ${var.x} %{if} \\ back\nnew line Zürich";
    let yaml = MINIMAL.replace(
        "owner: team-net",
        &format!("owner: {}", serde_json::to_string(nasty).unwrap()),
    );
    meg.write("lz.yaml", &yaml);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();

    // Terraform: parse the tfvars back and find the exact value.
    let tfvars: hcl::Body =
        hcl::from_str(&meg.read("out/terraform/environments/dev.tfvars")).expect("tfvars parse");
    let tags = tfvars
        .attributes()
        .find(|a| a.key.as_str() == "tags")
        .expect("tags");
    let hcl::Expression::Object(obj) = &tags.expr else {
        panic!("tags is an object")
    };
    let owner = obj
        .iter()
        .find(|(k, _)| matches!(k, hcl::ObjectKey::Identifier(i) if i.as_str() == "owner"))
        .map(|(_, v)| v.clone())
        .expect("owner tag");
    match owner {
        hcl::Expression::TemplateExpr(t) => {
            let template = hcl::Template::from_expr(&t).expect("template");
            let rendered: String = template
                .elements()
                .iter()
                .map(|e| match e {
                    hcl::template::Element::Literal(s) => s.clone(),
                    other => panic!("the value must stay a literal, found {other:?}"),
                })
                .collect();
            assert_eq!(rendered.replace("$${", "${").replace("%%{", "%{"), nasty);
        }
        hcl::Expression::String(s) => assert_eq!(s, nasty),
        other => panic!("unexpected {other:?}"),
    }
    // Bicep: the literal is escaped, on one line.
    let bicep = meg.read("out/bicep/environments/dev.bicepparam");
    assert!(
        bicep.contains(r#"owner: 'it\'s "quoted" \${var.x} %{if} \\ back\nnew line Zürich'"#),
        "{bicep}"
    );
}

#[test]
fn init_writes_a_starter_that_renders() {
    for strategy in ["hybrid", "rehost", "refactor"] {
        let meg = Meg::new();
        meg.run(&["init", strategy, "-o", "lz.yaml"]).ok();
        let text = meg.read("lz.yaml");
        assert!(text.contains(&format!("strategy: {strategy}")), "{text}");
        assert!(
            text.contains("# firewall:"),
            "optional settings are shown commented out:\n{text}"
        );
        meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
        let again = meg.run(&["init", strategy, "-o", "lz.yaml"]).bad_input();
        assert!(again.stderr().contains("--force"), "{}", again.stderr());
    }
}

#[test]
fn list_and_show_describe_the_catalog() {
    let meg = Meg::new();
    let list = meg.run(&["list", "--json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&list.stdout()).unwrap();
    let strategies: Vec<&str> = v["strategies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(strategies, ["hybrid", "refactor", "rehost"]);
    assert_eq!(v["targets"], serde_json::json!(["bicep", "terraform"]));
    assert!(
        v["examples"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"] == "hybrid")
    );

    let show = meg.run(&["show", "hybrid"]).ok();
    assert!(show.stdout().contains("firewall.tier"), "{}", show.stdout());
    assert!(
        show.stdout().contains("presets: dev=\"Basic\""),
        "{}",
        show.stdout()
    );

    let json = meg.run(&["show", "platform", "--json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout()).unwrap();
    assert_eq!(v["component"]["name"], "platform");
    assert!(!v["parameters"].as_array().unwrap().is_empty());

    let bad = meg.run(&["show", "hybird"]).bad_input();
    assert!(
        bad.stderr().contains("did you mean 'hybrid'"),
        "{}",
        bad.stderr()
    );
}

/// Each bad input: its file, extra arguments, and what the message must say.
fn bad_inputs() -> Vec<(&'static str, String, Vec<&'static str>, Vec<&'static str>)> {
    let with = |from: &str, to: &str| MINIMAL.replace(from, to);
    vec![
        (
            "yaml syntax",
            MINIMAL.replace("owner: team-net", "owner: [team-net"),
            vec![],
            vec!["lz.yaml:", "invalid YAML"],
        ),
        (
            "wrong type",
            with("addressSpace: 10.10.0.0/22", "addressSpace: [10.10.0.0/22]"),
            vec![],
            vec![
                "environments.dev.network.hub.addressSpace",
                "expected a string, found a list",
            ],
        ),
        (
            "wrong value",
            format!("{MINIMAL}firewall:\n  tier: premium\n"),
            vec![],
            vec!["firewall.tier", "did you mean 'Premium'"],
        ),
        (
            "value not of the expected form",
            with("name: fabrikam", "name: Fabrikam_LZ"),
            vec![],
            vec![
                "lz.yaml:1:1",
                "\"Fabrikam_LZ\" does not have the expected form: starts with a lower-case letter",
                "lower case, digits, hyphens",
            ],
        ),
        (
            "unknown key",
            with("location: westeurope", "locaton: westeurope"),
            vec![],
            vec![
                "lz.yaml:3:1",
                "unknown key 'locaton'",
                "did you mean 'location'",
            ],
        ),
        (
            "unknown strategy",
            with("strategy: hybrid", "strategy: hybird"),
            vec![],
            vec!["strategy", "did you mean 'hybrid'"],
        ),
        (
            "unknown region",
            with("location: westeurope", "location: westeurop"),
            vec![],
            vec![
                "unknown Azure region 'westeurop'",
                "did you mean 'westeurope'",
            ],
        ),
        (
            "malformed cidr",
            with("10.10.0.0/22", "10.10.0.1/22"),
            vec![],
            vec!["lz.yaml:10:9", "host bits"],
        ),
        (
            "overlapping address spaces",
            format!(
                "{MINIMAL}onPremises:\n  sites:\n    - name: dc\n      gatewayAddress: 203.0.113.1\n      addressSpaces: [10.0.0.0/8]\n"
            ),
            vec![],
            vec!["overlaps on-premises site 'dc' (10.0.0.0/8)"],
        ),
        (
            "spoke overlapping the hub",
            format!(
                "{MINIMAL}network:\n  spokes:\n    - name: app\n      addressSpace: 10.10.1.0/24\n"
            ),
            vec![],
            vec!["the hub (10.10.0.0/22) overlaps spoke 'app'"],
        ),
        (
            "subnet outside its network",
            with(
                "addressSpace: 10.10.0.0/22",
                "addressSpace: 10.10.0.0/22\n        subnets:\n          bastion: 10.99.0.0/26",
            ),
            vec![],
            vec!["AzureBastionSubnet 10.99.0.0/26 is outside the hub"],
        ),
        (
            "gateway subnet too small",
            with(
                "addressSpace: 10.10.0.0/22",
                "addressSpace: 10.10.0.0/22\n        subnets:\n          gateway: 10.10.0.192/28",
            ),
            vec![],
            vec!["GatewaySubnet 10.10.0.192/28 is too small", "/27"],
        ),
        (
            "firewall subnet too small",
            with(
                "addressSpace: 10.10.0.0/22",
                "addressSpace: 10.10.0.0/22\n        subnets:\n          firewall: 10.10.0.0/27",
            ),
            vec![],
            vec!["AzureFirewallSubnet 10.10.0.0/27 is too small", "/26"],
        ),
        (
            "hub too small for the layout",
            with("addressSpace: 10.10.0.0/22", "addressSpace: 10.10.0.0/25"),
            vec![],
            vec!["no room for", "/23 or larger"],
        ),
        (
            "missing input file",
            MINIMAL.to_string(),
            vec!["-f", "missing.yaml"],
            vec!["missing.yaml", "no such file"],
        ),
        (
            "name azure would reject",
            MINIMAL.to_string(),
            vec!["--set", "naming.overrides.keyVault=kv_platform"],
            vec![
                "'kv_platform' is not a valid Microsoft.KeyVault/vaults name",
                "'_' is not allowed",
            ],
        ),
        (
            "name too long to shorten",
            MINIMAL.to_string(),
            vec![
                "--set",
                "naming.pattern={abbreviation}-{workload}-{environment}-{region}-{instance}-{name}-{name}-{name}-{name}-{name}",
            ],
            vec!["longer than", "Microsoft.KeyVault/vaults"],
        ),
    ]
}

#[test]
fn bad_input_is_a_clear_error_and_leaves_the_output_untouched() {
    for (case, yaml, extra, expected) in bad_inputs() {
        let meg = Meg::new();
        meg.write("lz.yaml", MINIMAL);
        meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
        let before = meg.snapshot("out");
        meg.write("lz.yaml", &yaml);
        let mut args = vec!["render", "lz.yaml", "-o", "out"];
        args.extend(extra.iter().copied());
        let run = meg.run(&args);
        assert_eq!(
            run.code(),
            2,
            "{case}: exit code; stderr:\n{}",
            run.stderr()
        );
        for want in expected {
            assert!(
                run.stderr().contains(want),
                "{case}: expected {want:?} in:\n{}",
                run.stderr()
            );
        }
        assert_eq!(
            before,
            meg.snapshot("out"),
            "{case}: the output folder changed"
        );
    }
}

#[test]
fn validate_checks_without_writing_and_speaks_json() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    let run = meg.run(&["validate", "lz.yaml", "--json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(v["valid"], true);
    assert_eq!(v["environments"], serde_json::json!(["dev", "prod"]));

    meg.write(
        "bad.yaml",
        &MINIMAL.replace("location: westeurope", "locaton: westeurope"),
    );
    let run = meg.run(&["validate", "bad.yaml", "--json"]).bad_input();
    let v: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(v["valid"], false);
    assert!(
        v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["hint"] == "did you mean 'location'?"),
        "{v}"
    );
    assert_eq!(
        std::fs::read_dir(meg.dir.path()).unwrap().count(),
        2,
        "validate writes nothing"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let meg = Meg::new();
    meg.run(&["render", "lz.yaml"]).bad_input();
    meg.run(&["render"]).bad_input();
    meg.run(&["frobnicate"]).bad_input();
}

#[test]
fn every_example_validates() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let meg = Meg::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let run = meg
                .run(&["validate", &path.display().to_string(), "--json"])
                .ok();
            let v: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
            let envs = v["environments"].as_array().unwrap();
            assert!(
                envs.iter().any(|e| e == "dev") && envs.iter().any(|e| e == "prod"),
                "{}: {v}",
                path.display()
            );
            seen += 1;
        }
    }
    assert!(seen >= 3, "the three strategy examples exist");
}

/// `zone: 1` (a number where the schema wants the text "1") renders exactly as `zone: "1"`.
#[test]
fn an_integer_zone_renders_as_its_text() {
    let meg = Meg::new();
    let quoted = std::fs::read_to_string(example("rehost.yaml")).unwrap();
    assert!(quoted.contains("zone: \"1\""), "the example pins a zone");
    meg.write("quoted.yaml", &quoted);
    meg.write("plain.yaml", &quoted.replace("zone: \"1\"", "zone: 1"));
    meg.run(&["render", "quoted.yaml", "-o", "a"]).ok();
    meg.run(&["render", "plain.yaml", "-o", "b"]).ok();
    let (a, b) = (meg.snapshot("a"), meg.snapshot("b"));
    let code = |s: &std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>| {
        s.iter()
            .filter(|(p, _)| !p.starts_with(".meg"))
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(code(&a), code(&b));
}

/// A hub in public address space, and an on-premises VPN gateway address inside a hub, are
/// lint warnings (they deploy, but route someone else's addresses, or never connect).
#[test]
fn public_ranges_and_gateways_inside_azure_are_lint_warnings() {
    let meg = Meg::new();
    let findings = |yaml: &str| -> Vec<(String, String, String)> {
        meg.write("lz.yaml", yaml);
        let run = meg.run(&["lint", "lz.yaml", "--json"]);
        let v: serde_json::Value =
            serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}: {}", run.stderr()));
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["environment"].as_str().unwrap().to_string(),
                    f["severity"].as_str().unwrap().to_string(),
                )
            })
            .filter(|(r, _, _)| r == "NET-002" || r == "NET-003")
            .collect()
    };
    assert_eq!(findings(MINIMAL), vec![], "private ranges, no site");
    let public = MINIMAL.replace("10.10.0.0/22", "8.8.0.0/22");
    assert_eq!(
        findings(&public),
        vec![("NET-002".into(), "dev".into(), "warning".into())]
    );
    let site = |address: &str| {
        format!(
            "{MINIMAL}vpnGateway:\n  enabled: true\nonPremises:\n  sites:\n    - name: dc\n      gatewayAddress: {address}\n      addressSpaces: [192.168.0.0/16]\n"
        )
    };
    assert_eq!(findings(&site("203.0.113.10")), vec![]);
    assert_eq!(
        findings(&site("10.20.1.4")),
        vec![("NET-003".into(), "prod".into(), "warning".into())]
    );
}

/// A README.md of the user's own in the output folder is not "changed since meg wrote it",
/// and an OUT that is a file is said to be a file; neither writes anything.
#[test]
fn the_output_folder_is_described_as_it_is() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.write("out/README.md", "# our platform repository\n");
    let before = meg.snapshot("out");
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
    let err = run.stderr();
    assert!(
        err.contains("exist and were not written by meg") && err.contains("  README.md"),
        "{err}"
    );
    assert!(!err.contains("changed since meg wrote"), "{err}");
    assert_eq!(before, meg.snapshot("out"));
    let dry = meg
        .run(&["render", "lz.yaml", "-o", "out", "--dry-run"])
        .ok();
    assert!(
        dry.stdout()
            .contains("README.md  (exists, not written by meg: needs --force)"),
        "{}",
        dry.stdout()
    );

    meg.write("afile", "not a folder\n");
    let run = meg.run(&["render", "lz.yaml", "-o", "afile"]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
    assert!(
        run.stderr().contains("afile: OUT is a file, not a folder"),
        "{}",
        run.stderr()
    );
    assert!(!run.stderr().contains("os error"), "{}", run.stderr());
    assert_eq!(meg.read("afile"), "not a folder\n");
}

/// `meg diff --stat` names a file the user added or deleted as such, and `.megignore` (globs
/// relative to the output folder) keeps the user's own files out of the comparison.
#[test]
fn diff_names_what_the_user_added_or_deleted_and_honours_megignore() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert_eq!(
        meg.run(&["diff", "lz.yaml", "-o", "out", "--stat"]).code(),
        0
    );
    meg.write("out/terraform/extra.tf", "# ours\n");
    let deleted = "terraform/environments/dev.tfvars";
    assert!(
        meg.path(&format!("out/{deleted}")).exists(),
        "{deleted} is rendered"
    );
    std::fs::remove_file(meg.path(&format!("out/{deleted}"))).unwrap();
    let run = meg.run(&["diff", "lz.yaml", "-o", "out", "--stat"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let out = run.stdout();
    let line = |p: &str| {
        out.lines()
            .find(|l| l.contains(p))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line("terraform/extra.tf").starts_with("added")
            && line("terraform/extra.tf").contains("(added by you)"),
        "{out}"
    );
    assert!(
        line(deleted).starts_with("deleted") && line(deleted).contains("(deleted by you)"),
        "{out}"
    );
    assert!(!out.contains("(edited by you)"), "{out}");

    meg.write("out/.megignore", "# our own files\nextra.tf\n");
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let run = meg.run(&["diff", "lz.yaml", "-o", "out", "--stat"]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());
    assert!(!run.stdout().contains("extra.tf"), "{}", run.stdout());
}
