//! The render's README: every resource name the model gives an environment is listed in that
//! environment's section, and the summary states the facts of each environment, not of the
//! landing zone as a whole.

use std::path::{Path, PathBuf};

use meg::request::Inputs;
use meg::session::Session;

mod common;

use common::{Meg, example};

/// One environment's part of "Environments and resources": from its heading to the next one.
fn env_section<'a>(readme: &'a str, env: &str) -> &'a str {
    let heading = format!("\n### {env} (");
    let start = readme
        .find(&heading)
        .unwrap_or_else(|| panic!("no section for {env} in\n{readme}"));
    let rest = &readme[start + 1..];
    let end = rest
        .find("\n### ")
        .into_iter()
        .chain(rest.find("\n## "))
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The paragraph of one environment under "What on-premises must do".
fn on_premises_line<'a>(readme: &'a str, env: &str) -> &'a str {
    let section = &readme[readme
        .find("## What on-premises must do")
        .expect("the README says what on-premises must do")..];
    let start = section
        .find(&format!("**{env}**:"))
        .unwrap_or_else(|| panic!("no on-premises line for {env} in\n{section}"));
    let line = &section[start..];
    &line[..line.find('\n').unwrap_or(line.len())]
}

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/ is readable")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no examples: this test would prove nothing"
    );
    paths
}

#[test]
fn every_name_an_environment_creates_is_listed_in_its_readme_section() {
    let session = Session::open(None).expect("the embedded catalog opens");
    let mut missing = Vec::new();
    let mut counted = 0;
    for path in examples() {
        let input = Inputs {
            inputs: vec![path.clone()],
            ..Inputs::default()
        };
        let rendered = session.render(&input).expect("the example renders");
        let readme = String::from_utf8(rendered.files.get("README.md").expect("a README").to_vec())
            .expect("UTF-8");
        for env in &rendered.lz.environments {
            let section = env_section(&readme, &env.name);
            for (key, name) in env.deployed_names() {
                counted += 1;
                if !section.contains(&format!("| `{name}` |")) {
                    missing.push(format!("{}: {} `{name}` ({key})", path.display(), env.name));
                }
            }
            // Every name has its own words: none falls back to the catch-all rows.
            assert!(
                !section.contains("| Other |"),
                "{}: {}: a name without a row of its own:\n{section}",
                path.display(),
                env.name
            );
        }
    }
    assert!(counted > 200, "only {counted} names checked");
    assert!(
        missing.is_empty(),
        "names the README does not list:\n{}",
        missing.join("\n")
    );
}

#[test]
fn refactor_readme_lists_each_applications_resources() {
    let meg = Meg::new();
    meg.run(&["render", &example("refactor.yaml"), "-o", "out"])
        .ok();
    let readme = meg.read("out/README.md");
    let dev = env_section(&readme, "dev");
    for row in [
        "| Application `shop` | Key Vault | `kv-shop-dev-neu-",
        "| | web app `api` | `app-shop-api-dev-neu-",
        "| | App Service plan | `asp-shop-dev-neu-001` |",
        "| | SQL server | `sql-shop-dev-neu-",
        "| | database `orders` | `sqldb-shop-orders-dev-neu-001` |",
        "| | Application Insights | `appi-booking-dev-neu-001` |",
        "| | container registry | `crbooking",
        "| Front Door | Front Door profile | `afd-edge-dev-neu-001` |",
    ] {
        assert!(dev.contains(row), "{row} is not in\n{dev}");
    }
}

