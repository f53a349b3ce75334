//! Strategies compose: `strategy: [hybrid, rehost, refactor]` renders the union of the
//! strategies' components, whatever the list's order; a single strategy renders as before;
//! a bad list is refused where it is written, with nothing written.

use std::collections::BTreeMap;
use std::path::PathBuf;

mod common;

use common::{Meg, example};

/// Hallmark resources of components, each brought by one strategy: (component, azurerm type,
/// ARM type). Counted in a render, they show which components it holds.
const HALLMARKS: [(&str, &str, &str); 8] = [
    (
        "vpn-gateway",
        "azurerm_virtual_network_gateway",
        "Microsoft.Network/virtualNetworkGateways",
    ),
    (
        "dns-resolver",
        "azurerm_private_dns_resolver",
        "Microsoft.Network/dnsResolvers",
    ),
    (
        "bastion",
        "azurerm_bastion_host",
        "Microsoft.Network/bastionHosts",
    ),
    (
        "backup",
        "azurerm_backup_policy_vm",
        "Microsoft.RecoveryServices/vaults/backupPolicies",
    ),
    (
        "disk-encryption",
        "azurerm_disk_encryption_set",
        "Microsoft.Compute/diskEncryptionSets",
    ),
    (
        "app-service",
        "azurerm_service_plan",
        "Microsoft.Web/serverfarms",
    ),
    ("azure-sql", "azurerm_mssql_server", "Microsoft.Sql/servers"),
    (
        "front-door",
        "azurerm_cdn_frontdoor_profile",
        "Microsoft.Cdn/profiles",
    ),
];

/// How many resources of a component's hallmark type a render declares, in Terraform and in
/// Bicep.
fn count(files: &BTreeMap<PathBuf, Vec<u8>>, component: &str) -> (usize, usize) {
    let (_, tf, arm) = HALLMARKS.iter().find(|(c, _, _)| *c == component).unwrap();
    let text = |ext: &str| -> String {
        files
            .iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == ext))
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .collect()
    };
    let terraform = text("tf").matches(&format!("resource \"{tf}\" ")).count();
    let bicep = text("bicep").matches(&format!(" '{arm}@")).count();
    (terraform, bicep)
}

/// `meg init` for the strategies, then a render of the file: the rendered files.
fn init_and_render(meg: &Meg, strategies: &[&str], name: &str) -> BTreeMap<PathBuf, Vec<u8>> {
    let file = format!("{name}.yaml");
    let mut args = vec!["init", "-o", &file];
    for s in strategies {
        args.extend(["--strategy", s]);
    }
    meg.run(&args).ok();
    meg.run(&["render", &file, "-o", name]).ok();
    let mut files = meg.snapshot(name);
    files.retain(|p, _| !p.starts_with(".meg"));
    files
}

#[test]
fn a_combination_renders_the_union_of_its_strategies_components() {
    let meg = Meg::new();
    let combined = init_and_render(&meg, &["hybrid,rehost,refactor"], "all");
    let single: BTreeMap<&str, BTreeMap<PathBuf, Vec<u8>>> = ["hybrid", "rehost", "refactor"]
        .into_iter()
        .map(|s| (s, init_and_render(&meg, &[s], s)))
        .collect();
    // Each component the combination holds has as many resources as in the strategy that
    // brings it (the starters combine the same sites, spokes and applications).
    for (component, from) in [
        ("vpn-gateway", "hybrid"),
        ("dns-resolver", "hybrid"),
        ("backup", "rehost"),
        ("disk-encryption", "rehost"),
        ("app-service", "refactor"),
        ("azure-sql", "refactor"),
        ("front-door", "refactor"),
    ] {
        let alone = count(&single[from], component);
        assert!(
            alone.0 > 0 && alone.1 > 0,
            "{from} alone deploys {component}"
        );
        assert_eq!(
            count(&combined, component),
            alone,
            "{component} in the combination, as {from} renders it"
        );
        // And the strategies that do not bring it deploy none of it.
        for other in ["hybrid", "rehost", "refactor"]
            .iter()
            .filter(|s| **s != from)
        {
            assert_eq!(
                count(&single[other], component),
                (0, 0),
                "{other}: {component}"
            );
        }
    }
    // Refactor alone switches Bastion off; beside rehost and hybrid, which have it, its default
    // is dropped and Bastion is deployed.
    assert_eq!(count(&single["refactor"], "bastion"), (0, 0));
    assert_eq!(
        count(&combined, "bastion"),
        count(&single["rehost"], "bastion")
    );
    assert!(count(&combined, "bastion").0 > 0);
}

