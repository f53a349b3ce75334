//! Subscriptions: each environment names the subscription it deploys into, governance places
//! every named subscription under its management group in both languages, and the pipelines
//! deploy each root into its own. Bad subscription settings are refused with their place, and
//! inputs without them render as before.

mod common;

use common::Meg;
use serde_json::Value;

const DEV: &str = "8b2d4f60-1c3e-4a7b-b5d9-0e6f2a8c4d17";
const PROD: &str = "c4e81a27-9f3d-4b6c-8e02-5d7a1b3f9e64";
const MANAGEMENT: &str = "3f0c6a1e-52b7-4d8e-9c41-7a2e5b9d0f13";
const IDENTITY: &str = "5a9e0d3c-7b21-4f68-a4c3-9e1f7d2b6a05";

/// A governed landing zone: `extra` is written at the top level, `dev` and `prod` under each
/// environment, `governance` under governance.
fn landing_zone(extra: &str, governance: &str, dev: &str, prod: &str) -> String {
    format!(
        "\
name: fabrikam
strategy: hybrid
location: westeurope
tags:
  owner: team-net
{extra}
governance:
  enabled: true
  rootId: fab
{governance}
environments:
  dev:
{dev}
    network:
      hub:
        addressSpace: 10.10.0.0/22
  prod:
{prod}
    network:
      hub:
        addressSpace: 10.20.0.0/22
"
    )
}

/// The GUIDs listed under `key` in a Bicep object of arrays or an HCL object of lists, up to
/// the closing bracket.
fn listed_under(text: &str, opening: &str) -> Vec<String> {
    let Some(start) = text.find(opening) else {
        return Vec::new();
    };
    let rest = &text[start + opening.len()..];
    let end = rest.find(']').expect("a closing bracket");
    rest[..end]
        .split(['\'', '"'])
        .filter(|s| s.len() == 36 && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
        .map(str::to_string)
        .collect()
}

#[test]
fn governance_places_each_named_subscription_under_its_group_in_both_languages() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &landing_zone(
            "managementGroup: corp",
            // Upper case: ARM compares GUIDs without case; the render writes them in lower case.
            &format!(
                "  managementSubscriptionId: {}\n  identitySubscriptionId: {IDENTITY}",
                MANAGEMENT.to_uppercase()
            ),
            &format!("    subscriptionId: {DEV}"),
            &format!("    subscriptionId: {PROD}\n    managementGroup: online"),
        ),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();

    let params = meg.read("out/bicep/governance/governance.bicepparam");
    let tfvars = meg.read("out/terraform/governance/governance.tfvars");
    for (group, want) in [
        ("corp", DEV),
        ("online", PROD),
        ("management", MANAGEMENT),
        ("identity", IDENTITY),
    ] {
        assert_eq!(
            listed_under(&params, &format!("\n  {group}: [")),
            [want],
            "{group} in:\n{params}"
        );
        assert_eq!(
            listed_under(&tfvars, &format!("\n  {group} = [")),
            [want],
            "{group} in:\n{tfvars}"
        );
    }
    let bicep = meg.read("out/bicep/governance/main.bicep");
    let tf = meg.read_tf_root("out/terraform/governance");
    for group in ["corp", "online", "management", "identity"] {
        // Each placement is a child of its group, so ARM and Terraform create the group first.
        assert!(
            bicep.contains(&format!(
                "resource {group}Subscriptions 'Microsoft.Management/managementGroups/subscriptions@2023-04-01' = [\n  for subscriptionId in subscriptionPlacements.{group}: {{\n    parent: {group}ManagementGroup\n    name: subscriptionId\n"
            )),
            "{group} in:\n{bicep}"
        );
        assert!(
            tf.contains(&format!(
                "resource \"azurerm_management_group_subscription_association\" \"{group}\" {{\n  for_each = toset(var.subscription_placements.{group})\n\n  management_group_id = azurerm_management_group.{group}.id\n  subscription_id     = \"/subscriptions/${{each.value}}\"\n"
            )),
            "{group} in:\n{tf}"
        );
    }
    // Nothing under connectivity: no hub of this landing zone names a subscription.
    assert!(!bicep.contains("connectivitySubscriptions"), "{bicep}");
    // The governance provider signs in to the management subscription, named in the tfvars.
    assert!(
        tfvars.contains(&format!("subscription_id = \"{MANAGEMENT}\"")),
        "{tfvars}"
    );
    assert!(
        meg.read("out/terraform/governance/providers.tf")
            .contains("subscription_id = var.subscription_id"),
    );

    // Each environment's Terraform root targets its own subscription.
    for (env, id) in [("dev", DEV), ("prod", PROD)] {
        let vars = meg.read(&format!("out/terraform/environments/{env}.tfvars"));
        assert!(
            vars.contains(&format!("subscription_id = \"{id}\"")),
            "{env}:\n{vars}"
        );
    }
    assert!(
        meg.read("out/terraform/providers.tf")
            .contains("  subscription_id = var.subscription_id\n")
    );
    assert!(
        meg.read("out/terraform/variables.tf")
            .contains("variable \"subscription_id\" {")
    );

    // The README says who deploys what where, and that placing needs Owner on the subscription.
    let readme = meg.read("out/README.md");
    for want in [
        "## Subscriptions",
        &format!("| `{DEV}` | `fab-corp` | environment dev |"),
        &format!("| `{PROD}` | `fab-online` | environment prod |"),
        &format!("| `{MANAGEMENT}` | `fab-management` | the management subscription |"),
        "Owner on each subscription it",
    ] {
        assert!(readme.contains(want), "{want:?} in README");
    }
}

