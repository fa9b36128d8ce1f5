//! Force-directed layout: deterministic for a seed, incremental, and able to run off the UI
//! thread.
//!
//! [`ForceLayout`] is an explicit state machine: `step()` advances one iteration (Barnes-Hut
//! repulsion, spring attraction along edges, gravity to the centre, cooling) until it reports
//! [`Phase::Settled`]. Nodes that already have positions keep them as a starting point; pinned
//! nodes do not move. The window runs it as a background job that sends snapshots; the command
//! line runs it to the end ([`settle_graph`]).

pub mod multilevel;
pub mod quadtree;

use petgraph::stable_graph::NodeIndex;

use crate::graph::KnowledgeGraph;
use crate::rng::SplitMix;

/// Whether the layout still moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Running,
    Settled,
}

/// Tunables; defaults suit graphs of tens to thousands of nodes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Ideal edge length in layout units.
    pub spring_length: f32,
    /// Repulsion between two unit masses at unit distance; it falls with distance (not its
    /// square, as in `ForceAtlas2`), so a big component spreads instead of collapsing into a
    /// dense core, and under a fixed gravity the space per node does not shrink as graphs grow.
    pub repulsion: f32,
    pub gravity: f32,
    /// Barnes-Hut opening angle: larger is faster and coarser.
    pub theta: f32,
    /// Largest step a node may take in the first iteration.
    pub initial_temperature: f32,
    pub cooling: f32,
    /// The layout settles when every node moves less than this.
    pub min_movement: f32,
    pub max_iterations: u32,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            spring_length: 80.0,
            repulsion: 80.0,
            gravity: 0.02,
            theta: 0.8,
            initial_temperature: 60.0,
            cooling: 0.985,
            min_movement: 0.05,
            max_iterations: 1500,
        }
    }
}

impl Params {
    /// The defaults, with the iteration count cut for big graphs (see
    /// [`NODE_ITERATION_BUDGET`]) and the cooling quickened to settle within it.
    #[must_use]
    pub fn for_nodes(n: usize) -> Self {
        let mut p = Self::default();
        let budget = u32::try_from(NODE_ITERATION_BUDGET / n.max(1)).unwrap_or(u32::MAX).clamp(20, p.max_iterations);
        // the iteration at which the default cooling reaches the settling movement
        #[allow(clippy::cast_sign_loss)] // both logarithms are negative: the ratio is positive
        let natural = ((p.min_movement / p.initial_temperature).ln() / p.cooling.ln()).ceil() as u32;
        if budget < natural {
            p.max_iterations = budget;
            p.cooling = (p.min_movement / p.initial_temperature).powf(1.0 / budget as f32);
        }
        if n > COARSE_NODES {
            // a wider opening angle: far cells count as one body sooner
            p.theta = 1.0;
        }
        p
    }
}

/// The layout's input: node count, weighted edges between node positions, starting positions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayoutInput {
    pub nodes: Vec<NodeIndex>,
    pub edges: Vec<(usize, usize, f32)>,
    pub initial: Vec<Option<[f32; 2]>>,
    /// Node sizes (mention counts) so busy nodes push a little harder.
    pub mass: Vec<f32>,
}

impl LayoutInput {
    /// The layout problem for a graph, using existing node positions as starting points.
    #[must_use]
    pub fn from_graph(g: &KnowledgeGraph) -> Self {
        let nodes: Vec<NodeIndex> = g.nodes().map(|(i, _)| i).collect();
        let pos: std::collections::HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        #[allow(clippy::cast_possible_truncation)]
        let initial = g.nodes().map(|(_, n)| n.pos.map(|[x, y]| [x as f32, y as f32])).collect();
        #[allow(clippy::cast_precision_loss)]
        let mass = g.nodes().map(|(_, n)| 1.0 + (n.mentions.len() as f32).sqrt() * 0.3).collect();
        #[allow(clippy::cast_precision_loss)]
        let edges = g
            .edges()
            .map(|(_, a, b, e)| {
                // typed relations shape the map; co-occurrence only pulls weakly
                let strength = if e.kind == "co_occurs" { CO_OCCURS_PULL } else { 1.0 };
                (pos[&a], pos[&b], strength * (1.0 + (e.weight.max(1) as f32).ln()))
            })
            .collect();
        Self { nodes, edges, initial, mass }
    }
}

