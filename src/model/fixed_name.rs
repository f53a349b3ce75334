//! The resources filed under a fixed name key (`firewall`, `migrateProject`), each with the part
//! of the code it belongs to.
//!
//! Whether the code holds a fixed name (the `names` parameter, `lz.name_keys`) follows from its
//! [`Part`], a closed set matched against the [`Deploy`] flags: a key no longer says by its
//! spelling which component it is (`firewallManagementPublicIp` began with `firewall`). The
//! tables themselves live with their owners (the platform's in `model`, each workload's in its
//! module); keys built from the input's names (a spoke, a VM) are `name_key`'s.

use crate::model::deploy::Deploy;

/// The part of the code a fixed name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// In every environment's code (resource groups, the workspace, the platform vault).
    Always,
    /// The platform Key Vault and its resource group (every environment's root; no platform
    /// hub's).
    KeyVault,
    /// The hub meg creates.
    Hub,
    /// Azure Firewall.
    Firewall,
    /// Azure Firewall Basic's management address.
    FirewallManagement,
    /// Azure Bastion.
    Bastion,
    /// The VPN gateway.
    VpnGateway,
    /// The ExpressRoute gateway and connection.
    ExpressRoute,
    /// The DNS Private Resolver.
    DnsResolver,
    /// The DDoS protection plan.
    DdosProtection,
    /// Azure Arc's private link scope.
    ArcPrivateLinkScope,
    /// The GatewaySubnet's route table, with a VPN or ExpressRoute gateway.
    HubGateway,
    /// Rehost: migration, backup, patching and disk encryption.
    Migration,
    /// Rehost: Site Recovery to the recovery region.
    SiteRecovery,
    /// Rehost: the VMs meg deploys (their data collection rule).
    VirtualMachines,
    /// Rehost: the policies that enrol the servers Azure Migrate brings (`model::enrolment`).
    Enrolment,
    /// Refactor: Azure Front Door.
    FrontDoor,
    /// Refactor: Azure Database Migration Service.
    DatabaseMigration,
}

impl Part {
    /// Whether the code holds this part.
    pub fn deployed(self, d: &Deploy) -> bool {
        match self {
            Part::Always => true,
            Part::KeyVault => d.key_vault,
            Part::Hub => d.hub,
            Part::Firewall => d.firewall,
            Part::FirewallManagement => d.firewall_management,
            Part::Bastion => d.bastion,
            Part::VpnGateway => d.vpn_gateway,
            Part::ExpressRoute => d.express_route,
            Part::DnsResolver => d.dns_resolver,
            Part::DdosProtection => d.ddos_protection,
            Part::ArcPrivateLinkScope => d.arc_private_link_scope,
            Part::HubGateway => d.hub_gateway,
            Part::Migration => d.migration,
            Part::SiteRecovery => d.site_recovery,
            Part::VirtualMachines => d.virtual_machines,
            Part::Enrolment => d.enrolment,
            Part::FrontDoor => d.front_door,
            Part::DatabaseMigration => d.database_migration,
        }
    }
}

/// A resource with a fixed name key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedName {
    /// Its key in `names` (`firewallPublicIp`).
    pub key: &'static str,
    /// Its naming kind (catalog/naming/abbreviations.yaml).
    pub kind: &'static str,
    /// The workload token of its name (`{name}` for the landing zone's name).
    pub workload: &'static str,
    /// The part of the code it belongs to.
    pub part: Part,
}

impl FixedName {
    /// A table row.
    pub const fn new(
        key: &'static str,
        kind: &'static str,
        workload: &'static str,
        part: Part,
    ) -> Self {
        FixedName {
            key,
            kind,
            workload,
            part,
        }
    }
}
