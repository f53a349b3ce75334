//! What a new user reaches for first (issue 17): examples and a schema outside the repository,
//! `show` for any key, honest help per command, `--env a,b`, `-v` and completions. Each test
//! drives the real binary; bad input exits 2 with a plain message and writes nothing.

mod common;

use common::{MINIMAL, Meg, example};

#[test]
fn init_example_writes_the_embedded_example_with_the_schema_line() {
    let meg = Meg::new();
    let run = meg
        .run(&["init", "--example", "refactor", "-o", "lz.yaml"])
        .ok();
    assert!(run.stdout().contains("wrote lz.yaml"), "{}", run.stdout());
    let text = meg.read("lz.yaml");
    let (first, body) = text.split_once('\n').unwrap();
    assert_eq!(first, "# yaml-language-server: $schema=meg.schema.json");
    // The example itself follows, byte for byte.
    let original = std::fs::read_to_string(example("refactor.yaml")).unwrap();
    assert!(
        body.ends_with(&original),
        "the example is not written as it is"
    );
    // It renders, from a folder that holds no examples.
    meg.run(&["validate", "lz.yaml"]).ok();
    // The schema the line names is beside it, and is the one `meg schema` prints.
    let schema = meg.run(&["schema"]).ok().stdout();
    assert_eq!(meg.read("meg.schema.json"), schema);
    // `examples/refactor.yaml`, as `meg list` prints it, names it too.
    meg.run(&["init", "--example", "examples/rehost.yaml", "-o", "r.yaml"])
        .ok();
    assert!(meg.read("r.yaml").contains("strategy: rehost"));
}

#[test]
fn init_example_refuses_unknown_names_and_existing_files() {
    let meg = Meg::new();
    let run = meg
        .run(&["init", "--example", "refactr", "-o", "lz.yaml"])
        .bad_input();
    let err = run.stderr();
    assert!(err.contains("no example named 'refactr'"), "{err}");
    assert!(err.contains("did you mean 'refactor'?"), "{err}");
    assert!(
        err.contains("hybrid") && err.contains("rehost"),
        "lists the examples: {err}"
    );
    assert!(meg.snapshot(".").is_empty(), "nothing written");

    meg.write("lz.yaml", "mine\n");
    let run = meg
        .run(&["init", "--example", "hybrid", "-o", "lz.yaml"])
        .bad_input();
    assert!(run.stderr().contains("--force"), "{}", run.stderr());
    assert_eq!(meg.read("lz.yaml"), "mine\n");
    assert!(!meg.path("meg.schema.json").exists());
    meg.run(&["init", "--example", "hybrid", "-o", "lz.yaml", "--force"])
        .ok();
    assert!(meg.read("lz.yaml").contains("strategy: hybrid"));
    // Neither a strategy nor an example: the error names both ways.
    let run = meg.run(&["init", "-o", "y.yaml"]).bad_input();
    assert!(run.stderr().contains("--example"), "{}", run.stderr());
    assert!(!meg.path("y.yaml").exists());
    // `meg list` points at `meg init --example`, which works outside the repository.
    let list = meg.run(&["list"]).ok().stdout();
    assert!(list.contains("meg init --example <name>"), "{list}");
    assert!(list.contains("\n  existing-hub-refactor\n"), "{list}");
    // A strategy and an example at once is a usage error.
    meg.run(&["init", "hybrid", "--example", "hybrid", "-o", "x.yaml"])
        .bad_input();
    assert!(!meg.path("x.yaml").exists());
}

#[test]
fn schema_prints_the_catalog_schema_and_writes_it_on_request() {
    let meg = Meg::new();
    let out = meg.run(&["schema"]).ok().stdout();
    let printed: serde_json::Value = serde_json::from_str(&out).unwrap();
    let catalog: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("catalog/schema/landing-zone.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        printed, catalog,
        "the schema as the catalog states it, defaults included"
    );
    assert_eq!(
        printed["$defs"]["firewall"]["properties"]["tier"]["default"],
        "Standard"
    );
    meg.run(&["schema", "-o", "s.json"]).ok();
    assert_eq!(meg.read("s.json"), out);
    // A folder is not a file name: refused, nothing written into it.
    std::fs::create_dir(meg.path("dir")).unwrap();
    let run = meg.run(&["schema", "-o", "dir"]).bad_input();
    assert!(run.stderr().contains("is a folder"), "{}", run.stderr());
    assert!(meg.snapshot("dir").is_empty());
}

