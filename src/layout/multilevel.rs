//! A multilevel start for big fresh layouts: coarsen the graph by collapsing matched and
//! dangling nodes into groups until it is small, lay out the coarsest graph, then place each
//! level's nodes around their group's position and refine with a few iterations. The finest
//! level then starts from a picture whose global shape is already right, so it settles in tens
//! of iterations instead of the thousand a random start needs (the approach of Walshaw's
//! multilevel force-directed placement and of FM³).

use super::{ForceLayout, LayoutInput, Params, Phase};
use crate::rng::SplitMix;

/// Coarsening stops at this many nodes.
const COARSEST: usize = 60;

/// Coarsening stops when a level keeps more than this share of the nodes of the one below.
const MIN_REDUCTION: f32 = 0.9;

/// Refinement iterations per intermediate level.
const LEVEL_ITERATIONS: u32 = 40;

/// Not in a group yet.
const NONE: u32 = u32::MAX;

/// One coarsening step: which group each node of the finer graph joined.
struct Level {
    parent: Vec<u32>,
}

/// A graph during coarsening: weighted edges and node masses.
struct Coarse {
    edges: Vec<(usize, usize, f32)>,
    mass: Vec<f32>,
}

/// Starting positions for every node of `input` (whose own starting positions are ignored):
/// the refined picture of the coarsest graph, level by level.
#[must_use]
pub fn start(input: &LayoutInput, seed: u64, params: Params) -> Vec<[f32; 2]> {
    let n = input.initial.len();
    let mut mass = input.mass.clone();
    mass.resize(n, 1.0);
    let mut graphs =
        vec![Coarse { edges: input.edges.iter().copied().filter(|&(a, b, _)| a < n && b < n).collect(), mass }];
    let mut levels: Vec<Level> = Vec::new();
    while let Some(top) = graphs.last() {
        if top.mass.len() <= COARSEST {
            break;
        }
        let (level, coarse) = coarsen(top);
        if coarse.mass.len() as f32 > top.mass.len() as f32 * MIN_REDUCTION {
            break;
        }
        levels.push(level);
        graphs.push(coarse);
    }
    let mut rng = SplitMix(seed ^ 0x6d75_6c74_696c_6576);
    // the coarsest graph: an ordinary layout from scratch
    let top = graphs.pop().unwrap_or(Coarse { edges: Vec::new(), mass: Vec::new() });
    // the whole graph's gravity (weak for a big graph) with the masses summed, so the coarse
    // picture already has the size the finest level needs
    let coarsest_params = Params { gravity: params.gravity, ..Params::for_nodes(top.mass.len()) };
    let coarsest =
        LayoutInput { nodes: Vec::new(), edges: top.edges, initial: vec![None; top.mass.len()], mass: top.mass };
    let mut layout = ForceLayout::single_level(&coarsest, seed, coarsest_params).with_threads(1);
    layout.settle();
    let mut pos = layout.positions().to_vec();
    // back down: each node starts near its group, then a short refinement
    while let (Some(level), Some(finer)) = (levels.pop(), graphs.pop()) {
        let mut placed = Vec::with_capacity(level.parent.len());
        for &g in &level.parent {
            let centre = pos[g as usize];
            let angle = rng.next_f32() * std::f32::consts::TAU;
            let r = params.spring_length * 0.3 * (0.2 + rng.next_f32());
            placed.push([centre[0] + r * angle.cos(), centre[1] + r * angle.sin()]);
        }
        if graphs.is_empty() {
            // the finest level is the caller's to run
            return placed;
        }
        let input = LayoutInput {
            nodes: Vec::new(),
            edges: finer.edges,
            initial: placed.into_iter().map(Some).collect(),
            mass: finer.mass,
        };
        let level_params = Params { max_iterations: LEVEL_ITERATIONS, ..params };
        let mut layout = ForceLayout::single_level(&input, seed, level_params);
        layout.temperature = params.initial_temperature * 0.3;
        layout.iteration = 0;
        layout.phase = Phase::Running;
        layout.settle();
        pos = layout.positions().to_vec();
    }
    pos
}

