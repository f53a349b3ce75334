//! Replication as code: each wave of an inventory's servers renders a deployment root of its own
//! (`bicep/waves/<wave>/`, `terraform/waves/<wave>/`) with one Azure Migrate migration item per
//! server, split into ARM deployments that stay inside ARM's limits, while the environment's
//! root no longer creates those servers from images. Every inventory here is written by the test.

mod common;

use std::fmt::Write as _;

use common::Meg;

/// A landing zone with dev and prod, two spokes, its servers placed by address.
fn landing_zone(extra_inventory: &str, prod_vms: &str) -> String {
    format!(
        "name: waves
strategy: rehost
location: westeurope
migration:
  inventory:
    files: [servers.csv]
    environments:
      map: {{Development: dev, Production: prod}}
    placement:
      - {{cidr: 10.1.0.0/16, spoke: app, subnet: workload}}
      - {{cidr: 10.2.0.0/16, spoke: data, subnet: workload}}
{extra_inventory}
environments:
  dev:
    network:
      hub: {{addressSpace: 10.80.0.0/22}}
      spokes:
        - {{name: app, addressSpace: 10.81.0.0/20}}
        - {{name: data, addressSpace: 10.81.16.0/20}}
    migration: {{enabled: true}}
  prod:
    network:
      hub: {{addressSpace: 10.90.0.0/22}}
      spokes:
        - {{name: app, addressSpace: 10.91.0.0/20}}
        - {{name: data, addressSpace: 10.91.16.0/20}}
    migration:
      enabled: true
{prod_vms}
"
    )
}

const MACHINE: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-migrate/providers/Microsoft.OffAzure/VMwareSites/site1/machines/vc1-4211aa01";

/// Three servers: a Windows one in prod with Azure Migrate's machine ID, a Linux one in prod
/// with only a VMware UUID, and one in dev.
fn servers_csv() -> String {
    format!(
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment,Machine ID,Disk 1 size (In GB),Disk 2 size (In GB)
WEB01,10.1.0.4,4,16384,Microsoft Windows Server 2019 Datacenter,Production,{MACHINE},128,256
DB01,10.2.0.4,8,65536,Red Hat Enterprise Linux 8,Production,4211aa01-0000-4000-8000-000000000009,64,
DEVWEB01,10.1.0.5,2,8192,Ubuntu 22.04 LTS,Development,,64,
"
    )
}

/// The text between `start` and the next line that is exactly `end`.
fn block<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in\n{text}"));
    let rest = &text[from..];
    let to = rest
        .find(&format!("\n{end}\n"))
        .or_else(|| {
            rest.ends_with(&format!("\n{end}"))
                .then(|| rest.len() - end.len() - 1)
        })
        .unwrap_or_else(|| panic!("no end {end:?} after {start:?} in\n{rest}"));
    &rest[..to]
}

fn render(meg: &Meg) {
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
}

