//! What the canvas draws, decided headlessly so it is testable and benchmarked without a window.
//!
//! A [`Scene`] is the graph as filtered ([`Filter`]: kinds, minimum mentions or degree, relation
//! types, `co_occurs`, the article set), with each node's importance (mentions plus degree), the
//! edges ranked by weight, an adjacency list for k-hop focus, and a spatial grid over the node
//! positions. [`Scene::frame`] turns a [`Camera`] and an [`Emphasis`] into a [`Frame`]: only
//! what is on screen (culled through the grid), edges by rank up to a budget (so zoomed out
//! the light edges vanish and the last ones fade), and labels chosen by importance and placed
//! without overlap through a screen-space collision grid, sized by importance. Hit-testing goes
//! through the same grid. The window paints a frame with `paint` (feature `gui`).

#![allow(clippy::cast_sign_loss)] // pixel and cell arithmetic on values clamped to be positive first

pub mod grid;
#[cfg(feature = "gui")]
pub mod paint;
pub mod timeline;

use std::collections::{BTreeSet, HashMap};

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use serde::{Deserialize, Serialize};

use crate::extract::EntityKind;
use crate::graph::KnowledgeGraph;
use grid::{LabelGrid, PointGrid, Rect};

/// Whether the analyst hid a node or an edge (`curate`'s `hidden` flag).
fn is_hidden(extra: &std::collections::BTreeMap<String, serde_json::Value>) -> bool {
    extra.get(crate::curate::HIDDEN).is_some_and(|v| v == &serde_json::Value::Bool(true))
}

/// The relation type of plain co-occurrence.
pub const CO_OCCURS: &str = "co_occurs";

/// Above this many nodes, `co_occurs` edges are hidden unless asked for.
pub const CO_OCCURS_HIDDEN_ABOVE: usize = 3000;

/// Edges drawn in one frame, strongest first (besides those of the focus).
pub const EDGE_BUDGET: usize = 6000;

/// Edges of the focus drawn in one frame at most (a hub may have thousands).
pub const FOCUS_EDGE_BUDGET: usize = 2000;

/// Labels placed in one frame at most, and candidates tried for them.
pub const LABEL_BUDGET: usize = 400;
const LABEL_TRIES: usize = 4000;

/// Nodes beyond the focus's neighbourhood tried for a (dimmed) label, at most.
const DIMMED_LABELS: usize = 40;

/// Node labels at the focus and search hits are placed first, up to this many.
const FORCED_LABELS: usize = 80;

/// What the graph shows. The default shows everything (and `co_occurs` up to
/// [`CO_OCCURS_HIDDEN_ABOVE`] nodes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Kinds shown, in [`EntityKind::ALL`] order.
    pub kinds: [bool; 4],
    /// Mentions in the shown articles a node needs.
    pub min_mentions: usize,
    /// Shown edges a node needs.
    pub min_degree: usize,
    /// Relation types hidden.
    pub hidden_relations: BTreeSet<String>,
    /// Whether `co_occurs` edges are shown; `None`: only up to [`CO_OCCURS_HIDDEN_ABOVE`] nodes.
    pub co_occurs: Option<bool>,
    /// Articles (document indexes) left out: nodes and edges need a mention or evidence in
    /// another one.
    pub hidden_documents: BTreeSet<usize>,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            kinds: [true; 4],
            min_mentions: 0,
            min_degree: 0,
            hidden_relations: BTreeSet::new(),
            co_occurs: None,
            hidden_documents: BTreeSet::new(),
        }
    }
}

impl Filter {
    /// Whether `co_occurs` edges are shown on a graph of `nodes` nodes.
    #[must_use]
    pub fn shows_co_occurs(&self, nodes: usize) -> bool {
        self.co_occurs.unwrap_or(nodes <= CO_OCCURS_HIDDEN_ABOVE)
    }
}

/// What colours and sizes the nodes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ColourBy {
    #[default]
    Kind,
    Community,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SizeBy {
    #[default]
    Mentions,
    Degree,
    PageRank,
}

/// Colours and sizes by kind and mentions, or by the analysis's communities and centrality.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Appearance {
    pub colour: ColourBy,
    pub size: SizeBy,
}

