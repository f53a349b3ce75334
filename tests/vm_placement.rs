//! Where meg's own VMs may go: a subnet delegated to a service takes only that service's resources.

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