#[test]
fn each_server_becomes_one_migration_item_of_its_wave_with_its_target() {
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone("    hybridBenefit: true", ""))
        .write("servers.csv", &servers_csv());
    render(&meg);

    let params = meg.read("out/bicep/waves/prod-wave-1/main.bicepparam");
    let servers = block(&params, "param servers = [", "]");
    assert_eq!(servers.matches("    name: ").count(), 2, "{servers}");
    assert!(servers.contains("name: 'web01'") && servers.contains("name: 'db01'"));
    assert!(!params.contains("devweb01"), "dev's server is dev's wave's");
    // Windows gets Azure Hybrid Benefit because the landing zone says so; Linux does not.
    let web = block(servers, "name: 'web01'", "  }");
    assert!(web.contains("licenseType: 'WindowsServer'"), "{web}");
    assert!(
        web.contains("resourceGroupName: 'rg-app-prod-weu-001'"),
        "{web}"
    );
    assert!(
        web.contains("virtualNetworkName: 'vnet-app-prod-weu-001'"),
        "{web}"
    );
    assert!(web.contains("subnetName: 'snet-workload'"), "{web}");
    // Two disks: the OS disk and one data disk, production's Premium SSD.
    assert_eq!(web.matches("'Premium_LRS'").count(), 2, "{web}");
    let db = block(servers, "name: 'db01'", "  }");
    assert!(db.contains("licenseType: 'NoLicenseType'"), "{db}");

    // The dev wave has its own root.
    let dev = meg.read("out/bicep/waves/dev-wave-1/main.bicepparam");
    assert!(dev.contains("name: 'devweb01'"), "{dev}");

    // One migration item resource per server, VMwareCbt, at the newest stable API version.
    let batch = meg.read("out/bicep/modules/replication-batch.bicep");
    assert!(batch.contains("replicationMigrationItems@2024-04-01' = [for s in servers: {"));
    assert!(batch.contains("instanceType: 'VMwareCbt'"));
    assert!(batch.contains("targetVmSize: s.size"));
    assert!(batch.contains("diskEncryptionSetId: diskEncryptionSetId"));

    // Terraform: the same servers, through azapi.
    let tfvars = meg.read("out/terraform/waves/prod-wave-1/wave.tfvars");
    let tf_servers = block(&tfvars, "servers = {", "}");
    assert_eq!(tf_servers.matches("\" = {").count(), 2, "{tf_servers}");
    assert!(tf_servers.contains("license_type         = \"WindowsServer\""));
    let main = meg.read("out/terraform/waves/prod-wave-1/main.tf");
    assert!(main.contains("resource \"azapi_resource\" \"migration_item\""));
    assert!(main.contains("replicationMigrationItems@2024-04-01"));
    let terraform = meg.read("out/terraform/waves/prod-wave-1/terraform.tf");
    assert!(terraform.contains("azure/azapi") && !terraform.contains("hashicorp/azurerm"));
}

#[test]
fn without_hybrid_benefit_windows_servers_pay_as_they_go() {
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone("", ""))
        .write("servers.csv", &servers_csv());
    render(&meg);
    let params = meg.read("out/bicep/waves/prod-wave-1/main.bicepparam");
    assert!(!params.contains("'WindowsServer'"), "{params}");
}

#[test]
fn replicated_servers_are_not_created_by_the_environment_root_but_hand_written_vms_are() {
    let meg = Meg::new();
    let jump = "      virtualMachines:
        jump01: {spoke: app, subnet: workload, os: linux, size: Standard_D2s_v5}";
    meg.write("lz.yaml", &landing_zone("", jump))
        .write("servers.csv", &servers_csv());
    render(&meg);
    let prod = meg.read("out/bicep/environments/prod.bicepparam");
    let vms = block(&prod, "param virtualMachines = [", "]");
    assert!(vms.contains("name: 'jump01'"), "{vms}");
    assert!(!vms.contains("web01") && !vms.contains("db01"), "{vms}");
    let tf = meg.read("out/terraform/environments/prod.tfvars");
    assert!(
        tf.contains("\"jump01\"") || tf.contains("name = \"jump01\""),
        "{tf}"
    );
    assert!(!tf.contains("\"web01\""), "{tf}");
    // The hand-written VM is in no wave.
    let wave = meg.read("out/bicep/waves/prod-wave-1/main.bicepparam");
    assert!(!wave.contains("jump01"));

    // Without hand-written VMs the environment root creates none at all.
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone("", ""))
        .write("servers.csv", &servers_csv());
    render(&meg);
    assert!(!meg.path("out/bicep/modules/virtual-machine.bicep").exists());
    assert!(!meg.path("out/terraform/modules/virtual-machine").exists());
    assert!(
        !meg.read("out/bicep/main.bicep")
            .contains("virtual-machine.bicep")
    );
}

