//! Which of an environment's named resources that environment creates.
//!
//! The model names every resource any environment might hold (the `names` parameter is the same
//! shape everywhere), but an environment creates only some of them: dev without a firewall keeps
//! the firewall's name and deploys no firewall. This is the one place that says which names are
//! real in one environment, for the README's resource list and its tests. It is not the code's
//! `deploy` flags, which say what the code holds for all environments together.

use crate::model::Environment;
use crate::model::fixed_name::FixedName;
use crate::model::name_key::NameKey;
use crate::model::naming::ResourceName;
use crate::model::network::HubRole;

impl Environment {
    /// Whether this environment creates the resource named under `key` in [`Environment::names`].
    pub fn deploys(&self, key: &NameKey) -> bool {
        if !self.names.contains(key) {
            return false;
        }
        match key {
            NameKey::Fixed(fixed) => self.deploys_fixed(*fixed),
            // Sites are named for every environment; only a VPN gateway connects them.
            NameKey::Site(..) => self.deploy_parts().site_to_site,
            // Named only where the spoke, the application or the VM exists.
            NameKey::Spoke(..)
            | NameKey::SpokeSubnetNsg(..)
            | NameKey::App(..)
            | NameKey::WebApp(..)
            | NameKey::SqlDatabase(..)
            | NameKey::Vm(..) => true,
            // A hub subnet's NSG, where the environment's hub has that subnet.
            NameKey::HubSubnetNsg(role) => {
                role.info().nsg && self.layout.subnets.contains_key(role)
            }
        }
    }

    /// Whether this environment creates a fixed-name resource: its part, and for some names a
    /// setting of this environment's.
    fn deploys_fixed(&self, fixed: FixedName) -> bool {
        let s = &self.settings;
        let on = self.deploy_parts();
        match fixed {
            FixedName::VpnGatewaySecondPublicIp => on.vpn_gateway && s.vpn_gateway.active_active,
            FixedName::KeyVaultPrivateEndpoint => on.key_vault && s.key_vault.private_endpoint,
            FixedName::DiskEncryptionKeyVaultPrivateEndpoint => {
                on.migration && s.key_vault.private_endpoint
            }
            FixedName::ExpressRouteConnection => {
                on.express_route && s.express_route.circuit_id.is_some()
            }
            // GatewaySubnet routes the spokes through the firewall only when both exist.
            FixedName::HubToSpokeRouteTable => {
                on.firewall
                    && (on.vpn_gateway || on.express_route)
                    && self.layout.subnets.contains_key(&HubRole::Gateway)
            }
            other => other.part().deployed(&on),
        }
    }

    /// The names of the resources this environment creates, by name key.
    pub fn deployed_names(&self) -> impl Iterator<Item = (&NameKey, &ResourceName)> {
        self.names.iter().filter(|(key, _)| self.deploys(key))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::LandingZone;
    use crate::model::fixed_name::FixedName;
    use crate::model::name_key::{NameKey, SitePart};
    use crate::model::network::HubRole;
    use crate::request::Inputs;
    use crate::session::Session;

    fn hybrid(sets: &[&str]) -> LandingZone {
        let input = Inputs {
            inputs: vec![
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hybrid.yaml"),
            ],
            sets: sets.iter().map(|s| (*s).to_string()).collect(),
            ..Inputs::default()
        };
        let session = Session::open(None).expect("the embedded catalog opens");
        session.resolve(&input).expect("the example resolves").1
    }

    #[test]
    fn a_name_is_deployed_only_where_its_part_is() {
        let lz = hybrid(&["environments.dev.firewall.enabled=false"]);
        let (dev, prod) = (&lz.environments[0], &lz.environments[1]);
        assert_eq!((dev.name.as_str(), prod.name.as_str()), ("dev", "prod"));
        // Every environment is named alike; only prod creates the firewall.
        let key = NameKey::Fixed;
        assert!(dev.names.contains(&key(FixedName::Firewall)));
        assert!(!dev.deploys(&key(FixedName::Firewall)));
        assert!(!dev.deploys(&key(FixedName::HubToSpokeRouteTable)));
        assert!(prod.deploys(&key(FixedName::Firewall)));
        assert!(prod.deploys(&key(FixedName::HubToSpokeRouteTable)));
        // Prod's firewall is Standard and its gateway active-active; dev's gateway is not.
        assert!(!prod.deploys(&key(FixedName::FirewallManagementPublicIp)));
        assert!(prod.deploys(&key(FixedName::VpnGatewaySecondPublicIp)));
        assert!(!dev.deploys(&key(FixedName::VpnGatewaySecondPublicIp)));
        // Only prod connects the ExpressRoute circuit.
        assert!(!dev.deploys(&key(FixedName::ExpressRouteConnection)));
        assert!(prod.deploys(&key(FixedName::ExpressRouteConnection)));
        // A key the environment does not name: a spoke it does not have.
        assert!(!dev.deploys(&NameKey::Spoke(
            "nowhere".into(),
            crate::model::name_key::SpokePart::ResourceGroup
        )));
    }

    #[test]
    fn a_hub_subnet_nsg_and_a_private_endpoint_follow_the_environment() {
        let lz = hybrid(&[
            "environments.dev.bastion.enabled=false",
            "environments.dev.keyVault.privateEndpoint=false",
        ]);
        let (dev, prod) = (&lz.environments[0], &lz.environments[1]);
        // Both environments name the Bastion subnet's NSG; only prod's hub has the subnet.
        let nsg = NameKey::HubSubnetNsg(HubRole::Bastion);
        assert!(dev.names.contains(&nsg));
        assert!(!dev.deploys(&nsg));
        assert!(prod.deploys(&nsg));
        // The hub's other subnets keep their NSGs in dev.
        assert!(dev.deploys(&NameKey::HubSubnetNsg(HubRole::Management)));
        let endpoint = NameKey::Fixed(FixedName::KeyVaultPrivateEndpoint);
        assert!(!dev.deploys(&endpoint));
        assert!(prod.deploys(&endpoint));
    }

    #[test]
    fn sites_are_deployed_only_with_a_vpn_gateway() {
        let lz = hybrid(&["environments.dev.vpnGateway.enabled=false"]);
        let (dev, prod) = (&lz.environments[0], &lz.environments[1]);
        let key = NameKey::Site("amsterdam-dc".into(), SitePart::Connection);
        assert!(dev.names.contains(&key));
        assert!(!dev.deploys(&key));
        assert!(prod.deploys(&key));
    }
}
