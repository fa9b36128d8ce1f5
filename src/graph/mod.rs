//! The knowledge graph: one node per real entity across documents, with aliases, attributes,
//! every mention and position; typed, weighted edges with evidence spans; and the documents those
//! spans point into. Built over `petgraph`'s `StableGraph` so indices stay valid as the graph
//! grows. Converts to and from the JSON model in [`model`].

mod edit;
pub mod model;
pub mod view;

pub use edit::Removed;

use std::collections::{BTreeMap, HashMap, HashSet};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use petgraph::visit::EdgeRef;

use crate::extract::identity::{Anchor, Key};
use crate::extract::{EntityKind, Extraction, RelationType};
use crate::ingest::Document;
use crate::text::Span;
use model::{DocumentRecord, FORMAT, GraphFile, SpanRecord, VERSION};

/// A span of one of the graph's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpanRef {
    /// Index into [`KnowledgeGraph::documents`].
    pub doc: usize,
    pub span: Span,
}

/// A document of the graph: its record and derived sentence spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub record: DocumentRecord,
    pub sentences: Vec<Span>,
    pub char_len: usize,
}

impl StoredDocument {
    /// A stored document; its sentence spans are split from the text unless given.
    fn new(record: DocumentRecord, sentences: Option<Vec<Span>>) -> Self {
        let sentences = sentences.unwrap_or_else(|| crate::ingest::sentences::split(&record.text));
        let char_len = record.text.chars().count();
        Self { record, sentences, char_len }
    }

    /// The sentence around a span (or the span itself when it crosses sentences).
    #[must_use]
    pub fn sentence_around(&self, span: Span) -> Span {
        let i = self.sentences.partition_point(|s| s.end <= span.start);
        self.sentences.get(i).copied().filter(|s| s.contains(span)).unwrap_or(span)
    }

    /// The text of a span.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        crate::text::char_slice(&self.record.text, span)
    }
}

/// An entity node.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    /// Identity used to merge entities across documents.
    pub key: Key,
    pub label: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub attrs: BTreeMap<String, serde_json::Value>,
    pub mentions: Vec<SpanRef>,
    /// Layout position, once there is one.
    pub pos: Option<[f64; 2]>,
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Node {
    /// An attribute as display text.
    #[must_use]
    pub fn attr(&self, name: &str) -> Option<String> {
        self.attrs.get(name).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
    }

    /// Whether `name` is this node's label or one of its aliases.
    #[must_use]
    pub fn is_named(&self, name: &str) -> bool {
        self.label == name || self.aliases.iter().any(|a| a == name)
    }
}

/// A relation edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub id: String,
    /// The relation type's machine word (`sister_city`, `co_occurs`, …).
    pub kind: String,
    pub label: String,
    pub evidence: Vec<SpanRef>,
    /// Weight as read from a file; kept in step with the evidence count as evidence is added.
    pub weight: u32,
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Edge {
    #[must_use]
    pub fn relation(&self) -> Option<RelationType> {
        RelationType::parse(&self.kind)
    }
}

/// Why a graph file cannot be taken in.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GraphError {
    #[error("not a Zhitu graph (format is \"{0}\", expected \"zhitu-graph\")")]
    Format(String),
    #[error("unsupported graph version {0} (this build reads version 1)")]
    Version(u32),
    #[error("duplicate {what} id \"{id}\"")]
    DuplicateId { what: &'static str, id: String },
    #[error("{what} \"{id}\" refers to unknown {target} \"{reference}\"")]
    UnknownRef { what: &'static str, id: String, target: &'static str, reference: String },
    #[error("{what} \"{id}\" has span {start}..{end} outside document \"{doc}\" ({len} chars)")]
    SpanOutOfRange { what: &'static str, id: String, doc: String, start: usize, end: usize, len: usize },
}

/// The graph of entities and relations over a set of documents.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableGraph<Node, Edge>,
    documents: Vec<StoredDocument>,
    by_key: HashMap<Key, NodeIndex>,
    /// Edges by endpoints and relation type (the type as its number in `kinds`).
    edge_by_key: HashMap<(NodeIndex, NodeIndex, u32), EdgeIndex>,
    kinds: HashMap<String, u32>,
    /// Ids in use, so a fresh id is found without scanning the graph.
    node_ids: IdSet<'n'>,
    edge_ids: IdSet<'e'>,
    doc_ids: IdSet<'d'>,
    /// Documents by a hash of their text, to find a repeated article without comparing texts.
    doc_by_text: HashMap<u64, Vec<usize>>,
    next_node: u64,
    next_edge: u64,
    next_doc: u64,
    /// The analyst's edits (`curate`), in the order they were made.
    edits: Vec<model::EditRecord>,
    /// Top-level fields of opened files that this version does not know; written back.
    extra: BTreeMap<String, serde_json::Value>,
}

