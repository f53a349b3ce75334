//! Placement: which environment, spoke and subnet each server lands in, by the rules of the
//! landing-zone file (`migration.inventory.environments` and `.placement`).
//!
//! A server's networks are what its export says of its adapters: port group or network
//! names, VLAN IDs inside them, and IP addresses. A rule matches a network by name (with `*`
//! wildcards, ignoring case), by VLAN ID, or by a CIDR holding one of the server's addresses;
//! the first matching rule places the server. Unplaced servers are an error that lists each
//! unplaced network with its servers, so one edit fixes them all. This module does not size.

use std::net::Ipv4Addr;

use super::Server;
use crate::input::inventory_settings::PlacementRule;

/// Whether `text` matches a pattern with `*` wildcards, ignoring case.
pub fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && p[pi] != '*' && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// The VLAN IDs a network name carries: the number after `vlan`, or the whole name if it is
/// a number.
pub fn vlans_in(name: &str) -> Vec<u32> {
    let lower = name.to_lowercase();
    if let Ok(n) = lower.trim().parse() {
        return vec![n];
    }
    lower
        .match_indices("vlan")
        .filter_map(|(i, _)| {
            let rest = lower[i + 4..].trim_start_matches([' ', '-', '_', '#', ':']);
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

/// An IPv4 CIDR, parsed: (network, prefix length).
pub fn parse_cidr(text: &str) -> Option<(u32, u32)> {
    let (addr, len) = text.split_once('/')?;
    let addr: Ipv4Addr = addr.trim().parse().ok()?;
    let len: u32 = len.trim().parse().ok().filter(|l| *l <= 32)?;
    Some((u32::from(addr), len))
}

fn in_cidr(ip: &str, (net, len): (u32, u32)) -> bool {
    let Ok(ip) = ip.trim().parse::<Ipv4Addr>() else {
        return false;
    };
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
    u32::from(ip) & mask == net & mask
}

impl PlacementRule {
    /// Whether the rule takes this server of this environment.
    pub fn matches(&self, server: &Server, environment: &str) -> bool {
        if self
            .environment
            .as_deref()
            .is_some_and(|e| e != environment)
        {
            return false;
        }
        let networks = server.nics.iter().filter_map(|n| n.network.as_deref());
        let by_name = self
            .network
            .as_deref()
            .map(|p| networks.clone().any(|n| glob(p, n)));
        let by_vlan = self
            .vlan
            .map(|v| networks.clone().any(|n| vlans_in(n).contains(&v)));
        let by_cidr = self.cidr.as_deref().and_then(parse_cidr).map(|c| {
            server
                .nics
                .iter()
                .flat_map(|n| &n.ips)
                .any(|ip| in_cidr(ip, c))
        });
        // Every criterion given must hold; a rule with none matches nothing.
        let given = [by_name, by_vlan, by_cidr];
        given.iter().any(Option::is_some) && given.iter().all(|g| g.unwrap_or(true))
    }
}

/// How a server's networks are shown in the unplaced list: its network names, else its
/// addresses, else "no network in the export".
pub fn networks_of(server: &Server) -> String {
    let names: Vec<&str> = server
        .nics
        .iter()
        .filter_map(|n| n.network.as_deref())
        .collect();
    if !names.is_empty() {
        return names.join(", ");
    }
    let ips: Vec<&str> = server
        .nics
        .iter()
        .flat_map(|n| n.ips.iter().map(String::as_str))
        .collect();
    if !ips.is_empty() {
        return ips.join(", ");
    }
    "no network in the export".into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::server::{Arch, Firmware, Nic, Os, OsFamily};

    fn server(network: Option<&str>, ip: &str) -> Server {
        Server {
            name: "s".into(),
            origin: "x.csv:2".into(),
            environment: None,
            application: None,
            cores: 2,
            memory_mib: 4096,
            os: Os {
                family: OsFamily::Linux,
                name: "Ubuntu".into(),
                version: None,
                arch: Arch::X64,
            },
            firmware: Firmware::Unknown,
            disks: Vec::new(),
            nics: vec![Nic {
                network: network.map(str::to_string),
                ips: vec![ip.to_string()],
            }],
            machine_id: None,
            assessed_size: None,
            powered_on: None,
            platform: None,
            wave: None,
        }
    }

    fn rule(network: Option<&str>, vlan: Option<u32>, cidr: Option<&str>) -> PlacementRule {
        PlacementRule {
            network: network.map(str::to_string),
            vlan,
            cidr: cidr.map(str::to_string),
            spoke: "erp".into(),
            subnet: "app".into(),
            ..Default::default()
        }
    }

    #[test]
    fn globs_ignore_case() {
        assert!(glob("PG-App-*", "pg-app-110"));
        assert!(glob("*db*", "VLAN20-DB"));
        assert!(!glob("pg-app", "pg-app-110"));
        assert!(glob("*", "anything"));
    }

    #[test]
    fn finds_vlan_ids_in_network_names() {
        assert_eq!(vlans_in("VLAN110-App"), vec![110]);
        assert_eq!(vlans_in("dvPG_vlan-20_db"), vec![20]);
        assert_eq!(vlans_in("120"), vec![120]);
        assert!(vlans_in("VM Network").is_empty());
    }

    #[test]
    fn matches_by_name_vlan_or_cidr_and_all_given_criteria() {
        let s = server(Some("VLAN110-App"), "10.1.0.17");
        assert!(rule(Some("vlan110*"), None, None).matches(&s, "prod"));
        assert!(rule(None, Some(110), None).matches(&s, "prod"));
        assert!(!rule(None, Some(11), None).matches(&s, "prod"));
        assert!(rule(None, None, Some("10.1.0.0/24")).matches(&s, "prod"));
        assert!(!rule(None, None, Some("10.1.1.0/24")).matches(&s, "prod"));
        assert!(!rule(None, Some(110), Some("10.2.0.0/16")).matches(&s, "prod"));
        assert!(!rule(None, None, None).matches(&s, "prod"));
        let mut only_dev = rule(None, Some(110), None);
        only_dev.environment = Some("dev".into());
        assert!(!only_dev.matches(&s, "prod"));
        assert!(only_dev.matches(&s, "dev"));
    }
}
