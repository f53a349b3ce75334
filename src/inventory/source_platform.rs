//! Where a server runs on premises (VMware, Hyper-V, a physical machine or another cloud), as
//! an inventory says it, and which Azure Migrate path migrates it.
//!
//! meg's wave roots replicate with Azure Migrate's agentless VMware migration (`VMwareCbt`)
//! only. A server the inventory places elsewhere needs another path (Hyper-V replication, or
//! agent-based migration with the Mobility service), which this module names for the warning and
//! the README; it does not build those paths.

use serde::Serialize;

/// A server's platform on premises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SourcePlatform {
    /// A VMware vSphere VM: agentless VMware migration, the wave roots' path.
    Vmware,
    /// A Hyper-V VM.
    HyperV,
    /// A physical server.
    Physical,
    /// A VM on another hypervisor or cloud (Xen, AWS, GCP, other).
    Other,
}

impl SourcePlatform {
    /// From an Azure Migrate import CSV's `Server type` (Physical, Virtual) and `Hypervisor`
    /// (VMware, Hyper-V, Xen, AWS, GCP, Other) columns
    /// (learn.microsoft.com/azure/migrate/tutorial-discover-import, "Import file fields");
    /// `None` when neither says.
    pub fn of_import(server_type: Option<&str>, hypervisor: Option<&str>) -> Option<Self> {
        let squash = |t: &str| {
            t.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        };
        match hypervisor.map(squash).as_deref() {
            Some("vmware") => return Some(Self::Vmware),
            Some("hyperv") => return Some(Self::HyperV),
            Some("") | None => {}
            Some(_) => return Some(Self::Other),
        }
        match server_type.map(squash).as_deref() {
            Some("physical") => Some(Self::Physical),
            _ => None,
        }
    }

    /// From an Azure Migrate machine resource ID: the site type names the platform
    /// (`Microsoft.OffAzure/VMwareSites`, `HyperVSites`, `ServerSites` for physical servers).
    pub fn of_machine_id(id: &str) -> Option<Self> {
        let lower = id.to_ascii_lowercase();
        if !lower.contains("/providers/microsoft.offazure/") {
            return None;
        }
        if lower.contains("/vmwaresites/") {
            Some(Self::Vmware)
        } else if lower.contains("/hypervsites/") {
            Some(Self::HyperV)
        } else if lower.contains("/serversites/") {
            Some(Self::Physical)
        } else {
            None
        }
    }

    /// How to migrate a server of this platform, in one sentence; `None` for VMware, which the
    /// wave roots replicate.
    pub fn other_path(self) -> Option<&'static str> {
        match self {
            Self::Vmware => None,
            Self::HyperV => Some(
                "Hyper-V VMs migrate with Azure Migrate's Hyper-V replication (the Microsoft Azure Site Recovery provider and Recovery Services agent on each Hyper-V host, then Replicate with source Hyper-V in the project: learn.microsoft.com/azure/migrate/tutorial-migrate-hyper-v)",
            ),
            Self::Physical | Self::Other => Some(
                "physical servers and VMs of other platforms migrate with Azure Migrate's agent-based migration (a replication appliance and the Mobility service on each server: learn.microsoft.com/azure/migrate/tutorial-migrate-physical-virtual-machines)",
            ),
        }
    }

    /// The platform in a few words, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Vmware => "a VMware VM",
            Self::HyperV => "a Hyper-V VM",
            Self::Physical => "a physical server",
            Self::Other => "a VM on another hypervisor or cloud",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_import_columns_and_machine_ids() {
        assert_eq!(
            SourcePlatform::of_import(Some("Virtual"), Some("Hyper-V")),
            Some(SourcePlatform::HyperV)
        );
        assert_eq!(
            SourcePlatform::of_import(Some("Physical"), None),
            Some(SourcePlatform::Physical)
        );
        assert_eq!(
            SourcePlatform::of_import(Some("Virtual"), Some("VMware")),
            Some(SourcePlatform::Vmware)
        );
        assert_eq!(
            SourcePlatform::of_import(None, Some("AWS")),
            Some(SourcePlatform::Other)
        );
        assert_eq!(SourcePlatform::of_import(Some("Virtual"), None), None);
        assert_eq!(
            SourcePlatform::of_machine_id(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OffAzure/HyperVSites/h/machines/m"
            ),
            Some(SourcePlatform::HyperV)
        );
        assert_eq!(
            SourcePlatform::of_machine_id(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OffAzure/ServerSites/p/machines/m"
            ),
            Some(SourcePlatform::Physical)
        );
        assert_eq!(
            SourcePlatform::of_machine_id("4211aa01-0000-4000-8000-000000000001"),
            None
        );
        assert!(SourcePlatform::Vmware.other_path().is_none());
    }
}
