//! The graph's editing primitives, which `curate` builds analysts' edits from: find a node by
//! identity key, take a node out with its edges, put nodes and relations in, drop an edge or
//! some of its evidence, and name documents by a fingerprint of their text that is the same in every graph and file.
//! Every primitive keeps the graph's indexes (keys, edge keys, ids) true.

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::{Edge, KnowledgeGraph, Node, SpanRef};
use crate::extract::identity::Key;
use crate::extract::{EntityKind, RelationType};

/// A node taken out of the graph, with the edges it had: (other end, whether the edge went out
/// of this node, the edge).
#[derive(Debug, Clone)]
pub struct Removed {
    pub node: Node,
    pub edges: Vec<(NodeIndex, bool, Edge)>,
}

impl KnowledgeGraph {
    /// The node with an identity key.
    #[must_use]
    pub fn node_by_key(&self, key: &Key) -> Option<NodeIndex> {
        self.by_key.get(key).copied().filter(|&n| self.graph.contains_node(n))
    }

    /// A node to change in place. Its `id` and `key` must not be changed (the indexes hold them).
    pub(crate) fn node_mut(&mut self, n: NodeIndex) -> Option<&mut Node> {
        self.graph.node_weight_mut(n)
    }

    /// An edge to change in place (not its type: the edge index holds it).
    pub(crate) fn edge_mut(&mut self, e: EdgeIndex) -> Option<&mut Edge> {
        self.graph.edge_weight_mut(e)
    }

    /// Takes a node out with its edges; the keys that named it stop naming anything.
    pub fn remove_node(&mut self, n: NodeIndex) -> Option<Removed> {
        if !self.graph.contains_node(n) {
            return None;
        }
        let mut edges = Vec::new();
        let ids: Vec<(EdgeIndex, NodeIndex, bool)> = self
            .graph
            .edges_directed(n, Direction::Outgoing)
            .map(|e| (e.id(), e.target(), true))
            .chain(self.graph.edges_directed(n, Direction::Incoming).map(|e| (e.id(), e.source(), false)))
            .collect();
        for (e, other, outgoing) in ids {
            if let Some((_, _, edge)) = self.remove_edge(e) {
                edges.push((other, outgoing, edge));
            }
        }
        let node = self.graph.remove_node(n)?;
        if self.by_key.get(&node.key) == Some(&n) {
            self.by_key.remove(&node.key);
        }
        self.node_ids.remove(&node.id);
        Some(Removed { node, edges })
    }

    /// Adds a node for `key`, or merges these names, attributes and mentions into the node the
    /// key already names; returns it.
    pub fn put_node(
        &mut self,
        key: Key,
        label: &str,
        kind: EntityKind,
        aliases: Vec<String>,
        attrs: std::collections::BTreeMap<String, serde_json::Value>,
        mentions: Vec<SpanRef>,
    ) -> NodeIndex {
        // spans may repeat ones the node has: check them all
        self.merge_node(key, label, kind, aliases, attrs, mentions, usize::MAX)
    }

    /// Adds a relation, or adds its evidence to the relation of that type between the two.
    pub fn put_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        kind: &str,
        label: &str,
        evidence: Vec<SpanRef>,
    ) -> EdgeIndex {
        self.merge_edge(a, b, kind, label, evidence, None, usize::MAX)
    }

    /// The edge of a type between two nodes (either way round for a symmetric type).
    #[must_use]
    pub fn find_edge(&self, a: NodeIndex, b: NodeIndex, kind: &str) -> Option<EdgeIndex> {
        let symmetric = RelationType::parse(kind).is_some_and(RelationType::is_symmetric);
        let (a, b) = if symmetric && b < a { (b, a) } else { (a, b) };
        let kind_id = *self.kinds.get(kind)?;
        self.edge_by_key.get(&(a, b, kind_id)).copied().filter(|&e| self.graph.edge_weight(e).is_some())
    }

    /// Takes an edge out.
    pub fn remove_edge(&mut self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex, Edge)> {
        let (a, b) = self.graph.edge_endpoints(e)?;
        let edge = self.graph.remove_edge(e)?;
        if let Some(&kind_id) = self.kinds.get(&edge.kind) {
            self.edge_by_key.remove(&(a, b, kind_id));
        }
        self.edge_ids.remove(&edge.id);
        Some((a, b, edge))
    }

    /// Removes some evidence from an edge (its weight falls with it); the edge goes when no
    /// evidence and no weight is left. Returns whether the edge is still there.
    pub fn remove_evidence(&mut self, e: EdgeIndex, spans: &[SpanRef]) -> bool {
        let Some(edge) = self.graph.edge_weight_mut(e) else { return false };
        let before = edge.evidence.len();
        edge.evidence.retain(|s| !spans.contains(s));
        let removed = u32::try_from(before - edge.evidence.len()).unwrap_or(u32::MAX);
        edge.weight = edge.weight.saturating_sub(removed);
        if edge.evidence.is_empty() && edge.weight == 0 {
            self.remove_edge(e);
            return false;
        }
        true
    }

    /// The fingerprint of a document's text (`t` + 16 hex digits of its FNV-1a hash): the same
    /// for the same text in any graph, file or version.
    #[must_use]
    pub fn fingerprint(&self, doc: usize) -> Option<String> {
        self.documents.get(doc).map(|d| format!("t{:016x}", super::text_hash(&d.record.text)))
    }

    /// The document a fingerprint names.
    #[must_use]
    pub fn document_by_fingerprint(&self, fingerprint: &str) -> Option<usize> {
        let hash = u64::from_str_radix(fingerprint.strip_prefix('t')?, 16).ok()?;
        self.doc_by_text.get(&hash)?.first().copied()
    }
}
