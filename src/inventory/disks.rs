//! Managed-disk tiers: which storage type and tier each migrated disk gets.
//!
//! The tiers are facts from Microsoft's documentation, embedded in
//! `catalog/sizing/disk-tiers.yaml` with their source. The rule: an assessment's SKU wins;
//! otherwise the environment's storage type (Premium SSD in production, Standard SSD
//! elsewhere, unless the landing-zone file says otherwise) and in it the smallest tier at
//! least the disk's size. Premium SSD v2 has no tiers (any size in 1-GiB steps) and is never
//! an OS disk: an OS disk asked to be one gets Premium SSD.

use serde::{Deserialize, Serialize};

use super::Disk;
use crate::catalog::Catalog;
use crate::error::Result;

/// The path of the tier table in the catalog.
pub const TIERS_PATH: &str = "catalog/sizing/disk-tiers.yaml";

/// A managed-disk storage type (the `storageAccountType` Azure takes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
// Variants spell Azure's storage types (`Premium_LRS`, `StandardSSD_LRS`), suffix included.
#[allow(clippy::enum_variant_names)]
pub enum DiskSku {
    /// Premium SSD.
    #[serde(rename = "Premium_LRS")]
    PremiumLrs,
    /// Premium SSD v2.
    #[serde(rename = "PremiumV2_LRS")]
    PremiumV2Lrs,
    /// Standard SSD.
    #[serde(rename = "StandardSSD_LRS")]
    StandardSsdLrs,
    /// Standard HDD.
    #[serde(rename = "Standard_LRS")]
    StandardLrs,
}

impl DiskSku {
    /// Every storage type, for messages.
    pub const ALL: [DiskSku; 4] = [
        DiskSku::PremiumLrs,
        DiskSku::PremiumV2Lrs,
        DiskSku::StandardSsdLrs,
        DiskSku::StandardLrs,
    ];

    /// Azure's name.
    pub fn as_str(self) -> &'static str {
        match self {
            DiskSku::PremiumLrs => "Premium_LRS",
            DiskSku::PremiumV2Lrs => "PremiumV2_LRS",
            DiskSku::StandardSsdLrs => "StandardSSD_LRS",
            DiskSku::StandardLrs => "Standard_LRS",
        }
    }

    /// Parses Azure's name.
    pub fn parse(s: &str) -> Option<DiskSku> {
        DiskSku::ALL
            .into_iter()
            .find(|d| d.as_str().eq_ignore_ascii_case(s))
    }

    /// Whether the VM size must support premium storage for it.
    pub fn is_premium(self) -> bool {
        matches!(self, DiskSku::PremiumLrs | DiskSku::PremiumV2Lrs)
    }
}

/// One tier of the table.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tier {
    /// Its storage type.
    pub sku: DiskSku,
    /// P10, E15, S20…
    pub tier: String,
    /// The largest disk it holds, GiB.
    #[serde(rename = "sizeGiB")]
    pub size_gib: u64,
    // The table also gives each tier's base IOPS and MB/s; sizing does not use them yet.
}

/// Premium SSD v2's limits.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PremiumV2 {
    /// Smallest disk, GiB.
    #[serde(rename = "minSizeGiB")]
    pub min_size_gib: u64,
    /// Largest disk, GiB.
    #[serde(rename = "maxSizeGiB")]
    pub max_size_gib: u64,
}

/// The tier table.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TierTable {
    /// Every tier, smallest first within a storage type.
    pub tiers: Vec<Tier>,
    /// Premium SSD v2.
    pub premium_v2: PremiumV2,
}

/// A disk with its target storage type and tier.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SizedDisk {
    /// The disk's name in the export.
    pub name: String,
    /// Its size on premises, GiB.
    pub size_gib: u64,
    /// The storage type.
    pub sku: DiskSku,
    /// The tier (none for Premium SSD v2).
    pub tier: Option<String>,
    /// The size to create, GiB: the tier's, or the disk's for Premium SSD v2.
    pub target_gib: u64,
    /// Whether it is the OS disk.
    pub is_os: bool,
}

impl TierTable {
    /// The embedded (or overlaid) table.
    pub fn load(catalog: &Catalog) -> Result<Self> {
        catalog.yaml(TIERS_PATH)
    }

    /// The smallest tier of a storage type at least `size_gib`.
    pub fn tier_for(&self, sku: DiskSku, size_gib: u64) -> Option<&Tier> {
        self.tiers
            .iter()
            .filter(|t| t.sku == sku && t.size_gib >= size_gib)
            .min_by_key(|t| t.size_gib)
    }

    /// A tier by name within a storage type (`P10`).
    fn named(&self, sku: DiskSku, tier: &str) -> Option<&Tier> {
        self.tiers
            .iter()
            .find(|t| t.sku == sku && t.tier.eq_ignore_ascii_case(tier))
    }

