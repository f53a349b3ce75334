//! Site Recovery as a user meets it: every VM meg deploys is protected with all its disks, the
//! recovery region has its own disk encryption set, and failback has its network mappings.

mod common;

use common::Meg;

const RECOVERY_NETWORK: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks/vnet-app-dr";

/// A rehost landing zone with two VMs in spoke `app` (one with three data disks, one with none),
/// and a spoke `web` without a recovery network; `site_recovery` says whether prod replicates.
fn landing_zone(site_recovery: bool, vms: bool) -> String {
    let mut text = format!(
        "\
name: contoso
strategy: rehost
location: westeurope
environments:
  prod:
    network:
      hub:
        addressSpace: 10.60.0.0/22
      spokes:
        - name: app
          addressSpace: 10.61.0.0/24
        - name: web
          addressSpace: 10.61.1.0/24
    migration:
      siteRecovery:
        enabled: {site_recovery}
        recoveryLocation: northeurope
        recoveryNetworks:
          app: {RECOVERY_NETWORK}
"
    );
    if vms {
        text.push_str(
            "      virtualMachines:
        app01:
          spoke: app
          subnet: workload
          os: linux
          size: Standard_D2s_v5
          zone: \"2\"
          dataDisks: [64, 128, 256]
        app02:
          spoke: app
          subnet: workload
          os: linux
          size: Standard_D2s_v5
",
        );
    }
    text
}

fn render(site_recovery: bool, vms: bool) -> Meg {
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone(site_recovery, vms));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    meg
}

