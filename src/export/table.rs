//! What the tabular and XML formats share: the graph flattened into typed node and edge columns
//! (kind, key, aliases, mention counts, every attribute in `attrs` with a type inferred from its
//! values, analysis results included), article dates per node and edge, and each kind's colour.

use std::collections::{BTreeMap, BTreeSet};

use crate::extract::EntityKind;
use crate::graph::{KnowledgeGraph, Node, SpanRef};

/// The type of a column, inferred from every value it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Integer,
    Double,
    Boolean,
    String,
}

impl ColumnType {
    /// The type's name in GEXF and `GraphML` declarations.
    #[must_use]
    pub const fn xml_name(self) -> &'static str {
        match self {
            Self::Integer => "long",
            Self::Double => "double",
            Self::Boolean => "boolean",
            Self::String => "string",
        }
    }
}

/// An attribute column of the nodes: its name and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub kind: ColumnType,
}

/// Column names every node has in the tabular and XML formats; attributes of these names are
/// left out there.
pub const RESERVED: [&str; 8] = ["id", "label", "kind", "key", "aliases", "mentions", "x", "y"];

/// The node attribute columns of a graph (`attrs` keys, sorted), typed by their values: all
/// integers → integer, all numbers → double, all booleans → boolean, anything else → string.
#[must_use]
pub fn attribute_columns(g: &KnowledgeGraph) -> Vec<Column> {
    let mut types: BTreeMap<&str, ColumnType> = BTreeMap::new();
    for (_, n) in g.nodes() {
        // an attribute named like a column every node has would be a second column of that name
        for (k, v) in n.attrs.iter().filter(|(k, _)| !RESERVED.contains(&k.as_str())) {
            let t = value_type(v);
            types.entry(k.as_str()).and_modify(|old| *old = widen(*old, t)).or_insert(t);
        }
    }
    types.into_iter().map(|(name, kind)| Column { name: name.to_owned(), kind }).collect()
}

fn value_type(v: &serde_json::Value) -> ColumnType {
    match v {
        serde_json::Value::Number(n) if n.is_i64() || n.is_u64() => ColumnType::Integer,
        serde_json::Value::Number(_) => ColumnType::Double,
        serde_json::Value::Bool(_) => ColumnType::Boolean,
        _ => ColumnType::String,
    }
}

const fn widen(a: ColumnType, b: ColumnType) -> ColumnType {
    match (a, b) {
        (x, y) if x as u8 == y as u8 => x,
        (ColumnType::Integer | ColumnType::Double, ColumnType::Integer | ColumnType::Double) => ColumnType::Double,
        _ => ColumnType::String,
    }
}

/// An attribute value as text: strings as they are, other values as JSON.
#[must_use]
pub fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The distinct publication dates (YYYY-MM-DD) of the articles behind these spans, sorted.
#[must_use]
pub fn dates(g: &KnowledgeGraph, spans: &[SpanRef]) -> Vec<String> {
    let docs: BTreeSet<usize> = spans.iter().map(|s| s.doc).collect();
    let dates: BTreeSet<String> =
        docs.into_iter().filter_map(|d| g.documents().get(d)?.record.published.as_deref().and_then(iso_date)).collect();
    dates.into_iter().collect()
}

/// The date part of a publication date if it is written YYYY-MM-DD.
fn iso_date(s: &str) -> Option<String> {
    let d: String = s.chars().take(10).collect();
    let b = d.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then_some(d)
}

/// Whether any article of the graph has a usable date.
#[must_use]
pub fn has_dates(g: &KnowledgeGraph) -> bool {
    g.documents().iter().any(|d| d.record.published.as_deref().and_then(iso_date).is_some())
}

/// The colour of a kind (the window's palette), as RGB.
#[must_use]
pub const fn kind_rgb(kind: EntityKind) -> [u8; 3] {
    match kind {
        EntityKind::Person => [232, 116, 59],
        EntityKind::Place => [52, 120, 212],
        EntityKind::Organization => [25, 160, 115],
        EntityKind::Initiative => [148, 94, 207],
    }
}

/// A node's size for viewers: its disc in the window ([`crate::scene::disc_size`] of its mentions).
#[must_use]
pub fn node_size(n: &Node) -> f64 {
    f64::from(crate::scene::disc_size(n.mentions.len() as f32))
}

/// A node's aliases joined for a single text field.
#[must_use]
pub fn aliases_text(n: &Node) -> String {
    n.aliases.join("; ")
}

/// The label of a kind in Neo4j style (`Person`, `Place`, `Organization`, `Initiative`).
#[must_use]
pub const fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Place => "Place",
        EntityKind::Organization => "Organization",
        EntityKind::Initiative => "Initiative",
    }
}

/// A relation type as a relationship type (`sister_city` → `SISTER_CITY`).
#[must_use]
pub fn relationship_type(kind: &str) -> String {
    let t: String =
        kind.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
    if t.is_empty() { "RELATED".to_owned() } else { t }
}

/// Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold.
#[must_use]
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_types_widen_to_fit_every_value() {
        use serde_json::json;
        assert_eq!(widen(value_type(&json!(1)), value_type(&json!(2.5))), ColumnType::Double);
        assert_eq!(widen(value_type(&json!(1)), value_type(&json!("x"))), ColumnType::String);
        assert_eq!(widen(value_type(&json!(true)), value_type(&json!(false))), ColumnType::Boolean);
        assert_eq!(value_text(&json!("北碚")), "北碚");
        assert_eq!(value_text(&json!([1, 2])), "[1,2]");
    }

    #[test]
    fn dates_and_escapes() {
        assert_eq!(iso_date("2020-05-14 16:30"), Some("2020-05-14".to_owned()));
        assert_eq!(iso_date("2020年5月14日"), None);
        assert_eq!(xml_escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(relationship_type("sister_city"), "SISTER_CITY");
    }
}
