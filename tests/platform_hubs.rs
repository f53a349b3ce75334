//! Platform hubs declared under `hubs:` and shared by environments: the platform root renders
//! each hub once, the environments attached to a hub peer to that one hub, and a hub name that
//! names nothing is refused where it was written, with nothing written.

mod common;

use std::path::Path;

use common::Meg;

const NONPROD_SUB: &str = "3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c";
const PROD_SUB: &str = "8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f";

/// dev and test on the `nonprod` hub, prod on `prod`, and a third hub nothing attaches to yet.
fn shared_hubs(dev_hub: &str) -> String {
    format!(
        "\
name: contoso
strategy: hybrid
location: westeurope
tags:
  owner: platform-team
hubs:
  nonprod:
    subscriptionId: {NONPROD_SUB}
    addressSpace: 10.100.0.0/22
  prod:
    subscriptionId: {PROD_SUB}
    addressSpace: 10.0.0.0/22
  neu:
    location: northeurope
    addressSpace: 10.200.0.0/22
environments:
  dev:
    network:
      hub:
        platform: {dev_hub}
      spokes:
        - name: erp
          addressSpace: 10.101.0.0/24
  test:
    network:
      hub:
        platform: nonprod
      spokes:
        - name: erp
          addressSpace: 10.102.0.0/24
  prod:
    network:
      hub:
        platform: prod
      spokes:
        - name: erp
          addressSpace: 10.1.0.0/24
"
    )
}

/// The files directly in a folder whose names end with `ext`, sorted.
fn files_in(dir: &Path, ext: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .collect();
    names.sort();
    names
}

#[test]
fn the_platform_root_renders_exactly_one_hub_per_declared_hub() {
    let meg = Meg::new();
    meg.write("lz.yaml", &shared_hubs("nonprod"));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();

    assert_eq!(
        files_in(&meg.path("out/bicep/platform"), ".bicepparam"),
        ["neu.bicepparam", "nonprod.bicepparam", "prod.bicepparam"]
    );
    assert_eq!(
        files_in(&meg.path("out/terraform/platform"), ".tfvars"),
        ["neu.tfvars", "nonprod.tfvars", "prod.tfvars"]
    );
    for (hub, region) in [("nonprod", "weu"), ("prod", "weu"), ("neu", "neu")] {
        let vnet = format!("vnet-hub-{hub}-{region}-001");
        let bicep = meg.read(&format!("out/bicep/platform/{hub}.bicepparam"));
        assert!(
            bicep.contains(&format!("hubVirtualNetwork: '{vnet}'")),
            "{bicep}"
        );
        assert!(bicep.starts_with("// Platform hub"), "{bicep}");
        assert!(bicep.contains("using 'main.bicep'"), "{bicep}");
        let tf = meg.read(&format!("out/terraform/platform/{hub}.tfvars"));
        assert!(tf.contains(&format!("\"{vnet}\"")), "{tf}");
    }
    // One hub per parameter file: the root declares one hub network, firewall and workspace.
    let main = meg.read("out/bicep/platform/main.bicep");
    assert_eq!(
        main.matches("module hubVirtualNetwork 'modules/hub-network.bicep'")
            .count(),
        1
    );
    assert!(
        main.contains("module hubFirewall 'modules/firewall.bicep'"),
        "{main}"
    );
    assert!(main.contains("module logAnalyticsWorkspace 'modules/log-analytics.bicep'"));
    // The root is self-contained: its modules beside it, only the ones it calls.
    assert!(
        meg.path("out/terraform/platform/modules/hub-network/main.tf")
            .exists()
    );
    assert!(
        meg.path("out/bicep/platform/modules/firewall.bicep")
            .exists()
    );
    assert!(
        !meg.path("out/terraform/platform/modules/virtual-machine")
            .exists()
    );
    assert!(!meg.path("out/terraform/platform/environments").exists());
    // The environments create no hub of their own.
    let env_main = meg.read("out/bicep/main.bicep");
    assert!(
        !env_main.contains("modules/hub-network.bicep"),
        "{env_main}"
    );
    assert!(!env_main.contains("modules/firewall.bicep"), "{env_main}");
}

