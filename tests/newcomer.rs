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
        "prod",
    ] {
        assert!(bash.contains(name), "bash completion lacks {name}");
    }
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
