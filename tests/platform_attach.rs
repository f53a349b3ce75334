//! Environments attached to a platform hub get what an own hub gives them: their workloads'
//! firewall rules on the platform hub's policy (from their own ranges only), and the
//! on-premises prefixes their hub reaches in their spokes' NSGs. A file may mix platform hubs
//! with environments on an existing hub, under one address plan; an environment that builds a
//! hub of its own beside platform hubs is refused at its hub, with the way to the same result.

mod common;

use common::Meg;

const NONPROD_SUB: &str = "3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c";
const PROD_SUB: &str = "8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f";
const EXISTING_VNET: &str = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub-legacy";

/// dev and test on `nonprod`, prod on `prod`; each hub with a VPN to a datacenter of its own.
/// Rehost in every environment, Container Apps in the `apps` application; `extra` is appended
/// under `environments:`.
fn landing_zone(extra: &str) -> String {
    format!(
        "\
name: contoso
strategy: [hybrid, rehost, refactor]
location: westeurope
hubs:
  nonprod:
    subscriptionId: {NONPROD_SUB}
    addressSpace: 10.100.0.0/22
    vpnGateway:
      enabled: true
    onPremises:
      sites:
        - name: lab
          gatewayAddress: 203.0.113.20
          addressSpaces: [172.16.0.0/16]
  prod:
    subscriptionId: {PROD_SUB}
    addressSpace: 10.0.0.0/22
    vpnGateway:
      enabled: true
    onPremises:
      sites:
        - name: dc
          gatewayAddress: 203.0.113.10
          addressSpaces: [192.168.0.0/16]
paas:
  applications:
    apps:
      webApps: [web]
      containerApps: true
environments:
  dev:
    network:
      hub:
        platform: nonprod
      spokes:
        - name: erp
          addressSpace: 10.101.0.0/24
        - name: apps
          addressSpace: 10.101.2.0/23
  test:
    network:
      hub:
        platform: nonprod
      spokes:
        - name: erp
          addressSpace: 10.102.0.0/24
        - name: apps
          addressSpace: 10.102.2.0/23
  prod:
    network:
      hub:
        platform: prod
      spokes:
        - name: erp
          addressSpace: 10.1.0.0/24
        - name: apps
          addressSpace: 10.1.2.0/23
{extra}"
    )
}

/// The rule collection groups of a hub's parameter file (`terraform/platform/<hub>.tfvars`), each
/// as its name and its text.
fn groups(tfvars: &str) -> Vec<(String, String)> {
    let start = tfvars
        .find("attached_rule_collection_groups = [")
        .expect("the hub's tfvars carries the attached environments' groups");
    if tfvars[start..].starts_with("attached_rule_collection_groups = []") {
        return Vec::new();
    }
    let end = tfvars[start..].find("\n]\n").expect("the list ends") + start;
    tfvars[start..end]
        .split("\n  {\n")
        .skip(1)
        .map(|block| {
            let name = block
                .lines()
                .find_map(|l| l.trim().strip_prefix("name        = \""))
                .and_then(|rest| rest.strip_suffix('"'))
                .expect("a group has a name")
                .to_string();
            (name, block.to_string())
        })
        .collect()
}

