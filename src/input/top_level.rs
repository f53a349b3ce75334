//! The landing-zone file's top level as the input schema sees it: the root object of
//! `catalog/schema/landing-zone.schema.json`, from which `input::schema_source` generates it.
//!
//! Schema only, and only the root object: meg reads the top level key by key
//! (`model::LandingZone::resolve`), so each field here is the type that reads that key
//! (`Naming`, `Governance`) or a reference to the definition of what it holds (`DefRef`).
//! The environment keys at the top level are the landing zone's shared values, which every
//! environment's layer the same keys over.

use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::input::closed_sets::{LandingZoneGroup, LockKind};
use crate::input::governance::Governance;
use crate::input::hubs::PlatformHub;
use crate::input::migration::Migration;
use crate::input::naming::Naming;
use crate::input::paas::Paas;
use crate::input::schema_kinds::{DefRef, Region};
use crate::input::settings::{
    Arc, Bastion, DdosProtection, DnsResolver, ExpressRoute, Firewall, KeyVault, Monitoring,
    Network, OnPremises, Settings, VpnGateway,
};
use crate::input::shared_defs::{SubscriptionId, Tags};

/// One Azure landing zone for a migration, rendered by meg as Bicep and Terraform.
#[derive(JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields, title = "meg landing zone")]
#[allow(dead_code)] // the schema's view only
pub(crate) struct LandingZoneFile {
    /// Landing-zone name (lower case, digits, hyphens; 3-16 characters). Seeds the unique
    /// suffix of global names and tags every resource.
    #[schemars(
        regex(pattern = "^[a-z][a-z0-9-]{1,14}[a-z0-9]$"),
        extend(
            "x-rule" = "starts with a lower-case letter, then lower-case letters, digits or hyphens; 3 to 16 characters; does not end with a hyphen"
        )
    )]
    name: String,
    /// Migration strategy: hybrid keeps on-premises connected, rehost lifts and shifts servers,
    /// refactor moves applications to PaaS. A list combines them ([hybrid, rehost, refactor]):
    /// in the order hybrid, rehost, refactor whatever the list's order, the landing zone deploys
    /// the union of their components; their defaults merge in that order (a later strategy's
    /// value wins, lists are joined, an enabled switch is on when any strategy turns it on), and
    /// a default that switches off a component another listed strategy has (refactor's
    /// bastion.enabled: false beside rehost or hybrid) is dropped, so the presets, the schema
    /// default and your input decide it.
    #[schemars(schema_with = "strategy")]
    strategy: (),
    /// Azure region for every resource, by its programmatic name (westeurope, swedencentral).
    #[schemars(
        with = "Region",
        extend(
            "$comment" = "x-kind region: checked against catalog/naming/regions.yaml by NamingTables::region, like every region field."
        )
    )]
    location: String,
    #[serde(default)]
    naming: Naming,
    #[serde(default)]
    governance: Governance,
    /// Platform hubs that several environments share (CAF's connectivity subscription), by
    /// name: meg renders them as their own deployment root (bicep/platform/,
    /// terraform/platform/), one parameter file per hub, and an environment attaches with
    /// network.hub.platform: <hub>. A hub takes the landing zone's top-level firewall, bastion,
    /// vpnGateway, expressRoute, onPremises, dnsResolver, ddosProtection, monitoring, tags and
    /// network.privateDnsZones, and its own values win.
    #[serde(default)]
    #[schemars(extend("propertyNames" = {
        "minLength": 2,
        "maxLength": 8,
        "pattern": "^[a-z][a-z0-9]{1,7}$",
        "x-rule": "starts with a lower-case letter, then lower-case letters or digits; 2 to 8 characters",
        "description": "hub names are 2 to 8 lower-case letters or digits, starting with a letter (nonprod, prod, weu): the name stands where an environment's would in the hub's resource names (vnet-hub-nonprod-weu-001)"
    }))]
    hubs: BTreeMap<String, DefRef<PlatformHub>>,
    /// The environments to render, by name; each gets its own parameter files.
    #[schemars(extend(
        "minProperties" = 1,
        "propertyNames" = {
            "minLength": 2,
            "maxLength": 8,
            "pattern": "^[a-z][a-z0-9]{1,7}$",
            "x-rule": "starts with a lower-case letter, then lower-case letters or digits; 2 to 8 characters",
            "description": "environment names are 2 to 8 lower-case letters or digits, starting with a letter (dev, test, prod, uat1)"
        }
    ))]
    environments: BTreeMap<String, DefRef<Settings>>,
    // The landing zone's shared values: an environment's keys but its tier.
    #[serde(default)]
    subscription_id: DefRef<SubscriptionId>,
    #[serde(default)]
    management_group: DefRef<LandingZoneGroup>,
    #[serde(default)]
    tags: DefRef<Tags>,
    #[serde(default)]
    monitoring: DefRef<Monitoring>,
    #[serde(default)]
    lock: DefRef<LockKind>,
    #[serde(default)]
    key_vault: DefRef<KeyVault>,
    #[serde(default)]
    network: DefRef<Network>,
    #[serde(default)]
    firewall: DefRef<Firewall>,
    #[serde(default)]
    bastion: DefRef<Bastion>,
    #[serde(default)]
    vpn_gateway: DefRef<VpnGateway>,
    #[serde(default)]
    express_route: DefRef<ExpressRoute>,
    #[serde(default)]
    on_premises: DefRef<OnPremises>,
    #[serde(default)]
    dns_resolver: DefRef<DnsResolver>,
    #[serde(default)]
    ddos_protection: DefRef<DdosProtection>,
    #[serde(default)]
    arc: DefRef<Arc>,
    #[serde(default)]
    migration: DefRef<Migration>,
    #[serde(default)]
    paas: DefRef<Paas>,
}

/// `strategy`: one strategy's name, or a list of them. The single name is checked by `if/then`
/// rather than `oneOf`, so a misspelt name gets the enum's own error (and its did-you-mean)
/// instead of "matches none of the alternatives". The names are the files of
/// catalog/strategies/ (`model::strategies` merges them).
fn strategy(_: &mut SchemaGenerator) -> Schema {
    let names = ["hybrid", "rehost", "refactor"];
    json_schema!({
        "type": ["string", "array"],
        "if": { "type": "string" },
        "then": { "enum": names },
        "items": { "type": "string", "enum": names },
        "minItems": 1,
        "uniqueItems": true,
        "$comment": "The merge rule lives in src/model/strategies.rs; if/then keeps the single name's enum error (with its did-you-mean) on the string form."
    })
}