#[test]
fn init_starts_with_the_schema_line_and_keeps_an_existing_schema() {
    let meg = Meg::new();
    meg.write("zones/meg.schema.json", "{\"mine\": true}\n");
    let run = meg.run(&["init", "rehost", "-o", "zones/lz.yaml"]).ok();
    let text = meg.read("zones/lz.yaml");
    assert!(
        text.starts_with("# yaml-language-server: $schema=meg.schema.json\n"),
        "{text}"
    );
    assert!(
        text.contains("meg schema -o meg.schema.json"),
        "the starter says how"
    );
    // The user's schema file is theirs: left alone, and the report says so.
    assert_eq!(meg.read("zones/meg.schema.json"), "{\"mine\": true}\n");
    assert!(
        run.stdout().contains("left zones/meg.schema.json"),
        "{}",
        run.stdout()
    );
    meg.run(&["validate", "zones/lz.yaml"]).ok();
}

#[test]
fn show_explains_key_paths_and_map_entry_fields() {
    let meg = Meg::new();
    let out = meg.run(&["show", "firewall.tier"]).ok().stdout();
    assert!(
        out.contains("firewall.tier  (string)  default: \"Standard\""),
        "{out}"
    );
    assert!(out.contains("allowed: Basic, Standard, Premium"), "{out}");
    assert!(out.contains("presets: dev=\"Basic\""), "{out}");

    let out = meg
        .run(&["show", "migration.virtualMachines"])
        .ok()
        .stdout();
    for field in [
        "spoke",
        "subnet",
        "os",
        "size",
        "zone",
        "dataDisks",
        "image.offer",
    ] {
        assert!(
            out.contains(&format!("migration.virtualMachines.<name>.{field}  (")),
            "no {field}: {out}"
        );
    }
    assert!(out.contains("allowed: windows, linux"), "{out}");

    let out = meg.run(&["show", "paas"]).ok().stdout();
    for field in ["webApps", "databases", "secrets", "containerApps"] {
        assert!(
            out.contains(&format!("paas.applications.<name>.{field}")),
            "no {field}: {out}"
        );
    }
    // One entry's field, by a name the user chose.
    let out = meg
        .run(&["show", "migration.virtualMachines.web01.os"])
        .ok()
        .stdout();
    assert!(out.contains("allowed: windows, linux"), "{out}");
    // Components and strategies list their maps' entry fields too.
    for name in ["virtual-machines", "refactor"] {
        let out = meg.run(&["show", name]).ok().stdout();
        assert!(out.contains(".<name>."), "{name}: {out}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&meg.run(&["show", "firewall.tier", "--json"]).ok().stdout()).unwrap();
    assert_eq!(json["kind"], "key");
    assert_eq!(json["parameters"][0]["allowed"][2], "Premium");
}

#[test]
fn show_refuses_unknown_keys_in_plain_words() {
    let meg = Meg::new();
    let run = meg.run(&["show", "firewall.nope"]).bad_input();
    let err = run.stderr();
    assert!(err.contains("'firewall' has no key 'nope'"), "{err}");
    assert!(err.contains("tier"), "lists the keys: {err}");
    let run = meg.run(&["show", "firewal"]).bad_input();
    assert!(
        run.stderr().contains("did you mean 'firewall'?"),
        "{}",
        run.stderr()
    );
    assert!(run.stdout().is_empty());
    // The schema's internal definitions are not keys of the file.
    let run = meg.run(&["show", "environment"]).bad_input();
    assert!(
        run.stderr().contains("did you mean 'environments'?"),
        "{}",
        run.stderr()
    );
}

#[test]
fn single_file_commands_do_not_promise_several_files() {
    let meg = Meg::new();
    for cmd in ["validate", "lint", "diff", "update"] {
        let help = meg.run(&[cmd, "--help"]).ok().stdout();
        assert!(
            help.contains("The landing-zone file (one)"),
            "{cmd}: {help}"
        );
        assert!(!help.contains("several"), "{cmd}: {help}");
    }
    let help = meg.run(&["render", "--help"]).ok().stdout();
    assert!(help.contains("several files"), "{help}");
    // And they do refuse two.
    meg.write("a.yaml", MINIMAL).write("b.yaml", MINIMAL);
    for cmd in ["validate", "lint"] {
        meg.run(&[cmd, "a.yaml", "b.yaml"]).bad_input();
    }
}

#[test]
fn env_takes_comma_lists() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &format!(
            "{MINIMAL}  test:\n    network:\n      hub:\n        addressSpace: 10.30.0.0/22\n"
        ),
    );
    let run = meg
        .run(&["render", "lz.yaml", "--env", "dev,prod", "-o", "out"])
        .ok();
    assert!(
        run.stdout().contains("environments: dev, prod) into"),
        "{}",
        run.stdout()
    );
    assert!(meg.path("out/terraform/environments/prod.tfvars").is_file());
    assert!(!meg.path("out/terraform/environments/test.tfvars").exists());
    // The same as repeating --env.
    let a = meg.run(&["validate", "lz.yaml", "--env", "dev,prod"]).ok();
    let b = meg
        .run(&["validate", "lz.yaml", "--env", "dev", "--env", "prod"])
        .ok();
    assert_eq!(a.stdout(), b.stdout());
    // A wrong name in the list is an error; nothing is written.
    let before = meg.snapshot("out");
    let run = meg
        .run(&["render", "lz.yaml", "--env", "dev,prdo", "-o", "out"])
        .bad_input();
    assert!(run.stderr().contains("prdo"), "{}", run.stderr());
    assert_eq!(meg.snapshot("out"), before);
}

