//! GEXF 1.3 for Gephi and Gephi Lite: typed attribute declarations (`kind`, `key`, `aliases`,
//! `mentions`, every node attribute with analysis results), the relation type as the edge
//! attribute `relation` (GEXF's own edge `type` means directed or undirected), `viz:position`,
//! `viz:color` (by kind) and `viz:size` (by mentions), and the dates of the articles behind each
//! node and edge as `timestamps` so Gephi's timeline works.

use std::io::{self, Write};

use super::table::{self, xml_escape};
use crate::graph::KnowledgeGraph;

/// A GEXF timestamps value: `<[2020-05-14, 2020-06-01]>`.
fn timestamps(dates: &[String]) -> String {
    format!("<[{}]>", dates.join(", "))
}

/// Writes the graph as GEXF 1.3.
///
/// # Errors
/// The writer fails.
pub fn write(g: &KnowledgeGraph, out: impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let columns = table::attribute_columns(g);
    let dynamic = table::has_dates(g);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(out, "  <meta>\n    <creator>{}</creator>\n  </meta>", xml_escape(crate::GENERATOR))?;
    if dynamic {
        writeln!(
            out,
            r#"  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="timestamp">"#
        )?;
    } else {
        writeln!(out, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
    }
    writeln!(out, r#"    <attributes class="node" mode="static">"#)?;
    writeln!(out, r#"      <attribute id="kind" title="kind" type="string"/>"#)?;
    writeln!(out, r#"      <attribute id="key" title="key" type="string"/>"#)?;
    writeln!(out, r#"      <attribute id="aliases" title="aliases" type="string"/>"#)?;
    writeln!(out, r#"      <attribute id="mentions" title="mentions" type="long"/>"#)?;
    for (k, c) in columns.iter().enumerate() {
        writeln!(out, r#"      <attribute id="a{k}" title="{}" type="{}"/>"#, xml_escape(&c.name), c.kind.xml_name())?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, r#"    <attributes class="edge" mode="static">"#)?;
    writeln!(out, r#"      <attribute id="relation" title="relation" type="string"/>"#)?;
    writeln!(out, r#"      <attribute id="evidence" title="evidence" type="long"/>"#)?;
    writeln!(out, "    </attributes>")?;
    writeln!(out, "    <nodes>")?;
    for (_, n) in g.nodes() {
        write!(out, r#"      <node id="{}" label="{}""#, xml_escape(&n.id), xml_escape(&n.label))?;
        let dates = table::dates(g, &n.mentions);
        if dynamic && !dates.is_empty() {
            write!(out, r#" timestamps="{}""#, xml_escape(&timestamps(&dates)))?;
        }
        writeln!(out, ">")?;
        writeln!(out, "        <attvalues>")?;
        let fixed = [
            ("kind", n.kind.as_str().to_owned()),
            ("key", n.key.to_string()),
            ("aliases", table::aliases_text(n)),
            ("mentions", n.mentions.len().to_string()),
        ];
        for (id, v) in fixed {
            writeln!(out, r#"          <attvalue for="{id}" value="{}"/>"#, xml_escape(&v))?;
        }
        for (k, c) in columns.iter().enumerate() {
            if let Some(v) = n.attrs.get(&c.name) {
                writeln!(out, r#"          <attvalue for="a{k}" value="{}"/>"#, xml_escape(&table::value_text(v)))?;
            }
        }
        writeln!(out, "        </attvalues>")?;
        let [r, gr, b] = table::kind_rgb(n.kind);
        writeln!(out, r#"        <viz:color r="{r}" g="{gr}" b="{b}"/>"#)?;
        if let Some([x, y]) = n.pos {
            // GEXF's y axis points up
            writeln!(out, r#"        <viz:position x="{:.2}" y="{:.2}" z="0.0"/>"#, x, -y)?;
        }
        writeln!(out, r#"        <viz:size value="{:.2}"/>"#, table::node_size(n))?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (_, a, b, e) in g.edges() {
        let (Some(na), Some(nb)) = (g.node(a), g.node(b)) else { continue };
        write!(
            out,
            r#"      <edge id="{}" source="{}" target="{}" label="{}" weight="{}""#,
            xml_escape(&e.id),
            xml_escape(&na.id),
            xml_escape(&nb.id),
            xml_escape(&e.label),
            e.weight
        )?;
        let dates = table::dates(g, &e.evidence);
        if dynamic && !dates.is_empty() {
            write!(out, r#" timestamps="{}""#, xml_escape(&timestamps(&dates)))?;
        }
        writeln!(out, ">")?;
        writeln!(out, "        <attvalues>")?;
        writeln!(out, r#"          <attvalue for="relation" value="{}"/>"#, xml_escape(&e.kind))?;
        writeln!(out, r#"          <attvalue for="evidence" value="{}"/>"#, e.evidence.len())?;
        writeln!(out, "        </attvalues>")?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")?;
    out.flush()
}
