//! Communities by the Leiden algorithm (Traag, Waltman & van Eck 2019) maximising weighted
//! modularity with a resolution γ: fast local moving of nodes, refinement of each community into
//! well-connected parts (a node still alone joins a well-connected part of its community at
//! random, weighted by the modularity it gains), aggregation of the refined parts with the unrefined communities as the next level's
//! start, repeated until nothing moves. Seeded: the visiting order is a seeded shuffle, so the
//! same graph and seed give the same communities.

use std::collections::{HashMap, VecDeque};

use super::Csr;
use crate::rng::SplitMix;

/// A level of the aggregation: adjacency without self-loops, and each node's internal weight.
struct Level {
    adj: Vec<Vec<(usize, f64)>>,
    /// Weight of edges inside the node (each undirected edge once).
    inner: Vec<f64>,
    /// Node strength: adjacent weights plus twice the inner weight.
    k: Vec<f64>,
}

impl Level {
    fn from_csr(g: &Csr) -> Self {
        let n = g.node_count();
        let adj: Vec<Vec<(usize, f64)>> = (0..n).map(|i| g.neighbours(i).map(|(j, w, _)| (j, w)).collect()).collect();
        let k = adj.iter().map(|a| a.iter().map(|&(_, w)| w).sum()).collect();
        Self { adj, inner: vec![0.0; n], k }
    }

    fn len(&self) -> usize {
        self.adj.len()
    }

    /// The level whose nodes are the groups of `part` (numbered 0..groups).
    fn aggregate(&self, part: &[usize], groups: usize) -> Self {
        let mut inner = vec![0.0; groups];
        let mut links: Vec<HashMap<usize, f64>> = vec![HashMap::new(); groups];
        for u in 0..self.len() {
            inner[part[u]] += self.inner[u];
            for &(v, w) in &self.adj[u] {
                let (a, b) = (part[u], part[v]);
                if a == b {
                    inner[a] += w / 2.0; // each undirected edge is seen from both ends
                } else {
                    *links[a].entry(b).or_default() += w;
                }
            }
        }
        let adj: Vec<Vec<(usize, f64)>> = links
            .into_iter()
            .map(|m| {
                let mut v: Vec<(usize, f64)> = m.into_iter().collect();
                v.sort_by_key(|&(j, _)| j);
                v
            })
            .collect();
        let k = adj.iter().zip(&inner).map(|(a, &i)| a.iter().map(|&(_, w)| w).sum::<f64>() + 2.0 * i).collect();
        Self { adj, inner, k }
    }
}

/// The community of every node of `g`, numbered by size (largest first, then lowest node).
#[must_use]
pub fn communities(g: &Csr, resolution: f64, seed: u64) -> Vec<u32> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let two_m: f64 = g.weights.iter().sum();
    if two_m <= 0.0 {
        return (0..n as u32).collect();
    }
    let mut rng = SplitMix(seed);
    let mut level = Level::from_csr(g);
    // each original node's node at the current level
    let mut node_of: Vec<usize> = (0..n).collect();
    let mut part: Vec<usize> = (0..n).collect();
    for _ in 0..50 {
        move_nodes(&level, &mut part, resolution, two_m, &mut rng);
        let groups = renumber(&mut part);
        if groups == level.len() {
            break; // every node alone: nothing to aggregate
        }
        let mut refined = refine(&level, &part, resolution, two_m, &mut rng);
        let parts = renumber(&mut refined);
        if parts == level.len() {
            // refinement kept every node alone: aggregate by the communities themselves
            refined.clone_from(&part);
        }
        let parts = renumber(&mut refined);
        // the next level starts from the (unrefined) communities
        let mut start = vec![0usize; parts];
        for u in 0..level.len() {
            start[refined[u]] = part[u];
        }
        for x in &mut node_of {
            *x = refined[*x];
        }
        level = level.aggregate(&refined, parts);
        part = start;
    }
    let mut result: Vec<usize> = node_of.iter().map(|&x| part[x]).collect();
    renumber(&mut result);
    by_size(&result)
}

/// Fast local moving: nodes visit in a seeded order; a node moves to the neighbouring
/// community with the best modularity gain, and its neighbours outside that community are
/// visited again.
fn move_nodes(level: &Level, part: &mut [usize], gamma: f64, two_m: f64, rng: &mut SplitMix) {
    let n = level.len();
    let mut tot = vec![0.0; n.max(part.iter().max().map_or(0, |&m| m + 1))];
    for u in 0..n {
        tot[part[u]] += level.k[u];
    }
    let mut queue: VecDeque<usize> = rng.shuffled(n).into();
    let mut queued = vec![true; n];
    let mut to_comm: HashMap<usize, f64> = HashMap::new();
    while let Some(u) = queue.pop_front() {
        queued[u] = false;
        let own = part[u];
        to_comm.clear();
        for &(v, w) in &level.adj[u] {
            *to_comm.entry(part[v]).or_default() += w;
        }
        let ku = level.k[u];
        tot[own] -= ku;
        let gain = |c: usize, w: f64| w - gamma * ku * tot[c] / two_m;
        let mut best = own;
        let mut best_gain = gain(own, to_comm.get(&own).copied().unwrap_or(0.0));
        let mut candidates: Vec<(usize, f64)> = to_comm.iter().map(|(&c, &w)| (c, w)).collect();
        candidates.sort_by_key(|&(c, _)| c);
        for (c, w) in candidates {
            let g = gain(c, w);
            if g > best_gain + 1e-12 {
                best = c;
                best_gain = g;
            }
        }
        tot[best] += ku;
        if best != own {
            part[u] = best;
            for &(v, _) in &level.adj[u] {
                if part[v] != best && !queued[v] {
                    queued[v] = true;
                    queue.push_back(v);
                }
            }
        }
    }
}

