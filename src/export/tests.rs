//! Round trips: every writer's output read back (XML with roxmltree, CSV with a small reader,
//! Cypher statement by statement) gives the graph's nodes, kinds, labels, edges and relation
//! types.

use std::collections::BTreeSet;

use super::*;
use crate::extract::HybridExtractor;

/// The sample plus a second article with a date of its own and awkward characters.
fn graph() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let a = crate::pipeline::load_bytes(crate::SAMPLE_NAME, crate::SAMPLE_ARTICLE, &HybridExtractor).unwrap();
    crate::pipeline::merge(&mut g, crate::SAMPLE_NAME, a).unwrap();
    let text = "校企合作签约\n2021-03-02 来源：测试网\n“A&B”科技（重庆）有限公司与西南大学签署《校企合作协议》，双方将共建“智能<传感>”实验室。\n";
    let b = crate::pipeline::load_bytes("b.txt", text.as_bytes(), &HybridExtractor).unwrap();
    crate::pipeline::merge(&mut g, "b.txt", b).unwrap();
    crate::layout::settle_graph(&mut g, 1);
    let analysis = crate::analyze::analyse(&g, 1, 1);
    crate::analyze::annotate(&mut g, &analysis);
    g
}

/// (id, label, kind) of every node, and (source, target, relation) of every edge.
type Content = (BTreeSet<(String, String, String)>, BTreeSet<(String, String, String)>);

fn content(g: &KnowledgeGraph) -> Content {
    let nodes = g.nodes().map(|(_, n)| (n.id.clone(), n.label.clone(), n.kind.as_str().to_owned())).collect();
    let edges = g
        .edges()
        .map(|(_, a, b, e)| (g.node(a).unwrap().id.clone(), g.node(b).unwrap().id.clone(), e.kind.clone()))
        .collect();
    (nodes, edges)
}

fn render(g: &KnowledgeGraph, format: Format) -> String {
    let mut out = Vec::new();
    write_to(g, format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn children<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    n.descendants().filter(|c| c.tag_name().name() == name).collect()
}

#[test]
fn gexf_reads_back_with_declared_attributes_and_dates() {
    let g = graph();
    let text = render(&g, Format::Gexf);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.attribute("version"), Some("1.3"));
    let graph_el = children(root, "graph")[0];
    assert_eq!(graph_el.attribute("timerepresentation"), Some("timestamp"));
    // every attvalue refers to a declared attribute
    let declared: BTreeSet<&str> = children(root, "attribute").iter().filter_map(|a| a.attribute("id")).collect();
    for v in children(root, "attvalue") {
        assert!(declared.contains(v.attribute("for").unwrap()));
    }
    let title_of = |id: &str| {
        children(root, "attribute")
            .into_iter()
            .find(|a| a.attribute("id") == Some(id))
            .and_then(|a| a.attribute("title"))
    };
    let value = |el: roxmltree::Node<'_, '_>, title: &str| {
        children(el, "attvalue")
            .into_iter()
            .find(|v| title_of(v.attribute("for").unwrap()) == Some(title))
            .and_then(|v| v.attribute("value"))
            .map(str::to_owned)
    };
    let nodes = children(root, "node")
        .into_iter()
        .map(|n| {
            (n.attribute("id").unwrap().to_owned(), n.attribute("label").unwrap().to_owned(), value(n, "kind").unwrap())
        })
        .collect();
    let edges = children(root, "edge")
        .into_iter()
        .map(|e| {
            (
                e.attribute("source").unwrap().to_owned(),
                e.attribute("target").unwrap().to_owned(),
                value(e, "relation").unwrap(),
            )
        })
        .collect();
    assert_eq!((nodes, edges), content(&g));
    // the relation type is never GEXF's own edge type; analysis results are declared with types
    assert!(children(root, "edge").iter().all(|e| e.attribute("type").is_none()));
    assert!(
        children(root, "attribute")
            .iter()
            .any(|a| a.attribute("title") == Some("pagerank") && a.attribute("type") == Some("double"))
    );
    // both articles' dates appear as timestamps, colours and sizes are there
    let stamps: String = children(root, "node").iter().filter_map(|n| n.attribute("timestamps")).collect();
    assert!(stamps.contains("2020-05-14") && stamps.contains("2021-03-02"), "{stamps}");
    assert_eq!(children(root, "color").len(), g.node_count());
}

