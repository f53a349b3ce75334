//! How each migration wave is run, as the pipelines, runbooks and README of a render see
//! them: each wave with its environment, its place in the order of waves and its servers in
//! cutover order, with where each lands in Azure.
//!
//! This module only holds the shape and the order of waves. Which server is in which wave is
//! the inventory's decision (`inventory::plan`), and `inventory::wave_runs` fills these types from
//! the plan and the resolved environments; nothing here reads an inventory.

use serde::{Deserialize, Serialize};

/// One migration wave: the servers that are replicated, tested and cut over together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveRun {
    /// Lowercase letters, digits and hyphens (`dev-wave-1`): a folder and file name segment.
    pub name: String,
    /// 1 for the first wave of the landing zone, then 2, 3…
    pub position: usize,
    /// The wave run just before this one, if any: this one starts once it has cut over.
    pub previous: Option<String>,
    /// The wave's environment: its identity and approvals run the wave.
    pub environment: String,
    /// The environment's tier (dev, test, prod or another), which sets the order of waves.
    pub tier: String,
    /// The subscription the environment deploys into (lower case), empty when the input does
    /// not name it: the wave's operations then use the signed-in one.
    pub subscription_id: String,
    /// The resource group of the environment's Azure Migrate project.
    pub migration_resource_group: String,
    /// The Azure Migrate project whose replication vault holds the wave's servers.
    pub migrate_project: String,
    /// How the cutover order below was decided, in one sentence for the runbook.
    pub order_basis: String,
    /// The servers, in cutover order.
    pub servers: Vec<RunServer>,
    /// Sums over the servers, for the runbook's sizing of the replication.
    pub totals: RunTotals,
}

/// A server of a wave, with its size and where it lands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunServer {
    /// The name on premises, as the inventory spells it.
    pub source_name: String,
    /// The VM's name in Azure.
    pub vm_name: String,
    /// `windows` or `linux`.
    pub os: String,
    /// The operating system as the inventory names it.
    pub os_name: String,
    /// Cores on premises.
    pub cores: u32,
    /// Memory on premises, GiB (rounded up).
    pub memory_gib: u64,
    /// The Azure VM size.
    pub size: String,
    /// Why that size, in one sentence.
    pub size_reason: String,
    /// The disks, OS disk first: `P10 128 GiB Premium_LRS`.
    pub disks: Vec<String>,
    /// Sum of the disks' sizes on premises, GiB: what the initial replication copies.
    pub disk_gib: u64,
    /// The spoke, subnet, resource group and virtual network the VM lands in.
    pub spoke: String,
    /// The subnet of that spoke.
    pub subnet: String,
    /// The resource group of the VM.
    pub resource_group: String,
    /// The virtual network of the VM.
    pub virtual_network: String,
    /// The server's IP addresses on premises (DNS records to repoint at cutover).
    pub ip_addresses: Vec<String>,
    /// Servers of the same wave this one depends on (they cut over before it), when known.
    pub depends_on: Vec<String>,
    /// Where the inventory lists it (`servers.csv:4`).
    pub origin: String,
    /// Empty for a VMware VM, which the wave replicates; otherwise how the server moves
    /// instead (it is a Hyper-V VM or a physical server), in one sentence.
    pub migrate_with: String,
}

/// Sums over a wave's servers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RunTotals {
    /// Servers.
    pub servers: usize,
    /// Cores.
    pub cores: u64,
    /// Memory, GiB.
    pub memory_gib: u64,
    /// Disk, GiB: what the initial replication copies.
    pub disk_gib: u64,
}

/// The order of waves: dev before test before prod (then other tiers), and within a tier by
/// environment, then by the wave name read with its numbers as numbers (`wave-2` before
/// `wave-10`).
pub fn order_key(tier_rank: usize, environment: &str, wave: &str) -> (usize, String, Vec<Part>) {
    (tier_rank, environment.to_string(), natural(wave))
}

/// A piece of a name for natural ordering: text, or a number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Part {
    /// Digits, as a number (leading zeros do not count).
    Number(u128),
    /// Anything else.
    Text(String),
}

/// `dev-wave-10` as `["dev-wave-", 10]`.
pub fn natural(name: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut digits = String::new();
    for c in name.chars() {
        if c.is_ascii_digit() {
            if !text.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut text)));
            }
            digits.push(c);
        } else {
            if !digits.is_empty() {
                parts.push(Part::Number(digits.parse().unwrap_or(u128::MAX)));
                digits.clear();
            }
            text.push(c);
        }
    }
    if !digits.is_empty() {
        parts.push(Part::Number(digits.parse().unwrap_or(u128::MAX)));
    }
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    parts
}

/// Longest wave name: it becomes a folder name and part of deployment names (a Bicep
/// deployment name is at most 64 characters, and the wave root adds to it).
pub const MAX_WAVE_NAME: usize = 40;

/// Whether a name is a wave name, which names folders, files and deployments in every render:
/// 1 to [`MAX_WAVE_NAME`] lower-case letters, digits and hyphens, starting and ending with a
/// letter or digit. The one rule the planner, the render and `.meg/waves.json` all check.
pub fn is_wave_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_WAVE_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_wave_numbers_as_numbers() {
        let mut names = vec!["prod-wave-10", "prod-wave-2", "prod-wave-1"];
        names.sort_by_key(|n| natural(n));
        assert_eq!(names, ["prod-wave-1", "prod-wave-2", "prod-wave-10"]);
    }

    #[test]
    fn wave_names_are_plain_segments() {
        assert!(is_wave_name("dev-wave-1"));
        assert!(!is_wave_name("../x"));
        assert!(!is_wave_name("Dev"));
        assert!(!is_wave_name("-x"));
        assert!(!is_wave_name("x-"));
        assert!(!is_wave_name(""));
    }
}
