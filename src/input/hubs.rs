//! The `hubs:` map of the landing-zone file: platform hubs that several environments share.
//!
//! [`PlatformHub`] is a hub's body as written: what the hub is (its address space, region,
//! subscription, preset, subnets and private DNS zones) and the settings of the services it runs
//! (firewall, gateways, resolver...), kept as the values written, since they are layered over the
//! landing zone's by `model::platform` and typed there as
//! [`crate::input::settings::Settings`]. The type is also where the schema's `platformHub`
//! definition comes from (`input::schema_source`). Not here: resolving a hub or attaching
//! environments.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::cidr::Cidr;
use crate::input::closed_sets::{LockKind, Tier};
use crate::input::schema_kinds::{CidrText, DefRef, DnsZoneName, NamedDef, Region};
use crate::input::settings::{
    Bastion, DdosProtection, DnsResolver, ExpressRoute, Firewall, HubSubnets, Monitoring,
    OnPremises, VpnGateway,
};

/// One platform hub: its address space and region, the connectivity subscription it lives in,
/// and the settings of the services it runs for every environment attached to it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub(crate) struct PlatformHub {
    /// The hub's address space; a /22 leaves room for every platform subnet. Spokes of the
    /// environments attached to the hub must not overlap it.
    #[schemars(with = "CidrText")]
    pub address_space: Cidr,
    /// Azure region of the hub, by its programmatic name. Default: the landing zone's location.
    #[serde(default)]
    #[schemars(with = "Option<Region>")]
    pub location: Option<String>,
    /// The connectivity subscription the hub deploys into. The environments attached to the hub
    /// peer to its virtual network by resource ID, which holds this subscription: without it the
    /// platform root still renders (it deploys into the subscription you sign in to), but no
    /// environment can attach to the hub.
    #[serde(default)]
    #[schemars(
        regex(
            pattern = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
        ),
        extend("x-rule" = "a subscription ID, a GUID such as 00000000-0000-0000-0000-000000000000")
    )]
    pub subscription_id: Option<String>,
    /// Preset whose defaults the hub starts from (firewall tier, gateway SKUs, zone redundancy,
    /// retention). Default: the highest tier of the environments attached to it (prod over test
    /// over dev), else prod.
    #[serde(default)]
    #[schemars(with = "Tier")]
    pub tier: Option<Tier>,
    // The hub's `network.hub.subnets`, as written; the field's description is the subnets
    // type's.
    #[serde(default)]
    #[schemars(with = "Option<HubSubnets>")]
    pub subnets: Option<Value>,
    /// Private DNS zones created in the hub's connectivity resource group and linked to the hub;
    /// the attached environments' private endpoints register in them. Default: the landing
    /// zone's network.privateDnsZones.
    #[serde(default)]
    #[schemars(with = "Option<Vec<DnsZoneName>>")]
    pub private_dns_zones: Option<Vec<String>>,
    /// The services the hub runs, as written in its body.
    #[serde(flatten)]
    pub services: HubServices,
}

// Here rather than in `settings`'s list of named definitions: `settings` does not know hubs.
impl NamedDef for PlatformHub {
    const NAME: &'static str = "platformHub";
}

/// The settings a hub's body gives the services it runs, each as written: they layer over the
/// landing zone's (`model::platform::hub_values`), and the schema checks each against the
/// component's own definition. A field here is a key a hub accepts.
// No doc comments on the fields: the schema gives each key its component's definition by
// reference, with the description that definition has.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct HubServices {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DefRef<crate::input::shared_defs::Tags>")]
    pub tags: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DefRef<Monitoring>")]
    pub monitoring: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DefRef<LockKind>")]
    pub lock: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DefRef<Firewall>")]
    pub firewall: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DefRef<Bastion>")]
    pub bastion: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DefRef<VpnGateway>")]
    pub vpn_gateway: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DefRef<ExpressRoute>")]
    pub express_route: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DefRef<OnPremises>")]
    pub on_premises: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DefRef<DnsResolver>")]
    pub dns_resolver: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DefRef<DdosProtection>")]
    pub ddos_protection: Option<Value>,
}

impl HubServices {
    /// The services' settings the hub's body gives, by the input's keys, to layer over the
    /// landing zone's.
    pub(crate) fn values(&self) -> Map<String, Value> {
        match serde_json::to_value(self) {
            Ok(Value::Object(map)) => map,
            // A struct of optional JSON values always serializes to a map.
            _ => Map::new(),
        }
    }
}

/// The declared hubs by name, in name order; none when the file has no `hubs:`.
pub(crate) fn read(top: &Map<String, Value>) -> BTreeMap<String, PlatformHub> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every key the schema lets a hub's body have is either what the hub is (read into its
    /// own fields) or a service setting layered over the landing zone's, never both and never
    /// neither: the schema and `model::platform::hub_values` read the same type.
    #[test]
    fn a_hub_layers_every_service_key_it_accepts_and_none_of_its_own() {
        let schema = schemars::schema_for!(PlatformHub);
        let accepted: Vec<&String> = schema
            .get("properties")
            .and_then(Value::as_object)
            .expect("a hub's schema lists its keys")
            .keys()
            .collect();
        let own = json!({
            "addressSpace": "10.0.0.0/22",
            "location": "northeurope",
            "subscriptionId": "8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f",
            "tier": "test",
            "subnets": { "gateway": "10.0.3.0/27" },
            "privateDnsZones": ["privatelink.vaultcore.azure.net"],
        });
        let mut body = own.as_object().unwrap().clone();
        for key in &accepted {
            body.entry(key.as_str())
                .or_insert_with(|| json!({ "set": key.as_str() }));
        }
        let hub: PlatformHub = serde_json::from_value(Value::Object(body)).unwrap();
        let services = hub.services.values();
        for key in accepted {
            let is_own = own.get(key.as_str()).is_some();
            assert_eq!(services.contains_key(key.as_str()), !is_own, "{key}");
            if !is_own {
                assert_eq!(services[key.as_str()], json!({ "set": key.as_str() }));
            }
        }
        assert_eq!(hub.tier, Some(Tier::Test));
        assert_eq!(hub.subnets, Some(json!({ "gateway": "10.0.3.0/27" })));
        assert_eq!(hub.location.as_deref(), Some("northeurope"));
    }

    /// A hub that sets no service layers nothing over the landing zone's values.
    #[test]
    fn a_hub_without_services_layers_nothing() {
        let hub: PlatformHub =
            serde_json::from_value(json!({ "addressSpace": "10.0.0.0/22" })).unwrap();
        assert!(hub.services.values().is_empty());
        assert_eq!(hub.tier, None);
    }
}