#[test]
fn two_environments_on_one_hub_peer_to_the_same_virtual_network() {
    let meg = Meg::new();
    meg.write("lz.yaml", &shared_hubs("nonprod"));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();

    let nonprod = format!(
        "/subscriptions/{NONPROD_SUB}/resourceGroups/rg-connectivity-nonprod-weu-001/providers/Microsoft.Network/virtualNetworks/vnet-hub-nonprod-weu-001"
    );
    let prod = format!(
        "/subscriptions/{PROD_SUB}/resourceGroups/rg-connectivity-prod-weu-001/providers/Microsoft.Network/virtualNetworks/vnet-hub-prod-weu-001"
    );
    for (env, id) in [("dev", &nonprod), ("test", &nonprod), ("prod", &prod)] {
        let bicep = meg.read(&format!("out/bicep/environments/{env}.bicepparam"));
        assert!(
            bicep.contains(&format!("virtualNetworkId: '{id}'")),
            "{env}: {bicep}"
        );
        let tf = meg.read(&format!("out/terraform/environments/{env}.tfvars"));
        assert!(
            tf.contains(&format!("virtual_network_id = \"{id}\"")) || tf.contains(id.as_str()),
            "{env}: {tf}"
        );
    }
    // The hub's firewall and gateway routes serve the spokes of both environments on it.
    let hub = meg.read("out/terraform/platform/nonprod.tfvars");
    assert!(
        hub.contains("attached_spoke_address_prefixes = [\"10.101.0.0/24\", \"10.102.0.0/24\"]"),
        "{hub}"
    );
    let hub = meg.read("out/terraform/platform/prod.tfvars");
    assert!(
        hub.contains("attached_spoke_address_prefixes = [\"10.1.0.0/24\"]"),
        "{hub}"
    );
    // The spokes resolve through the hub's DNS resolver (the hybrid strategy turns it on).
    let dev = meg.read("out/bicep/environments/dev.bicepparam");
    let dns = meg.read("out/bicep/platform/nonprod.bicepparam");
    let inbound = dns
        .lines()
        .find(|l| l.contains("inboundIpAddress"))
        .expect("the hub's resolver has an inbound address");
    let ip = inbound.split('\'').nth(1).expect("a quoted address");
    assert!(dev.contains(&format!("'{ip}'")), "{ip} not in {dev}");
}

#[test]
fn an_unknown_hub_is_refused_at_its_line_and_nothing_is_written() {
    let meg = Meg::new();
    let text = shared_hubs("nonprd");
    meg.write("lz.yaml", &text);
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    let line = text
        .lines()
        .position(|l| l.contains("platform: nonprd"))
        .expect("the typo is in the file")
        + 1;
    let err = run.stderr();
    assert!(err.contains(&format!("lz.yaml:{line}:")), "{err}");
    assert!(err.contains("hub 'nonprd'"), "{err}");
    assert!(err.contains("did you mean 'nonprod'?"), "{err}");
    assert!(!meg.path("out").exists(), "a refused render wrote files");
}

#[test]
fn a_hub_without_a_subscription_cannot_take_environments() {
    let meg = Meg::new();
    meg.write("lz.yaml", &shared_hubs("neu"));
    let run = meg.run(&["validate", "lz.yaml"]).bad_input();
    let err = run.stderr();
    assert!(err.contains("hubs.neu has no subscriptionId"), "{err}");
    assert!(err.contains("set hubs.neu.subscriptionId"), "{err}");
}

#[test]
fn a_platform_hub_excludes_an_address_space_of_the_environment() {
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &shared_hubs("nonprod").replacen(
            "        platform: nonprod\n",
            "        platform: nonprod\n        addressSpace: 10.50.0.0/22\n",
            1,
        ),
    );
    let run = meg.run(&["validate", "lz.yaml"]).bad_input();
    let err = run.stderr();
    assert!(
        err.contains("network.hub.addressSpace asks for a hub of the environment's own"),
        "{err}"
    );
    assert!(err.contains("(environment dev)"), "{err}");
}

#[test]
fn spokes_of_a_hub_without_dns_are_told_what_the_hub_could_run() {
    // A rehost hub without firewall or resolver: nothing answers for its private DNS zones.
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &format!(
            "\
name: tailspin
strategy: rehost
location: northeurope
hubs:
  shared:
    subscriptionId: {NONPROD_SUB}
    addressSpace: 10.100.0.0/22
    firewall:
      enabled: false
environments:
  dev:
    network:
      hub:
        platform: shared
      spokes:
        - name: app
          addressSpace: 10.101.0.0/24
"
        ),
    );
    let err = meg.run(&["validate", "lz.yaml"]).bad_input().stderr();
    assert!(
        err.contains("platform hub shared's private DNS zones"),
        "{err}"
    );
    assert!(err.contains("hubs.shared.dnsResolver.enabled"), "{err}");
    assert!(!err.contains("existing hub"), "{err}");
}