#[test]
fn the_order_of_the_list_does_not_change_the_render() {
    let meg = Meg::new();
    meg.run(&[
        "init",
        "--strategy",
        "hybrid,rehost,refactor",
        "-o",
        "a.yaml",
    ])
    .ok();
    let text = meg.read("a.yaml");
    let canonical = "strategy:\n  - hybrid\n  - rehost\n  - refactor\n";
    assert!(text.contains(canonical), "{text}");
    meg.write(
        "b.yaml",
        &text.replace(canonical, "strategy: [refactor, hybrid, rehost]\n"),
    );
    meg.write(
        "c.yaml",
        &text.replace(
            canonical,
            "strategy:\n  - rehost\n  - refactor\n  - hybrid\n",
        ),
    );
    let mut renders = Vec::new();
    for f in ["a", "b", "c"] {
        meg.run(&["render", &format!("{f}.yaml"), "-o", f]).ok();
        let mut files = meg.snapshot(f);
        files.retain(|p, _| !p.starts_with(".meg"));
        renders.push(files);
    }
    assert!(renders[0].len() > 50);
    assert_eq!(renders[0], renders[1]);
    assert_eq!(renders[0], renders[2]);
    let readme = String::from_utf8(renders[0][&PathBuf::from("README.md")].clone()).unwrap();
    assert!(
        readme.starts_with("# contoso: hybrid + rehost + refactor landing zone\n"),
        "{readme}"
    );
    assert!(readme.contains("combining the **hybrid**, **rehost** and **refactor** strategies"));
    assert!(readme.contains("### Which strategy brings what"));
    assert!(readme.contains(
        "- **rehost**: Lift and shift servers to Azure VMs (Azure Migrate, Site Recovery, Backup).\n  Brings `migration`, `backup`"
    ));
}

#[test]
fn single_strategy_examples_render_their_references_byte_for_byte() {
    let meg = Meg::new();
    meg.run(&["check"]).ok();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for name in [
        "hybrid",
        "rehost",
        "refactor",
        "existing-hub",
        "existing-hub-refactor",
    ] {
        let source = std::fs::read_to_string(example(&format!("{name}.yaml"))).unwrap();
        assert!(
            source
                .lines()
                .any(|l| l.starts_with("strategy: ") && !l.contains('[')),
            "{name} names a single strategy"
        );
        meg.run(&["render", &example(&format!("{name}.yaml")), "-o", name])
            .ok();
        let mut rendered = meg.snapshot(name);
        rendered.retain(|p, _| !p.starts_with(".meg"));
        let reference: BTreeMap<PathBuf, Vec<u8>> =
            walkdir::WalkDir::new(root.join("catalog/references").join(name))
                .into_iter()
                .map(|e| e.unwrap())
                .filter(|e| e.file_type().is_file())
                .map(|e| {
                    let rel = e
                        .path()
                        .strip_prefix(root.join("catalog/references").join(name))
                        .unwrap()
                        .to_path_buf();
                    (rel, std::fs::read(e.path()).unwrap())
                })
                .collect();
        assert_eq!(
            rendered.keys().collect::<Vec<_>>(),
            reference.keys().collect::<Vec<_>>(),
            "{name}: the same files"
        );
        for (path, bytes) in &reference {
            assert!(
                rendered[path] == *bytes,
                "{name}: {} differs",
                path.display()
            );
        }
    }
}

/// A valid combined file with `strategy` as given (block lines start on line 2).
fn with_strategy(strategy: &str) -> String {
    format!(
        "name: fabrikam\n{strategy}location: westeurope\nenvironments:\n  dev:\n    network:\n      hub:\n        addressSpace: 10.10.0.0/22\n      spokes:\n        - name: servers\n          addressSpace: 10.11.0.0/24\n"
    )
}

/// Renders `text` into an output folder that already holds a render: the command fails with
/// exit 2, and the folder is as it was.
#[track_caller]
fn refused(text: &str) -> String {
    let meg = Meg::new();
    meg.write("ok.yaml", &with_strategy("strategy: rehost\n"));
    meg.run(&["render", "ok.yaml", "-o", "out"]).ok();
    let before = meg.snapshot("out");
    meg.write("lz.yaml", text);
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    assert_eq!(meg.snapshot("out"), before, "nothing written");
    let validate = meg.run(&["validate", "lz.yaml"]).bad_input();
    assert_eq!(validate.stderr(), run.stderr());
    run.stderr()
}

