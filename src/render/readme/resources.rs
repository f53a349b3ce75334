//! The README's table of every resource an environment creates, with its name.
//!
//! Names come from the model ([`Environment::names`]) and a row appears exactly where the model
//! says the environment creates the resource ([`Environment::deploys`]); this file only gives
//! each name its place and its words. A name it has no words for still appears, under "Other",
//! so the README never leaves out a resource the model names.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::Environment;
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
    /// Its name key in the model (`spoke.shop.routeTable`); empty for a name the model does not
    /// make (a private DNS zone, the existing hub).
    pub key: String,
}

/// Builds the sections, skipping what the environment does not create.
struct Table<'e> {
    env: &'e Environment,
    sections: Vec<Section>,
    shown: BTreeSet<&'e str>,
}

impl<'e> Table<'e> {
    fn section(&mut self, title: Label) {
        self.sections.push(Section {
            title,
            rows: Vec::new(),
        });
    }

    /// The resource named under `key`, when the environment creates it.
    fn named(&mut self, what: Label, key: &str) {
        if !self.env.deploys(key) {
            return;
        }
        let Some((key, name)) = self.env.names.get_key_value(key) else {
            return;
        };
        self.shown.insert(key);
        self.push(what, name.as_str(), key);
    }

    /// A resource whose name the model does not make.
    fn given(&mut self, what: Label, name: &str) {
        self.push(what, name, "");
    }

    fn push(&mut self, what: Label, name: &str, key: &str) {
        let section = self.sections.last_mut().expect("a section is open");
        section.rows.push(Row {
            what,
            name: name.to_string(),
            key: key.to_string(),
        });
    }

