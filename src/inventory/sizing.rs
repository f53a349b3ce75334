//! VM sizes: the table of Azure sizes and the deterministic rule that picks one per server.
//!
//! The sizes are facts from Microsoft's documentation, embedded in
//! `catalog/sizing/vm-sizes.yaml` with their source. The rule, in order: an assessment's
//! recommended size wins (`sizeSource: assessment`); otherwise, as on premises, the first
//! series of the preference list that has a fitting size, and in it the smallest (vCPUs, then
//! memory) with at least the server's cores and memory (times the comfort factor), enough data
//! disks, premium storage when a disk needs it, the server's architecture (never Arm64 for an
//! x64 OS) and its VM generation (UEFI: 2, BIOS: 1). The default preference is Dsv5 then
//! Dasv5, with the memory-optimised Esv5 first when memory per core exceeds 4 GiB.

use serde::{Deserialize, Serialize};

use super::{Arch, Firmware, Server};
use crate::catalog::Catalog;
use crate::error::Result;
use crate::input::closed_sets::SizeSource;

/// The path of the size table in the catalog.
pub const SIZES_PATH: &str = "catalog/sizing/vm-sizes.yaml";

/// One VM size.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VmSize {
    /// `Standard_D4s_v5`.
    pub name: String,
    /// `Dsv5`.
    pub series: String,
    /// vCPUs.
    pub vcpus: u32,
    /// Memory, GiB.
    #[serde(rename = "memoryGiB")]
    pub memory_gib: f64,
    /// Data disks it can attach.
    pub max_data_disks: u32,
    /// Whether it takes Premium SSD.
    pub premium_storage: bool,
    /// Hyper-V generations: `V1`, `V2` or `V1,V2`.
    pub generations: String,
    /// `x64` or `Arm64`.
    pub arch: String,
}

/// The size table.
#[derive(Debug, Clone, Deserialize)]
pub struct SizeTable {
    /// Every size.
    pub sizes: Vec<VmSize>,
}

/// The sizing policy: series preference and comfort factor.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Series in order of preference.
    pub series: Vec<String>,
    /// Series tried first when memory per core exceeds [`Policy::memory_per_core_gib`].
    pub memory_optimised: Vec<String>,
    /// The memory per core above which the memory-optimised series come first, GiB.
    pub memory_per_core_gib: f64,
    /// Cores and memory are multiplied by this before sizing (1.0: as on premises).
    pub comfort_factor: f64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            series: vec!["Dsv5".into(), "Dasv5".into()],
            memory_optimised: vec!["Esv5".into()],
            memory_per_core_gib: 4.0,
            comfort_factor: 1.0,
        }
    }
}

/// A chosen size and why.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    /// The size.
    pub size: String,
    /// Where it came from.
    pub source: SizeSource,
    /// Why, in one sentence.
    pub reason: String,
}

impl SizeTable {
    /// The embedded (or overlaid) table.
    pub fn load(catalog: &Catalog) -> Result<Self> {
        catalog.yaml(SIZES_PATH)
    }

    /// A size by name, ignoring case.
    pub fn get(&self, name: &str) -> Option<&VmSize> {
        self.sizes
            .iter()
            .find(|s| s.name.eq_ignore_ascii_case(name))
    }

    /// Whether a series name is in the table.
    pub fn has_series(&self, series: &str) -> bool {
        self.sizes.iter().any(|s| s.series == series)
    }

    /// Every series, sorted, for messages.
    pub fn series(&self) -> Vec<&str> {
        let mut s: Vec<&str> = self.sizes.iter().map(|s| s.series.as_str()).collect();
        s.sort();
        s.dedup();
        s
    }

    /// The closest size name, for a did-you-mean.
    pub fn did_you_mean(&self, name: &str) -> Option<&str> {
        crate::error::did_you_mean(name, self.sizes.iter().map(|s| s.name.as_str()))
    }