/// A deterministic force-directed layout.
#[derive(Debug, Clone)]
pub struct ForceLayout {
    params: Params,
    edges: Vec<(usize, usize, f32)>,
    mass: Vec<f32>,
    pos: Vec<[f32; 2]>,
    pinned: Vec<bool>,
    temperature: f32,
    iteration: u32,
    phase: Phase,
    /// Threads for the repulsion of graphs of [`PARALLEL_NODES`] nodes and more.
    threads: usize,
}

/// The spring strength of a `co_occurs` edge relative to a typed relation.
pub const CO_OCCURS_PULL: f32 = 0.3;

/// A fresh layout of this many nodes or more starts from a multilevel picture
/// ([`multilevel::start`]).
pub const MULTILEVEL_NODES: usize = 1000;

/// Graphs bigger than this approximate repulsion more coarsely.
const COARSE_NODES: usize = 10_000;

/// Graphs this big spread each iteration's repulsion over the cores.
const PARALLEL_NODES: usize = 2000;

/// Node-iterations a layout may take: a big graph gets fewer iterations (cooling faster to fit),
/// so a graph of tens of thousands of nodes is laid out in seconds (coarsely: big graphs are for
/// zooming into, not for one picture).
const NODE_ITERATION_BUDGET: usize = 1_000_000;

impl ForceLayout {
    /// A layout for `input`; nodes without a starting position are placed on a seeded spiral
    /// near their already-placed neighbours (or the centre). If every node has a position, the
    /// layout starts settled.
    #[must_use]
    pub fn new(input: &LayoutInput, seed: u64, params: Params) -> Self {
        Self::build(input, seed, params, true)
    }

    /// [`ForceLayout::new`] without the multilevel start (the levels of that start use this).
    #[must_use]
    pub(crate) fn single_level(input: &LayoutInput, seed: u64, params: Params) -> Self {
        Self::build(input, seed, params, false)
    }

    fn build(input: &LayoutInput, seed: u64, params: Params, allow_multilevel: bool) -> Self {
        let n = input.initial.len();
        let mut rng = SplitMix(seed);
        let mut pos = vec![[0.0f32; 2]; n];
        let mut placed = vec![false; n];
        for (i, p) in input.initial.iter().enumerate() {
            if let Some(p) = p.filter(|p| p[0].is_finite() && p[1].is_finite()) {
                pos[i] = p;
                placed[i] = true;
            }
        }
        let all_placed = placed.iter().all(|p| *p) && n > 0;
        let any_placed = placed.iter().any(|p| *p);
        // each new node starts near its first placed neighbour (in edge order): one pass
        let mut anchors: Vec<Option<usize>> = vec![None; n];
        for &(a, b, _) in &input.edges {
            if a >= n || b >= n {
                continue;
            }
            if !placed[a] && placed[b] && anchors[a].is_none() {
                anchors[a] = Some(b);
            }
            if !placed[b] && placed[a] && anchors[b].is_none() {
                anchors[b] = Some(a);
            }
        }
        for i in 0..n {
            if placed[i] {
                continue;
            }
            let anchor = anchors[i].map_or([0.0, 0.0], |k| pos[k]);
            #[allow(clippy::cast_precision_loss)]
            let radius =
                if any_placed { params.spring_length } else { params.spring_length * (1.0 + (i as f32).sqrt()) };
            let angle = rng.next_f32() * std::f32::consts::TAU;
            let jitter = 0.5 + rng.next_f32();
            pos[i] = [anchor[0] + radius * jitter * angle.cos(), anchor[1] + radius * jitter * angle.sin()];
        }
        let multilevel = allow_multilevel && !any_placed && n >= MULTILEVEL_NODES;
        if multilevel {
            pos = multilevel::start(input, seed, params);
        }
        let temperature =
            if any_placed || multilevel { params.initial_temperature * 0.3 } else { params.initial_temperature };
        let mut mass = input.mass.clone();
        mass.resize(n, 1.0);
        Self {
            params,
            edges: input.edges.iter().copied().filter(|&(a, b, _)| a < n && b < n && a != b).collect(),
            mass,
            pos,
            pinned: vec![false; n],
            temperature,
            iteration: 0,
            phase: if all_placed || n == 0 { Phase::Settled } else { Phase::Running },
            threads: crate::par::default_threads(),
        }
    }

