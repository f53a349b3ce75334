//! One address plan across everything that can route to each other (issue 14): environments
//! sharing a hub, an on-premises site or an ExpressRoute circuit may not overlap each other nor
//! the sites' prefixes, and two sites they reach may not overlap; environments that never route
//! to each other may reuse ranges.

mod common;

use common::{Meg, example};

/// Renders `text` as `lz.yaml` into `out` (which holds an earlier render), expecting exit 2
/// and nothing changed; returns standard error.
fn refused(text: &str) -> String {
    let meg = Meg::new();
    meg.write("lz.yaml", ISOLATED);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let before = meg.snapshot("out");
    meg.write("lz.yaml", text);
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    assert!(
        meg.changed_since("out", &before).is_empty(),
        "a refused render changed the output"
    );
    run.stderr()
}

/// Two environments with the same ranges that share nothing: no VPN, no ExpressRoute, each
/// its own hub. The lines matter: tests name them.
const ISOLATED: &str = "\
name: fabrikam
strategy: rehost
location: westeurope
tags:
  owner: team-net
environments:
  dev:
    network:
      hub:
        addressSpace: 10.0.0.0/22
      spokes:
        - name: erp
          addressSpace: 10.1.0.0/24
  prod:
    network:
      hub:
        addressSpace: 10.0.0.0/22
      spokes:
        - name: erp
          addressSpace: 10.1.0.0/24
";

#[test]
fn isolated_environments_may_reuse_their_ranges() {
    let meg = Meg::new();
    meg.write("lz.yaml", ISOLATED);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    // A site listed but never connected (no gateway) routes nothing either.
    let listed = format!(
        "{ISOLATED}onPremises:\n  sites:\n    - name: dc\n      gatewayAddress: 203.0.113.10\n      addressSpaces: [192.168.0.0/16]\n"
    );
    meg.write("lz2.yaml", &listed);
    meg.run(&["validate", "lz2.yaml"]).ok();
}

#[test]
fn every_example_keeps_one_address_plan() {
    for name in [
        "hybrid",
        "rehost",
        "refactor",
        "existing-hub",
        "existing-hub-refactor",
        "inventory",
    ] {
        let meg = Meg::new();
        meg.run(&["validate", &example(&format!("{name}.yaml"))])
            .ok();
    }
}

/// The case: dev and prod hubs both 10.0.0.0/22, both with a VPN to the same site.
const TWO_TUNNELS: &str = "\
name: contoso
strategy: hybrid
location: westeurope
tags:
  owner: team-net
onPremises:
  sites:
    - name: dc
      gatewayAddress: 203.0.113.10
      addressSpaces: [192.168.0.0/16]
environments:
  dev:
    network:
      hub:
        addressSpace: 10.0.0.0/22
  prod:
    network:
      hub:
        addressSpace: 10.0.0.0/22
";

#[test]
fn environments_with_a_vpn_to_the_same_site_may_not_overlap() {
    let err = refused(TWO_TUNNELS);
    assert!(
        err.contains(
            "dev's hub 10.0.0.0/22 (lz.yaml:15:9) overlaps prod's hub 10.0.0.0/22 (lz.yaml:19:9)"
        ),
        "{err}"
    );
    assert!(
        err.contains("dev and prod both connect to on-premises site 'dc'"),
        "{err}"
    );
    // Rendering one environment does not hide the other's overlap.
    let meg = Meg::new();
    meg.write("lz.yaml", TWO_TUNNELS);
    let err = meg
        .run(&["validate", "lz.yaml", "--env", "prod"])
        .bad_input()
        .stderr();
    assert!(err.contains("overlaps prod's hub 10.0.0.0/22"), "{err}");
}

#[test]
fn a_site_is_the_same_site_by_its_vpn_device_even_under_another_name() {
    let text = TWO_TUNNELS.replace(
        "  prod:\n",
        "  prod:\n    onPremises:\n      sites:\n        - name: datacenter\n          gatewayAddress: 203.0.113.10\n          addressSpaces: [192.168.0.0/16]\n",
    );
    let err = refused(&text);
    assert!(err.contains("connect to on-premises site"), "{err}");
    assert!(err.contains("overlaps prod's hub 10.0.0.0/22"), "{err}");
}

#[test]
fn a_value_from_set_is_named_as_the_place_it_was_set() {
    let meg = Meg::new();
    let text = TWO_TUNNELS.replace(
        "        addressSpace: 10.0.0.0/22\n  prod:",
        "        addressSpace: 10.9.0.0/22\n  prod:",
    );
    meg.write("lz.yaml", &text);
    meg.run(&["validate", "lz.yaml"]).ok();
    let err = meg
        .run(&[
            "validate",
            "lz.yaml",
            "--set",
            "environments.dev.network.hub.addressSpace=10.0.0.0/22",
        ])
        .bad_input()
        .stderr();
    assert!(
        err.contains(
            "dev's hub 10.0.0.0/22 (--set environments.dev.network.hub.addressSpace=10.0.0.0/22)"
        ),
        "{err}"
    );
}

