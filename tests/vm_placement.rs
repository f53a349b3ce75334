//! Where meg's own VMs may go: a subnet delegated to a service takes only that service's resources,
//! and a subnet holds only as many VMs as it has addresses.

mod common;

use common::Meg;

/// A hybrid landing zone whose spoke `shop` holds an application (delegated App Service subnet)
/// and a VM in `subnet`.
fn landing_zone(subnet: &str) -> String {
    format!(
        "\
name: contoso
strategy: hybrid
location: westeurope
environments:
  prod:
    network:
      hub:
        addressSpace: 10.60.0.0/22
      spokes:
        - name: shop
          addressSpace: 10.61.0.0/24
      privateDnsZones: [privatelink.azurewebsites.net, privatelink.database.windows.net, privatelink.vaultcore.azure.net]
    paas:
      enabled: true
      applications:
        shop:
          webApps: [web]
    migration:
      enabled: true
      virtualMachines:
        app01:
          spoke: shop
          subnet: {subnet}
          os: linux
          size: Standard_D2s_v5
"
    )
}

#[test]
fn a_vm_in_a_delegated_subnet_is_an_error_naming_the_vm_subnet_and_delegation() {
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone("appservice"));
    for command in [
        vec!["validate", "lz.yaml"],
        vec!["render", "lz.yaml", "-o", "out"],
    ] {
        let run = meg.run(&command).bad_input();
        for want in [
            "lz.yaml:23:11: environments.prod.migration.virtualMachines.app01.subnet",
            "virtual machine 'app01' is placed in subnet 'appservice' of spoke 'shop', which is delegated to Microsoft.Web/serverFarms",
            "subnets of 'shop' without a delegation: private-endpoints",
        ] {
            assert!(
                run.stderr().contains(want),
                "{want:?} in:\n{}",
                run.stderr()
            );
        }
    }
    assert!(!meg.path("out").exists());
    // The same VM in the spoke's undelegated subnet renders.
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone("private-endpoints"));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
}

/// `count` VMs in subnet `tiny` (`prefix`) of spoke `app`.
fn tiny_subnet(prefix: &str, count: usize) -> String {
    let vms: String = (1..=count)
        .map(|i| {
            format!("        vm{i}: {{spoke: app, subnet: tiny, os: linux, size: Standard_B2s}}\n")
        })
        .collect();
    format!(
        "\
name: abc
strategy: rehost
location: westeurope
environments:
  dev:
    network:
      hub:
        addressSpace: 10.0.0.0/22
      spokes:
        - name: app
          addressSpace: 10.1.0.0/24
          subnets:
            - name: tiny
              addressPrefix: {prefix}
    migration:
      virtualMachines:
{vms}"
    )
}

#[test]
fn more_vms_than_a_subnet_has_addresses_for_is_refused_at_the_subnet() {
    // A /29 has eight addresses, five of them Azure's: three VMs fit, a fourth does not.
    let meg = Meg::new();
    meg.write("lz.yaml", &tiny_subnet("10.1.0.0/29", 3));
    meg.run(&["validate", "lz.yaml"]).ok();
    let text = tiny_subnet("10.1.0.0/29", 4);
    meg.write("lz.yaml", &text);
    let err = meg
        .run(&["render", "lz.yaml", "-o", "out"])
        .bad_input()
        .stderr();
    let line = text
        .lines()
        .position(|l| l.contains("addressPrefix: 10.1.0.0/29"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("lz.yaml:{line}:")), "{err}");
    assert!(
        err.contains("has 3 addresses") && err.contains("4 virtual machines"),
        "{err}"
    );
    assert!(err.contains("vm1, vm2, vm3, vm4"), "{err}");
    assert!(!meg.path("out").exists(), "nothing is written");
}