#[test]
fn a_hub_problem_is_located_in_the_hub() {
    let meg = Meg::new();
    let text = shared_hubs("nonprod").replace("10.0.0.0/22", "10.0.0.0/27");
    meg.write("lz.yaml", &text);
    let run = meg.run(&["validate", "lz.yaml"]).bad_input();
    let line = text
        .lines()
        .position(|l| l.contains("10.0.0.0/27"))
        .expect("the small hub is in the file")
        + 1;
    let err = run.stderr();
    assert!(err.contains(&format!("lz.yaml:{line}:")), "{err}");
}

#[test]
fn without_hubs_every_example_renders_as_its_reference() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for example in ["hybrid", "existing-hub", "rehost"] {
        let meg = Meg::new();
        meg.run(&[
            "render",
            &common::example(&format!("{example}.yaml")),
            "-o",
            "out",
        ])
        .ok();
        assert!(!meg.path("out/bicep/platform").exists(), "{example}");
        assert!(!meg.path("out/terraform/platform").exists(), "{example}");
        let reference = root.join("catalog/references").join(example);
        let want: Vec<_> = walkdir::WalkDir::new(&reference)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(&reference).unwrap().to_path_buf())
            .collect();
        let got = meg.snapshot("out");
        let got_paths: Vec<_> = got
            .keys()
            .filter(|p| !p.starts_with(".meg"))
            .cloned()
            .collect();
        assert_eq!(got_paths.len(), want.len(), "{example}: {got_paths:?}");
        for path in want {
            let bytes = std::fs::read(reference.join(&path)).unwrap();
            assert!(
                got.get(&path) == Some(&bytes),
                "{example}: {} differs from its reference",
                path.display()
            );
        }
    }
}

#[test]
fn the_readme_splits_what_the_platform_and_each_environment_deploy() {
    let meg = Meg::new();
    meg.write("lz.yaml", &shared_hubs("nonprod"));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let readme = meg.read("out/README.md");
    assert!(
        readme.contains("## Platform and application landing zones"),
        "{readme}"
    );
    assert!(readme.contains("| `nonprod` | westeurope | `3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c` | `rg-connectivity-nonprod-weu-001/vnet-hub-nonprod-weu-001` | `10.100.0.0/22` | dev, test |"), "{readme}");
    assert!(readme.contains("**Network Contributor** on its hub's resource group"));
    // Who deploys what, with which identity: the platform root assigns no role.
    assert!(
        readme.contains("| platform (each hub) | the hub's connectivity subscription | Contributor on that subscription; the platform root assigns no role, so nothing more |"),
        "{readme}"
    );
    assert!(readme.contains("- `nonprod`: Azure Firewall"), "{readme}");
    assert!(readme.contains("--parameters \"$hub.bicepparam\""));
    // The platform root routes the attached spokes itself: nothing is asked of a hub's owners.
    assert!(
        !readme.contains("## What the existing hub's owners must do"),
        "{readme}"
    );
}

/// The top-level block that starts at `header` in `text` (up to its closing brace at column 0),
/// or `None`.
fn block<'t>(text: &'t str, header: &str) -> Option<&'t str> {
    let start = text.find(header)?;
    let rest = &text[start..];
    let end = rest.find("\n}").map_or(rest.len(), |i| i + 2);
    Some(&rest[..end])
}

/// Every file of a root with this extension (modules included), path → text.
fn root_files(dir: &Path, ext: &str) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file() && e.path().to_string_lossy().ends_with(ext))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// Whether `part` (`firewall`, `vpnGateway`) is `enabled: true` in a `.bicepparam` file.
fn bicep_enabled(params: &str, part: &str) -> bool {
    let b = block(params, &format!("param {part} = {{"))
        .unwrap_or_else(|| panic!("{part} in {params}"));
    b.lines().any(|l| l.trim() == "enabled: true")
}

