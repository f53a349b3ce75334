//! The key a resource name is filed under in an environment's `names` (`firewall`,
//! `spoke.app1.virtualNetwork`, `app.shop.keyVault`): one type both sides use, the code that
//! names a resource and the code that reads the name back, so they cannot drift apart by a typo.
//!
//! The text of a key is what templates see (the keys of `env.names`, `lz.name_keys`), what
//! `naming.overrides` takes and what the README lists, so it is part of meg's interface: it is
//! written in one place, [`NameKey`]'s `Display` (and `Serialize`, which uses it), and read back
//! by its `FromStr`. Rust never builds or compares that text by hand. Fixed keys are
//! [`FixedName`]'s table; the other variants are built from the input's names (a spoke, a site,
//! an application, a virtual machine).

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::model::fixed_name::FixedName;
use crate::model::network::HubRole;

/// A name key (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameKey {
    /// A resource with a fixed key (`firewall`, `frontDoorProfile`).
    Fixed(FixedName),
    /// The network security group of a hub subnet, by the subnet's role.
    HubSubnetNsg(HubRole),
    /// A resource of an on-premises site.
    Site(String, SitePart),
    /// A resource of a spoke.
    Spoke(String, SpokePart),
    /// The network security group of a spoke's subnet: (spoke, subnet).
    SpokeSubnetNsg(String, String),
    /// A resource of the application in a spoke (refactor).
    App(String, AppPart),
    /// A resource of one web app of an application: (spoke, web app).
    WebApp(String, String, WebAppPart),
    /// One SQL database of an application: (spoke, database).
    SqlDatabase(String, String),
    /// A resource of a virtual machine meg deploys (rehost).
    Vm(String, VmPart),
}

impl From<FixedName> for NameKey {
    fn from(f: FixedName) -> Self {
        NameKey::Fixed(f)
    }
}

/// Declares a closed set of parts with the text each has in a key.
macro_rules! key_parts {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every part, in declaration order.
            pub const ALL: &[$name] = &[$($name::$variant,)+];

            /// Its text in a key.
            pub fn text(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            fn from_text(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|p| p.text() == text)
            }
        }
    };
}

key_parts! {
    /// The resources of an on-premises site, as `site.<name>.<part>`.
    SitePart {
        /// The local network gateway.
        LocalNetworkGateway = "localNetworkGateway",
        /// The site-to-site connection.
        Connection = "connection",
    }
}

key_parts! {
    /// The resources of a spoke, as `spoke.<name>.<part>`.
    SpokePart {
        /// Its resource group.
        ResourceGroup = "resourceGroup",
        /// Its virtual network.
        VirtualNetwork = "virtualNetwork",
        /// Its route table.
        RouteTable = "routeTable",
    }
}

key_parts! {
    /// The resources of an application (refactor), as `app.<spoke>.<part>`.
    AppPart {
        /// The application's Key Vault.
        KeyVault = "keyVault",
        /// The vault's private endpoint.
        KeyVaultPrivateEndpoint = "keyVault.privateEndpoint",
        /// The App Service plan.
        AppServicePlan = "appServicePlan",
        /// Application Insights.
        ApplicationInsights = "applicationInsights",
        /// The Application Gateway.
        ApplicationGateway = "applicationGateway",
        /// The gateway's public IP.
        ApplicationGatewayPublicIp = "applicationGateway.publicIp",
        /// The gateway's WAF policy.
        ApplicationGatewayWafPolicy = "applicationGateway.wafPolicy",
        /// The gateway's identity.
        ApplicationGatewayIdentity = "applicationGateway.identity",
        /// The SQL server.
        SqlServer = "sqlServer",
        /// The SQL server's private endpoint.
        SqlServerPrivateEndpoint = "sqlServer.privateEndpoint",
        /// The Container Apps environment.
        ContainerAppsEnvironment = "containerAppsEnvironment",
        /// The container registry.
        ContainerRegistry = "containerRegistry",
        /// The registry's private endpoint.
        ContainerRegistryPrivateEndpoint = "containerRegistry.privateEndpoint",
    }
}

/// The resources of a web app, as `app.<spoke>.webApp.<name>[.<part>]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WebAppPart {
    /// The web app itself (no suffix).
    Site,
    /// `privateEndpoint`.
    PrivateEndpoint,
    /// `frontDoorEndpoint`.
    FrontDoorEndpoint,
}

/// The resources of a virtual machine, as `vm.<name>.<part>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum VmPart {
    /// `networkInterface`.
    NetworkInterface,
    /// `osDisk`.
    OsDisk,
    /// `dataDisk.<lun>`.
    DataDisk(usize),
}

