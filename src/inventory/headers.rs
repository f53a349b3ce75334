//! Column headers: how a header is normalised, the alias table of known spellings, and
//! locating each column of a table by name.
//!
//! Exports differ between tool versions and hands: `*Server name` and `*Server Name`,
//! `Memory(MB)` and `Memory (in MB)`, `Provisioned MB` and `Provisioned MiB`, custom
//! attribute columns anywhere. Every column is found by its (normalised) name, never by its
//! position. This module knows names and units; it does not know what a server is.

use std::collections::HashMap;

/// A header as compared: lower case, a leading `*` (Azure Migrate's "required") removed,
/// every run of whitespace (line breaks in Excel headers included) one space, no space just
/// inside parentheses.
pub(crate) fn normalise(header: &str) -> String {
    let h = header.trim_start_matches('\u{feff}').trim();
    let h = h.strip_prefix('*').unwrap_or(h);
    let mut out = String::with_capacity(h.len());
    for word in h.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out.replace("( ", "(").replace(" )", ")")
}

/// The unit a column's numbers are in, read from its header.
///
/// vCenter, RVTools and Azure Migrate count in binary units whatever they print: RVTools
/// renamed `Provisioned MB` to `Provisioned MiB` (4.x) without changing a value, and Azure
/// Migrate compares its "GB" disk sizes with Azure's tiers, which are GiB. So MB and MiB
/// columns both hold MiB, GB and GiB columns both GiB; the unit is what tells a memory column
/// in MiB from one in GiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Mebibytes (headers say MB or MiB).
    Mib,
    /// Gibibytes (headers say GB or GiB).
    Gib,
    /// A count (cores, IOPS, MB/s): taken as it is.
    Count,
}

impl Unit {
    /// The unit a header names, if any.
    pub(crate) fn of(normalised: &str) -> Unit {
        let words: Vec<&str> = normalised
            .split(|c: char| !c.is_ascii_alphanumeric())
            .collect();
        if words.iter().any(|w| *w == "mib" || *w == "mb") {
            Unit::Mib
        } else if words.iter().any(|w| *w == "gib" || *w == "gb") {
            Unit::Gib
        } else {
            Unit::Count
        }
    }

    /// A value in this unit, in MiB.
    pub(crate) fn to_mib(self, value: f64) -> f64 {
        match self {
            Unit::Gib => value * 1024.0,
            Unit::Mib | Unit::Count => value,
        }
    }
}

/// A column meg reads: its key and every known spelling (already normalised).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    /// How the readers ask for it.
    pub key: &'static str,
    /// The spellings seen in exports, normalised.
    pub aliases: &'static [&'static str],
}

