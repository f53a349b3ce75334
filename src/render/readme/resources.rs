//! The README's table of every resource an environment creates, with its name.
//!
//! Names come from the model ([`Environment::names`]) and a row appears exactly where the model
//! says the environment creates the resource ([`Environment::deploys`]); this file only gives
//! each name its place and its words. A name it has no words for still appears, under "Other",
//! so the README never leaves out a resource the model names.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::Environment;
use crate::model::fixed_name::FixedName;
use crate::model::name_key::{AppPart, NameKey, SitePart, SpokePart, VmPart, WebAppPart};
use crate::model::network::HubRole;

/// A piece of a table cell: text, or a value shown as code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Part {
    /// The text; the template escapes it.
    pub text: String,
    /// Whether it is printed as inline code.
    pub code: bool,
}

impl Part {
    /// Plain words.
    pub fn text(text: impl Into<String>) -> Self {
        Part {
            text: text.into(),
            code: false,
        }
    }

    /// A name or value, shown as code.
    pub fn code(text: impl Into<String>) -> Self {
        Part {
            text: text.into(),
            code: true,
        }
    }
}

/// A table cell, in parts.
pub(crate) type Label = Vec<Part>;

/// Resources of one function (the hub network, a spoke, a VM), under its title.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Section {
    /// What the resources are for.
    pub title: Label,
    /// Its resources.
    pub rows: Vec<Row>,
}

/// One resource.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Row {
    /// What it is.
    pub what: Label,
    /// Its name in Azure.
    pub name: String,
    /// Its name key in the model (`spoke.shop.routeTable`); none for a name the model does not
    /// make (a private DNS zone, the existing hub), which templates see as empty text.
    #[serde(serialize_with = "key_or_empty")]
    pub key: Option<NameKey>,
}

fn key_or_empty<S: serde::Serializer>(key: &Option<NameKey>, s: S) -> Result<S::Ok, S::Error> {
    match key {
        Some(key) => key.serialize(s),
        None => s.serialize_str(""),
    }
}

/// Builds the sections, skipping what the environment does not create.
struct Table<'e> {
    env: &'e Environment,
    sections: Vec<Section>,
    shown: BTreeSet<NameKey>,
}

impl<'e> Table<'e> {
    fn section(&mut self, title: Label) {
        self.sections.push(Section {
            title,
            rows: Vec::new(),
        });
    }

    /// The resource named under `key`, when the environment creates it.
    fn named(&mut self, what: Label, key: impl Into<NameKey>) {
        let key = key.into();
        if !self.env.deploys(&key) {
            return;
        }
        let Some(name) = self.env.names.get(&key) else {
            return;
        };
        self.push(what, name.as_str(), Some(key.clone()));
        self.shown.insert(key);
    }

    /// A resource whose name the model does not make.
    fn given(&mut self, what: Label, name: &str) {
        self.push(what, name, None);
    }

    fn push(&mut self, what: Label, name: &str, key: Option<NameKey>) {
        let section = self.sections.last_mut().expect("a section is open");
        section.rows.push(Row {
            what,
            name: name.to_string(),
            key,
        });
    }

    /// The sections with rows, then any deployed name without a row of its own.
    fn finish(mut self) -> Vec<Section> {
        let missing: Vec<_> = self
            .env
            .deployed_names()
            .filter(|(key, _)| !self.shown.contains(*key))
            .collect();
        if !missing.is_empty() {
            self.section(text("Other"));
            for (key, name) in missing {
                self.push(
                    vec![Part::code(key.to_string())],
                    name.as_str(),
                    Some(key.clone()),
                );
            }
        }
        self.sections.retain(|s| !s.rows.is_empty());
        self.sections
    }
}

fn text(s: &str) -> Label {
    vec![Part::text(s)]
}

/// `before` `code` `after`.
fn with_code(before: &str, code: &str, after: &str) -> Label {
    let mut l = Vec::new();
    if !before.is_empty() {
        l.push(Part::text(before));
    }
    l.push(Part::code(code));
    if !after.is_empty() {
        l.push(Part::text(after));
    }
    l
}