impl Scene {
    /// Colours and sizes the nodes as `appearance` says, with the analysis of the whole graph
    /// (by `NodeIndex` index) where it needs one; without it, by kind and mentions.
    pub fn set_appearance(&mut self, appearance: Appearance, analysis: Option<&crate::analyze::Analysis>) {
        let n_graph = analysis.map_or(0, |a| a.pagerank.len()).max(1) as f32;
        for node in &mut self.nodes {
            let i = node.index.index();
            node.group = match (appearance.colour, analysis) {
                (ColourBy::Community, Some(a)) => a.community.get(i).copied(),
                _ => None,
            };
            node.size = match (appearance.size, analysis) {
                (SizeBy::Degree, _) => node.degree as f32,
                (SizeBy::PageRank, Some(a)) => a.pagerank.get(i).map_or(0.0, |&p| p as f32 * n_graph),
                _ => node.mentions as f32,
            };
        }
    }
}

/// The index of a kind in [`EntityKind::ALL`] (and in [`Filter::kinds`]).
#[must_use]
pub const fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organization => 2,
        EntityKind::Initiative => 3,
    }
}

/// A node as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneNode {
    pub index: NodeIndex,
    pub label: String,
    pub kind: EntityKind,
    /// Mentions in the shown articles.
    pub mentions: usize,
    /// Shown edges.
    pub degree: usize,
    /// The group it is coloured by (its community), or none (coloured by kind).
    pub group: Option<u32>,
    /// What its disc's size follows, in mention-like units (mentions, degree, or `PageRank`
    /// scaled so the average node is 1).
    pub size: f32,
}

impl SceneNode {
    /// A node coloured by kind and sized by mentions.
    #[must_use]
    pub fn new(index: NodeIndex, label: String, kind: EntityKind, mentions: usize, degree: usize) -> Self {
        Self { index, label, kind, mentions, degree, group: None, size: mentions as f32 }
    }

    /// What decides label priority and size.
    #[must_use]
    pub fn importance(&self) -> f32 {
        (self.mentions + self.degree) as f32
    }
}

/// An edge as drawn, between scene nodes (by their position in [`Scene::nodes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SceneEdge {
    pub index: EdgeIndex,
    pub a: u32,
    pub b: u32,
    pub weight: u32,
    pub typed: bool,
    pub label: String,
}

impl SceneEdge {
    fn rank_key(&self) -> u32 {
        // a typed relation counts as a co-occurrence seen twice as often
        self.weight.saturating_mul(if self.typed { 2 } else { 1 })
    }
}

/// The camera: the world point at the centre of a viewport of `size` pixels, and pixels per
/// world unit. Screen coordinates are relative to the viewport's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    pub centre: [f32; 2],
    pub zoom: f32,
    pub size: [f32; 2],
}

impl Camera {
    #[must_use]
    pub fn to_screen(&self, w: [f32; 2]) -> [f32; 2] {
        [
            (w[0] - self.centre[0]) * self.zoom + self.size[0] / 2.0,
            (w[1] - self.centre[1]) * self.zoom + self.size[1] / 2.0,
        ]
    }

    #[must_use]
    pub fn to_world(&self, s: [f32; 2]) -> [f32; 2] {
        [
            (s[0] - self.size[0] / 2.0) / self.zoom + self.centre[0],
            (s[1] - self.size[1] / 2.0) / self.zoom + self.centre[1],
        ]
    }

    /// The world rectangle on screen, grown by `margin` pixels on each side.
    #[must_use]
    pub fn world_rect(&self, margin: f32) -> Rect {
        let a = self.to_world([-margin, -margin]);
        let b = self.to_world([self.size[0] + margin, self.size[1] + margin]);
        [a[0], a[1], b[0], b[1]]
    }
}

/// What the frame stresses: the focus (selected or hovered node) and its k-hop neighbourhood,
/// the selection, search hits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Emphasis {
    pub focus: Option<u32>,
    /// Hops around the focus that stay bright (1–3).
    pub hops: u8,
    /// Draw only the focus's neighbourhood.
    pub only_neighbourhood: bool,
    pub selected_node: Option<u32>,
    pub selected_edge: Option<u32>,
    /// Search hits: ringed and labelled first.
    pub marked: Vec<u32>,
    /// Screen areas labels keep clear of (an overlay such as the minimap).
    pub reserved: Vec<Rect>,
}

/// A node to draw, in screen pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawNode {
    pub node: u32,
    pub at: [f32; 2],
    pub radius: f32,
    pub dim: bool,
    pub marked: bool,
}

