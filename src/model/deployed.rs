//! Which of an environment's named resources that environment creates.
//!
//! The model names every resource any environment might hold (the `names` parameter is the same
//! shape everywhere), but an environment creates only some of them: dev without a firewall keeps
//! the firewall's name and deploys no firewall. This is the one place that says which names are
//! real in one environment, for the README's resource list and its tests. It is not the code's
//! `deploy` flags, which say what the code holds for all environments together.

use crate::model::Environment;
use crate::model::network::HubRole;

impl Environment {
    /// Whether this environment creates the resource named under `key` in [`Environment::names`].
    pub fn deploys(&self, key: &str) -> bool {
        if !self.names.contains_key(key) {
            return false;
        }
        let s = &self.settings;
        let on = self.deploy_parts();
        let (head, rest) = key.split_once('.').unwrap_or((key, ""));
        match head {
            // Sites are named for every environment; only a VPN gateway connects them.
            "site" => on.site_to_site,
            // Named only where the spoke, the application or the VM exists.
            "spoke" | "app" | "vm" => true,
            // A hub subnet's NSG, where the environment's hub has that subnet.
            "hubSubnet" => {
                let role_key = rest.split('.').next().unwrap_or_default();
                self.layout
                    .subnets
                    .keys()
                    .any(|role| role.info().key == role_key && role.info().nsg)
            }
            "vpnGatewaySecondPublicIp" => on.vpn_gateway && s.vpn_gateway.active_active,
            "keyVaultPrivateEndpoint" => on.key_vault && s.key_vault.private_endpoint,
            "diskEncryptionKeyVaultPrivateEndpoint" => on.migration && s.key_vault.private_endpoint,
            "expressRouteConnection" => on.express_route && s.express_route.circuit_id.is_some(),
            // GatewaySubnet routes the spokes through the firewall only when both exist.
            "hubToSpokeRouteTable" => {
                on.firewall
                    && (on.vpn_gateway || on.express_route)
                    && self.layout.subnets.contains_key(&HubRole::Gateway)
            }
            fixed => super::fixed_names()
                .find(|f| f.key == fixed)
                .is_none_or(|f| f.part.deployed(&on)),
        }
    }

    /// The names of the resources this environment creates, by name key.
    pub fn deployed_names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.names
            .iter()
            .filter(|(key, _)| self.deploys(key))
            .map(|(key, name)| (key.as_str(), name.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::LandingZone;
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
        assert!(dev.names.contains_key("firewall"));
        assert!(!dev.deploys("firewall"));
        assert!(!dev.deploys("hubToSpokeRouteTable"));
        assert!(prod.deploys("firewall"));
        assert!(prod.deploys("hubToSpokeRouteTable"));
        // Prod's firewall is Standard and its gateway active-active; dev's gateway is not.
        assert!(!prod.deploys("firewallManagementPublicIp"));
        assert!(prod.deploys("vpnGatewaySecondPublicIp"));
        assert!(!dev.deploys("vpnGatewaySecondPublicIp"));
        // Only prod connects the ExpressRoute circuit.
        assert!(!dev.deploys("expressRouteConnection"));
        assert!(prod.deploys("expressRouteConnection"));
        assert!(!dev.deploys("noSuchKey"));
    }

    #[test]
    fn sites_are_deployed_only_with_a_vpn_gateway() {
        let lz = hybrid(&["environments.dev.vpnGateway.enabled=false"]);
        let (dev, prod) = (&lz.environments[0], &lz.environments[1]);
        let key = "site.amsterdam-dc.connection";
        assert!(dev.names.contains_key(key));
        assert!(!dev.deploys(key));
        assert!(prod.deploys(key));
    }
}
