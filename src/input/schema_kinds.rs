//! The kinds of text the input schema checks the same way wherever they appear (an IPv4
//! address, a CIDR range, a DNS name, a GUID, a region), and references to the schema's shared
//! definitions. Settings types name them in `#[schemars(with = "...")]`, so each rule is
//! written once and every field of its kind carries the same `pattern`, `x-rule` and `x-kind`.
//!
//! Only the schema's view: meg parses the values as `Ipv4Addr`, `Cidr` and so on after the
//! schema accepted them, and checks regions against `catalog/naming/regions.yaml`
//! (`NamingTables::region`, which is what `x-kind: region` means).

use std::borrow::Cow;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// An IPv4 address as the schema checks it (meg parses it as one after).
pub(crate) struct Ipv4;

impl JsonSchema for Ipv4 {
    fn schema_name() -> Cow<'static, str> {
        "ipv4".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$",
            "x-rule": "an IPv4 address, such as 203.0.113.10",
            "x-kind": "ipv4"
        })
    }
}

/// An IPv4 range in CIDR notation as the schema checks it (parsed as a `Cidr` after).
pub(crate) struct CidrText;

impl JsonSchema for CidrText {
    fn schema_name() -> Cow<'static, str> {
        "cidr".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$",
            "x-rule": "an IPv4 address range in CIDR notation, such as 10.20.0.0/24",
            "x-kind": "cidr"
        })
    }
}

/// A DNS domain name as the schema checks it.
pub(crate) struct DnsName;

impl JsonSchema for DnsName {
    fn schema_name() -> Cow<'static, str> {
        "dnsName".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$",
            "x-rule": "a lower-case DNS name (contoso.com, or one label): letters, digits and hyphens, labels separated by dots, no label beginning or ending with a hyphen"
        })
    }
}

/// A DNS zone name as the schema checks it: a DNS name of two labels or more
/// (`privatelink.vaultcore.azure.net`), as Azure's private DNS zones are named.
pub(crate) struct DnsZoneName;

impl JsonSchema for DnsZoneName {
    fn schema_name() -> Cow<'static, str> {
        "dnsZoneName".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$",
            "x-rule": "a lower-case DNS name of two labels or more (contoso.com): letters, digits and hyphens, labels separated by dots, no label beginning or ending with a hyphen"
        })
    }
}

/// The name of a spoke, where another setting refers to one.
pub(crate) struct SpokeName;

impl JsonSchema for SpokeName {
    fn schema_name() -> Cow<'static, str> {
        "spokeName".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": SPOKE_NAME_PATTERN,
            "x-rule": SPOKE_NAME_RULE
        })
    }
}

/// The pattern of a spoke's name, also for maps keyed by spoke (`propertyNames`).
pub(crate) const SPOKE_NAME_PATTERN: &str = "^[a-z][a-z0-9-]{0,18}[a-z0-9]$";
/// What [`SPOKE_NAME_PATTERN`] means, in words.
pub(crate) const SPOKE_NAME_RULE: &str = "starts with a lower-case letter, then lower-case letters, digits or hyphens; 2 to 20 characters; does not end with a hyphen";

/// The name of a spoke's subnet without its `snet-` prefix, where a setting refers to one.
pub(crate) struct SubnetName;

impl JsonSchema for SubnetName {
    fn schema_name() -> Cow<'static, str> {
        "subnetName".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[a-z][a-z0-9-]{0,30}[a-z0-9]$",
            "x-rule": "starts with a lower-case letter, then lower-case letters, digits or hyphens; 2 to 32 characters; does not end with a hyphen"
        })
    }
}

/// A GUID as the schema checks it (an Entra object ID, a subscription ID).
pub(crate) struct Guid;

impl JsonSchema for Guid {
    fn schema_name() -> Cow<'static, str> {
        "guid".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$",
            "x-rule": "a GUID: 8-4-4-4-12 hexadecimal digits, such as 00000000-0000-0000-0000-000000000000"
        })
    }
}

/// An Azure region by its programmatic name (`westeurope`). The schema only marks it: meg
/// checks it against `catalog/naming/regions.yaml`, with a did-you-mean, after the schema.
pub(crate) struct Region;

impl JsonSchema for Region {
    fn schema_name() -> Cow<'static, str> {
        "region".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "x-kind": "region"
        })
    }
}

/// A Windows time zone ID (`tzutil /l`), in which a schedule's times are meant.
pub(crate) struct TimeZone;

impl JsonSchema for TimeZone {
    fn schema_name() -> Cow<'static, str> {
        "timeZone".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "pattern": "^[A-Za-z0-9][A-Za-z0-9 .()+-]{0,63}$",
            "x-rule": "starts with a letter or digit, then letters, digits, spaces, dots, parentheses, plus signs or hyphens; at most 64 characters",
            "$comment": "Windows time zone IDs (tzutil /l): letters, digits, spaces, periods, parentheses, plus and minus, e.g. 'W. Europe Standard Time', 'UTC+12'."
        })
    }
}

/// The name of an environment of the landing zone, where a setting refers to one (an
/// inventory's environment rules).
pub(crate) struct EnvironmentRef;

impl JsonSchema for EnvironmentRef {
    fn schema_name() -> Cow<'static, str> {
        "environmentRef".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[a-z][a-z0-9]{1,7}$",
            "description": "An environment of this landing zone.",
            "x-rule": "starts with a lower-case letter, then lower-case letters or digits; 2 to 8 characters"
        })
    }
}

/// A marketplace image's publisher, offer, SKU or version.
pub(crate) struct ImagePart;

impl JsonSchema for ImagePart {
    fn schema_name() -> Cow<'static, str> {
        "imagePart".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",
            "x-rule": "starts with a letter or digit, then letters, digits, dots, underscores or hyphens; at most 100 characters"
        })
    }
}

/// A VM size series (`Dsv5`), as the inventory's sizing preferences name one.
pub(crate) struct VmSeries;

impl JsonSchema for VmSeries {
    fn schema_name() -> Cow<'static, str> {
        "vmSeries".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[A-Za-z0-9]{2,12}$",
            "x-rule": "a VM size series of 2 to 12 letters and digits, e.g. Dsv5"
        })
    }
}

/// For `#[schemars(transform = no_default)]` on a field that serde fills empty when it is
/// missing, where the schema gives no default: an empty list or map there means "none", not
/// a value the layering should write into the settings.
pub(crate) fn no_default(schema: &mut Schema) {
    schema.remove("default");
}

/// A settings type that has its own definition under the schema's `$defs`, by that name.
pub(crate) trait NamedDef {
    /// The definition's name: the input's key for the component (`keyVault`).
    const NAME: &'static str;
}

/// A reference to `T`'s shared definition (`{"$ref": "#/$defs/<name>"}`) in place of its
/// schema, for a field that holds a component whose definition the file gives once:
/// `#[schemars(with = "DefRef<Firewall>")]`.
pub(crate) struct DefRef<T>(PhantomData<T>);

impl<T> Default for DefRef<T> {
    /// Nothing: a schema-only type (`input::top_level` marks its optional keys `serde(default)`).
    fn default() -> Self {
        DefRef(PhantomData)
    }
}

impl<T: NamedDef> JsonSchema for DefRef<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("ref-{}", T::NAME).into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "$ref": format!("#/$defs/{}", T::NAME) })
    }
}
