//! The resources with a fixed name key (`firewall`, `migrateProject`): one variant each, with
//! its key, its naming kind, the workload token of its name and the part of the code it belongs
//! to.
//!
//! This table is the one place a fixed name is declared: the model names each row, the
//! templates see its key in `names` and `lz.name_keys`, and Rust reads it back by variant
//! (`NameKey::Fixed(FixedName::Firewall)`), so a misspelt key is a compile error. Whether the
//! code holds a fixed name follows from its [`Part`], a closed set matched against the
//! [`Deploy`] flags: a key does not say by its spelling which component it is
//! (`firewallManagementPublicIp` began with `firewall`). Keys built from the input's names (a
//! spoke, a VM) are [`NameKey`](crate::model::name_key::NameKey)'s other variants.

use std::fmt;

use serde::{Serialize, Serializer};

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

/// Declares the fixed names once: the enum, every variant's key (its text in `names`, the README
/// and `naming.overrides`), naming kind (catalog/naming/abbreviations.yaml), workload token and
/// part, and the list of all of them in the order the `names` parameter holds them.
macro_rules! fixed_names {
    ($($variant:ident = $key:literal => ($kind:literal, $workload:literal, $part:ident),)+) => {
        /// A resource with a fixed name key (see the module documentation).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        pub enum FixedName {
            $(
                #[doc = concat!("`", $key, "`, a `", $kind, "`.")]
                $variant,
            )+
        }

        impl FixedName {
            /// Every fixed name, in the order of the `names` parameter: the platform's, then
            /// the workloads'.
            pub const ALL: &[FixedName] = &[$(FixedName::$variant,)+];

            /// Its key in `names` (`firewallPublicIp`).
            pub fn key(self) -> &'static str {
                match self {
                    $(FixedName::$variant => $key,)+
                }
            }

            /// Its naming kind (catalog/naming/abbreviations.yaml).
            pub fn kind(self) -> &'static str {
                match self {
                    $(FixedName::$variant => $kind,)+
                }
            }

            /// The workload token of its name (`{name}` for the landing zone's name).
            pub fn workload(self) -> &'static str {
                match self {
                    $(FixedName::$variant => $workload,)+
                }
            }

            /// The part of the code it belongs to.
            pub fn part(self) -> Part {
                match self {
                    $(FixedName::$variant => Part::$part,)+
                }
            }
        }
    };
}