/// Randomness of the refinement's merges (θ of the paper, on modularity's scale): a node joins
/// one of the parts it may join with probability ∝ exp(ΔQ / θ).
const REFINE_THETA: f64 = 0.01;

/// Splits each community into well-connected parts (the paper's `RefinePartition`): every node
/// starts alone; in a seeded order, a node still alone and well connected to its community may
/// join a part of that community that is itself well connected (γ-connected to the rest of the
/// community), among those where modularity does not fall, chosen at random with probability
/// ∝ exp(ΔQ / θ). Parts stay inside their community, so each is connected and the communities
/// of the next level stay well connected.
fn refine(level: &Level, part: &[usize], gamma: f64, two_m: f64, rng: &mut SplitMix) -> Vec<usize> {
    let n = level.len();
    let mut refined: Vec<usize> = (0..n).collect();
    // per refined part: strength, members, and weight to the rest of its community
    let mut tot: Vec<f64> = level.k.clone();
    let mut size = vec![1usize; n];
    let groups = part.iter().max().map_or(0, |&m| m + 1);
    let mut comm_tot = vec![0.0; groups];
    for u in 0..n {
        comm_tot[part[u]] += level.k[u];
    }
    let inside = |u: usize| -> f64 { level.adj[u].iter().filter(|&&(v, _)| part[v] == part[u]).map(|&(_, w)| w).sum() };
    let mut external: Vec<f64> = (0..n).map(inside).collect();
    let well_connected = |ext: f64, k: f64, c: usize| ext >= gamma * k * (comm_tot[c] - k) / two_m;
    let mut to_part: HashMap<usize, f64> = HashMap::new();
    let mut options: Vec<(usize, f64, f64)> = Vec::new();
    for u in rng.shuffled(n) {
        let own = refined[u];
        if size[own] != 1 {
            continue; // only nodes still alone move
        }
        let ku = level.k[u];
        let c = part[u];
        if !well_connected(external[own], ku, c) {
            continue; // not well connected to its community: stays alone
        }
        to_part.clear();
        for &(v, w) in &level.adj[u] {
            if part[v] == c && refined[v] != own {
                *to_part.entry(refined[v]).or_default() += w;
            }
        }
        options.clear();
        let mut targets: Vec<(usize, f64)> = to_part.iter().map(|(&r, &w)| (r, w)).collect();
        targets.sort_by_key(|&(r, _)| r);
        for (r, w) in targets {
            if !well_connected(external[r], tot[r], c) {
                continue;
            }
            // modularity change of joining r, from staying alone (gain 0)
            let dq = 2.0 * (w - gamma * ku * tot[r] / two_m) / two_m;
            if dq >= 0.0 {
                options.push((r, w, dq));
            }
        }
        let Some(best) = options.iter().map(|&(_, _, dq)| dq).reduce(f64::max) else {
            continue;
        };
        let weights: Vec<f64> = options.iter().map(|&(_, _, dq)| ((dq - best) / REFINE_THETA).exp()).collect();
        let mut pick = f64::from(rng.next_f32()) * weights.iter().sum::<f64>();
        let mut chosen = options.len() - 1;
        for (i, &wt) in weights.iter().enumerate() {
            if pick < wt {
                chosen = i;
                break;
            }
            pick -= wt;
        }
        let (r, w, _) = options[chosen];
        refined[u] = r;
        size[own] = 0;
        size[r] += 1;
        tot[r] += ku;
        tot[own] = 0.0;
        external[r] += external[own] - 2.0 * w;
        external[own] = 0.0;
    }
    refined
}

/// Numbers the values of `part` 0.. in order of first appearance; returns how many.
fn renumber(part: &mut [usize]) -> usize {
    let mut map: HashMap<usize, usize> = HashMap::new();
    for x in part.iter_mut() {
        let next = map.len();
        *x = *map.entry(*x).or_insert(next);
    }
    map.len()
}

/// Community numbers by size, largest first, then by lowest node.
fn by_size(part: &[usize]) -> Vec<u32> {
    let groups = part.iter().max().map_or(0, |&m| m + 1);
    let mut size = vec![0usize; groups];
    let mut first = vec![usize::MAX; groups];
    for (u, &c) in part.iter().enumerate() {
        size[c] += 1;
        first[c] = first[c].min(u);
    }
    let mut order: Vec<usize> = (0..groups).collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(size[c]), first[c]));
    let mut rename = vec![0u32; groups];
    for (new, &old) in order.iter().enumerate() {
        rename[old] = new as u32;
    }
    part.iter().map(|&c| rename[c]).collect()
}

/// Weighted modularity of a partition with resolution γ:
/// `Σ_c [ in_c / 2m − γ (tot_c / 2m)² ]`.
#[must_use]
pub fn modularity(g: &Csr, community: &[u32], gamma: f64) -> f64 {
    let two_m: f64 = g.weights.iter().sum();
    if two_m <= 0.0 {
        return 0.0;
    }
    let groups = community.iter().max().map_or(0, |&m| m as usize + 1);
    let mut inside = vec![0.0; groups];
    let mut tot = vec![0.0; groups];
    for i in 0..g.node_count() {
        let c = community[i] as usize;
        for (j, w, _) in g.neighbours(i) {
            tot[c] += w;
            if community[j] as usize == c {
                inside[c] += w;
            }
        }
    }
    inside.iter().zip(&tot).map(|(&i, &t)| i / two_m - gamma * (t / two_m).powi(2)).sum()
}