impl KnowledgeGraph {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0 && self.documents.is_empty()
    }

    #[must_use]
    pub fn documents(&self) -> &[StoredDocument] {
        &self.documents
    }

    /// Nodes in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> {
        self.graph.node_indices().map(|i| (i, &self.graph[i]))
    }

    /// Edges in insertion order, with their endpoints.
    pub fn edges(&self) -> impl Iterator<Item = (EdgeIndex, NodeIndex, NodeIndex, &Edge)> {
        self.graph.edge_indices().filter_map(|e| {
            let (a, b) = self.graph.edge_endpoints(e)?;
            Some((e, a, b, &self.graph[e]))
        })
    }

    #[must_use]
    pub fn node(&self, i: NodeIndex) -> Option<&Node> {
        self.graph.node_weight(i)
    }

    #[must_use]
    pub fn edge(&self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex, &Edge)> {
        let (a, b) = self.graph.edge_endpoints(e)?;
        Some((a, b, &self.graph[e]))
    }

    /// The node with a given label or alias, preferring a label match.
    #[must_use]
    pub fn find_by_name(&self, name: &str) -> Option<NodeIndex> {
        let mut nodes = self.graph.node_indices();
        nodes.clone().find(|&i| self.graph[i].label == name).or_else(|| nodes.find(|&i| self.graph[i].is_named(name)))
    }

    /// Neighbours of a node with the connecting edge, in edge order.
    #[must_use]
    pub fn neighbours(&self, n: NodeIndex) -> Vec<(NodeIndex, EdgeIndex)> {
        let mut out: Vec<(NodeIndex, EdgeIndex)> = self
            .graph
            .edges_directed(n, petgraph::Direction::Outgoing)
            .map(|e| (e.target(), e.id()))
            .chain(self.graph.edges_directed(n, petgraph::Direction::Incoming).map(|e| (e.source(), e.id())))
            .collect();
        out.sort_by_key(|(_, e)| e.index());
        out
    }

    /// Number of edges at a node.
    #[must_use]
    pub fn degree(&self, n: NodeIndex) -> usize {
        self.graph.edges_directed(n, petgraph::Direction::Outgoing).count()
            + self.graph.edges_directed(n, petgraph::Direction::Incoming).count()
    }

    /// The graph as petgraph sees it, read-only: for algorithms over petgraph's visit traits
    /// (`analyze`).
    #[must_use]
    pub const fn petgraph(&self) -> &StableGraph<Node, Edge> {
        &self.graph
    }

    /// Sets attributes of a node (replacing those of the same names).
    pub fn set_attrs(&mut self, n: NodeIndex, values: impl IntoIterator<Item = (String, serde_json::Value)>) {
        if let Some(node) = self.graph.node_weight_mut(n) {
            node.attrs.extend(values);
        }
    }

    /// Sets a node's position.
    pub fn set_position(&mut self, n: NodeIndex, pos: [f64; 2]) {
        if let Some(node) = self.graph.node_weight_mut(n) {
            node.pos = Some(pos);
        }
    }

    /// Forgets every position (before laying the graph out from scratch).
    pub fn clear_positions(&mut self) {
        for node in self.graph.node_weights_mut() {
            node.pos = None;
        }
    }

    fn fresh_doc_id(&mut self) -> String {
        self.doc_ids.fresh(&mut self.next_doc)
    }

    fn fresh_node_id(&mut self) -> String {
        self.node_ids.fresh(&mut self.next_node)
    }

    fn fresh_edge_id(&mut self) -> String {
        self.edge_ids.fresh(&mut self.next_edge)
    }

    /// The document with the same text, if the graph has it already.
    fn same_document(&self, text: &str) -> Option<usize> {
        let candidates = self.doc_by_text.get(&text_hash(text))?;
        candidates.iter().copied().find(|&d| self.documents[d].record.text == text)
    }

    /// Stores a document record (its id must be unused) and indexes it.
    fn push_document(&mut self, record: DocumentRecord, sentences: Option<Vec<Span>>) -> usize {
        let d = self.documents.len();
        self.doc_ids.insert(&record.id);
        self.doc_by_text.entry(text_hash(&record.text)).or_default().push(d);
        self.documents.push(StoredDocument::new(record, sentences));
        d
    }

    /// Adds a node (its id must be unused) and indexes its id.
    fn push_node(&mut self, node: Node) -> NodeIndex {
        bump(&mut self.next_node, &node.id, 'n');
        self.node_ids.insert(&node.id);
        self.graph.add_node(node)
    }

    /// Adds one extracted document. A document whose text the graph already holds is not added
    /// twice; its index is returned either way.
    pub fn add_document(&mut self, doc: Document, x: &Extraction) -> usize {
        if let Some(existing) = self.same_document(&doc.text) {
            return existing;
        }
        let record = DocumentRecord {
            id: self.fresh_doc_id(),
            path: doc.path,
            title: doc.title,
            source: doc.source,
            published: doc.published,
            authors: doc.authors,
            editor: doc.editor,
            encoding: Some(doc.encoding),
            replaced_bytes: doc.replaced_bytes,
            text: doc.text,
            extra: BTreeMap::new(),
        };
        // ingest split the sentences already
        let d = self.push_document(record, Some(doc.sentences));
        let mut node_of = Vec::with_capacity(x.entities.len());
        for e in &x.entities {
            let key = e.key.clone().in_document(&self.documents[d].record.id);
            let attrs = e.attrs.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
            let mentions = e.mentions.iter().map(|&span| SpanRef { doc: d, span }).collect();
            let mut aliases: Vec<String> = e.aliases.iter().cloned().collect();
            aliases.sort();
            node_of.push(self.merge_node(key, &e.label, e.kind, aliases, attrs, mentions, NO_REPEATS));
        }
        for r in &x.relations {
            let (a, b) = (node_of[r.source], node_of[r.target]);
            let ev = SpanRef { doc: d, span: r.evidence };
            self.merge_edge(a, b, r.kind.as_str(), &r.label, vec![ev], None, NO_REPEATS);
        }
        d
    }

    #[allow(clippy::too_many_arguments)] // the node's parts, as extraction and files give them
    fn merge_node(
        &mut self,
        key: Key,
        label: &str,
        kind: EntityKind,
        aliases: Vec<String>,
        attrs: BTreeMap<String, serde_json::Value>,
        mentions: Vec<SpanRef>,
        repeat_below: usize,
    ) -> NodeIndex {
        if let Some(&n) = self.by_key.get(&key) {
            let node = &mut self.graph[n];
            for name in std::iter::once(label.to_owned()).chain(aliases) {
                if !node.is_named(&name) {
                    node.aliases.push(name);
                }
            }
            for (k, v) in attrs {
                node.attrs.entry(k).or_insert(v);
            }
            append_new(&mut node.mentions, mentions, repeat_below);
            return n;
        }
        let id = self.fresh_node_id();
        let node = Node {
            id,
            key: key.clone(),
            label: label.to_owned(),
            kind,
            aliases,
            attrs,
            mentions,
            pos: None,
            extra: BTreeMap::new(),
        };
        let n = self.push_node(node);
        self.by_key.insert(key, n);
        n
    }

    #[allow(clippy::too_many_arguments)] // the edge's parts, as extraction and files give them
    fn merge_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        kind: &str,
        label: &str,
        evidence: Vec<SpanRef>,
        file: Option<(String, u32, BTreeMap<String, serde_json::Value>)>,
        repeat_below: usize,
    ) -> EdgeIndex {
        let symmetric = RelationType::parse(kind).is_some_and(RelationType::is_symmetric);
        let (a, b) = if symmetric && b < a { (b, a) } else { (a, b) };
        let next_kind = u32::try_from(self.kinds.len()).unwrap_or(u32::MAX);
        let kind_id = *self.kinds.entry(kind.to_owned()).or_insert(next_kind);
        let key = (a, b, kind_id);
        if let Some(&e) = self.edge_by_key.get(&key) {
            let edge = &mut self.graph[e];
            let before = edge.evidence.len();
            append_new(&mut edge.evidence, evidence, repeat_below);
            let added = u32::try_from(edge.evidence.len() - before).unwrap_or(u32::MAX);
            edge.weight = edge.weight.saturating_add(added);
            return e;
        }
        let (id, weight, extra) = if let Some((id, weight, extra)) = file {
            (id, weight, extra)
        } else {
            let n = u32::try_from(evidence.len()).unwrap_or(u32::MAX);
            (self.fresh_edge_id(), n, BTreeMap::new())
        };
        bump(&mut self.next_edge, &id, 'e');
        self.edge_ids.insert(&id);
        let edge = Edge { id, kind: kind.to_owned(), label: label.to_owned(), evidence, weight, extra };
        let e = self.graph.add_edge(a, b, edge);
        self.edge_by_key.insert(key, e);
        e
    }

    /// A top-level field of the file this graph came from that the graph model does not know
    /// (a window's `session` view, another tool's data); written back with the graph.
    #[must_use]
    pub fn extra_field(&self, name: &str) -> Option<&serde_json::Value> {
        self.extra.get(name)
    }

    /// All such fields.
    #[must_use]
    pub const fn extra_fields(&self) -> &BTreeMap<String, serde_json::Value> {
        &self.extra
    }

    /// Removes such a field and returns it.
    pub fn take_extra_field(&mut self, name: &str) -> Option<serde_json::Value> {
        self.extra.remove(name)
    }

    /// The analyst's edits, oldest first.
    #[must_use]
    pub fn edits(&self) -> &[model::EditRecord] {
        &self.edits
    }

    /// The edit log, for `curate`.
    pub(crate) fn edits_mut(&mut self) -> &mut Vec<model::EditRecord> {
        &mut self.edits
    }

    /// The graph as the JSON model.
    #[must_use]
    pub fn to_file(&self) -> GraphFile {
        // one writer of the format: the borrowed view, read back into the owned model
        serde_json::to_value(view::FileView::new(self))
            .and_then(serde_json::from_value)
            .unwrap_or_else(|e| unreachable!("the graph's own JSON reads back: {e}"))
    }

    /// Merges a graph file into this graph. The file is checked whole first: on any error nothing
    /// changes. Nodes of the file merge with nodes that were here before (same identity); ids that
    /// collide with existing ones are renumbered; documents already present are not duplicated.
    ///
    /// # Errors
    /// The file is not a version-1 Zhitu graph or is inconsistent (unknown references, spans
    /// outside their document, duplicate ids).
    pub fn merge_file(&mut self, file: GraphFile) -> Result<(), GraphError> {
        validate(&file)?;
        let file_edits = file.edits;
        for (k, v) in file.extra {
            self.extra.entry(k).or_insert(v);
        }
        // spans into documents added by this file cannot repeat spans the graph has
        let docs_before = self.documents.len();
        let mut doc_index: HashMap<String, usize> = HashMap::new();
        for rec in file.documents {
            let file_id = rec.id.clone();
            let idx = if let Some(existing) = self.same_document(&rec.text) {
                existing
            } else {
                let mut rec = rec;
                if self.doc_ids.contains(&rec.id) {
                    rec.id = self.fresh_doc_id();
                }
                self.push_document(rec, None)
            };
            doc_index.insert(file_id, idx);
        }
        let to_ref = |s: &SpanRecord| SpanRef { doc: doc_index[&s.doc], span: Span::new(s.start, s.end) };
        // a node this file added is not merged into by another node of the same file (a file may
        // hold two nodes of one key: an older version's, or one an analyst split)
        let mut added: HashSet<NodeIndex> = HashSet::new();
        let existed =
            |g: &Self, added: &HashSet<NodeIndex>, key: &Key| g.node_by_key(key).is_some_and(|n| !added.contains(&n));
        let mut node_index: HashMap<String, NodeIndex> = HashMap::new();
        for rec in file.nodes {
            let mentions: Vec<SpanRef> = rec.mentions.iter().map(to_ref).collect();
            let first_doc = mentions.first().map(|m| self.documents[m.doc].record.id.clone()).unwrap_or_default();
            let key = match rec.key.as_deref().and_then(Key::parse) {
                // a person known only in one document: that document's id in this graph
                Some(Key::Person { name, anchor: Anchor::Document(Some(doc)) }) => {
                    let here = doc_index.get(&doc).map_or(first_doc, |&i| self.documents[i].record.id.clone());
                    Key::Person { name, anchor: Anchor::Document(Some(here)) }
                }
                Some(key) => key,
                None => Key::derive(rec.kind, &rec.label, &rec.attrs, &first_doc),
            };
            let n = if existed(self, &added, &key) {
                self.merge_node(key, &rec.label, rec.kind, rec.aliases, rec.attrs, mentions, docs_before)
            } else {
                let id = if self.node_ids.contains(&rec.id) { self.fresh_node_id() } else { rec.id.clone() };
                let node = Node {
                    id,
                    key: key.clone(),
                    label: rec.label,
                    kind: rec.kind,
                    aliases: rec.aliases,
                    attrs: rec.attrs,
                    mentions,
                    pos: rec.x.zip(rec.y).map(|(x, y)| [x, y]).filter(|p| p[0].is_finite() && p[1].is_finite()),
                    extra: rec.extra,
                };
                let n = self.push_node(node);
                added.insert(n);
                if self.node_by_key(&key).is_none() {
                    self.by_key.insert(key, n);
                }
                n
            };
            node_index.insert(rec.id, n);
        }
        // the file's edits, their person keys anchored in this graph's document ids; an edit the
        // graph has already is not logged twice
        for mut edit in file_edits {
            for key in edit.op.keys_mut() {
                if let Some(Key::Person { name, anchor: Anchor::Document(Some(doc)) }) = Key::parse(key)
                    && let Some(&i) = doc_index.get(&doc)
                {
                    let here = self.documents[i].record.id.clone();
                    *key = Key::Person { name, anchor: Anchor::Document(Some(here)) }.to_string();
                }
            }
            if !self.edits.contains(&edit) {
                self.edits.push(edit);
            }
        }
        for rec in file.edges {
            let (a, b) = (node_index[&rec.source], node_index[&rec.target]);
            let evidence: Vec<SpanRef> = rec.evidence.iter().map(to_ref).collect();
            let id = if self.edge_ids.contains(&rec.id) { self.fresh_edge_id() } else { rec.id };
            self.merge_edge(a, b, &rec.kind, &rec.label, evidence, Some((id, rec.weight, rec.extra)), docs_before);
        }
        Ok(())
    }

    /// Builds a graph from a file.
    ///
    /// # Errors
    /// As [`Self::merge_file`].
    pub fn from_file(file: GraphFile) -> Result<Self, GraphError> {
        let mut g = Self::new();
        g.merge_file(file)?;
        Ok(g)
    }
}

