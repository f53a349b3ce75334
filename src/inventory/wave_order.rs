//! The wave algorithm on plain indexes: servers with an environment and perhaps an explicit
//! wave, and "a depends on b" edges between them, in; ordered waves out.
//!
//! The rules, in order of strength:
//! - an explicit wave (declared, a wave column, an assessment group) keeps its servers, and
//!   ordered explicit waves (declared, numbered) keep their order;
//! - servers that depend on each other in both directions (a strongly connected component)
//!   move together: a cycle through an explicit wave pulls the other servers of its
//!   environment into that wave;
//! - environments run in the order given (dev and test before prod), each one's waves after
//!   the previous environment's;
//! - within an environment, a server's dependencies are in its wave or an earlier one
//!   (Kahn's topological order over the components, explicit waves first when both are
//!   ready);
//! - derived waves hold at most `max` servers; a weakly connected group that fits in a wave
//!   is not split across two; a component larger than `max` stays whole (the caller warns).
//!
//! Everything is linear in servers plus edges, but for a heap and a sort (n log n). Names and
//! messages are the caller's (`waves`): this file knows no server names.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap, HashSet};

/// One server, as the algorithm sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Member {
    /// Its environment's index in the order environments run.
    pub env: usize,
    /// The index of its explicit wave, if it has one.
    pub explicit: Option<usize>,
}

/// An explicit wave: the caller gives them in the order they should run when nothing else
/// decides (declared order, then wave numbers, then names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Explicit {
    /// Its name.
    pub name: String,
    /// Its environment's index.
    pub env: usize,
    /// Whether its place in the caller's order is meant (declared waves, numbered wave
    /// columns): such waves run in that order whatever the dependencies say (the caller warns
    /// of a dependency that points at a later wave). Others are placed by their dependencies.
    pub ordered: bool,
}

/// One planned wave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Planned {
    /// Its name: the explicit one, or `<env>-wave-<n>`.
    pub name: String,
    /// Its environment's index.
    pub env: usize,
    /// Its servers, dependencies first.
    pub servers: Vec<usize>,
    /// The explicit wave it is, if any.
    pub explicit: Option<usize>,
    /// Derived, and more than `max` servers because one component is.
    pub oversized: bool,
}

/// The waves, in the order they run, and each server's wave.
#[derive(Debug, Clone)]
pub(crate) struct Assignment {
    /// In order.
    pub waves: Vec<Planned>,
    /// Each server's index in `waves`.
    pub wave_of: Vec<usize>,
    /// Servers without an explicit wave that a dependency cycle put into an explicit one.
    pub joined: Vec<bool>,
}

/// Adjacency lists in one array (compressed sparse rows).
struct Graph {
    start: Vec<usize>,
    to: Vec<usize>,
}