    /// The storage type and tier of one disk; `wanted` is the environment's storage type.
    /// The error says why no tier fits.
    pub fn size(&self, disk: &Disk, wanted: DiskSku) -> Result<SizedDisk, String> {
        if let Some((sku, tier)) = disk
            .assessed_sku
            .as_deref()
            .and_then(super::assessment::sku_tier)
        {
            let sku = DiskSku::parse(sku).expect("sku_tier returns Azure names");
            if let Some(t) = self
                .named(sku, &tier)
                .filter(|t| t.size_gib >= disk.size_gib)
            {
                return Ok(self.sized(disk, sku, t));
            }
            // A recommended tier smaller than the disk (or unknown) would lose data: size it.
            if let Some(t) = self.tier_for(sku, disk.size_gib) {
                return Ok(self.sized(disk, sku, t));
            }
        }
        // An assessment's Premium SSD v2 stands for the storage type (it has no tiers).
        let wanted = if disk
            .assessed_sku
            .as_deref()
            .is_some_and(super::assessment::is_premium_v2)
        {
            DiskSku::PremiumV2Lrs
        } else {
            wanted
        };
        let sku = if disk.is_os && wanted == DiskSku::PremiumV2Lrs {
            DiskSku::PremiumLrs
        } else {
            wanted
        };
        if sku == DiskSku::PremiumV2Lrs {
            let v2 = &self.premium_v2;
            if disk.size_gib > v2.max_size_gib {
                return Err(format!(
                    "disk '{}' is {} GiB, more than Premium SSD v2's {} GiB",
                    disk.name, disk.size_gib, v2.max_size_gib
                ));
            }
            return Ok(SizedDisk {
                name: disk.name.clone(),
                size_gib: disk.size_gib,
                sku,
                tier: None,
                target_gib: disk.size_gib.max(v2.min_size_gib),
                is_os: disk.is_os,
            });
        }
        match self.tier_for(sku, disk.size_gib) {
            Some(t) => Ok(self.sized(disk, sku, t)),
            None => Err(format!(
                "disk '{}' is {} GiB, more than the largest {} tier holds",
                disk.name,
                disk.size_gib,
                sku.as_str()
            )),
        }
    }

    fn sized(&self, disk: &Disk, sku: DiskSku, t: &Tier) -> SizedDisk {
        SizedDisk {
            name: disk.name.clone(),
            size_gib: disk.size_gib,
            sku,
            tier: Some(t.tier.clone()),
            target_gib: t.size_gib,
            is_os: disk.is_os,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> TierTable {
        TierTable::load(&Catalog::embedded()).expect("the embedded tier table loads")
    }

    fn disk(size_gib: u64, is_os: bool) -> Disk {
        Disk {
            name: "d".into(),
            size_gib,
            is_os,
            iops: None,
            mbps: None,
            assessed_sku: None,
        }
    }

    #[test]
    fn takes_the_smallest_tier_at_least_the_size() {
        let t = table();
        for (size, tier) in [
            (1, "P1"),
            (4, "P1"),
            (5, "P2"),
            (128, "P10"),
            (129, "P15"),
            (4096, "P50"),
            (4097, "P60"),
            (32767, "P80"),
        ] {
            let got = t.size(&disk(size, false), DiskSku::PremiumLrs).unwrap();
            assert_eq!(got.tier.as_deref(), Some(tier), "{size} GiB");
            assert_eq!(got.sku, DiskSku::PremiumLrs);
        }
        let e = t.size(&disk(129, false), DiskSku::StandardSsdLrs).unwrap();
        assert_eq!((e.tier.as_deref(), e.target_gib), (Some("E15"), 256));
        // Standard HDD starts at S4 (32 GiB).
        assert_eq!(
            t.size(&disk(1, false), DiskSku::StandardLrs)
                .unwrap()
                .tier
                .as_deref(),
            Some("S4")
        );
    }

    #[test]
    fn a_disk_larger_than_every_tier_is_an_error() {
        let err = table()
            .size(&disk(32768, false), DiskSku::PremiumLrs)
            .unwrap_err();
        assert!(err.contains("32768 GiB"), "{err}");
    }

    #[test]
    fn premium_ssd_v2_is_never_an_os_disk() {
        let t = table();
        let os = t.size(&disk(100, true), DiskSku::PremiumV2Lrs).unwrap();
        assert_eq!(
            (os.sku, os.tier.as_deref()),
            (DiskSku::PremiumLrs, Some("P10"))
        );
        let data = t.size(&disk(100, false), DiskSku::PremiumV2Lrs).unwrap();
        assert_eq!(
            (data.sku, data.tier, data.target_gib),
            (DiskSku::PremiumV2Lrs, None, 100)
        );
    }

    #[test]
    fn an_assessed_sku_wins_unless_it_is_too_small() {
        let t = table();
        let mut d = disk(100, false);
        d.assessed_sku = Some("StandardSSD_E15".into());
        let got = t.size(&d, DiskSku::PremiumLrs).unwrap();
        assert_eq!(
            (got.sku, got.tier.as_deref()),
            (DiskSku::StandardSsdLrs, Some("E15"))
        );
        d.assessed_sku = Some("PremiumV2_LRS".into());
        let got = t.size(&d, DiskSku::StandardSsdLrs).unwrap();
        assert_eq!(
            (got.sku, got.tier, got.target_gib),
            (DiskSku::PremiumV2Lrs, None, 100)
        );
        let mut os = disk(100, true);
        os.assessed_sku = Some("Premium SSD v2".into());
        let got = t.size(&os, DiskSku::StandardSsdLrs).unwrap();
        assert_eq!(
            (got.sku, got.tier.as_deref()),
            (DiskSku::PremiumLrs, Some("P10")),
            "never Premium SSD v2 for an OS disk"
        );
        d.assessed_sku = Some("Premium_P4".into());
        let got = t.size(&d, DiskSku::StandardSsdLrs).unwrap();
        assert_eq!(
            (got.sku, got.tier.as_deref()),
            (DiskSku::PremiumLrs, Some("P10"))
        );
    }
}
