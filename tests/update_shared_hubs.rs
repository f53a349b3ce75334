//! `meg update` from a landing zone whose environments each build their own hub to the same
//! landing zone on shared platform hubs (`hubs:`): the user's edits survive (merged where the
//! file stays, carried where the hub's file moved to the platform root) or are reported as
//! conflicts, never silently lost, and the platform root appears.

mod common;

use common::Meg;

const HEAD: &str = "\
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
";

/// dev and prod, each with a hub of its own.
fn own_hubs() -> String {
    format!(
        "{HEAD}\
environments:
  dev:
    network:
      hub:
        addressSpace: 10.100.0.0/22
      spokes:
        - name: erp
          addressSpace: 10.101.0.0/24
  prod:
    network:
      hub:
        addressSpace: 10.0.0.0/22
      spokes:
        - name: erp
          addressSpace: 10.1.0.0/24
"
    )
}

/// The same landing zone, the two hubs declared once and the environments attached to them.
fn shared_hubs() -> String {
    format!(
        "{HEAD}\
hubs:
  nonprod:
    subscriptionId: 3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c
    addressSpace: 10.100.0.0/22
  prod:
    subscriptionId: 8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f
    addressSpace: 10.0.0.0/22
environments:
  dev:
    network:
      hub:
        platform: nonprod
      spokes:
        - name: erp
          addressSpace: 10.101.0.0/24
  prod:
    network:
      hub:
        platform: prod
      spokes:
        - name: erp
          addressSpace: 10.1.0.0/24
"
    )
}

/// Replaces the one line of `rel` that holds `needle` with `with`.
fn edit_line(meg: &Meg, rel: &str, needle: &str, with: &str) {
    let text = meg.read(rel);
    let found: Vec<&str> = text.lines().filter(|l| l.contains(needle)).collect();
    assert_eq!(
        found.len(),
        1,
        "one line of {rel} holds {needle}: {found:?}"
    );
    meg.write(rel, &text.replacen(found[0], with, 1));
}

/// The per-environment-hub render in `out`, and the shared-hub render in `fresh` to compare with.
fn rendered_with_own_hubs() -> Meg {
    let meg = Meg::new();
    meg.write("lz.yaml", &own_hubs());
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(meg.path("out/terraform/modules/firewall/main.tf").exists());
    assert!(!meg.path("out/terraform/platform").exists());
    meg.write("shared.yaml", &shared_hubs());
    meg.run(&["render", "shared.yaml", "-o", "fresh"]).ok();
    meg
}

const TOOLS: &str = "resource \"azurerm_resource_group\" \"tools\" {\n  name     = \"rg-tools-dev\"\n  location = var.location\n}\n";