#[test]
fn verbose_render_and_lint_list_files_and_decisions() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    let out = meg
        .run(&["render", "lz.yaml", "-o", "out", "-v"])
        .ok()
        .stdout();
    assert!(out.contains("targets: bicep, terraform"), "{out}");
    assert!(
        out.contains("environment dev (preset dev, westeurope) deploys: "),
        "{out}"
    );
    assert!(out.contains("environment prod (preset prod"), "{out}");
    assert!(out.contains("wrote   bicep/main.bicep"), "{out}");
    let again = meg
        .run(&["render", "lz.yaml", "-o", "out", "-v"])
        .ok()
        .stdout();
    assert!(again.contains("unchanged terraform/main.tf"), "{again}");
    let one = meg
        .run(&[
            "render",
            "lz.yaml",
            "-o",
            "t",
            "-v",
            "--target",
            "terraform",
            "--env",
            "prod",
        ])
        .ok()
        .stdout();
    assert!(one.contains("targets: terraform\n"), "{one}");
    assert!(one.contains("environments: prod\n"), "{one}");
    assert!(!one.contains("environment dev"), "{one}");
    // Without -v: none of it.
    let quiet = meg.run(&["render", "lz.yaml", "-o", "out"]).ok().stdout();
    assert!(
        !quiet.contains("deploys:") && !quiet.contains("unchanged "),
        "{quiet}"
    );

    let lint = meg.run(&["lint", "lz.yaml", "-v"]).stdout();
    assert!(lint.contains("environment dev (preset dev"), "{lint}");
    assert!(lint.contains("rules checked: "), "{lint}");
    assert!(
        !meg.run(&["lint", "lz.yaml"])
            .stdout()
            .contains("rules checked")
    );
}

#[test]
fn completions_offer_catalog_names() {
    let meg = Meg::new();
    let bash = meg.run(&["completions", "bash"]).ok().stdout();
    for name in [
        "existing-hub-refactor",
        "virtual-machines",
        "firewall",
        "refactor",
    ] {
        assert!(bash.contains(name), "bash completion lacks {name}");
    }
    // Environments come from the user's file, at completion time.
    assert!(
        bash.contains("complete-env --"),
        "bash completion lacks --env"
    );
    let fish = meg.run(&["completions", "fish"]).ok().stdout();
    assert!(
        fish.contains("existing-hub-refactor"),
        "fish lacks the examples"
    );
    // The hints do not restrict what the command line accepts.
    meg.write(
        "lz.yaml",
        &MINIMAL.replace("  prod:\n", "  staging:\n    tier: prod\n"),
    );
    meg.run(&["validate", "lz.yaml", "--env", "staging"]).ok();
}