    /// Holds every node that came with a starting position where it is, so only new nodes move
    /// (a frozen map that new articles settle around).
    #[must_use]
    pub fn with_placed_pinned(mut self, input: &LayoutInput) -> Self {
        for (i, p) in input.initial.iter().enumerate().take(self.pinned.len()) {
            self.pinned[i] = p.is_some_and(|p| p[0].is_finite() && p[1].is_finite());
        }
        self
    }

    /// Uses this many threads for big graphs (at least one).
    #[must_use]
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
    }

    #[must_use]
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.pos
    }

    #[must_use]
    pub const fn phase(&self) -> Phase {
        self.phase
    }

    #[must_use]
    pub const fn iteration(&self) -> u32 {
        self.iteration
    }

    /// Moves a node and keeps it there (or lets it go again).
    pub fn pin(&mut self, i: usize, at: Option<[f32; 2]>) {
        if i >= self.pos.len() {
            return;
        }
        match at {
            Some(p) => {
                self.pos[i] = p;
                self.pinned[i] = true;
            }
            None => self.pinned[i] = false,
        }
    }

    /// Warms the layout up again (after a pin or on request).
    pub fn reheat(&mut self) {
        self.temperature = self.temperature.max(self.params.initial_temperature * 0.25);
        self.iteration = self.iteration.min(self.params.max_iterations / 2);
        if !self.pos.is_empty() {
            self.phase = Phase::Running;
        }
    }

    /// One iteration. Returns the phase after it.
    pub fn step(&mut self) -> Phase {
        if self.phase == Phase::Settled {
            return self.phase;
        }
        let n = self.pos.len();
        let p = self.params;
        let mut force = vec![[0.0f32; 2]; n];
        let tree = quadtree::QuadTree::build(&self.pos, &self.mass);
        let (pos, mass) = (&self.pos, &self.mass);
        let node_forces = |first: usize, out: &mut [[f32; 2]]| {
            for (k, f) in out.iter_mut().enumerate() {
                let i = first + k;
                let r = tree.repulsion(pos[i], p.theta, p.repulsion);
                f[0] += r[0] * mass[i];
                f[1] += r[1] * mass[i];
                f[0] -= pos[i][0] * p.gravity * mass[i];
                f[1] -= pos[i][1] * p.gravity * mass[i];
            }
        };
        // each node's force is its own sum, so splitting the nodes over threads changes nothing
        let threads = if n >= PARALLEL_NODES { self.threads } else { 1 };
        if threads <= 1 {
            node_forces(0, &mut force);
        } else {
            let chunk = n.div_ceil(threads);
            std::thread::scope(|scope| {
                for (c, out) in force.chunks_mut(chunk).enumerate() {
                    let node_forces = &node_forces;
                    scope.spawn(move || node_forces(c * chunk, out));
                }
            });
        }
        for &(a, b, w) in &self.edges {
            let d = [self.pos[b][0] - self.pos[a][0], self.pos[b][1] - self.pos[a][1]];
            let dist = (d[0] * d[0] + d[1] * d[1]).sqrt().max(0.01);
            let pull = w * (dist - p.spring_length) / p.spring_length * 8.0;
            let f = [d[0] / dist * pull, d[1] / dist * pull];
            force[a][0] += f[0];
            force[a][1] += f[1];
            force[b][0] -= f[0];
            force[b][1] -= f[1];
        }
        let mut max_move = 0.0f32;
        for i in 0..n {
            if self.pinned[i] {
                continue;
            }
            let f = force[i];
            let len = (f[0] * f[0] + f[1] * f[1]).sqrt();
            if !len.is_finite() || len == 0.0 {
                continue;
            }
            let step = len.min(self.temperature);
            self.pos[i][0] += f[0] / len * step;
            self.pos[i][1] += f[1] / len * step;
            max_move = max_move.max(step);
        }
        self.temperature *= p.cooling;
        self.iteration += 1;
        if max_move < p.min_movement || self.iteration >= p.max_iterations {
            self.phase = Phase::Settled;
        }
        self.phase
    }

    /// Runs to the end.
    pub fn settle(&mut self) {
        while self.step() == Phase::Running {}
    }
}

/// Lays out a graph to the end, synchronously, and stores the positions in it (the headless
/// path: `zhitu extract`).
pub fn settle_graph(g: &mut KnowledgeGraph, seed: u64) {
    settle_graph_with(g, seed, crate::par::default_threads());
}

