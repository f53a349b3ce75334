//! `meg lint` on platform hubs (`hubs:`): the rules that judge an environment's own hub judge a
//! platform hub too, once per hub, with each finding placed at `hubs.<hub>.…`, where the file
//! sets (or would set) the value; and an environment attached to a hub is not told again what
//! its hub already fails.
//!
//! A hub is resolved as an environment of the platform root (`model::platform`), so the rules
//! see it through the same view, less what a hub does not deploy (the environment's Key Vault,
//! spokes and workloads). Not here: the rules, their evaluation or how findings print
//! (`model::lint`, `cli::lint`).

use serde_json::{Value, json};

use crate::input::values::key_path;

/// A platform hub as rules see it: an environment's view of its settings (its workloads are
/// switched off, so rules `when` they are on pass it by), without the environment's Key Vault,
/// which a hub does not deploy (a rule that requires something of it has nothing to judge), and
/// with `platformHub: true` for rules of a company catalog that tell hubs apart.
/// `environment_view` is the hub's view as `model::lint` builds an environment's.
pub(super) fn view(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("keyVault");
        o.insert("platformHub".into(), json!(true));
    }
    v
}

/// Where a value of a hub's view (`/firewall/zoneRedundant`) belongs in the landing-zone file:
/// its key path under `hubs.<hub>` (`hubs.prod.firewall.zoneRedundant`), and the JSON Pointer
/// of the input that set it: the hub's body, else the top of the file when the landing zone sets
/// it for every hub, else the hub's key path (not written: a preset's or default value). A
/// derived fact (`/facts/...`) is about the hub as a whole: `hubs.<hub>`.
pub(super) fn locate(merged: &Value, hub: &str, pointer: &str) -> (String, String) {
    let base = format!("/hubs/{}", crate::input::values::pointer_token(hub));
    if pointer.is_empty() || pointer.starts_with("/facts") {
        return (key_path(&base), base);
    }
    // A hub's own keys sit at the top of its body; the rest are the services' settings.
    let in_body = if let Some(rest) = pointer.strip_prefix("/network/hub") {
        rest.to_string()
    } else if let Some(rest) = pointer.strip_prefix("/network/privateDnsZones") {
        format!("/privateDnsZones{rest}")
    } else {
        pointer.to_string()
    };
    let at_hub = format!("{base}{in_body}");
    let path = key_path(&at_hub);
    if merged.pointer(&at_hub).is_some() {
        return (path, at_hub);
    }
    // Of the landing zone's own network settings a hub takes only these (`platform::hub_values`).
    let shared = !pointer.starts_with("/network")
        || pointer.starts_with("/network/privateDnsZones")
        || pointer.starts_with("/network/dnsServers");
    if shared && merged.pointer(pointer).is_some() {
        return (path, pointer.to_string());
    }
    (path, at_hub)
}

/// An attached environment's view as if its platform hub ran every service an environment's
/// own hub can: a rule that fails the real view and passes this one fails because of the hub,
/// and is the hub's finding, not the environment's.
pub(super) fn with_complete_hub(view: &Value) -> Value {
    let mut v = view.clone();
    if let Some(existing) = v
        .pointer_mut("/network/hub/existing")
        .and_then(Value::as_object_mut)
    {
        // Placeholders: rules test whether the hub gives them, never their values.
        existing.insert("firewallPrivateIp".into(), json!("0.0.0.0"));
        existing.insert("bastionAddressPrefix".into(), json!("0.0.0.0/26"));
        existing.insert("useRemoteGateways".into(), json!(true));
    }
    if v.get("facts").is_some_and(Value::is_object) {
        v["facts"]["hybridConnectivity"] = json!(true);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::locate;
    use serde_json::json;

    #[test]
    fn a_hub_setting_is_placed_in_the_hub_else_where_the_file_sets_it_for_every_hub() {
        let merged = json!({
            "firewall": {"threatIntelMode": "Alert"},
            "network": {"hub": {"addressSpace": "10.9.0.0/22"}},
            "hubs": {"prod": {"addressSpace": "10.0.0.0/22", "firewall": {"tier": "Basic"}}}
        });
        assert_eq!(
            locate(&merged, "prod", "/firewall/tier"),
            (
                "hubs.prod.firewall.tier".into(),
                "/hubs/prod/firewall/tier".into()
            )
        );
        assert_eq!(
            locate(&merged, "prod", "/network/hub/addressSpace"),
            (
                "hubs.prod.addressSpace".into(),
                "/hubs/prod/addressSpace".into()
            )
        );
        assert_eq!(
            locate(&merged, "prod", "/firewall/threatIntelMode"),
            (
                "hubs.prod.firewall.threatIntelMode".into(),
                "/firewall/threatIntelMode".into()
            )
        );
        // Not written anywhere: where to write it.
        assert_eq!(
            locate(&merged, "prod", "/firewall/zoneRedundant"),
            (
                "hubs.prod.firewall.zoneRedundant".into(),
                "/hubs/prod/firewall/zoneRedundant".into()
            )
        );
        assert_eq!(
            locate(&merged, "prod", "/facts/subnetsWithoutNsg"),
            ("hubs.prod".into(), "/hubs/prod".into())
        );
    }
}
