//! Pure graph analysis, headless: degree, weighted `PageRank`, connected components, betweenness
//! (exact up to [`EXACT_BETWEENNESS_NODES`] nodes, sampled above), communities by Leiden
//! ([`leiden`]) with their modularity, and shortest paths that prefer typed relations.
//!
//! Every algorithm runs on a [`Csr`]: a compact undirected weighted adjacency built once through
//! petgraph's visit traits (`IntoEdgeReferences` + `NodeIndexable`), from the knowledge graph's
//! read-only petgraph view or from any other petgraph graph. Relations count more than
//! co-occurrence, and evidence adds weight ([`relation_weight`]).

pub mod leiden;

use std::sync::atomic::{AtomicBool, Ordering};

use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeCount, NodeIndexable};

use crate::graph::{Edge, KnowledgeGraph};

/// Betweenness is exact on graphs up to this many nodes, and estimated from
/// [`BETWEENNESS_SAMPLES`] seeded sources above.
pub const EXACT_BETWEENNESS_NODES: usize = 10_000;
pub const BETWEENNESS_SAMPLES: usize = 1_000;

/// Sources per unit of parallel work in betweenness (fixed, so sums do not depend on threads).
const BETWEENNESS_CHUNK: usize = 64;

/// An undirected weighted graph in compressed sparse rows: node `i`'s neighbours are
/// `targets[offsets[i]..offsets[i + 1]]`. Parallel edges are merged (weights added), loops
/// dropped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Csr {
    pub offsets: Vec<usize>,
    pub targets: Vec<u32>,
    pub weights: Vec<f64>,
    /// Whether the strongest link between the two is a typed relation (not only co-occurrence).
    pub typed: Vec<bool>,
}

impl Csr {
    /// Builds the adjacency of any petgraph graph; `weight` gives an edge's weight and whether it
    /// is typed.
    pub fn from_graph<G>(graph: G, mut weight: impl FnMut(G::EdgeRef) -> (f64, bool)) -> Self
    where
        G: IntoEdgeReferences + NodeIndexable + NodeCount,
    {
        let n = graph.node_bound();
        let mut pairs: Vec<(u32, u32, f64, bool)> = Vec::new();
        for e in graph.edge_references() {
            let (a, b) = (graph.to_index(e.source()), graph.to_index(e.target()));
            if a == b {
                continue;
            }
            let (w, typed) = weight(e);
            pairs.push((a as u32, b as u32, w, typed));
            pairs.push((b as u32, a as u32, w, typed));
        }
        pairs.sort_by_key(|p| (p.0, p.1));
        let mut csr = Self { offsets: vec![0; n + 1], ..Self::default() };
        for (a, b, w, typed) in pairs {
            if csr.targets.last() == Some(&b) && csr.offsets[a as usize + 1] > 0 {
                // the same pair again: merge
                let k = csr.weights.len() - 1;
                csr.weights[k] += w;
                csr.typed[k] |= typed;
                continue;
            }
            csr.targets.push(b);
            csr.weights.push(w);
            csr.typed.push(typed);
            csr.offsets[a as usize + 1] += 1;
        }
        for i in 0..n {
            csr.offsets[i + 1] += csr.offsets[i];
        }
        csr
    }

    /// The adjacency of a knowledge graph (node `i` is `NodeIndex::new(i)`).
    #[must_use]
    pub fn of(g: &KnowledgeGraph) -> Self {
        Self::from_graph(g.petgraph(), |e| {
            let edge: &Edge = e.weight();
            (relation_weight(edge), edge.kind != "co_occurs")
        })
    }

    #[must_use]
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Neighbours of `i` with the weight and typedness of the link.
    pub fn neighbours(&self, i: usize) -> impl Iterator<Item = (usize, f64, bool)> + '_ {
        let r = self.offsets[i]..self.offsets[i + 1];
        r.map(move |k| (self.targets[k] as usize, self.weights[k], self.typed[k]))
    }

    /// The sum of the weights at each node.
    #[must_use]
    pub fn strength(&self) -> Vec<f64> {
        (0..self.node_count()).map(|i| self.neighbours(i).map(|(_, w, _)| w).sum()).collect()
    }
}

/// How much an edge binds its ends: a typed relation 1, co-occurrence 0.3, each times
/// `1 + ln(weight)` (how often the text says it).
#[must_use]
pub fn relation_weight(e: &Edge) -> f64 {
    let base = if e.kind == "co_occurs" { 0.3 } else { 1.0 };
    base * (1.0 + f64::from(e.weight.max(1)).ln())
}

/// Distinct neighbours of every node.
#[must_use]
pub fn degree(g: &Csr) -> Vec<usize> {
    (0..g.node_count()).map(|i| g.offsets[i + 1] - g.offsets[i]).collect()
}

