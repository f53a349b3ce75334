//! What Azure requires of subnets, shared by the network layout and the workloads: the smallest
//! subnet Azure accepts, and the subnets an application spoke needs (refactor), with their
//! delegations and smallest sizes.
//!
//! Both `model::network` (which lays spokes out) and `model::workloads::refactor` (which checks
//! them) read it, so neither imports the other. Not the layout itself: that is `network`'s.

use crate::cidr::Cidr;
use crate::input::closed_sets::{FirewallTier, Ingress};
use crate::input::paas::Application;
use crate::input::settings::{Settings, Spoke};

/// Smallest subnet Azure allows anywhere (/29: 8 addresses, 5 of them reserved).
pub const SMALLEST_SUBNET: u8 = 29;

/// Whether an environment's firewall needs a management subnet and public IP: the Basic tier
/// always runs a management interface in AzureFirewallManagementSubnet with a public IP of its
/// own (Azure Firewall Basic, "Deploy and configure Azure Firewall Basic").
pub fn needs_firewall_management(s: &Settings) -> bool {
    s.firewall.enabled && s.firewall.tier == FirewallTier::Basic
}

/// A subnet an application spoke needs: its name (without `snet-`), the service it is
/// delegated to, and the smallest size Azure accepts for it.
pub struct AppSubnet {
    /// Name under `network.spokes[].subnets`.
    pub name: &'static str,
    /// Service delegation.
    pub delegation: Option<&'static str>,
    /// Largest prefix length Azure accepts.
    pub min_size: u8,
}

/// The subnets of an application spoke, in slot order: meg carves each from its own quarter of
/// the spoke, so turning Container Apps on later never re-addresses the others. The last quarter
/// holds the Application Gateway when `paas.ingress` is `applicationGateway`.
pub const APP_SUBNETS: [AppSubnet; 4] = [
    // VNet integration: App Service needs a delegated subnet, /28 at least; Microsoft
    // recommends /26 so a plan can scale out and swap slots.
    AppSubnet {
        name: "appservice",
        delegation: Some("Microsoft.Web/serverFarms"),
        min_size: 28,
    },
    AppSubnet {
        name: "private-endpoints",
        delegation: None,
        min_size: SMALLEST_SUBNET,
    },
    // A workload-profiles environment needs /27 at least.
    AppSubnet {
        name: "containerapps",
        delegation: Some("Microsoft.App/environments"),
        min_size: 27,
    },
    // Application Gateway v2: a subnet of its own, /26 recommended so it can autoscale.
    AppSubnet {
        name: "appgateway",
        delegation: None,
        min_size: 26,
    },
];

impl AppSubnet {
    /// Whether an application needs this subnet.
    pub fn needed(&self, s: &Settings, app: &Application) -> bool {
        match self.name {
            "containerapps" => app.container_apps,
            "appgateway" => {
                s.paas.ingress == Ingress::ApplicationGateway && !app.web_apps.is_empty()
            }
            _ => true,
        }
    }
}

/// The application of a spoke, when the environment deploys the workload and names one.
pub fn application<'a>(s: &'a Settings, spoke: &str) -> Option<&'a Application> {
    if s.paas.enabled {
        s.paas.applications.get(spoke)
    } else {
        None
    }
}

/// The subnets meg carves for an application spoke without subnets of its own: one quarter of
/// the spoke each, in [`APP_SUBNETS`] order. `None` when the spoke holds no application.
pub fn carve(s: &Settings, spoke: &Spoke) -> Option<Vec<(&'static str, Cidr)>> {
    let app = application(s, &spoke.name)?;
    let quarter = (spoke.address_space.prefix() + 2).min(32);
    Some(
        APP_SUBNETS
            .iter()
            .enumerate()
            .filter(|(_, sub)| sub.needed(s, app))
            .filter_map(|(n, sub)| {
                spoke
                    .address_space
                    .subnet(quarter, n as u32)
                    .map(|c| (sub.name, c))
            })
            .collect(),
    )
}

/// The service a subnet of an application spoke is delegated to.
pub fn delegation(s: &Settings, spoke: &str, subnet: &str) -> Option<&'static str> {
    application(s, spoke)?;
    APP_SUBNETS
        .iter()
        .find(|a| a.name == subnet)
        .and_then(|a| a.delegation)
}