    /// The sections with rows, then any deployed name without a row of its own.
    fn finish(mut self) -> Vec<Section> {
        let missing: Vec<(&str, &str)> = self
            .env
            .deployed_names()
            .filter(|(key, _)| !self.shown.contains(key))
            .collect();
        if !missing.is_empty() {
            self.section(text("Other"));
            for (key, name) in missing {
                self.push(vec![Part::code(key)], name, key);
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
    t.named(text("connectivity"), "connectivityResourceGroup");
    t.named(text("management"), "managementResourceGroup");
    t.named(text("security"), "securityResourceGroup");
    for spoke in &s.network.spokes {
        t.named(
            with_code("spoke ", &spoke.name, ""),
            &format!("spoke.{}.resourceGroup", spoke.name),
        );
    }
    t.section(text("Management"));
    t.named(text("Log Analytics workspace"), "logAnalyticsWorkspace");
    t.section(text("Security"));
    t.named(text("Key Vault"), "keyVault");
    t.named(
        text("Key Vault private endpoint"),
        "keyVaultPrivateEndpoint",
    );

    t.section(text("Hub network"));
    if let Some(hub) = existing_hub {
        t.given(text("existing virtual network, not managed here"), hub);
    } else {
        t.named(text("virtual network"), "hubVirtualNetwork");
    }
    for role in env.layout.subnets.keys() {
        let info = role.info();
        t.named(
            with_code("NSG of ", info.subnet_name, ""),
            &format!("hubSubnet.{}.networkSecurityGroup", info.key),
        );
    }
    t.named(
        with_code("route table of ", HubRole::Gateway.info().subnet_name, ""),
        "hubToSpokeRouteTable",
    );
    t.named(text("DDoS protection plan"), "ddosProtectionPlan");

    t.section(text("Firewall"));
    t.named(text("Azure Firewall"), "firewall");
    t.named(text("firewall policy"), "firewallPolicy");
    t.named(text("public IP"), "firewallPublicIp");
    t.named(text("management public IP"), "firewallManagementPublicIp");

    t.section(text("Bastion"));
    t.named(text("Bastion host"), "bastion");
    t.named(text("public IP"), "bastionPublicIp");

    t.section(text("VPN"));
    t.named(text("VPN gateway"), "vpnGateway");
    t.named(text("public IP"), "vpnGatewayPublicIp");
    t.named(
        text("second public IP (active-active)"),
        "vpnGatewaySecondPublicIp",
    );
    for site in &s.on_premises.sites {
        t.named(
            with_code("site ", &site.name, ": local network gateway"),
            &format!("site.{}.localNetworkGateway", site.name),
        );
        t.named(
            with_code("site ", &site.name, ": connection"),
            &format!("site.{}.connection", site.name),
        );
    }

    t.section(text("ExpressRoute"));
    t.named(text("ExpressRoute gateway"), "expressRouteGateway");
    t.named(text("connection to the circuit"), "expressRouteConnection");

    t.section(text("DNS resolver"));
    t.named(text("DNS Private Resolver"), "dnsResolver");
    t.named(text("inbound endpoint"), "dnsResolverInboundEndpoint");
    t.named(text("outbound endpoint"), "dnsResolverOutboundEndpoint");
    t.named(text("forwarding ruleset"), "dnsForwardingRuleset");

    t.section(text("Private DNS"));
    if existing_hub.is_none() {
        for zone in &s.network.private_dns_zones {
            t.given(text("zone"), zone);
        }
    }

    t.section(text("Azure Arc"));
    t.named(text("private link scope"), "arcPrivateLinkScope");
    t.named(
        text("private link scope private endpoint"),
        "arcPrivateLinkScopePrivateEndpoint",
    );

    for spoke in &s.network.spokes {
        let key = |k: &str| format!("spoke.{}.{k}", spoke.name);
        t.section(with_code("Spoke ", &spoke.name, ""));
        t.named(text("virtual network"), &key("virtualNetwork"));
        t.named(text("route table"), &key("routeTable"));
        for subnet in t.env.spoke_subnets.of_spoke(&spoke.name) {
            t.named(
                with_code("NSG of ", &format!("snet-{}", subnet.name), ""),
                &key(&format!("subnet.{}.networkSecurityGroup", subnet.name)),
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
        let key = |k: &str| format!("app.{spoke}.{k}");
        t.section(with_code("Application ", spoke, ""));
        t.named(text("Key Vault"), &key("keyVault"));
        t.named(
            text("Key Vault private endpoint"),
            &key("keyVault.privateEndpoint"),
        );
        t.named(text("App Service plan"), &key("appServicePlan"));
        t.named(text("Application Insights"), &key("applicationInsights"));
        for web in &app.web_apps {
            t.named(
                with_code("web app ", web, ""),
                &key(&format!("webApp.{web}")),
            );
            t.named(
                with_code("web app ", web, ": private endpoint"),
                &key(&format!("webApp.{web}.privateEndpoint")),
            );
            t.named(
                with_code("web app ", web, ": Front Door endpoint"),
                &key(&format!("webApp.{web}.frontDoorEndpoint")),
            );
        }
        t.named(text("SQL server"), &key("sqlServer"));
        t.named(
            text("SQL server private endpoint"),
            &key("sqlServer.privateEndpoint"),
        );
        for db in &app.databases {
            t.named(
                with_code("database ", db, ""),
                &key(&format!("sqlDatabase.{db}")),
            );
        }
        t.named(
            text("Container Apps environment"),
            &key("containerAppsEnvironment"),
        );
        t.named(text("container registry"), &key("containerRegistry"));
        t.named(
            text("container registry private endpoint"),
            &key("containerRegistry.privateEndpoint"),
        );
        t.named(text("Application Gateway"), &key("applicationGateway"));
        t.named(
            text("Application Gateway public IP"),
            &key("applicationGateway.publicIp"),
        );
        t.named(
            text("Application Gateway WAF policy"),
            &key("applicationGateway.wafPolicy"),
        );
        t.named(
            text("Application Gateway identity"),
            &key("applicationGateway.identity"),
        );
    }
    t.section(text("Front Door"));
    t.named(text("Front Door profile"), "frontDoorProfile");
    t.named(text("WAF policy"), "frontDoorWafPolicy");
    t.section(text("Database migration"));
    t.named(
        text("Database Migration Service"),
        "databaseMigrationService",
    );
}

/// The migration tooling, Site Recovery and the VMs meg builds.
fn rehost(t: &mut Table, recovery_region: Option<&str>) {
    let s = &t.env.settings;
    let m = &s.migration;
    t.section(text("Rehost"));
    t.named(text("resource group"), "migrationResourceGroup");
    t.named(text("Azure Migrate project"), "migrateProject");
    t.named(
        text(&format!(
            "Recovery Services vault ({})",
            m.backup.storage_redundancy
        )),
        "recoveryServicesVault",
    );
    t.named(
        text(&format!(
            "maintenance configuration ({} {})",
            m.patching.weekday, m.patching.start_time
        )),
        "maintenanceConfiguration",
    );
    t.named(text("disk encryption Key Vault"), "diskEncryptionKeyVault");
    t.named(
        text("disk encryption Key Vault private endpoint"),
        "diskEncryptionKeyVaultPrivateEndpoint",
    );
    t.named(text("disk encryption set"), "diskEncryptionSet");
    t.named(
        text("disk encryption set identity"),
        "diskEncryptionIdentity",
    );
    t.named(
        text("data collection rule (Azure Monitor agent)"),
        "dataCollectionRule",
    );
    t.named(
        text("identity of the enrolment policies (backup, patch prerequisites)"),
        "enrolmentIdentity",
    );

    t.section(text("Site Recovery"));
    t.named(
        with_code(
            "resource group in ",
            recovery_region.unwrap_or(&t.env.location),
            "",
        ),
        "recoveryResourceGroup",
    );
    t.named(text("vault"), "siteRecoveryVault");
    t.named(text("replication policy"), "siteRecoveryReplicationPolicy");
    t.named(text("cache storage account"), "siteRecoveryCacheStorage");
    let in_recovery = |what: &str| {
        with_code(
            &format!("{what} in "),
            recovery_region.unwrap_or(&t.env.location),
            "",
        )
    };
    t.named(
        in_recovery("disk encryption Key Vault"),
        "recoveryDiskEncryptionKeyVault",
    );
    t.named(
        in_recovery("disk encryption set"),
        "recoveryDiskEncryptionSet",
    );
    t.named(
        text("recovery disk encryption set identity"),
        "recoveryDiskEncryptionIdentity",
    );

    if !m.enabled {
        return;
    }
    for (vm, spec) in m.created_vms() {
        let key = |k: &str| format!("vm.{vm}.{k}");
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
        t.named(text("network interface"), &key("networkInterface"));
        t.named(text("OS disk"), &key("osDisk"));
        for (lun, size) in spec.data_disks.iter().enumerate() {
            t.named(
                text(&format!("data disk (LUN {lun}, {size} GB)")),
                &key(&format!("dataDisk.{lun}")),
            );
        }
        if t.env.deploys("siteRecoveryVault") {
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