/// Every address in the `source_addresses` lines of a text.
fn sources(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("source_addresses"))
        .flat_map(|rest| {
            rest.split('"')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The first two octets of each range of an environment (`10.101.`): its spokes sit in them.
fn in_environment(address: &str, prefix: &str) -> bool {
    address.starts_with(prefix)
}

#[test]
fn each_attached_environment_gets_its_workload_rules_on_its_own_hub_from_its_own_ranges() {
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone(""));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();

    let nonprod = groups(&meg.read("out/terraform/platform/nonprod.tfvars"));
    let prod = groups(&meg.read("out/terraform/platform/prod.tfvars"));
    let names = |gs: &[(String, String)]| gs.iter().map(|g| g.0.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&nonprod),
        ["rcg-dev-workloads", "rcg-test-workloads"],
        "the nonprod hub serves dev and test, and only them"
    );
    assert_eq!(names(&prod), ["rcg-prod-workloads"]);

    for (hub, gs) in [("nonprod", &nonprod), ("prod", &prod)] {
        let mut priorities = Vec::new();
        for (name, text) in gs {
            let env = name
                .strip_prefix("rcg-")
                .and_then(|n| n.strip_suffix("-workloads"))
                .unwrap();
            let octets = match env {
                "dev" => "10.101.",
                "test" => "10.102.",
                _ => "10.1.",
            };
            // Rehost and Container Apps collections, named after the environment.
            for collection in [
                format!("net-{env}-rehost-allow"),
                format!("app-{env}-rehost-allow"),
                format!("net-{env}-container-apps-allow"),
            ] {
                assert!(
                    text.contains(&format!("\"{collection}\"")),
                    "{hub}/{name} lacks {collection}:\n{text}"
                );
            }
            for rule in [
                "AllowAzureBackup",
                "AllowGuestAndHybridManagement",
                "AllowUbuntuPackages",
                "AllowMicrosoftContainerRegistry",
            ] {
                assert!(text.contains(rule), "{hub}/{name} lacks {rule}");
            }
            let from = sources(text);
            assert!(!from.is_empty(), "{hub}/{name} allows no source");
            for address in &from {
                assert!(
                    in_environment(address, octets),
                    "{hub}/{name} allows {address}, outside {env}'s ranges"
                );
            }
            // The Container Apps rules come from the apps spoke (x.x.2.0/23) only.
            let apps = &text[text
                .find(&format!("net-{env}-container-apps-allow"))
                .unwrap()..];
            let apps_sources = sources(apps.split("application_rule_collections").next().unwrap());
            assert!(!apps_sources.is_empty());
            for a in &apps_sources {
                assert!(
                    a.starts_with(&format!("{octets}2.")) || a.starts_with(&format!("{octets}3.")),
                    "{hub}/{name}: Container Apps rules from {a}"
                );
            }
            let priority: u32 = text
                .lines()
                .find_map(|l| l.trim().strip_prefix("priority    = "))
                .unwrap()
                .parse()
                .unwrap();
            assert!(
                priority > 1000,
                "{name} comes after the platform's group (1000)"
            );
            priorities.push(priority);
        }
        let mut distinct = priorities.clone();
        distinct.dedup();
        assert_eq!(distinct, priorities, "{hub}: distinct priorities, in order");
    }

    // Both targets spell them: Terraform from the variable, Bicep through its module.
    let tf = meg.read_tf_root("out/terraform/platform");
    assert!(
        tf.contains("resource \"azurerm_firewall_policy_rule_collection_group\" \"attached\" {")
    );
    assert!(tf.contains("for group in var.attached_rule_collection_groups"));
    let main = meg.read("out/bicep/platform/main.bicep");
    assert!(main.contains("module attachedFirewallRules 'modules/attached-firewall-rules.bicep'"));
    let module = meg.read("out/bicep/platform/modules/attached-firewall-rules.bicep");
    assert!(
        module.contains("@batchSize(1)"),
        "one group at a time on a policy"
    );
    let param = meg.read("out/bicep/platform/nonprod.bicepparam");
    assert!(param.contains("name: 'rcg-dev-workloads'") && param.contains("'10.101.0.0/24'"));
    assert!(
        !param.contains("'10.1.0.0/24'"),
        "prod's ranges stay off the nonprod hub"
    );
}

#[test]
fn a_hub_without_a_firewall_carries_no_workload_rules() {
    let meg = Meg::new();
    let text = landing_zone("").replace(
        "    vpnGateway:\n      enabled: true\n    onPremises:\n      sites:\n        - name: dc",
        "    firewall:\n      enabled: false\n    vpnGateway:\n      enabled: true\n    onPremises:\n      sites:\n        - name: dc",
    );
    meg.write("lz.yaml", &text);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();

    assert_eq!(
        groups(&meg.read("out/terraform/platform/prod.tfvars")),
        Vec::<(String, String)>::new()
    );
    assert_eq!(
        groups(&meg.read("out/terraform/platform/nonprod.tfvars")).len(),
        2
    );
}

#[test]
fn attached_spokes_let_in_the_sites_their_own_hub_reaches() {
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone(""));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();

    for (env, site, other) in [
        ("dev", "172.16.0.0/16", "192.168.0.0/16"),
        ("test", "172.16.0.0/16", "192.168.0.0/16"),
        ("prod", "192.168.0.0/16", "172.16.0.0/16"),
    ] {
        let tfvars = meg.read(&format!("out/terraform/environments/{env}.tfvars"));
        let line = tfvars
            .lines()
            .find(|l| l.starts_with("on_premises_address_prefixes"))
            .unwrap_or_else(|| panic!("{env} has no on-premises prefixes:\n{tfvars}"));
        assert!(line.ends_with(&format!("= [\"{site}\"]")), "{env}: {line}");
        assert!(!tfvars.contains(other), "{env} gets another hub's site");
        let param = meg.read(&format!("out/bicep/environments/{env}.bicepparam"));
        assert!(param.contains(&format!(
            "param onPremisesAddressPrefixes = [\n  '{site}'\n]"
        )));
    }
    // The spokes hand them to their NSGs in both targets.
    assert!(
        meg.read("out/terraform/main.spokes.tf")
            .contains("on_premises_address_prefixes = var.on_premises_address_prefixes")
    );
    assert!(
        meg.read("out/bicep/main.bicep")
            .contains("onPremisesAddressPrefixes: onPremisesAddressPrefixes")
    );
    assert!(
        meg.read("out/bicep/modules/spoke-network.bicep")
            .contains("name: 'AllowOnPremisesInbound'")
    );
}