/// Weighted `PageRank` (damping 0.85; a node without links spreads its rank evenly), iterated
/// until the ranks change by less than 1e-10 in total. Ranks sum to 1.
#[must_use]
pub fn pagerank(g: &Csr) -> Vec<f64> {
    const DAMPING: f64 = 0.85;
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let strength = g.strength();
    let mut rank = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..200 {
        let dangling: f64 = (0..n).filter(|&i| strength[i] == 0.0).map(|i| rank[i]).sum();
        let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
        next.fill(base);
        for i in 0..n {
            if strength[i] == 0.0 {
                continue;
            }
            let share = DAMPING * rank[i] / strength[i];
            for (j, w, _) in g.neighbours(i) {
                next[j] += share * w;
            }
        }
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < 1e-10 {
            break;
        }
    }
    rank
}

/// The connected component of every node, numbered from 0 by size (largest first, then by
/// lowest node).
#[must_use]
pub fn components(g: &Csr) -> Vec<u32> {
    let n = g.node_count();
    let mut comp = vec![u32::MAX; n];
    let mut sizes: Vec<(usize, usize)> = Vec::new(); // (size, first node)
    let mut stack = Vec::new();
    for s in 0..n {
        if comp[s] != u32::MAX {
            continue;
        }
        let id = sizes.len() as u32;
        comp[s] = id;
        stack.push(s);
        let mut size = 0;
        while let Some(u) = stack.pop() {
            size += 1;
            for (v, _, _) in g.neighbours(u) {
                if comp[v] == u32::MAX {
                    comp[v] = id;
                    stack.push(v);
                }
            }
        }
        sizes.push((size, s));
    }
    let mut order: Vec<u32> = (0..sizes.len() as u32).collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(sizes[c as usize].0), sizes[c as usize].1));
    let mut rename = vec![0u32; sizes.len()];
    for (new, &old) in order.iter().enumerate() {
        rename[old as usize] = new as u32;
    }
    comp.iter().map(|&c| rename[c as usize]).collect()
}

/// Betweenness centrality over hop-count shortest paths (Brandes), for an undirected graph:
/// each pair counted once. Exact up to [`EXACT_BETWEENNESS_NODES`] nodes; above, estimated from
/// [`BETWEENNESS_SAMPLES`] sources drawn with `seed` and scaled up. Spread over `threads`.
/// Returns the scores and whether they are exact.
#[must_use]
pub fn betweenness(g: &Csr, seed: u64, threads: usize) -> (Vec<f64>, bool) {
    betweenness_until(g, seed, threads, &AtomicBool::new(false)).unwrap_or_default()
}

/// [`betweenness`], or `None` as soon as `cancel` is set (checked between chunks of sources).
#[must_use]
pub fn betweenness_until(g: &Csr, seed: u64, threads: usize, cancel: &AtomicBool) -> Option<(Vec<f64>, bool)> {
    let n = g.node_count();
    let exact = n <= EXACT_BETWEENNESS_NODES;
    let sources: Vec<usize> = if exact {
        (0..n).collect()
    } else {
        let mut rng = crate::rng::SplitMix(seed);
        let mut picked = vec![false; n];
        let mut out = Vec::with_capacity(BETWEENNESS_SAMPLES);
        while out.len() < BETWEENNESS_SAMPLES {
            let s = rng.below(n);
            if !picked[s] {
                picked[s] = true;
                out.push(s);
            }
        }
        out.sort_unstable();
        out
    };
    // fixed chunks summed in order: the same sums for any number of threads
    let chunks: Vec<&[usize]> = sources.chunks(BETWEENNESS_CHUNK).collect();
    let partials: Vec<Vec<f64>> = crate::par::map_ordered(
        &chunks,
        threads.clamp(1, 64),
        || (),
        |(), part: &&[usize]| {
            if cancel.load(Ordering::Relaxed) { Vec::new() } else { brandes(g, part) }
        },
    );
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    let mut total = vec![0.0; n];
    for p in partials {
        for (t, x) in total.iter_mut().zip(p) {
            *t += x;
        }
    }
    // each unordered pair was counted from both ends; a sample stands for all sources
    let scale = if exact { 0.5 } else { 0.5 * n as f64 / sources.len() as f64 };
    for x in &mut total {
        *x *= scale;
    }
    Some((total, exact))
}

