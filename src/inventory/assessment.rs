//! Azure Migrate assessment exports: the classic `All_Assessed_Machines` with
//! `All_Assessed_Disks`, and the newer `VM_IaaS_Server_Rehost_Perf` / `…_As-is` sheets that
//! list a machine's disks and recommended disk SKUs in one row.
//!
//! An assessment enriches the servers discovery exports already gave (its recommended size
//! and disk SKUs win); a machine no other file lists becomes a server of its own.

use std::collections::HashMap;

use super::azure_migrate::{firmware, positive, whole_cores};
use super::rows::Recognised;
use super::server::{Disk, Nic, Os, Server};
use super::wave::WaveSource;
use crate::error::Diagnostic;

/// A disk SKU as assessments write it (`Premium_P10`, `StandardSSD_E15`, `Standard HDD S20`):
/// the tier's letter says the storage type.
pub(crate) fn sku_tier(text: &str) -> Option<(&'static str, String)> {
    let tier = text
        .rsplit(|c: char| c == '_' || c.is_whitespace())
        .next()?
        .to_ascii_uppercase();
    let (letter, digits) = tier.split_at(1);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let sku = match letter {
        "P" => "Premium_LRS",
        "E" => "StandardSSD_LRS",
        "S" => "Standard_LRS",
        _ => return None,
    };
    Some((sku, tier))
}

/// Whether an assessment recommends Premium SSD v2 (`PremiumV2_LRS`, `Premium SSD v2`): it
/// has no tiers, so it names no `<type>_<tier>`.
pub(crate) fn is_premium_v2(text: &str) -> bool {
    let squashed: String = text
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    squashed.starts_with("premiumv2") || squashed.starts_with("premiumssdv2")
}

/// A recommended disk SKU meg can follow.
fn usable_sku(text: &str) -> bool {
    sku_tier(text).is_some() || is_premium_v2(text)
}

