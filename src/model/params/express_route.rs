//! The `expressRoute` parameter: the hub's ExpressRoute gateway and its circuit.

use serde::Serialize;

use crate::input::closed_sets::ExpressRouteGatewaySku;
use crate::input::settings::Settings;

/// The `expressRoute` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct ExpressRoute {
    pub enabled: bool,
    pub sku: ExpressRouteGatewaySku,
    /// The circuit to connect; `None` deploys the gateway unconnected.
    pub circuit_id: Option<String>,
}

impl ExpressRoute {
    /// From the environment's `expressRoute` settings.
    pub fn new(s: &Settings) -> Self {
        let er = &s.express_route;
        ExpressRoute {
            enabled: er.enabled,
            sku: er.sku,
            circuit_id: er.circuit_id.clone(),
        }
    }
}