#[test]
fn a_machine_id_the_inventory_holds_is_filled_in_and_the_others_are_parameters() {
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone("", ""))
        .write("servers.csv", &servers_csv());
    render(&meg);
    let params = meg.read("out/bicep/waves/prod-wave-1/main.bicepparam");
    let sources = block(&params, "param sourceMachines = {", "}");
    let web = block(sources, "'web01': {", "  }");
    assert!(web.contains(&format!("machineId: '{MACHINE}'")), "{web}");
    // A VMware UUID is no machine resource ID: left to fill in, with the UUID to find it by.
    let db = block(sources, "'db01': {", "  }");
    assert!(db.contains("machineId: ''"), "{db}");
    assert!(
        sources.contains("VMware UUID '4211aa01-0000-4000-8000-000000000009'"),
        "{sources}"
    );
    // Disk UUIDs are never in an inventory: always to fill in.
    assert_eq!(sources.matches("diskIds: []").count(), 2);

    let tfvars = meg.read("out/terraform/waves/prod-wave-1/wave.tfvars");
    assert!(
        tfvars.contains(&format!("machine_id = \"{MACHINE}\"")),
        "{tfvars}"
    );
    // Servers without a source are left out of the replication, and the outputs say which.
    let main = meg.read("out/terraform/waves/prod-wave-1/main.tf");
    assert!(main.contains("for_each = local.replicated"));
    let bicep = meg.read("out/bicep/waves/prod-wave-1/main.bicep");
    assert!(bicep.contains("output serversWithoutSource array"));
}

#[test]
fn the_readme_says_how_to_read_every_value_azure_migrate_created() {
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone("", ""))
        .write("servers.csv", &servers_csv());
    render(&meg);
    let readme = meg.read("out/README.md");
    let waves = &readme[readme
        .find("## Replication waves")
        .expect("a Replication waves section")..];
    for needle in [
        "| `prod-wave-1` | prod | 2 | 1 | `rg-migration-prod-weu-001` |",
        "| `dev-wave-1` | dev | 1 | 0 | `rg-migration-dev-weu-001` |",
        "--resource-type Microsoft.RecoveryServices/vaults",
        "/replicationFabrics?api-version=2024-04-01",
        "/replicationProtectionContainers?api-version=2024-04-01",
        "/replicationPolicies?api-version=2024-04-01",
        "/replicationProtectionContainerMappings?api-version=2024-04-01",
        "properties.providerSpecificDetails.storageAccountId",
        "$SITE_ID/runasaccounts?api-version=2023-06-06",
        "$SITE_ID/machines?api-version=2023-06-06",
        "properties.disks[].{uuid:uuid, label:label}",
        "az deployment group create --resource-group \"$RG\" --template-file bicep/waves/<wave>/main.bicep",
        "terraform apply -var-file=wave.tfvars",
        "not created by the environment's root",
        "800 resources",
    ] {
        assert!(waves.contains(needle), "README lacks {needle:?}:\n{waves}");
    }
}

#[test]
fn a_landing_zone_without_inventory_renders_no_wave() {
    let meg = Meg::new();
    meg.run(&["render", &common::example("rehost.yaml"), "-o", "out"])
        .ok();
    assert!(!meg.path("out/bicep/waves").exists());
    assert!(!meg.path("out/terraform/waves").exists());
    assert!(!meg.read("out/README.md").contains("## Replication waves"));
}

#[test]
fn hybrid_benefit_that_is_not_a_boolean_is_a_located_error() {
    let meg = Meg::new();
    meg.write("lz.yaml", &landing_zone("    hybridBenefit: sometimes", ""))
        .write("servers.csv", &servers_csv());
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    let err = run.stderr();
    assert!(err.contains("hybridBenefit"), "{err}");
    assert!(err.contains("lz.yaml"), "{err}");
    assert!(!meg.path("out").exists(), "a failed render writes nothing");
}

/// ARM: at most 800 resources per deployment and 4 MB per template once its loops and
/// parameter values are expanded (learn.microsoft.com/azure/azure-resource-manager/templates/best-practices).
const ARM_RESOURCES: usize = 800;
const ARM_TEMPLATE_BYTES: usize = 4 * 1024 * 1024;