    /// Sizes a server. `data_disks` is how many data disks it attaches, `premium` whether one
    /// of its disks is premium. The error says what no size of the allowed series offers.
    pub fn choose(
        &self,
        server: &Server,
        data_disks: u32,
        premium: bool,
        policy: &Policy,
    ) -> Result<Choice, String> {
        let arch = match server.os.arch {
            Arch::X64 => "x64",
            Arch::Arm64 => "Arm64",
        };
        let generation = match server.firmware {
            Firmware::Uefi => Some("V2"),
            Firmware::Bios => Some("V1"),
            Firmware::Unknown => None,
        };
        // The assessment wins, unless the table knows its size cannot run the server (an
        // Arm64 size for an x64 OS, a generation the firmware cannot boot): then meg sizes it
        // and says why.
        let mut overruled = None;
        if let Some((size, origin)) = &server.assessed_size {
            let known = self.get(size);
            let unfit = known.and_then(|s| {
                if s.arch != arch {
                    Some(format!("an {} size for an {arch} server", s.arch))
                } else if generation.is_some_and(|g| !s.generations.split(',').any(|x| x == g)) {
                    Some(format!(
                        "a generation {} size for a {} server",
                        s.generations.replace('V', "").replace(',', " and "),
                        if generation == Some("V2") {
                            "UEFI"
                        } else {
                            "BIOS"
                        }
                    ))
                } else {
                    None
                }
            });
            match unfit {
                None => {
                    return Ok(Choice {
                        size: known.map_or(size.clone(), |s| s.name.clone()),
                        source: SizeSource::Assessment,
                        reason: format!("recommended by the assessment ({origin})"),
                    });
                }
                Some(why) => {
                    overruled = Some(format!(" (the assessment's {size} at {origin} is {why})"))
                }
            }
        }
        let memory_gib = server.memory_mib as f64 / 1024.0;
        let cores = server.cores.max(1);
        let per_core = memory_gib / f64::from(cores);
        let want_cores = (f64::from(cores) * policy.comfort_factor - 1e-9)
            .ceil()
            .max(1.0) as u32;
        let want_memory = memory_gib * policy.comfort_factor;
        let memory_first = per_core > policy.memory_per_core_gib;
        let mut order: Vec<&str> = Vec::new();
        if memory_first {
            order.extend(policy.memory_optimised.iter().map(String::as_str));
        }
        order.extend(policy.series.iter().map(String::as_str));
        if !memory_first {
            order.extend(policy.memory_optimised.iter().map(String::as_str));
        }
        let mut seen = Vec::new();
        order.retain(|s| {
            let new = !seen.contains(s);
            seen.push(*s);
            new
        });
        for series in &order {
            let best = self
                .sizes
                .iter()
                .filter(|s| s.series == *series)
                .filter(|s| s.vcpus >= want_cores && s.memory_gib + 1e-9 >= want_memory)
                .filter(|s| s.max_data_disks >= data_disks)
                .filter(|s| !premium || s.premium_storage)
                .filter(|s| s.arch == arch)
                .filter(|s| generation.is_none_or(|g| s.generations.split(',').any(|x| x == g)))
                .min_by(|a, b| {
                    (a.vcpus, a.memory_gib)
                        .partial_cmp(&(b.vcpus, b.memory_gib))
                        .expect("sizes are finite")
                });
            if let Some(s) = best {
                let mut why = format!("{cores} cores, {} GiB", trim(memory_gib));
                if policy.comfort_factor != 1.0 {
                    why.push_str(&format!(" × comfort factor {}", policy.comfort_factor));
                }
                match data_disks {
                    0 => {}
                    1 => why.push_str(", 1 data disk"),
                    n => why.push_str(&format!(", {n} data disks")),
                }
                why.push_str(&format!(": smallest {series} size that fits"));
                if memory_first {
                    why.push_str(&format!(
                        " ({} GiB per core, so memory-optimised first)",
                        trim(per_core)
                    ));
                }
                if let Some(o) = &overruled {
                    why.push_str(o);
                }
                return Ok(Choice {
                    size: s.name.clone(),
                    source: SizeSource::AsOnPremises,
                    reason: why,
                });
            }
        }
        Err(format!(
            "no {} size has {want_cores} vCPUs, {} GiB, {data_disks} data disks{}{} ({arch})",
            order.join(" or "),
            trim(want_memory),
            if premium { ", premium storage" } else { "" },
            generation.map_or(String::new(), |g| format!(", generation {}", &g[1..])),
        ))
    }
}