/// The ids of one kind of record in use (`n…` nodes, `e…` edges, `d…` documents): ids of the
/// generated form `<prefix><number>` kept as numbers, any other id as text, so a big graph's id
/// index costs a few bytes an id.
#[derive(Debug, Clone, Default)]
struct IdSet<const PREFIX: char> {
    numbers: HashSet<u64>,
    others: HashSet<String>,
}

impl<const PREFIX: char> IdSet<PREFIX> {
    /// The number of a generated-form id (`e12`; not `e012`, `e`, `x12`).
    fn number(id: &str) -> Option<u64> {
        let digits = id.strip_prefix(PREFIX)?;
        let canonical = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        if canonical { digits.parse().ok() } else { None }
    }

    fn insert(&mut self, id: &str) {
        match Self::number(id) {
            Some(n) => {
                self.numbers.insert(n);
            }
            None => {
                self.others.insert(id.to_owned());
            }
        }
    }

    fn remove(&mut self, id: &str) {
        match Self::number(id) {
            Some(n) => {
                self.numbers.remove(&n);
            }
            None => {
                self.others.remove(id);
            }
        }
    }

    fn contains(&self, id: &str) -> bool {
        Self::number(id).map_or_else(|| self.others.contains(id), |n| self.numbers.contains(&n))
    }