/// Collapses a graph by one level: a heavy-edge matching (lightest nodes first), then every node
/// left alone joins the group of its heaviest neighbour, so stars collapse as fast as chains.
fn coarsen(g: &Coarse) -> (Level, Coarse) {
    let n = g.mass.len();
    let mut neighbours: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    for &(a, b, w) in &g.edges {
        if a != b {
            neighbours[a].push((b, w));
            neighbours[b].push((a, w));
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (neighbours[i].len(), i));
    let mut parent = vec![NONE; n];
    let mut groups = 0u32;
    for &u in &order {
        if parent[u] != NONE {
            continue;
        }
        let best = neighbours[u]
            .iter()
            .filter(|&&(v, _)| parent[v] == NONE && v != u)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some(&(v, _)) = best {
            parent[u] = groups;
            parent[v] = groups;
            groups += 1;
        }
    }
    // nodes without any edge (whole components collapsed to one node, by now) pair up, so
    // many small components do not stop the coarsening
    let lonely: Vec<usize> = order.iter().copied().filter(|&u| neighbours[u].is_empty()).collect();
    for pair in lonely.chunks(2) {
        for &u in pair {
            parent[u] = groups;
        }
        groups += 1;
    }
    for &u in &order {
        if parent[u] != NONE {
            continue;
        }
        let best = neighbours[u]
            .iter()
            .filter(|&&(v, _)| parent[v] != NONE)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        parent[u] = if let Some(&(v, _)) = best {
            parent[v]
        } else {
            groups += 1;
            groups - 1
        };
    }
    let mut mass = vec![0.0f32; groups as usize];
    for (u, &p) in parent.iter().enumerate() {
        mass[p as usize] += g.mass[u];
    }
    let mut merged: std::collections::HashMap<(usize, usize), f32> = std::collections::HashMap::new();
    for &(a, b, w) in &g.edges {
        let (pa, pb) = (parent[a] as usize, parent[b] as usize);
        if pa != pb {
            *merged.entry((pa.min(pb), pa.max(pb))).or_default() += w;
        }
    }
    let mut edges: Vec<(usize, usize, f32)> = merged.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    edges.sort_by_key(|&(a, b, _)| (a, b));
    (Level { parent }, Coarse { edges, mass })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn star_of_chains(n: usize) -> LayoutInput {
        // a hub, spokes, and chains hanging off the spokes
        let edges = (1..n).map(|i| (if i < 20 { 0 } else { i % 19 + 1 }, i, 1.0)).collect();
        LayoutInput { nodes: Vec::new(), edges, initial: vec![None; n], mass: vec![1.0; n] }
    }

    #[test]
    fn coarsening_shrinks_stars_and_keeps_mass() {
        let input = star_of_chains(500);
        let g = Coarse { edges: input.edges.clone(), mass: input.mass.clone() };
        let (level, coarse) = coarsen(&g);
        assert_eq!(level.parent.len(), 500);
        assert!(coarse.mass.len() < 100, "{} groups", coarse.mass.len());
        let total: f32 = coarse.mass.iter().sum();
        assert!((total - 500.0).abs() < 1e-3);
        assert!(coarse.edges.iter().all(|&(a, b, _)| a < b && b < coarse.mass.len()));
    }

    #[test]
    fn many_small_components_still_coarsen_and_lay_out() {
        // 3,000 separate pairs: coarsening must not stall (nor recurse) at thousands of nodes
        let n = 6000;
        let edges = (0..n / 2).map(|i| (2 * i, 2 * i + 1, 1.0)).collect();
        let input = LayoutInput { nodes: Vec::new(), edges, initial: vec![None; n], mass: vec![1.0; n] };
        let pos = start(&input, 1, Params::default());
        assert_eq!(pos.len(), n);
        assert!(pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    }

    #[test]
    fn start_is_deterministic_finite_and_keeps_neighbours_closer() {
        let input = star_of_chains(3000);
        let a = start(&input, 5, Params::default());
        let b = start(&input, 5, Params::default());
        assert_eq!(a, b);
        assert_eq!(a.len(), 3000);
        assert!(a.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
        let d = |i: usize, j: usize| ((a[i][0] - a[j][0]).powi(2) + (a[i][1] - a[j][1]).powi(2)).sqrt();
        let linked: f32 = input.edges.iter().map(|&(x, y, _)| d(x, y)).sum::<f32>() / input.edges.len() as f32;
        let random: f32 = (0..3000).map(|i| d(i, (i * 7919 + 13) % 3000)).sum::<f32>() / 3000.0;
        assert!(linked * 3.0 < random, "linked {linked} vs random pairs {random}");
    }
}
