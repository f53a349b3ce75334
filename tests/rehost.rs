//! The rehost workload as a user meets it: its checks, its per-tier defaults, its secrets.

mod common;

use common::{Meg, example};

/// A rehost landing zone with one spoke and nothing else set, for the bad-input cases.
const REHOST: &str = "\
name: fabrikam
strategy: rehost
location: swedencentral
environments:
  prod:
    network:
      hub:
        addressSpace: 10.50.0.0/22
      spokes:
        - name: erp
          addressSpace: 10.51.0.0/24
";

/// Each bad input: what it adds under environments.prod.migration, and what the message must say.
fn bad_inputs() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    vec![
        (
            "vm in an unknown spoke",
            "virtualMachines:\n  app01:\n    spoke: erb\n    subnet: workload\n    os: windows\n    size: Standard_D2s_v5\n",
            vec![
                "environments.prod.migration.virtualMachines.app01.spoke",
                "names spoke 'erb'",
                "did you mean 'erp'?",
            ],
        ),
        (
            "vm in an unknown subnet",
            "virtualMachines:\n  app01:\n    spoke: erp\n    subnet: app\n    os: linux\n    size: Standard_D2s_v5\n",
            vec![
                "environments.prod.migration.virtualMachines.app01.subnet",
                "names subnet 'app', which spoke 'erp' does not have",
                "subnets of 'erp': workload",
            ],
        ),
        (
            "vm name Windows would reject",
            "virtualMachines:\n  erp-application-01:\n    spoke: erp\n    subnet: workload\n    os: windows\n    size: Standard_D2s_v5\n",
            vec![
                "environments.prod.migration.virtualMachines.erp-application-01",
                "not a valid virtual machine name",
                "1 to 15",
            ],
        ),
        (
            "cross-region restore from local copies",
            "backup:\n  storageRedundancy: LocallyRedundant\n  crossRegionRestore: true\n",
            vec![
                "environments.prod.migration.backup.crossRegionRestore",
                "needs geo-redundant backup storage",
            ],
        ),
        (
            "vms with the migration workload off",
            "enabled: false\nvirtualMachines:\n  app01:\n    spoke: erp\n    subnet: workload\n    os: linux\n    size: Standard_D2s_v5\n",
            vec![
                "environments.prod.migration.virtualMachines",
                "needs migration.enabled",
            ],
        ),
        (
            "site recovery without a region",
            "siteRecovery:\n  enabled: true\n",
            vec![
                "environments.prod.migration.siteRecovery",
                "has no recoveryLocation",
            ],
        ),
        (
            "site recovery into its own region",
            "siteRecovery:\n  enabled: true\n  recoveryLocation: swedencentral\n",
            vec![
                "environments.prod.migration.siteRecovery.recoveryLocation",
                "must differ from the landing zone's region 'swedencentral'",
            ],
        ),
        (
            "recovery network for an unknown spoke",
            "siteRecovery:\n  enabled: true\n  recoveryLocation: swedensouth\n  recoveryNetworks:\n    files: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet\n",
            vec![
                "environments.prod.migration.siteRecovery.recoveryNetworks.files",
                "spoke 'files', which this environment does not have",
            ],
        ),
    ]
}

#[test]
fn bad_rehost_input_is_a_clear_error_naming_the_key() {
    for (case, migration, expected) in bad_inputs() {
        let meg = Meg::new();
        let indented: String = migration.lines().map(|l| format!("      {l}\n")).collect();
        meg.write("lz.yaml", &format!("{REHOST}    migration:\n{indented}"));
        let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
        for want in expected {
            assert!(
                run.stderr().contains(want),
                "{case}: expected {want:?} in:\n{}",
                run.stderr()
            );
        }
        assert!(!meg.path("out").exists(), "{case}: nothing is written");
    }
}

/// examples/rehost.yaml rendered into `out`.
fn rendered_example() -> Meg {
    let meg = Meg::new();
    meg.run(&["render", &example("rehost.yaml"), "-o", "out"])
        .ok();
    meg
}

#[test]
fn production_backups_are_geo_redundant_and_dev_backups_local() {
    let meg = rendered_example();
    let prod = meg.read("out/bicep/environments/prod.bicepparam");
    let dev = meg.read("out/bicep/environments/dev.bicepparam");
    assert!(prod.contains("storageRedundancy: 'GeoRedundant'"), "{prod}");
    assert!(prod.contains("crossRegionRestore: true"), "{prod}");
    assert!(
        dev.contains("storageRedundancy: 'LocallyRedundant'"),
        "{dev}"
    );
    assert!(dev.contains("crossRegionRestore: false"), "{dev}");
    let prod_tf = meg.read("out/terraform/environments/prod.tfvars");
    assert!(
        prod_tf.contains("storage_redundancy       = \"GeoRedundant\""),
        "{prod_tf}"
    );
    // Production patches last, after dev and test took the same updates.
    assert!(prod.contains("weekday: 'Saturday'"), "{prod}");
    assert!(dev.contains("weekday: 'Tuesday'"), "{dev}");
}