    /// The next unused generated id after `counter` (which only grows: O(1) amortised).
    fn fresh(&self, counter: &mut u64) -> String {
        loop {
            *counter += 1;
            if !self.numbers.contains(counter) {
                return format!("{PREFIX}{counter}");
            }
        }
    }
}

/// Keeps a counter of generated ids (`n12`, `e40`) at least at an id taken, so fresh ids come after
/// every id read from files.
fn bump(counter: &mut u64, id: &str, prefix: char) {
    if let Some(n) = id.strip_prefix(prefix).and_then(|n| n.parse::<u64>().ok()) {
        *counter = (*counter).max(n);
    }
}

/// Extracted spans never repeat what the graph has: they point into a document just added.
const NO_REPEATS: usize = 0;

/// Appends spans, skipping repeats of spans already there; only spans into documents below
/// `repeat_below` (documents the graph had before a file was merged) can repeat, so the check
/// costs nothing when none does.
fn append_new(to: &mut Vec<SpanRef>, new: Vec<SpanRef>, repeat_below: usize) {
    if new.iter().any(|s| s.doc < repeat_below) {
        let have: HashSet<SpanRef> = to.iter().copied().collect();
        to.extend(new.into_iter().filter(|s| !have.contains(s)));
    } else {
        to.extend(new);
    }
}

