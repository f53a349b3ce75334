//! The `migration` settings of one environment (rehost): backup, patching, Site Recovery and
//! the virtual machines meg deploys itself, and (top level only) the inventory and the waves.
//! The schema's `migration` definition is derived from these types (`input::schema_source`):
//! doc comments are its descriptions, `schemars` attributes its limits, `Default` its defaults.
//! Types and fields the schema leaves undescribed carry plain comments, since a description
//! also becomes a hint in the schema's messages.
//!
//! Input only: what the workload makes of them lives in `model::workloads::rehost`, and the
//! inventory and waves are read from the top level by `inventory::enrol`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::input::closed_sets::{
    AvailabilityZone, BackupStorageRedundancy, DiskStorage, LicenseType, LinuxClassification,
    NonVmwarePlatform, RebootSetting, SizeSource, VmOs, Weekday, WindowsClassification,
};
use crate::input::inventory_settings::InventorySettings;
use crate::input::schema_kinds::{
    Guid, ImagePart, Region, SPOKE_NAME_PATTERN, SPOKE_NAME_RULE, SpokeName, SubnetName, TimeZone,
    no_default,
};

/// Rehost: what servers moved as they are need around them (backup, Site Recovery, Azure
/// Migrate, patching).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct Migration {
    /// Deploy the rehost workload resources: a migration resource group with the Azure Migrate
    /// project, a Recovery Services vault and backup policy, an Update Manager maintenance
    /// configuration and a Key Vault with a disk encryption set for customer-managed disk keys.
    pub enabled: bool,
    /// Entra object IDs (users, groups or service principals) given Key Vault Crypto Officer on
    /// the disk encryption Key Vault, to rotate or recover the disk keys (the vault uses Azure
    /// RBAC: nobody else can).
    #[schemars(with = "Vec<Guid>", extend("uniqueItems" = true))]
    pub key_vault_administrators: Vec<String>,
    pub backup: Backup,
    pub patching: Patching,
    pub site_recovery: SiteRecovery,
    /// Virtual machines meg deploys itself, by name (also the computer name, at most 15
    /// characters); most servers arrive through Azure Migrate instead.
    // `VirtualMachine` is not `Serialize`, so schemars cannot print the empty map itself.
    #[schemars(extend("default" = {}))]
    pub virtual_machines: BTreeMap<String, VirtualMachine>,
    // Read once from the top level by `inventory::enrol`, before the environments; an
    // environment's copy is not read. (Its description is `InventorySettings`'.)
    pub inventory: Option<InventorySettings>,
    /// Migration waves you choose, in the order they run within an environment: each a name
    /// and its servers (names as the inventory gives them, or host names, ignoring case; *
    /// wildcards). A server named here moves in that wave whatever the exports say; an exact
    /// name wins over a pattern, and of patterns the first wave written. Servers no wave names
    /// take the inventory's wave column (Wave, Wave Number, Migration wave…), else their
    /// assessment's Group name, else waves meg derives from the dependency export (servers
    /// that depend on each other both ways together, dependencies in the same or an earlier
    /// wave). A wave moves into one environment; dev and test waves run before prod. Top level
    /// only; needs migration.inventory.
    // Read from the top level, with where each entry is written, by `inventory::wave_settings`.
    pub waves: Vec<Wave>,
    /// The most servers a wave meg derives moves at once; larger sets are split into more
    /// waves, dependencies first. Servers that depend on each other in both directions stay
    /// together even beyond it (with a warning), and waves you declare or an export names are
    /// never split (a warning says when one is larger). Default 300: Azure Migrate's agentless
    /// VMware migration replicates at most 300 VMs at once per vCenter Server with one
    /// appliance, 500 with a scale-out appliance
    /// (learn.microsoft.com/azure/migrate/migrate-support-matrix-vmware-migration), and a wave
    /// replicates all its servers at once. Above 500 meg warns. Top level only.
    #[schemars(range(min = 1))]
    pub wave_size: u32,
}
impl Default for Migration {
    /// The schema's defaults.
    fn default() -> Self {
        Migration {
            enabled: false,
            key_vault_administrators: Vec::new(),
            backup: Backup::default(),
            patching: Patching::default(),
            site_recovery: SiteRecovery::default(),
            virtual_machines: BTreeMap::new(),
            inventory: None,
            waves: Vec::new(),
            wave_size: 300,
        }
    }
}

