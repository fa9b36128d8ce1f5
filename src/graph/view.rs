//! The graph in the file model's shape, borrowed: serialising it writes the graph JSON without
//! first copying every document, node, edge and span into owned records (which doubled the memory
//! of writing a big graph). It is the one writer of the format: [`KnowledgeGraph::to_file`] reads
//! its output back into the owned model.

use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::model::{DocumentRecord, FORMAT, VERSION};
use super::{KnowledgeGraph, SpanRef, StoredDocument, round2};
use crate::extract::EntityKind;

/// A whole graph file, borrowed from a graph. Field order and rules are those of
/// [`super::model::GraphFile`].
#[derive(serde::Serialize)]
pub struct FileView<'a> {
    format: &'static str,
    version: u32,
    generator: &'static str,
    documents: Documents<'a>,
    nodes: Nodes<'a>,
    edges: Edges<'a>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    edits: &'a [super::model::EditRecord],
    #[serde(flatten)]
    extra: &'a BTreeMap<String, serde_json::Value>,
}

impl<'a> FileView<'a> {
    #[must_use]
    pub fn new(g: &'a KnowledgeGraph) -> Self {
        Self {
            format: FORMAT,
            version: VERSION,
            generator: crate::GENERATOR,
            documents: Documents(&g.documents),
            nodes: Nodes(g),
            edges: Edges(g),
            edits: &g.edits,
            extra: &g.extra,
        }
    }

    /// The graph with other top-level fields than its own (a window's `session` view), without
    /// copying the graph.
    #[must_use]
    pub fn with_extra(g: &'a KnowledgeGraph, extra: &'a BTreeMap<String, serde_json::Value>) -> Self {
        Self { extra, ..Self::new(g) }
    }
}

struct Documents<'a>(&'a [StoredDocument]);

impl Serialize for Documents<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|d| &d.record))
    }
}

/// Spans written as `{"doc": id, "start", "end"}` (a [`super::model::SpanRecord`]).
struct Spans<'a> {
    spans: &'a [SpanRef],
    documents: &'a [StoredDocument],
}

#[derive(serde::Serialize)]
struct SpanView<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
}

impl Serialize for Spans<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.spans.len()))?;
        for r in self.spans {
            let record: &DocumentRecord = &self.documents[r.doc].record;
            seq.serialize_element(&SpanView { doc: &record.id, start: r.span.start, end: r.span.end })?;
        }
        seq.end()
    }
}

/// A node as [`super::model::NodeRecord`] writes it.
#[derive(serde::Serialize)]
struct NodeView<'a> {
    id: &'a str,
    key: String,
    label: &'a str,
    kind: EntityKind,
    aliases: &'a [String],
    attrs: &'a BTreeMap<String, serde_json::Value>,
    mentions: Spans<'a>,
    /// Absent when the node has no position yet (a `--jsonl` fragment, before the layout).
    #[serde(skip_serializing_if = "Option::is_none")]
    x: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    y: Option<f64>,
    #[serde(flatten)]
    extra: &'a BTreeMap<String, serde_json::Value>,
}

struct Nodes<'a>(&'a KnowledgeGraph);

impl Serialize for Nodes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let g = self.0;
        s.collect_seq(g.nodes().map(|(_, n)| NodeView {
            id: &n.id,
            key: n.key.to_string(),
            label: &n.label,
            kind: n.kind,
            aliases: &n.aliases,
            attrs: &n.attrs,
            mentions: Spans { spans: &n.mentions, documents: &g.documents },
            x: n.pos.map(|p| round2(p[0])),
            y: n.pos.map(|p| round2(p[1])),
            extra: &n.extra,
        }))
    }
}

/// An edge as [`super::model::EdgeRecord`] writes it.
#[derive(serde::Serialize)]
struct EdgeView<'a> {
    id: &'a str,
    source: &'a str,
    target: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    label: &'a str,
    weight: u32,
    evidence: Spans<'a>,
    #[serde(flatten)]
    extra: &'a BTreeMap<String, serde_json::Value>,
}

struct Edges<'a>(&'a KnowledgeGraph);

impl Serialize for Edges<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let g = self.0;
        s.collect_seq(g.edges().map(|(_, a, b, e)| EdgeView {
            id: &e.id,
            source: &g.graph[a].id,
            target: &g.graph[b].id,
            kind: &e.kind,
            label: &e.label,
            weight: e.weight,
            evidence: Spans { spans: &e.evidence, documents: &g.documents },
            extra: &e.extra,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Extractor, RuleExtractor};
    use crate::ingest::Document;

    #[test]
    fn the_owned_model_reads_back_exactly_what_the_view_writes() {
        let mut g = KnowledgeGraph::new();
        for (path, text) in
            [("a.txt", "北碚区委书记周旭表示,北碚与绵阳将缔结友好城市。"), ("b.txt", "西南大学位于重庆市北碚区。")]
        {
            let d = Document::new(path.into(), "标题".into(), text.into());
            let x = RuleExtractor.extract(&d);
            g.add_document(d, &x);
        }
        crate::layout::settle_graph(&mut g, 1);
        // fields other tools added, at every level
        let mut file = g.to_file();
        file.extra.insert("view".into(), serde_json::json!({"zoom": 2}));
        file.nodes[0].extra.insert("colour".into(), serde_json::json!("red"));
        file.edges[0].extra.insert("checked".into(), serde_json::json!(true));
        file.documents[0].extra.insert("tags".into(), serde_json::json!(["a"]));
        let g = KnowledgeGraph::from_file(file).unwrap();
        let owned = serde_json::to_string_pretty(&g.to_file()).unwrap();
        let borrowed = serde_json::to_string_pretty(&FileView::new(&g)).unwrap();
        assert_eq!(borrowed, owned);
        assert!(borrowed.contains("\"colour\": \"red\"") && borrowed.contains("\"zoom\": 2"));
    }
}