impl Graph {
    fn new(nodes: usize, edges: impl Iterator<Item = (usize, usize)> + Clone) -> Graph {
        let mut start = vec![0usize; nodes + 1];
        for (a, _) in edges.clone() {
            start[a + 1] += 1;
        }
        for i in 0..nodes {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut to = vec![0usize; start[nodes]];
        for (a, b) in edges {
            to[fill[a]] = b;
            fill[a] += 1;
        }
        Graph { start, to }
    }

    fn next(&self, n: usize) -> &[usize] {
        &self.to[self.start[n]..self.start[n + 1]]
    }

    fn len(&self) -> usize {
        self.start.len() - 1
    }
}

/// Strongly connected components (Tarjan, without recursion): each node's component, the
/// components numbered so that a component's dependencies (the nodes it reaches) come first.
fn components(g: &Graph) -> Vec<usize> {
    const NONE: usize = usize::MAX;
    let n = g.len();
    let (mut index, mut low, mut comp) = (vec![NONE; n], vec![0; n], vec![NONE; n]);
    let mut on_stack = vec![false; n];
    let (mut stack, mut call): (Vec<usize>, Vec<(usize, usize)>) = (Vec::new(), Vec::new());
    let (mut next_index, mut next_comp) = (0, 0);
    for root in 0..n {
        if index[root] != NONE {
            continue;
        }
        call.push((root, 0));
        while let Some(&(v, i)) = call.last() {
            if i == 0 && index[v] == NONE {
                index[v] = next_index;
                low[v] = next_index;
                next_index += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = g.next(v).get(i) {
                if let Some(top) = call.last_mut() {
                    top.1 += 1;
                }
                if index[w] == NONE {
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = next_comp;
                    if w == v {
                        break;
                    }
                }
                next_comp += 1;
            }
        }
    }
    comp
}

/// Plans the waves. `edges` are `(a, b)`: server `a` depends on server `b`; `envs` are the
/// environments' names in the order they run; `max` the largest derived wave.
pub(crate) fn assign(
    members: &[Member],
    explicit: &[Explicit],
    edges: &[(usize, usize)],
    envs: &[String],
    max: Option<usize>,
) -> Assignment {
    let n = members.len();
    let e = explicit.len();
    let max = max.unwrap_or(usize::MAX).max(1);
    // Nodes: one per explicit wave, then one per server (those of explicit waves unused).
    let node = |i: usize| members[i].explicit.unwrap_or(e + i);
    let node_edges = edges
        .iter()
        .map(|&(a, b)| (node(a), node(b)))
        .filter(|(a, b)| a != b);
    let scc = components(&Graph::new(e + n, node_edges));
    // The servers' own components: within an environment, servers without an explicit wave
    // move together only when they depend on each other, not merely through an explicit wave
    // of another environment. They also give the cutover order (dependencies first).
    let order = components(&Graph::new(
        n,
        edges.iter().copied().filter(|(a, b)| a != b),
    ));

    // Units: explicit waves (0..e), then the others' own components, per environment.
    let mut unit_of = vec![0usize; n];
    let mut joined = vec![false; n];
    let mut unit_env: Vec<usize> = explicit.iter().map(|x| x.env).collect();
    let mut unit_members: Vec<Vec<usize>> = vec![Vec::new(); e];
    let mut explicit_in: HashMap<(usize, usize), usize> = HashMap::new();
    for (x, w) in explicit.iter().enumerate() {
        explicit_in.entry((scc[x], w.env)).or_insert(x);
    }
    let mut derived: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, m) in members.iter().enumerate() {
        let u = match m.explicit {
            Some(x) => x,
            None => match explicit_in.get(&(scc[e + i], m.env)) {
                Some(&x) => {
                    joined[i] = true;
                    x
                }
                None => *derived.entry((order[i], m.env)).or_insert_with(|| {
                    unit_env.push(m.env);
                    unit_members.push(Vec::new());
                    unit_env.len() - 1
                }),
            },
        };
        unit_of[i] = u;
        unit_members[u].push(i);
    }
    let units = unit_env.len();

    // Unit edges within one environment: across environments the environment order decides.
    // Between two ordered explicit waves their order decides, as a chain per environment.
    let ordered = |u: usize| u < e && explicit[u].ordered;
    let mut chain: Vec<(usize, usize)> = Vec::new();
    let mut last_ordered: HashMap<usize, usize> = HashMap::new();
    for (x, w) in explicit.iter().enumerate() {
        if w.ordered
            && let Some(prev) = last_ordered.insert(w.env, x)
        {
            chain.push((x, prev));
        }
    }
    let unit_edges = edges
        .iter()
        .filter_map(|&(a, b)| {
            let (ua, ub) = (unit_of[a], unit_of[b]);
            (ua != ub && unit_env[ua] == unit_env[ub] && !(ordered(ua) && ordered(ub)))
                .then_some((ua, ub))
        })
        .chain(chain.iter().copied());
    let deps = Graph::new(units, unit_edges.clone());
    let dependents = Graph::new(units, unit_edges.map(|(a, b)| (b, a)));
    let mut waiting: Vec<usize> = (0..units).map(|u| deps.next(u).len()).collect();

    // Weakly connected groups of derived units, kept together in one wave when they fit.
    let mut parent: Vec<usize> = (0..units).collect();
    fn root(parent: &mut [usize], mut u: usize) -> usize {
        while parent[u] != u {
            parent[u] = parent[parent[u]];
            u = parent[u];
        }
        u
    }
    for u in e..units {
        for &d in deps.next(u) {
            if d >= e {
                let (a, b) = (root(&mut parent, u), root(&mut parent, d));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut group_size = vec![0usize; units];
    let mut group_first = vec![usize::MAX; units];
    for (u, list) in unit_members.iter().enumerate().skip(e) {
        let g = root(&mut parent, u);
        group_size[g] += list.len();
        group_first[g] = group_first[g].min(list[0]);
    }
    // Explicit waves first, in the caller's order; then derived groups in inventory order.
    let key = |u: usize, parent: &mut [usize]| -> (usize, usize) {
        if u < e {
            (u, 0)
        } else {
            (e + group_first[root(parent, u)], unit_members[u][0])
        }
    };
    let keys: Vec<(usize, usize)> = (0..units).map(|u| key(u, &mut parent)).collect();
    let group: Vec<usize> = (0..units).map(|u| root(&mut parent, u)).collect();

    let taken: HashSet<&str> = explicit.iter().map(|x| x.name.as_str()).collect();
    let mut waves: Vec<Planned> = Vec::new();
    let mut unit_wave = vec![usize::MAX; units];
    let mut started = vec![false; units];
    let mut by_env: Vec<Vec<usize>> = vec![Vec::new(); envs.len()];
    for u in 0..units {
        by_env[unit_env[u]].push(u);
    }
    for (env, env_units) in by_env.iter().enumerate() {
        let mut remaining: BTreeSet<((usize, usize), usize)> =
            env_units.iter().map(|&u| (keys[u], u)).collect();
        let mut ready: BinaryHeap<Reverse<((usize, usize), usize)>> = env_units
            .iter()
            .filter(|&&u| waiting[u] == 0)
            .map(|&u| Reverse((keys[u], u)))
            .collect();
        let mut open: Option<usize> = None;
        let mut counter = 0;
        while let Some(&first) = remaining.first() {
            // A cycle between explicit waves leaves nothing ready: the first waiting goes.
            let (k, u) = loop {
                match ready.pop() {
                    Some(Reverse(x)) if remaining.contains(&x) => break x,
                    Some(_) => continue,
                    None => break first,
                }
            };
            remaining.remove(&(k, u));
            for &d in dependents.next(u) {
                waiting[d] = waiting[d].saturating_sub(1);
                if waiting[d] == 0 {
                    ready.push(Reverse((keys[d], d)));
                }
            }
            let size = unit_members[u].len();
            if u < e {
                unit_wave[u] = waves.len();
                waves.push(Planned {
                    name: explicit[u].name.clone(),
                    env,
                    servers: unit_members[u].clone(),
                    explicit: Some(u),
                    oversized: false,
                });
                continue;
            }
            let g = group[u];
            let mut join = open.is_some_and(|w| {
                waves[w].servers.len() + size <= max
                    && deps
                        .next(u)
                        .iter()
                        .all(|&d| unit_wave[d] == usize::MAX || unit_wave[d] <= w)
            });
            if !started[g] {
                started[g] = true;
                // A group that fits in a wave of its own is not split to fill this one.
                if let Some(w) = open
                    && group_size[g] <= max
                    && waves[w].servers.len() + group_size[g] > max
                {
                    join = false;
                }
            }
            let w = match open {
                Some(w) if join => w,
                _ => {
                    let name = loop {
                        counter += 1;
                        let name = format!("{}-wave-{counter}", envs[env]);
                        if !taken.contains(name.as_str()) {
                            break name;
                        }
                    };
                    waves.push(Planned {
                        name,
                        env,
                        servers: Vec::new(),
                        explicit: None,
                        oversized: size > max,
                    });
                    open = Some(waves.len() - 1);
                    waves.len() - 1
                }
            };
            unit_wave[u] = w;
            waves[w].servers.extend_from_slice(&unit_members[u]);
        }
    }

    // Within a wave, dependencies cut over first: the server graph's components come out of
    // Tarjan dependencies first.
    let mut wave_of = vec![0usize; n];
    for (w, wave) in waves.iter_mut().enumerate() {
        wave.servers.sort_by_key(|&i| (order[i], i));
        for &i in &wave.servers {
            wave_of[i] = w;
        }
    }
    Assignment {
        waves,
        wave_of,
        joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn derived(envs: &[usize]) -> Vec<Member> {
        envs.iter()
            .map(|&env| Member {
                env,
                explicit: None,
            })
            .collect()
    }

    fn names(a: &Assignment) -> Vec<(String, Vec<usize>)> {
        a.waves
            .iter()
            .map(|w| (w.name.clone(), w.servers.clone()))
            .collect()
    }

    #[test]
    fn numbers_components_dependencies_first() {
        // 0 -> 1 -> 2 -> 1, 3 alone.
        let g = Graph::new(4, [(0, 1), (1, 2), (2, 1)].into_iter());
        let c = components(&g);
        assert_eq!(c[1], c[2]);
        assert!(c[1] < c[0], "what 0 depends on comes first: {c:?}");
        assert_ne!(c[3], c[0]);
    }

    #[test]
    fn without_a_limit_each_environment_is_one_wave_dependencies_first() {
        let envs = ["dev".to_string(), "prod".to_string()];
        let a = assign(&derived(&[1, 1, 0, 1]), &[], &[(0, 1), (1, 3)], &envs, None);
        assert_eq!(
            names(&a),
            [
                ("dev-wave-1".to_string(), vec![2]),
                ("prod-wave-1".to_string(), vec![3, 1, 0])
            ]
        );
    }

    #[test]
    fn splits_at_the_limit_keeping_cycles_and_small_groups_whole() {
        let envs = ["prod".to_string()];
        // 0 <-> 1 (a cycle), 2 -> 0; 3 and 4 alone; 5 -> 6.
        let edges = [(0, 1), (1, 0), (2, 0), (5, 6)];
        let a = assign(&derived(&[0; 7]), &[], &edges, &envs, Some(3));
        assert_eq!(a.wave_of[0], a.wave_of[1]);
        assert!(a.wave_of[2] >= a.wave_of[0]);
        assert_eq!(
            a.wave_of[5], a.wave_of[6],
            "a group of two that fits is not split"
        );
        assert!(a.waves.iter().all(|w| w.servers.len() <= 3));
        // A cycle of four with a limit of three stays whole, marked.
        let edges = [(0, 1), (1, 2), (2, 3), (3, 0)];
        let a = assign(&derived(&[0; 4]), &[], &edges, &envs, Some(3));
        assert_eq!(a.waves.len(), 1);
        assert!(a.waves[0].oversized);
    }

    #[test]
    fn explicit_waves_keep_their_servers_and_pull_in_their_cycles() {
        let envs = ["prod".to_string()];
        let mut m = derived(&[0; 4]);
        m[0].explicit = Some(0);
        // 1 <-> 0 (joins the explicit wave); 2 -> 0 (after it); 3 alone.
        let edges = [(1, 0), (0, 1), (2, 0)];
        let x = [Explicit {
            name: "orders-db".into(),
            env: 0,
            ordered: false,
        }];
        let a = assign(&m, &x, &edges, &envs, None);
        assert_eq!(a.waves[0].name, "orders-db");
        assert_eq!(a.wave_of[1], 0);
        assert!(a.joined[1]);
        assert!(a.wave_of[2] > 0);
    }
}