impl fmt::Display for NameKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameKey::Fixed(fixed) => f.write_str(fixed.key()),
            NameKey::HubSubnetNsg(role) => {
                write!(f, "hubSubnet.{}.networkSecurityGroup", role.info().key)
            }
            NameKey::Site(site, part) => write!(f, "site.{site}.{}", part.text()),
            NameKey::Spoke(spoke, part) => write!(f, "spoke.{spoke}.{}", part.text()),
            NameKey::SpokeSubnetNsg(spoke, subnet) => {
                write!(f, "spoke.{spoke}.subnet.{subnet}.networkSecurityGroup")
            }
            NameKey::App(spoke, part) => write!(f, "app.{spoke}.{}", part.text()),
            NameKey::WebApp(spoke, web, part) => {
                write!(f, "app.{spoke}.webApp.{web}")?;
                match part {
                    WebAppPart::Site => Ok(()),
                    WebAppPart::PrivateEndpoint => f.write_str(".privateEndpoint"),
                    WebAppPart::FrontDoorEndpoint => f.write_str(".frontDoorEndpoint"),
                }
            }
            NameKey::SqlDatabase(spoke, db) => write!(f, "app.{spoke}.sqlDatabase.{db}"),
            NameKey::Vm(vm, part) => match part {
                VmPart::NetworkInterface => write!(f, "vm.{vm}.networkInterface"),
                VmPart::OsDisk => write!(f, "vm.{vm}.osDisk"),
                VmPart::DataDisk(lun) => write!(f, "vm.{vm}.dataDisk.{lun}"),
            },
        }
    }
}

/// Serialized as its text, as the templates read it.
impl Serialize for NameKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Text that is no name key meg makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotANameKey;

impl fmt::Display for NotANameKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a name key")
    }
}

impl std::error::Error for NotANameKey {}

/// Reads a key back from its text. The input's names (spokes, sites, applications, VMs) hold no
/// dots, so the item's name is one segment; the suffixes are tried on the rest.
impl FromStr for NameKey {
    type Err = NotANameKey;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let Some((head, rest)) = text.split_once('.') else {
            return FixedName::from_key(text)
                .map(NameKey::Fixed)
                .ok_or(NotANameKey);
        };
        let (item, tail) = rest.split_once('.').ok_or(NotANameKey)?;
        if item.is_empty() {
            return Err(NotANameKey);
        }
        let item = item.to_string();
        let key = match head {
            "hubSubnet" if tail == "networkSecurityGroup" => HubRole::ALL
                .into_iter()
                .find(|role| role.info().key == item)
                .map(NameKey::HubSubnetNsg),
            "site" => SitePart::from_text(tail).map(|p| NameKey::Site(item, p)),
            "spoke" => match tail
                .strip_prefix("subnet.")
                .and_then(|t| t.strip_suffix(".networkSecurityGroup"))
            {
                Some(subnet) if !subnet.is_empty() => {
                    Some(NameKey::SpokeSubnetNsg(item, subnet.to_string()))
                }
                _ => SpokePart::from_text(tail).map(|p| NameKey::Spoke(item, p)),
            },
            "app" => {
                if let Some(web) = tail.strip_prefix("webApp.") {
                    let (web, part) = [
                        (".privateEndpoint", WebAppPart::PrivateEndpoint),
                        (".frontDoorEndpoint", WebAppPart::FrontDoorEndpoint),
                    ]
                    .into_iter()
                    .find_map(|(suffix, part)| web.strip_suffix(suffix).map(|w| (w, part)))
                    .unwrap_or((web, WebAppPart::Site));
                    (!web.is_empty()).then(|| NameKey::WebApp(item, web.to_string(), part))
                } else if let Some(db) = tail.strip_prefix("sqlDatabase.") {
                    (!db.is_empty()).then(|| NameKey::SqlDatabase(item, db.to_string()))
                } else {
                    AppPart::from_text(tail).map(|p| NameKey::App(item, p))
                }
            }
            "vm" => match tail {
                "networkInterface" => Some(NameKey::Vm(item, VmPart::NetworkInterface)),
                "osDisk" => Some(NameKey::Vm(item, VmPart::OsDisk)),
                _ => tail
                    .strip_prefix("dataDisk.")
                    // The text of a LUN is its decimal digits alone, as `Display` writes it.
                    .filter(|lun| !lun.starts_with('+') && (*lun == "0" || !lun.starts_with('0')))
                    .and_then(|lun| lun.parse().ok())
                    .map(|lun| NameKey::Vm(item, VmPart::DataDisk(lun))),
            },
            _ => None,
        };
        key.ok_or(NotANameKey)
    }
}

/// A resource to name: its key, its naming kind (catalog/naming/abbreviations.yaml) and the
/// workload token of its name.
#[derive(Debug, Clone)]
pub struct ToName {
    /// Where the name is filed.
    pub key: NameKey,
    /// Naming kind.
    pub kind: &'static str,
    /// Workload token (`app1`, `kv-shop`).
    pub workload: String,
}