/// An edge to draw: opacity 0–1, width in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawEdge {
    pub edge: u32,
    pub from: [f32; 2],
    pub to: [f32; 2],
    pub width: f32,
    pub alpha: f32,
    /// Part of the focus's neighbourhood or selected.
    pub emphasised: bool,
}

/// A placed label: a node's or (for emphasised typed edges) an edge's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawLabel {
    pub target: LabelOf,
    pub rect: Rect,
    pub size: f32,
    pub dim: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelOf {
    Node(u32),
    Edge(u32),
}

/// One frame's drawing, back to front: edges, nodes (in node order), labels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frame {
    pub edges: Vec<DrawEdge>,
    pub nodes: Vec<DrawNode>,
    pub labels: Vec<DrawLabel>,
    /// Edges on screen that the budget left out.
    pub edges_left_out: usize,
}

/// A node's disc at zoom 1, for a size in mention-like units: grows with the square root, at
/// most 22 (the window and the exports' `viz:size` alike).
#[must_use]
pub fn disc_size(size: f32) -> f32 {
    (3.0 + 2.0 * size.max(0.0).sqrt()).min(22.0)
}

/// A node's radius in pixels at a zoom, for a size in mention-like units.
#[must_use]
pub fn radius(size: f32, zoom: f32) -> f32 {
    disc_size(size) * zoom.sqrt().clamp(0.4, 1.6)
}

/// The filtered graph with positions, ready to draw frames from.
#[derive(Debug, Clone, Default)]
pub struct Scene {
    nodes: Vec<SceneNode>,
    /// Strongest first.
    edges: Vec<SceneEdge>,
    /// Per node: (neighbour, edge).
    adjacency: Vec<Vec<(u32, u32)>>,
    /// Node indexes, most important first.
    by_importance: Vec<u32>,
    max_importance: f32,
    dense: HashMap<NodeIndex, u32>,
    pos: Vec<[f32; 2]>,
    grid: PointGrid,
    bounds: Option<Rect>,
}

impl Scene {
    /// A scene of these nodes and edges (edges with an end out of range are dropped), without
    /// positions yet.
    #[must_use]
    pub fn new(nodes: Vec<SceneNode>, mut edges: Vec<SceneEdge>) -> Self {
        let n = nodes.len();
        edges.retain(|e| (e.a as usize) < n && (e.b as usize) < n && e.a != e.b);
        edges.sort_by(|x, y| y.rank_key().cmp(&x.rank_key()).then(x.index.cmp(&y.index)));
        let mut adjacency = vec![Vec::new(); n];
        for (k, e) in edges.iter().enumerate() {
            adjacency[e.a as usize].push((e.b, k as u32));
            adjacency[e.b as usize].push((e.a, k as u32));
        }
        let mut by_importance: Vec<u32> = (0..n as u32).collect();
        by_importance.sort_by(|&a, &b| {
            let (x, y) = (&nodes[a as usize], &nodes[b as usize]);
            y.importance().total_cmp(&x.importance()).then(x.label.cmp(&y.label)).then(a.cmp(&b))
        });
        let max_importance = by_importance.first().map_or(0.0, |&i| nodes[i as usize].importance());
        let dense = nodes.iter().enumerate().map(|(k, node)| (node.index, k as u32)).collect();
        Self {
            nodes,
            edges,
            adjacency,
            by_importance,
            max_importance,
            dense,
            pos: vec![[f32::NAN; 2]; n],
            grid: PointGrid::default(),
            bounds: None,
        }
    }