#[test]
fn a_top_level_subscription_serves_every_environment_and_is_placed_once() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &landing_zone(
            &format!("subscriptionId: {DEV}\nmanagementGroup: online"),
            "",
            "    tier: dev",
            "    tier: prod",
        ),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let params = meg.read("out/bicep/governance/governance.bicepparam");
    assert_eq!(listed_under(&params, "\n  online: ["), [DEV], "{params}");
    assert!(
        params.contains("// environment dev, environment prod"),
        "{params}"
    );
    assert!(!params.contains("corp: ["), "{params}");
    for env in ["dev", "prod"] {
        assert!(
            meg.read(&format!("out/terraform/environments/{env}.tfvars"))
                .contains(&format!("subscription_id = \"{DEV}\""))
        );
    }
}

/// `lz.yaml:<line>:`, the line of the first line of `yaml` that holds `needle`.
fn at(yaml: &str, needle: &str) -> String {
    let line = yaml
        .lines()
        .position(|l| l.contains(needle))
        .expect("the needle is in the file");
    format!("lz.yaml:{}:", line + 1)
}

/// Runs `meg render`, expects exit 2 with every `wants` in standard error, and nothing written.
#[track_caller]
fn refused(yaml: &str, wants: &[&str]) {
    let meg = Meg::new();
    meg.write("lz.yaml", yaml);
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    for want in wants {
        assert!(
            run.stderr().contains(want),
            "{want:?} in:\n{}",
            run.stderr()
        );
    }
    assert!(!meg.path("out").exists(), "nothing is written");
}

#[test]
fn a_malformed_subscription_id_is_refused_where_it_is_written() {
    let yaml = landing_zone(
        "",
        "",
        "    subscriptionId: 8b2d4f60-1c3e-4a7b",
        &format!("    subscriptionId: {PROD}"),
    );
    refused(
        &yaml,
        &[&at(&yaml, "8b2d4f60-1c3e-4a7b"), "subscriptionId", "GUID"],
    );
    let yaml = landing_zone(
        "",
        "  managementSubscriptionId: not-a-guid",
        &format!("    subscriptionId: {DEV}"),
        &format!("    subscriptionId: {PROD}"),
    );
    refused(
        &yaml,
        &[&at(&yaml, "not-a-guid"), "managementSubscriptionId", "GUID"],
    );
}