#[test]
fn a_basic_firewall_offers_on_premises_no_dns_proxy() {
    // Without the resolver, only the firewall's DNS proxy can answer on-premises: Basic has none.
    let meg = Meg::new();
    meg.run(&[
        "render",
        &example("hybrid.yaml"),
        "--set",
        "dnsResolver.enabled=false",
        "-o",
        "out",
    ])
    .ok();
    let readme = meg.read("out/README.md");
    assert!(env_section(&readme, "dev").contains("Azure Firewall Basic"));
    let dev = on_premises_line(&readme, "dev");
    assert!(!dev.contains("forward to"), "{dev}");
    assert!(
        dev.contains("nothing in the hub answers DNS queries"),
        "{dev}"
    );
    let prod = on_premises_line(&readme, "prod");
    assert!(
        prod.contains("forward to `10.0.0.4`, the hub firewall's DNS proxy."),
        "{prod}"
    );

    // With the resolver, both forward to its inbound endpoint, whatever the firewall's tier.
    meg.run(&["render", &example("hybrid.yaml"), "-o", "resolver"])
        .ok();
    let readme = meg.read("resolver/README.md");
    let dev = on_premises_line(&readme, "dev");
    assert!(
        dev.contains("forward to `10.100.0.228`, the DNS Private Resolver's inbound endpoint"),
        "{dev}"
    );
}

#[test]
fn the_recovery_region_is_named_where_site_recovery_replicates() {
    let meg = Meg::new();
    meg.run(&["render", &example("rehost.yaml"), "-o", "out"])
        .ok();
    let readme = meg.read("out/README.md");
    let prod = env_section(&readme, "prod");
    assert!(
        prod.contains("Site Recovery replicates to `northeurope`."),
        "{prod}"
    );
    assert!(
        prod.contains(
            "| Site Recovery | resource group in `northeurope` | `rg-recovery-prod-neu-001` |"
        ),
        "{prod}"
    );
    let dev = env_section(&readme, "dev");
    assert!(!dev.contains("Site Recovery"), "{dev}");
}

#[test]
fn an_environment_lists_only_what_it_deploys() {
    // In the hybrid example only prod has ExpressRoute and an active-active VPN gateway.
    let meg = Meg::new();
    meg.run(&["render", &example("hybrid.yaml"), "-o", "out"])
        .ok();
    let readme = meg.read("out/README.md");
    let (dev, prod) = (env_section(&readme, "dev"), env_section(&readme, "prod"));
    assert!(
        prod.contains("| ExpressRoute | ExpressRoute gateway | `"),
        "{prod}"
    );
    assert!(prod.contains("| | connection to the circuit | `"), "{prod}");
    assert!(
        prod.contains("| | second public IP (active-active) | `"),
        "{prod}"
    );
    assert!(!dev.contains("ExpressRoute"), "{dev}");
    assert!(!dev.contains("second public IP"), "{dev}");
    // Dev's firewall is Basic: it has the management public IP, prod's does not.
    assert!(
        dev.contains("| | management public IP | `pip-firewall-mgmt-dev-"),
        "{dev}"
    );
    assert!(!prod.contains("management public IP"), "{prod}");

    // A site without a VPN gateway is named by the model but not connected: not listed.
    meg.run(&[
        "render",
        &example("hybrid.yaml"),
        "--set",
        "environments.dev.vpnGateway.enabled=false",
        "-o",
        "novpn",
    ])
    .ok();
    let readme = meg.read("novpn/README.md");
    let dev = env_section(&readme, "dev");
    assert!(!dev.contains("site `amsterdam-dc`"), "{dev}");
    assert!(!dev.contains("VPN gateway"), "{dev}");
    assert!(
        env_section(&readme, "prod").contains("| | site `amsterdam-dc`: connection | `"),
        "{readme}"
    );
}

/// The README and its partials print a view prepared in Rust (`src/render/readme/`): they keep
/// no running state (`set_global`) and decode no parameter (`env.params`), which would decide
/// again what the model already knows.
#[test]
fn the_readme_templates_decode_nothing() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut markdown = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("templates/ is readable") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(".md.tera") {
                markdown.push(path);
            }
        }
    }
    assert!(
        markdown.len() > 3,
        "found {} Markdown templates: this test would prove nothing",
        markdown.len()
    );
    for path in markdown {
        let text = std::fs::read_to_string(&path).expect("a template is readable");
        for forbidden in ["set_global", "env.params"] {
            assert!(
                !text.contains(forbidden),
                "{} uses {forbidden}: give the README view (src/render/readme/) the field instead",
                path.display()
            );
        }
    }
}