#[test]
fn vm_credentials_never_reach_a_parameter_file() {
    let meg = rendered_example();
    let prod = meg.read("out/bicep/environments/prod.bicepparam");
    // Each Windows VM has its own password, named after it (model::secrets).
    assert!(
        prod.contains(
            "param vmAdminPassword_erpapp01 = readEnvironmentVariable('VM_ADMIN_PASSWORD_ERPAPP01')"
        ),
        "{prod}"
    );
    assert!(
        prod.contains(
            "param vmAdminSshPublicKey = readEnvironmentVariable('VM_ADMIN_SSH_PUBLIC_KEY')"
        ),
        "{prod}"
    );
    assert!(!prod.contains("'VM_ADMIN_PASSWORD'"), "{prod}");
    let tfvars = meg.read("out/terraform/environments/prod.tfvars");
    assert!(
        tfvars.contains("export TF_VAR_vm_admin_password_erpapp01")
            && !tfvars.contains("vm_admin_password_erpapp01 ="),
        "{tfvars}"
    );
    // Dev has no VMs: deploying it asks for no VM credential.
    let dev = meg.read("out/bicep/environments/dev.bicepparam");
    assert!(!dev.contains("VM_ADMIN_"), "{dev}");
    let dev_tfvars = meg.read("out/terraform/environments/dev.tfvars");
    assert!(
        !dev_tfvars.contains("export TF_VAR_vm_admin"),
        "{dev_tfvars}"
    );
    let variables = meg.read("out/terraform/variables.tf");
    let declaration = variables
        .split("variable \"vm_admin_password_erpapp01\"")
        .nth(1)
        .expect("declared");
    assert!(
        declaration[..declaration.find("\n}\n").unwrap()].contains("sensitive   = true"),
        "{variables}"
    );
    // The Linux VM has no password to ask for.
    assert!(
        !variables.contains("vm_admin_password_erpdb01"),
        "{variables}"
    );
    let main = meg.read("out/bicep/main.bicep");
    assert!(
        main.contains("erpapp01: vmAdminPassword_erpapp01")
            && main.contains("vmAdminPasswords[vm.name]"),
        "{main}"
    );
}

/// Two Windows VMs in two environments: each environment asks for the passwords of its own VMs
/// only, under names the README lists with the environments that ask for them.
#[test]
fn each_windows_vm_has_a_password_of_its_own() {
    let meg = Meg::new();
    let vm = |name: &str| {
        format!(
            "      virtualMachines:\n        {name}:\n          spoke: erp\n          subnet: workload\n          os: windows\n          size: Standard_D2s_v5\n"
        )
    };
    let lz = format!(
        "{REHOST}    migration:\n{}  dev:\n    network:\n      hub:\n        addressSpace: 10.60.0.0/22\n      spokes:\n        - name: erp\n          addressSpace: 10.61.0.0/24\n    migration:\n{}",
        vm("CTSSQL01"),
        vm("web-01")
    );
    meg.write("lz.yaml", &lz);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let prod = meg.read("out/bicep/environments/prod.bicepparam");
    assert!(
        prod.contains(
            "param vmAdminPassword_ctssql01 = readEnvironmentVariable('VM_ADMIN_PASSWORD_CTSSQL01')"
        ) && !prod.contains("VM_ADMIN_PASSWORD_WEB_01"),
        "{prod}"
    );
    let dev = meg.read("out/bicep/environments/dev.bicepparam");
    assert!(
        dev.contains(
            "param vmAdminPassword_web_01 = readEnvironmentVariable('VM_ADMIN_PASSWORD_WEB_01')"
        ) && !dev.contains("VM_ADMIN_PASSWORD_CTSSQL01"),
        "{dev}"
    );
    let main = meg.read("out/bicep/main.bicep");
    assert!(
        main.contains("CTSSQL01: vmAdminPassword_ctssql01"),
        "{main}"
    );
    assert!(main.contains("'web-01': vmAdminPassword_web_01"), "{main}");
    let tf = meg.read_tf_root("out/terraform");
    assert!(
        tf.contains("\"CTSSQL01\" = var.vm_admin_password_ctssql01"),
        "{tf}"
    );
    let variables = meg.read("out/terraform/variables.tf");
    assert!(
        variables.contains("variable \"vm_admin_password_web_01\""),
        "{variables}"
    );
    let readme = meg.read("out/README.md");
    assert!(
        readme.contains(
            "| `VM_ADMIN_PASSWORD_CTSSQL01` | `TF_VAR_vm_admin_password_ctssql01` | prod |"
        ) && readme
            .contains("| `VM_ADMIN_PASSWORD_WEB_01` | `TF_VAR_vm_admin_password_web_01` | dev |"),
        "{readme}"
    );
}

