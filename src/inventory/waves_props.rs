//! Tests of `waves` over planned inventories built in memory: generated inventories and
//! dependency graphs hold every rule of a wave plan (a property test), and examples show each
//! rule and message on its own.

use proptest::prelude::*;

use super::dependencies::{Dependency, Endpoint};
use super::plan::apply_waves as plan_waves;
use super::plan::{EnvironmentRef, Plan, Planned};
use super::server::{Arch, Firmware, Nic, Os, OsFamily, Server};
use super::sizing::Choice;
use super::wave::{WaveLabel, WaveReason, WaveSource, is_wave_name, wave_name_of};
use super::wave_settings::{DeclaredServer, DeclaredWave, WaveSettings};
use crate::input::closed_sets::SizeSource;

const ENVS: [&str; 3] = ["dev", "test", "prod"];

fn environments() -> Vec<EnvironmentRef> {
    // Written prod first: the order of the file must not decide the order of the waves.
    ["prod", "dev", "test"]
        .iter()
        .map(|e| EnvironmentRef {
            name: e.to_string(),
            tier: e.to_string(),
        })
        .collect()
}

fn planned(name: &str, env: &str, ip: &str, label: Option<(&str, WaveSource)>) -> Planned {
    Planned {
        server: Server {
            name: name.into(),
            origin: format!("servers.csv:{name}"),
            environment: Some(env.into()),
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
                network: None,
                ips: vec![ip.into()],
            }],
            machine_id: None,
            assessed_size: None,
            powered_on: None,
            platform: None,
            wave: label.map(|(value, source)| WaveLabel {
                value: value.into(),
                source,
                column: "Wave".into(),
                origin: format!("servers.csv:{name}"),
            }),
        },
        vm_name: super::plan::vm_name(name),
        environment: env.into(),
        wave: String::new(),
        wave_reason: WaveReason {
            source: WaveSource::Environment,
            detail: String::new(),
        },
        spoke: None,
        subnet: None,
        size: Choice {
            size: "Standard_D2s_v5".into(),
            source: SizeSource::AsOnPremises,
            reason: String::new(),
        },
        disks: Vec::new(),
    }
}

fn dep(from: &str, to: &str) -> Dependency {
    let end = |n: &str| Endpoint {
        name: Some(n.into()),
        ip: None,
        application: None,
    };
    Dependency {
        source: end(from),
        destination: end(to),
        port: Some(443),
        origin: "deps.csv:2".into(),
    }
}

fn declared(waves: &[(&str, &[&str])], max: Option<usize>) -> WaveSettings {
    WaveSettings {
        waves: waves
            .iter()
            .map(|(name, servers)| DeclaredWave {
                name: name.to_string(),
                at: format!("lz.yaml: wave {name}"),
                servers: servers
                    .iter()
                    .map(|s| DeclaredServer {
                        text: s.to_string(),
                        at: format!("lz.yaml: {s}"),
                    })
                    .collect(),
            })
            .collect(),
        max_size: max,
    }
}

fn plan_of(servers: Vec<Planned>) -> Plan {
    Plan {
        servers,
        ..Plan::default()
    }
}

/// One generated server: its environment, perhaps a wave column value, perhaps a declared wave.
#[derive(Debug, Clone)]
struct Gen {
    env: usize,
    label: Option<(usize, bool)>,
    declared: Option<usize>,
}

fn gen_server() -> impl Strategy<Value = Gen> {
    (
        0..3usize,
        prop::option::weighted(0.2, (0..3usize, any::<bool>())),
        prop::option::weighted(0.15, 0..2usize),
    )
        .prop_map(|(env, label, declared)| Gen {
            env,
            label,
            declared,
        })
}

