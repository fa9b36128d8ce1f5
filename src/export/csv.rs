//! CSV for `neo4j-admin database import` (a directory): `nodes.csv` (`id:ID(Entity)`, `:LABEL` =
//! `Entity;<Kind>`, typed attribute columns), `edges.csv` (`:START_ID`, `:END_ID`, `:TYPE`,
//! `label`, `weight:long`, `evidence:long`), `documents.csv` (label `Document`) and
//! `mentions.csv` (entity → document, `MENTIONED_IN`, with character offsets): the graph with its
//! provenance. Fields are quoted as RFC 4180 says; arrays are separated by `;`.

use std::io;
use std::path::Path;

use super::table::{self, ColumnType};
use crate::graph::KnowledgeGraph;

/// A field, quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
}

/// An array field: items joined by `;` (a `;` inside an item becomes the full-width `；`).
fn array(items: &[String]) -> String {
    field(&items.iter().map(|s| s.replace(';', "；")).collect::<Vec<_>>().join(";"))
}

fn header_type(t: ColumnType) -> &'static str {
    match t {
        ColumnType::Integer => ":long",
        ColumnType::Double => ":double",
        ColumnType::Boolean => ":boolean",
        ColumnType::String => "",
    }
}

/// The four files' contents, by name.
fn files(g: &KnowledgeGraph) -> [(&'static str, String); 4] {
    let columns = table::attribute_columns(g);
    let mut nodes = String::from("id:ID(Entity),label,:LABEL,key,aliases:string[],mentions:long");
    for c in &columns {
        nodes.push(',');
        nodes.push_str(&field(&format!("{}{}", c.name, header_type(c.kind))));
    }
    nodes.push('\n');
    let mut mentions = String::from(":START_ID(Entity),:END_ID(Document),:TYPE,start:long,end:long\n");
    for (_, n) in g.nodes() {
        let cells = [
            field(&n.id),
            field(&n.label),
            format!("Entity;{}", table::kind_label(n.kind)),
            field(&n.key.to_string()),
            array(&n.aliases),
            n.mentions.len().to_string(),
        ];
        nodes.push_str(&cells.join(","));
        for c in &columns {
            nodes.push(',');
            if let Some(v) = n.attrs.get(&c.name) {
                nodes.push_str(&field(&table::value_text(v)));
            }
        }
        nodes.push('\n');
        for m in &n.mentions {
            if let Some(d) = g.documents().get(m.doc) {
                let _ = writeln!(
                    mentions,
                    "{},{},MENTIONED_IN,{},{}",
                    field(&n.id),
                    field(&d.record.id),
                    m.span.start,
                    m.span.end
                );
            }
        }
    }
    let mut edges = String::from(":START_ID(Entity),:END_ID(Entity),:TYPE,label,weight:long,evidence:long\n");
    for (_, a, b, e) in g.edges() {
        let (Some(na), Some(nb)) = (g.node(a), g.node(b)) else { continue };
        let _ = writeln!(
            edges,
            "{},{},{},{},{},{}",
            field(&na.id),
            field(&nb.id),
            table::relationship_type(&e.kind),
            field(&e.label),
            e.weight,
            e.evidence.len()
        );
    }
    let mut documents = String::from("id:ID(Document),:LABEL,path,title,source,published,authors:string[]\n");
    for d in g.documents() {
        let r = &d.record;
        let _ = writeln!(
            documents,
            "{},Document,{},{},{},{},{}",
            field(&r.id),
            field(&r.path),
            field(&r.title),
            field(r.source.as_deref().unwrap_or_default()),
            field(r.published.as_deref().unwrap_or_default()),
            array(&r.authors)
        );
    }
    [("nodes.csv", nodes), ("edges.csv", edges), ("documents.csv", documents), ("mentions.csv", mentions)]
}

/// Writes the four files into `dir` (created if needed), each atomically.
///
/// # Errors
/// The directory or a file cannot be written.
pub fn write_dir(g: &KnowledgeGraph, dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in files(g) {
        crate::atomic::write(&dir.join(name), |out| out.write_all(text.as_bytes()))?;
    }
    Ok(())
}

/// The files as text, by name (for tests and previews).
#[must_use]
pub fn to_strings(g: &KnowledgeGraph) -> Vec<(&'static str, String)> {
    files(g).into_iter().collect()
}

use std::fmt::Write as _;