    /// The scene of a graph as `filter` shows it.
    #[must_use]
    pub fn from_graph(g: &KnowledgeGraph, filter: &Filter) -> Self {
        let docs_ok = |refs: &[crate::graph::SpanRef]| -> usize {
            if filter.hidden_documents.is_empty() {
                refs.len()
            } else {
                refs.iter().filter(|r| !filter.hidden_documents.contains(&r.doc)).count()
            }
        };
        let co_occurs = filter.shows_co_occurs(g.node_count());
        let edge_ok = |e: &crate::graph::Edge| {
            let type_shown = if e.kind == CO_OCCURS { co_occurs } else { !filter.hidden_relations.contains(&e.kind) };
            type_shown && !is_hidden(&e.extra) && (filter.hidden_documents.is_empty() || docs_ok(&e.evidence) > 0)
        };
        // candidate nodes: kind and mentions; degree counts shown edges between candidates
        let mut candidate: HashMap<NodeIndex, usize> = HashMap::new();
        for (i, node) in g.nodes() {
            let mentions = docs_ok(&node.mentions);
            let in_articles = filter.hidden_documents.is_empty() || mentions > 0;
            if filter.kinds[kind_index(node.kind)]
                && mentions >= filter.min_mentions
                && in_articles
                && !is_hidden(&node.extra)
            {
                candidate.insert(i, mentions);
            }
        }
        let mut kept_edges: Vec<_> = g
            .edges()
            .filter(|&(_, a, b, edge)| candidate.contains_key(&a) && candidate.contains_key(&b) && edge_ok(edge))
            .collect();
        // degree among what is shown: dropping a node below the minimum lowers its neighbours'
        // degrees, so drop until nothing changes (the k-core)
        let mut degree: HashMap<NodeIndex, usize>;
        loop {
            degree = HashMap::new();
            for &(_, a, b, _) in &kept_edges {
                *degree.entry(a).or_default() += 1;
                *degree.entry(b).or_default() += 1;
            }
            if filter.min_degree == 0 {
                break;
            }
            let before = candidate.len();
            candidate.retain(|i, _| degree.get(i).copied().unwrap_or(0) >= filter.min_degree);
            if candidate.len() == before {
                break;
            }
            kept_edges.retain(|&(_, a, b, _)| candidate.contains_key(&a) && candidate.contains_key(&b));
        }
        let mut dense: HashMap<NodeIndex, u32> = HashMap::new();
        let mut nodes = Vec::new();
        for (i, node) in g.nodes() {
            let Some(&mentions) = candidate.get(&i) else { continue };
            let d = degree.get(&i).copied().unwrap_or(0);
            if d < filter.min_degree {
                continue;
            }
            dense.insert(i, nodes.len() as u32);
            nodes.push(SceneNode::new(i, node.label.clone(), node.kind, mentions, d));
        }
        let edges = kept_edges
            .into_iter()
            .filter_map(|(e, a, b, edge)| {
                Some(SceneEdge {
                    index: e,
                    a: *dense.get(&a)?,
                    b: *dense.get(&b)?,
                    weight: edge.weight.max(1),
                    typed: edge.kind != CO_OCCURS,
                    label: edge.label.clone(),
                })
            })
            .collect();
        Self::new(nodes, edges)
    }

    /// Takes the positions (world units) of the nodes; a node without one is not drawn.
    pub fn set_positions(&mut self, position: impl Fn(NodeIndex) -> Option<[f32; 2]>) {
        let mut bounds: Option<Rect> = None;
        for (k, node) in self.nodes.iter().enumerate() {
            let p = position(node.index).filter(|p| p[0].is_finite() && p[1].is_finite());
            self.pos[k] = p.unwrap_or([f32::NAN; 2]);
            if let Some(p) = p {
                let b = bounds.get_or_insert([p[0], p[1], p[0], p[1]]);
                *b = [b[0].min(p[0]), b[1].min(p[1]), b[2].max(p[0]), b[3].max(p[1])];
            }
        }
        self.bounds = bounds;
        self.grid = PointGrid::build(&self.pos);
    }

    #[must_use]
    pub fn nodes(&self) -> &[SceneNode] {
        &self.nodes
    }

    #[must_use]
    pub fn edges(&self) -> &[SceneEdge] {
        &self.edges
    }

    /// The scene node of a graph node, if it is shown.
    #[must_use]
    pub fn dense(&self, n: NodeIndex) -> Option<u32> {
        self.dense.get(&n).copied()
    }

    /// The scene edge of a graph edge, if it is shown.
    #[must_use]
    pub fn dense_edge(&self, e: EdgeIndex) -> Option<u32> {
        self.edges.iter().position(|x| x.index == e).map(|k| k as u32)
    }

    #[must_use]
    pub fn position(&self, i: u32) -> Option<[f32; 2]> {
        self.pos.get(i as usize).copied().filter(|p| p[0].is_finite())
    }

    /// The box around every placed node.
    #[must_use]
    pub const fn bounds(&self) -> Option<Rect> {
        self.bounds
    }

    /// Nodes, most important first.
    #[must_use]
    pub fn by_importance(&self) -> &[u32] {
        &self.by_importance
    }