#[test]
fn an_unknown_strategy_in_a_list_is_refused_on_its_line_with_a_suggestion() {
    let err = refused(&with_strategy("strategy:\n  - rehost\n  - refactr\n"));
    assert!(err.contains("lz.yaml:4:"), "{err}");
    assert!(err.contains("did you mean 'refactor'?"), "{err}");
}

#[test]
fn an_unknown_single_strategy_is_refused_with_a_suggestion() {
    let err = refused(&with_strategy("strategy: rehots\n"));
    assert!(err.contains("lz.yaml:2:"), "{err}");
    assert!(err.contains("did you mean 'rehost'?"), "{err}");
}

#[test]
fn a_strategy_listed_twice_is_refused_at_the_second() {
    let err = refused(&with_strategy(
        "strategy:\n  - rehost\n  - hybrid\n  - rehost\n",
    ));
    assert!(err.contains("lz.yaml:5:"), "{err}");
    assert!(
        err.contains("\"rehost\" is listed twice (items 1 and 3)"),
        "{err}"
    );
}

#[test]
fn an_empty_list_of_strategies_is_refused() {
    let err = refused(&with_strategy("strategy: []\n"));
    assert!(err.contains("lz.yaml:2:"), "{err}");
    assert!(
        err.contains("\"hybrid\", \"rehost\", \"refactor\""),
        "{err}"
    );
}

#[test]
fn the_error_names_the_item_in_json() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &with_strategy("strategy: [hybrid, rehost, refactr]\n"),
    );
    let run = meg.run(&["validate", "lz.yaml", "--json"]).bad_input();
    let v: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(v["errors"][0]["pointer"], "/strategy/2", "{v}");
    assert_eq!(v["errors"][0]["line"], 2, "{v}");
}

#[test]
fn init_combines_the_starters_and_the_file_validates_and_renders() {
    let meg = Meg::new();
    meg.run(&[
        "init",
        "--strategy",
        "refactor",
        "--strategy",
        "hybrid",
        "--strategy",
        "rehost",
        "-o",
        "repeated.yaml",
    ])
    .ok();
    meg.run(&["init", "hybrid,rehost,refactor", "-o", "comma.yaml"])
        .ok();
    let text = meg.read("repeated.yaml");
    assert_eq!(text, meg.read("comma.yaml"));
    // Every starter's parts: hybrid's site, rehost's and refactor's spokes, refactor's app.
    for part in [
        "strategy:\n  - hybrid\n  - rehost\n  - refactor\n",
        "gatewayAddress: 203.0.113.10",
        "- name: servers",
        "- name: shop",
        "    shop:\n      webApps:",
        "# meg landing zone: hybrid + rehost + refactor\n",
    ] {
        assert!(text.contains(part), "{part}\n{text}");
    }
    meg.run(&["validate", "repeated.yaml"]).ok();
    meg.run(&["lint", "repeated.yaml"]).ok();
    let run = meg.run(&["render", "repeated.yaml", "-o", "out"]).ok();
    assert!(
        run.stdout()
            .contains("(hybrid + rehost + refactor, environments: dev, prod)"),
        "{}",
        run.stdout()
    );
}