#[test]
fn an_attached_environment_with_sites_of_its_own_is_refused_at_them() {
    let meg = Meg::new();
    let text = landing_zone("").replace(
        "  prod:\n    network:\n      hub:\n        platform: prod",
        "  prod:\n    onPremises:\n      sites:\n        - name: branch\n          gatewayAddress: 198.51.100.7\n          addressSpaces: [10.250.0.0/16]\n    network:\n      hub:\n        platform: prod",
    );
    meg.write("lz.yaml", &text);
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    let err = run.stderr();
    assert!(
        err.contains("environments.prod.onPremises.sites")
            && err.contains("hubs.prod.onPremises.sites"),
        "{err}"
    );
    assert!(!meg.path("out").exists(), "nothing is written");
}

#[test]
fn an_environment_with_its_own_hub_beside_platform_hubs_is_refused_at_its_hub() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &landing_zone(
            "  \
  sandbox:
    tier: dev
    network:
      hub:
        addressSpace: 10.200.0.0/22
      spokes:
        - name: erp
          addressSpace: 10.201.0.0/24
        - name: apps
          addressSpace: 10.201.2.0/23
",
        ),
    );
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    let err = run.stderr();
    let line = err.lines().next().unwrap();
    assert!(
        line.contains("lz.yaml:") && line.contains("environments.sandbox.network.hub"),
        "located at the environment's own hub: {err}"
    );
    assert!(
        err.contains("builds a hub of its own, while dev, test, prod attach to platform hubs")
            && err.contains("one root"),
        "says why: {err}"
    );
    assert!(
        err.contains("hubs.sandbox") && err.contains("network.hub.platform: sandbox"),
        "says how: {err}"
    );
    assert!(!meg.path("out").exists(), "nothing is written");
}

/// An environment on a hub the platform team already ran before meg, beside the platform hubs.
fn legacy(use_remote_gateways: bool, spoke: &str) -> String {
    let zone = |z: &str| {
        format!(
            "            {z}: {}/privateDnsZones/{z}\n",
            EXISTING_VNET.replace("/virtualNetworks/vnet-hub-legacy", "")
        )
    };
    format!(
        "  \
  legacy:
    tier: test
    network:
      hub:
        existing:
          virtualNetworkId: {EXISTING_VNET}
          addressSpace: 10.50.0.0/22
          firewallPrivateIp: 10.50.0.4
          useRemoteGateways: {use_remote_gateways}
          privateDnsZoneIds:
{}{}{}      dnsServers: [10.50.0.132]
      spokes:
        - name: erp
          addressSpace: {spoke}
        - name: apps
          addressSpace: 10.51.2.0/23
",
        zone("privatelink.vaultcore.azure.net"),
        zone("privatelink.azurewebsites.net"),
        zone("privatelink.azurecr.io"),
    )
}

#[test]
fn platform_hubs_and_an_existing_hub_mix_in_one_file() {
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone(&legacy(false, "10.51.0.0/24")));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();

    // The environment on the existing hub peers to it; the others to their platform hubs.
    let legacy = meg.read("out/terraform/environments/legacy.tfvars");
    assert!(legacy.contains(EXISTING_VNET), "{legacy}");
    let dev = meg.read("out/terraform/environments/dev.tfvars");
    assert!(dev.contains("vnet-hub-nonprod-weu-001"));
    // The platform root builds only the declared hubs, and no hub serves the legacy ranges.
    let mut hubs: Vec<String> = std::fs::read_dir(meg.path("out/terraform/platform"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tfvars"))
        .collect();
    hubs.sort();
    assert_eq!(hubs, ["nonprod.tfvars", "prod.tfvars"]);
    for hub in hubs {
        assert!(
            !meg.read(&format!("out/terraform/platform/{hub}"))
                .contains("10.51.")
        );
    }
}

#[test]
fn one_address_plan_spans_platform_hubs_and_an_existing_hub() {
    // The existing hub reaches the landing zone's top-level sites: give it the lab site, which
    // dev and test reach through nonprod, and a spoke over dev's. They route to each other
    // through the site, so the overlap is an error.
    let meg = Meg::new();
    let text = landing_zone(&legacy(true, "10.101.0.0/24")).replace(
        "paas:\n",
        "onPremises:\n  sites:\n    - name: lab\n      gatewayAddress: 203.0.113.20\n      addressSpaces: [172.16.0.0/16]\npaas:\n",
    );
    meg.write("lz.yaml", &text);
    let run = meg.run(&["validate", "lz.yaml"]).bad_input();
    let err = run.stderr();
    assert!(
        err.contains("10.101.0.0/24") && err.contains("legacy") && err.contains("dev"),
        "{err}"
    );
    assert!(
        err.contains("on-premises site 'lab'"),
        "says why they route: {err}"
    );

    // The same spoke on an isolated existing hub is no overlap.
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone(&legacy(false, "10.101.0.0/24")));
    meg.run(&["validate", "lz.yaml"]).ok();
}
