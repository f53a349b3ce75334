//! The refactor workload: applications named by spoke, the subnets carved for them and the
//! per-tier settings they receive.

use std::path::Path;

use meg::cidr::Cidr;
use meg::model::LandingZone;
use meg::model::fixed_name::FixedName;
use meg::request::Inputs;
use meg::session::Session;
use serde_json::Value;

mod common;

use common::{Meg, example};

/// Resolves a landing-zone file as `meg render FILE` would, with extra `--set` values.
fn resolve(path: &Path, sets: &[&str]) -> LandingZone {
    let input = Inputs {
        inputs: vec![path.to_path_buf()],
        sets: sets.iter().map(|s| (*s).to_string()).collect(),
        ..Inputs::default()
    };
    let session = Session::open(None).expect("the embedded catalog opens");
    session
        .resolve(&input)
        .expect("the landing zone resolves")
        .1
}

fn param<'a>(lz: &'a LandingZone, env: &str, name: &str) -> &'a Value {
    let env = lz
        .environments
        .iter()
        .find(|e| e.name == env)
        .unwrap_or_else(|| panic!("no environment {env}"));
    &env.params
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no parameter {name}"))
        .value
}

/// Renders the refactor example with one edit, expecting exit code 2; returns stderr.
fn refused_edit(from: &str, to: &str) -> (Meg, String) {
    let meg = Meg::new();
    let text = std::fs::read_to_string(example("refactor.yaml")).unwrap();
    assert!(text.contains(from), "the example holds {from:?}");
    meg.write("lz.yaml", &text.replace(from, to));
    let err = meg
        .run(&["render", "lz.yaml", "-o", "out"])
        .bad_input()
        .stderr();
    (meg, err)
}

#[test]
fn an_application_must_name_an_existing_spoke() {
    let (meg, err) = refused_edit(
        "    booking:\n      webApps",
        "    bookings:\n      webApps",
    );
    assert!(
        err.contains("paas.applications.bookings"),
        "the key path: {err}"
    );
    assert!(
        err.contains("application 'bookings' names no spoke"),
        "{err}"
    );
    assert!(err.contains("did you mean 'booking'?"), "{err}");
    assert!(!meg.path("out").exists(), "nothing is written");
}

#[test]
fn an_application_spoke_too_small_for_its_subnets_is_refused() {
    let (_, err) = refused_edit("addressSpace: 10.71.1.0/24", "addressSpace: 10.71.1.0/27");
    assert!(
        err.contains("spoke 'booking' (10.71.1.0/27) is too small"),
        "{err}"
    );
    assert!(
        err.contains("/network/spokes/1/addressSpace") || err.contains("spokes[1]"),
        "{err}"
    );
}

#[test]
fn application_spokes_get_delegated_subnets_inside_their_space() {
    let lz = resolve(Path::new(&example("refactor.yaml")), &[]);
    for env in ["dev", "prod"] {
        let spokes = param(&lz, env, "spokes").as_array().unwrap();
        assert_eq!(spokes.len(), 2, "{env}");
        for spoke in spokes {
            let space: Cidr = spoke["addressPrefixes"][0]
                .as_str()
                .unwrap()
                .parse()
                .unwrap();
            let subnets = spoke["subnets"].as_array().unwrap();
            let names: Vec<&str> = subnets
                .iter()
                .map(|s| s["name"].as_str().unwrap())
                .collect();
            // Only booking runs Container Apps in the example.
            let expected: &[&str] = if spoke["name"] == "booking" {
                &[
                    "snet-appservice",
                    "snet-private-endpoints",
                    "snet-containerapps",
                ]
            } else {
                &["snet-appservice", "snet-private-endpoints"]
            };
            assert_eq!(names, expected, "{env}");
            let mut placed: Vec<Cidr> = Vec::new();
            for subnet in subnets {
                let prefix: Cidr = subnet["addressPrefix"].as_str().unwrap().parse().unwrap();
                assert!(space.contains(&prefix), "{env}: {prefix} outside {space}");
                assert!(
                    !placed.iter().any(|p| p.overlaps(&prefix)),
                    "{env}: {prefix} overlaps"
                );
                placed.push(prefix);
                let (delegation, largest_prefix) = match subnet["name"].as_str().unwrap() {
                    "snet-appservice" => (Some("Microsoft.Web/serverFarms"), 28),
                    "snet-containerapps" => (Some("Microsoft.App/environments"), 27),
                    _ => (None, 29),
                };
                assert_eq!(subnet["delegation"].as_str(), delegation, "{env}: {subnet}");
                assert!(
                    prefix.prefix() <= largest_prefix,
                    "{env}: {prefix} too small"
                );
            }
        }
    }
}

