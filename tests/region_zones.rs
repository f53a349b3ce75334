//! Regions without availability zones (West US, UK West, West Central US…): Azure refuses any
//! `zones` list and zone-redundant option there. A prod landing zone renders regional resources
//! (the presets' zone redundancy gives way to the region), and an input that itself asks for
//! zones there is refused at its key before anything is written.

mod common;

use common::Meg;

/// A prod landing zone with every zone-redundant default of the prod preset in play: the hub
/// firewall, the VPN gateway's public IPs, App Service with its Application Gateway, SQL and
/// Container Apps.
const PROD: &str = "\
name: adatum
strategy: [hybrid, rehost, refactor]
location: LOCATION
onPremises:
  sites:
    - name: dc1
      gatewayAddress: 203.0.113.10
      addressSpaces: [192.168.0.0/16]
vpnGateway:
  enabled: true
paas:
  ingress: applicationGateway
  applicationGateway:
    certificateKeyVaultId: /subscriptions/3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-adatum-certs
    certificateSecretId: https://kv-adatum-certs.vault.azure.net/secrets/web
  applications:
    web:
      webApps: [site]
      databases: [db]
      containerApps: true
environments:
  prod:
    network:
      hub:
        addressSpace: 10.90.0.0/22
      spokes:
        - name: web
          addressSpace: 10.91.0.0/24
";

fn render(meg: &Meg, location: &str) -> (String, String) {
    meg.write("lz.yaml", &PROD.replace("LOCATION", location));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let tfvars = squash(&meg.read("out/terraform/environments/prod.tfvars"));
    let bicep = std::fs::read_dir(meg.path("out/bicep"))
        .unwrap()
        .chain(std::fs::read_dir(meg.path("out/bicep/modules")).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
        + &meg.read("out/bicep/environments/prod.bicepparam");
    (tfvars, bicep)
}

/// The lines of `text` from the one that holds `opening` to the first that closes a block.
fn block(text: &str, opening: &str) -> String {
    text.lines()
        .skip_while(|l| !l.contains(opening))
        .take_while(|l| l.trim() != "}")
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` with every run of spaces as one, so an assertion does not depend on how
/// `terraform fmt` aligns a block's `=`.
fn squash(text: &str) -> String {
    text.lines()
        .map(|l| {
            l.split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_prod_landing_zone_in_a_region_without_zones_asks_for_none() {
    let meg = Meg::new();
    let (tfvars, bicepparam) = render(&meg, "westus");
    for (text, what) in [(&tfvars, "tfvars"), (&bicepparam, "bicep")] {
        assert!(
            !text.contains("zoneRedundant: true") && !text.contains("zone_redundant = true"),
            "{what} asks for zone redundancy in westus:\n{text}"
        );
        assert!(
            !text.contains("\"1\", \"2\", \"3\"") && !text.contains("'1'\n    '2'"),
            "{what} lists zones in westus"
        );
    }
    assert!(
        tfvars.contains("backup_storage_redundancy = \"Geo\""),
        "{tfvars}"
    );
    // Without zones, prod's App Service plan still runs the prod preset's three instances,
    // and its Application Gateway scales from two.
    let plan = block(&tfvars, "app_service = {");
    assert!(plan.contains("capacity = 3"), "{plan}");
    assert!(plan.contains("zone_redundant = false"), "{plan}");
    let gateway = block(&tfvars, "application_gateway = {");
    assert!(gateway.contains("min_capacity = 2"), "{gateway}");
    // The same file in a region with zones keeps the prod preset's zone redundancy.
    let meg = Meg::new();
    let (tfvars, _) = render(&meg, "westus2");
    assert!(tfvars.contains("zone_redundant = true"), "{tfvars}");
    assert!(tfvars.contains("GeoZone"), "{tfvars}");
}

#[test]
fn more_instances_than_the_app_service_plan_runs_are_refused_at_the_key() {
    let meg = Meg::new();
    meg.write("lz.yaml", &PROD.replace("LOCATION", "westeurope"));
    meg.write(
        "more.yaml",
        "environments:\n  prod:\n    paas:\n      appService:\n        sku: B1\n        zoneRedundant: false\n        instances: 4\n",
    );
    let run = meg
        .run(&["render", "lz.yaml", "-f", "more.yaml", "-o", "out"])
        .bad_input();
    let err = run.stderr();
    assert!(
        err.contains("more.yaml:")
            && err.contains("paas.appService.instances")
            && err.contains("at most 3"),
        "{err}"
    );
    assert!(!meg.path("out").exists(), "nothing is written");
    // Three is what a Basic plan runs: the same file with three renders.
    meg.write(
        "more.yaml",
        "environments:\n  prod:\n    paas:\n      appService:\n        sku: B1\n        zoneRedundant: false\n        instances: 3\n",
    );
    meg.run(&["render", "lz.yaml", "-f", "more.yaml", "-o", "out"])
        .ok();
}

#[test]
fn asking_for_zones_in_a_region_without_them_is_refused_at_the_key() {
    let cases = [
        (
            "environments:\n  prod:\n    firewall:\n      zoneRedundant: true\n",
            "firewall.zoneRedundant",
        ),
        (
            "environments:\n  prod:\n    paas:\n      sql:\n        backupStorageRedundancy: Zone\n",
            "paas.sql.backupStorageRedundancy",
        ),
        (
            "environments:\n  prod:\n    migration:\n      virtualMachines:\n        app01:\n          spoke: web\n          subnet: workload\n          os: linux\n          size: Standard_D2s_v5\n          zone: \"2\"\n",
            "migration.virtualMachines.app01.zone",
        ),
    ];
    for (extra, key) in cases {
        let meg = Meg::new();
        meg.write("lz.yaml", &PROD.replace("LOCATION", "ukwest"));
        meg.write("more.yaml", extra);
        let run = meg
            .run(&["render", "lz.yaml", "-f", "more.yaml", "-o", "out"])
            .bad_input();
        let err = run.stderr();
        assert!(
            err.contains("more.yaml:") && err.contains(key) && err.contains("ukwest"),
            "{key}: {err}"
        );
        assert!(!meg.path("out").exists(), "nothing is written");
    }
}

#[test]
fn a_platform_hub_in_a_region_without_zones_gets_a_regional_firewall() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        "\
name: adatum
strategy: rehost
location: westeurope
hubs:
  west:
    subscriptionId: 3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c
    addressSpace: 10.100.0.0/22
    location: westcentralus
    tier: prod
environments:
  prod:
    network:
      hub:
        platform: west
      spokes:
        - name: app
          addressSpace: 10.101.0.0/24
",
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let hub = squash(&meg.read("out/terraform/platform/west.tfvars"));
    assert!(hub.contains("zone_redundant = false"), "{hub}");
    meg.write(
        "more.yaml",
        "hubs:\n  west:\n    firewall:\n      zoneRedundant: true\n",
    );
    let err = meg
        .run(&["render", "lz.yaml", "-f", "more.yaml", "-o", "out2"])
        .bad_input()
        .stderr();
    assert!(
        err.contains("more.yaml:") && err.contains("westcentralus"),
        "{err}"
    );
}
