//! The render's README as the template sees it: a typed summary of each environment, computed
//! once from the resolved model.
//!
//! `README.md.tera` prints these fields and decides nothing: which hub parts an environment has,
//! their SKUs and addresses, the spokes, where on-premises DNS forwards to, the recovery region,
//! and every resource name the environment creates (in [`resources`]). It is a borrowed view made
//! for one template, as zola's `SerializingPage` is; it is not the parameters the Bicep and
//! Terraform templates receive (`model::params`), and it holds no Markdown: the template escapes
//! every value it prints, but for the rows of the migrated servers' table ([`migrated`]), one
//! per inventory server, which are escaped here with the template's own escape function.

mod migrated;
mod resources;

use serde::Serialize;

use crate::model::fixed_name::FixedName;
use crate::model::name_key::{NameKey, SitePart, SpokePart};
use crate::model::network::HubRole;
use crate::model::{Environment, LandingZone};

pub(crate) use resources::{Label, Part, Section};

/// What the README says about the landing zone beyond `lz` and `deploy`.
#[derive(Debug, Serialize)]
pub(crate) struct Readme<'a> {
    /// Every environment, in deployment order.
    pub environments: Vec<EnvironmentView<'a>>,
    /// Index in `environments` of the one the topology diagram shows: the first production-tier
    /// environment, else the last one (the fullest).
    pub topology: usize,
    /// The secret parameters, read from the deploying shell (the same in every environment).
    pub secrets: Vec<Secret>,
    /// Access-restricted regions, per environment, with the setting that names each.
    pub restricted_regions: Vec<RestrictedRegion<'a>>,
    /// The platform hubs (`hubs:`), deployed from their own root; empty without `hubs:`.
    pub platform: Vec<&'a crate::model::platform::HubFacts>,
    /// The role definitions the platform root assigns (none: its deployer needs no right to
    /// create role assignments).
    pub platform_role_ids: Vec<&'static str>,
    /// Whether every environment beside a hub meg does not create attaches to a platform hub,
    /// whose routes and rules the platform root holds: nothing is left to a hub's owners.
    pub platform_only: bool,
    /// How many servers of `migration.inventory` the environments migrate, together (each
    /// environment's rows are its `migrated`).
    pub migrated_servers: usize,
    /// Those servers' rows of the README's table, escaped Markdown ([`migrated::rows`]).
    pub migrated_rows: String,
}

/// One environment, as the README describes it.
#[derive(Debug, Serialize)]
pub(crate) struct EnvironmentView<'a> {
    /// Environment name.
    pub name: &'a str,
    /// Preset tier.
    pub tier: &'a str,
    /// The hub: created here, or the platform team's.
    pub hub: Hub<'a>,
    /// Azure Firewall, when this environment deploys it.
    pub firewall: Option<Firewall<'a>>,
    /// Azure Bastion, when deployed.
    pub bastion: Option<Bastion<'a>>,
    /// The VPN gateway, when deployed.
    pub vpn_gateway: Option<VpnGateway<'a>>,
    /// The on-premises sites the VPN gateway connects over IPsec (none without one).
    pub sites: Vec<Site<'a>>,
    /// The ExpressRoute gateway, when deployed.
    pub express_route: Option<ExpressRoute<'a>>,
    /// The DNS Private Resolver, when deployed.
    pub dns_resolver: Option<DnsResolver<'a>>,
    /// The DDoS protection plan's name, when deployed.
    pub ddos_protection: Option<&'a str>,
    /// The spokes, in input order.
    pub spokes: Vec<Spoke<'a>>,
    /// Private DNS zones the hub holds (none beside an existing hub).
    pub private_dns_zones: Vec<&'a str>,
    /// The on-premises networks the gateways reach, and where their DNS servers forward.
    pub on_premises: OnPremises,
    /// Whether the spokes' peerings use the hub's gateways.
    pub gateway_transit: bool,
    /// Site Recovery's region, when this environment replicates to one.
    pub recovery_region: Option<&'a str>,
    /// Site Recovery's failover target, where it replicates this environment's VMs.
    pub site_recovery: Option<SiteRecovery<'a>>,
    /// Every resource this environment creates, by function, with its name.
    pub resources: Vec<Section>,
    /// The management lock its platform resources carry (`None`, `CanNotDelete`, `ReadOnly`).
    pub lock: &'static str,
}