/// Azure Backup of the migrated servers: one Recovery Services vault and a daily VM policy
/// (Enhanced).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct Backup {
    /// Where the vault keeps backup copies; fixed once the first item is protected
    /// (Reliability: GeoRedundant survives a region loss).
    pub storage_redundancy: BackupStorageRedundancy,
    /// Allow restores in the paired region at any time, not only after Microsoft declares a
    /// disaster (needs GeoRedundant).
    pub cross_region_restore: bool,
    /// Daily backup start time (HH:00 or HH:30), in timeZone.
    #[schemars(
        regex(pattern = r"^([01][0-9]|2[0-3]):(00|30)$"),
        extend(
            "x-rule" = "a time of day on the hour or the half hour, as HH:00 or HH:30 on a 24-hour clock, such as 23:30"
        )
    )]
    pub schedule_time: String,
    /// Windows time zone ID of the backup schedule and the patch window.
    #[schemars(with = "TimeZone")]
    pub time_zone: String,
    /// Days a daily recovery point is kept.
    #[schemars(range(min = 7, max = 9999))]
    pub daily_retention_days: u32,
    /// Weeks the Sunday recovery point is kept.
    #[schemars(range(min = 1, max = 5163))]
    pub weekly_retention_weeks: u32,
    /// Months the first Sunday's recovery point is kept.
    #[schemars(range(min = 1, max = 1188))]
    pub monthly_retention_months: u32,
    /// Days snapshots stay next to the disks for fast restores (Enhanced policy: 1 to 30).
    #[schemars(range(min = 1, max = 30))]
    pub instant_restore_days: u32,
}

impl Default for Backup {
    /// The schema's defaults.
    fn default() -> Self {
        Backup {
            storage_redundancy: BackupStorageRedundancy::LocallyRedundant,
            cross_region_restore: false,
            schedule_time: "23:00".into(),
            time_zone: "UTC".into(),
            daily_retention_days: 7,
            weekly_retention_weeks: 4,
            monthly_retention_months: 1,
            instant_restore_days: 2,
        }
    }
}

/// Azure Update Manager maintenance window (in-guest patching) for the servers.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct Patching {
    /// Day of the weekly patch window.
    pub weekday: Weekday,
    /// Start of the window (HH:MM) in patching.timeZone.
    #[schemars(
        regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
        extend("x-rule" = "a time of day as HH:MM on a 24-hour clock, such as 22:00")
    )]
    pub start_time: String,
    /// Length of the window (HH:MM, 01:30 to 03:55 for in-guest patching).
    #[schemars(
        regex(pattern = r"^(01:[3-5][0-9]|02:[0-5][0-9]|03:([0-4][0-9]|5[0-5]))$"),
        extend("x-rule" = "a duration as HH:MM from 01:30 to 03:55")
    )]
    pub duration: String,
    /// Windows time zone ID of the window.
    #[schemars(with = "TimeZone")]
    pub time_zone: String,
    /// Reboot after patching.
    pub reboot: RebootSetting,
    /// Windows update classifications installed in the window.
    #[schemars(with = "Vec<WindowsClassification>")]
    pub windows_classifications: Vec<String>,
    /// Linux package classifications installed in the window.
    #[schemars(with = "Vec<LinuxClassification>")]
    pub linux_classifications: Vec<String>,
}

impl Default for Patching {
    /// The schema's defaults.
    fn default() -> Self {
        let critical_and_security = || vec!["Critical".to_string(), "Security".to_string()];
        Patching {
            weekday: Weekday::Tuesday,
            start_time: "22:00".into(),
            duration: "03:00".into(),
            time_zone: "UTC".into(),
            reboot: RebootSetting::IfRequired,
            windows_classifications: critical_and_security(),
            linux_classifications: critical_and_security(),
        }
    }
}