    /// Hops from `centre` to every node within `hops` of it (others: `u8::MAX`).
    #[must_use]
    pub fn hop_distances(&self, centre: u32, hops: u8) -> Vec<u8> {
        let mut dist = vec![u8::MAX; self.nodes.len()];
        if (centre as usize) >= dist.len() {
            return dist;
        }
        dist[centre as usize] = 0;
        let mut frontier = vec![centre];
        for d in 1..=hops {
            let mut next = Vec::new();
            for u in frontier {
                for &(v, _) in &self.adjacency[u as usize] {
                    if dist[v as usize] == u8::MAX {
                        dist[v as usize] = d;
                        next.push(v);
                    }
                }
            }
            frontier = next;
        }
        dist
    }

    /// The node under a screen point: the nearest whose disc (at least 6 px) contains it.
    #[must_use]
    pub fn node_at(&self, camera: &Camera, at: [f32; 2]) -> Option<u32> {
        // the largest disc (22 px at most, grown up to 1.6 times when zoomed in), and a margin
        let reach = 40.0 / camera.zoom;
        let w = camera.to_world(at);
        let mut best: Option<(f32, u32)> = None;
        self.grid.query([w[0] - reach, w[1] - reach, w[0] + reach, w[1] + reach], |i| {
            let s = camera.to_screen(self.pos[i as usize]);
            let d = ((s[0] - at[0]).powi(2) + (s[1] - at[1]).powi(2)).sqrt();
            let r = radius(self.nodes[i as usize].size, camera.zoom).max(6.0);
            if d <= r && best.is_none_or(|(bd, bi)| d.total_cmp(&bd).then(i.cmp(&bi)).is_lt()) {
                best = Some((d, i));
            }
        });
        best.map(|(_, i)| i)
    }