/// [`settle_graph`] on a given number of threads (the positions do not depend on it).
pub fn settle_graph_with(g: &mut KnowledgeGraph, seed: u64, threads: usize) {
    let input = LayoutInput::from_graph(g);
    let mut layout = ForceLayout::new(&input, seed, Params::for_nodes(input.nodes.len())).with_threads(threads);
    layout.settle();
    for (k, &n) in input.nodes.iter().enumerate() {
        let [x, y] = layout.positions()[k];
        g.set_position(n, [f64::from(x), f64::from(y)]);
    }
}

/// The seed used unless the user asks for another.
pub const DEFAULT_SEED: u64 = 0x5EED_2020;

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: usize) -> LayoutInput {
        LayoutInput {
            nodes: Vec::new(),
            edges: (0..n).map(|i| (i, (i + 1) % n, 1.0)).collect(),
            initial: vec![None; n],
            mass: vec![1.0; n],
        }
    }

    #[test]
    #[allow(clippy::float_cmp)] // the same arithmetic must give the same bits
    fn threads_do_not_change_a_big_layout() {
        let n = PARALLEL_NODES + 500;
        let input = LayoutInput {
            nodes: Vec::new(),
            edges: (0..n).map(|i| (i, (i * 7 + 3) % n, 1.0)).collect(),
            initial: vec![None; n],
            mass: vec![1.0; n],
        };
        let params = Params { max_iterations: 5, ..Params::default() };
        let mut one = ForceLayout::new(&input, 3, params).with_threads(1);
        let mut many = ForceLayout::new(&input, 3, params).with_threads(3);
        one.settle();
        many.settle();
        assert_eq!(one.positions(), many.positions());
    }

    #[test]
    #[allow(clippy::float_cmp)] // the parameters are copied, not computed
    fn big_graphs_get_fewer_iterations_and_still_settle_within_them() {
        assert_eq!(Params::for_nodes(50), Params::default());
        assert_eq!(Params::for_nodes(2000), Params::default(), "the natural cooling fits the budget");
        let big = Params::for_nodes(100_000);
        assert_eq!(big.max_iterations, 20);
        // the temperature reaches the settling movement by the last iteration
        let end = big.initial_temperature * big.cooling.powi(20);
        assert!((end - big.min_movement).abs() < 1e-3, "{end}");
        assert!(big.theta > Params::default().theta);
        let mid = Params::for_nodes(5_000);
        assert!(mid.max_iterations == 200 && mid.cooling < Params::default().cooling);
        assert_eq!(mid.theta, Params::default().theta);
    }

    #[test]
    fn same_seed_same_layout() {
        let mut a = ForceLayout::new(&ring(12), 7, Params::default());
        let mut b = ForceLayout::new(&ring(12), 7, Params::default());
        a.settle();
        b.settle();
        assert_eq!(a.positions(), b.positions());
        let mut c = ForceLayout::new(&ring(12), 8, Params::default());
        c.settle();
        assert_ne!(a.positions(), c.positions());
    }

    #[test]
    fn settles_and_keeps_neighbours_near() {
        let mut l = ForceLayout::new(&ring(20), 1, Params::default());
        l.settle();
        assert_eq!(l.phase(), Phase::Settled);
        assert!(l.iteration() < Params::default().max_iterations, "did not converge");
        let p = l.positions();
        let d = |a: usize, b: usize| ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt();
        let neighbour = d(0, 1);
        let opposite = d(0, 10);
        assert!(neighbour < opposite, "{neighbour} vs {opposite}");
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
    }

    #[test]
    fn placed_graphs_start_settled_and_pins_hold() {
        let mut input = ring(3);
        input.initial = vec![Some([0.0, 0.0]), Some([100.0, 0.0]), Some([0.0, 100.0])];
        let l = ForceLayout::new(&input, 1, Params::default());
        assert_eq!(l.phase(), Phase::Settled);
        let mut l = ForceLayout::new(&ring(5), 1, Params::default());
        l.pin(2, Some([500.0, 500.0]));
        l.settle();
        assert_eq!(l.positions()[2], [500.0, 500.0]);
    }

    #[test]
    fn coincident_nodes_do_not_produce_nan() {
        let input = LayoutInput {
            nodes: Vec::new(),
            edges: vec![],
            initial: vec![Some([1.0, 1.0]), Some([1.0, 1.0]), None],
            mass: vec![],
        };
        let mut l = ForceLayout::new(&input, 3, Params::default());
        l.reheat();
        for _ in 0..50 {
            l.step();
        }
        assert!(l.positions().iter().all(|q| q[0].is_finite() && q[1].is_finite()));
    }
}
