//! The `governance` settings of the landing-zone file: whether meg renders the CAF
//! management-group hierarchy and its policy baseline, and the platform subscriptions it
//! places. Tenant-wide, read once per landing zone after the schema's defaults; the schema's
//! `governance` definition is derived from this type.
//!
//! Not here: the hierarchy and assignments themselves (`model::governance`), or the
//! placement of subscriptions (`model::subscriptions`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::input::schema_kinds::{Guid, Region};
use crate::input::shared_defs::{TAG_LIMITS, TagName};

/// The CAF management-group hierarchy and a baseline of policy assignments (tenant-wide, not
/// per environment).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Governance {
    /// Render the management groups and policy assignments (needs rights at the tenant root
    /// group).
    pub enabled: bool,
    /// ID of the intermediate root management group; default: the landing-zone name.
    #[schemars(
        regex(pattern = r"^[a-zA-Z0-9-_().]{1,60}$"),
        extend("x-rule" = "1 to 60 letters, digits, hyphens, underscores, parentheses or dots")
    )]
    pub root_id: Option<String>,
    /// Display name of the intermediate root management group.
    #[schemars(
        length(max = 90),
        regex(pattern = r"^[^\x00-\x1F\x7F]+$"),
        extend(
            "x-rule" = "any text on one line, without tabs or other control characters",
            "$comment" = "Azure management groups: a display name of up to 90 characters."
        )
    )]
    pub root_display_name: Option<String>,
    /// Regions allowed by policy; default: the landing zone's location.
    #[schemars(with = "Option<Vec<Region>>")]
    pub allowed_locations: Option<Vec<String>>,
    /// Tags every resource group should carry (policy: require a tag on resource groups),
    /// audited and never denied: Azure services create untagged resource groups of their own
    /// (NetworkWatcherRG, AzureBackupRG_*, MC_*).
    #[schemars(with = "Vec<TagName>", extend("$comment" = TAG_LIMITS))]
    pub required_tags: Vec<String>,
    /// The subscription the governance deployment signs in to (Terraform's azurerm provider
    /// needs one even at management-group scope; nothing is deployed in it). Default:
    /// managementSubscriptionId when named, else the subscription you are signed in to
    /// (ARM_SUBSCRIPTION_ID).
    #[schemars(with = "Option<Guid>")]
    pub subscription_id: Option<String>,
    /// The platform's management subscription (central Log Analytics, automation), placed under
    /// the <rootId>-management group.
    #[schemars(with = "Option<Guid>")]
    pub management_subscription_id: Option<String>,
    /// The platform's identity subscription (domain controllers, Entra Domain Services), placed
    /// under the <rootId>-identity group.
    #[schemars(with = "Option<Guid>")]
    pub identity_subscription_id: Option<String>,
}

impl Default for Governance {
    fn default() -> Self {
        Governance {
            enabled: false,
            root_id: None,
            root_display_name: None,
            allowed_locations: None,
            required_tags: vec!["owner".into(), "costCenter".into()],
            subscription_id: None,
            management_subscription_id: None,
            identity_subscription_id: None,
        }
    }
}
