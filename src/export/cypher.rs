//! Cypher: a script of plain statements, one per line, that a graph database runs as is (Neo4j,
//! FalkorDB): an index on entity ids, one `CREATE` per node labelled `Entity` and its kind with
//! its properties (label, kind, key, aliases, mention count, every attribute), then one
//! `MATCH … CREATE` per edge with the relationship type from the relation type and its label,
//! weight and evidence count.

use std::io::{self, Write};

use super::table;
use crate::graph::KnowledgeGraph;

/// A Cypher string literal.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A property key, back-quoted unless it is a plain identifier.
fn key(k: &str) -> String {
    let plain = k.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain { k.to_owned() } else { format!("`{}`", k.replace('`', "``")) }
}

/// A property value: numbers and booleans as they are, strings quoted, anything else as JSON text.
fn value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Number(n) if n.as_f64().is_some_and(f64::is_finite) => n.to_string(),
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::String(s) => string(s),
        other => string(&other.to_string()),
    }
}

/// Writes the script.
///
/// # Errors
/// The writer fails.
pub fn write(g: &KnowledgeGraph, out: impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    writeln!(out, "// {}: one statement per line", crate::GENERATOR)?;
    writeln!(out, "CREATE INDEX FOR (n:Entity) ON (n.id);")?;
    for (_, n) in g.nodes() {
        let aliases: Vec<String> = n.aliases.iter().map(|a| string(a)).collect();
        let mut props = vec![
            format!("id: {}", string(&n.id)),
            format!("label: {}", string(&n.label)),
            format!("kind: {}", string(n.kind.as_str())),
            format!("key: {}", string(&n.key.to_string())),
            format!("aliases: [{}]", aliases.join(", ")),
            format!("mentions: {}", n.mentions.len()),
        ];
        for (k, v) in &n.attrs {
            if !matches!(k.as_str(), "id" | "label" | "kind" | "key" | "aliases" | "mentions") {
                props.push(format!("{}: {}", key(k), value(v)));
            }
        }
        writeln!(out, "CREATE (:Entity:{} {{{}}});", table::kind_label(n.kind), props.join(", "))?;
    }
    for (_, a, b, e) in g.edges() {
        let (Some(na), Some(nb)) = (g.node(a), g.node(b)) else { continue };
        writeln!(
            out,
            "MATCH (a:Entity {{id: {}}}), (b:Entity {{id: {}}}) CREATE (a)-[:{} {{id: {}, label: {}, weight: {}, evidence: {}}}]->(b);",
            string(&na.id),
            string(&nb.id),
            table::relationship_type(&e.kind),
            string(&e.id),
            string(&e.label),
            e.weight,
            e.evidence.len()
        )?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_escaped() {
        assert_eq!(string("a'b\\c\nd"), r"'a\'b\\c\nd'");
        assert_eq!(key("merged_because"), "merged_because");
        assert_eq!(key("行政区"), "`行政区`");
        assert_eq!(value(&serde_json::json!(0.5)), "0.5");
        assert_eq!(value(&serde_json::json!("x")), "'x'");
    }
}