    /// The drawn edge nearest a screen point, within 6 px.
    #[must_use]
    pub fn edge_at(frame: &Frame, at: [f32; 2]) -> Option<u32> {
        let mut best: Option<(f32, u32)> = None;
        for e in &frame.edges {
            let d = distance_to_segment(at, e.from, e.to);
            if d <= 6.0 && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, e.edge));
            }
        }
        best.map(|(_, e)| e)
    }

    /// The frame for a camera: culled, levelled, labelled. `measure` gives a text's size in
    /// pixels at a font size.
    pub fn frame(&self, camera: &Camera, emphasis: &Emphasis, measure: &mut dyn FnMut(&str, f32) -> [f32; 2]) -> Frame {
        let n = self.nodes.len();
        let mut frame = Frame::default();
        if n == 0 || camera.zoom <= 0.0 || !camera.zoom.is_finite() {
            return frame;
        }
        let hops = emphasis.hops.clamp(1, 3);
        let dist = emphasis.focus.filter(|&f| (f as usize) < n).map(|f| self.hop_distances(f, hops));
        let near = |i: u32| dist.as_ref().is_none_or(|d| d[i as usize] <= hops);
        let drawn = |i: u32| !emphasis.only_neighbourhood || near(i);

        // nodes on screen, through the grid
        let mut on_screen = vec![false; n];
        let mut visible: Vec<u32> = Vec::new();
        let margin = 24.0 * camera.zoom.sqrt().clamp(0.4, 1.6);
        let view = camera.world_rect(margin);
        self.grid.query(view, |i| {
            let p = self.pos[i as usize];
            if p[0] >= view[0] && p[0] <= view[2] && p[1] >= view[1] && p[1] <= view[3] && drawn(i) {
                on_screen[i as usize] = true;
                visible.push(i);
            }
        });
        visible.sort_unstable();
        let mut marked = vec![false; 0];
        if !emphasis.marked.is_empty() {
            marked = vec![false; n];
            for &m in &emphasis.marked {
                if let Some(x) = marked.get_mut(m as usize) {
                    *x = true;
                }
            }
        }
        let is_marked = |i: u32| marked.get(i as usize).copied().unwrap_or(false);

        // edges: candidates in rank order, from the visible nodes' adjacency when few are visible
        let screen = [0.0, 0.0, camera.size[0], camera.size[1]];
        let candidates: Vec<u32> = if visible.len() * 2 < n {
            let mut c: Vec<u32> =
                visible.iter().flat_map(|&u| self.adjacency[u as usize].iter().map(|&(_, e)| e)).collect();
            c.sort_unstable();
            c.dedup();
            c
        } else {
            (0..self.edges.len() as u32).collect()
        };
        let max_weight = self.edges.first().map_or(1, SceneEdge::rank_key).max(2) as f32;
        let width_scale = camera.zoom.sqrt().clamp(0.5, 1.3);
        let mut normal = 0usize;
        let mut focus_edges = 0usize;
        for e in candidates {
            let edge = &self.edges[e as usize];
            let (a, b) = (edge.a, edge.b);
            if !drawn(a) || !drawn(b) {
                continue;
            }
            let (pa, pb) = (self.pos[a as usize], self.pos[b as usize]);
            if !pa[0].is_finite() || !pb[0].is_finite() {
                continue;
            }
            let (sa, sb) = (camera.to_screen(pa), camera.to_screen(pb));
            let bbox = [sa[0].min(sb[0]), sa[1].min(sb[1]), sa[0].max(sb[0]), sa[1].max(sb[1])];
            if !(grid::overlaps(bbox, screen) || on_screen[a as usize] || on_screen[b as usize]) {
                continue;
            }
            let selected = emphasis.selected_edge == Some(e);
            let at_focus = emphasis.focus.is_some_and(|f| a == f || b == f);
            let emphasised = selected || at_focus || (dist.is_some() && near(a) && near(b));
            // the focus's own edges (strongest first) and the selection are always drawn, up to
            // a cap of their own; every other edge, bright or not, counts against the budget
            if selected || at_focus {
                if focus_edges >= FOCUS_EDGE_BUDGET && !selected {
                    frame.edges_left_out += 1;
                    continue;
                }
                focus_edges += 1;
            } else {
                if normal >= EDGE_BUDGET {
                    frame.edges_left_out += 1;
                    continue;
                }
                normal += 1;
            }
            let strength = (edge.rank_key() as f32).ln() / max_weight.ln();
            let mut alpha = 0.3 + 0.7 * strength.clamp(0.0, 1.0);
            // the last quarter of the budget fades out: the weight threshold is soft
            let tail = EDGE_BUDGET * 3 / 4;
            if !emphasised && normal > tail {
                alpha *= 1.0 - 0.7 * (normal - tail) as f32 / (EDGE_BUDGET - tail) as f32;
            }
            if dist.is_some() && !emphasised {
                alpha *= 0.2;
            }
            let width = (0.7 + 0.8 * (edge.weight as f32).ln() + if edge.typed { 0.5 } else { 0.0 }) * width_scale;
            frame.edges.push(DrawEdge { edge: e, from: sa, to: sb, width, alpha, emphasised });
        }

        // nodes
        for &i in &visible {
            let node = &self.nodes[i as usize];
            frame.nodes.push(DrawNode {
                node: i,
                at: camera.to_screen(self.pos[i as usize]),
                radius: radius(node.size, camera.zoom),
                dim: !near(i),
                marked: is_marked(i),
            });
        }

        self.place_labels(camera, emphasis, &on_screen, dist.as_deref(), hops, &mut frame, measure);
        frame
    }

    fn label_size(&self, i: u32) -> f32 {
        let imp = self.nodes[i as usize].importance();
        let t = if self.max_importance > 0.0 { (1.0 + imp).ln() / (1.0 + self.max_importance).ln() } else { 0.0 };
        11.0 + 7.0 * t.clamp(0.0, 1.0)
    }

    #[allow(clippy::too_many_arguments)]
    fn place_labels(
        &self,
        camera: &Camera,
        emphasis: &Emphasis,
        on_screen: &[bool],
        dist: Option<&[u8]>,
        hops: u8,
        frame: &mut Frame,
        measure: &mut dyn FnMut(&str, f32) -> [f32; 2],
    ) {
        let mut grid = LabelGrid::new(camera.size, 48.0);
        for &r in &emphasis.reserved {
            grid.reserve(r);
        }
        let screen = [0.0, 0.0, camera.size[0], camera.size[1]];
        let dim_of = |i: u32| dist.is_some_and(|d| d[i as usize] > hops);
        let mut labelled = vec![false; self.nodes.len()];
        // first: the selection, the focus and its nearest neighbours, search hits
        let mut forced: Vec<u32> = Vec::new();
        forced.extend(emphasis.selected_node);
        forced.extend(emphasis.focus);
        if let Some(d) = dist {
            forced.extend(self.by_importance.iter().copied().filter(|&i| d[i as usize] == 1).take(FORCED_LABELS));
        }
        forced.extend(emphasis.marked.iter().copied().take(FORCED_LABELS));
        for i in forced {
            if (i as usize) < labelled.len() && on_screen[i as usize] && !labelled[i as usize] {
                labelled[i as usize] = self.try_label(camera, &mut grid, frame, i, dim_of(i), measure);
            }
        }
        // labels of emphasised typed edges, at their middle
        let mut edge_labels = 0;
        for k in 0..frame.edges.len() {
            let e = frame.edges[k];
            let edge = &self.edges[e.edge as usize];
            if !e.emphasised || !edge.typed || edge.label.is_empty() || edge_labels >= FORCED_LABELS {
                continue;
            }
            let [w, h] = measure(&edge.label, 12.0);
            let mid = [f32::midpoint(e.from[0], e.to[0]), f32::midpoint(e.from[1], e.to[1])];
            let rect = [mid[0] - w / 2.0 - 2.0, mid[1] - h / 2.0 - 2.0, mid[0] + w / 2.0 + 2.0, mid[1] + h / 2.0 + 2.0];
            let inside = rect[0] >= 0.0 && rect[1] >= 0.0 && rect[2] <= screen[2] && rect[3] <= screen[3];
            if inside && grid.try_place(rect) {
                frame.labels.push(DrawLabel { target: LabelOf::Edge(e.edge), rect, size: 12.0, dim: false });
                edge_labels += 1;
            }
        }
        // then everything on screen by importance, while there is room; around a focus, only
        // the main entities beyond it keep a (dimmed) label
        let mut tries = 0;
        let mut dimmed = 0;
        for &i in &self.by_importance {
            if frame.labels.len() >= LABEL_BUDGET || tries >= LABEL_TRIES {
                break;
            }
            if !on_screen[i as usize] || labelled[i as usize] {
                continue;
            }
            if dim_of(i) {
                if dimmed >= DIMMED_LABELS {
                    continue;
                }
                dimmed += 1;
            }
            tries += 1;
            labelled[i as usize] = self.try_label(camera, &mut grid, frame, i, dim_of(i), measure);
        }
    }
}

