//! `meg lint` on platform hubs: the rules that judge an environment's own hub judge each hub
//! under `hubs:` once, with the finding placed at `hubs.<hub>.…` in the file, and an environment
//! attached to a hub is not told again what its hub fails.

mod common;

use common::Meg;
use serde_json::Value;

/// nonprod runs no firewall and serves dev and test; prod runs a Basic firewall (the hub's own
/// setting) in Alert mode (the file's setting for every hub) and serves prod.
const HUBS: &str = "\
name: contoso
strategy: hybrid
location: westeurope
tags:
  owner: platform-team
  costCenter: CC-1
onPremises:
  sites:
    - name: dc
      gatewayAddress: 203.0.113.10
      addressSpaces: [192.168.0.0/16]
firewall:
  threatIntelMode: Alert
hubs:
  nonprod:
    subscriptionId: 3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c
    addressSpace: 10.100.0.0/22
    firewall:
      enabled: false
  prod:
    subscriptionId: 8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f
    addressSpace: 10.0.0.0/22
    firewall:
      tier: Basic
environments:
  dev:
    network:
      hub:
        platform: nonprod
      spokes:
        - name: erp
          addressSpace: 10.101.0.0/24
  test:
    network:
      hub:
        platform: nonprod
      spokes:
        - name: erp
          addressSpace: 10.102.0.0/24
  prod:
    monitoring:
      retentionDays: 30
    network:
      hub:
        platform: prod
      spokes:
        - name: erp
          addressSpace: 10.1.0.0/24
";

/// The 1-based line of the first line of `HUBS` that contains `text` after the line that
/// contains `after`.
fn line_of(after: &str, text: &str) -> usize {
    let start = HUBS.lines().position(|l| l.contains(after)).expect(after);
    HUBS.lines()
        .enumerate()
        .skip(start)
        .find(|(_, l)| l.contains(text))
        .map(|(i, _)| i + 1)
        .expect(text)
}

fn findings(meg: &Meg) -> Vec<Value> {
    let run = meg.run(&["lint", "lz.yaml", "--json"]);
    let report: Value = serde_json::from_str(&run.stdout()).expect("lint --json");
    report["findings"].as_array().expect("findings").clone()
}

fn of<'f>(findings: &'f [Value], rule: &str) -> Vec<&'f Value> {
    findings.iter().filter(|f| f["rule"] == rule).collect()
}

#[test]
fn a_hub_fails_the_rules_of_an_environments_own_hub_at_its_own_keys() {
    let meg = Meg::new();
    meg.write("lz.yaml", HUBS);
    let all = findings(&meg);
    // PERF-002 and SEC-003 judge a production firewall: prod's hub, set in its body and at the
    // top of the file for every hub.
    let basic = of(&all, "PERF-002");
    assert_eq!(basic.len(), 1, "{all:#?}");
    assert_eq!(basic[0]["hub"], "prod");
    assert!(basic[0].get("environment").is_none(), "{:?}", basic[0]);
    assert_eq!(basic[0]["keyPath"], "hubs.prod.firewall.tier");
    let alert = of(&all, "SEC-003");
    assert_eq!(alert.len(), 1, "{all:#?}");
    assert_eq!(alert[0]["keyPath"], "hubs.prod.firewall.threatIntelMode");

    let text = meg.run(&["lint", "lz.yaml"]).stdout();
    let tier_line = line_of("  prod:", "tier: Basic");
    assert!(text.contains("PERF-002 [hub prod] not met"), "{text}");
    assert!(
        text.contains(&format!(
            "key: hubs.prod.firewall.tier (lz.yaml:{tier_line}:7)"
        )),
        "{text}"
    );
    let alert_line = line_of("firewall:", "threatIntelMode: Alert");
    assert!(
        text.contains(&format!(
            "key: hubs.prod.firewall.threatIntelMode (lz.yaml:{alert_line}:3)"
        )),
        "{text}"
    );
}

#[test]
fn what_a_hub_fails_is_reported_once_at_the_hub_not_per_attached_environment() {
    let meg = Meg::new();
    meg.write("lz.yaml", HUBS);
    let all = findings(&meg);
    // nonprod runs no firewall: its spokes' traffic is not inspected. Once, at the hub.
    let sec004 = of(&all, "SEC-004");
    assert_eq!(sec004.len(), 1, "{sec004:#?}");
    assert_eq!(sec004[0]["hub"], "nonprod");
    assert_eq!(sec004[0]["keyPath"], "hubs.nonprod");
    let text = meg.run(&["lint", "lz.yaml"]).stdout();
    let hub_line = line_of("hubs:", "nonprod:");
    assert!(
        text.contains(&format!("key: hubs.nonprod (lz.yaml:{hub_line}:3)")),
        "{text}"
    );
    // dev and test share the hub's range on purpose: no overlap between them.
    assert!(of(&all, "NET-001").is_empty(), "{all:#?}");
    // An environment's own setting still fails at the environment.
    let retention = of(&all, "OPS-001");
    assert_eq!(retention.len(), 1, "{retention:#?}");
    assert_eq!(retention[0]["environment"], "prod");
    assert!(retention[0].get("hub").is_none());
    // A hub deploys no Key Vault: the vault rules have nothing to judge there.
    assert!(
        all.iter()
            .filter(|f| f["rule"] == "REL-003" || f["rule"] == "SEC-001")
            .all(|f| f.get("hub").is_none()),
        "{all:#?}"
    );
}

#[test]
fn the_contoso_example_and_its_hubs_meet_every_rule() {
    let meg = Meg::new();
    let run = meg.run(&["lint", &common::example("contoso-migration.yaml"), "--json"]);
    let report: Value = serde_json::from_str(&run.stdout()).expect("lint --json");
    assert_eq!(report["findings"], serde_json::json!([]), "{report:#}");
}
