//! A landing zone that peers to a hub the platform team already runs (brownfield): the render
//! creates no hub, references it in both targets, and refuses inputs that would quietly create
//! hub resources or mix the two kinds of hub.

mod common;

use common::Meg;

const HUB: &str = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub";
const VAULT_ZONE: &str = "/subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net";

/// Two environments on existing hubs, each with one spoke.
fn brownfield() -> String {
    format!(
        "\
name: northwind
strategy: hybrid
location: westeurope
tags:
  owner: team-app
network:
  dnsServers: [10.200.0.68]
  hub:
    existing:
      virtualNetworkId: {HUB}
      addressSpace: 10.200.0.0/22
      firewallPrivateIp: 10.200.1.4
      privateDnsZoneIds:
        privatelink.vaultcore.azure.net: {VAULT_ZONE}
environments:
  dev:
    network:
      spokes:
        - name: crm
          addressSpace: 10.201.0.0/24
  prod:
    network:
      spokes:
        - name: crm
          addressSpace: 10.211.0.0/24
"
    )
}

#[test]
fn an_existing_hub_is_referenced_not_created() {
    let meg = Meg::new();
    meg.write("lz.yaml", &brownfield());
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();

    let bicep = meg.read("out/bicep/main.bicep");
    assert!(
        bicep.contains(
            "resource hubVirtualNetwork 'Microsoft.Network/virtualNetworks@2024-01-01' existing = {"
        ),
        "{bicep}"
    );
    assert!(
        bicep.contains(
            "scope: resourceGroup(hubNetwork.subscriptionId, hubNetwork.resourceGroupName)"
        )
    );
    for created in [
        "modules/hub-network.bicep",
        "modules/firewall.bicep",
        "modules/bastion.bicep",
        "connectivityResourceGroup",
    ] {
        assert!(
            !bicep.contains(created),
            "main.bicep still creates {created}"
        );
    }
    assert!(!meg.path("out/bicep/modules/hub-network.bicep").exists());
    assert!(!meg.path("out/terraform/modules/hub-network").exists());

    let params = meg.read("out/bicep/environments/prod.bicepparam");
    assert!(
        params.contains("subscriptionId: '3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c'"),
        "{params}"
    );
    assert!(params.contains("resourceGroupName: 'rg-hub'"), "{params}");
    assert!(
        params.contains("virtualNetworkName: 'vnet-hub'"),
        "{params}"
    );
    assert!(
        params.contains("firewallPrivateIp: '10.200.1.4'"),
        "{params}"
    );

    let tf = meg.read_tf_root("out/terraform");
    assert!(
        tf.contains("data \"azurerm_virtual_network\" \"hub\" {"),
        "{tf}"
    );
    assert!(tf.contains("provider = azurerm.hub"), "{tf}");
    assert!(!tf.contains("module \"hub_network\""), "{tf}");
    let providers = meg.read("out/terraform/providers.tf");
    assert!(
        providers.contains("alias           = \"hub\""),
        "{providers}"
    );
    let spoke = meg.read("out/terraform/modules/spoke-network/main.tf");
    assert!(spoke.contains("provider = azurerm.hub"), "{spoke}");

    // The README says whose hub it is.
    let readme = meg.read("out/README.md");
    assert!(
        readme.contains("Existing hub `vnet-hub` in `rg-hub`"),
        "{readme}"
    );
}