#[test]
fn an_environment_without_a_subscription_beside_one_with_is_refused() {
    let yaml = landing_zone(
        "",
        "",
        &format!("    subscriptionId: {DEV}"),
        "    tier: prod",
    );
    refused(
        &yaml,
        &[
            &at(&yaml, "  prod:"),
            "environment prod names no subscriptionId while dev does",
            "add subscriptionId under environments.prod",
        ],
    );
}

#[test]
fn a_management_group_without_a_subscription_is_refused() {
    let yaml = landing_zone("", "", "    managementGroup: online", "    tier: prod");
    refused(
        &yaml,
        &[
            &at(&yaml, "managementGroup: online"),
            "managementGroup says where governance places the environment's subscription, but no subscriptionId names it",
        ],
    );
}

#[test]
fn a_subscription_under_two_groups_is_refused_naming_both() {
    // The same subscription for dev (corp, the default) and prod (online).
    let yaml = landing_zone(
        "",
        "",
        &format!("    subscriptionId: {DEV}"),
        &format!("    subscriptionId: {DEV}\n    managementGroup: online"),
    );
    let prod_line = yaml
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(DEV))
        .nth(1)
        .map(|(i, _)| format!("lz.yaml:{}:", i + 1))
        .expect("prod's subscriptionId");
    refused(
        &yaml,
        &[
            &prod_line,
            &format!("subscription {DEV} is placed under two management groups"),
            "under corp for environment dev (environments.dev.subscriptionId)",
            "under online for environment prod (environments.prod.subscriptionId)",
        ],
    );
    // The management subscription named again, for every environment.
    let yaml = landing_zone(
        &format!("subscriptionId: {MANAGEMENT}"),
        &format!("  managementSubscriptionId: {}", MANAGEMENT.to_uppercase()),
        "    tier: dev",
        "    tier: prod",
    );
    refused(
        &yaml,
        &[
            &at(&yaml, "managementSubscriptionId"),
            "under corp for environment dev (subscriptionId)",
            "under management for the management subscription (governance.managementSubscriptionId)",
        ],
    );
}

#[test]
fn inputs_without_the_new_keys_render_as_before() {
    // Every example's reference snapshot still matches; only hybrid names subscriptions.
    let meg = Meg::new();
    meg.run(&["check"]).ok();

    // Hybrid with its subscription settings removed renders governance as it did before them.
    meg.write(
        "unnamed.yaml",
        "\
subscriptionId: null
managementGroup: null
governance:
  managementSubscriptionId: null
environments:
  dev:
    subscriptionId: null
  prod:
    subscriptionId: null
",
    );
    let hybrid = common::example("hybrid.yaml");
    meg.run(&["render", &hybrid, "-f", "unnamed.yaml", "-o", "out"])
        .ok();
    let bicep = meg.read("out/bicep/governance/main.bicep");
    assert!(!bicep.contains("subscriptionPlacements"), "{bicep}");
    assert!(bicep.contains("Subscriptions are placed in them apart from this template"));
    let tf = meg.read_tf_root("out/terraform/governance");
    assert!(
        !tf.contains("azurerm_management_group_subscription_association\" "),
        "{tf}"
    );
    assert!(!tf.contains("variable \"subscription_id\""), "{tf}");
    assert!(
        meg.read("out/terraform/providers.tf")
            .starts_with("# The subscription comes from ARM_SUBSCRIPTION_ID, never from a file.\n")
    );
    assert!(
        !meg.read("out/terraform/variables.tf")
            .contains("subscription_id")
    );
    assert!(!meg.read("out/README.md").contains("## Subscriptions"));
}

fn workflow(meg: &Meg) -> Value {
    serde_saphyr::from_str(&meg.read("out/.github/workflows/landing-zone.yml")).expect("YAML")
}

