//! The `hubs:` map of the landing-zone file: platform hubs that several environments share.
//!
//! Only what a hub is (its address space, region, subscription and preset) is typed here. The
//! settings of the services it runs (firewall, gateways, resolver, private DNS zones) are the
//! environments' own settings, layered for the hub by `model::platform`, and typed there as
//! [`crate::input::settings::Settings`]. Not here: resolving a hub or attaching environments.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::cidr::Cidr;

/// The keys of a hub's body that describe the hub itself rather than a service it runs.
pub(crate) const OWN_KEYS: [&str; 6] = [
    "addressSpace",
    "location",
    "subscriptionId",
    "tier",
    "subnets",
    "privateDnsZones",
];

/// One declared platform hub, after the schema checked its shape.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PlatformHub {
    /// The hub's address space.
    pub address_space: Cidr,
    /// Its region; `None`: the landing zone's.
    #[serde(default)]
    pub location: Option<String>,
    /// The connectivity subscription; `None`: no environment can attach (they peer by ID).
    #[serde(default)]
    pub subscription_id: Option<String>,
    /// The preset it starts from; `None`: the highest tier of the environments attached to it.
    #[serde(default)]
    pub tier: Option<String>,
}

/// The declared hubs by name, in name order; none when the file has no `hubs:`.
pub(crate) fn read(top: &serde_json::Map<String, Value>) -> BTreeMap<String, PlatformHub> {
    top.get("hubs")
        .and_then(Value::as_object)
        .map(|hubs| {
            hubs.iter()
                .filter_map(|(name, body)| {
                    // The schema has checked every body: one that does not read is not there.
                    serde_json::from_value(body.clone())
                        .ok()
                        .map(|hub| (name.clone(), hub))
                })
                .collect()
        })
        .unwrap_or_default()
}