/// The alias table: every column the readers look for, with the spellings seen in the wild.
pub(crate) const FIELDS: &[Field] = &[
    // Azure Migrate import CSV.
    f(
        "server name",
        &[
            "server name",
            "servername",
            "server",
            "name",
            "machine name",
            "computer name",
            "hostname",
            "host name",
        ],
    ),
    f(
        "ip addresses",
        &[
            "ip addresses",
            "ip address",
            "ipaddress",
            "ip addresses (comma separated)",
            "ip",
        ],
    ),
    f(
        "cores",
        &[
            "cores",
            "number of cores",
            "cpu cores",
            "vcpus",
            "vcpu",
            "number of vcpus",
            "cpus",
            "cpu",
        ],
    ),
    f(
        "memory",
        &[
            "memory (in mb)",
            "memory(in mb)",
            "memory (mb)",
            "memory(mb)",
            "memory in mb",
            "memory (in gb)",
            "memory (gb)",
            "memory (in mib)",
            "memory mib",
            "memory (gib)",
            "memory gb",
            "ram (in mb)",
            "ram (mb)",
            "ram mb",
            "ram (in gb)",
            "ram (gb)",
            "ram gb",
            "memory",
        ],
    ),
    f(
        "os name",
        &[
            "os name",
            "operating system",
            "os",
            "operating system name",
            "guest os",
        ],
    ),
    f("os version", &["os version", "operating system version"]),
    f(
        "os architecture",
        &["os architecture", "architecture", "os arch"],
    ),
    f(
        "boot type",
        &["boot type", "boottype", "firmware", "firmware type"],
    ),
    f("server type", &["server type"]),
    f("hypervisor", &["hypervisor"]),
    f(
        "machine id",
        &[
            "machine id",
            "machineid",
            "machine arm id",
            "vm uuid",
            "bios guid",
        ],
    ),
    f("number of disks", &["number of disks", "disks"]),
    f("network adapters", &["network adapters", "nics"]),
    // Columns teams add to say where a server goes.
    f(
        "environment",
        &["environment", "env", "environment name", "stage"],
    ),
    f(
        "application",
        &[
            "application",
            "application name",
            "app",
            "app name",
            "workload",
            "group name",
            "group",
            "business application",
        ],
    ),
    // A migration team's wave sheet, or Azure Migrate's "inventory to wave mapping" export.
    f(
        "wave",
        &[
            "wave",
            "wave number",
            "wave name",
            "wave no",
            "wave no.",
            "wave #",
            "wave id",
            "migration wave",
            "migration wave name",
            "migration wave number",
            "move group",
            "move group name",
        ],
    ),
    f(
        "network",
        &[
            "network",
            "network name",
            "port group",
            "portgroup",
            "vlan",
            "vlan id",
            "subnet",
        ],
    ),
    // RVTools vInfo.
    f("vm", &["vm", "vm name"]),
    f("powerstate", &["powerstate", "power state"]),
    f("template", &["template"]),
    f("srm placeholder", &["srm placeholder"]),
    f("dns name", &["dns name"]),
    f("primary ip address", &["primary ip address"]),
    f(
        "provisioned",
        &[
            "provisioned mib",
            "provisioned mb",
            "total disk capacity mib",
            "total disk capacity mb",
        ],
    ),
    f("in use", &["in use mib", "in use mb"]),
    f("os config", &["os according to the configuration file"]),
    f("os tools", &["os according to the vmware tools"]),
    // RVTools vDisk.
    f("disk", &["disk", "disk name", "disk label"]),
    f(
        "capacity",
        &["capacity mib", "capacity mb", "capacity gb", "capacity gib"],
    ),
    // RVTools vPartition: the guest's partitions, which share vDisk's VM, Disk and Capacity.
    f(
        "partition use",
        &["consumed mib", "consumed mb", "free mib", "free mb"],
    ),
    f("controller", &["controller"]),
    f("unit", &["unit #", "unit"]),
    // RVTools vNetwork.
    f("nic label", &["nic label"]),
    f("adapter", &["adapter"]),
    f("connected", &["connected"]),
    f("ipv4 address", &["ipv4 address", "ip address"]),
    // Assessment exports.
    f("machine", &["machine", "machine name"]),
    f(
        "recommended size",
        &["recommended size", "recommended vm size", "azure vm size"],
    ),
    f("readiness", &["azure vm readiness", "readiness"]),
    f(
        "storage",
        &[
            "storage (in gb)",
            "storage(gb)",
            "storage (gb)",
            "storage in gb",
        ],
    ),
    f(
        "recommended disk sku",
        &["recommended disk size sku", "recommended disk sku"],
    ),
    f("recommended disk type", &["recommended disk type"]),
    f(
        "source disk size",
        &[
            "source disk size(gb)",
            "source disk size (gb)",
            "source disk size (in gb)",
        ],
    ),
    f(
        "target disk size",
        &[
            "target disk size(gb)",
            "target disk size (gb)",
            "target disk size (in gb)",
        ],
    ),
    f("disk names", &["disk names"]),
    // The group an assessment was created on: a grouping the migration team made.
    f("assessment group", &["group name", "group"]),
    // Azure Migrate dependency analysis export (agentless), one row per connection.
    f(
        "source server",
        &["source server name", "source server", "source machine name"],
    ),
    f("source ip", &["source ip", "source ip address"]),
    f("source application", &["source application"]),
    f("source process", &["source process"]),
    f(
        "destination server",
        &[
            "destination server name",
            "destination server",
            "destination machine name",
        ],
    ),
    f(
        "destination ip",
        &["destination ip", "destination ip address"],
    ),
    f("destination application", &["destination application"]),
    f("destination process", &["destination process"]),
    f("destination port", &["destination port", "port"]),
    f("recommended disk skus", &["recommended disk skus"]),
];