#[test]
fn the_pipelines_deploy_each_root_into_the_subscription_the_render_names() {
    let hybrid = common::example("hybrid.yaml");
    let meg = Meg::new();
    meg.run(&["render", &hybrid, "-o", "out", "--pipeline", "github"])
        .ok();
    let wf = workflow(&meg);
    let jobs = wf["jobs"].as_object().expect("jobs");
    for (job, id) in [
        ("plan-governance", MANAGEMENT),
        ("deploy-governance", MANAGEMENT),
        ("plan-dev", DEV),
        ("deploy-dev", DEV),
        ("plan-prod", PROD),
        ("deploy-prod", PROD),
    ] {
        assert_eq!(
            jobs[job]["env"]["ARM_SUBSCRIPTION_ID"], id,
            "{job}: {}",
            jobs[job]
        );
        if !job.ends_with("governance") {
            let login = jobs[job]["steps"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| {
                    s["uses"]
                        .as_str()
                        .is_some_and(|u| u.starts_with("azure/login@"))
                })
                .expect("an Azure login");
            assert_eq!(login["with"]["subscription-id"], id, "{job}");
        }
    }
    // Governance first, then each environment, each behind its own approval.
    assert_eq!(jobs["plan-dev"]["needs"][0], "deploy-governance");
    assert_eq!(jobs["deploy-dev"]["environment"], "dev");
    assert_eq!(jobs["deploy-governance"]["environment"], "governance");
    // Previews take each environment's subscription from the matrix.
    let include = jobs["preview"]["strategy"]["matrix"]["include"]
        .as_array()
        .expect("a matrix include");
    assert_eq!(include.len(), 2);
    assert_eq!(include[0]["environment"], "dev");
    assert_eq!(include[0]["subscription"], DEV);
    assert_eq!(include[1]["subscription"], PROD);
    assert_eq!(
        jobs["preview"]["env"]["ARM_SUBSCRIPTION_ID"],
        "${{ matrix.subscription }}"
    );

    let meg = Meg::new();
    meg.run(&["render", &hybrid, "-o", "out", "--pipeline", "azure-devops"])
        .ok();
    let main = meg.read("out/azure-pipelines.yml");
    for (env, id) in [("dev", DEV), ("prod", PROD)] {
        // Preview, plan and deploy of each environment pass its subscription to the steps.
        let passed = format!("environment: \"{env}\"\n");
        let count = main
            .match_indices(&passed)
            .filter(|(i, _)| {
                main[i + passed.len()..]
                    .trim_start()
                    .starts_with(&format!("subscriptionId: \"{id}\""))
            })
            .count();
        assert_eq!(count, 3, "{env} in:\n{main}");
    }
    let steps = meg.read("out/.azure-pipelines/environment.yml");
    // The deployments themselves name the subscription: no `az account set` to rely on.
    assert!(!steps.contains("az account set"), "{steps}");
    assert_eq!(
        steps.matches("--subscription \"$SUBSCRIPTION_ID\"").count(),
        2,
        "what-if and create: {steps}"
    );
    assert!(
        steps.contains("ARM_SUBSCRIPTION_ID]${{ parameters.subscriptionId }}"),
        "{steps}"
    );
    let governance = meg.read("out/.azure-pipelines/governance.yml");
    assert!(
        governance.contains(&format!("ARM_SUBSCRIPTION_ID]{MANAGEMENT}")),
        "{governance}"
    );
}

#[test]
fn the_starter_file_shows_the_subscription_keys_with_values_they_can_hold() {
    let meg = Meg::new();
    meg.run(&["init", "hybrid", "-o", "lz.yaml"]).ok();
    let text = meg.read("lz.yaml");
    assert!(
        text.contains("\n# subscriptionId: 00000000-0000-0000-0000-000000000000\n"),
        "{text}"
    );
    assert!(text.contains("\n# managementGroup: corp\n"), "{text}");
    // Uncommented, both are valid input.
    let uncommented = text
        .replace("\n# subscriptionId:", "\nsubscriptionId:")
        .replace("\n# managementGroup:", "\nmanagementGroup:");
    meg.write("lz.yaml", &uncommented);
    meg.run(&["validate", "lz.yaml"]).ok();
}
