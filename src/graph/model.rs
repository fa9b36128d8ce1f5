//! The serde model of the graph JSON format (`"format": "zhitu-graph"`, `"version": 1`), exactly
//! as `DESIGN.md` specifies it. Fields other tools add are kept (`extra`) and written back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::extract::EntityKind;

pub const FORMAT: &str = "zhitu-graph";
pub const VERSION: u32 = 1;

/// A whole graph file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphFile {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub generator: String,
    #[serde(default)]
    pub documents: Vec<DocumentRecord>,
    #[serde(default)]
    pub nodes: Vec<NodeRecord>,
    #[serde(default)]
    pub edges: Vec<EdgeRecord>,
    /// The analyst's curation log (`curate`), re-applied by identity key after every merge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<EditRecord>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// One source article with its cleaned text (the text offsets point into).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub id: String,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// The editor (责任编辑) the article names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor: Option<String>,
    /// The encoding the article's bytes were read in, as detected ("UTF-8", "GB18030" …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Bytes of the article that could not be decoded and became U+FFFD; absent when none.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub replaced_bytes: usize,
    pub text: String,
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A node as written in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeRecord {
    pub id: String,
    /// The typed identity (`area:500109`, `org:西南大学`, …); derived from the other fields when
    /// a file has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub label: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub attrs: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub mentions: Vec<SpanRecord>,
    /// The position; a file without one (another tool's) leaves the node to the layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<f64>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// An edge as written in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgeRecord {
    pub id: String,
    pub source: String,
    pub target: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub weight: u32,
    #[serde(default)]
    pub evidence: Vec<SpanRecord>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A span as written in the file: the document's string id and char offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// One of the analyst's edits, as the file's `edits` log keeps it: when, what (with the identity
/// keys it concerns), why, and what undoing it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditRecord {
    /// When it was made (RFC 3339, UTC).
    pub time: String,
    #[serde(flatten)]
    pub op: EditOp,
    /// The analyst's reason.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A span named by its document's text fingerprint (`t` + 16 hex digits), the same in every
/// graph that holds the document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DocSpan {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// An edge of a node as a merge found it, to put back when the merge is undone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgeSnapshot {
    /// The key of the other end.
    pub other: String,
    /// The edge went from the merged node to the other end.
    pub outgoing: bool,
    #[serde(rename = "type")]
    pub relation: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub evidence: Vec<DocSpan>,
    /// The evidence a merge added to the kept node's edge (the rest it had already).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<DocSpan>,
    /// The merge made the kept node's edge (it had none of this type to the other end).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub created: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A node as a merge absorbed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeSnapshot {
    pub label: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub attrs: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub mentions: Vec<DocSpan>,
    #[serde(default)]
    pub edges: Vec<EdgeSnapshot>,
    /// Names the merge added to the kept node.
    #[serde(default)]
    pub added_aliases: Vec<String>,
    /// The kept node's own `merged_because` before the merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_reason: Option<serde_json::Value>,
}

/// What an edit does. Nodes are named by identity key (`org:西南大学`), edges by their ends'
/// keys and type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EditOp {
    /// `absorb` is the same entity as `keep`: its names, mentions and edges join `keep`, and
    /// whatever brings `absorb` later joins `keep` too.
    Merge {
        keep: String,
        absorb: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        absorbed: Option<NodeSnapshot>,
    },
    /// These mentions of `node` are another entity, `into` (a new key), called `label`.
    Split { node: String, into: String, label: String, mentions: Vec<DocSpan> },
    Rename {
        node: String,
        label: String,
        #[serde(default)]
        from: String,
    },
    Retype {
        node: String,
        to: EntityKind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<EntityKind>,
    },
    /// Not drawn, not exported; nothing is lost.
    HideNode { node: String },
    HideEdge {
        source: String,
        target: String,
        #[serde(rename = "type")]
        relation: String,
    },
    /// A relation the analyst knows of.
    AddEdge {
        source: String,
        target: String,
        #[serde(rename = "type")]
        relation: String,
        #[serde(default)]
        label: String,
    },
    /// An extracted relation that is wrong: taken out, and kept out when articles bring it again.
    MarkWrong {
        source: String,
        target: String,
        #[serde(rename = "type")]
        relation: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        removed: Option<EdgeSnapshot>,
    },
}

impl EditOp {
    /// The nodes' identity keys the edit names (not those inside its undo data).
    #[must_use]
    pub fn keys(&self) -> Vec<&str> {
        match self {
            Self::Merge { keep, absorb, .. } => vec![keep, absorb],
            Self::Split { node, into, .. } => vec![node, into],
            Self::Rename { node, .. } | Self::Retype { node, .. } | Self::HideNode { node } => vec![node],
            Self::HideEdge { source, target, .. }
            | Self::AddEdge { source, target, .. }
            | Self::MarkWrong { source, target, .. } => vec![source, target],
        }
    }

    /// The identity keys the edit names, undo data included, to rewrite.
    pub fn keys_mut(&mut self) -> Vec<&mut String> {
        match self {
            Self::Merge { keep, absorb, absorbed } => {
                let mut keys = vec![keep, absorb];
                if let Some(snap) = absorbed {
                    keys.extend(snap.edges.iter_mut().map(|e| &mut e.other));
                }
                keys
            }
            Self::Split { node, into, .. } => vec![node, into],
            Self::Rename { node, .. } | Self::Retype { node, .. } | Self::HideNode { node } => vec![node],
            Self::HideEdge { source, target, .. } | Self::AddEdge { source, target, .. } => vec![source, target],
            Self::MarkWrong { source, target, removed, .. } => {
                let mut keys = vec![source, target];
                if let Some(e) = removed {
                    keys.push(&mut e.other);
                }
                keys
            }
        }
    }
}
