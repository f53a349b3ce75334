//! The `virtualMachines` parameter (rehost): the servers meg deploys itself, with the names of
//! their network interfaces and disks and the image they boot.

use serde::Serialize;

use crate::input::closed_sets::VmOs;
use crate::input::migration::VirtualMachine as VmSettings;
use crate::model::name_key::{NameKey, SpokePart, VmPart};
use crate::model::params::Source;

/// The storage type of a disk nothing chose otherwise.
const PREMIUM_SSD: &str = "Premium_LRS";

/// One item of the `virtualMachines` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct VirtualMachine {
    pub name: String,
    pub spoke: String,
    pub resource_group_name: String,
    pub virtual_network_name: String,
    pub subnet_name: String,
    pub os: VmOs,
    pub size: String,
    pub zone: Option<String>,
    pub os_disk_size_gb: Option<u32>,
    /// The OS disk's storage type (Premium SSD unless the inventory's sizing chose another).
    pub os_disk_storage: String,
    pub network_interface_name: String,
    pub os_disk_name: String,
    pub data_disks: Vec<DataDisk>,
    pub image: Image,
    /// Every managed disk Site Recovery replicates, OS disk first: decided here so both targets
    /// protect the same disks.
    pub disk_names: Vec<String>,
    /// Where Site Recovery fails the server over to: its spoke's recovery network (none when
    /// Site Recovery is off here or the spoke has none).
    pub recovery_network_id: Option<String>,
}

/// A data disk, by LUN.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct DataDisk {
    pub name: String,
    pub lun: usize,
    pub size_gb: u32,
    /// Its storage type (Premium SSD unless the inventory's sizing chose another).
    pub storage: String,
}

/// A marketplace image reference.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Image {
    pub publisher: String,
    pub offer: String,
    pub sku: String,
    pub version: String,
}

impl Image {
    /// The input's image, else a supported Windows Server or Ubuntu LTS.
    fn of(vm: &VmSettings) -> Self {
        let image = |publisher: &str, offer: &str, sku: &str, version: &str| Image {
            publisher: publisher.into(),
            offer: offer.into(),
            sku: sku.into(),
            version: version.into(),
        };
        match &vm.image {
            Some(i) => image(&i.publisher, &i.offer, &i.sku, &i.version),
            None if vm.windows() => image(
                "MicrosoftWindowsServer",
                "WindowsServer",
                "2022-datacenter-azure-edition",
                "latest",
            ),
            None => image("Canonical", "ubuntu-24_04-lts", "server", "latest"),
        }
    }
}

impl VirtualMachine {
    /// Every virtual machine of the environment (none without `migration.enabled`).
    pub fn all(src: &Source) -> Vec<Self> {
        let m = &src.settings.migration;
        let sr = &m.site_recovery;
        let recovery_network = |spoke: &str| {
            sr.recovery_networks
                .get(spoke)
                .filter(|_| m.enabled && sr.enabled)
                .cloned()
        };
        m.created_vms()
            .filter(|_| m.enabled)
            .map(|(vm, spec)| {
                let part = |p| src.name(NameKey::Vm(vm.into(), p));
                let spoke = |p| src.name(NameKey::Spoke(spec.spoke.clone(), p));
                VirtualMachine {
                    name: vm.clone(),
                    spoke: spec.spoke.clone(),
                    resource_group_name: spoke(SpokePart::ResourceGroup),
                    virtual_network_name: spoke(SpokePart::VirtualNetwork),
                    subnet_name: format!("snet-{}", spec.subnet),
                    os: spec.os,
                    size: spec.size.clone(),
                    zone: spec.zone.clone(),
                    os_disk_size_gb: spec.os_disk_size_gb,
                    os_disk_storage: spec
                        .os_disk_storage
                        .clone()
                        .unwrap_or_else(|| PREMIUM_SSD.to_string()),
                    network_interface_name: part(VmPart::NetworkInterface),
                    os_disk_name: part(VmPart::OsDisk),
                    data_disks: spec
                        .data_disks
                        .iter()
                        .enumerate()
                        .map(|(lun, size)| DataDisk {
                            name: part(VmPart::DataDisk(lun)),
                            lun,
                            size_gb: *size,
                            storage: spec
                                .data_disk_storage
                                .get(lun)
                                .map_or(PREMIUM_SSD, String::as_str)
                                .to_string(),
                        })
                        .collect(),
                    image: Image::of(spec),
                    disk_names: std::iter::once(part(VmPart::OsDisk))
                        .chain((0..spec.data_disks.len()).map(|lun| part(VmPart::DataDisk(lun))))
                        .collect(),
                    recovery_network_id: recovery_network(&spec.spoke),
                }
            })
            .collect()
    }
}