#[test]
fn graphml_reads_back_with_typed_keys() {
    let g = graph();
    let text = render(&g, Format::GraphMl);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    let keys: std::collections::HashMap<&str, (&str, &str)> = children(root, "key")
        .iter()
        .map(|k| (k.attribute("id").unwrap(), (k.attribute("attr.name").unwrap(), k.attribute("attr.type").unwrap())))
        .collect();
    let data = |el: roxmltree::Node<'_, '_>, name: &str| {
        children(el, "data")
            .into_iter()
            .find(|d| keys[d.attribute("key").unwrap()].0 == name)
            .and_then(|d| d.text())
            .unwrap_or_default()
            .to_owned()
    };
    let nodes = children(root, "node")
        .into_iter()
        .map(|n| (n.attribute("id").unwrap().to_owned(), data(n, "label"), data(n, "kind")))
        .collect();
    let edges = children(root, "edge")
        .into_iter()
        .map(|e| {
            (e.attribute("source").unwrap().to_owned(), e.attribute("target").unwrap().to_owned(), data(e, "relation"))
        })
        .collect();
    assert_eq!((nodes, edges), content(&g));
    assert!(keys.values().any(|&(name, t)| name == "community" && t == "long"));
}

/// A minimal RFC 4180 reader for the tests.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

#[test]
fn csv_reads_back_with_neo4j_headers_and_provenance() {
    let g = graph();
    let files: std::collections::HashMap<&str, Vec<Vec<String>>> =
        csv::to_strings(&g).into_iter().map(|(name, text)| (name, read_csv(&text))).collect();
    let nodes = &files["nodes.csv"];
    assert_eq!(&nodes[0][..3], ["id:ID(Entity)", "label", ":LABEL"]);
    assert!(nodes[0].contains(&"pagerank:double".to_owned()));
    let edges = &files["edges.csv"];
    assert_eq!(&edges[0][..3], [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]);
    let node_set = nodes[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[2].split(';').nth(1).unwrap().to_lowercase()))
        .collect();
    let edge_set = edges[1..].iter().map(|r| (r[0].clone(), r[1].clone(), r[2].to_lowercase())).collect();
    assert_eq!((node_set, edge_set), content(&g));
    let mentions: usize = g.nodes().map(|(_, n)| n.mentions.len()).sum();
    assert_eq!(files["mentions.csv"].len() - 1, mentions);
    assert_eq!(files["documents.csv"].len() - 1, g.documents().len());
    // a directory on disk, and no temporary file left
    let dir = tempfile::tempdir().unwrap();
    write_file(&g, Format::Csv, &dir.path().join("out")).unwrap();
    let names: BTreeSet<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["documents.csv", "edges.csv", "mentions.csv", "nodes.csv"].map(str::to_owned).into());
    assert!(write_to(&g, Format::Csv, Vec::new()).is_err(), "csv is not a stream");
}

#[test]
fn cypher_has_one_statement_per_node_and_edge() {
    let g = graph();
    let text = render(&g, Format::Cypher);
    let statements: Vec<&str> = text.lines().filter(|l| !l.starts_with("//")).collect();
    assert!(statements.iter().all(|s| s.ends_with(';')));
    let creates: Vec<&&str> = statements.iter().filter(|s| s.starts_with("CREATE (:Entity:")).collect();
    let matches: Vec<&&str> = statements.iter().filter(|s| s.starts_with("MATCH ")).collect();
    assert_eq!(creates.len(), g.node_count());
    assert_eq!(matches.len(), g.edge_count());
    // strings with quotes are escaped: no statement has an odd number of unescaped quotes
    for s in &statements {
        let unescaped = s.replace("\\\\", "").replace("\\'", "");
        assert_eq!(unescaped.matches('\'').count() % 2, 0, "{s}");
    }
    assert!(text.contains(":SISTER_CITY {"));
}

#[test]
fn formats_parse_by_name() {
    for (name, f) in [
        ("json", Format::Json),
        ("GEXF", Format::Gexf),
        ("graphml", Format::GraphMl),
        ("csv", Format::Csv),
        ("cypher", Format::Cypher),
    ] {
        assert_eq!(Format::parse(name), Ok(f));
    }
    assert!(Format::parse("dot").unwrap_err().contains("known: json, gexf"));
}
