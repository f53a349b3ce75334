//! The `migration.inventory` block of the landing-zone file as written: which export files
//! list the servers, and the rules that give each server its environment, spoke, subnet, size
//! and disk storage. Its schema definition is derived from these types (`input::migration`
//! holds them under `migration.inventory`).
//!
//! Input only: reading the files, placing and sizing the servers is `inventory`'s business
//! (`inventory::placement`, `inventory::plan`), and the waves are read beside it
//! (`inventory::wave_settings`).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::input::closed_sets::DiskStorage;
use crate::input::schema_kinds::{EnvironmentRef, SpokeName, SubnetName, VmSeries, no_default};

/// Servers from discovery and assessment exports (Azure Migrate import CSV, RVTools CSV or
/// XLSX, Azure Migrate assessment exports): each becomes a VM of its environment, placed in a
/// spoke and subnet, sized, backed up and patched like migration.virtualMachines. Top level
/// only.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct InventorySettings {
    /// Inventory files, relative to this landing-zone file; each is recognised by its header
    /// row.
    #[schemars(length(min = 1), inner(length(min = 1, max = 1024)))]
    pub files: Vec<String>,
    /// Keep the powered-off VMs of RVTools exports (templates and SRM placeholders are always
    /// dropped).
    #[serde(default)]
    pub keep_powered_off: bool,
    /// Azure Hybrid Benefit for the Windows servers: their replication sets licenseType
    /// WindowsServer (bring Windows Server licences with Software Assurance); otherwise
    /// NoLicenseType (pay-as-you-go).
    #[serde(default)]
    pub hybrid_benefit: bool,
    #[serde(default)]
    pub environments: EnvironmentRules,
    /// Source networks to a spoke and subnet, first match wins; every server must match one. A
    /// rule matches on every criterion it gives: network (port group or network name, *
    /// wildcards), vlan (the ID in a port-group name such as VLAN110-App), cidr (an IPv4 range
    /// holding one of the server's addresses).
    #[serde(default)]
    pub placement: Vec<PlacementRule>,
    #[serde(default)]
    pub sizing: SizingSettings,
}

/// How each server gets its environment: the export's Environment column (its values mapped
/// by map, or taken when they name an environment), else the first names pattern, else
/// default, else the only environment.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct EnvironmentRules {
    /// Values of the export's environment column (ignoring case) to environments:
    /// {Production: prod}.
    #[schemars(with = "BTreeMap<String, EnvironmentRef>", transform = no_default)]
    pub map: BTreeMap<String, String>,
    /// Server-name patterns (* wildcards, ignoring case) to environments, first match wins.
    pub names: Vec<NameRule>,
    /// An environment of this landing zone.
    #[schemars(with = "Option<EnvironmentRef>")]
    pub default: Option<String>,
}

// A server-name pattern and its environment. (No doc comment: it would describe the list's
// items in the schema, and the schema's messages would change.)
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct NameRule {
    // `*` wildcards, ignoring case (the list's description says so).
    #[schemars(length(min = 1, max = 256))]
    pub pattern: String,
    /// An environment of this landing zone.
    #[schemars(with = "EnvironmentRef")]
    pub environment: String,
}

// One placement rule: it needs a network, a VLAN or a CIDR to match on. (Plain comments on
// the rule and its criteria: a doc comment would become a description in the schema, and a
// hint in its messages.)
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(
    deny_unknown_fields,
    extend("anyOf" = [
        {"required": ["network"]},
        {"required": ["vlan"]},
        {"required": ["cidr"]}
    ])
)]
pub struct PlacementRule {
    // A network or port-group name, `*` wildcards, ignoring case.
    #[serde(default)]
    #[schemars(length(min = 1, max = 256))]
    pub network: Option<String>,
    // A VLAN ID, found in a network name (`VLAN110`, `vlan-110-app`, `110`).
    #[serde(default)]
    #[schemars(range(max = 4095))]
    pub vlan: Option<u32>,
    // An IPv4 range holding one of the server's addresses. Not `CidrText`: its `x-kind` would
    // parse the range strictly, and a rule may name an address inside the range it means.
    #[serde(default)]
    #[schemars(
        regex(pattern = r"^([0-9]{1,3}\.){3}[0-9]{1,3}/[0-9]{1,2}$"),
        extend("x-rule" = "an IPv4 address range in CIDR notation, e.g. 10.20.0.0/24")
    )]
    pub cidr: Option<String>,
    /// An environment of this landing zone.
    #[serde(default)]
    #[schemars(with = "Option<EnvironmentRef>")]
    pub environment: Option<String>,
    /// The spoke.
    #[schemars(with = "SpokeName")]
    pub spoke: String,
    /// A subnet of that spoke, without snet-.
    #[schemars(with = "SubnetName")]
    pub subnet: String,
}

/// How servers without an assessment's recommendation are sized: the first series with a size
/// of at least their cores and memory (times comfortFactor), smallest vCPUs then memory.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub struct SizingSettings {
    /// VM series in order of preference; default [Dsv5, Dasv5].
    #[schemars(with = "Option<Vec<VmSeries>>", length(min = 1))]
    pub series: Option<Vec<String>>,
    /// Series tried first when a server has more than 4 GiB per core; default [Esv5].
    #[schemars(with = "Option<Vec<VmSeries>>")]
    pub memory_optimized_series: Option<Vec<String>>,
    /// Cores and memory are multiplied by this before sizing; default 1.0 (as on premises).
    #[schemars(range(min = 0.5, max = 4))]
    pub comfort_factor: Option<f64>,
    /// Disk storage type per environment; default Premium_LRS in production, StandardSSD_LRS
    /// elsewhere. Premium SSD v2 (PremiumV2_LRS) is not offered: in most regions with
    /// availability zones it attaches only to a VM in a zone
    /// (learn.microsoft.com/azure/virtual-machines/disks-deploy-premium-v2, "Limitations"), and
    /// meg does not place migrated servers in zones.
    #[schemars(with = "BTreeMap<String, DiskStorage>", transform = no_default)]
    pub disk_storage: BTreeMap<String, String>,
}