/// Whether `part` (`firewall`, `vpn_gateway`) is `enabled = true` in a `.tfvars` file.
fn tfvars_enabled(tfvars: &str, part: &str) -> bool {
    let b =
        block(tfvars, &format!("\n{part} = {{")).unwrap_or_else(|| panic!("{part} in {tfvars}"));
    b.lines()
        .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["enabled", "=", "true"])
}

/// How many resources of an ARM `arm_type` one deployment of the Bicep platform root creates
/// with a hub's parameter file: the type must be declared once, in one module that is called
/// once (not in a loop), either always or under `if (<part>.enabled)`.
fn bicep_instances(root: &Path, arm_type: &str, params: &str) -> usize {
    let files = root_files(root, ".bicep");
    let declared: Vec<&(String, String)> = files
        .iter()
        .filter(|(_, text)| text.contains(&format!("'{arm_type}@")))
        .collect();
    assert_eq!(
        declared.len(),
        1,
        "{arm_type} is declared in one file: {declared:?}"
    );
    let (module, text) = declared[0];
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("resource ") && l.contains(&format!("'{arm_type}@")))
        .collect();
    assert_eq!(lines.len(), 1, "{module}: {lines:?}");
    assert!(
        lines[0].ends_with("= {"),
        "{module}: one unconditional resource: {}",
        lines[0]
    );
    let main = std::fs::read_to_string(root.join("main.bicep")).unwrap();
    let calls: Vec<&str> = main
        .lines()
        .filter(|l| l.starts_with("module ") && l.contains(&format!("'{module}'")))
        .collect();
    assert_eq!(calls.len(), 1, "{module} is called once: {calls:?}");
    let call = calls[0];
    if call.ends_with("= {") {
        return 1;
    }
    let part = call
        .split("= if (")
        .nth(1)
        .and_then(|c| c.strip_suffix(".enabled) {"))
        .unwrap_or_else(|| panic!("neither a loop nor another condition: {call}"));
    usize::from(bicep_enabled(params, part))
}