/// `--env <TAB>` offers the environments of the file on the command line (and its `-f` files),
/// through `meg complete-env`, which the bash, zsh and fish scripts call.
#[test]
fn env_completion_offers_the_files_environments() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &MINIMAL.replace("  prod:\n", "  staging:\n    tier: prod\n"),
    );
    meg.write("more.yaml", "environments:\n  perf:\n    tier: test\n");
    let envs = |args: &[&str]| {
        let mut all = vec!["complete-env", "--"];
        all.extend(args);
        meg.run(&all).ok().stdout()
    };
    // The words as bash passes them: the program, the command, the file, the option.
    let offered = envs(&["meg", "render", "lz.yaml", "--env"]);
    assert!(offered.lines().any(|l| l == "staging"), "{offered}");
    assert!(!offered.lines().any(|l| l == "prod"), "{offered}");
    // zsh passes the words from the command on; `-o` missing does not matter yet.
    let layered = envs(&["lint", "lz.yaml", "-f", "more.yaml", "--env"]);
    assert!(
        layered.lines().any(|l| l == "staging") && layered.lines().any(|l| l == "perf"),
        "{layered}"
    );
    // No file on the line yet: the preset names.
    assert_eq!(envs(&["meg", "validate", "--env"]), "dev\ntest\nprod\n");
    // The scripts call it for --env; the placeholder never leaks into a script.
    for shell in ["bash", "zsh", "fish"] {
        let script = meg.run(&["completions", shell]).ok().stdout();
        assert_eq!(
            script.matches("complete-env --").count(),
            5,
            "{shell}: render, validate, lint, diff and update complete --env"
        );
        assert!(!script.contains("__meg_environments__"), "{shell}");
    }
    // bash, for real, where there is one: source the script and complete `--env `.
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_ok()
    {
        let bin = std::path::Path::new(env!("CARGO_BIN_EXE_meg"));
        meg.write("meg.bash", &meg.run(&["completions", "bash"]).ok().stdout());
        let script = format!(
            "source meg.bash\nCOMP_WORDS=({} render lz.yaml --env '')\nCOMP_CWORD=4\n_meg {} '' --env\necho \"${{COMPREPLY[@]}}\"\n",
            bin.display(),
            bin.display()
        );
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(script)
            .current_dir(meg.path(""))
            .output()
            .unwrap();
        let words = String::from_utf8_lossy(&out.stdout);
        assert!(words.split_whitespace().any(|w| w == "staging"), "{words}");
    }
}

/// A file that cannot be read or has no map of environments: `complete-env` says so as every
/// command does (exit 2, the file, plain words); the scripts throw its standard error away.
#[test]
fn env_completion_reports_a_bad_file_like_any_command() {
    let meg = Meg::new();
    let run = meg
        .run(&["complete-env", "--", "meg", "render", "nope.yaml", "--env"])
        .bad_input();
    assert!(run.stdout().is_empty(), "{}", run.stdout());
    assert!(
        run.stderr().contains("nope.yaml") && run.stderr().contains("no such file"),
        "{}",
        run.stderr()
    );
    meg.write("lz.yaml", "name: x\nenvironments: [dev, prod]\n");
    let run = meg
        .run(&["complete-env", "--", "render", "lz.yaml", "--env"])
        .bad_input();
    assert!(
        run.stderr().contains("lz.yaml") && run.stderr().contains("environments is not a map"),
        "{}",
        run.stderr()
    );
    meg.write("broken.yaml", "name: [x\n");
    let run = meg
        .run(&["complete-env", "--", "render", "broken.yaml", "--env"])
        .bad_input();
    assert!(run.stderr().contains("broken.yaml:"), "{}", run.stderr());
}

