//! The closed sets of the input schema as enums: a SKU, a tier, a mode.
//!
//! The schema has already refused anything outside a set, so these only make the rest of the
//! code say `FirewallTier::Basic` where it said `"Basic"`: a typo is a compile error. Each serializes
//! to the text the schema, the Bicep type aliases and the Terraform validations use; a test
//! (`model::params::declarations`) holds all four to the same values. Not for sets meg decides
//! itself (the `deploy` flags live in `model::deploy`).

use serde::{Deserialize, Serialize};

/// Declares a closed set: the enum, its serde names, and its text (`as_str`, `Display`).
///
/// The enum's doc names the key for readers of the code; the schema's description of a closed
/// set is the field's that holds it (none for a list's or a map's values). A set that is a
/// definition of its own under `$defs` (`closed_set! { def ... }`) keeps its doc as its
/// description.
macro_rules! closed_set {
    (def $(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        closed_set!(@enum [$(#[$doc])*] $name { $($variant = $text),+ });
    };
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        closed_set!(@enum [$(#[$doc])* #[schemars(description = "")]] $name { $($variant = $text),+ });
    };
    (@enum [$(#[$doc:meta])*] $name:ident { $($variant:ident = $text:literal),+ }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
        // After the derive, so a set can carry `#[schemars(..)]` (its definition's extras).
        $(#[$doc])*
        // Variants spell Azure's own values (`VpnGw1AZ`, `ErGw1AZ`), shared suffixes included.
        #[allow(clippy::enum_variant_names)]
        pub enum $name {
            $(#[doc = concat!("`", $text, "`.")] #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// The value as the input spells it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

closed_set! {
    /// `tier`: the preset (`catalog/presets/<tier>.yaml`) an environment or a platform hub
    /// starts from.
    Tier { Dev = "dev", Test = "test", Prod = "prod" }
}

closed_set! {
    /// `keyVault.sku`.
    KeyVaultSku { Standard = "standard", Premium = "premium" }
}

closed_set! {
    /// `firewall.tier`: Basic has no DNS proxy and needs a management subnet and public IP.
    FirewallTier { Basic = "Basic", Standard = "Standard", Premium = "Premium" }
}

closed_set! {
    /// `firewall.threatIntelMode`.
    ThreatIntelMode { Alert = "Alert", Deny = "Deny" }
}

closed_set! {
    /// `bastion.sku`.
    BastionSku { Basic = "Basic", Standard = "Standard", Premium = "Premium" }
}

closed_set! {
    /// `vpnGateway.sku`: the zone-redundant SKUs only.
    VpnGatewaySku {
        VpnGw1Az = "VpnGw1AZ",
        VpnGw2Az = "VpnGw2AZ",
        VpnGw3Az = "VpnGw3AZ",
        VpnGw4Az = "VpnGw4AZ",
        VpnGw5Az = "VpnGw5AZ",
    }
}

closed_set! {
    def
    /// Management lock on the platform resources (hub and spoke networks, firewall, gateways,
    /// Bastion, vaults, Log Analytics workspace, Front Door, Application Gateway): CanNotDelete
    /// keeps them from being deleted, ReadOnly also from being changed, None (the default) sets
    /// no lock. CAF advises CanNotDelete for production platform resources (Reliability: not
    /// deleted by mistake); set it once the environment's servers are migrated, since a lock on
    /// a vault blocks stopping a server's backup or replication, and the deployer then needs
    /// Microsoft.Authorization/locks/* (not in Contributor). terraform destroy removes each lock
    /// before its resource; a change that replaces a locked resource fails until the lock is
    /// removed.
    // The kinds are the levels of Azure's `Microsoft.Authorization/locks` and AVM's lock
    // interface; the schema's `$defs/lock`.
    #[schemars(extend("default" = "None"))]
    LockKind { None = "None", CanNotDelete = "CanNotDelete", ReadOnly = "ReadOnly" }
}

closed_set! {
    /// `expressRoute.sku`: the zone-redundant gateway SKUs only.
    ExpressRouteGatewaySku { ErGw1Az = "ErGw1AZ", ErGw2Az = "ErGw2AZ", ErGw3Az = "ErGw3AZ" }
}

closed_set! {
    /// `paas.ingress`: what fronts an application's web apps.
    Ingress {
        FrontDoor = "frontDoor",
        ApplicationGateway = "applicationGateway",
        None = "none",
    }
}

impl Default for Ingress {
    /// The schema's default.
    fn default() -> Self {
        Ingress::None
    }
}

closed_set! {
    /// `migration.virtualMachines.<name>.os`.
    VmOs { Windows = "windows", Linux = "linux" }
}

impl Default for VmOs {
    /// Never used: `os` is required by the schema; `Default` is for the settings' derive.
    fn default() -> Self {
        VmOs::Linux
    }
}

closed_set! {
    /// `migration.backup.storageRedundancy`: the Recovery Services vault's storage.
    BackupStorageRedundancy {
        LocallyRedundant = "LocallyRedundant",
        ZoneRedundant = "ZoneRedundant",
        GeoRedundant = "GeoRedundant",
    }
}

impl Default for BackupStorageRedundancy {
    /// The schema's default.
    fn default() -> Self {
        BackupStorageRedundancy::LocallyRedundant
    }
}

closed_set! {
    /// `migration.patching.weekday`: the day of the maintenance window.
    Weekday {
        Monday = "Monday",
        Tuesday = "Tuesday",
        Wednesday = "Wednesday",
        Thursday = "Thursday",
        Friday = "Friday",
        Saturday = "Saturday",
        Sunday = "Sunday",
    }
}

impl Default for Weekday {
    /// The schema's default.
    fn default() -> Self {
        Weekday::Tuesday
    }
}

closed_set! {
    /// `migration.patching.reboot`: whether Update Manager reboots after patching.
    RebootSetting { IfRequired = "IfRequired", Never = "Never", Always = "Always" }
}

impl Default for RebootSetting {
    /// The schema's default.
    fn default() -> Self {
        RebootSetting::IfRequired
    }
}

closed_set! {
    /// `paas.appService.sku`: the App Service plan's SKU.
    AppServiceSku {
        B1 = "B1",
        B2 = "B2",
        S1 = "S1",
        P0v3 = "P0v3",
        P1v3 = "P1v3",
        P2v3 = "P2v3",
        P3v3 = "P3v3",
    }
}

impl AppServiceSku {
    /// The most instances a plan of this SKU runs (App Service limits: Basic 3, Standard 10,
    /// Premium v3 30; learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#app-service-limits).
    pub fn max_instances(self) -> u32 {
        match self {
            AppServiceSku::B1 | AppServiceSku::B2 => 3,
            AppServiceSku::S1 => 10,
            AppServiceSku::P0v3
            | AppServiceSku::P1v3
            | AppServiceSku::P2v3
            | AppServiceSku::P3v3 => 30,
        }
    }
}

impl Default for AppServiceSku {
    /// The schema's default.
    fn default() -> Self {
        AppServiceSku::P0v3
    }
}

closed_set! {
    /// `paas.sql.edition`: the vCore service tier of the databases.
    SqlEdition {
        GeneralPurpose = "GeneralPurpose",
        BusinessCritical = "BusinessCritical",
        Hyperscale = "Hyperscale",
    }
}

impl Default for SqlEdition {
    /// The schema's default.
    fn default() -> Self {
        SqlEdition::GeneralPurpose
    }
}

closed_set! {
    /// `paas.sql.backupStorageRedundancy`: where Azure SQL keeps the backups.
    SqlBackupStorageRedundancy { Local = "Local", Zone = "Zone", Geo = "Geo", GeoZone = "GeoZone" }
}

impl Default for SqlBackupStorageRedundancy {
    /// The schema's default.
    fn default() -> Self {
        SqlBackupStorageRedundancy::Local
    }
}

closed_set! {
    def
    /// The landing-zones management group governance places this environment's subscription
    /// under: corp (reached from the corporate network through the hub, no public endpoints) or
    /// online (internet-facing). Default: corp. Set at the top level for every environment, or
    /// per environment; needs subscriptionId and governance.enabled.
    // The schema's `$defs/managementGroup`.
    #[schemars(extend(
        "$comment" = "CAF, 'Tailor the Azure landing zone architecture': Corp and Online are the application landing-zone management groups; a subscription has exactly one parent management group."
    ))]
    LandingZoneGroup { Corp = "corp", Online = "online" }
}

closed_set! {
    /// `migration.patching.windowsClassifications`: the Windows update classifications Update
    /// Manager installs (the maintenance configuration's `classificationsToInclude`).
    WindowsClassification {
        Critical = "Critical",
        Security = "Security",
        UpdateRollup = "UpdateRollup",
        FeaturePack = "FeaturePack",
        ServicePack = "ServicePack",
        Definition = "Definition",
        Tools = "Tools",
        Updates = "Updates",
    }
}

closed_set! {
    /// `migration.patching.linuxClassifications`: the Linux package classifications Update
    /// Manager installs.
    LinuxClassification { Critical = "Critical", Security = "Security", Other = "Other" }
}

closed_set! {
    /// `migration.virtualMachines.<name>.zone`: an availability zone.
    AvailabilityZone { One = "1", Two = "2", Three = "3" }
}

closed_set! {
    /// The managed disk storage types meg offers for a VM's disks
    /// (`migration.virtualMachines.<name>.osDiskStorage`, `dataDiskStorage`,
    /// `migration.inventory.sizing.diskStorage`). Premium SSD v2 is not offered: see the
    /// schema's `diskStorage`.
    DiskStorage {
        PremiumLrs = "Premium_LRS",
        StandardSsdLrs = "StandardSSD_LRS",
        StandardLrs = "Standard_LRS",
    }
}

closed_set! {
    /// `migratedFrom.sizeSource`: where an inventory server's VM size came from, the
    /// assessment's recommendation or meg's rule over its size on premises.
    SizeSource { Assessment = "assessment", AsOnPremises = "asOnPremises" }
}

closed_set! {
    /// `migratedFrom.licenseType`: the replicated VM's licence, `WindowsServer` with Azure
    /// Hybrid Benefit.
    LicenseType { WindowsServer = "WindowsServer", NoLicenseType = "NoLicenseType" }
}

closed_set! {
    /// `migratedFrom.platform`: where a server that is not a VMware VM runs on premises.
    NonVmwarePlatform { HyperV = "hyperV", Physical = "physical", Other = "other" }
}