/// Where Site Recovery replicates an environment's VMs, for the test-failover commands.
#[derive(Debug, Serialize)]
pub(crate) struct SiteRecovery<'a> {
    /// The recovery region.
    pub region: &'a str,
    /// The recovery resource group, which holds the vault.
    pub resource_group: &'a str,
    /// The Recovery Services vault in the recovery region.
    pub vault: &'a str,
    /// The VMs meg deploys and protects (each a protected item named as the VM).
    pub protected_vms: Vec<&'a str>,
}

/// The hub of one environment.
#[derive(Debug, Serialize)]
pub(crate) struct Hub<'a> {
    /// Whether it is the platform team's hub, referenced and never changed here.
    pub existing: bool,
    /// Its virtual network's name.
    pub name: &'a str,
    /// Its address spaces (a created hub's; empty for an existing one).
    pub address_prefixes: Vec<String>,
    /// An existing hub's resource group.
    pub resource_group: Option<&'a str>,
    /// An existing hub's subscription.
    pub subscription: Option<&'a str>,
    /// An existing hub's firewall, the spokes' next hop.
    pub firewall_private_ip: Option<String>,
    /// Whether an existing hub's gateways reach on-premises for the spokes.
    pub use_remote_gateways: bool,
}

/// Azure Firewall in the hub.
#[derive(Debug, Serialize)]
pub(crate) struct Firewall<'a> {
    /// Resource name.
    pub name: &'a str,
    /// `Basic`, `Standard` or `Premium`.
    pub tier: &'a str,
    /// Availability zones (none when not zone redundant).
    pub zones: Vec<&'static str>,
    /// Its private address, the spokes' next hop.
    pub private_ip: String,
    /// Whether it offers a DNS proxy (every tier but Basic).
    pub dns_proxy: bool,
}

/// Azure Bastion in the hub.
#[derive(Debug, Serialize)]
pub(crate) struct Bastion<'a> {
    /// Resource name.
    pub name: &'a str,
    /// SKU.
    pub sku: &'a str,
}

/// The VPN gateway and the sites it connects.
#[derive(Debug, Serialize)]
pub(crate) struct VpnGateway<'a> {
    /// Resource name.
    pub name: &'a str,
    /// SKU.
    pub sku: &'a str,
    /// Whether it runs two instances, each with its public IP.
    pub active_active: bool,
}

/// An on-premises site connected over IPsec.
#[derive(Debug, Serialize)]
pub(crate) struct Site<'a> {
    /// The site's name in the input.
    pub name: &'a str,
    /// Its local network gateway's name.
    pub local_network_gateway: &'a str,
    /// Its connection's name.
    pub connection: &'a str,
    /// Its address spaces.
    pub address_prefixes: Vec<String>,
}

/// The ExpressRoute gateway.
#[derive(Debug, Serialize)]
pub(crate) struct ExpressRoute<'a> {
    /// Resource name.
    pub name: &'a str,
    /// SKU.
    pub sku: &'a str,
    /// The connection's name, when the input names a circuit to connect.
    pub circuit_connection: Option<&'a str>,
}

/// The DNS Private Resolver.
#[derive(Debug, Serialize)]
pub(crate) struct DnsResolver<'a> {
    /// Resource name.
    pub name: &'a str,
    /// Its inbound endpoint's address, where on-premises DNS servers forward.
    pub inbound_ip: String,
    /// How many on-premises domains its ruleset forwards.
    pub forwarded_domains: usize,
}

/// A spoke.
#[derive(Debug, Serialize)]
pub(crate) struct Spoke<'a> {
    /// The spoke's name in the input.
    pub name: &'a str,
    /// Its virtual network's name.
    pub virtual_network: &'a str,
    /// Its address spaces.
    pub address_prefixes: Vec<String>,
}

