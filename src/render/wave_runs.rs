//! What every template sees of how the waves are run (`lz.wave_runs`): each run's name, place
//! in the order, environment, subscription, Azure Migrate project and totals, and its servers by
//! name (with the path that moves those the VMware root leaves out).
//! The whole run, each server with its size, disks, addresses and dependencies, reaches only
//! the templates of that wave (`{wave}` runbooks and pipelines, as `wave`): at 20,000 servers,
//! every server's details in every file's context would be most of a render's memory.

use serde::Serialize;

use crate::model::LandingZone;
use crate::model::wave_runs::{RunTotals, WaveRun};

/// The landing zone as templates see it: the model, with its wave runs summarised.
#[derive(Serialize)]
pub(crate) struct LandingZoneView<'a> {
    #[serde(flatten)]
    lz: &'a LandingZone,
    wave_runs: Vec<RunSummary<'a>>,
}

impl<'a> LandingZoneView<'a> {
    /// The view of a landing zone.
    pub(crate) fn new(lz: &'a LandingZone) -> Self {
        LandingZoneView {
            lz,
            wave_runs: lz.wave_runs.iter().map(RunSummary::new).collect(),
        }
    }
}

/// One wave run without its servers' details.
#[derive(Serialize)]
struct RunSummary<'a> {
    name: &'a str,
    position: usize,
    previous: Option<&'a str>,
    environment: &'a str,
    tier: &'a str,
    subscription_id: &'a str,
    migration_resource_group: &'a str,
    migrate_project: &'a str,
    order_basis: &'a str,
    /// In cutover order.
    servers: Vec<ServerNames<'a>>,
    totals: &'a RunTotals,
}

impl<'a> RunSummary<'a> {
    fn new(run: &'a WaveRun) -> Self {
        RunSummary {
            name: &run.name,
            position: run.position,
            previous: run.previous.as_deref(),
            environment: &run.environment,
            tier: &run.tier,
            subscription_id: &run.subscription_id,
            migration_resource_group: &run.migration_resource_group,
            migrate_project: &run.migrate_project,
            order_basis: &run.order_basis,
            servers: run
                .servers
                .iter()
                .map(|s| ServerNames {
                    source_name: &s.source_name,
                    vm_name: &s.vm_name,
                    migrate_with: &s.migrate_with,
                })
                .collect(),
            totals: &run.totals,
        }
    }
}

/// A server of a wave by its names (on premises and in Azure), and the path that moves it when
/// it is not the wave's VMware replication (empty when it is).
#[derive(Serialize)]
struct ServerNames<'a> {
    source_name: &'a str,
    vm_name: &'a str,
    migrate_with: &'a str,
}