#[test]
fn spokes_without_an_application_keep_their_workload_subnet() {
    let lz = resolve(Path::new(&example("hybrid.yaml")), &[]);
    for env in &lz.environments {
        for spoke in param(&lz, &env.name, "spokes").as_array().unwrap() {
            for subnet in spoke["subnets"].as_array().unwrap() {
                assert!(subnet.get("delegation").is_none(), "{subnet}");
            }
        }
    }
}

#[test]
fn prod_sql_is_zone_redundant_and_dev_is_serverless() {
    let lz = resolve(Path::new(&example("refactor.yaml")), &[]);
    let prod = param(&lz, "prod", "paas");
    assert_eq!(prod["sql"]["zoneRedundant"], true);
    assert_eq!(prod["sql"]["backupStorageRedundancy"], "GeoZone");
    assert_eq!(
        prod["sql"]["sku"]["tier"], "BusinessCritical",
        "the example's prod override"
    );
    assert_eq!(prod["appService"]["zoneRedundant"], true);
    assert_eq!(prod["appService"]["capacity"], 3);
    let dev = param(&lz, "dev", "paas");
    assert_eq!(dev["sql"]["zoneRedundant"], false);
    assert_eq!(dev["sql"]["sku"]["name"], "GP_S_Gen5");
    assert_eq!(dev["appService"]["sku"], "B1");
}

#[test]
fn applications_merge_across_environments_and_name_their_resources() {
    let lz = resolve(Path::new(&example("refactor.yaml")), &[]);
    let apps = param(&lz, "prod", "paas")["applications"]
        .as_array()
        .unwrap();
    let booking = apps.iter().find(|a| a["name"] == "booking").unwrap();
    // prod adds a secret; the web app and database come from the shared map.
    assert_eq!(booking["secrets"], serde_json::json!(["partner-api-key"]));
    assert_eq!(booking["webApps"][0]["name"], "web");
    assert_eq!(booking["databases"][0]["name"], "bookings");
    let site = booking["webApps"][0]["siteName"].as_str().unwrap();
    assert!(site.starts_with("app-booking-web-prod-"), "{site}");
    assert_eq!(booking["resourceGroupName"], "rg-booking-prod-neu-001");
}

#[test]
fn front_door_follows_the_ingress_setting() {
    let example = example("refactor.yaml");
    let with = resolve(Path::new(&example), &[]);
    assert!(
        with.deploy.front_door,
        "the refactor strategy defaults to Front Door"
    );
    assert!(with.name_keys.contains(&FixedName::FrontDoorProfile));
    let prod = param(&with, "prod", "paas");
    assert_eq!(prod["frontDoor"], true);
    let endpoint = prod["applications"][1]["webApps"][0]["frontDoorEndpointName"]
        .as_str()
        .unwrap();
    assert!(endpoint.starts_with("fde-shop-web-prod-"), "{endpoint}");

    let without = resolve(Path::new(&example), &["paas.ingress=none"]);
    assert!(!without.deploy.front_door);
    assert!(!without.name_keys.iter().any(|k| matches!(
        k,
        FixedName::FrontDoorProfile | FixedName::FrontDoorWafPolicy
    )));
    assert_eq!(param(&without, "prod", "paas")["frontDoor"], false);
}

#[test]
fn container_apps_need_a_quarter_of_at_least_a_27() {
    // A /26 spoke has /28 quarters: enough for App Service, too small for Container Apps.
    let (_, err) = refused_edit("addressSpace: 10.71.1.0/24", "addressSpace: 10.71.1.0/26");
    assert!(
        err.contains("its 'containerapps' subnet would be a /28, Azure requires /27"),
        "{err}"
    );
}

const AGW_SETS: [&str; 3] = [
    "paas.ingress=applicationGateway",
    "paas.applicationGateway.certificateSecretId=https://kv-certs.vault.azure.net/secrets/shop-tls",
    "paas.applicationGateway.certificateKeyVaultId=/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-certs",
];