/// A hash of a document's text, for the in-memory index only (never written out).
/// FNV-1a (64 bits) of a text: stable across runs, builds and versions (document fingerprints
/// are written into edits).
fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

fn round2(v: f64) -> f64 {
    if v.is_finite() { (v * 100.0).round() / 100.0 } else { 0.0 }
}

/// Checks a file's format, version, ids, references and spans.
fn validate(file: &GraphFile) -> Result<(), GraphError> {
    if file.format != FORMAT {
        return Err(GraphError::Format(file.format.clone()));
    }
    if file.version != VERSION {
        return Err(GraphError::Version(file.version));
    }
    let mut docs: HashMap<&str, usize> = HashMap::new();
    for d in &file.documents {
        if docs.insert(&d.id, d.text.chars().count()).is_some() {
            return Err(GraphError::DuplicateId { what: "document", id: d.id.clone() });
        }
    }
    let check_span = |what: &'static str, id: &str, s: &SpanRecord| -> Result<(), GraphError> {
        let Some(&len) = docs.get(s.doc.as_str()) else {
            return Err(GraphError::UnknownRef {
                what,
                id: id.to_owned(),
                target: "document",
                reference: s.doc.clone(),
            });
        };
        if s.start > s.end || s.end > len {
            return Err(GraphError::SpanOutOfRange {
                what,
                id: id.to_owned(),
                doc: s.doc.clone(),
                start: s.start,
                end: s.end,
                len,
            });
        }
        Ok(())
    };
    let mut nodes = HashSet::new();
    for n in &file.nodes {
        if !nodes.insert(n.id.as_str()) {
            return Err(GraphError::DuplicateId { what: "node", id: n.id.clone() });
        }
        for m in &n.mentions {
            check_span("node", &n.id, m)?;
        }
    }
    let mut edges = HashSet::new();
    for e in &file.edges {
        if !edges.insert(e.id.as_str()) {
            return Err(GraphError::DuplicateId { what: "edge", id: e.id.clone() });
        }
        for end in [&e.source, &e.target] {
            if !nodes.contains(end.as_str()) {
                return Err(GraphError::UnknownRef {
                    what: "edge",
                    id: e.id.clone(),
                    target: "node",
                    reference: end.clone(),
                });
            }
        }
        for ev in &e.evidence {
            check_span("edge", &e.id, ev)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Extractor, RuleExtractor};

    fn doc(path: &str, text: &str) -> Document {
        Document::new(path.into(), path.into(), text.into())
    }

    fn add(g: &mut KnowledgeGraph, path: &str, text: &str) {
        let d = doc(path, text);
        let x = RuleExtractor.extract(&d);
        g.add_document(d, &x);
    }

    #[test]
    fn id_sets_tell_generated_and_other_ids_apart() {
        let mut ids = IdSet::<'e'>::default();
        for id in ["e1", "e3", "e007", "edge-x", "e"] {
            ids.insert(id);
        }
        assert!(ids.contains("e1") && ids.contains("e007") && ids.contains("edge-x") && ids.contains("e"));
        assert!(!ids.contains("e7") && !ids.contains("e2") && !ids.contains("n1"));
        let mut counter = 0;
        assert_eq!(ids.fresh(&mut counter), "e2");
        assert_eq!(ids.fresh(&mut counter), "e4", "e3 is taken");
        assert_eq!(ids.numbers.len() + ids.others.len(), 5);
    }

    #[test]
    fn one_node_per_entity_across_documents() {
        let mut g = KnowledgeGraph::new();
        add(&mut g, "a.txt", "北碚区与绵阳市合作。");
        add(&mut g, "b.txt", "重庆北碚和四川绵阳交流。");
        let beibei = g.find_by_name("北碚").unwrap();
        let node = g.node(beibei).unwrap();
        assert_eq!(node.label, "北碚区");
        assert_eq!(node.mentions.len(), 2);
        assert_eq!(node.mentions[0].doc, 0);
        assert_eq!(node.mentions[1].doc, 1);
        assert_eq!(g.documents().len(), 2);
        // the same article again adds nothing
        let before = (g.node_count(), g.edge_count());
        add(&mut g, "a-copy.txt", "北碚区与绵阳市合作。");
        assert_eq!((g.node_count(), g.edge_count()), before);
        assert_eq!(g.documents().len(), 2);
    }

    #[test]
    fn people_with_the_same_name_stay_apart_without_a_link() {
        let mut g = KnowledgeGraph::new();
        add(&mut g, "a.txt", "记者 王伟 报道。");
        add(&mut g, "b.txt", "区长王伟表示。");
        let people = g.nodes().filter(|(_, n)| n.label == "王伟").count();
        assert_eq!(people, 2);
    }

    #[test]
    fn file_round_trip_is_exact() {
        let mut g = KnowledgeGraph::new();
        add(&mut g, "a.txt", "北碚区委书记周旭表示,北碚与绵阳将缔结友好城市。");
        let file = g.to_file();
        let back = KnowledgeGraph::from_file(file.clone()).unwrap();
        assert_eq!(back.to_file(), file);
    }

    #[test]
    fn bad_files_change_nothing() {
        let mut g = KnowledgeGraph::new();
        add(&mut g, "a.txt", "北碚区与绵阳市合作。");
        let mut file = g.to_file();
        file.edges[0].target = "n999".into();
        let before = g.to_file();
        let err = g.merge_file(file).unwrap_err();
        assert!(err.to_string().contains("unknown node \"n999\""), "{err}");
        assert_eq!(g.to_file(), before);

        let mut file = before.clone();
        file.nodes[0].mentions[0].end = 10_000;
        assert!(matches!(g.merge_file(file), Err(GraphError::SpanOutOfRange { .. })));
        let mut file = before.clone();
        file.format = "other".into();
        assert!(matches!(g.merge_file(file), Err(GraphError::Format(_))));
    }

    #[test]
    fn merging_two_files_renumbers_colliding_ids() {
        let mut a = KnowledgeGraph::new();
        add(&mut a, "a.txt", "北碚区与绵阳市合作。");
        let mut b = KnowledgeGraph::new();
        add(&mut b, "b.txt", "西南大学位于北碚区。");
        let mut g = KnowledgeGraph::from_file(a.to_file()).unwrap();
        g.merge_file(b.to_file()).unwrap();
        let ids: HashSet<String> = g.nodes().map(|(_, n)| n.id.clone()).collect();
        assert_eq!(ids.len(), g.node_count());
        let beibei = g.node(g.find_by_name("北碚区").unwrap()).unwrap();
        assert_eq!(beibei.mentions.len(), 2, "北碚区 merged across files");
        assert_eq!(g.documents()[1].record.id, "d2");
    }
}
