//! What a newcomer still missed after the first round of issue 17: findings that say which
//! value and where, value files named as such, a `diff` summary that says what differs.
//! Each test drives the real binary.

mod common;

use common::{MINIMAL, Meg};

#[test]
fn address_plan_findings_name_the_ranges_and_their_settings() {
    let meg = Meg::new();
    let text = MINIMAL.replace("10.10.0.0/22", "8.8.0.0/22").replace(
        "        addressSpace: 10.20.0.0/22\n",
        "        addressSpace: 10.20.0.0/22\n    vpnGateway:\n      enabled: true\n    onPremises:\n      sites:\n        - name: dc\n          gatewayAddress: 10.20.1.4\n          addressSpaces: [192.168.0.0/16]\n",
    );
    meg.write("lz.yaml", &text);
    let json = meg.run(&["lint", "lz.yaml", "--json"]).stdout();
    let v: serde_json::Value = serde_json::from_str(&json).expect("lint --json");
    let subjects = |rule: &str| -> Vec<String> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule)
            .flat_map(|f| f["subjects"].as_array().cloned().unwrap_or_default())
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        subjects("NET-002"),
        vec!["the hub 8.8.0.0/22 at network.hub.addressSpace"]
    );
    assert_eq!(
        subjects("NET-003"),
        vec![
            "site 'dc' gateway 10.20.1.4 at onPremises.sites[0].gatewayAddress is inside the hub 10.20.0.0/22 at network.hub.addressSpace"
        ]
    );
    // The text output says it too.
    let text = meg.run(&["lint", "lz.yaml"]).stdout();
    assert!(
        text.contains("(the hub 8.8.0.0/22 at network.hub.addressSpace)"),
        "{text}"
    );
}

#[test]
fn lint_text_gives_each_finding_its_key_and_where_it_was_written() {
    let meg = Meg::new();
    let text = MINIMAL.replace(
        "  prod:\n",
        "  prod:\n    monitoring:\n      retentionDays: 30\n",
    );
    meg.write("lz.yaml", &text);
    let out = meg.run(&["lint", "lz.yaml"]).stdout();
    let line = out
        .lines()
        .skip_while(|l| !l.contains("OPS-001 [prod]"))
        .nth(1)
        .unwrap_or_else(|| panic!("no OPS-001 finding:\n{out}"));
    let at = text
        .lines()
        .position(|l| l.contains("retentionDays: 30"))
        .unwrap()
        + 1;
    assert_eq!(
        line.trim(),
        format!("key: monitoring.retentionDays (lz.yaml:{at}:7)")
    );
}

#[test]
fn a_value_file_that_is_not_a_mapping_is_called_a_value_file() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.write("prod.yaml", "- a\n- b\n");
    let err = meg
        .run(&["validate", "lz.yaml", "-f", "prod.yaml"])
        .bad_input()
        .stderr();
    assert!(
        err.contains(
            "prod.yaml: the value file (-f) must be a YAML mapping (key: value), found a list"
        ),
        "{err}"
    );
    assert!(!err.contains("landing-zone file"), "{err}");
    // The landing-zone file itself is still called so.
    meg.write("lz.yaml", "- a\n");
    let err = meg.run(&["validate", "lz.yaml"]).bad_input().stderr();
    assert!(
        err.contains("lz.yaml: the landing-zone file must be a YAML mapping"),
        "{err}"
    );
}

#[test]
fn diff_says_plainly_when_only_files_you_added_differ() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    meg.write("out/terraform/extra.tf", "# mine\n");
    let run = meg.run(&["diff", "lz.yaml", "-o", "out", "--stat"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let all = format!("{}{}", run.stdout(), run.stderr());
    assert!(
        all.contains(
            "only files you added differ (1): meg never wrote them, so there is nothing to merge"
        ),
        "{all}"
    );
    assert!(!all.contains("`meg update` merges them"), "{all}");
    // With an edit of a file meg wrote as well, the usual summary returns.
    let main = meg.read("out/terraform/main.tf");
    meg.write("out/terraform/main.tf", &format!("{main}# edited\n"));
    let run = meg.run(&["diff", "lz.yaml", "-o", "out", "--stat"]);
    let all = format!("{}{}", run.stdout(), run.stderr());
    assert!(
        all.contains("2 file(s) differ from the render: 1 edited by you, 1 added by you"),
        "{all}"
    );
}
