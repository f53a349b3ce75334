//! The key a resource name is filed under in an environment's `names` (`spoke.app1.virtualNetwork`,
//! `app.shop.keyVault`): one type both sides use, the code that names a resource and the code
//! that reads the name back, so they cannot drift apart by a typo.
//!
//! The text of a key is also what `naming.overrides` takes and the README lists, so
//! [`NameKey`]'s `Display` is part of meg's interface. Fixed keys (`firewall`, `keyVault`) are
//! the tables of `model` and the workloads; this type covers the keys built from the input's
//! names (a spoke, a site, an application, a virtual machine).

use std::fmt;

/// A name key (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKey<'a> {
    /// A resource with a fixed key (`firewall`, `frontDoorProfile`).
    Fixed(&'static str),
    /// The network security group of a hub subnet, by the subnet's role key.
    HubSubnetNsg(&'a str),
    /// A resource of an on-premises site.
    Site(&'a str, SitePart),
    /// A resource of a spoke.
    Spoke(&'a str, SpokePart),
    /// The network security group of a spoke's subnet: (spoke, subnet).
    SpokeSubnetNsg(&'a str, &'a str),
    /// A resource of the application in a spoke (refactor).
    App(&'a str, AppPart),
    /// A resource of one web app of an application: (spoke, web app).
    WebApp(&'a str, &'a str, WebAppPart),
    /// One SQL database of an application: (spoke, database).
    SqlDatabase(&'a str, &'a str),
    /// A resource of a virtual machine meg deploys (rehost).
    Vm(&'a str, VmPart),
}

/// The resources of an on-premises site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SitePart {
    /// `site.<name>.localNetworkGateway`.
    LocalNetworkGateway,
    /// `site.<name>.connection`.
    Connection,
}

/// The resources of a spoke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpokePart {
    /// `spoke.<name>.resourceGroup`.
    ResourceGroup,
    /// `spoke.<name>.virtualNetwork`.
    VirtualNetwork,
    /// `spoke.<name>.routeTable`.
    RouteTable,
}

/// The resources of an application (refactor), as `app.<spoke>.<part>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppPart {
    /// `keyVault`.
    KeyVault,
    /// `keyVault.privateEndpoint`.
    KeyVaultPrivateEndpoint,
    /// `appServicePlan`.
    AppServicePlan,
    /// `applicationInsights`.
    ApplicationInsights,
    /// `applicationGateway`.
    ApplicationGateway,
    /// `applicationGateway.publicIp`.
    ApplicationGatewayPublicIp,
    /// `applicationGateway.wafPolicy`.
    ApplicationGatewayWafPolicy,
    /// `applicationGateway.identity`.
    ApplicationGatewayIdentity,
    /// `sqlServer`.
    SqlServer,
    /// `sqlServer.privateEndpoint`.
    SqlServerPrivateEndpoint,
    /// `containerAppsEnvironment`.
    ContainerAppsEnvironment,
    /// `containerRegistry`.
    ContainerRegistry,
    /// `containerRegistry.privateEndpoint`.
    ContainerRegistryPrivateEndpoint,
}

impl AppPart {
    fn key(self) -> &'static str {
        match self {
            AppPart::KeyVault => "keyVault",
            AppPart::KeyVaultPrivateEndpoint => "keyVault.privateEndpoint",
            AppPart::AppServicePlan => "appServicePlan",
            AppPart::ApplicationInsights => "applicationInsights",
            AppPart::ApplicationGateway => "applicationGateway",
            AppPart::ApplicationGatewayPublicIp => "applicationGateway.publicIp",
            AppPart::ApplicationGatewayWafPolicy => "applicationGateway.wafPolicy",
            AppPart::ApplicationGatewayIdentity => "applicationGateway.identity",
            AppPart::SqlServer => "sqlServer",
            AppPart::SqlServerPrivateEndpoint => "sqlServer.privateEndpoint",
            AppPart::ContainerAppsEnvironment => "containerAppsEnvironment",
            AppPart::ContainerRegistry => "containerRegistry",
            AppPart::ContainerRegistryPrivateEndpoint => "containerRegistry.privateEndpoint",
        }
    }
}

/// The resources of a web app, as `app.<spoke>.webApp.<name>[.<part>]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebAppPart {
    /// The web app itself.
    Site,
    /// `privateEndpoint`.
    PrivateEndpoint,
    /// `frontDoorEndpoint`.
    FrontDoorEndpoint,
}