#[test]
fn every_edit_survives_the_move_to_shared_hubs_and_the_platform_root_appears() {
    let meg = rendered_with_own_hubs();
    // A value in an environment's parameters, kept by both renders.
    edit_line(
        &meg,
        "out/terraform/environments/dev.tfvars",
        "  retention_in_days = 30",
        "  retention_in_days = 60 # ops: two months",
    );
    // A file of the user's own.
    meg.write("out/terraform/tools.tf", TOOLS);
    // A line in a module both renders keep (the spokes stay in the environment root).
    edit_line(
        &meg,
        "out/terraform/modules/spoke-network/main.tf",
        "# Deny by default: workloads open what they need above priority 4096.",
        "  # Deny by default (reviewed by netops, CHG-1): workloads open what they need above priority 4096.",
    );
    edit_line(
        &meg,
        "out/bicep/modules/spoke-network.bicep",
        "// A spoke virtual network:",
        "// A spoke virtual network (reviewed by netops, CHG-1): workload subnets behind NSGs (deny by default), a route table that",
    );
    // A line of a hub module, which moves to the platform root.
    edit_line(
        &meg,
        "out/terraform/modules/firewall/main.tf",
        "# Azure Firewall in the hub:",
        "# Azure Firewall in the hub (CHG-2): traffic between spokes, on-premises and the internet crosses it.",
    );
    edit_line(
        &meg,
        "out/bicep/modules/firewall.bicep",
        "// Azure Firewall in the hub:",
        "// Azure Firewall in the hub (CHG-2): traffic between spokes, on-premises and the internet crosses it.",
    );
    meg.write("lz.yaml", &shared_hubs());

    let run = meg.run(&["update", "lz.yaml", "-o", "out"]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());
    let report = run.stdout();
    for line in [
        "merged       terraform/environments/dev.tfvars",
        "merged       terraform/modules/spoke-network/main.tf",
        "merged       bicep/modules/spoke-network.bicep",
        "merged       terraform/platform/modules/firewall/main.tf (carries your edits to terraform/modules/firewall/main.tf, moved to the platform root)",
        "merged       bicep/platform/modules/firewall.bicep (carries your edits to bicep/modules/firewall.bicep, moved to the platform root)",
        "added        terraform/platform/nonprod.tfvars",
        "added        bicep/platform/prod.bicepparam",
    ] {
        assert!(report.contains(line), "{line}\n{report}");
    }

    // Each edit is where it belongs, and nothing else differs from a fresh shared-hub render.
    let edited = [
        (
            "terraform/environments/dev.tfvars",
            "retention_in_days = 60 # ops: two months",
        ),
        ("terraform/modules/spoke-network/main.tf", "CHG-1"),
        ("bicep/modules/spoke-network.bicep", "CHG-1"),
        ("terraform/platform/modules/firewall/main.tf", "CHG-2"),
        ("bicep/platform/modules/firewall.bicep", "CHG-2"),
    ];
    for (path, edit) in edited {
        let text = meg.read(&format!("out/{path}"));
        assert!(text.contains(edit), "{path}: {text}");
        let fresh = meg.read(&format!("fresh/{path}"));
        assert_eq!(text.lines().count(), fresh.lines().count(), "{path}");
    }
    assert_eq!(meg.read("out/terraform/tools.tf"), TOOLS);
    let out = meg.snapshot("out");
    let fresh = meg.snapshot("fresh");
    let differ: Vec<String> = fresh
        .iter()
        .filter(|(path, _)| !path.starts_with(".meg") && !path.ends_with("README.md"))
        .filter(|(path, bytes)| out.get(*path) != Some(bytes))
        .map(|(path, _)| path.display().to_string())
        .collect();
    let mut want: Vec<String> = edited.iter().map(|(p, _)| p.to_string()).collect();
    want.sort();
    assert_eq!(differ, want);
    // The hub's old files left the environment root with their edits; only the user's own
    // file is there beside the fresh render's.
    let extra: Vec<String> = out
        .keys()
        .filter(|p| !p.starts_with(".meg") && !fresh.contains_key(*p))
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(extra, ["terraform/tools.tf"]);

    // A second update has nothing left to do.
    let before = meg.snapshot("out");
    meg.run(&["update", "lz.yaml", "-o", "out"]).ok();
    assert!(meg.changed_since("out", &before).is_empty());
}

#[test]
fn an_edit_of_a_hub_setting_the_environment_no_longer_holds_is_a_conflict() {
    let meg = rendered_with_own_hubs();
    // The hub's firewall left dev's parameters and the environment root's code.
    edit_line(
        &meg,
        "out/terraform/environments/dev.tfvars",
        "threat_intel_mode   = \"Alert\"",
        "  threat_intel_mode   = \"Deny\" # netops CHG-3",
    );
    edit_line(
        &meg,
        "out/bicep/main.bicep",
        "    threatIntelMode: firewall.threatIntelMode",
        "    threatIntelMode: 'Deny' // netops CHG-3",
    );
    meg.write("lz.yaml", &shared_hubs());
    let run = meg.run(&["update", "lz.yaml", "-o", "out"]);
    assert_eq!(run.code(), 1, "{}{}", run.stdout(), run.stderr());
    for path in ["terraform/environments/dev.tfvars", "bicep/main.bicep"] {
        assert!(
            run.stdout()
                .contains(&format!("conflict     {path} (1 conflict block(s))")),
            "{path}: {}",
            run.stdout()
        );
        let text = meg.read(&format!("out/{path}"));
        assert!(text.contains("<<<<<<< yours"), "{path}");
        assert!(
            text.contains("netops CHG-3"),
            "{path}: the edit is kept in the conflict"
        );
    }
    // Everything else arrived: the platform root is there.
    assert!(meg.path("out/terraform/platform/prod.tfvars").exists());
    assert!(meg.path("out/bicep/platform/main.bicep").exists());
}
