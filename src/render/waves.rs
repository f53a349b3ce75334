//! What the README and the pipelines see of the replication waves: each wave's name,
//! environment, where it deploys and how many servers still wait for their source IDs, without
//! the servers themselves (a wave can hold thousands; its own templates get it whole as `wave`).

use serde::Serialize;

use crate::model::waves::Wave;

/// One wave, summarised.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct WaveSummary<'a> {
    /// The wave's name (its folder under `bicep/waves/` and `terraform/waves/`).
    pub name: &'a str,
    /// The environment its servers land in.
    pub environment: &'a str,
    /// The resource group the wave root deploys into: the environment's migration resource
    /// group, where the Azure Migrate project and its replication vault live.
    pub resource_group: &'a str,
    /// The environment's Azure Migrate project.
    pub migrate_project: &'a str,
    /// Servers in the wave.
    pub servers: usize,
    /// Servers whose machine ID the inventory gave.
    pub with_machine_id: usize,
    /// ARM deployments the Bicep root splits the wave into.
    pub batches: usize,
    /// Servers per deployment.
    pub batch_size: usize,
}

/// The summary of each wave, in the waves' order.
pub(crate) fn summary(waves: &[Wave]) -> Vec<WaveSummary<'_>> {
    waves
        .iter()
        .map(|w| WaveSummary {
            name: &w.name,
            environment: &w.environment,
            resource_group: &w.migration_resource_group,
            migrate_project: &w.migrate_project,
            servers: w.servers.len(),
            with_machine_id: w
                .servers
                .iter()
                .filter(|s| !s.machine_id.is_empty())
                .count(),
            batches: w.batches,
            batch_size: w.batch_size,
        })
        .collect()
}