#[test]
fn a_greenfield_render_holds_no_existing_hub_code() {
    let meg = Meg::new();
    meg.write("lz.yaml", common::MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(
        !meg.read("out/bicep/main.bicep")
            .contains(" existing = {\n  name: hubNetwork")
    );
    assert!(!meg.read("out/terraform/providers.tf").contains("alias"));
    assert!(meg.path("out/bicep/modules/hub-network.bicep").exists());
}

#[test]
fn existing_hub_mistakes_are_clear_errors_that_change_nothing() {
    let base = brownfield();
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "a hub resource asked for explicitly",
            format!("{base}firewall:\n  enabled: true\n"),
            vec!["firewall.enabled asks for a hub resource", "network.hub.existing"],
        ),
        (
            "a hub address space that would be ignored",
            base.replace(
                "  hub:\n    existing:",
                "  hub:\n    addressSpace: 10.200.0.0/22\n    existing:",
            ),
            vec!["network.hub.addressSpace is for a hub meg creates", "existing.addressSpace"],
        ),
        (
            "a spoke overlapping the existing hub",
            base.replace("10.201.0.0/24", "10.200.2.0/24"),
            vec!["the existing hub (10.200.0.0/22) overlaps spoke 'crm' (10.200.2.0/24)"],
        ),
        (
            "private endpoints that the spokes could not resolve",
            base.replace("network:\n  dnsServers: [10.200.0.68]\n  hub:", "network:\n  hub:"),
            vec!["the spokes would use Azure DNS", "network.dnsServers"],
        ),
        (
            "a private endpoint spoke that does not exist",
            base.replace("      firewallPrivateIp: 10.200.1.4\n", "      firewallPrivateIp: 10.200.1.4\n      privateEndpointSpoke: crn\n"),
            vec!["privateEndpointSpoke names spoke 'crn'", "did you mean 'crm'?"],
        ),
        (
            "one environment on an existing hub, the other creating one",
            base.replace(
                "  prod:\n    network:\n",
                "  prod:\n    network:\n      hub:\n        addressSpace: 10.210.0.0/22\n",
            )
            .replace(&format!("  hub:\n    existing:\n      virtualNetworkId: {HUB}\n      addressSpace: 10.200.0.0/22\n      firewallPrivateIp: 10.200.1.4\n      privateDnsZoneIds:\n        privatelink.vaultcore.azure.net: {VAULT_ZONE}\n"), "")
            .replace("  dev:\n    network:\n", &format!("  dev:\n    network:\n      hub:\n        existing:\n          virtualNetworkId: {HUB}\n          privateDnsZoneIds:\n            privatelink.vaultcore.azure.net: {VAULT_ZONE}\n")),
            vec![
                "environments.prod.network.hub",
                "environment prod builds a hub of its own, while dev uses an existing hub",
            ],
        ),
        (
            "not a virtual network ID",
            base.replace("/virtualNetworks/vnet-hub\n", "/virtualNetwork/vnet-hub\n"),
            vec!["virtualNetworkId"],
        ),
    ];
    for (case, yaml, expected) in cases {
        let meg = Meg::new();
        meg.write("lz.yaml", &brownfield());
        meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
        let before = meg.snapshot("out");
        meg.write("lz.yaml", &yaml);
        let run = meg.run(&["render", "lz.yaml", "-o", "out"]);
        assert_eq!(run.code(), 2, "{case}: stderr:\n{}", run.stderr());
        for want in expected {
            assert!(
                run.stderr().contains(want),
                "{case}: expected {want:?} in:\n{}",
                run.stderr()
            );
        }
        assert_eq!(before, meg.snapshot("out"), "{case}: the output changed");
    }
}

#[test]
fn every_private_endpoint_needs_its_private_dns_zone() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let brownfield = std::fs::read_to_string(root.join("examples/existing-hub-refactor.yaml"))
        .expect("the example exists");
    let without_sql_zone: String = brownfield
        .lines()
        .filter(|l| !l.contains("privatelink.database.windows.net:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let meg = Meg::new();
    meg.write("lz.yaml", &without_sql_zone);
    let run = meg.run(&["validate", "lz.yaml"]).bad_input();
    for want in [
        "private DNS zone privatelink.database.windows.net is missing",
        "the SQL server of application 'partners'",
        "network.hub.existing.privateDnsZoneIds",
    ] {
        assert!(
            run.stderr().contains(want),
            "{want:?} in:\n{}",
            run.stderr()
        );
    }

    // A hub meg creates: the zone must be in network.privateDnsZones.
    let greenfield = root.join("examples/refactor.yaml");
    let run = meg
        .run(&[
            "validate",
            greenfield.to_str().unwrap(),
            "--set",
            "network.privateDnsZones=[privatelink.vaultcore.azure.net]",
        ])
        .bad_input();
    assert!(
        run.stderr()
            .contains("add privatelink.azurewebsites.net to network.privateDnsZones"),
        "{}",
        run.stderr()
    );
}