/// Every resource of one environment, by function, in the order the README lists them.
/// The resource table of one environment; `existing_hub` names the platform team's hub
/// network when the environment attaches to one.
pub(crate) fn table(
    env: &Environment,
    existing_hub: Option<&str>,
    recovery_region: Option<&str>,
) -> Vec<Section> {
    let s = &env.settings;
    let mut t = Table {
        env,
        sections: Vec::new(),
        shown: BTreeSet::new(),
    };
    t.section(text("Resource groups"));
    t.named(text("connectivity"), FixedName::ConnectivityResourceGroup);
    t.named(text("management"), FixedName::ManagementResourceGroup);
    t.named(text("security"), FixedName::SecurityResourceGroup);
    for spoke in &s.network.spokes {
        t.named(
            with_code("spoke ", &spoke.name, ""),
            NameKey::Spoke(spoke.name.clone(), SpokePart::ResourceGroup),
        );
    }
    t.section(text("Management"));
    t.named(
        text("Log Analytics workspace"),
        FixedName::LogAnalyticsWorkspace,
    );
    t.section(text("Security"));
    t.named(text("Key Vault"), FixedName::KeyVault);
    t.named(
        text("Key Vault private endpoint"),
        FixedName::KeyVaultPrivateEndpoint,
    );

    t.section(text("Hub network"));
    if let Some(hub) = existing_hub {
        t.given(text("existing virtual network, not managed here"), hub);
    } else {
        t.named(text("virtual network"), FixedName::HubVirtualNetwork);
    }
    for &role in env.layout.subnets.keys() {
        t.named(
            with_code("NSG of ", role.info().subnet_name, ""),
            NameKey::HubSubnetNsg(role),
        );
    }
    t.named(
        with_code("route table of ", HubRole::Gateway.info().subnet_name, ""),
        FixedName::HubToSpokeRouteTable,
    );
    t.named(text("DDoS protection plan"), FixedName::DdosProtectionPlan);

    t.section(text("Firewall"));
    t.named(text("Azure Firewall"), FixedName::Firewall);
    t.named(text("firewall policy"), FixedName::FirewallPolicy);
    t.named(text("public IP"), FixedName::FirewallPublicIp);
    t.named(
        text("management public IP"),
        FixedName::FirewallManagementPublicIp,
    );

    t.section(text("Bastion"));
    t.named(text("Bastion host"), FixedName::Bastion);
    t.named(text("public IP"), FixedName::BastionPublicIp);

    t.section(text("VPN"));
    t.named(text("VPN gateway"), FixedName::VpnGateway);
    t.named(text("public IP"), FixedName::VpnGatewayPublicIp);
    t.named(
        text("second public IP (active-active)"),
        FixedName::VpnGatewaySecondPublicIp,
    );
    for site in &s.on_premises.sites {
        t.named(
            with_code("site ", &site.name, ": local network gateway"),
            NameKey::Site(site.name.clone(), SitePart::LocalNetworkGateway),
        );
        t.named(
            with_code("site ", &site.name, ": connection"),
            NameKey::Site(site.name.clone(), SitePart::Connection),
        );
    }

    t.section(text("ExpressRoute"));
    t.named(text("ExpressRoute gateway"), FixedName::ExpressRouteGateway);
    t.named(
        text("connection to the circuit"),
        FixedName::ExpressRouteConnection,
    );

    t.section(text("DNS resolver"));
    t.named(text("DNS Private Resolver"), FixedName::DnsResolver);
    t.named(
        text("inbound endpoint"),
        FixedName::DnsResolverInboundEndpoint,
    );
    t.named(
        text("outbound endpoint"),
        FixedName::DnsResolverOutboundEndpoint,
    );
    t.named(text("forwarding ruleset"), FixedName::DnsForwardingRuleset);

    t.section(text("Private DNS"));
    if existing_hub.is_none() {
        for zone in &s.network.private_dns_zones {
            t.given(text("zone"), zone);
        }
    }

    t.section(text("Azure Arc"));
    t.named(text("private link scope"), FixedName::ArcPrivateLinkScope);
    t.named(
        text("private link scope private endpoint"),
        FixedName::ArcPrivateLinkScopePrivateEndpoint,
    );

    for spoke in &s.network.spokes {
        let key = |part| NameKey::Spoke(spoke.name.clone(), part);
        t.section(with_code("Spoke ", &spoke.name, ""));
        t.named(text("virtual network"), key(SpokePart::VirtualNetwork));
        t.named(text("route table"), key(SpokePart::RouteTable));
        for subnet in t.env.spoke_subnets.of_spoke(&spoke.name) {
            t.named(
                with_code("NSG of ", &format!("snet-{}", subnet.name), ""),
                NameKey::SpokeSubnetNsg(spoke.name.clone(), subnet.name.clone()),
            );
        }
    }
    refactor(&mut t);
    rehost(&mut t, recovery_region);
    t.finish()
}