/// Azure Site Recovery (Azure-to-Azure): replicate the servers to a second region.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct SiteRecovery {
    /// Deploy a Site Recovery vault in the recovery region with fabrics, protection containers,
    /// a replication policy and a cache storage account.
    pub enabled: bool,
    /// Azure region the servers fail over to (usually the paired region, unless that is
    /// access-restricted: meg lint REL-006); must differ from the landing zone's.
    #[schemars(with = "Option<Region>")]
    pub recovery_location: Option<String>,
    /// Hours of crash-consistent recovery points kept.
    #[schemars(range(min = 1, max = 360))]
    pub recovery_point_retention_hours: u32,
    /// Hours between app-consistent snapshots; 0 for none.
    #[schemars(range(min = 0, max = 12))]
    pub app_consistent_frequency_hours: u32,
    /// Virtual network in the recovery region that each spoke fails over into: spoke name to
    /// virtual network resource ID.
    #[schemars(
        with = "BTreeMap<String, VirtualNetworkId>",
        extend(
            "propertyNames" = {
                "pattern": SPOKE_NAME_PATTERN,
                "x-rule": SPOKE_NAME_RULE,
                "description": "keys are spoke names (lower case, digits, hyphens)"
            },
            "$comment" = "Resource IDs: subscription GUID; resource group names 1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period (Azure naming rules, Microsoft.Resources/resourceGroups)."
        )
    )]
    pub recovery_networks: BTreeMap<String, String>,
}

impl Default for SiteRecovery {
    /// The schema's defaults.
    fn default() -> Self {
        SiteRecovery {
            enabled: false,
            recovery_location: None,
            recovery_point_retention_hours: 24,
            app_consistent_frequency_hours: 4,
            recovery_networks: BTreeMap::new(),
        }
    }
}

/// The resource ID of a virtual network, as `siteRecovery.recoveryNetworks` names one.
struct VirtualNetworkId;

impl JsonSchema for VirtualNetworkId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "virtualNetworkId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": r"^/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/resourceGroups/[-A-Za-z0-9_.()]{0,89}[-A-Za-z0-9_()]/providers/Microsoft\.Network/virtualNetworks/[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$",
            "x-rule": "the resource ID of a virtual network: /subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<name>"
        })
    }
}

// A virtual machine meg deploys itself (most arrive through Azure Migrate instead). Plain
// comments on types the schema leaves undescribed: a doc comment would become a description,
// and a hint in the schema's messages.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct VirtualMachine {
    /// Spoke whose network the VM joins.
    #[schemars(with = "SpokeName")]
    pub spoke: String,
    /// Subnet of that spoke (its name without snet-; workload when the spoke sets no subnets).
    #[schemars(with = "SubnetName")]
    pub subnet: String,
    /// Operating system family.
    pub os: VmOs,
    /// VM size, e.g. Standard_D4s_v5 (must support accelerated networking).
    #[schemars(
        regex(pattern = r"^(Standard|Basic)_[A-Za-z0-9]+([_-][A-Za-z0-9]+)*$"),
        length(max = 64),
        extend(
            "x-rule" = "an Azure VM size as the API spells it, such as Standard_D4s_v5",
            "$comment" = "Azure VM sizes naming conventions: Standard_ (or Basic_) then family, vCPUs, constrained vCPUs, features, accelerator and version joined by _ or - (Standard_D4s_v5, Standard_E64-32s_v5, Standard_NC24ads_A100_v4)."
        )
    )]
    pub size: String,
    /// Availability zone.
    #[serde(default)]
    #[schemars(with = "Option<AvailabilityZone>")]
    pub zone: Option<String>,
    /// OS disk size in GB; default: the image's.
    #[serde(default)]
    #[schemars(range(min = 30, max = 4095))]
    pub os_disk_size_gb: Option<u32>,
    /// Data disk sizes in GB, attached at LUN 0, 1, ...
    #[serde(default)]
    #[schemars(inner(range(min = 4, max = 32767)), transform = no_default)]
    pub data_disks: Vec<u32>,
    /// Marketplace image; default: Windows Server 2022 Azure Edition or Ubuntu 24.04 LTS.
    #[serde(default)]
    pub image: Option<Image>,
    /// OS disk storage type; default Premium_LRS (meg sets it for servers from an inventory:
    /// Premium SSD in production, Standard SSD elsewhere).
    #[serde(default)]
    #[schemars(with = "Option<DiskStorage>")]
    pub os_disk_storage: Option<String>,
    /// Storage type of each data disk, in the order of dataDisks; default Premium_LRS for each.
    #[serde(default)]
    #[schemars(with = "Vec<DiskStorage>", transform = no_default)]
    pub data_disk_storage: Vec<String>,
    /// The inventory row this VM was sized from; meg sets it for servers from
    /// migration.inventory, and the README shows it.
    #[serde(default)]
    pub migrated_from: Option<MigratedFrom>,
}