/// Which servers reach which (depth-first from each): small graphs only.
fn reach(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<bool>> {
    let mut next = vec![Vec::new(); n];
    for &(a, b) in edges {
        next[a].push(b);
    }
    (0..n)
        .map(|s| {
            let mut seen = vec![false; n];
            let mut stack = vec![s];
            seen[s] = true;
            while let Some(v) = stack.pop() {
                for &w in &next[v] {
                    if !seen[w] {
                        seen[w] = true;
                        stack.push(w);
                    }
                }
            }
            seen
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn every_wave_plan_holds_the_rules(
        gens in prop::collection::vec(gen_server(), 1..24),
        raw_edges in prop::collection::vec((0..27usize, 0..27usize), 0..60),
        max in prop::option::of(1..6usize),
    ) {
        let n = gens.len();
        let name = |i: usize| if i < n { format!("s{i}") } else { format!("ext{i}") };
        let labels = ["Wave 1", "Wave 10", "orders"];
        let servers: Vec<Planned> = gens
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let label = g.label.map(|(l, group)| {
                    (labels[l], if group { WaveSource::Group } else { WaveSource::Column })
                });
                planned(&name(i), ENVS[g.env], &format!("10.0.0.{i}"), label)
            })
            .collect();
        // Declared waves per environment, so that none mixes two.
        let mut decl: Vec<(String, Vec<String>)> = Vec::new();
        for (i, g) in gens.iter().enumerate() {
            if let Some(d) = g.declared {
                let wave = format!("w{d}-{}", ENVS[g.env]);
                match decl.iter_mut().find(|(w, _)| *w == wave) {
                    Some((_, list)) => list.push(name(i)),
                    None => decl.push((wave, vec![name(i)])),
                }
            }
        }
        decl.sort();
        let decl_refs: Vec<(String, Vec<&str>)> = decl
            .iter()
            .map(|(w, l)| (w.clone(), l.iter().map(String::as_str).collect()))
            .collect();
        let decl_slices: Vec<(&str, &[&str])> =
            decl_refs.iter().map(|(w, l)| (w.as_str(), l.as_slice())).collect();
        let settings = declared(&decl_slices, max);
        let deps: Vec<Dependency> = raw_edges.iter().map(|&(a, b)| dep(&name(a), &name(b))).collect();
        let mut plan = plan_of(servers);
        plan_waves(&mut plan, &deps, &settings, &environments()).expect("a consistent plan");

        // Every server in exactly one wave, the one it names.
        let mut count = vec![0; n];
        let mut position = vec![usize::MAX; n];
        for (w, wave) in plan.waves.iter().enumerate() {
            prop_assert!(is_wave_name(&wave.name), "{}", wave.name);
            prop_assert!(!wave.servers.is_empty());
            for &s in &wave.servers {
                count[s] += 1;
                position[s] = w;
                prop_assert_eq!(&plan.servers[s].wave, &wave.name);
                prop_assert_eq!(&plan.servers[s].environment, &wave.environment);
            }
        }
        prop_assert!(count.iter().all(|&c| c == 1), "{count:?}");
        let mut names: Vec<&str> = plan.waves.iter().map(|w| w.name.as_str()).collect();
        names.sort();
        names.dedup();
        prop_assert_eq!(names.len(), plan.waves.len(), "wave names are unique");
        // Dev, then test, then prod.
        let rank = |e: &str| ENVS.iter().position(|x| *x == e).unwrap();
        for pair in plan.waves.windows(2) {
            prop_assert!(rank(&pair[0].environment) <= rank(&pair[1].environment));
        }
        // Explicit waves win: declared, then the column or group.
        for (i, g) in gens.iter().enumerate() {
            let p = &plan.servers[i];
            if let Some(d) = g.declared {
                prop_assert_eq!(&p.wave, &format!("w{d}-{}", ENVS[g.env]));
                prop_assert_eq!(p.wave_reason.source, WaveSource::Declared);
            } else if let Some((l, _)) = g.label {
                prop_assert_eq!(Some(p.wave.clone()), wave_name_of(ENVS[g.env], labels[l]));
            }
        }
        // Declared waves of one environment run in the order written.
        for env in ENVS {
            let first = plan.waves.iter().position(|w| w.name == format!("w0-{env}"));
            let second = plan.waves.iter().position(|w| w.name == format!("w1-{env}"));
            if let (Some(a), Some(b)) = (first, second) {
                prop_assert!(a < b, "w0-{} runs after w1-{}", env, env);
            }
        }
        // Dependencies between servers of the inventory.
        let edges: Vec<(usize, usize)> = raw_edges
            .iter()
            .copied()
            .filter(|&(a, b)| a < n && b < n && a != b)
            .collect();
        let r = reach(n, &edges);
        let derived = |i: usize| plan.servers[i].wave_reason.source == WaveSource::Dependency
            && !plan.servers[i].wave_reason.detail.contains("both directions");
        for a in 0..n {
            for b in 0..n {
                if a != b && r[a][b] && r[b][a] && derived(a) && derived(b)
                    && plan.servers[a].environment == plan.servers[b].environment
                {
                    prop_assert_eq!(position[a], position[b], "s{} and s{} depend on each other", a, b);
                }
            }
        }
        let mut late: Vec<(usize, usize)> = edges
            .iter()
            .copied()
            .filter(|&(a, b)| position[b] > position[a])
            .collect();
        late.sort();
        late.dedup();
        // A server meg places itself comes after what it depends on in its environment, be
        // that placed by meg too or explicitly (only explicit servers can be forced early).
        for &(a, b) in &late {
            prop_assert!(
                !(derived(a) && plan.servers[a].environment == plan.servers[b].environment),
                "s{} depends on s{}, which moves later, and nothing explicit says so", a, b
            );
        }
        if late.len() <= 20 {
            for &(a, b) in &late {
                let (sa, sb) = (format!("'s{a}'"), format!("'s{b}'"));
                prop_assert!(
                    plan.warnings.iter().any(|w| w.contains(&sa) && w.contains(&sb) && w.contains("moves later")),
                    "no warning names s{} and s{}: {:#?}", a, b, plan.warnings
                );
            }
        }
        // Waves meg derives respect the size, but for one group that depends on itself both ways.
        {
            let max = max.unwrap_or(super::wave_settings::DEFAULT_WAVE_SIZE);
            for w in &plan.waves {
                let all_derived = w.servers.iter().all(|&s| derived(s));
                if all_derived && w.servers.len() > max {
                    let first = w.servers[0];
                    for &s in &w.servers {
                        prop_assert!(r[first][s] && r[s][first], "{} is split-able but holds {}", w.name, w.servers.len());
                    }
                    let named = format!("wave '{}'", w.name);
                    let warned = plan.warnings.iter().any(|x| x.contains(&named) && (x.contains("more than migration.waveSize") || x.contains("more than the default wave size")));
                    prop_assert!(warned, "no warning for {}", named);
                }
            }
        }
        // Connections that leave the inventory are reported.
        if raw_edges.iter().any(|&(a, b)| (a < n) != (b < n)) {
            prop_assert!(plan.warnings.iter().any(|w| w.contains("outside the inventory")));
        }
    }
}

fn wave_of<'a>(plan: &'a Plan, server: &str) -> &'a str {
    &plan
        .servers
        .iter()
        .find(|p| p.server.name == server)
        .unwrap()
        .wave
}