impl ToName {
    /// A resource to name.
    pub fn new(key: NameKey, kind: &'static str, workload: impl Into<String>) -> Self {
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

    /// One key of every shape, with its text.
    fn cases() -> Vec<(NameKey, &'static str)> {
        let s = String::from;
        vec![
            (NameKey::Fixed(FixedName::Firewall), "firewall"),
            (
                NameKey::HubSubnetNsg(HubRole::Bastion),
                "hubSubnet.bastion.networkSecurityGroup",
            ),
            (
                NameKey::Site(s("hq"), SitePart::Connection),
                "site.hq.connection",
            ),
            (
                NameKey::Spoke(s("app1"), SpokePart::RouteTable),
                "spoke.app1.routeTable",
            ),
            (
                NameKey::SpokeSubnetNsg(s("app1"), s("web")),
                "spoke.app1.subnet.web.networkSecurityGroup",
            ),
            (
                NameKey::App(s("shop"), AppPart::KeyVaultPrivateEndpoint),
                "app.shop.keyVault.privateEndpoint",
            ),
            (
                NameKey::WebApp(s("shop"), s("api"), WebAppPart::Site),
                "app.shop.webApp.api",
            ),
            (
                NameKey::WebApp(s("shop"), s("api"), WebAppPart::FrontDoorEndpoint),
                "app.shop.webApp.api.frontDoorEndpoint",
            ),
            (
                NameKey::SqlDatabase(s("shop"), s("orders")),
                "app.shop.sqlDatabase.orders",
            ),
            (
                NameKey::Vm(s("web01"), VmPart::DataDisk(2)),
                "vm.web01.dataDisk.2",
            ),
        ]
    }

    #[test]
    fn keys_read_as_overrides_and_the_readme_spell_them() {
        for (key, text) in cases() {
            assert_eq!(key.to_string(), text);
            assert_eq!(serde_json::to_value(&key).unwrap(), text);
        }
    }

    /// Every variant and every part, with names that look like the input's.
    fn every_key() -> Vec<NameKey> {
        let s = String::from;
        let mut keys: Vec<NameKey> = FixedName::ALL.iter().map(|f| NameKey::Fixed(*f)).collect();
        keys.extend(HubRole::ALL.map(NameKey::HubSubnetNsg));
        for part in SitePart::ALL {
            keys.push(NameKey::Site(s("amsterdam-dc"), *part));
        }
        for part in SpokePart::ALL {
            keys.push(NameKey::Spoke(s("app1"), *part));
        }
        keys.push(NameKey::SpokeSubnetNsg(s("app1"), s("web")));
        // A subnet may be called like a spoke part, a web app like a web app part.
        keys.push(NameKey::SpokeSubnetNsg(s("app1"), s("routeTable")));
        for part in AppPart::ALL {
            keys.push(NameKey::App(s("shop"), *part));
        }
        for web in ["api", "privateEndpoint", "webApp"] {
            for part in [
                WebAppPart::Site,
                WebAppPart::PrivateEndpoint,
                WebAppPart::FrontDoorEndpoint,
            ] {
                keys.push(NameKey::WebApp(s("shop"), s(web), part));
            }
        }
        keys.push(NameKey::SqlDatabase(s("shop"), s("orders")));
        for part in [
            VmPart::NetworkInterface,
            VmPart::OsDisk,
            VmPart::DataDisk(0),
            VmPart::DataDisk(15),
        ] {
            keys.push(NameKey::Vm(s("WEB-01"), part));
        }
        keys
    }

    #[test]
    fn every_key_round_trips_through_its_text() {
        let keys = every_key();
        for key in &keys {
            let text = key.to_string();
            assert_eq!(text.parse::<NameKey>().as_ref(), Ok(key), "{text}");
        }
        // So no two keys share a text: the templates' `names` map loses none.
        let texts: std::collections::BTreeSet<String> =
            keys.iter().map(ToString::to_string).collect();
        assert_eq!(texts.len(), keys.len());
    }

    #[test]
    fn text_that_is_no_key_is_refused() {
        for text in [
            "",
            "firewal",
            "Firewall",
            "spoke",
            "spoke.app1",
            "spoke.app1.subnet",
            "spoke.app1.subnet..networkSecurityGroup",
            "spoke..virtualNetwork",
            "spoke.app1.virtualNetwrk",
            "hubSubnet.nowhere.networkSecurityGroup",
            "hubSubnet.bastion.routeTable",
            "site.hq.gateway",
            "app.shop.webApp.",
            "app.shop.sqlDatabase.",
            "app.shop.keyVault.endpoint",
            "vm.web01.dataDisk.x",
            "vm.web01.dataDisk.01",
            "vm.web01.dataDisk.+1",
            "unknown.item.part",
        ] {
            assert_eq!(text.parse::<NameKey>(), Err(NotANameKey), "{text:?}");
        }
    }
}
