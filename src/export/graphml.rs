//! `GraphML`: a `<key>` with `attr.type` for every attribute (node `label`, `kind`, `key`,
//! `aliases`, `mentions`, `x`, `y` and every node attribute with analysis results; edge
//! `relation`, `label`, `weight`, `evidence`), one directed graph.

use std::io::{self, Write};

use super::table::{self, xml_escape};
use crate::graph::KnowledgeGraph;

/// Writes the graph as `GraphML`.
///
/// # Errors
/// The writer fails.
pub fn write(g: &KnowledgeGraph, out: impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let columns = table::attribute_columns(g);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    writeln!(out, "  <!-- {} -->", xml_escape(crate::GENERATOR))?;
    let fixed_node = [
        ("label", "string"),
        ("kind", "string"),
        ("key", "string"),
        ("aliases", "string"),
        ("mentions", "long"),
        ("x", "double"),
        ("y", "double"),
    ];
    for (name, t) in fixed_node {
        writeln!(out, r#"  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{t}"/>"#)?;
    }
    for (k, c) in columns.iter().enumerate() {
        writeln!(
            out,
            r#"  <key id="a{k}" for="node" attr.name="{}" attr.type="{}"/>"#,
            xml_escape(&c.name),
            c.kind.xml_name()
        )?;
    }
    for (name, t) in [("relation", "string"), ("label", "string"), ("weight", "double"), ("evidence", "long")] {
        writeln!(out, r#"  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{t}"/>"#)?;
    }
    writeln!(out, r#"  <graph id="G" edgedefault="directed">"#)?;
    for (_, n) in g.nodes() {
        writeln!(out, r#"    <node id="{}">"#, xml_escape(&n.id))?;
        let mut fixed = vec![
            ("label", n.label.clone()),
            ("kind", n.kind.as_str().to_owned()),
            ("key", n.key.to_string()),
            ("aliases", table::aliases_text(n)),
            ("mentions", n.mentions.len().to_string()),
        ];
        if let Some([x, y]) = n.pos {
            fixed.push(("x", format!("{x:.2}")));
            fixed.push(("y", format!("{y:.2}")));
        }
        for (name, v) in fixed {
            writeln!(out, r#"      <data key="n_{name}">{}</data>"#, xml_escape(&v))?;
        }
        for (k, c) in columns.iter().enumerate() {
            if let Some(v) = n.attrs.get(&c.name) {
                writeln!(out, r#"      <data key="a{k}">{}</data>"#, xml_escape(&table::value_text(v)))?;
            }
        }
        writeln!(out, "    </node>")?;
    }
    for (_, a, b, e) in g.edges() {
        let (Some(na), Some(nb)) = (g.node(a), g.node(b)) else { continue };
        writeln!(
            out,
            r#"    <edge id="{}" source="{}" target="{}">"#,
            xml_escape(&e.id),
            xml_escape(&na.id),
            xml_escape(&nb.id)
        )?;
        writeln!(out, r#"      <data key="e_relation">{}</data>"#, xml_escape(&e.kind))?;
        writeln!(out, r#"      <data key="e_label">{}</data>"#, xml_escape(&e.label))?;
        writeln!(out, r#"      <data key="e_weight">{}</data>"#, e.weight)?;
        writeln!(out, r#"      <data key="e_evidence">{}</data>"#, e.evidence.len())?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    out.flush()
}
