//! The `logAnalytics` parameter: the management workspace's retention and daily cap.

use serde::Serialize;

use crate::input::settings::Settings;

/// The `logAnalytics` parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub(crate) struct LogAnalytics {
    pub retention_in_days: u32,
    pub daily_quota_gb: i64,
}

impl LogAnalytics {
    /// From the environment's `monitoring` settings.
    pub fn new(s: &Settings) -> Self {
        LogAnalytics {
            retention_in_days: s.monitoring.retention_days,
            daily_quota_gb: s.monitoring.daily_quota_gb,
        }
    }
}