fn list(text: &str) -> Vec<String> {
    text.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A recommended VM size worth taking: `Standard_…`, not `Unknown` or `Not applicable`.
fn size_of(text: Option<String>) -> Option<String> {
    text.filter(|t| t.to_ascii_lowercase().starts_with("standard_"))
}

/// Applies the assessments to the servers, adding the machines only they list.
pub(crate) fn apply(
    machines: &[Recognised],
    disk_tables: &[Recognised],
    servers: &mut Vec<Server>,
    warnings: &mut Vec<String>,
) -> Result<(), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    // Disks from All_Assessed_Disks, by machine (lower case), in file order.
    let mut assessed_disks: HashMap<String, Vec<Disk>> = HashMap::new();
    for r in disk_tables {
        let (machine, disk, sku) = (
            r.col("machine"),
            r.col("disk"),
            r.col("recommended disk sku"),
        );
        let (source, target) = (
            r.columns.find("source disk size"),
            r.columns.find("target disk size"),
        );
        for row in r.rows() {
            let Some(m) = row.text(Some(&machine)) else {
                continue;
            };
            let size = match row.mib(source.as_ref()).and_then(|s| match s {
                Some(s) => Ok(Some(s)),
                None => row.mib(target.as_ref()),
            }) {
                Ok(s) => s.unwrap_or(0.0),
                Err(d) => {
                    problems.push(d);
                    continue;
                }
            };
            let list = assessed_disks.entry(m.to_lowercase()).or_default();
            list.push(Disk {
                name: row
                    .text(Some(&disk))
                    .unwrap_or_else(|| format!("Disk {}", list.len() + 1)),
                size_gib: super::server::gib_up(size).max(1),
                is_os: list.is_empty(),
                iops: None,
                mbps: None,
                assessed_sku: row.text(Some(&sku)).filter(|s| usable_sku(s)),
            });
        }
    }
    let mut index: HashMap<String, usize> = servers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.to_lowercase(), i))
        .collect();
    for r in machines {
        let machine = r.col("machine");
        let size = r.col("recommended size");
        let c = |k| r.columns.find(k);
        let (wave, assessment_group) = (c("wave"), c("assessment group"));
        let (ready, cores, memory, os, boot, ip, group, env, id, storage, disk_names, disk_skus) = (
            c("readiness"),
            c("cores"),
            c("memory"),
            c("os name"),
            c("boot type"),
            c("ip addresses"),
            c("application"),
            c("environment"),
            c("machine id"),
            c("storage"),
            c("disk names"),
            c("recommended disk skus"),
        );
        for row in r.rows() {
            let Some(name) = row.text(Some(&machine)) else {
                continue;
            };
            if let Some(state) = row.text(ready.as_ref())
                && state.to_ascii_lowercase().starts_with("not ready")
            {
                warnings.push(format!(
                    "{}: the assessment says {name} is not ready for Azure ({state})",
                    row.origin()
                ));
            }
            let recommended = size_of(row.text(Some(&size)));
            // Disks listed in the row itself (the newer sheets).
            let names = row
                .text(disk_names.as_ref())
                .map(|t| list(&t))
                .unwrap_or_default();
            let skus = row
                .text(disk_skus.as_ref())
                .map(|t| list(&t))
                .unwrap_or_default();
            let key = name.to_lowercase();
            let disks = assessed_disks.remove(&key);
            let existing = index.get(&key).copied();
            let server = match existing {
                Some(i) => &mut servers[i],
                None => {
                    let (Some(cores), Some(memory)) = (cores.as_ref(), memory.as_ref()) else {
                        problems.push(Diagnostic::at(
                            row.origin(),
                            format!("machine '{name}' is in no discovery file and this sheet has no Cores or Memory column"),
                        ).hint("add the Azure Migrate import CSV or RVTools export that discovered it"));
                        continue;
                    };
                    let built = (|| -> Result<Server, Diagnostic> {
                        let os_name = row.text(os.as_ref()).unwrap_or_default();
                        let storage_disk =
                            row.mib(storage.as_ref())?
                                .filter(|s| *s > 0.0)
                                .map(|mib| Disk {
                                    name: "Disk 1".into(),
                                    size_gib: super::server::gib_up(mib),
                                    is_os: true,
                                    iops: None,
                                    mbps: None,
                                    assessed_sku: None,
                                });
                        Ok(Server {
                            origin: row.origin(),
                            environment: None,
                            application: None,
                            cores: whole_cores(&row, cores)?,
                            memory_mib: positive(&row, memory, row.mib(Some(memory))?)?,
                            os: Os {
                                family: super::server::os_family(&os_name),
                                arch: super::server::arch_of(&os_name),
                                name: os_name,
                                version: None,
                            },
                            firmware: firmware(&row, boot.as_ref())?,
                            disks: storage_disk.into_iter().collect(),
                            nics: vec![Nic {
                                network: None,
                                ips: row
                                    .text(ip.as_ref())
                                    .map(|t| super::server::split_ips(&t))
                                    .unwrap_or_default(),
                            }],
                            machine_id: None,
                            assessed_size: None,
                            powered_on: None,
                            platform: None,
                            wave: None,
                            name: name.clone(),
                        })
                    })();
                    match built {
                        Ok(s) => {
                            servers.push(s);
                            index.insert(key.clone(), servers.len() - 1);
                            servers.last_mut().expect("just pushed")
                        }
                        Err(d) => {
                            problems.push(d);
                            continue;
                        }
                    }
                }
            };
            // Two sheets of one export (Performance-based and As on-premises) can size one
            // machine twice: the first recommendation read stays, and the other is said.
            match (&server.assessed_size, recommended) {
                (None, Some(size)) => server.assessed_size = Some((size, row.origin())),
                (Some((first, at)), Some(size)) if !first.eq_ignore_ascii_case(&size) => {
                    warnings.push(format!(
                        "{}: the assessment recommends {size} for '{name}', and {at} recommends {first}: meg keeps {first}, the first read",
                        row.origin()
                    ));
                }
                _ => {}
            }
            if server.environment.is_none() {
                server.environment = row.text(env.as_ref());
            }
            if server.application.is_none() {
                server.application = row.text(group.as_ref());
            }
            // A wave column wins over the group the assessment was created on, and either
            // over nothing; a discovery file's own wave column wins over both.
            if server.wave.is_none() {
                server.wave = super::wave::label_at(&row, wave.as_ref(), WaveSource::Column)
                    .or_else(|| {
                        super::wave::label_at(&row, assessment_group.as_ref(), WaveSource::Group)
                    });
            }
            // Azure Migrate's machine resource ID wins over a VMware UUID: replication takes it.
            let assessed_id = row.text(id.as_ref());
            if server.machine_id.is_none()
                || assessed_id
                    .as_deref()
                    .is_some_and(crate::model::waves::is_machine_resource_id)
            {
                server.machine_id = assessed_id.or(server.machine_id.take());
            }
            if let Some(disks) = disks {
                server.disks = disks;
            } else if !skus.is_empty() {
                apply_row_skus(server, &names, &skus);
            }
        }
    }
    for (machine, _) in assessed_disks {
        warnings.push(format!(
            "the assessment's disks of '{machine}' belong to no machine meg read"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The newer sheets list `Disk Names` and `Recommended Disk SKUs` side by side: a SKU goes to
/// the disk of the same name, else to the disk at the same position.
fn apply_row_skus(server: &mut Server, names: &[String], skus: &[String]) {
    for (i, sku) in skus.iter().enumerate() {
        if !usable_sku(sku) {
            continue;
        }
        let by_name = names.get(i).and_then(|n| {
            server
                .disks
                .iter()
                .position(|d| d.name.eq_ignore_ascii_case(n))
        });
        if let Some(d) = by_name.or(Some(i)).and_then(|j| server.disks.get_mut(j)) {
            d.assessed_sku = Some(sku.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sku_tier;

    #[test]
    fn reads_a_disk_sku_by_its_tier_letter() {
        assert_eq!(sku_tier("Premium_P10"), Some(("Premium_LRS", "P10".into())));
        assert_eq!(
            sku_tier("StandardSSD_E15"),
            Some(("StandardSSD_LRS", "E15".into()))
        );
        assert_eq!(
            sku_tier("Standard HDD S20"),
            Some(("Standard_LRS", "S20".into()))
        );
        assert_eq!(sku_tier("Not applicable"), None);
        assert_eq!(sku_tier("Ultra"), None);
        assert_eq!(sku_tier("PremiumV2_LRS"), None);
        assert!(super::is_premium_v2("PremiumV2_LRS"));
        assert!(super::is_premium_v2("Premium SSD v2"));
        assert!(!super::is_premium_v2("Premium_P10"));
    }
}