/// The same for the Terraform platform root and an azurerm resource type, with a hub's `.tfvars`:
/// one `resource` block without `count` or `for_each`, in a module called once, always or with
/// `count = var.<part>.enabled ? 1 : 0`.
fn terraform_instances(root: &Path, tf_type: &str, tfvars: &str) -> usize {
    let files = root_files(root, ".tf");
    let header = format!("resource \"{tf_type}\" ");
    let declared: Vec<&(String, String)> = files
        .iter()
        .filter(|(_, text)| text.contains(&header))
        .collect();
    assert_eq!(declared.len(), 1, "{tf_type} is declared in one file");
    let (path, text) = declared[0];
    assert_eq!(text.matches(&header).count(), 1, "{path}");
    let body = block(text, &header).unwrap();
    assert!(
        !body
            .lines()
            .any(|l| l.starts_with("  count") || l.starts_with("  for_each")),
        "{path}: {body}"
    );
    let dir = path
        .strip_prefix("modules/")
        .and_then(|p| p.strip_suffix("/main.tf"))
        .unwrap_or_else(|| panic!("{path} is a module's main.tf"));
    let source = format!("source = \"./modules/{dir}\"");
    let calls: Vec<&str> = files
        .iter()
        .filter(|(p, _)| !p.starts_with("modules/"))
        .flat_map(|(_, t)| t.split("\nmodule ").skip(1))
        .filter(|b| {
            b.lines()
                .any(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") == source)
        })
        .collect();
    assert_eq!(calls.len(), 1, "modules/{dir} is called once");
    let body = calls[0].split("\n}").next().unwrap();
    assert!(!body.lines().any(|l| l.starts_with("  for_each")), "{body}");
    match body.lines().find(|l| l.starts_with("  count")) {
        None => 1,
        Some(count) => {
            let part = count
                .split("var.")
                .nth(1)
                .and_then(|c| c.strip_suffix(".enabled ? 1 : 0"))
                .unwrap_or_else(|| panic!("another count: {count}"));
            usize::from(tfvars_enabled(tfvars, part))
        }
    }
}

#[test]
fn each_hub_parameter_file_deploys_one_hub_network_firewall_and_gateway() {
    let meg = Meg::new();
    // neu runs no firewall: its parameter file must deploy none, the others one each.
    let text = shared_hubs("nonprod").replace(
        "    addressSpace: 10.200.0.0/22\n",
        "    addressSpace: 10.200.0.0/22\n    firewall:\n      enabled: false\n",
    );
    meg.write("lz.yaml", &text);
    meg.run(&[
        "render",
        "lz.yaml",
        "-o",
        "out",
        "--set",
        "vpnGateway.enabled=true",
    ])
    .ok();
    let bicep = meg.path("out/bicep/platform");
    let terraform = meg.path("out/terraform/platform");
    for (hub, firewall) in [("nonprod", 1), ("prod", 1), ("neu", 0)] {
        let params = meg.read(&format!("out/bicep/platform/{hub}.bicepparam"));
        let tfvars = meg.read(&format!("out/terraform/platform/{hub}.tfvars"));
        let count = |arm: &str, tf: &str| {
            (
                bicep_instances(&bicep, arm, &params),
                terraform_instances(&terraform, tf, &tfvars),
            )
        };
        assert_eq!(
            count(
                "Microsoft.Network/virtualNetworks",
                "azurerm_virtual_network"
            ),
            (1, 1),
            "{hub}: hub networks"
        );
        assert_eq!(
            count("Microsoft.Network/azureFirewalls", "azurerm_firewall"),
            (firewall, firewall),
            "{hub}: firewalls"
        );
        assert_eq!(
            count(
                "Microsoft.Network/virtualNetworkGateways",
                "azurerm_virtual_network_gateway"
            ),
            (1, 1),
            "{hub}: VPN gateways"
        );
    }
}

#[test]
fn the_platform_root_holds_only_what_the_hubs_need() {
    let meg = Meg::new();
    meg.write("lz.yaml", &shared_hubs("nonprod"));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    // No spokes, no Key Vault: the attached environments deploy theirs.
    for module in ["spoke-network", "spoke-peering", "hub-peering", "key-vault"] {
        assert!(
            !meg.path(&format!("out/bicep/platform/modules/{module}.bicep"))
                .exists(),
            "{module}"
        );
    }
    for module in ["spoke-network", "key-vault", "private-endpoint"] {
        assert!(
            !meg.path(&format!("out/terraform/platform/modules/{module}"))
                .exists(),
            "{module}"
        );
    }
    let main = meg.read("out/bicep/platform/main.bicep");
    for leftover in [
        "param spokes",
        "param keyVault",
        "spokeResourceGroups",
        "securityResourceGroup",
        "spokeDnsServers",
        "linkPrivateDnsZonesToSpokes",
        "platformPrivateEndpointSubnetId",
    ] {
        assert!(!main.contains(leftover), "{leftover} in {main}");
    }
    let tf: String = root_files(&meg.path("out/terraform/platform"), ".tf")
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    for leftover in [
        "variable \"spokes\"",
        "variable \"key_vault\"",
        "azurerm_resource_group\" \"security",
        "azurerm_resource_group\" \"spoke",
        "spoke_dns_servers",
        "key_vault {",
        "azurerm_client_config",
    ] {
        assert!(
            !tf.contains(leftover),
            "{leftover} in the Terraform platform root"
        );
    }
    for hub in ["nonprod", "prod", "neu"] {
        let params = meg.read(&format!("out/bicep/platform/{hub}.bicepparam"));
        let tfvars = meg.read(&format!("out/terraform/platform/{hub}.tfvars"));
        for leftover in [
            "param spokes",
            "param keyVault",
            "keyVault:",
            "securityResourceGroup",
        ] {
            assert!(!params.contains(leftover), "{hub}: {leftover}");
        }
        for leftover in ["spokes =", "key_vault", "security_resource_group"] {
            assert!(!tfvars.contains(leftover), "{hub}: {leftover}");
        }
    }
    // A hub deploys into its own connectivity subscription, pinned like an environment's.
    let nonprod = meg.read("out/terraform/platform/nonprod.tfvars");
    assert!(
        nonprod.contains(&format!("subscription_id = \"{NONPROD_SUB}\"")),
        "{nonprod}"
    );
    // The environments keep their spokes and their own vault.
    let env_main = meg.read("out/bicep/main.bicep");
    assert!(env_main.contains("module platformKeyVault 'modules/key-vault.bicep'"));
    assert!(env_main.contains("module spokeNetworks 'modules/spoke-network.bicep'"));
}