/// Two VMs whose names differ only in case would be one name to Azure and one secret: refused
/// at the second one, and nothing is written.
#[test]
fn vm_names_that_differ_only_in_case_are_refused() {
    let meg = Meg::new();
    let vm = |name: &str| {
        format!(
            "        {name}:\n          spoke: erp\n          subnet: workload\n          os: windows\n          size: Standard_D2s_v5\n"
        )
    };
    meg.write(
        "lz.yaml",
        &format!(
            "{REHOST}    migration:\n      virtualMachines:\n{}{}",
            vm("app01"),
            vm("APP01")
        ),
    );
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    let err = run.stderr();
    assert!(err.contains("lz.yaml:"), "{err}");
    assert!(
        err.contains("environments.prod.migration.virtualMachines.app01")
            || err.contains("environments.prod.migration.virtualMachines.APP01"),
        "{err}"
    );
    assert!(err.contains("differ only in case"), "{err}");
    assert!(!meg.path("out").exists(), "nothing written");
}

#[test]
fn vms_are_named_as_given_and_their_parts_by_the_convention() {
    let meg = rendered_example();
    let prod = meg.read("out/bicep/environments/prod.bicepparam");
    for want in [
        "name: 'erpapp01'",
        "networkInterfaceName: 'nic-erpapp01-prod-sdc-001'",
        "subnetName: 'snet-db'",
        "migrationResourceGroup: 'rg-migration-prod-sdc-001'",
    ] {
        assert!(prod.contains(want), "{want}:\n{prod}");
    }
    // Dev has no VMs, but the parameter exists in every environment: an empty list.
    let dev = meg.read("out/bicep/environments/dev.bicepparam");
    assert!(dev.contains("param virtualMachines = []"), "{dev}");
}

#[test]
fn lint_warns_when_production_backups_stay_in_one_region() {
    let meg = Meg::new();
    let run = meg.run(&[
        "lint",
        &example("rehost.yaml"),
        "--set",
        "environments.prod.migration.backup.storageRedundancy=LocallyRedundant",
        "--set",
        "environments.prod.migration.backup.crossRegionRestore=false",
    ]);
    let out = run.stdout();
    assert!(out.contains("REL-005 [prod]"), "{out}\n{}", run.stderr());
    let clean = meg.run(&["lint", &example("rehost.yaml")]);
    assert!(!clean.stdout().contains("REL-005"), "{}", clean.stdout());
}

#[test]
fn show_rehost_explains_each_setting_once() {
    let meg = Meg::new();
    let run = meg.run(&["show", "rehost"]).ok();
    let out = run.stdout();
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("  migration.backup.storageRedundancy  ("))
        .collect();
    assert_eq!(rows.len(), 1, "{out}");
    assert!(
        !out.contains("(value)"),
        "a setting without a type in:\n{out}"
    );
    for component in ["backup:", "site-recovery:", "patching:", "disk-encryption:"] {
        assert!(
            out.contains(&format!("  {component}")),
            "{component} in:\n{out}"
        );
    }
    assert!(
        out.contains("[Reliability] Production backup storage is geo-redundant"),
        "{out}"
    );
}

#[test]
fn the_migrate_project_has_its_tools_and_the_readme_says_what_site_recovery_protects() {
    let meg = rendered_example();
    let bicep = meg.read("out/bicep/modules/migration.bicep");
    assert!(
        bicep.contains("'Microsoft.Migrate/migrateProjects/solutions@"),
        "{bicep}"
    );
    for tool in ["ServerDiscovery", "ServerAssessment", "ServerMigration"] {
        assert!(bicep.contains(&format!("tool: '{tool}'")), "{tool}");
    }
    let tf = meg.read("out/terraform/modules/migration/main.tf");
    assert!(
        tf.contains("\"Microsoft.Migrate/migrateProjects/solutions@"),
        "{tf}"
    );
    assert!(tf.contains("ServerMigration  = \"Migration\""), "{tf}");
    let readme = meg.read("out/README.md");
    for needle in [
        "generate its\n  project key",
        "**Every VM meg deploys is protected**",
        "a premium Key Vault, an RSA-HSM key and a disk encryption set\n  in the recovery region",
        "network mappings per spoke in both directions",
        "| | Site Recovery protected item (OS disk and 2 data disks), failover into `snet-db` of its spoke's recovery network | `erpdb01` |",
        "az site-recovery protected-item test-failover --resource-group rg-recovery-prod-neu-001",
    ] {
        assert!(readme.contains(needle), "README lacks {needle:?}");
    }
}
