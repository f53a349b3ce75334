//! The typed template view: the parameters each environment hands to both targets, one serde
//! type per component (`firewall.rs` is the `firewall` parameter).
//!
//! A component's parameter is built here from the settings and the facts decided once in
//! `model::facts`. Where a parameter is what the user set, it is the settings type itself
//! (`keyVault`, `logAnalytics`, `bastion`, `vpnGateway`, `expressRoute`, `ddosProtection`), or
//! embeds it beside the facts derived from it (`firewall`): a setting added there reaches the
//! templates with nothing written here. Its type is the one place its shape is written in Rust, and the test in
//! `declarations.rs` holds the Bicep `type`/`param` and Terraform `variable` declarations of the
//! templates to it. Serialized, each is exactly the JSON the templates read (camelCase keys for
//! Bicep; [`Param::tf_value`] has them in snake_case for Terraform). Not the checks: a view is
//! built only from settings the model has accepted.

pub(crate) mod attached_firewall_rules;
pub(crate) mod bastion;
#[cfg(test)]
mod declarations;
pub(crate) mod dns_resolver;
pub(crate) mod enrolment;
pub(crate) mod firewall;
pub(crate) mod hub_network;
pub(crate) mod lock;
pub(crate) mod migration;
pub(crate) mod paas;
pub(crate) mod spokes;
pub(crate) mod switch;
mod tf_keys;
pub(crate) mod virtual_machines;
pub(crate) mod vpn_gateway;

use serde::Serialize;
use serde_json::Value;

use crate::input::settings::Settings;
use crate::model::deploy::Deploy;
use crate::model::name_key::NameKey;
use crate::model::names::Names;
use crate::model::network::HubLayout;

/// One deployment parameter with its value for an environment. Serialized (for the templates)
/// with `tf_value` beside `value`: see [`Param::tf_value`].
#[derive(Debug, Clone)]
pub struct Param {
    /// camelCase name (Bicep); Terraform uses the snake_case form.
    pub name: String,
    /// snake_case name for Terraform.
    pub tf_name: String,
    /// The value; object keys are camelCase for Bicep.
    pub value: Value,
    /// Terraform's value keeps the object keys as written: the user's map (tags).
    pub tf_keys_as_written: bool,
    /// A secret: never written to a parameter file.
    pub secret: bool,
    /// Whether this environment uses the parameter: a secret that another environment needs
    /// (a Windows VM's password) is not asked for where nothing uses it.
    pub needed: bool,
}

/// What a component's parameter is built from: one environment, borrowed.
pub(crate) struct Source<'a> {
    /// Environment name.
    pub env_name: &'a str,
    /// The landing zone's region.
    pub location: &'a str,
    /// Landing-zone name.
    pub landing_zone: &'a str,
    /// The environment's settings.
    pub settings: &'a Settings,
    /// The hub's subnet layout.
    pub layout: &'a HubLayout,
    /// Each spoke's subnets.
    pub spoke_subnets: &'a crate::model::spoke_subnets::SpokeSubnets,
    /// Every resource name of the environment, by name key.
    pub names: &'a Names,
    /// What the code holds across all environments.
    pub deploy: &'a Deploy,
    /// The availability zones of the environment's region (1-3, or none).
    pub region_zones: &'a [&'static str],
}

impl Source<'_> {
    /// The name filed under `key`; empty when the environment does not have the resource.
    pub fn name(&self, key: impl Into<NameKey>) -> String {
        self.names.text(key).to_string()
    }
}

/// Parameters in declaration order, as a component adds them.
#[derive(Debug, Default)]
pub(crate) struct ParamList(pub Vec<Param>);

impl ParamList {
    /// Adds a parameter whose object keys are meg's (camelCase, snake_case for Terraform).
    pub fn add(&mut self, name: &str, value: &impl Serialize) {
        self.push(name, to_value(value), false);
    }

    /// Adds a parameter that is the user's map: its keys stay as written in Terraform too.
    pub fn add_user_map(&mut self, name: &str, value: &impl Serialize) {
        self.push(name, to_value(value), true);
    }

    /// Adds a secret parameter: declared, never given a value in a file; `needed` says whether
    /// this environment uses it.
    pub fn secret(&mut self, name: &str, needed: bool) {
        self.0.push(Param {
            name: name.into(),
            tf_name: snake(name),
            value: Value::Null,
            tf_keys_as_written: false,
            secret: true,
            needed,
        });
    }

    /// Adds a secret that belongs to one site or VM (`model::secrets`), under its own names.
    pub fn named_secret(&mut self, name: &crate::model::secrets::SecretName, needed: bool) {
        self.0.push(Param {
            name: name.param.clone(),
            tf_name: name.tf_name.clone(),
            value: Value::Null,
            tf_keys_as_written: false,
            secret: true,
            needed,
        });
    }

    /// Appends another component's parameters.
    pub fn extend(&mut self, other: ParamList) {
        self.0.extend(other.0);
    }

    fn push(&mut self, name: &str, value: Value, tf_keys_as_written: bool) {
        self.0.push(Param {
            name: name.to_string(),
            tf_name: snake(name),
            value,
            tf_keys_as_written,
            secret: false,
            needed: true,
        });
    }
}

fn to_value(value: &impl Serialize) -> Value {
    // The view types hold strings, numbers, booleans, lists and string-keyed maps only.
    serde_json::to_value(value).expect("a parameter view serializes to JSON")
}

/// Availability zones of a zone-redundant resource: all three, else none (regional).
pub(crate) fn zones(redundant: bool) -> Vec<&'static str> {
    if redundant {
        vec!["1", "2", "3"]
    } else {
        Vec::new()
    }
}

/// `hubNetwork` -> `hub_network`.
pub fn snake(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