/// Each application's resources, then the shared edge and migration service.
fn refactor(t: &mut Table) {
    let s = &t.env.settings;
    // In the spokes' order, as the rest of the table.
    let apps = s
        .network
        .spokes
        .iter()
        .filter_map(|spoke| s.paas.applications.get_key_value(&spoke.name));
    for (spoke, app) in apps {
        let key = |part| NameKey::App(spoke.clone(), part);
        let web_key = |web: &str, part| NameKey::WebApp(spoke.clone(), web.to_string(), part);
        t.section(with_code("Application ", spoke, ""));
        t.named(text("Key Vault"), key(AppPart::KeyVault));
        t.named(
            text("Key Vault private endpoint"),
            key(AppPart::KeyVaultPrivateEndpoint),
        );
        t.named(text("App Service plan"), key(AppPart::AppServicePlan));
        t.named(
            text("Application Insights"),
            key(AppPart::ApplicationInsights),
        );
        for web in &app.web_apps {
            t.named(
                with_code("web app ", web, ""),
                web_key(web, WebAppPart::Site),
            );
            t.named(
                with_code("web app ", web, ": private endpoint"),
                web_key(web, WebAppPart::PrivateEndpoint),
            );
            t.named(
                with_code("web app ", web, ": Front Door endpoint"),
                web_key(web, WebAppPart::FrontDoorEndpoint),
            );
        }
        t.named(text("SQL server"), key(AppPart::SqlServer));
        t.named(
            text("SQL server private endpoint"),
            key(AppPart::SqlServerPrivateEndpoint),
        );
        for db in &app.databases {
            t.named(
                with_code("database ", db, ""),
                NameKey::SqlDatabase(spoke.clone(), db.clone()),
            );
        }
        t.named(
            text("Container Apps environment"),
            key(AppPart::ContainerAppsEnvironment),
        );
        t.named(text("container registry"), key(AppPart::ContainerRegistry));
        t.named(
            text("container registry private endpoint"),
            key(AppPart::ContainerRegistryPrivateEndpoint),
        );
        t.named(
            text("Application Gateway"),
            key(AppPart::ApplicationGateway),
        );
        t.named(
            text("Application Gateway public IP"),
            key(AppPart::ApplicationGatewayPublicIp),
        );
        t.named(
            text("Application Gateway WAF policy"),
            key(AppPart::ApplicationGatewayWafPolicy),
        );
        t.named(
            text("Application Gateway identity"),
            key(AppPart::ApplicationGatewayIdentity),
        );
    }
    t.section(text("Front Door"));
    t.named(text("Front Door profile"), FixedName::FrontDoorProfile);
    t.named(text("WAF policy"), FixedName::FrontDoorWafPolicy);
    t.section(text("Database migration"));
    t.named(
        text("Database Migration Service"),
        FixedName::DatabaseMigrationService,
    );
}