fn order(plan: &Plan) -> Vec<(String, Vec<String>)> {
    plan.waves
        .iter()
        .map(|w| {
            (
                w.name.clone(),
                w.servers
                    .iter()
                    .map(|&s| plan.servers[s].server.name.clone())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn without_groupings_or_dependencies_each_environment_is_one_wave() {
    let mut plan = plan_of(vec![
        planned("web01", "prod", "10.0.0.1", None),
        planned("dev01", "dev", "10.0.0.2", None),
    ]);
    plan_waves(&mut plan, &[], &WaveSettings::default(), &environments()).unwrap();
    assert_eq!(
        order(&plan),
        [
            ("dev-wave-1".to_string(), vec!["dev01".to_string()]),
            ("prod-wave-1".to_string(), vec!["web01".to_string()])
        ]
    );
    assert_eq!(plan.servers[0].wave_reason.source, WaveSource::Environment);
}

#[test]
fn dependencies_order_and_split_the_waves_and_cycles_stay_together() {
    let mut plan = plan_of(vec![
        planned("web01", "prod", "10.0.0.1", None),
        planned("web02", "prod", "10.0.0.2", None),
        planned("app01", "prod", "10.0.0.3", None),
        planned("db01", "prod", "10.0.0.4", None),
    ]);
    let deps = [
        dep("web01", "web02"),
        dep("WEB02.corp.local", "web01"),
        dep("web01", "app01"),
        dep("app01", "db01"),
    ];
    plan_waves(&mut plan, &deps, &declared(&[], Some(2)), &environments()).unwrap();
    assert_eq!(
        order(&plan),
        [
            (
                "prod-wave-1".to_string(),
                vec!["db01".to_string(), "app01".to_string()]
            ),
            (
                "prod-wave-2".to_string(),
                vec!["web01".to_string(), "web02".to_string()]
            ),
        ]
    );
    let web = &plan.servers[0].wave_reason;
    assert_eq!(web.source, WaveSource::Dependency);
    assert_eq!(
        web.detail,
        "moves with web02 (they call each other); after app01, which it depends on"
    );
}

#[test]
fn a_cycle_larger_than_the_wave_size_stays_whole_with_a_warning() {
    let mut plan = plan_of(
        (0..3)
            .map(|i| planned(&format!("n{i}"), "prod", &format!("10.0.0.{i}"), None))
            .collect(),
    );
    let deps = [dep("n0", "n1"), dep("n1", "n2"), dep("n2", "n0")];
    plan_waves(&mut plan, &deps, &declared(&[], Some(2)), &environments()).unwrap();
    assert_eq!(plan.waves.len(), 1);
    assert!(
        plan.warnings.iter().any(|w| w.contains(
            "wave 'prod-wave-1' holds 3 servers that depend on each other in both directions"
        ) && w.contains("more than migration.waveSize (2)")),
        "{:#?}",
        plan.warnings
    );
}

#[test]
fn declared_waves_win_keep_their_order_and_a_contradicting_dependency_is_a_warning() {
    let mut plan = plan_of(vec![
        planned(
            "web01",
            "prod",
            "10.0.0.1",
            Some(("Wave 1", WaveSource::Column)),
        ),
        planned(
            "db01",
            "prod",
            "10.0.0.2",
            Some(("Wave 1", WaveSource::Column)),
        ),
        planned("app01", "prod", "10.0.0.3", None),
    ]);
    // web01 depends on db01, declared for the wave after web01's.
    let settings = declared(&[("first", &["web01"]), ("second", &["db*"])], None);
    let deps = [dep("web01", "db01"), dep("app01", "web01")];
    plan_waves(&mut plan, &deps, &settings, &environments()).unwrap();
    assert_eq!(
        wave_of(&plan, "web01"),
        "first",
        "the declaration wins over the column"
    );
    assert_eq!(wave_of(&plan, "db01"), "second");
    assert_eq!(wave_of(&plan, "app01"), "prod-wave-1");
    let names: Vec<&str> = plan.waves.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(
        names,
        ["first", "second", "prod-wave-1"],
        "declared order is kept"
    );
    assert!(
        plan.warnings.iter().any(|w| w.contains("'web01' (wave 'first', declared) depends on 'db01', which moves later (wave 'second', declared)")),
        "{:#?}",
        plan.warnings
    );
    assert_eq!(plan.warnings.len(), 1, "{:#?}", plan.warnings);
}

#[test]
fn wave_columns_run_by_number_and_groups_pull_in_their_cycles() {
    let mut plan = plan_of(vec![
        planned(
            "a",
            "prod",
            "10.0.0.1",
            Some(("Wave 10", WaveSource::Column)),
        ),
        planned(
            "b",
            "prod",
            "10.0.0.2",
            Some(("wave 2", WaveSource::Column)),
        ),
        planned(
            "c",
            "prod",
            "10.0.0.3",
            Some(("orders-db", WaveSource::Group)),
        ),
        planned("d", "prod", "10.0.0.4", None),
    ]);
    let deps = [dep("c", "d"), dep("d", "c")];
    plan_waves(&mut plan, &deps, &WaveSettings::default(), &environments()).unwrap();
    let names: Vec<&str> = plan.waves.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(names, ["prod-wave-2", "prod-wave-10", "prod-orders-db"]);
    assert_eq!(wave_of(&plan, "d"), "prod-orders-db");
    assert!(
        plan.servers[3]
            .wave_reason
            .detail
            .contains("both directions")
    );
    assert_eq!(plan.servers[2].wave_reason.source, WaveSource::Group);
}

#[test]
fn dependencies_outside_the_inventory_are_reported_not_fatal() {
    let mut plan = plan_of(vec![planned("web01", "prod", "10.0.0.1", None)]);
    let mut by_ip = dep("x", "y");
    by_ip.source = Endpoint {
        name: None,
        ip: Some("10.0.0.1".into()),
        application: None,
    };
    by_ip.destination = Endpoint {
        name: Some("dc01".into()),
        ip: Some("10.9.0.10".into()),
        application: Some("Active Directory".into()),
    };
    by_ip.port = Some(389);
    plan_waves(
        &mut plan,
        &[by_ip],
        &WaveSettings::default(),
        &environments(),
    )
    .unwrap();
    let w = plan
        .warnings
        .iter()
        .find(|w| w.contains("outside the inventory"))
        .expect("a warning");
    assert!(
        w.contains("dc01 (10.9.0.10, Active Directory) port 389 used by web01"),
        "{w}"
    );
}

#[test]
fn a_declared_name_no_server_has_or_a_wave_of_two_environments_is_an_error() {
    let mut plan = plan_of(vec![
        planned("web01", "prod", "10.0.0.1", None),
        planned("dev01", "dev", "10.0.0.2", None),
    ]);
    let err = plan_waves(
        &mut plan,
        &[],
        &declared(&[("pilot", &["web1"])], None),
        &environments(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("wave 'pilot' names server 'web1', which no inventory file lists"),
        "{err}"
    );
    assert!(err.contains("did you mean 'web01'?"), "{err}");
    let mut fqdn = plan_of(vec![planned("WEB01.corp.local", "prod", "10.0.0.1", None)]);
    let err = plan_waves(
        &mut fqdn,
        &[],
        &declared(
            &[("pilot", &["web01"]), ("later", &["web01.CORP.local"])],
            None,
        ),
        &environments(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("server 'WEB01.corp.local' is named twice in migration.waves"),
        "{err}"
    );
    let err = plan_waves(
        &mut plan,
        &[],
        &declared(&[("pilot", &["web01", "dev01"])], None),
        &environments(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("wave 'pilot' has servers of two environments"),
        "{err}"
    );
}