#[test]
fn a_2000_server_wave_is_split_into_deployments_inside_arm_limits() {
    let n = 2000;
    let mut csv = String::from(
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment,Disk 1 size (In GB),Disk 2 size (In GB),Disk 3 size (In GB),Disk 4 size (In GB)\n",
    );
    for i in 0..n {
        let os = if i % 2 == 0 {
            "Microsoft Windows Server 2019 Datacenter"
        } else {
            "Ubuntu 22.04 LTS"
        };
        let disks: Vec<String> = (0..4)
            .map(|d| {
                if d <= i % 4 {
                    (64 << ((i + d) % 6)).to_string()
                } else {
                    String::new()
                }
            })
            .collect();
        writeln!(
            csv,
            "srv{i:05},10.{}.{}.{},{},{},{os},Production,{}",
            1 + i % 2,
            (i / 250) % 256,
            i % 250 + 1,
            [2, 4, 8][i % 3],
            [8192, 16384][i % 2],
            disks.join(",")
        )
        .unwrap();
    }
    let meg = Meg::new();
    // One wave of all of them: larger than Azure Migrate replicates at once from one vCenter
    // Server (meg's default wave size would split it), as it may be across several.
    meg.write("lz.yaml", &landing_zone("  waveSize: 2000", ""))
        .write("servers.csv", &csv);
    render(&meg);

    let main = meg.read("out/bicep/waves/prod-wave-1/main.bicep");
    let batch_module = meg.read("out/bicep/modules/replication-batch.bicep");
    let params = meg.read("out/bicep/waves/prod-wave-1/main.bicepparam");

    // Every server is in the wave, once.
    let servers = block(&params, "param servers = [", "]");
    assert_eq!(servers.matches("\n    name: ").count(), n);

    // The batch size main.bicep splits by, and the deployments it makes.
    let batch: usize = main
        .lines()
        .find_map(|l| l.strip_prefix("var batchSize = "))
        .expect("main.bicep declares its batch size")
        .trim()
        .parse()
        .unwrap();
    assert!(main.contains(
        "module batches '../../modules/replication-batch.bicep' = [for i in range(0, (length(replicated) + batchSize - 1) / batchSize): {"
    ));
    assert!(main.contains("servers: take(skip(replicated, i * batchSize), batchSize)"));
    let deployments = n.div_ceil(batch);
    assert!(
        deployments > 1,
        "2,000 servers need more than one deployment"
    );
    // The top deployment holds the nested deployments and nothing else it creates.
    let created_in_main = main
        .lines()
        .filter(|l| l.starts_with("resource ") && !l.contains(" existing "))
        .count();
    assert_eq!(created_in_main, 0, "{main}");
    assert!(deployments <= ARM_RESOURCES);
    // Each nested deployment creates one migration item per server of its batch, nothing more.
    let created: Vec<&str> = batch_module
        .lines()
        .filter(|l| l.starts_with("resource ") && !l.contains(" existing "))
        .collect();
    assert_eq!(created.len(), 1, "{created:?}");
    assert!(
        created[0].contains("replicationMigrationItems@")
            && created[0].contains("[for s in servers:")
    );
    assert!(
        batch <= ARM_RESOURCES,
        "a batch of {batch} exceeds ARM's 800 resources"
    );

    // The expanded template: the templates (compiled JSON is some three times the Bicep text;
    // the nested template once per deployment) and the parameter values twice (the top
    // deployment's, then each batch's slice), with every machine ID (a ~250 character resource
    // ID) and disk UUID (36 characters, quoted) filled in.
    let disks =
        servers.matches("'Premium_LRS'").count() + servers.matches("'StandardSSD_LRS'").count();
    assert!(disks >= n);
    let filled_params = params.len() + n * 250 + disks * 40;
    let estimate = 3 * (main.len() + deployments * batch_module.len()) + 2 * filled_params;
    assert!(
        estimate < ARM_TEMPLATE_BYTES,
        "estimated expanded template {estimate} bytes >= 4 MB"
    );

    // Terraform sends one request per migration item: every server is one for_each key.
    let tfvars = meg.read("out/terraform/waves/prod-wave-1/wave.tfvars");
    let tf_servers = block(&tfvars, "servers = {", "}");
    assert_eq!(tf_servers.matches("\" = {").count(), n);
}