fn trim(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::server::{Os, OsFamily};

    fn table() -> SizeTable {
        SizeTable::load(&Catalog::embedded()).expect("the embedded size table loads")
    }

    fn server(cores: u32, memory_gib: u64) -> Server {
        Server {
            name: "s".into(),
            origin: "t.csv:2".into(),
            environment: None,
            application: None,
            cores,
            memory_mib: memory_gib * 1024,
            os: Os {
                family: OsFamily::Windows,
                name: "Windows Server 2019".into(),
                version: None,
                arch: Arch::X64,
            },
            firmware: Firmware::Unknown,
            disks: Vec::new(),
            nics: Vec::new(),
            machine_id: None,
            assessed_size: None,
            powered_on: None,
            platform: None,
            wave: None,
        }
    }

    fn pick(s: &Server, disks: u32, premium: bool, policy: &Policy) -> String {
        table().choose(s, disks, premium, policy).unwrap().size
    }

    #[test]
    fn sizes_the_edges_the_issue_names() {
        let p = Policy::default();
        for (cores, gib, size) in [
            (4, 16, "Standard_D4s_v5"),
            (8, 64, "Standard_E8s_v5"),
            (1, 1, "Standard_D2s_v5"),
            (2, 8, "Standard_D2s_v5"),
            (2, 9, "Standard_E2s_v5"),
            (4, 17, "Standard_E4s_v5"),
            (3, 12, "Standard_D4s_v5"),
            (96, 384, "Standard_D96s_v5"),
            (16, 512, "Standard_E64s_v5"),
        ] {
            assert_eq!(
                pick(&server(cores, gib), 0, true, &p),
                size,
                "{cores} cores / {gib} GiB"
            );
        }
    }

    #[test]
    fn the_next_series_takes_what_the_first_cannot() {
        // No size of the three series has 200 vCPUs: the error names them all.
        let err = table()
            .choose(&server(200, 16), 0, false, &Policy::default())
            .unwrap_err();
        assert!(err.contains("Dsv5 or Dasv5 or Esv5"), "{err}");
        // Dsv5 and Dasv5 stop at 96 vCPUs; Esv5 goes on to 104.
        let c = table()
            .choose(&server(100, 16), 0, false, &Policy::default())
            .unwrap();
        assert_eq!(c.size, "Standard_E104is_v5");
    }

    #[test]
    fn data_disks_comfort_arm_and_generation_narrow_the_choice() {
        let p = Policy::default();
        // D2s_v5 takes 4 data disks; 5 need D4s_v5 (8).
        assert_eq!(pick(&server(2, 8), 5, true, &p), "Standard_D4s_v5");
        let comfy = Policy {
            comfort_factor: 1.5,
            ..Policy::default()
        };
        assert_eq!(pick(&server(4, 16), 0, true, &comfy), "Standard_D8s_v5");
        // Arm64 servers go to Arm64 sizes only, and x64 never to them.
        let mut arm = server(4, 16);
        arm.os.arch = Arch::Arm64;
        let arm_policy = Policy {
            series: vec!["Dpsv5".into(), "Dsv5".into()],
            ..Policy::default()
        };
        assert_eq!(pick(&arm, 0, true, &arm_policy), "Standard_D4ps_v5");
        assert_eq!(
            pick(&server(4, 16), 0, true, &arm_policy),
            "Standard_D4s_v5"
        );
        // Dv3 is generation 1 only: a UEFI server skips it.
        let mut uefi = server(2, 8);
        uefi.firmware = Firmware::Uefi;
        let v3 = Policy {
            series: vec!["Dv3".into(), "Dsv5".into()],
            ..Policy::default()
        };
        assert_eq!(pick(&uefi, 0, false, &v3), "Standard_D2s_v5");
        assert_eq!(pick(&server(2, 8), 0, false, &v3), "Standard_D2_v3");
        // Dv3 has no premium storage: a premium disk skips it.
        assert_eq!(pick(&server(2, 8), 0, true, &v3), "Standard_D2s_v5");
    }

    #[test]
    fn an_assessed_size_wins() {
        let mut s = server(4, 16);
        s.assessed_size = Some(("standard_e4s_v5".into(), "a.csv:3".into()));
        let c = table().choose(&s, 0, true, &Policy::default()).unwrap();
        assert_eq!(
            (c.size.as_str(), c.source),
            ("Standard_E4s_v5", SizeSource::Assessment)
        );
        assert!(c.reason.contains("a.csv:3"));

        // Never an Arm64 size for an x64 OS, whoever recommends it.
        s.assessed_size = Some(("Standard_D4ps_v5".into(), "a.csv:4".into()));
        let c = table().choose(&s, 0, true, &Policy::default()).unwrap();
        assert_eq!(
            (c.size.as_str(), c.source),
            ("Standard_D4s_v5", SizeSource::AsOnPremises)
        );
        assert!(
            c.reason.ends_with(
                "(the assessment's Standard_D4ps_v5 at a.csv:4 is an Arm64 size for an x64 server)"
            ),
            "{}",
            c.reason
        );
        // Nor a generation-1-only size for a UEFI server.
        s.firmware = Firmware::Uefi;
        s.assessed_size = Some(("Standard_D4_v3".into(), "a.csv:5".into()));
        let c = table().choose(&s, 0, true, &Policy::default()).unwrap();
        assert_eq!(c.size, "Standard_D4s_v5");
        assert!(
            c.reason
                .contains("is a generation 1 size for a UEFI server"),
            "{}",
            c.reason
        );
    }

    #[test]
    fn suggests_a_size_for_a_typo() {
        let t = table();
        assert_eq!(t.did_you_mean("Standard_D4s_V5x"), Some("Standard_D4s_v5"));
        assert!(t.get("potato").is_none());
        assert!(t.did_you_mean("potato").is_none());
    }
}