fixed_names! {
    // The platform: resource groups, management, security and the hub.
    ConnectivityResourceGroup = "connectivityResourceGroup"
        => ("resourceGroup", "connectivity", Hub),
    ManagementResourceGroup = "managementResourceGroup" => ("resourceGroup", "management", Always),
    SecurityResourceGroup = "securityResourceGroup" => ("resourceGroup", "security", KeyVault),
    LogAnalyticsWorkspace = "logAnalyticsWorkspace"
        => ("logAnalyticsWorkspace", "management", Always),
    KeyVault = "keyVault" => ("keyVault", "{name}", KeyVault),
    KeyVaultPrivateEndpoint = "keyVaultPrivateEndpoint"
        => ("privateEndpoint", "kv-platform", KeyVault),
    HubVirtualNetwork = "hubVirtualNetwork" => ("virtualNetwork", "hub", Hub),
    Firewall = "firewall" => ("firewall", "hub", Firewall),
    FirewallPolicy = "firewallPolicy" => ("firewallPolicy", "hub", Firewall),
    FirewallPublicIp = "firewallPublicIp" => ("publicIpAddress", "firewall", Firewall),
    FirewallManagementPublicIp = "firewallManagementPublicIp"
        => ("publicIpAddress", "firewall-mgmt", FirewallManagement),
    Bastion = "bastion" => ("bastionHost", "hub", Bastion),
    BastionPublicIp = "bastionPublicIp" => ("publicIpAddress", "bastion", Bastion),
    VpnGateway = "vpnGateway" => ("vpnGateway", "hub", VpnGateway),
    VpnGatewayPublicIp = "vpnGatewayPublicIp" => ("publicIpAddress", "vpng", VpnGateway),
    VpnGatewaySecondPublicIp = "vpnGatewaySecondPublicIp"
        => ("publicIpAddress", "vpng-2", VpnGateway),
    ExpressRouteGateway = "expressRouteGateway" => ("expressRouteGateway", "hub", ExpressRoute),
    ExpressRouteConnection = "expressRouteConnection" => ("connection", "er", ExpressRoute),
    DnsResolver = "dnsResolver" => ("dnsPrivateResolver", "hub", DnsResolver),
    DnsResolverInboundEndpoint = "dnsResolverInboundEndpoint"
        => ("dnsResolverInboundEndpoint", "hub", DnsResolver),
    DnsResolverOutboundEndpoint = "dnsResolverOutboundEndpoint"
        => ("dnsResolverOutboundEndpoint", "hub", DnsResolver),
    DnsForwardingRuleset = "dnsForwardingRuleset"
        => ("dnsForwardingRuleset", "onprem", DnsResolver),
    DdosProtectionPlan = "ddosProtectionPlan" => ("ddosProtectionPlan", "hub", DdosProtection),
    ArcPrivateLinkScope = "arcPrivateLinkScope"
        => ("arcPrivateLinkScope", "arc", ArcPrivateLinkScope),
    ArcPrivateLinkScopePrivateEndpoint = "arcPrivateLinkScopePrivateEndpoint"
        => ("privateEndpoint", "arc", ArcPrivateLinkScope),
    HubToSpokeRouteTable = "hubToSpokeRouteTable" => ("routeTable", "hub-gateway", HubGateway),

    // Rehost (`model::workloads::rehost`).
    MigrationResourceGroup = "migrationResourceGroup" => ("resourceGroup", "migration", Migration),
    RecoveryServicesVault = "recoveryServicesVault"
        => ("recoveryServicesVault", "backup", Migration),
    MigrateProject = "migrateProject" => ("migrateProject", "srv", Migration),
    MaintenanceConfiguration = "maintenanceConfiguration"
        => ("maintenanceConfiguration", "servers", Migration),
    DiskEncryptionKeyVault = "diskEncryptionKeyVault" => ("keyVault", "cmk", Migration),
    DiskEncryptionKeyVaultPrivateEndpoint = "diskEncryptionKeyVaultPrivateEndpoint"
        => ("privateEndpoint", "kv-cmk", Migration),
    DiskEncryptionSet = "diskEncryptionSet" => ("diskEncryptionSet", "servers", Migration),
    DiskEncryptionIdentity = "diskEncryptionIdentity"
        => ("userAssignedIdentity", "des-servers", Migration),
    DataCollectionRule = "dataCollectionRule" => ("dataCollectionRule", "servers", VirtualMachines),
    // The identity of the policies that enrol the servers Azure Migrate brings (model::enrolment).
    EnrolmentIdentity = "enrolmentIdentity" => ("userAssignedIdentity", "enrol", Enrolment),
    RecoveryResourceGroup = "recoveryResourceGroup" => ("resourceGroup", "recovery", SiteRecovery),
    SiteRecoveryVault = "siteRecoveryVault" => ("recoveryServicesVault", "asr", SiteRecovery),
    SiteRecoveryReplicationPolicy = "siteRecoveryReplicationPolicy"
        => ("siteRecoveryReplicationPolicy", "vms", SiteRecovery),
    SiteRecoveryCacheStorage = "siteRecoveryCacheStorage"
        => ("storageAccount", "asrcache", SiteRecovery),
    // A disk encryption set only takes a key of a vault in its own region, and Site Recovery
    // refuses to replicate disks encrypted with customer-managed keys without a set in the
    // recovery region: the same three resources again, named with the recovery region's code.
    RecoveryDiskEncryptionKeyVault = "recoveryDiskEncryptionKeyVault"
        => ("keyVault", "cmk", SiteRecovery),
    RecoveryDiskEncryptionSet = "recoveryDiskEncryptionSet"
        => ("diskEncryptionSet", "servers", SiteRecovery),
    RecoveryDiskEncryptionIdentity = "recoveryDiskEncryptionIdentity"
        => ("userAssignedIdentity", "des-servers", SiteRecovery),

    // Refactor (`model::workloads::refactor`).
    FrontDoorProfile = "frontDoorProfile" => ("frontDoorProfile", "edge", FrontDoor),
    FrontDoorWafPolicy = "frontDoorWafPolicy" => ("wafPolicy", "edge", FrontDoor),
    DatabaseMigrationService = "databaseMigrationService"
        => ("databaseMigrationService", "sql", DatabaseMigration),
}

impl FixedName {
    /// The fixed name whose key is `key`, if any.
    pub fn from_key(key: &str) -> Option<FixedName> {
        FixedName::ALL.iter().copied().find(|f| f.key() == key)
    }
}

impl fmt::Display for FixedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Serialized as its key, as the templates read it (`lz.name_keys`).
impl Serialize for FixedName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_its_own() {
        for (i, f) in FixedName::ALL.iter().enumerate() {
            assert_eq!(FixedName::from_key(f.key()), Some(*f));
            assert!(
                FixedName::ALL[..i].iter().all(|g| g.key() != f.key()),
                "{f} is declared twice"
            );
            // A key is the variant's name in camelCase: what templates read is what Rust says.
            let variant = format!("{f:?}");
            let mut camel = variant[..1].to_lowercase();
            camel.push_str(&variant[1..]);
            assert_eq!(f.key(), camel);
        }
        assert_eq!(FixedName::from_key("firewal"), None);
    }
}