/// Brandes' accumulation from each of `sources`.
fn brandes(g: &Csr, sources: &[usize]) -> Vec<f64> {
    let n = g.node_count();
    let mut score = vec![0.0; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![u32::MAX; n];
    let mut delta = vec![0.0f64; n];
    let mut order = Vec::with_capacity(n);
    let mut queue = std::collections::VecDeque::new();
    for &s in sources {
        for &v in &order {
            sigma[v] = 0.0;
            dist[v] = u32::MAX;
            delta[v] = 0.0;
        }
        order.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        queue.push_back(s);
        while let Some(u) = queue.pop_front() {
            order.push(u);
            for (v, _, _) in g.neighbours(u) {
                if dist[v] == u32::MAX {
                    dist[v] = dist[u] + 1;
                    queue.push_back(v);
                }
                if dist[v] == dist[u] + 1 {
                    sigma[v] += sigma[u];
                }
            }
        }
        for &w in order.iter().rev() {
            for (v, _, _) in g.neighbours(w) {
                if dist[v] != u32::MAX && dist[v] + 1 == dist[w] {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
            }
            if w != s {
                score[w] += delta[w];
            }
        }
    }
    score
}

/// A shortest path between two nodes that prefers typed relations: a co-occurrence costs as much
/// as [`CO_OCCURS_COST`] typed hops. The nodes from `from` to `to`, or `None` if unconnected.
#[must_use]
pub fn shortest_path(g: &Csr, from: usize, to: usize) -> Option<Vec<usize>> {
    let n = g.node_count();
    if from >= n || to >= n {
        return None;
    }
    let mut best = vec![f64::INFINITY; n];
    let mut previous = vec![usize::MAX; n];
    let mut heap = std::collections::BinaryHeap::new();
    best[from] = 0.0;
    heap.push(Visit(0.0, from));
    while let Some(Visit(cost, u)) = heap.pop() {
        if u == to {
            break;
        }
        if cost > best[u] {
            continue;
        }
        for (v, _, typed) in g.neighbours(u) {
            let c = cost + if typed { 1.0 } else { CO_OCCURS_COST };
            // ties broken towards the lower node, so paths are deterministic
            if c.total_cmp(&best[v]).then(u.cmp(&previous[v])).is_lt() {
                best[v] = c;
                previous[v] = u;
                heap.push(Visit(c, v));
            }
        }
    }
    if best[to].is_infinite() {
        return None;
    }
    let mut path = vec![to];
    while let Some(&last) = path.last() {
        if last == from {
            break;
        }
        path.push(previous[last]);
    }
    path.reverse();
    Some(path)
}

/// What a co-occurrence costs on a path, in typed hops.
pub const CO_OCCURS_COST: f64 = 2.5;

/// A heap entry, smallest cost first (then lowest node).
#[derive(Debug, PartialEq)]
struct Visit(f64, usize);

impl Eq for Visit {}

impl Ord for Visit {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

impl PartialOrd for Visit {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The results of [`analyse`], per node (by `NodeIndex` index).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub degree: Vec<usize>,
    pub pagerank: Vec<f64>,
    pub betweenness: Vec<f64>,
    pub betweenness_exact: bool,
    pub community: Vec<u32>,
    pub modularity: f64,
    pub component: Vec<u32>,
}

/// Runs every measure on a graph.
#[must_use]
pub fn analyse(g: &KnowledgeGraph, seed: u64, threads: usize) -> Analysis {
    analyse_until(g, seed, threads, &AtomicBool::new(false)).unwrap_or_else(|| unreachable!("a flag nobody sets"))
}

/// [`analyse`], or `None` soon after `cancel` is set (the window's analysis job, superseded
/// by a newer graph, stops instead of running to its end).
#[must_use]
pub fn analyse_until(g: &KnowledgeGraph, seed: u64, threads: usize, cancel: &AtomicBool) -> Option<Analysis> {
    let csr = Csr::of(g);
    let community = leiden::communities(&csr, 1.0, seed);
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    let modularity = leiden::modularity(&csr, &community, 1.0);
    let (betweenness, betweenness_exact) = betweenness_until(&csr, seed, threads, cancel)?;
    Some(Analysis {
        degree: degree(&csr),
        pagerank: pagerank(&csr),
        betweenness,
        betweenness_exact,
        community,
        modularity,
        component: components(&csr),
    })
}

/// Writes the analysis into the nodes' attributes: `community`, `pagerank`, `degree`,
/// `betweenness` (numbers).
pub fn annotate(g: &mut KnowledgeGraph, a: &Analysis) {
    let round = |x: f64, digits: i32| {
        let f = 10f64.powi(digits);
        (x * f).round() / f
    };
    let nodes: Vec<_> = g.nodes().map(|(i, _)| i).collect();
    for n in nodes {
        let i = n.index();
        if i >= a.degree.len() {
            continue;
        }
        let values = [
            ("community", serde_json::json!(a.community[i])),
            ("pagerank", serde_json::json!(round(a.pagerank[i], 8))),
            ("degree", serde_json::json!(a.degree[i])),
            ("betweenness", serde_json::json!(round(a.betweenness[i], 3))),
        ];
        g.set_attrs(n, values.into_iter().map(|(k, v)| (k.to_owned(), v)));
    }
}

#[cfg(test)]
mod tests;
