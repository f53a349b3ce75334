//! The closed sets of the input schema as enums: a SKU, a tier, a mode.
//!
//! The schema has already refused anything outside a set, so these only make the rest of the
//! code say `FirewallTier::Basic` where it said `"Basic"`: a typo is a compile error. Each serializes
//! to the text the schema, the Bicep type aliases and the Terraform validations use; a test
//! (`model::params::declarations`) holds all four to the same values. Not for sets meg decides
//! itself (the `deploy` flags live in `model::deploy`).

use serde::{Deserialize, Serialize};

/// Declares a closed set: the enum, its serde names, and its text (`as_str`, `Display`).
macro_rules! closed_set {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
        // Variants spell Azure's own values (`VpnGw1AZ`, `ErGw1AZ`), shared suffixes included.
        #[allow(clippy::enum_variant_names)]
        pub enum $name {
            $(#[doc = concat!("`", $text, "`.")] #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// The value as the input spells it.
            pub fn as_str(self) -> &'static str {
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
    /// `lock`: the management lock on an environment's platform resources, in the kinds of
    /// Azure's `Microsoft.Authorization/locks` level and AVM's lock interface.
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
    /// `managementGroup`: the application landing-zone group an environment's subscription
    /// goes under (CAF: corp is reached through the hub, online faces the internet).
    LandingZoneGroup { Corp = "corp", Online = "online" }
}
