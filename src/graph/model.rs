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
