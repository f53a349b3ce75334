//! Which optional parts the rendered code holds: a part is in the code when at least one
//! environment deploys it, and each environment then switches it with its `enabled` parameter.
//!
//! Templates read these as `deploy.<part>` (`deploy.vpnGateway`); Rust reads them as fields, so
//! a misspelt part is a compile error rather than a panic. Not the per-environment switches:
//! those are the components' parameters (`model::params`).

use serde::Serialize;

use crate::input::settings::Settings;
use crate::model::facts;

/// Declares the flags once: the struct, its serialized names (camelCase, as the templates
/// read them) and the union of two environments' flags.
macro_rules! deploy_flags {
    ($($(#[$doc:meta])* $field:ident,)+) => {
        /// Which optional parts the code holds (see the module documentation).
        ///
        /// Fields are in the alphabetical order of their camelCase names, so the serialized
        /// object reads as the map it replaces.
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct Deploy {
            $($(#[$doc])* pub $field: bool,)+
        }

        impl Deploy {
            /// The parts either holds.
            #[must_use]
            pub fn or(self, other: Deploy) -> Deploy {
                Deploy { $($field: self.$field || other.$field,)+ }
            }
        }
    };
}

deploy_flags! {
    /// Refactor: an Application Gateway in front of each application's web apps.
    application_gateway,
    /// An Azure Arc private link scope in the hub.
    arc_private_link_scope,
    /// Azure Bastion in the hub.
    bastion,
    /// Refactor: a Container Apps environment in some application.
    container_apps,
    /// Refactor: Azure Database Migration Service.
    database_migration,
    /// A DDoS Network Protection plan.
    ddos_protection,
    /// A DNS Private Resolver in the hub.
    dns_resolver,
    /// Rehost: servers Azure Migrate brings, enrolled in backup and patching by tag
    /// (`model::enrolment`).
    enrolment,
    /// The environments peer to a hub meg does not create (`network.hub.existing`).
    existing_hub,
    /// An ExpressRoute gateway.
    express_route,
    /// The ExpressRoute circuit is another subscription's: the connection redeems a key.
    express_route_authorization,
    /// Azure Firewall in the hub.
    firewall,
    /// The Basic firewall's management subnet and public IP.
    firewall_management,
    /// Refactor: one Front Door profile in front of the web apps.
    front_door,
    /// Management groups and the policy baseline.
    governance,
    /// The hub meg creates.
    hub,
    /// The hub has a gateway to on-premises networks, VPN or ExpressRoute: the gateway route
    /// table and gateway transit exist then.
    hub_gateway,
    /// The environment's own Key Vault and its security resource group: every environment
    /// root has them; a platform hub has no consumer for one (`Deploy::of_platform_hub`).
    key_vault,
    /// Rehost: Linux virtual machines meg deploys.
    linux_virtual_machines,
    /// Rehost: the migration resource group, backup, patching and disk encryption.
    migration,
    /// The spokes reach on-premises networks, through the hub's own gateways or those of the
    /// hub they attach to: the on-premises prefixes exist then, for the NSGs (and a hub's
    /// firewall).
    on_premises,
    /// Refactor: the applications on platform services.
    paas,
    /// Rehost: Azure Site Recovery into a second region.
    site_recovery,
    /// Site-to-site VPN connections to on-premises sites.
    site_to_site,
    /// Every environment names its subscription (`subscriptionId`): the Terraform root pins
    /// its provider to it.
    subscription_id,
    /// The hub's private DNS zones are linked to every spoke.
    spoke_dns_zone_links,
    /// The root creates spokes and peers them to its hub: every environment root does; the
    /// platform root does not (each attached environment deploys its own spokes).
    spokes,
    /// Rehost: virtual machines meg deploys.
    virtual_machines,
    /// A VPN gateway.
    vpn_gateway,
    /// Rehost: Windows virtual machines meg deploys.
    windows_virtual_machines,
}

impl Deploy {
    /// The parts one environment deploys (governance is the landing zone's, not an environment's).
    pub fn of(s: &Settings) -> Deploy {
        let vpn = s.vpn_gateway.enabled;
        let existing_hub = s.network.hub.existing.is_some();
        let m = &s.migration;
        let p = &s.paas;
        // Replicated servers are Azure Migrate's to create (model::waves): not VMs of the environment.
        let vms = || m.created_vms().map(|(_, vm)| vm);
        Deploy {
            hub: !existing_hub,
            hub_gateway: vpn || s.express_route.enabled,
            on_premises: crate::model::routing::reaches_on_premises(s),
            existing_hub,
            firewall: s.firewall.enabled,
            firewall_management: crate::model::subnet_rules::needs_firewall_management(s),
            bastion: s.bastion.enabled,
            vpn_gateway: vpn,
            site_to_site: vpn && !s.on_premises.sites.is_empty(),
            express_route: s.express_route.enabled,
            express_route_authorization: s.express_route.needs_authorization_key(),
            dns_resolver: s.dns_resolver.enabled,
            enrolment: crate::model::enrolment::has_replicated(s),
            ddos_protection: s.ddos_protection.enabled,
            arc_private_link_scope: s.arc.private_link_scope,
            spoke_dns_zone_links: facts::links_private_dns_zones_to_spokes(s),
            migration: m.enabled,
            site_recovery: m.enabled && m.site_recovery.enabled,
            virtual_machines: m.enabled && vms().next().is_some(),
            windows_virtual_machines: m.enabled && vms().any(|v| v.windows()),
            linux_virtual_machines: m.enabled && vms().any(|v| !v.windows()),
            paas: p.enabled,
            front_door: facts::front_door(s),
            application_gateway: facts::application_gateway(s),
            container_apps: p.enabled && p.applications.values().any(|a| a.container_apps),
            database_migration: p.enabled && p.database_migration.enabled,
            subscription_id: s.subscription_id.is_some(),
            governance: false,
            key_vault: true,
            spokes: true,
        }
    }

    /// The parts a platform hub (`hubs:`) deploys: the hub and its services, without what an
    /// environment root adds around its hub (spokes and their zone links, the environment's Key
    /// Vault). CAF puts the hub, firewall, gateways, resolver, private DNS zones and the
    /// management workspace in the platform; spokes and workloads are the application landing
    /// zones'.
    pub fn of_platform_hub(s: &Settings) -> Deploy {
        Deploy {
            key_vault: false,
            spokes: false,
            spoke_dns_zone_links: false,
            ..Deploy::of(s)
        }
    }
}