/// What on-premises connects to, and where its DNS servers forward Azure's private zones.
#[derive(Debug, Serialize)]
pub(crate) struct OnPremises {
    /// Whether a site-to-site connection or an ExpressRoute circuit connects it.
    pub connected: bool,
    /// The sites' address spaces, when the environment has a gateway (deduplicated).
    pub address_prefixes: Vec<String>,
    /// What in the hub answers DNS queries from on-premises; `None` when nothing does.
    pub dns_forwarder: Option<DnsForwarder>,
}

/// The address on-premises DNS servers forward the private zones to.
#[derive(Debug, Serialize)]
pub(crate) struct DnsForwarder {
    /// The address.
    pub address: String,
    /// What answers there.
    pub via: DnsService,
}

/// What answers DNS queries in the hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum DnsService {
    /// The DNS Private Resolver's inbound endpoint.
    Resolver,
    /// The firewall's DNS proxy.
    FirewallProxy,
}

/// A secret parameter and where each tool reads it from.
#[derive(Debug, Serialize)]
pub(crate) struct Secret {
    /// What it is.
    pub what: Label,
    /// Its names for each tool, as the pipelines name it (`model::rollout::Secret`).
    #[serde(flatten)]
    pub names: crate::model::rollout::Secret,
    /// The environments whose parameter files ask for it (`hub <name>` for a platform hub).
    pub used_by: Vec<String>,
}

/// An access-restricted region an environment deploys to.
#[derive(Debug, Serialize)]
pub(crate) struct RestrictedRegion<'a> {
    /// The environment.
    pub environment: &'a str,
    /// The setting naming the region, as a dotted key.
    pub key: &'a str,
    /// The region.
    pub region: &'a str,
}

impl<'a> Readme<'a> {
    /// The README's view of a resolved landing zone.
    pub fn new(lz: &'a LandingZone) -> Self {
        let environments: Vec<EnvironmentView> =
            lz.environments.iter().map(EnvironmentView::new).collect();
        let topology = lz
            .environments
            .iter()
            .position(|e| e.tier == "prod")
            .unwrap_or(lz.environments.len().saturating_sub(1));
        let secrets = secrets_of(lz);
        let restricted_regions = lz
            .environments
            .iter()
            .flat_map(|env| {
                env.restricted_regions.iter().map(|u| RestrictedRegion {
                    environment: &env.name,
                    key: &u.key,
                    region: &u.region,
                })
            })
            .collect();
        let beside_a_hub = || {
            lz.environments
                .iter()
                .filter(|e| e.settings.network.hub.existing.is_some())
        };
        Readme {
            environments,
            topology,
            secrets,
            restricted_regions,
            platform: lz
                .platform
                .as_ref()
                .map(|p| p.hubs.iter().collect())
                .unwrap_or_default(),
            platform_role_ids: lz
                .platform
                .as_ref()
                .map(|p| crate::model::roles::Access::new(&p.lz.deploy).environment_role_ids)
                .unwrap_or_default(),
            platform_only: beside_a_hub().next().is_some()
                && beside_a_hub().all(|e| e.settings.network.hub.platform.is_some()),
            migrated_servers: lz.environments.iter().map(|e| e.migrated.len()).sum(),
            migrated_rows: migrated::rows(lz),
        }
    }
}

/// Every secret the environments' and the platform hubs' roots read, each once, with the
/// environments (`hub <name>` for a platform hub) whose parameter files ask for it.
fn secrets_of(lz: &LandingZone) -> Vec<Secret> {
    let hubs = lz.platform.as_ref().map(|p| &p.lz);
    let roots = lz
        .environments
        .iter()
        .map(|env| (env.name.clone(), env, lz))
        .chain(hubs.into_iter().flat_map(|hubs| {
            hubs.environments
                .iter()
                .map(move |hub| (format!("hub {}", hub.name), hub, hubs))
        }));
    let mut out: Vec<Secret> = Vec::new();
    for (root, env, owner) in roots {
        for p in env.params.iter().filter(|p| p.secret) {
            let at = match out.iter().position(|s| s.names.tf_name == p.tf_name) {
                Some(i) => i,
                None => {
                    out.push(Secret {
                        what: secret_label(&p.name, &p.tf_name, owner),
                        names: crate::model::rollout::Secret::of(p),
                        used_by: Vec::new(),
                    });
                    out.len() - 1
                }
            };
            if p.needed {
                out[at].used_by.push(root.clone());
            }
        }
    }
    out
}