/// The items of the list that follows `key` in the block of the VM named `vm` (`name: 'vm'` in
/// Bicep, `name = "vm"` in Terraform): one per line in a .bicepparam, on one line in a .tfvars.
fn vm_list(text: &str, name_line: &str, key: &str) -> Vec<String> {
    let start = text
        .find(name_line)
        .unwrap_or_else(|| panic!("{name_line} in:\n{text}"));
    let rest = &text[start..];
    let at = rest
        .find(key)
        .unwrap_or_else(|| panic!("{key} after {name_line}"));
    let open = at + rest[at..].find('[').expect("a list");
    let close = open + rest[open..].find(']').expect("a closed list");
    rest[open + 1..close]
        .split([',', '\n'])
        .map(|item| item.trim().trim_matches(['\'', '"']).to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

#[test]
fn a_vm_with_n_data_disks_replicates_n_plus_one_disks_in_both_targets() {
    let meg = render(true, true);
    let bicepparam = meg.read("out/bicep/environments/prod.bicepparam");
    let tfvars = meg.read("out/terraform/environments/prod.tfvars");
    let os_first = [
        "disk-app01-os-prod-weu-001",
        "disk-app01-data0-prod-weu-001",
        "disk-app01-data1-prod-weu-001",
        "disk-app01-data2-prod-weu-001",
    ];
    assert_eq!(
        vm_list(&bicepparam, "name: 'app01'", "diskNames:"),
        os_first,
        "{bicepparam}"
    );
    assert_eq!(
        vm_list(&tfvars, "name                   = \"app01\"", "disk_names"),
        os_first,
        "{tfvars}"
    );
    // No data disk: the OS disk alone.
    assert_eq!(
        vm_list(&bicepparam, "name: 'app02'", "diskNames:"),
        ["disk-app02-os-prod-weu-001"]
    );
    assert_eq!(
        vm_list(&tfvars, "name                   = \"app02\"", "disk_names"),
        ["disk-app02-os-prod-weu-001"]
    );

    // Each target turns that list, and only it, into the protected item's managed disks.
    let main_bicep = meg.read("out/bicep/main.bicep");
    let vm_bicep = meg.read("out/bicep/modules/virtual-machine.bicep");
    let item_bicep = meg.read("out/bicep/modules/site-recovery-protection.bicep");
    for (text, needle) in [
        (
            &main_bicep,
            "for (vm, i) in (siteRecovery.enabled ? virtualMachines : []): {",
        ),
        (
            &main_bicep,
            "diskIds: virtualMachineDeployments[i].outputs.diskIds",
        ),
        (
            &vm_bicep,
            "var diskIds = [for diskName in vm.diskNames: resourceId('Microsoft.Compute/disks', diskName)]",
        ),
        (&vm_bicep, "output diskIds array = diskIds"),
        (&item_bicep, "for diskId in diskIds: {"),
        (&item_bicep, "instanceType: 'A2A'"),
        (
            &item_bicep,
            "recoveryDiskEncryptionSetId: recoveryDiskEncryptionSetId",
        ),
    ] {
        assert!(text.contains(needle), "Bicep lacks {needle:?}");
    }
    let main_tf = meg.read_tf_root("out/terraform");
    let vm_tf = meg.read("out/terraform/modules/virtual-machine/outputs.tf");
    let sr_tf = meg.read("out/terraform/modules/site-recovery/main.tf");
    for (text, needle) in [
        (
            &main_tf,
            "disk_ids             = module.virtual_machine[vm.name].disk_ids",
        ),
        (&vm_tf, "for name in var.vm.disk_names :"),
        (
            &sr_tf,
            "resource \"azurerm_site_recovery_replicated_vm\" \"this\" {",
        ),
        (
            &sr_tf,
            "dynamic \"managed_disk\" {\n    for_each = each.value.disk_ids",
        ),
        (
            &sr_tf,
            "target_disk_encryption_set_id = var.target_disk_encryption_set_id",
        ),
    ] {
        assert!(text.contains(needle), "Terraform lacks {needle:?}");
    }
}

#[test]
fn protected_items_fail_over_into_their_spokes_recovery_network_and_zone() {
    let meg = render(true, true);
    let tfvars = meg.read("out/terraform/environments/prod.tfvars");
    let bicepparam = meg.read("out/bicep/environments/prod.bicepparam");
    assert!(
        tfvars.contains(&format!("recovery_network_id = \"{RECOVERY_NETWORK}\"")),
        "{tfvars}"
    );
    assert!(
        bicepparam.contains(&format!("recoveryNetworkId: '{RECOVERY_NETWORK}'")),
        "{bicepparam}"
    );
    let item_bicep = meg.read("out/bicep/modules/site-recovery-protection.bicep");
    let main_bicep = meg.read("out/bicep/main.bicep");
    for needle in [
        "recoverySubnetName: vm.subnetName",
        "recoveryZone: vm.?zone ?? ''",
        "multiVmGroupName: vm.spoke",
        "cacheStorageAccountId: siteRecoveryCache.outputs.resourceId",
        "recoveryDiskEncryptionSetId: recoveryDiskEncryption.outputs.resourceId",
    ] {
        assert!(main_bicep.contains(needle), "main.bicep lacks {needle:?}");
    }
    assert!(
        item_bicep.contains("recoveryAvailabilityZone: empty(recoveryZone) ? null : recoveryZone")
    );
    let main_tf = meg.read_tf_root("out/terraform");
    for needle in [
        "zone                 = vm.zone",
        "multi_vm_group_name  = vm.spoke",
        "recovery_network_id  = vm.recovery_network_id",
        "subnet_name          = vm.subnet_name",
        "target_disk_encryption_set_id = module.recovery_disk_encryption[0].resource_id",
    ] {
        assert!(main_tf.contains(needle), "main.tf lacks {needle:?}");
    }
}

#[test]
fn the_recovery_region_gets_its_own_disk_encryption_set_from_the_same_modules() {
    let meg = render(true, false);
    let main_bicep = meg.read("out/bicep/main.bicep");
    for needle in [
        "module recoveryDiskEncryptionKeyVault 'modules/key-vault.bicep' = if (siteRecovery.enabled) {",
        "module recoveryDiskEncryption 'modules/disk-encryption.bicep' = if (siteRecovery.enabled) {",
        "keyVaultName: names.recoveryDiskEncryptionKeyVault",
    ] {
        assert!(main_bicep.contains(needle), "main.bicep lacks {needle:?}");
    }
    let main_tf = meg.read_tf_root("out/terraform");
    for needle in [
        "module \"recovery_disk_encryption_key_vault\" {\n  source = \"./modules/key-vault\"",
        "module \"recovery_disk_encryption\" {\n  source = \"./modules/disk-encryption\"",
        "location                 = var.site_recovery.recovery_location",
    ] {
        assert!(main_tf.contains(needle), "main.tf lacks {needle:?}");
    }
    // Named with the recovery region's code, in both parameter files.
    let bicepparam = meg.read("out/bicep/environments/prod.bicepparam");
    let tfvars = meg.read("out/terraform/environments/prod.tfvars");
    assert!(
        bicepparam.contains("recoveryDiskEncryptionSet: 'des-servers-prod-neu-001'"),
        "{bicepparam}"
    );
    assert!(
        tfvars
            .contains("recovery_disk_encryption_set               = \"des-servers-prod-neu-001\""),
        "{tfvars}"
    );
    // Without VMs of meg's own, nothing is protected yet, but the set is there for the servers
    // Azure Migrate brings.
    assert!(
        !meg.path("out/bicep/modules/site-recovery-protection.bicep")
            .exists()
    );
    let sr_tf = meg.read("out/terraform/modules/site-recovery/main.tf");
    assert!(sr_tf.contains("azurerm_site_recovery_replicated_vm"));
    assert!(!main_tf.contains("replicated_vms"), "{main_tf}");
    // And the README names them and the role their identity gets.
    let readme = meg.read("out/README.md");
    for needle in [
        "| | disk encryption set in `northeurope` | `des-servers-prod-neu-001` |",
        "the recovery region's disk encryption set's managed identity",
    ] {
        assert!(readme.contains(needle), "README lacks {needle:?}");
    }
}

#[test]
fn without_site_recovery_nothing_is_protected_and_no_recovery_set_exists() {
    let meg = render(false, true);
    assert!(
        !meg.path("out/bicep/modules/site-recovery-protection.bicep")
            .exists()
    );
    assert!(!meg.path("out/terraform/modules/site-recovery").exists());
    let main_bicep = meg.read("out/bicep/main.bicep");
    let main_tf = meg.read_tf_root("out/terraform");
    for needle in ["recoveryDiskEncryption", "virtualMachineReplication"] {
        assert!(!main_bicep.contains(needle), "main.bicep has {needle:?}");
    }
    for needle in ["recovery_disk_encryption", "replicated_vms"] {
        assert!(!main_tf.contains(needle), "main.tf has {needle:?}");
    }
    let readme = meg.read("out/README.md");
    assert!(!readme.contains("Site Recovery protected item"), "{readme}");
    assert!(!readme.contains("test-failover"), "{readme}");
    // The servers' own set, in their region, is still there: CMK does not depend on Site Recovery.
    assert!(main_bicep.contains("module diskEncryption 'modules/disk-encryption.bicep'"));
}

#[test]
fn failback_maps_each_recovery_network_back_to_its_spoke() {
    let meg = render(true, false);
    let bicep = meg.read("out/bicep/modules/site-recovery.bicep");
    for needle in [
        "parent: recoveryNetworks",
        "name: 'map-${mapping.spoke}-to-${primaryLocation}'",
        "recoveryFabricName: primaryFabric.name",
        "recoveryNetworkId: primaryNetworkIds[mapping.spoke]",
        "primaryNetworkId: mapping.recoveryNetworkId",
    ] {
        assert!(
            bicep.contains(needle),
            "site-recovery.bicep lacks {needle:?}"
        );
    }
    let tf = meg.read("out/terraform/modules/site-recovery/main.tf");
    let failback = tf
        .split("resource \"azurerm_site_recovery_network_mapping\" \"failback\" {")
        .nth(1)
        .expect("a failback network mapping");
    let failback = &failback[..failback.find("\n}\n").unwrap()];
    for needle in [
        "source_recovery_fabric_name = azurerm_site_recovery_fabric.recovery.name",
        "target_recovery_fabric_name = azurerm_site_recovery_fabric.primary.name",
        "source_network_id           = each.value.recovery_network_id",
        "target_network_id           = each.value.primary_network_id",
    ] {
        assert!(
            failback.contains(needle),
            "failback mapping lacks {needle:?}"
        );
    }
}

#[test]
fn the_readme_says_what_is_protected_and_how_to_test_a_failover() {
    let meg = render(true, true);
    let readme = meg.read("out/README.md");
    for needle in [
        "**Every VM meg deploys is protected**",
        "| | Site Recovery protected item (OS disk and 3 data disks), failover into `snet-workload` of its spoke's recovery network | `app01` |",
        "| | Site Recovery protected item (OS disk and 0 data disks), failover into `snet-workload` of its spoke's recovery network | `app02` |",
        "az extension add --name site-recovery",
        "az site-recovery protected-item test-failover --resource-group rg-recovery-prod-neu-001 \\\n    --vault-name rsv-asr-prod-neu-001 --fabric-name asr-a2a-westeurope \\\n    --protection-container asr-a2a-westeurope-container -n app01 \\\n    --failover-direction PrimaryToRecovery",
        "az site-recovery protected-item test-failover-cleanup --resource-group rg-recovery-prod-neu-001",
    ] {
        assert!(
            readme.contains(needle),
            "README lacks {needle:?}:\n{readme}"
        );
    }
}

#[test]
fn lint_warns_about_a_protected_vm_without_a_recovery_network() {
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone(true, true));
    let clean = meg.run(&["lint", "lz.yaml"]);
    assert!(!clean.stdout().contains("REL-007"), "{}", clean.stdout());
    // app02 moves to spoke web, which has no recovery network.
    meg.write(
        "lz.yaml",
        &landing_zone(true, true).replace(
            "        app02:\n          spoke: app",
            "        app02:\n          spoke: web",
        ),
    );
    let run = meg.run(&["lint", "lz.yaml"]);
    assert!(run.stdout().contains("REL-007 [prod]"), "{}", run.stdout());
    // It still renders: the VM replicates, and the README says it has no network yet.
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let readme = meg.read("out/README.md");
    assert!(
        readme.contains("| | Site Recovery protected item (OS disk and 0 data disks), no recovery network yet | `app02` |"),
        "{readme}"
    );
}

#[test]
fn the_servers_of_a_spoke_form_one_multi_vm_group_and_may_talk_on_port_20004() {
    let meg = Meg::new();
    // app02 moves to spoke web: two groups, app and web; a spoke without VMs gets no rule.
    meg.write(
        "lz.yaml",
        &landing_zone(true, true)
            .replace(
                "        app02:\n          spoke: app",
                "        app02:\n          spoke: web",
            )
            .replace(
                "        - name: web\n          addressSpace: 10.61.1.0/24\n",
                "        - name: web\n          addressSpace: 10.61.1.0/24\n        - name: data\n          addressSpace: 10.61.2.0/24\n",
            ),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let bicepparam = meg.read("out/bicep/environments/prod.bicepparam");
    assert!(
        bicepparam.contains("multiVmGroups: [\n    'app'\n    'web'\n  ]"),
        "{bicepparam}"
    );
    let tfvars = meg.read("out/terraform/environments/prod.tfvars");
    assert!(
        tfvars.contains("multi_vm_groups = [\"app\", \"web\"]"),
        "{tfvars}"
    );
    let main_bicep = meg.read("out/bicep/main.bicep");
    assert!(
        main_bicep
            .contains("siteRecoveryMultiVmSync: contains(siteRecovery.multiVmGroups, spoke.name)")
    );
    let main_tf = meg.read_tf_root("out/terraform");
    assert!(main_tf.contains(
        "site_recovery_multi_vm_sync = contains(var.site_recovery.multi_vm_groups, each.key)"
    ));
    // Without Site Recovery there is no group, so no spoke opens the port.
    let off = render(false, true);
    assert!(
        !off.read("out/bicep/modules/spoke-network.bicep")
            .contains("20004")
    );
    assert!(
        !off.read("out/terraform/modules/spoke-network/main.tf")
            .contains("20004")
    );
}

#[test]
fn lint_names_the_restricted_recovery_region_and_the_vm_without_a_network() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &landing_zone(true, true)
            .replace(
                "recoveryLocation: northeurope",
                "recoveryLocation: swedensouth",
            )
            .replace(
                "        app02:\n          spoke: app",
                "        app02:\n          spoke: web",
            ),
    );
    let run = meg.run(&["lint", "lz.yaml"]);
    let out = run.stdout();
    assert!(
        out.contains("REL-006 [prod] not met: Every region the environment deploys to is open to the subscription (migration.siteRecovery.recoveryLocation: swedensouth)"),
        "{out}"
    );
    assert!(
        out.contains("REL-007 [prod] not met: Every VM Site Recovery protects has a recovery network (app02 (spoke web))"),
        "{out}"
    );
    let json = meg.run(&["lint", "lz.yaml", "--json"]).stdout();
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let finding = |rule: &str| {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .cloned()
            .unwrap_or_else(|| panic!("{rule} in {json}"))
    };
    assert_eq!(
        finding("REL-006")["subjects"],
        serde_json::json!(["migration.siteRecovery.recoveryLocation: swedensouth"])
    );
    assert_eq!(
        finding("REL-007")["subjects"],
        serde_json::json!(["app02 (spoke web)"])
    );
}