#[test]
fn init_refuses_a_bad_list_and_writes_nothing() {
    let meg = Meg::new();
    let run = meg
        .run(&[
            "init",
            "--strategy",
            "hybrid,rehost,hybrid",
            "-o",
            "lz.yaml",
        ])
        .bad_input();
    assert!(
        run.stderr().contains("'hybrid' is listed twice"),
        "{}",
        run.stderr()
    );
    let run = meg
        .run(&[
            "init",
            "--strategy",
            "hybrid",
            "--strategy",
            "refactr",
            "-o",
            "lz.yaml",
        ])
        .bad_input();
    assert!(
        run.stderr().contains("did you mean 'refactor'?"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr()
            .contains("meg init --strategy hybrid --strategy refactr"),
        "{}",
        run.stderr()
    );
    assert!(!meg.path("lz.yaml").exists());
    assert!(!meg.path("meg.schema.json").exists());
}

#[test]
fn show_of_a_combination_lists_every_component_of_the_union() {
    let meg = Meg::new();
    let hybrid = meg.run(&["show", "hybrid"]).ok().stdout();
    assert!(!hybrid.contains("migration.enabled"), "{hybrid}");
    let both = meg.run(&["show", "hybrid,rehost,refactor"]).ok().stdout();
    for key in [
        "migration.enabled",
        "paas.enabled",
        "vpnGateway.enabled",
        "bastion.enabled",
    ] {
        assert!(both.contains(key), "{key}\n{both}");
    }
    assert!(both.contains("backup: "), "{both}");
    assert!(both.contains("(from rehost)"), "{both}");
    assert!(
        both.contains("a default that switches off a component"),
        "{both}"
    );
    assert!(
        both.contains("meg init --strategy hybrid,rehost,refactor"),
        "{both}"
    );
    assert_eq!(
        meg.run(&["show", "refactor,hybrid,rehost"]).ok().stdout(),
        both
    );
    // The merged defaults: Bastion's off switch is gone, the others stay.
    let json: serde_json::Value = serde_json::from_str(
        &meg.run(&["show", "rehost,refactor", "--json"])
            .ok()
            .stdout(),
    )
    .unwrap();
    assert_eq!(
        json["strategies"],
        serde_json::json!(["rehost", "refactor"])
    );
    assert_eq!(json["defaults"]["migration"]["enabled"], true);
    assert_eq!(json["defaults"]["paas"]["enabled"], true);
    assert!(
        json["defaults"]["bastion"].get("enabled").is_none(),
        "{json}"
    );
    let refactor: serde_json::Value =
        serde_json::from_str(&meg.run(&["show", "refactor", "--json"]).ok().stdout()).unwrap();
    assert_eq!(refactor["defaults"]["bastion"]["enabled"], false);
    let bad = meg.run(&["show", "hybrid,hybird"]).bad_input();
    assert!(
        bad.stderr().contains("did you mean 'hybrid'?"),
        "{}",
        bad.stderr()
    );
}

#[test]
fn a_lint_rule_for_one_strategy_applies_to_combinations_that_list_it() {
    // SEC-006 (administration through Bastion) applies to hybrid and rehost.
    let meg = Meg::new();
    let no_bastion = |strategy: &str| with_strategy(strategy) + "bastion:\n  enabled: false\n";
    let findings = |file: &str| -> Vec<String> {
        let run = meg.run(&["lint", file, "--json"]);
        let v: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    meg.write("refactor.yaml", &no_bastion("strategy: refactor\n"));
    meg.write(
        "combined.yaml",
        &no_bastion("strategy: [refactor, rehost]\n"),
    );
    assert!(!findings("refactor.yaml").contains(&"SEC-006".to_string()));
    assert!(findings("combined.yaml").contains(&"SEC-006".to_string()));
}

#[test]
fn list_and_schema_say_strategies_combine() {
    let meg = Meg::new();
    let list = meg.run(&["list"]).ok().stdout();
    assert!(
        list.contains("strategy: [hybrid, rehost, refactor]"),
        "{list}"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&meg.run(&["schema"]).ok().stdout()).unwrap();
    let strategy = &schema["properties"]["strategy"];
    assert_eq!(strategy["type"], serde_json::json!(["string", "array"]));
    assert_eq!(strategy["uniqueItems"], true);
    assert!(
        strategy["description"]
            .as_str()
            .unwrap()
            .contains("hybrid, rehost, refactor whatever the list's order")
    );
}

#[test]
fn a_list_of_one_strategy_renders_as_the_strategy_alone() {
    let meg = Meg::new();
    let text = std::fs::read_to_string(example("rehost.yaml")).unwrap();
    assert!(text.contains("\nstrategy: rehost\n"));
    meg.write("single.yaml", &text);
    meg.write(
        "list.yaml",
        &text.replace("\nstrategy: rehost\n", "\nstrategy: [rehost]\n"),
    );
    let mut renders = Vec::new();
    for f in ["single", "list"] {
        meg.run(&["render", &format!("{f}.yaml"), "-o", f]).ok();
        let mut files = meg.snapshot(f);
        files.retain(|p, _| !p.starts_with(".meg"));
        renders.push(files);
    }
    assert_eq!(renders[0], renders[1]);
}
