//! Zone redundancy against the region's availability zones: in a region without them
//! (`withoutZones` in `catalog/naming/regions.yaml`), Azure Resource Manager refuses every
//! `zones` list and every zone-redundant option, so a `tier: prod` landing zone in West US or
//! UK West would render code that cannot deploy. Here, once, before the settings are typed:
//! what the presets and defaults turned on is turned off (the region decides it, as the README
//! and `meg lint` say), and what the input itself asks for is refused at its key.
//!
//! Not for: choosing zones where the region has them (the settings and presets decide that),
//! nor the recovery region of Site Recovery (its vault and networks take no zones).

use serde_json::Value;

use crate::error::Diagnostic;

/// The boolean zone-redundancy switches of an environment's settings, as JSON Pointers.
const SWITCHES: [&str; 4] = [
    "/firewall/zoneRedundant",
    "/paas/appService/zoneRedundant",
    "/paas/sql/zoneRedundant",
    "/paas/containerApps/zoneRedundant",
];

/// Settings whose value is a storage choice that needs zones, with the value that keeps the
/// rest of the choice without them (`None`: no such value, only the input can ask for it).
const STORAGE: [(&str, &str, Option<&str>); 3] = [
    // Azure SQL backups: geo-zone-redundant keeps its geo copy as geo-redundant.
    ("/paas/sql/backupStorageRedundancy", "GeoZone", Some("Geo")),
    ("/paas/sql/backupStorageRedundancy", "Zone", Some("Local")),
    (
        "/migration/backup/storageRedundancy",
        "ZoneRedundant",
        Some("LocallyRedundant"),
    ),
];

/// Fits an environment's (or platform hub's) resolved settings to `region`. `user_set` says
/// whether the input (a value file or `--set`) itself wrote the value at a settings pointer;
/// only those are refused. Returns the problems, each keyed by its settings pointer.
pub(crate) fn fit(
    resolved: &mut Value,
    region: &str,
    has_zones: bool,
    user_set: &dyn Fn(&str) -> Option<Value>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if has_zones {
        return problems;
    }
    let hint = "remove it: the region has no availability zones (learn.microsoft.com/azure/reliability/regions-list), or deploy to a region that has them";
    for pointer in SWITCHES {
        if resolved.pointer(pointer) != Some(&Value::Bool(true)) {
            continue;
        }
        if user_set(pointer) == Some(Value::Bool(true)) {
            problems.push(
                Diagnostic::at_key(
                    pointer,
                    format!(
                        "{} asks for availability zones, but {region} has none: Azure refuses the deployment",
                        dotted(pointer)
                    ),
                )
                .hint(hint),
            );
        }
        if let Some(v) = resolved.pointer_mut(pointer) {
            *v = Value::Bool(false);
        }
    }
    for (pointer, zonal, regional) in STORAGE {
        if resolved.pointer(pointer).and_then(Value::as_str) != Some(zonal) {
            continue;
        }
        if user_set(pointer).as_ref().and_then(Value::as_str) == Some(zonal) {
            problems.push(
                Diagnostic::at_key(
                    pointer,
                    format!(
                        "{} {zonal} stores copies in availability zones, but {region} has none: Azure refuses it",
                        dotted(pointer)
                    ),
                )
                .hint(format!(
                    "use {} in {region}",
                    regional.unwrap_or("a storage option without zones")
                )),
            );
        }
        if let (Some(v), Some(r)) = (resolved.pointer_mut(pointer), regional) {
            *v = Value::String(r.to_string());
        }
    }
    // A VM's zone is always the input's (no preset places VMs).
    if let Some(vms) = resolved
        .pointer("/migration/virtualMachines")
        .and_then(Value::as_object)
    {
        for (vm, body) in vms {
            if body.get("zone").is_some_and(|z| !z.is_null()) {
                problems.push(
                    Diagnostic::at_key(
                        format!("/migration/virtualMachines/{vm}/zone"),
                        format!(
                            "virtual machine {vm} is placed in availability zone {}, but {region} has no availability zones",
                            body["zone"]
                        ),
                    )
                    .hint("remove zone: a VM in a region without zones is regional"),
                );
            }
        }
    }
    problems
}

/// `/paas/sql/zoneRedundant` -> `paas.sql.zoneRedundant`.
fn dotted(pointer: &str) -> String {
    pointer.trim_start_matches('/').replace('/', ".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn presets_are_turned_off_and_the_input_is_refused_only_without_zones() {
        let base = json!({
            "firewall": {"zoneRedundant": true},
            "paas": {"sql": {"zoneRedundant": true, "backupStorageRedundancy": "GeoZone"}},
            "migration": {"virtualMachines": {"vm1": {"zone": "1"}}}
        });
        let nobody = |_: &str| None;
        let mut zoned = base.clone();
        assert!(fit(&mut zoned, "westeurope", true, &nobody).is_empty());
        assert_eq!(zoned, base);

        let mut regional = base.clone();
        let problems = fit(&mut regional, "westus", false, &nobody);
        assert_eq!(regional["firewall"]["zoneRedundant"], json!(false));
        assert_eq!(regional["paas"]["sql"]["zoneRedundant"], json!(false));
        assert_eq!(
            regional["paas"]["sql"]["backupStorageRedundancy"],
            json!("Geo")
        );
        // Only the VM's zone was the input's.
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("vm1"));

        let user = |p: &str| (p == "/firewall/zoneRedundant").then_some(Value::Bool(true));
        let mut regional = base.clone();
        let problems = fit(&mut regional, "westus", false, &user);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].message.contains("firewall.zoneRedundant"));
        assert!(problems[0].message.contains("westus"));
    }
}