// Where a VM from an inventory came from, and why it has its size (its description in the
// schema is the `migratedFrom` field's).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct MigratedFrom {
    /// The server's name in the inventory.
    #[schemars(length(max = 256))]
    pub server: String,
    /// file:row of the inventory row.
    #[schemars(length(max = 1024))]
    pub origin: String,
    /// Where the size came from: the assessment's recommendation, or meg's rule over the
    /// server's size on premises.
    pub size_source: SizeSource,
    /// Why this size.
    #[schemars(length(max = 1024))]
    pub reason: String,
    /// The migration wave that replicates the server (bicep/waves/<wave>/,
    /// terraform/waves/<wave>/).
    #[serde(default)]
    #[schemars(
        regex(pattern = r"^[a-z0-9][a-z0-9-]{0,62}$"),
        extend(
            "x-rule" = "lower-case letters, digits and hyphens, starting with a letter or digit; 1 to 63 characters"
        )
    )]
    pub wave: Option<String>,
    /// The inventory's machine ID: Azure Migrate's discovered machine (a
    /// Microsoft.OffAzure/VMwareSites/machines resource ID) or the VMware UUID.
    #[serde(default)]
    #[schemars(length(max = 1024))]
    pub machine_id: Option<String>,
    /// Licence type of the replicated VM: WindowsServer with Azure Hybrid Benefit.
    #[serde(default)]
    pub license_type: Option<LicenseType>,
    /// Where the server runs on premises when the inventory says it is not a VMware VM: the
    /// wave's VMware replication root leaves it out, and its runbook names the Azure Migrate
    /// path that moves it.
    #[serde(default)]
    #[schemars(with = "Option<NonVmwarePlatform>")]
    pub platform: Option<String>,
}

// A marketplace image reference (its description in the schema is the `image` field's).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(
    deny_unknown_fields,
    extend(
        "$comment" = "Marketplace image publisher, offer, SKU and version: letters, digits, periods, underscores and hyphens."
    )
)]
pub struct Image {
    /// Image publisher.
    #[schemars(with = "ImagePart")]
    pub publisher: String,
    /// Image offer.
    #[schemars(with = "ImagePart")]
    pub offer: String,
    /// Image SKU.
    #[schemars(with = "ImagePart")]
    pub sku: String,
    /// Image version or latest.
    #[schemars(with = "ImagePart")]
    pub version: String,
}

// One wave of `migration.waves` (no doc comment: the schema leaves the list's items
// undescribed).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Wave {
    /// The wave's name: it names the wave's deployment root (bicep/waves/<name>/,
    /// terraform/waves/<name>/), pipeline and runbook.
    #[schemars(
        regex(pattern = r"^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$"),
        extend(
            "x-rule" = "1 to 40 lower-case letters, digits and hyphens, starting and ending with a letter or digit, e.g. pilot or prod-wave-1"
        )
    )]
    pub name: String,
    /// Server names (or host names) of the inventory, or patterns with * wildcards (web*); each
    /// server in one wave only.
    #[schemars(length(min = 1), inner(length(min = 1, max = 256)))]
    pub servers: Vec<String>,
}

impl VirtualMachine {
    /// Whether it runs Windows (else Linux).
    pub fn windows(&self) -> bool {
        self.os == VmOs::Windows
    }

    /// Whether Azure Migrate replicates it in a wave (a server of `migration.inventory`):
    /// its cutover creates the VM, so the environment must not create it from an image too.
    pub fn replicated(&self) -> bool {
        self.migrated_from
            .as_ref()
            .is_some_and(|m| m.wave.is_some())
    }
}

impl Migration {
    /// The VMs the environment creates itself from an image: every one but those replicated.
    pub fn created_vms(&self) -> impl Iterator<Item = (&String, &VirtualMachine)> {
        self.virtual_machines
            .iter()
            .filter(|(_, vm)| !vm.replicated())
    }
}