/// Each site-to-site connection has a key of its own, named after its site, and an environment
/// asks only for the keys of the sites it connects to.
#[test]
fn each_vpn_connection_has_a_key_of_its_own() {
    let meg = Meg::new();
    let hybrid = std::fs::read_to_string(example("hybrid.yaml")).unwrap();
    meg.write("lz.yaml", &hybrid);
    // A second site, for prod only.
    meg.write(
        "prod.yaml",
        "environments:\n  prod:\n    onPremises:\n      sites:\n        - name: amsterdam-dc\n          gatewayAddress: 203.0.113.10\n          addressSpaces: [192.168.0.0/16]\n        - name: hq\n          gatewayAddress: 198.51.100.20\n          addressSpaces: [172.20.0.0/16]\n",
    );
    meg.run(&["render", "lz.yaml", "-f", "prod.yaml", "-o", "out"])
        .ok();
    let prod = meg.read("out/bicep/environments/prod.bicepparam");
    assert!(
        prod.contains("param vpnSharedKey_amsterdam_dc = readEnvironmentVariable('VPN_SHARED_KEY_AMSTERDAM_DC')")
            && prod.contains("param vpnSharedKey_hq = readEnvironmentVariable('VPN_SHARED_KEY_HQ')"),
        "{prod}"
    );
    assert!(!prod.contains("'VPN_SHARED_KEY'"), "{prod}");
    let dev = meg.read("out/bicep/environments/dev.bicepparam");
    assert!(
        dev.contains("VPN_SHARED_KEY_AMSTERDAM_DC") && !dev.contains("VPN_SHARED_KEY_HQ"),
        "{dev}"
    );
    let main = meg.read("out/bicep/main.bicep");
    assert!(
        main.contains("'amsterdam-dc': vpnSharedKey_amsterdam_dc")
            && main.contains("hq: vpnSharedKey_hq"),
        "{main}"
    );
    let module = meg.read("out/bicep/modules/vpn-gateway.bicep");
    assert!(
        module.contains("sharedKey: sharedKeys[site.name]"),
        "{module}"
    );
    let tf = meg.read_tf_root("out/terraform");
    assert!(tf.contains("= var.vpn_shared_key_hq"), "{tf}");
    let variables = meg.read("out/terraform/variables.tf");
    assert!(
        variables.contains("variable \"vpn_shared_key_amsterdam_dc\""),
        "{variables}"
    );
    let tfvars = meg.read("out/terraform/environments/dev.tfvars");
    assert!(
        tfvars.contains("export TF_VAR_vpn_shared_key_amsterdam_dc")
            && tfvars.contains("vpn_shared_key_hq: nothing in dev uses it"),
        "{tfvars}"
    );
    let readme = meg.read("out/README.md");
    assert!(
        readme.contains("IPsec shared key of the connection to site `hq` | `VPN_SHARED_KEY_HQ` | `TF_VAR_vpn_shared_key_hq` | prod |"),
        "{readme}"
    );
    // The GitHub pipeline maps each key from the environment's own secrets.
    meg.run(&[
        "render",
        "lz.yaml",
        "-f",
        "prod.yaml",
        "--pipeline",
        "github",
        "-o",
        "gh",
    ])
    .ok();
    let workflows = std::fs::read_dir(meg.path("gh/.github/workflows"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<String>();
    assert!(
        workflows.contains("VPN_SHARED_KEY_HQ: ${{ secrets.VPN_SHARED_KEY_HQ }}"),
        "the pipeline does not map the per-site key"
    );
}

/// After `meg update` drops a module, a file the user edited that still names it is pointed
/// at (file and line), by `meg diff` before and by `meg update` itself; a user-deleted module
/// still named by the render's own file is pointed at too.
#[test]
fn a_kept_file_naming_a_deleted_file_is_pointed_at() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &std::fs::read_to_string(example("rehost.yaml")).unwrap(),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let mut main = meg.read("out/bicep/main.bicep");
    main.push_str("\n// Our own jump host.\nmodule jump 'modules/bastion.bicep' = if (false) {\n  name: 'jump'\n  params: {}\n}\n");
    meg.write("out/bicep/main.bicep", &main);
    let line = main
        .lines()
        .position(|l| l.starts_with("module jump"))
        .unwrap()
        + 1;
    let mut lz = meg.read("lz.yaml");
    lz.push_str("\nbastion:\n  enabled: false\n");
    meg.write("lz.yaml", &lz);
    let diff = meg.run(&["diff", "lz.yaml", "-o", "out", "--stat"]);
    assert_eq!(diff.code(), 1);
    let expected = format!(
        "bicep/main.bicep:{line} still references bicep/modules/bastion.bicep, which the new render no longer has"
    );
    assert!(diff.stderr().contains(&expected), "{}", diff.stderr());
    let json = meg
        .run(&["diff", "lz.yaml", "-o", "out", "--json"])
        .stdout();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["danglingReferences"][0]["file"], "bicep/main.bicep");
    assert_eq!(v["danglingReferences"][0]["gone"], "not-rendered");
    let up = meg.run(&["update", "lz.yaml", "-o", "out"]).ok();
    assert!(
        up.stderr()
            .contains("still references bicep/modules/bastion.bicep"),
        "{}",
        up.stderr()
    );
    assert!(!meg.path("out/bicep/modules/bastion.bicep").exists());
    // A module the user deletes while the render's main.bicep still calls it.
    std::fs::remove_file(meg.path("out/bicep/modules/firewall.bicep")).unwrap();
    let diff = meg.run(&["diff", "lz.yaml", "-o", "out", "--stat"]);
    assert!(
        diff.stderr()
            .contains("still references bicep/modules/firewall.bicep, which you deleted"),
        "{}",
        diff.stderr()
    );
    // Nothing dangles in a tree as meg wrote it.
    let clean = Meg::new();
    clean.write(
        "lz.yaml",
        &std::fs::read_to_string(example("rehost.yaml")).unwrap(),
    );
    clean.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let run = clean.run(&["diff", "lz.yaml", "-o", "out"]).ok();
    assert!(
        !run.stderr().contains("still references"),
        "{}",
        run.stderr()
    );
}