/// The resources of a virtual machine, as `vm.<name>.<part>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VmPart {
    /// `networkInterface`.
    NetworkInterface,
    /// `osDisk`.
    OsDisk,
    /// `dataDisk.<lun>`.
    DataDisk(usize),
}

impl fmt::Display for NameKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            NameKey::Fixed(key) => f.write_str(key),
            NameKey::HubSubnetNsg(role) => write!(f, "hubSubnet.{role}.networkSecurityGroup"),
            NameKey::Site(site, part) => {
                let part = match part {
                    SitePart::LocalNetworkGateway => "localNetworkGateway",
                    SitePart::Connection => "connection",
                };
                write!(f, "site.{site}.{part}")
            }
            NameKey::Spoke(spoke, part) => {
                let part = match part {
                    SpokePart::ResourceGroup => "resourceGroup",
                    SpokePart::VirtualNetwork => "virtualNetwork",
                    SpokePart::RouteTable => "routeTable",
                };
                write!(f, "spoke.{spoke}.{part}")
            }
            NameKey::SpokeSubnetNsg(spoke, subnet) => {
                write!(f, "spoke.{spoke}.subnet.{subnet}.networkSecurityGroup")
            }
            NameKey::App(spoke, part) => write!(f, "app.{spoke}.{}", part.key()),
            NameKey::WebApp(spoke, web, part) => match part {
                WebAppPart::Site => write!(f, "app.{spoke}.webApp.{web}"),
                WebAppPart::PrivateEndpoint => {
                    write!(f, "app.{spoke}.webApp.{web}.privateEndpoint")
                }
                WebAppPart::FrontDoorEndpoint => {
                    write!(f, "app.{spoke}.webApp.{web}.frontDoorEndpoint")
                }
            },
            NameKey::SqlDatabase(spoke, db) => write!(f, "app.{spoke}.sqlDatabase.{db}"),
            NameKey::Vm(vm, part) => match part {
                VmPart::NetworkInterface => write!(f, "vm.{vm}.networkInterface"),
                VmPart::OsDisk => write!(f, "vm.{vm}.osDisk"),
                VmPart::DataDisk(lun) => write!(f, "vm.{vm}.dataDisk.{lun}"),
            },
        }
    }
}

/// A resource to name: its key, its naming kind (catalog/naming/abbreviations.yaml) and the
/// workload token of its name.
#[derive(Debug, Clone)]
pub struct ToName<'a> {
    /// Where the name is filed.
    pub key: NameKey<'a>,
    /// Naming kind.
    pub kind: &'static str,
    /// Workload token (`app1`, `kv-shop`).
    pub workload: String,
}

impl<'a> ToName<'a> {
    /// A resource to name.
    pub fn new(key: NameKey<'a>, kind: &'static str, workload: impl Into<String>) -> Self {
        ToName {
            key,
            kind,
            workload: workload.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_as_overrides_and_the_readme_spell_them() {
        let cases = [
            (NameKey::Fixed("firewall"), "firewall"),
            (
                NameKey::HubSubnetNsg("bastion"),
                "hubSubnet.bastion.networkSecurityGroup",
            ),
            (
                NameKey::Site("hq", SitePart::Connection),
                "site.hq.connection",
            ),
            (
                NameKey::Spoke("app1", SpokePart::RouteTable),
                "spoke.app1.routeTable",
            ),
            (
                NameKey::SpokeSubnetNsg("app1", "web"),
                "spoke.app1.subnet.web.networkSecurityGroup",
            ),
            (
                NameKey::App("shop", AppPart::KeyVaultPrivateEndpoint),
                "app.shop.keyVault.privateEndpoint",
            ),
            (
                NameKey::WebApp("shop", "api", WebAppPart::Site),
                "app.shop.webApp.api",
            ),
            (
                NameKey::WebApp("shop", "api", WebAppPart::FrontDoorEndpoint),
                "app.shop.webApp.api.frontDoorEndpoint",
            ),
            (
                NameKey::SqlDatabase("shop", "orders"),
                "app.shop.sqlDatabase.orders",
            ),
            (
                NameKey::Vm("web01", VmPart::DataDisk(2)),
                "vm.web01.dataDisk.2",
            ),
        ];
        for (key, text) in cases {
            assert_eq!(key.to_string(), text);
        }
    }
}
