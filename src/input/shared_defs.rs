//! The schema's small shared definitions that are no settings struct of their own: `tags` and
//! `subscriptionId`, which the top level, each environment and each platform hub refer to.
//! (`lock` and `managementGroup` are closed sets: `input::closed_sets`.)
//!
//! Only the schema's view: meg reads tags as a map of text and a subscription ID as text
//! (`input::settings::Settings`), after the schema accepted them.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::json;

use crate::input::schema_kinds::Guid;

/// The schema of `tags`: Azure's limits on one tag's name and value.
pub(crate) struct Tags;

impl JsonSchema for Tags {
    fn schema_name() -> Cow<'static, str> {
        "tags".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = <BTreeMap<String, TagValue>>::json_schema(generator);
        schema.insert(
            "description".into(),
            "Tags applied to every taggable resource; environment tags merge over the landing zone's.".into(),
        );
        schema.insert(
            "propertyNames".into(),
            json!({
                "minLength": 1,
                "maxLength": 512,
                "pattern": "^[^<>%&\\\\?/\\x00-\\x1F]+$",
                "x-rule": "text without < > % & \\ ? / or control characters",
                "description": "tag names are 1 to 512 characters and cannot hold < > % & \\ ? / or control characters (Azure's limits)"
            }),
        );
        schema.insert("$comment".into(), TAG_LIMITS.into());
        schema
    }
}

/// Where the tag limits come from; `governance.requiredTags` cites it too.
pub(crate) const TAG_LIMITS: &str = "Azure Resource Manager, 'Use tags to organize your Azure resources and management hierarchy', Limitations: tag names up to 512 characters (128 on storage accounts, checked in src/tags.rs), values up to 256, names without < > % & \\ ? /, at most 50 tags per resource (src/tags.rs).";

/// One tag's name, where a setting lists names (`governance.requiredTags`).
pub(crate) struct TagName;

impl JsonSchema for TagName {
    fn schema_name() -> Cow<'static, str> {
        "tagName".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "maxLength": 512,
            "pattern": "^[^<>%&\\\\?/\\x00-\\x1F]+$",
            "x-rule": "text without < > % & \\ ? / or control characters"
        })
    }
}

/// One tag's value.
struct TagValue;

impl JsonSchema for TagValue {
    fn schema_name() -> Cow<'static, str> {
        "tagValue".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "maxLength": 256,
            "description": "A tag value: text of at most 256 characters (Azure's limit); numbers and booleans are kept as written."
        })
    }
}

/// The schema of `subscriptionId`: the subscription an environment deploys into.
pub(crate) struct SubscriptionId;

impl JsonSchema for SubscriptionId {
    fn schema_name() -> Cow<'static, str> {
        "subscriptionId".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = Guid::json_schema(generator);
        schema.insert(
            "examples".into(),
            json!(["00000000-0000-0000-0000-000000000000"]),
        );
        schema.insert(
            "description".into(),
            "The subscription this environment deploys into (its ID, a GUID): the Terraform root \
             pins its provider to it, the deploy commands and pipelines target it, and governance \
             places it under its management group. Set at the top level for every environment, \
             or per environment; every environment names one, or none does. Without it, each \
             environment deploys into the subscription you are signed in to \
             (ARM_SUBSCRIPTION_ID, az account set) and governance places nothing."
                .into(),
        );
        schema
    }
}
