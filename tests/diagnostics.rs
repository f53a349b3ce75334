//! Errors as a user and a CI job read them: located at the key that is wrong (file, line,
//! column, key path), as JSON for every command that takes `--json`, and grouped when the
//! same mistake is made in many places.

mod common;

use common::{Meg, example};
use serde_json::Value;

/// A rehost landing zone whose virtual machines are listed after it.
const REHOST: &str = "\
name: fabrikam
strategy: rehost
location: swedencentral
environments:
  prod:
    network:
      hub:
        addressSpace: 10.50.0.0/22
      spokes:
        - name: erp
          addressSpace: 10.51.0.0/24
    migration:
      enabled: true
      virtualMachines:
";

/// `count` virtual machines, each naming `spoke`.
fn vms(count: usize, spoke: &str, first: usize) -> String {
    (first..first + count)
        .map(|i| {
            format!(
                "        app{i:02}:\n          spoke: {spoke}\n          subnet: workload\n          os: linux\n          size: Standard_D2s_v5\n"
            )
        })
        .collect()
}

/// The 1-based line of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> u64 {
    text.lines().position(|l| l.contains(needle)).expect(needle) as u64 + 1
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
}

#[test]
fn every_json_command_prints_located_errors_as_json_with_the_text_exit_code() {
    let meg = Meg::new();
    let text = format!("{REHOST}{}", vms(1, "erb", 0));
    meg.write("lz.yaml", &text);
    let line = line_of(&text, "spoke: erb");
    for args in [
        vec!["validate", "lz.yaml", "--json"],
        vec!["lint", "lz.yaml", "--json"],
        vec!["diff", "lz.yaml", "-o", "out", "--json"],
        vec!["update", "lz.yaml", "-o", "out", "--json"],
    ] {
        let run = meg.run(&args).bad_input();
        let v = json(&run.stdout());
        let errors = v["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("{args:?}: {v}"));
        assert_eq!(errors.len(), 1, "{args:?}: {v}");
        let e = &errors[0];
        assert_eq!(e["file"], "lz.yaml", "{args:?}: {e}");
        assert_eq!(e["line"], line, "{args:?}: {e}");
        assert_eq!(e["column"], 11, "{args:?}: {e}");
        assert_eq!(e["keyPath"], "migration.virtualMachines.app00.spoke", "{e}");
        assert_eq!(e["environment"], "prod", "{e}");
        assert!(
            e["message"].as_str().unwrap().contains("names spoke 'erb'"),
            "{e}"
        );
        assert_eq!(e["hint"], "did you mean 'erp'?", "{e}");
        assert!(run.stderr().is_empty(), "{args:?}: {}", run.stderr());
        assert!(!meg.path("out").exists(), "{args:?} wrote the output");
    }
    // The same input without --json: the text, on standard error, with the same location.
    let run = meg.run(&["validate", "lz.yaml"]).bad_input();
    assert!(
        run.stderr().contains(&format!(
            "lz.yaml:{line}:11: environments.prod.migration.virtualMachines.app00.spoke (environment prod): a virtual machine names spoke 'erb'"
        )),
        "{}",
        run.stderr()
    );
}

#[test]
fn errors_outside_the_input_are_json_too() {
    let meg = Meg::new();
    for args in [
        vec!["show", "no-such-component", "--json"],
        vec!["list", "--json", "--catalog", "no-such-folder"],
        vec!["lint", "missing.yaml", "--json"],
    ] {
        let run = meg.run(&args).bad_input();
        let v = json(&run.stdout());
        let e = &v["errors"][0];
        assert!(
            !e["message"].as_str().unwrap_or_default().is_empty(),
            "{args:?}: {v}"
        );
        assert!(!e["message"].as_str().unwrap().starts_with("error:"), "{e}");
        assert!(run.stderr().is_empty(), "{args:?}: {}", run.stderr());
    }
}

#[test]
fn a_value_from_set_is_located_at_its_argument() {
    let meg = Meg::new();
    let lz = example("hybrid.yaml");
    let set = "environments.prod.network.hub.addressSpace=10.0.0.0/33";
    let run = meg
        .run(&["validate", &lz, "--set", set, "--json"])
        .bad_input();
    let v = json(&run.stdout());
    assert_eq!(v["valid"], false);
    let e = &v["errors"][0];
    assert_eq!(e["set"], set, "{e}");
    assert_eq!(e["file"], Value::Null, "{e}");
    assert_eq!(
        e["keyPath"], "environments.prod.network.hub.addressSpace",
        "{e}"
    );
}

#[test]
fn the_same_mistake_in_forty_places_is_one_error_listing_them() {
    let meg = Meg::new();
    let text = format!("{REHOST}{}{}", vms(40, "erb", 0), vms(2, "crm", 40));
    meg.write("lz.yaml", &text);

    let run = meg.run(&["validate", "lz.yaml"]).bad_input();
    let err = run.stderr();
    assert_eq!(err.matches("names spoke 'erb'").count(), 1, "{err}");
    assert_eq!(err.matches("names spoke 'crm'").count(), 1, "{err}");
    assert!(err.contains("virtualMachines.app00.spoke"), "{err}");
    assert!(err.contains("virtualMachines.app10.spoke"), "{err}");
    assert!(
        !err.contains("virtualMachines.app11.spoke"),
        "capped: {err}"
    );
    assert!(err.contains("and 29 more"), "{err}");
    assert!(err.contains("virtualMachines.app41.spoke"), "{err}");

    let v = json(
        &meg.run(&["validate", "lz.yaml", "--json"])
            .bad_input()
            .stdout(),
    );
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{v}");
    let erb = &errors[0];
    assert_eq!(erb["keyPath"], "migration.virtualMachines.app00.spoke");
    let also = erb["alsoAt"].as_array().unwrap();
    assert_eq!(also.len(), 39, "every other place, in JSON");
    assert_eq!(also[38]["keyPath"], "migration.virtualMachines.app39.spoke");
    assert_eq!(
        also[38]["line"],
        line_of(&text, "app39:") + 1,
        "each place has its own line"
    );
    assert_eq!(errors[1]["alsoAt"].as_array().map(Vec::len), Some(1));
}

#[test]
fn lint_findings_name_the_setting_that_breaks_the_rule() {
    let meg = Meg::new();
    let lz = example("hybrid.yaml");
    let run = meg.run(&[
        "lint",
        &lz,
        "--json",
        "--set",
        "environments.prod.firewall.zoneRedundant=false",
    ]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let v = json(&run.stdout());
    let rel = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "REL-001" && f["environment"] == "prod")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(rel["keyPath"], "firewall.zoneRedundant", "{rel}");
}

#[test]
fn a_yaml_syntax_error_has_its_line_and_column_in_json() {
    let meg = Meg::new();
    meg.write("lz.yaml", "name: fabrikam\nstrategy: [rehost\n");
    let v = json(
        &meg.run(&["validate", "lz.yaml", "--json"])
            .bad_input()
            .stdout(),
    );
    let e = &v["errors"][0];
    assert_eq!(e["file"], "lz.yaml", "{e}");
    assert!(e["line"].as_u64().is_some_and(|l| l >= 2), "{e}");
    assert!(e["column"].as_u64().is_some(), "{e}");
    assert!(
        e["message"].as_str().unwrap().starts_with("invalid YAML"),
        "{e}"
    );
}

#[test]
fn naming_mistakes_point_at_the_line_that_makes_them() {
    let meg = Meg::new();
    let base = format!("{REHOST}{}", vms(1, "erp", 0));
    let text = base.replace(
        "location: swedencentral\n",
        "location: swedencentral\nnaming:\n  pattern: \"{abbreviation}-{envronment}\"\n  overrides:\n    keyVault: kv_platform\n",
    );
    meg.write("lz.yaml", &text);
    let v = json(
        &meg.run(&["validate", "lz.yaml", "--json"])
            .bad_input()
            .stdout(),
    );
    let e = &v["errors"][0];
    assert_eq!(e["keyPath"], "naming.pattern", "{v}");
    assert_eq!(e["line"], line_of(&text, "pattern:"), "{v}");

    meg.write("lz.yaml", &text.replace("{envronment}", "{environment}"));
    let v = json(
        &meg.run(&["validate", "lz.yaml", "--json"])
            .bad_input()
            .stdout(),
    );
    let e = &v["errors"][0];
    assert_eq!(e["keyPath"], "naming.overrides.keyVault", "{v}");
    assert_eq!(e["line"], line_of(&text, "keyVault:"), "{v}");
    assert!(
        e["message"].as_str().unwrap().contains("kv_platform"),
        "{v}"
    );
}