/// `meg render examples/refactor.yaml` with extra `--set` values into `out`.
fn render_example_with(meg: &Meg, sets: &[&str]) -> common::Run {
    let path = example("refactor.yaml");
    let mut args = vec![
        "render".to_string(),
        path.to_string(),
        "-o".into(),
        "out".into(),
    ];
    for s in sets {
        args.push("--set".into());
        args.push((*s).to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    meg.run(&args)
}

#[test]
fn application_gateway_replaces_front_door_in_both_targets() {
    let meg = Meg::new();
    render_example_with(&meg, &AGW_SETS).ok();

    let bicep = meg.read("out/bicep/modules/application-gateway.bicep");
    for needle in [
        "'Microsoft.Network/applicationGateways@",
        "name: 'WAF_v2'",
        "'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies@",
        "mode: 'Prevention'",
        "ruleSetType: 'OWASP'",
        "ruleSetType: 'Microsoft_BotManagerRuleSet'",
        "keyVaultSecretId: app.certificateSecretId",
        "pickHostNameFromBackendAddress: true",
        "protocol: 'Https'",
        "path: healthProbePath",
    ] {
        assert!(bicep.contains(needle), "Bicep gateway lacks {needle}");
    }
    assert!(
        meg.path("out/bicep/modules/application-gateway-vault-access.bicep")
            .exists()
    );
    let main = meg.read("out/bicep/main.bicep");
    assert!(main.contains("modules/application-gateway.bicep"));
    assert!(!main.contains("front-door"), "no Front Door in main.bicep");
    assert!(!meg.path("out/bicep/modules/front-door.bicep").exists());
    let spoke = meg.read("out/bicep/modules/spoke-network.bicep");
    assert!(spoke.contains("'GatewayManager'") && spoke.contains("'65200-65535'"));
    assert!(spoke.contains("subnet.name == 'snet-appgateway' ? null"));

    let tf = meg.read("out/terraform/modules/application-gateway/main.tf");
    for needle in [
        "resource \"azurerm_application_gateway\" \"this\"",
        "resource \"azurerm_web_application_firewall_policy\" \"this\"",
        "\"WAF_v2\"",
        "\"Prevention\"",
        "\"Microsoft_BotManagerRuleSet\"",
        "key_vault_secret_id = var.app.certificate_secret_id",
        "\"Key Vault Secrets User\"",
    ] {
        assert!(tf.contains(needle), "Terraform gateway lacks {needle}");
    }
    assert!(!meg.path("out/terraform/modules/front-door").exists());
    let all_tf: String = meg.read_tf_root("out/terraform")
        + &meg.read("out/terraform/variables.tf")
        + &meg.read("out/terraform/outputs.tf");
    assert!(all_tf.contains("module \"application_gateway\""));
    assert!(!all_tf.contains("front_door\""), "no Front Door module");

    // The gateway subnet is the spoke's last quarter: a /26 of prod's /24 spokes.
    let lz = resolve(Path::new(&example("refactor.yaml")), &AGW_SETS);
    let spokes = param(&lz, "prod", "spokes").as_array().unwrap();
    let shop = spokes.iter().find(|s| s["name"] == "shop").unwrap();
    let subnet = shop["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "snet-appgateway")
        .expect("an appgateway subnet");
    assert_eq!(subnet["addressPrefix"], "10.71.0.192/26");
    let paas = param(&lz, "prod", "paas");
    assert_eq!(paas["frontDoor"], false);
    assert_eq!(paas["applicationGateway"]["enabled"], true);
    assert_eq!(
        paas["applicationGateway"]["applicationIndexes"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn application_gateway_without_a_certificate_is_refused() {
    let meg = Meg::new();
    let err = render_example_with(&meg, &AGW_SETS[..1])
        .bad_input()
        .stderr();
    assert!(
        err.contains("missing required key 'paas.applicationGateway.certificateSecretId'"),
        "{err}"
    );
    assert!(!meg.path("out").exists(), "nothing is written");
}

#[test]
fn application_gateway_needs_a_26_quarter() {
    let meg = Meg::new();
    let text = std::fs::read_to_string(example("refactor.yaml")).unwrap();
    meg.write(
        "lz.yaml",
        &text.replace("addressSpace: 10.71.1.0/24", "addressSpace: 10.71.1.0/25"),
    );
    let mut args = vec!["render", "lz.yaml", "-o", "out"];
    for s in &AGW_SETS {
        args.push("--set");
        args.push(s);
    }
    let err = meg.run(&args).bad_input().stderr();
    assert!(
        err.contains("its 'appgateway' subnet would be a /27, Azure requires /26"),
        "{err}"
    );
}

#[test]
fn the_database_migration_service_is_opt_in_and_created_in_both_targets() {
    let meg = Meg::new();
    meg.run(&["render", &example("refactor.yaml"), "-o", "on"])
        .ok();
    let bicep = meg.read("on/bicep/modules/database-migration.bicep");
    assert!(
        bicep.contains("'Microsoft.DataMigration/sqlMigrationServices@2023-07-15-preview'"),
        "{bicep}"
    );
    let tf = meg.read_tf_root("on/terraform");
    assert!(
        tf.contains(
            "type      = \"Microsoft.DataMigration/sqlMigrationServices@2023-07-15-preview\""
        ),
        "{tf}"
    );
    assert!(
        meg.read("on/terraform/terraform.tf")
            .contains("azure/azapi")
    );
    let prod = meg.read("on/bicep/environments/prod.bicepparam");
    assert!(
        prod.contains("databaseMigrationService: 'dms-sql-prod-neu-001'"),
        "{prod}"
    );

    meg.run(&[
        "render",
        &example("refactor.yaml"),
        "-o",
        "off",
        "--set",
        "paas.databaseMigration.enabled=false",
    ])
    .ok();
    assert!(
        !meg.path("off/bicep/modules/database-migration.bicep")
            .exists()
    );
    assert!(
        !meg.read_tf_root("off/terraform")
            .contains("sqlMigrationServices")
    );
    assert!(!meg.read("off/terraform/terraform.tf").contains("azapi"));
}

#[test]
fn vault_administrators_must_be_entra_object_ids() {
    let (meg, err) = refused_edit(
        "secretsOfficers: [0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d]",
        "secretsOfficers: [shop-team]",
    );
    assert!(
        err.contains("paas.applications.shop.secretsOfficers"),
        "{err}"
    );
    assert!(!meg.path("out").exists(), "nothing is written");
}

#[test]
fn vault_administrators_get_a_data_plane_role_in_both_targets() {
    let meg = Meg::new();
    render_example_with(&meg, &[]).ok();
    for file in [
        "out/bicep/environments/prod.bicepparam",
        "out/terraform/environments/prod.tfvars",
    ] {
        let text = meg.read(file);
        assert!(
            text.contains("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"),
            "{file}"
        );
        assert!(
            text.contains("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
            "{file}"
        );
    }
    let bicep = meg.read("out/bicep/modules/key-vault.bicep");
    assert!(
        bicep.contains("for principalId in administrators"),
        "{bicep}"
    );
    let app = meg.read("out/bicep/modules/application.bicep");
    assert!(app.contains("administrators: app.secretsOfficers"), "{app}");
    // Terraform: AVM's role_assignments interface, one assignment per principal.
    let hcl = meg.read("out/terraform/modules/key-vault/main.tf");
    assert!(hcl.contains("for_each = var.role_assignments"), "{hcl}");
    let app = meg.read("out/terraform/modules/application/main.tf");
    assert!(
        app.contains("for principal_id in var.app.secrets_officers : principal_id => {"),
        "{app}"
    );
    let root = meg.read("out/terraform/main.key_vault.tf");
    assert!(
        root.contains("for principal_id in var.key_vault.administrators : principal_id => {"),
        "{root}"
    );
}

#[test]
fn lint_refuses_a_migration_service_without_a_path_from_on_premises() {
    let meg = Meg::new();
    let run = meg.run(&[
        "lint",
        &example("refactor.yaml"),
        "--set",
        "environments.dev.vpnGateway.enabled=false",
    ]);
    assert_eq!(run.code(), 1, "{}", run.stdout());
    let out = run.stdout();
    assert!(out.contains("REL-103 [dev]"), "{out}");
    assert!(!out.contains("REL-103 [prod]"), "{out}");
    // The example reaches on premises over its site-to-site VPN.
    let clean = meg.run(&["lint", &example("refactor.yaml")]);
    assert!(!clean.stdout().contains("REL-103"), "{}", clean.stdout());
}

#[test]
fn each_application_gateway_presents_its_own_certificate() {
    // The shared certificate is the default; an application's own one wins.
    let own = "paas.applications.booking.certificateSecretId=https://kv-certs.vault.azure.net/secrets/booking-tls";
    let sets = [AGW_SETS[0], AGW_SETS[1], AGW_SETS[2], own];
    let lz = resolve(Path::new(&example("refactor.yaml")), &sets);
    let paas = param(&lz, "prod", "paas");
    let cert = |app: &str| {
        paas["applications"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == app)
            .unwrap()["certificateSecretId"]
            .clone()
    };
    assert_eq!(
        cert("shop"),
        "https://kv-certs.vault.azure.net/secrets/shop-tls"
    );
    assert_eq!(
        cert("booking"),
        "https://kv-certs.vault.azure.net/secrets/booking-tls"
    );
    assert!(
        paas["applicationGateway"]
            .get("certificateSecretId")
            .is_none()
    );

    // One certificate on both gateways is a lint warning; one each passes.
    let meg = Meg::new();
    let mut shared = vec!["lint", "examples/refactor.yaml"];
    let example_path = example("refactor.yaml");
    shared[1] = &example_path;
    for s in AGW_SETS {
        shared.extend(["--set", s]);
    }
    let out = meg.run(&shared).stdout();
    assert!(out.contains("SEC-102 [prod]"), "{out}");
    let mut distinct = shared.clone();
    distinct.extend(["--set", own]);
    let out = meg.run(&distinct).stdout();
    assert!(!out.contains("SEC-102"), "{out}");

    // Without a shared certificate, every application with web apps needs its own.
    let meg = Meg::new();
    let err = render_example_with(&meg, &[AGW_SETS[0], AGW_SETS[2], own])
        .bad_input()
        .stderr();
    assert!(
        err.contains("missing required key 'paas.applicationGateway.certificateSecretId'"),
        "{err}"
    );
}

#[test]
fn application_gateway_identity_can_read_its_certificate_before_the_gateway_is_made() {
    let meg = Meg::new();
    render_example_with(&meg, &AGW_SETS).ok();
    // Bicep: the identity and its role assignment are a module of their own, beside the
    // applications; the gateway module, which waits for the web apps, receives the identity.
    let main = meg.read("out/bicep/main.bicep");
    let identities = main
        .find("module applicationGatewayIdentities")
        .expect("an identity module");
    let gateways = main
        .find("module applicationGateways")
        .expect("a gateway module");
    assert!(identities < gateways);
    assert!(main.contains("identityId: applicationGatewayIdentities[j].outputs.resourceId"));
    let identity = meg.read("out/bicep/modules/application-gateway-identity.bicep");
    assert!(identity.contains("module certificateAccess 'application-gateway-vault-access.bicep'"));
    let gateway = meg.read("out/bicep/modules/application-gateway.bicep");
    assert!(!gateway.contains("userAssignedIdentities@"), "{gateway}");
    // Terraform: the identity and role assignment depend on the resource group only.
    let tf = meg.read("out/terraform/modules/application-gateway/main.tf");
    let role = tf
        .find("resource \"azurerm_role_assignment\" \"certificate_reader\"")
        .expect("a role assignment");
    let block = &tf[role..role + tf[role..].find("\n}").unwrap()];
    assert!(!block.contains("web_app"), "{block}");
}

/// With an Application Gateway, on-premises sites and no container apps, the spoke's inbound
/// rules mix shapes (one source, or the on-premises list): a conditional whose two branches are
/// `concat(gateway rules, inbound rules)` and `inbound rules` has tuple types Terraform cannot
/// unify, and every plan failed ("Inconsistent conditional result types", found by offline-plan).
/// The conditional must choose between the gateway's like-shaped rules and an empty list only.
#[test]
fn gateway_subnet_rules_plan_beside_on_premises_rules() {
    let meg = Meg::new();
    let mut sets = AGW_SETS.to_vec();
    sets.push("paas.applications.booking.containerApps=false");
    render_example_with(&meg, &sets).ok();

    let tf = meg.read("out/terraform/modules/spoke-network/main.tf");
    assert!(
        tf.contains("on_premises_access = ") && !tf.contains("container_apps_access"),
        "the render holds on-premises rules and no container-apps rules: the case under test"
    );
    let for_each: Vec<&str> = tf
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("for_each = ") && l.contains("local.inbound_rules"))
        .collect();
    assert_eq!(for_each.len(), 1, "one NSG rule set: {for_each:?}");
    let line = for_each[0];
    let (_, branches) = line
        .split_once(" ? ")
        .expect("the gateway subnet's rules are picked by a conditional");
    let (when_gateway, rest) = branches.split_once(" : ").unwrap();
    // The false branch ends at the first comma or closing bracket outside its own brackets.
    let mut depth = 0;
    let end = rest
        .char_indices()
        .find(|&(_, c)| {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' if depth > 0 => depth -= 1,
                ')' | ']' | ',' if depth == 0 => return true,
                _ => {}
            }
            false
        })
        .map_or(rest.len(), |(i, _)| i);
    let otherwise = &rest[..end];
    assert!(
        !when_gateway.contains("inbound_rules") && !otherwise.contains("inbound_rules"),
        "the conditional's branches must not hold the mixed-shape inbound rules: {line}"
    );
    assert!(line.contains("local.application_gateway_access"), "{line}");
}