/// The migration tooling, Site Recovery and the VMs meg builds.
fn rehost(t: &mut Table, recovery_region: Option<&str>) {
    let s = &t.env.settings;
    let m = &s.migration;
    t.section(text("Rehost"));
    t.named(text("resource group"), FixedName::MigrationResourceGroup);
    t.named(text("Azure Migrate project"), FixedName::MigrateProject);
    t.named(
        text(&format!(
            "Recovery Services vault ({})",
            m.backup.storage_redundancy
        )),
        FixedName::RecoveryServicesVault,
    );
    t.named(
        text(&format!(
            "maintenance configuration ({} {})",
            m.patching.weekday, m.patching.start_time
        )),
        FixedName::MaintenanceConfiguration,
    );
    t.named(
        text("disk encryption Key Vault"),
        FixedName::DiskEncryptionKeyVault,
    );
    t.named(
        text("disk encryption Key Vault private endpoint"),
        FixedName::DiskEncryptionKeyVaultPrivateEndpoint,
    );
    t.named(text("disk encryption set"), FixedName::DiskEncryptionSet);
    t.named(
        text("disk encryption set identity"),
        FixedName::DiskEncryptionIdentity,
    );
    t.named(
        text("data collection rule (Azure Monitor agent)"),
        FixedName::DataCollectionRule,
    );
    t.named(
        text("identity of the enrolment policies (backup, patch prerequisites)"),
        FixedName::EnrolmentIdentity,
    );

    t.section(text("Site Recovery"));
    t.named(
        with_code(
            "resource group in ",
            recovery_region.unwrap_or(&t.env.location),
            "",
        ),
        FixedName::RecoveryResourceGroup,
    );
    t.named(text("vault"), FixedName::SiteRecoveryVault);
    t.named(
        text("replication policy"),
        FixedName::SiteRecoveryReplicationPolicy,
    );
    t.named(
        text("cache storage account"),
        FixedName::SiteRecoveryCacheStorage,
    );
    let in_recovery = |what: &str| {
        with_code(
            &format!("{what} in "),
            recovery_region.unwrap_or(&t.env.location),
            "",
        )
    };
    t.named(
        in_recovery("disk encryption Key Vault"),
        FixedName::RecoveryDiskEncryptionKeyVault,
    );
    t.named(
        in_recovery("disk encryption set"),
        FixedName::RecoveryDiskEncryptionSet,
    );
    t.named(
        text("recovery disk encryption set identity"),
        FixedName::RecoveryDiskEncryptionIdentity,
    );

    if !m.enabled {
        return;
    }
    for (vm, spec) in m.created_vms() {
        let key = |part| NameKey::Vm(vm.clone(), part);
        t.section(with_code("VM ", vm, ""));
        // The VM keeps the name it has on premises: the model does not make it.
        t.given(
            vec![
                Part::text(format!("{} ", spec.os)),
                Part::code(&spec.size),
                Part::text(" in spoke "),
                Part::code(&spec.spoke),
            ],
            vm,
        );
        t.named(text("network interface"), key(VmPart::NetworkInterface));
        t.named(text("OS disk"), key(VmPart::OsDisk));
        for (lun, size) in spec.data_disks.iter().enumerate() {
            t.named(
                text(&format!("data disk (LUN {lun}, {size} GB)")),
                key(VmPart::DataDisk(lun)),
            );
        }
        if t.env.deploys(&FixedName::SiteRecoveryVault.into()) {
            // The protected item carries the VM's name in the recovery vault.
            let disks = spec.data_disks.len();
            let mut label = vec![Part::text(format!(
                "Site Recovery protected item (OS disk and {disks} data disk{})",
                if disks == 1 { "" } else { "s" }
            ))];
            if m.site_recovery.recovery_networks.contains_key(&spec.spoke) {
                label.push(Part::text(", failover into "));
                label.push(Part::code(format!("snet-{}", spec.subnet)));
                label.push(Part::text(" of its spoke's recovery network"));
            } else {
                label.push(Part::text(", no recovery network yet"));
            }
            t.given(label, vm);
        }
    }
}