/// Dev and prod beside one existing hub (its ID spelt in two cases), each with a spoke.
fn existing_hub(dev_spoke: &str, prod_spoke: &str) -> String {
    format!(
        "\
name: northwind
strategy: rehost
location: westeurope
tags:
  owner: team-net
network:
  dnsServers: [10.200.0.68]
environments:
  dev:
    network:
      hub:
        existing:
          virtualNetworkId: /subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub-nonprod-weu-001
          addressSpace: 10.200.0.0/22
          privateDnsZoneIds:
            privatelink.vaultcore.azure.net: /subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net
      spokes:
        - name: crm
          addressSpace: {dev_spoke}
  prod:
    network:
      hub:
        existing:
          virtualNetworkId: /subscriptions/3F2B9C1E-7A4D-4E8B-9C6F-1D2E3F4A5B6C/resourceGroups/RG-HUB/providers/Microsoft.Network/virtualNetworks/vnet-hub-nonprod-weu-001
          addressSpace: 10.200.0.0/22
          privateDnsZoneIds:
            privatelink.vaultcore.azure.net: /subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net
      spokes:
        - name: crm
          addressSpace: {prod_spoke}
"
    )
}

#[test]
fn environments_sharing_an_existing_hub_share_its_range_but_not_their_spokes() {
    // The hub itself is one range seen twice: no overlap.
    let meg = Meg::new();
    meg.write("lz.yaml", &existing_hub("10.201.0.0/24", "10.211.0.0/24"));
    meg.run(&["validate", "lz.yaml"]).ok();

    let err = refused(&existing_hub("10.201.0.0/24", "10.201.0.128/25"));
    assert!(
        err.contains(
            "dev's spoke 'crm' 10.201.0.0/24 (lz.yaml:19:11) overlaps prod's spoke 'crm' 10.201.0.128/25 (lz.yaml:30:11)"
        ),
        "{err}"
    );
    assert!(
        err.contains("dev and prod both use the existing hub vnet-hub-nonprod-weu-001"),
        "{err}"
    );
}

#[test]
fn the_same_hub_name_in_two_subscriptions_is_two_hubs() {
    let text = existing_hub("10.201.0.0/24", "10.201.0.0/24").replacen(
        "/subscriptions/3F2B9C1E-7A4D-4E8B-9C6F-1D2E3F4A5B6C/resourceGroups/RG-HUB",
        "/subscriptions/8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f/resourceGroups/rg-hub",
        1,
    );
    let meg = Meg::new();
    meg.write("lz.yaml", &text);
    meg.run(&["validate", "lz.yaml"]).ok();
}

/// Dev and prod both reach site `dc`; prod also reaches `lab`.
const TWO_SITES: &str = "\
name: contoso
strategy: hybrid
location: westeurope
tags:
  owner: team-net
onPremises:
  sites:
    - name: dc
      gatewayAddress: 203.0.113.10
      addressSpaces: [192.168.0.0/16]
environments:
  dev:
    network:
      hub:
        addressSpace: 10.10.0.0/22
      spokes:
        - name: erp
          addressSpace: DEV_SPOKE
  prod:
    network:
      hub:
        addressSpace: 10.20.0.0/22
    onPremises:
      sites:
        - name: dc
          gatewayAddress: 203.0.113.10
          addressSpaces: [192.168.0.0/16]
        - name: lab
          gatewayAddress: 198.51.100.7
          addressSpaces: [LAB]
";

#[test]
fn a_range_may_not_overlap_a_site_that_another_environment_of_its_domain_reaches() {
    let text = TWO_SITES
        .replace("DEV_SPOKE", "10.30.1.0/24")
        .replace("LAB", "10.30.0.0/16");
    let err = refused(&text);
    assert!(
        err.contains(
            "dev's spoke 'erp' 10.30.1.0/24 (lz.yaml:18:11) overlaps prod's on-premises site 'lab' 10.30.0.0/16 (lz.yaml:30:27)"
        ),
        "{err}"
    );
    assert!(
        err.contains("dev and prod both connect to on-premises site 'dc'"),
        "{err}"
    );
}

#[test]
fn two_sites_of_one_domain_may_not_overlap() {
    // Dev and prod share site `dc`; dev also reaches `branch`, prod `lab`.
    let text = |lab: &str| {
        TWO_SITES.replace("DEV_SPOKE", "10.11.0.0/24").replace("LAB", lab).replace(
            "      spokes:\n        - name: erp\n          addressSpace: 10.11.0.0/24\n",
            "      spokes:\n        - name: erp\n          addressSpace: 10.11.0.0/24\n    onPremises:\n      sites:\n        - name: dc\n          gatewayAddress: 203.0.113.10\n          addressSpaces: [192.168.0.0/16]\n        - name: branch\n          gatewayAddress: 198.51.100.99\n          addressSpaces: [172.16.0.0/16]\n",
        )
    };
    let err = refused(&text("172.16.40.0/24"));
    assert!(
        err.contains(
            "dev's on-premises site 'branch' 172.16.0.0/16 (lz.yaml:26:27) overlaps prod's on-premises site 'lab' 172.16.40.0/24 (lz.yaml:38:27)"
        ),
        "{err}"
    );
    // The shared site, listed by both, is one site: no overlap with itself.
    let meg = Meg::new();
    meg.write("lz.yaml", &text("172.17.0.0/24"));
    meg.run(&["validate", "lz.yaml"]).ok();
}