const fn f(key: &'static str, aliases: &'static [&'static str]) -> Field {
    Field { key, aliases }
}

/// The columns of one table, by normalised header.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    /// The headers as written, for messages.
    pub written: Vec<String>,
    by_name: HashMap<String, usize>,
}

impl Columns {
    /// Indexes a header row; of two columns with one name the first counts.
    pub(crate) fn new(headers: &[String]) -> Self {
        let mut by_name = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            by_name.entry(normalise(h)).or_insert(i);
        }
        Columns {
            written: headers.to_vec(),
            by_name,
        }
    }

    /// The column of a normalised header outside the alias table (`network #3`).
    pub(crate) fn named(&self, normalised: &str) -> Option<Column> {
        self.by_name.get(normalised).map(|&index| Column {
            index,
            header: self.written[index].clone(),
            unit: Unit::of(normalised),
        })
    }

    /// The column of a field of the alias table (its first spelling present), with its unit.
    pub(crate) fn find(&self, key: &str) -> Option<Column> {
        let field = FIELDS
            .iter()
            .find(|f| f.key == key)
            .unwrap_or_else(|| panic!("{key} is not in the alias table"));
        field.aliases.iter().find_map(|a| {
            self.by_name.get(*a).map(|&index| Column {
                index,
                header: self.written[index].clone(),
                unit: Unit::of(a),
            })
        })
    }

    /// The normalised headers, for a reader that finds numbered columns (`Disk 3 size`).
    pub(crate) fn names(&self) -> impl Iterator<Item = (&str, usize)> {
        self.by_name.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

/// A located column.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    /// Its position in the row.
    pub index: usize,
    /// Its header as written, for messages.
    pub header: String,
    /// The unit of its numbers.
    pub unit: Unit,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_stars_whitespace_and_line_breaks() {
        assert_eq!(normalise("*Server Name"), "server name");
        assert_eq!(normalise(" *Memory\r\n(In   MB) "), "memory (in mb)");
        assert_eq!(normalise("Memory( MB )"), "memory(mb)");
        assert_eq!(normalise("\u{feff}VM"), "vm");
    }

    #[test]
    fn reads_the_unit_from_the_header() {
        assert_eq!(Unit::of("provisioned mib"), Unit::Mib);
        assert_eq!(Unit::of("provisioned mb"), Unit::Mib);
        assert_eq!(Unit::of("memory (in gb)"), Unit::Gib);
        assert_eq!(Unit::of("storage(gb)"), Unit::Gib);
        assert_eq!(Unit::of("cores"), Unit::Count);
        assert_eq!(Unit::Gib.to_mib(2.0), 2048.0);
    }

    #[test]
    fn finds_a_field_by_any_spelling_wherever_it_is() {
        let headers: Vec<String> = ["Owner", "*Memory(MB)", "Custom 1", "*Server Name"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let cols = Columns::new(&headers);
        assert_eq!(cols.find("server name").unwrap().index, 3);
        let memory = cols.find("memory").unwrap();
        assert_eq!((memory.index, memory.unit), (1, Unit::Mib));
        assert!(cols.find("os version").is_none());
    }

    #[test]
    fn every_alias_is_normalised() {
        for f in FIELDS {
            for a in f.aliases {
                assert_eq!(normalise(a), *a, "{}: alias {a:?} would never match", f.key);
            }
        }
    }
}
