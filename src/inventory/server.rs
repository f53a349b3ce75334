//! The one server model every inventory format is read into, and the readings the readers
//! share (sizes in GiB, OS family and architecture from a name, firmware, IP lists).

use serde::Serialize;

/// One server as meg sees it, whatever export it came from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Server {
    /// The name in the export (the host name for RVTools' display names with a domain).
    pub name: String,
    /// `file:row` of the row it came from, for messages.
    pub origin: String,
    /// The environment, when the export has a column for it.
    pub environment: Option<String>,
    /// The application or assessment group.
    pub application: Option<String>,
    /// Cores (vCPUs) on premises.
    pub cores: u32,
    /// Memory on premises, MiB.
    pub memory_mib: u64,
    /// The operating system.
    pub os: Os,
    /// Firmware: UEFI servers need a generation 2 VM.
    pub firmware: Firmware,
    /// Disks, the OS disk first.
    pub disks: Vec<Disk>,
    /// Network adapters.
    pub nics: Vec<Nic>,
    /// Azure Migrate's machine ID, where the export has one.
    pub machine_id: Option<String>,
    /// The size an assessment recommends, with the row that says so.
    pub assessed_size: Option<(String, String)>,
    /// Whether the server is powered on; `None` when the export does not say.
    pub powered_on: Option<bool>,
    /// Where it runs on premises, when the export says (RVTools: VMware); `None` is taken
    /// for VMware, the wave roots' path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<super::source_platform::SourcePlatform>,
    /// The wave an export gives it: a wave column, or its assessment's group.
    pub wave: Option<super::wave::WaveLabel>,
}

impl Server {
    /// Where it runs on premises and what says so: the export's columns, else its Azure
    /// Migrate machine ID; `None` when nothing does (taken for VMware).
    pub fn platform_of(&self) -> Option<(super::source_platform::SourcePlatform, &'static str)> {
        match (self.platform, self.machine_id.as_deref()) {
            (Some(p), _) => Some((p, "the export's Server type and Hypervisor columns")),
            (None, Some(id)) => super::source_platform::SourcePlatform::of_machine_id(id)
                .map(|p| (p, "its Azure Migrate machine ID")),
            (None, None) => None,
        }
    }
}

/// An operating system: its family decides the image, the licence and the patch classes.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Os {
    /// Windows, Linux or unknown.
    pub family: OsFamily,
    /// The name as the export gives it.
    pub name: String,
    /// The version, when given.
    pub version: Option<String>,
    /// The processor architecture it runs on.
    pub arch: Arch,
}

/// The operating system family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OsFamily {
    /// Windows Server or client.
    Windows,
    /// Any Linux distribution.
    Linux,
    /// The export does not say, or says something meg does not know.
    Unknown,
}

/// The processor architecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Arch {
    /// x86 or x64: runs on x64 sizes only.
    X64,
    /// Arm64: runs on Arm64 sizes only.
    Arm64,
}

/// Firmware on premises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Firmware {
    /// BIOS: a generation 1 VM.
    Bios,
    /// UEFI: a generation 2 VM.
    Uefi,
    /// Not given.
    Unknown,
}

/// One disk.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Disk {
    /// The disk's name in the export (`Disk 1`, `Hard disk 2`, `scsi0:1`).
    pub name: String,
    /// Size in GiB, rounded up.
    pub size_gib: u64,
    /// Whether it holds the operating system.
    pub is_os: bool,
    /// Read plus write operations per second, when measured.
    pub iops: Option<f64>,
    /// Read plus write throughput in MB/s, when measured.
    pub mbps: Option<f64>,
    /// The disk SKU an assessment recommends (`Premium_P10`, `StandardSSD_E15`).
    pub assessed_sku: Option<String>,
}

/// One network adapter.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Nic {
    /// The network it is connected to (port group, VLAN, or what the export says).
    pub network: Option<String>,
    /// Its IP addresses.
    pub ips: Vec<String>,
}

/// MiB to whole GiB, rounded up: a disk is never made smaller than it was.
pub(crate) fn gib_up(mib: f64) -> u64 {
    (mib / 1024.0 - 1e-9).ceil().max(0.0) as u64
}

/// The OS family a free-text OS name belongs to.
pub(crate) fn os_family(name: &str) -> OsFamily {
    let n = name.to_ascii_lowercase();
    const LINUX: &[&str] = &[
        "linux", "ubuntu", "red hat", "rhel", "centos", "suse", "sles", "debian", "oracle",
        "rocky", "alma", "fedora", "amazon", "photon", "coreos", "mariner",
    ];
    if n.contains("windows") {
        OsFamily::Windows
    } else if LINUX.iter().any(|l| n.contains(l)) {
        OsFamily::Linux
    } else {
        OsFamily::Unknown
    }
}

/// The architecture an OS architecture cell or OS name says; x64 unless it names Arm.
pub(crate) fn arch_of(text: &str) -> Arch {
    let t = text.to_ascii_lowercase();
    if t.contains("arm64") || t.contains("aarch64") || t.contains("arm 64") {
        Arch::Arm64
    } else {
        Arch::X64
    }
}

/// The firmware a boot type cell says: BIOS or UEFI as Azure Migrate writes them, `bios` or
/// `efi` as vSphere does, and the words around them other tools add (`Legacy BIOS`,
/// `UEFI (Secure Boot)`). A cell naming both, or neither, is not read.
pub(crate) fn firmware_of(text: &str) -> Option<Firmware> {
    let lower = text.trim().to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "" | "unknown" | "notspecified" | "not specified"
    ) {
        return Some(Firmware::Unknown);
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let uefi = words.iter().any(|w| matches!(*w, "uefi" | "efi"));
    let bios = words.iter().any(|w| matches!(*w, "bios" | "legacy"));
    match (uefi, bios) {
        (true, false) => Some(Firmware::Uefi),
        (false, true) => Some(Firmware::Bios),
        _ => None,
    }
}

/// IP addresses as exports list them: separated by `;`, `,` or spaces, each maybe with the
/// prefix length of its subnet (`10.1.0.4/24`, as CMDB exports write them) or an IPv6 zone
/// (`fe80::1%eth0`), which are not part of the address.
pub(crate) fn split_ips(text: &str) -> Vec<String> {
    text.split([';', ',', ' ', '\n'])
        .map(|s| s.trim().split(['/', '%']).next().unwrap_or_default())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