#[test]
fn environments_on_one_expressroute_circuit_may_not_overlap() {
    let circuit = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/erc-ams";
    let text = format!("{ISOLATED}expressRoute:\n  enabled: true\n  circuitId: {circuit}\n");
    let err = refused(&text);
    assert!(
        err.contains("dev and prod both connect to ExpressRoute circuit erc-ams"),
        "{err}"
    );
    assert!(
        err.contains(
            "dev's hub 10.0.0.0/22 (lz.yaml:10:9) overlaps prod's hub 10.0.0.0/22 (lz.yaml:17:9)"
        ),
        "{err}"
    );
    assert!(
        err.contains("dev's spoke 'erp' 10.1.0.0/24 (lz.yaml:13:11) overlaps prod's spoke 'erp' 10.1.0.0/24 (lz.yaml:20:11)"),
        "{err}"
    );
}

#[test]
fn a_spoke_range_from_the_pool_is_traced_to_the_pool() {
    let text = "\
name: contoso
strategy: hybrid
location: westeurope
tags:
  owner: team-net
onPremises:
  sites:
    - name: dc
      gatewayAddress: 203.0.113.10
      addressSpaces: [192.168.0.0/16]
network:
  spokeAddressPool: 10.50.0.0/16
  spokes:
    - name: erp
environments:
  dev:
    network:
      hub:
        addressSpace: 10.10.0.0/22
  prod:
    network:
      hub:
        addressSpace: 10.20.0.0/22
";
    let err = refused(text);
    assert!(
        err.contains("dev's spoke 'erp' 10.50.0.0/24 (taken from network.spokeAddressPool at lz.yaml:12:3) overlaps prod's spoke 'erp' 10.50.0.0/24"),
        "{err}"
    );
}

#[test]
fn environments_route_to_each_other_through_a_third() {
    // dev and test share site dc; test and prod share site lab; dev and prod share nothing.
    let text = "\
name: contoso
strategy: hybrid
location: westeurope
tags:
  owner: team-net
environments:
  dev:
    network:
      hub:
        addressSpace: 10.0.0.0/22
    onPremises:
      sites:
        - name: dc
          gatewayAddress: 203.0.113.10
          addressSpaces: [192.168.0.0/16]
  test:
    network:
      hub:
        addressSpace: 10.4.0.0/22
    onPremises:
      sites:
        - name: dc
          gatewayAddress: 203.0.113.10
          addressSpaces: [192.168.0.0/16]
        - name: lab
          gatewayAddress: 198.51.100.7
          addressSpaces: [172.16.0.0/16]
  prod:
    network:
      hub:
        addressSpace: 10.0.0.0/22
    onPremises:
      sites:
        - name: lab
          gatewayAddress: 198.51.100.7
          addressSpaces: [172.16.0.0/16]
";
    let err = refused(text);
    assert!(
        err.contains(
            "dev's hub 10.0.0.0/22 (lz.yaml:10:9) overlaps prod's hub 10.0.0.0/22 (lz.yaml:31:9)"
        ),
        "{err}"
    );
    assert!(
        err.contains("dev and test both connect to on-premises site 'dc'; test and prod both connect to on-premises site 'lab'"),
        "{err}"
    );
}

#[test]
fn two_platform_hubs_reaching_one_site_need_ranges_of_their_own() {
    // The Contoso example's hubs, both with a VPN to the datacenter, given one range: the
    // datacenter would learn it over two tunnels. The error points at both hubs' own keys.
    let text = std::fs::read_to_string(example("contoso-migration.yaml"))
        .expect("the example reads")
        .replace(
            "    addressSpace: 10.0.0.0/22",
            "    addressSpace: 10.100.0.0/22",
        );
    let line = |needle: &str, after: &str| {
        let start = text.find(after).expect("the hub is in the example");
        text[..start + text[start..].find(needle).unwrap()]
            .lines()
            .count()
    };
    let nonprod = line("addressSpace", "  nonprod:");
    let prod = line("addressSpace", "  prod:\n    subscriptionId");
    let err = refused(&text);
    assert!(
        err.contains(&format!(
            "platform hub 'nonprod' 10.100.0.0/22 (lz.yaml:{nonprod}:5) overlaps prod's platform hub 'prod' 10.100.0.0/22 (lz.yaml:{prod}:5)"
        )),
        "{err}"
    );
    assert!(
        err.contains("both connect to on-premises site 'amsterdam-dc'"),
        "{err}"
    );
}