impl Scene {
    /// Places node `i`'s label right of it, else left, above or below, if one of them is on
    /// screen and free.
    fn try_label(
        &self,
        camera: &Camera,
        grid: &mut LabelGrid,
        frame: &mut Frame,
        i: u32,
        dim: bool,
        measure: &mut dyn FnMut(&str, f32) -> [f32; 2],
    ) -> bool {
        let node = &self.nodes[i as usize];
        let size = self.label_size(i);
        let [w, h] = measure(&node.label, size);
        let at = camera.to_screen(self.pos[i as usize]);
        let r = radius(node.size, camera.zoom) + 2.0;
        let candidates = [
            [at[0] + r, at[1] - h / 2.0],
            [at[0] - r - w, at[1] - h / 2.0],
            [at[0] - w / 2.0, at[1] - r - h],
            [at[0] - w / 2.0, at[1] + r],
        ];
        for [x, y] in candidates {
            let rect = [x - 1.0, y - 1.0, x + w + 1.0, y + h + 1.0];
            let inside = rect[0] >= 0.0 && rect[1] >= 0.0 && rect[2] <= camera.size[0] && rect[3] <= camera.size[1];
            if inside && grid.try_place(rect) {
                frame.labels.push(DrawLabel { target: LabelOf::Node(i), rect, size, dim });
                return true;
            }
        }
        false
    }
}

fn distance_to_segment(point: [f32; 2], from: [f32; 2], to: [f32; 2]) -> f32 {
    let along = [to[0] - from[0], to[1] - from[1]];
    let len2 = along[0] * along[0] + along[1] * along[1];
    let share = if len2 == 0.0 {
        0.0
    } else {
        (((point[0] - from[0]) * along[0] + (point[1] - from[1]) * along[1]) / len2).clamp(0.0, 1.0)
    };
    let nearest = [from[0] + along[0] * share, from[1] + along[1] * share];
    ((point[0] - nearest[0]).powi(2) + (point[1] - nearest[1]).powi(2)).sqrt()
}

#[cfg(test)]
mod tests;