/// What a secret parameter is, in words where meg knows it.
fn secret_label(name: &str, tf_name: &str, lz: &LandingZone) -> Label {
    let items = &lz.item_secrets;
    if let Some(k) = items.vpn_shared_keys.iter().find(|k| k.tf_name == tf_name) {
        return vec![
            Part::text("IPsec shared key of the connection to site "),
            Part::code(&k.of),
        ];
    }
    if let Some(k) = items
        .vm_admin_passwords
        .iter()
        .find(|k| k.tf_name == tf_name)
    {
        return vec![
            Part::text("local administrator (azureadmin) password of VM "),
            Part::code(&k.of),
        ];
    }
    match name {
        "expressRouteAuthorizationKey" => vec![Part::text(
            "authorization key of the ExpressRoute circuit (its owner creates it on the circuit)",
        )],
        other => vec![Part::code(other)],
    }
}

impl<'a> EnvironmentView<'a> {
    /// The README's view of one environment.
    pub fn new(env: &'a Environment) -> Self {
        let s = &env.settings;
        let name = |key: FixedName| env.names.text(key);
        let on = |key: FixedName| env.deploys(&key.into());
        let host = |role| env.layout.first_host(role).unwrap_or_default();
        let hub = match &s.network.hub.existing {
            Some(existing) => Hub {
                existing: true,
                name: existing.id_part("virtualNetworks"),
                address_prefixes: Vec::new(),
                resource_group: Some(existing.id_part("resourceGroups")),
                subscription: Some(existing.id_part("subscriptions")),
                firewall_private_ip: existing.firewall_private_ip.map(|a| a.to_string()),
                use_remote_gateways: existing.use_remote_gateways,
            },
            None => Hub {
                existing: false,
                name: name(FixedName::HubVirtualNetwork),
                address_prefixes: env
                    .layout
                    .address_space
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
                resource_group: None,
                subscription: None,
                firewall_private_ip: None,
                use_remote_gateways: false,
            },
        };
        let firewall = on(FixedName::Firewall).then(|| Firewall {
            name: name(FixedName::Firewall),
            tier: s.firewall.tier.as_str(),
            zones: crate::model::params::zones(s.firewall.zone_redundant),
            private_ip: host(HubRole::Firewall),
            dns_proxy: crate::model::facts::firewall_dns_proxy(s),
        });
        let bastion = on(FixedName::Bastion).then(|| Bastion {
            name: name(FixedName::Bastion),
            sku: s.bastion.sku.as_str(),
        });
        let vpn_gateway = on(FixedName::VpnGateway).then(|| VpnGateway {
            name: name(FixedName::VpnGateway),
            sku: s.vpn_gateway.sku.as_str(),
            active_active: s.vpn_gateway.active_active,
        });
        let sites: Vec<Site> = s
            .on_premises
            .sites
            .iter()
            .filter(|site| env.deploys(&NameKey::Site(site.name.clone(), SitePart::Connection)))
            .map(|site| Site {
                name: &site.name,
                local_network_gateway: env.names.text(NameKey::Site(
                    site.name.clone(),
                    SitePart::LocalNetworkGateway,
                )),
                connection: env
                    .names
                    .text(NameKey::Site(site.name.clone(), SitePart::Connection)),
                address_prefixes: site.address_spaces.iter().map(|c| c.to_string()).collect(),
            })
            .collect();
        let express_route = on(FixedName::ExpressRouteGateway).then(|| ExpressRoute {
            name: name(FixedName::ExpressRouteGateway),
            sku: s.express_route.sku.as_str(),
            circuit_connection: on(FixedName::ExpressRouteConnection)
                .then(|| name(FixedName::ExpressRouteConnection)),
        });
        let dns_resolver = on(FixedName::DnsResolver).then(|| DnsResolver {
            name: name(FixedName::DnsResolver),
            inbound_ip: host(HubRole::DnsResolverInbound),
            forwarded_domains: s.on_premises.domains.len(),
        });
        let spokes = s
            .network
            .spokes
            .iter()
            .map(|spoke| Spoke {
                name: &spoke.name,
                virtual_network: env.names.text(NameKey::Spoke(
                    spoke.name.clone(),
                    SpokePart::VirtualNetwork,
                )),
                address_prefixes: vec![spoke.address_space.to_string()],
            })
            .collect();
        let private_dns_zones = if hub.existing {
            Vec::new()
        } else {
            s.network
                .private_dns_zones
                .iter()
                .map(String::as_str)
                .collect()
        };
        let dns_forwarder = crate::model::facts::dns_serving_spokes(s).map(|role| match role {
            HubRole::DnsResolverInbound => DnsForwarder {
                address: host(role),
                via: DnsService::Resolver,
            },
            _ => DnsForwarder {
                address: host(role),
                via: DnsService::FirewallProxy,
            },
        });
        let gateway_transit = vpn_gateway.is_some()
            || express_route.is_some()
            || (hub.existing && hub.use_remote_gateways);
        let sr = &s.migration.site_recovery;
        let recovery_region = (s.migration.enabled && sr.enabled)
            .then_some(sr.recovery_location.as_deref())
            .flatten();
        EnvironmentView {
            name: &env.name,
            tier: &env.tier,
            resources: resources::table(env, hub.existing.then_some(hub.name), recovery_region),
            hub,
            firewall,
            bastion,
            vpn_gateway,
            on_premises: OnPremises {
                connected: !sites.is_empty()
                    || express_route
                        .as_ref()
                        .is_some_and(|er| er.circuit_connection.is_some()),
                address_prefixes: crate::model::facts::on_premises_prefixes(s),
                dns_forwarder,
            },
            sites,
            express_route,
            dns_resolver,
            ddos_protection: on(FixedName::DdosProtectionPlan)
                .then(|| name(FixedName::DdosProtectionPlan)),
            spokes,
            private_dns_zones,
            gateway_transit,
            recovery_region,
            lock: s.lock.as_str(),
            site_recovery: recovery_region.map(|region| SiteRecovery {
                region,
                resource_group: name(FixedName::RecoveryResourceGroup),
                vault: name(FixedName::SiteRecoveryVault),
                protected_vms: s
                    .migration
                    .created_vms()
                    .map(|(vm, _)| vm.as_str())
                    .collect(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Inputs;
    use crate::session::Session;

    /// An example resolved as `meg render examples/<name>.yaml --set ...` would.
    fn resolve(name: &str, sets: &[&str]) -> LandingZone {
        let input = Inputs {
            inputs: vec![
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("examples")
                    .join(format!("{name}.yaml")),
            ],
            sets: sets.iter().map(|s| (*s).to_string()).collect(),
            ..Inputs::default()
        };
        let session = Session::open(None).expect("the embedded catalog opens");
        session.resolve(&input).expect("the example resolves").1
    }

    fn view<'a>(readme: &'a Readme, env: &str) -> &'a EnvironmentView<'a> {
        readme
            .environments
            .iter()
            .find(|e| e.name == env)
            .expect("the environment exists")
    }

    #[test]
    fn a_basic_firewall_has_no_dns_proxy_so_nothing_answers_on_premises() {
        let lz = resolve("hybrid", &["dnsResolver.enabled=false"]);
        let readme = Readme::new(&lz);
        let dev = view(&readme, "dev");
        let fw = dev.firewall.as_ref().expect("dev has a firewall");
        assert_eq!((fw.tier, fw.dns_proxy), ("Basic", false));
        assert!(dev.dns_resolver.is_none());
        assert!(dev.on_premises.dns_forwarder.is_none());
        let prod = view(&readme, "prod");
        let fw = prod.firewall.as_ref().expect("prod has a firewall");
        assert!(fw.dns_proxy);
        let forwarder = prod
            .on_premises
            .dns_forwarder
            .as_ref()
            .expect("a forwarder");
        assert_eq!(forwarder.via, DnsService::FirewallProxy);
        assert_eq!(forwarder.address, fw.private_ip);
        assert_eq!(fw.private_ip, "10.0.0.4");
    }

    #[test]
    fn the_resolver_answers_on_premises_before_the_firewall() {
        let lz = resolve("hybrid", &[]);
        let readme = Readme::new(&lz);
        let prod = view(&readme, "prod");
        let forwarder = prod
            .on_premises
            .dns_forwarder
            .as_ref()
            .expect("a forwarder");
        assert_eq!(forwarder.via, DnsService::Resolver);
        assert_eq!(
            Some(forwarder.address.as_str()),
            prod.dns_resolver.as_ref().map(|r| r.inbound_ip.as_str())
        );
        assert!(prod.on_premises.connected);
        assert!(prod.gateway_transit);
        assert_eq!(prod.dns_resolver.as_ref().unwrap().forwarded_domains, 2);
    }

    #[test]
    fn the_recovery_region_is_given_where_site_recovery_replicates() {
        let lz = resolve("rehost", &[]);
        let readme = Readme::new(&lz);
        assert_eq!(view(&readme, "prod").recovery_region, Some("northeurope"));
        assert_eq!(view(&readme, "dev").recovery_region, None);
        // Turned off in prod: no region, and no Site Recovery rows.
        let lz = resolve(
            "rehost",
            &["environments.prod.migration.siteRecovery.enabled=false"],
        );
        let readme = Readme::new(&lz);
        let prod = view(&readme, "prod");
        assert_eq!(prod.recovery_region, None);
        assert!(
            !prod
                .resources
                .iter()
                .any(|s| s.title == vec![Part::text("Site Recovery")])
        );
    }

    #[test]
    fn the_topology_shows_the_first_production_environment() {
        let lz = resolve("hybrid", &[]);
        let readme = Readme::new(&lz);
        assert_eq!(readme.environments[readme.topology].name, "prod");
    }

    #[test]
    fn a_name_without_a_row_of_its_own_is_still_listed() {
        let mut lz = resolve("hybrid", &[]);
        // A spoke the settings do not hold: the table, which walks the settings, has no row for
        // it, as it would have none for a kind of name it does not know yet.
        let key = NameKey::Spoke("elsewhere".into(), SpokePart::RouteTable);
        let extra = lz.environments[0]
            .names
            .get(&FixedName::Firewall.into())
            .expect("hybrid names a firewall")
            .clone();
        lz.environments[0].names.insert(key.clone(), extra.clone());
        let readme = Readme::new(&lz);
        let other = readme.environments[0]
            .resources
            .iter()
            .find(|s| s.title == vec![Part::text("Other")])
            .expect("an Other section");
        assert_eq!(other.rows.len(), 1);
        assert_eq!(other.rows[0].name, extra.as_str());
        assert_eq!(
            other.rows[0].what,
            vec![Part::code("spoke.elsewhere.routeTable")]
        );
        assert_eq!(other.rows[0].key, Some(key));
    }

    #[test]
    fn every_row_names_a_resource_the_environment_creates() {
        for example in [
            "hybrid",
            "rehost",
            "refactor",
            "existing-hub",
            "existing-hub-refactor",
        ] {
            let lz = resolve(example, &[]);
            let readme = Readme::new(&lz);
            for (env, view) in lz.environments.iter().zip(&readme.environments) {
                for row in view.resources.iter().flat_map(|s| &s.rows) {
                    assert!(
                        row.key.as_ref().is_none_or(|key| env.deploys(key)),
                        "{example} {}: {:?} is listed but not created",
                        env.name,
                        row.key
                    );
                }
            }
        }
    }
}
