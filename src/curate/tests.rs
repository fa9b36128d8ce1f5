use std::collections::BTreeSet;

use super::*;
use crate::graph::model::GraphFile;

const FIRST: &str = "京东方科技集团在北碚区投资建厂。京东方与西南大学签署合作协议。李明远教授出席签约仪式。";
const LATER: &str = "京东方科技集团发布新品。北碚区领导参观了京东方科技集团展厅。";

/// Char offsets of the `nth` occurrence of `what` in `text`.
fn at(text: &str, what: &str, nth: usize) -> (usize, usize) {
    let byte = text.match_indices(what).nth(nth).map(|(i, _)| i).expect("in the text");
    let start = text[..byte].chars().count();
    (start, start + what.chars().count())
}

fn span(doc: &str, text: &str, what: &str, nth: usize) -> serde_json::Value {
    let (start, end) = at(text, what, nth);
    serde_json::json!({"doc": doc, "start": start, "end": end})
}

/// A small graph as a file: 京东方 and 京东方科技集团 are one company extracted as two.
fn first_file() -> GraphFile {
    let t = FIRST;
    serde_json::from_value(serde_json::json!({
        "format": "zhitu-graph", "version": 1,
        "documents": [{"id": "d1", "path": "a.txt", "title": "签约", "text": t}],
        "nodes": [
            {"id": "n1", "key": "org:京东方科技集团", "label": "京东方科技集团", "kind": "organization",
             "mentions": [span("d1", t, "京东方科技集团", 0)]},
            {"id": "n2", "key": "org:京东方", "label": "京东方", "kind": "organization",
             "mentions": [span("d1", t, "京东方", 1)]},
            {"id": "n3", "key": "area:500109", "label": "北碚区", "kind": "place", "attrs": {"adcode": "500109"},
             "mentions": [span("d1", t, "北碚区", 0)]},
            {"id": "n4", "key": "org:西南大学", "label": "西南大学", "kind": "organization",
             "mentions": [span("d1", t, "西南大学", 0)]},
            {"id": "n5", "key": "person:李明远#d1", "label": "李明远", "kind": "person",
             "mentions": [span("d1", t, "李明远", 0)]}
        ],
        "edges": [
            {"id": "e1", "source": "n1", "target": "n3", "type": "located_in", "label": "投资建厂", "weight": 1,
             "evidence": [span("d1", t, "京东方科技集团在北碚区投资建厂。", 0)]},
            {"id": "e2", "source": "n2", "target": "n4", "type": "cooperates_with", "label": "签署", "weight": 1,
             "evidence": [span("d1", t, "京东方与西南大学签署合作协议。", 0)]},
            {"id": "e3", "source": "n4", "target": "n5", "type": "co_occurs", "weight": 1,
             "evidence": [span("d1", t, "李明远教授出席签约仪式。", 0)]}
        ]
    }))
    .expect("a valid file")
}

/// A later article that brings 京东方科技集团 again (the key the analyst merged away stays the
/// extracted one here: 京东方 is kept).
fn later_file() -> GraphFile {
    let t = LATER;
    serde_json::from_value(serde_json::json!({
        "format": "zhitu-graph", "version": 1,
        "documents": [{"id": "d1", "path": "b.txt", "title": "新品", "text": t}],
        "nodes": [
            {"id": "n1", "key": "org:京东方科技集团", "label": "京东方科技集团", "kind": "organization",
             "mentions": [span("d1", t, "京东方科技集团", 0), span("d1", t, "京东方科技集团", 1)]},
            {"id": "n2", "key": "area:500109", "label": "北碚区", "kind": "place", "attrs": {"adcode": "500109"},
             "mentions": [span("d1", t, "北碚区", 0)]}
        ],
        "edges": [
            {"id": "e1", "source": "n2", "target": "n1", "type": "co_occurs", "weight": 1,
             "evidence": [span("d1", t, "北碚区领导参观了京东方科技集团展厅。", 0)]}
        ]
    }))
    .expect("a valid file")
}

/// The graph's content, independent of ids and order: nodes by key with names, kind, mentions
/// and attributes; edges by their ends' keys and type with evidence and weight.
fn content(g: &KnowledgeGraph) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, n) in g.nodes() {
        let mut aliases = n.aliases.clone();
        aliases.sort();
        let mut mentions = n.mentions.clone();
        mentions.sort();
        out.insert(format!("{} {} {:?} {aliases:?} {mentions:?} {:?} {:?}", n.key, n.label, n.kind, n.attrs, n.extra));
    }
    for (_, a, b, e) in g.edges() {
        let mut ev = e.evidence.clone();
        ev.sort();
        let (a, b) = (&g.node(a).unwrap().key, &g.node(b).unwrap().key);
        out.insert(format!("{a} -{}-> {b} {} {} {ev:?} {:?}", e.kind, e.label, e.weight, e.extra));
    }
    out
}

fn graph() -> KnowledgeGraph {
    KnowledgeGraph::from_file(first_file()).unwrap()
}

fn merge_op() -> EditOp {
    EditOp::Merge { keep: "org:京东方".into(), absorb: "org:京东方科技集团".into(), absorbed: None }
}

fn node<'g>(g: &'g KnowledgeGraph, key: &str) -> Option<&'g crate::graph::Node> {
    g.node_by_key(&Key::parse(key).unwrap()).and_then(|n| g.node(n))
}

#[test]
fn a_merge_joins_names_mentions_and_edges_and_undo_gives_the_graph_back() {
    let mut g = graph();
    let before = content(&g);
    apply(&mut g, merge_op(), "same company").unwrap();
    assert_eq!(g.node_count(), 4);
    let boe = node(&g, "org:京东方").unwrap();
    assert!(boe.is_named("京东方科技集团"));
    assert_eq!(boe.mentions.len(), 2);
    assert_eq!(boe.attrs["merged_because"], "the analyst: same company");
    // the absorbed key names no node of its own now
    assert!(node(&g, "org:京东方科技集团").is_none());
    // its edge to 北碚区 moved over
    let k = g.node_by_key(&Key::parse("org:京东方").unwrap()).unwrap();
    let beibei = g.node_by_key(&Key::Area(500_109)).unwrap();
    assert!(g.find_edge(k, beibei, "located_in").is_some());
    assert_eq!(g.edits().len(), 1);
    assert!(describe(&g.edits()[0].op).contains("京东方科技集团 into 京东方"));

    let undone = undo(&mut g).unwrap().unwrap();
    assert_eq!(content(&g), before);
    assert!(g.edits().is_empty());
    // and redo merges again
    redo(&mut g, undone).unwrap();
    assert_eq!(g.node_count(), 4);
    assert_eq!(g.edits().len(), 1);
}

#[test]
fn a_merge_survives_new_articles_and_saving() {
    let mut g = graph();
    apply(&mut g, merge_op(), "").unwrap();
    // a new article bringing the absorbed key joins the kept node
    g.merge_file(later_file()).unwrap();
    assert!(reapply(&mut g).is_empty());
    let boe = node(&g, "org:京东方").unwrap();
    assert_eq!(boe.mentions.len(), 4);
    assert_eq!(g.nodes().filter(|(_, n)| n.is_named("京东方科技集团")).count(), 1);

    // saved, then opened with the new article merged in afterwards (`zhitu extract saved.json new/`)
    let mut saved = graph();
    apply(&mut saved, merge_op(), "").unwrap();
    let file = saved.to_file();
    assert_eq!(file.edits.len(), 1);
    let json = serde_json::to_string(&file).unwrap();
    let mut opened = KnowledgeGraph::from_file(serde_json::from_str(&json).unwrap()).unwrap();
    let as_saved = content(&opened);
    assert!(reapply(&mut opened).is_empty());
    assert_eq!(content(&opened), as_saved, "re-applying what holds changes nothing");
    opened.merge_file(later_file()).unwrap();
    assert!(reapply(&mut opened).is_empty());
    assert_eq!(content(&opened), content(&g), "saved + new = together");

    // and the other order: the new article first, then the saved graph with its edit
    let mut other = KnowledgeGraph::from_file(later_file()).unwrap();
    other.merge_file(serde_json::from_str(&json).unwrap()).unwrap();
    assert!(reapply(&mut other).is_empty());
    assert_eq!(other.nodes().filter(|(_, n)| n.is_named("京东方科技集团")).count(), 1);
    assert_eq!(node(&other, "org:京东方").unwrap().mentions.len(), 4);
}

#[test]
fn undoing_a_merge_after_new_articles_gives_back_what_they_brought_too() {
    let mut g = graph();
    apply(&mut g, merge_op(), "").unwrap();
    g.merge_file(later_file()).unwrap();
    reapply(&mut g);
    undo(&mut g).unwrap().unwrap();
    assert_eq!(node(&g, "org:京东方科技集团").unwrap().mentions.len(), 3);
    assert_eq!(node(&g, "org:京东方").unwrap().mentions.len(), 1);
}

#[test]
fn a_split_moves_the_chosen_mentions_and_their_edges_and_undoes() {
    let mut g = graph();
    apply(&mut g, merge_op(), "").unwrap();
    let before = content(&g);
    let boe = node(&g, "org:京东方").unwrap();
    let group = boe.mentions.iter().find(|m| m.span.end - m.span.start == 7).copied().unwrap();
    let d = g.fingerprint(group.doc).unwrap();
    let into = key_for_split(&boe.key, EntityKind::Organization, "京东方科技集团", "d1").to_string();
    let op = EditOp::Split {
        node: "org:京东方".into(),
        into: into.clone(),
        label: "京东方科技集团".into(),
        mentions: vec![DocSpan { doc: d, start: group.span.start, end: group.span.end }],
    };
    apply(&mut g, op, "the group, not the brand").unwrap();
    assert_eq!(g.node_count(), 5);
    let split_off = g.node_by_key(&Key::parse(&into).unwrap()).unwrap();
    let beibei = g.node_by_key(&Key::Area(500_109)).unwrap();
    // the located_in sentence names only the group: its edge went with it
    assert!(g.find_edge(split_off, beibei, "located_in").is_some());
    let boe = g.node_by_key(&Key::parse("org:京东方").unwrap()).unwrap();
    assert!(g.find_edge(boe, beibei, "located_in").is_none());
    undo(&mut g).unwrap().unwrap();
    assert_eq!(content(&g), before);
}

#[test]
fn rename_retype_hide_add_and_mark_wrong_each_undo() {
    let ops = [
        EditOp::Rename {
            node: "org:西南大学".into(), label: "西南大学（重庆）".into(), from: String::new()
        },
        EditOp::Retype { node: "org:京东方".into(), to: EntityKind::Initiative, from: None },
        EditOp::HideNode { node: "person:李明远#d1".into() },
        EditOp::HideEdge {
            source: "org:西南大学".into(),
            target: "person:李明远#d1".into(),
            relation: "co_occurs".into(),
        },
        EditOp::AddEdge {
            source: "person:李明远#d1".into(),
            target: "org:西南大学".into(),
            relation: "works_for".into(),
            label: "教授".into(),
        },
        EditOp::MarkWrong {
            source: "org:京东方".into(),
            target: "org:西南大学".into(),
            relation: "cooperates_with".into(),
            removed: None,
        },
    ];
    for op in ops {
        let mut g = graph();
        let before = content(&g);
        apply(&mut g, op.clone(), "checked").unwrap();
        assert_ne!(content(&g), before, "{op:?} changed nothing");
        // applying what holds again changes nothing
        let after = content(&g);
        assert!(reapply(&mut g).is_empty());
        assert_eq!(content(&g), after, "{op:?} is not idempotent");
        undo(&mut g).unwrap().unwrap();
        assert_eq!(content(&g), before, "{op:?} did not undo");
    }
}

#[test]
fn a_wrong_relation_stays_out_when_articles_bring_it_again() {
    let mut g = graph();
    let op = EditOp::MarkWrong {
        source: "area:500109".into(),
        target: "org:京东方科技集团".into(),
        relation: "co_occurs".into(),
        removed: None,
    };
    // the relation only the later article states: marking it is possible once it is there
    g.merge_file(later_file()).unwrap();
    apply(&mut g, op, "").unwrap();
    let (a, b) = (
        g.node_by_key(&Key::Area(500_109)).unwrap(),
        g.node_by_key(&Key::parse("org:京东方科技集团").unwrap()).unwrap(),
    );
    assert!(g.find_edge(a, b, "co_occurs").is_none());
    let json = serde_json::to_string(&g.to_file()).unwrap();
    let mut again = KnowledgeGraph::from_file(serde_json::from_str(&json).unwrap()).unwrap();
    again.merge_file(later_file()).unwrap();
    assert!(reapply(&mut again).is_empty());
    let (a, b) = (
        again.node_by_key(&Key::Area(500_109)).unwrap(),
        again.node_by_key(&Key::parse("org:京东方科技集团").unwrap()).unwrap(),
    );
    assert!(again.find_edge(a, b, "co_occurs").is_none());
}

#[test]
fn edits_that_no_longer_apply_are_reported_and_kept() {
    let mut g = graph();
    apply(&mut g, EditOp::Rename { node: "org:西南大学".into(), label: "西南大学".into(), from: String::new() }, "")
        .unwrap();
    // a log naming a node this graph does not have (the file of another corpus)
    let mut file = g.to_file();
    file.edits.push(EditRecord {
        time: "2026-11-28T10:00:00Z".into(),
        op: EditOp::HideNode { node: "org:重庆大学".into() },
        note: String::new(),
    });
    let mut opened = KnowledgeGraph::from_file(file).unwrap();
    let stale = reapply(&mut opened);
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].index, 1);
    assert_eq!(stale[0].reason.to_string(), "no node has the key org:重庆大学");
    assert_eq!(opened.edits().len(), 2);
}

#[test]
fn bad_edits_change_nothing() {
    let mut g = graph();
    let before = content(&g);
    let same = EditOp::Merge { keep: "org:京东方".into(), absorb: "org:京东方".into(), absorbed: None };
    assert_eq!(apply(&mut g, same, ""), Err(CurateError::SameNode));
    let unknown = EditOp::Merge { keep: "org:没有".into(), absorb: "org:京东方".into(), absorbed: None };
    assert!(matches!(apply(&mut g, unknown, ""), Err(CurateError::NoNode(_))));
    let empty = EditOp::Rename { node: "org:京东方".into(), label: "  ".into(), from: String::new() };
    assert_eq!(apply(&mut g, empty, ""), Err(CurateError::EmptyName));
    assert!(matches!(apply(&mut g, EditOp::HideNode { node: "nonsense".into() }, ""), Err(CurateError::BadKey(_))));
    assert_eq!(content(&g), before);
    assert!(g.edits().is_empty());
    assert!(undo(&mut g).is_none());
}

#[test]
fn a_hide_is_shown_again_out_of_order_and_other_edits_are_not() {
    let mut g = graph();
    apply(&mut g, EditOp::HideNode { node: "person:李明远#d1".into() }, "").unwrap();
    apply(&mut g, merge_op(), "").unwrap();
    assert_eq!(unhide(&mut g, 1), Err(CurateError::OutOfOrder));
    let shown = unhide(&mut g, 0).unwrap();
    assert!(matches!(shown.op, EditOp::HideNode { .. }));
    assert!(!node(&g, "person:李明远#d1").unwrap().extra.contains_key(HIDDEN));
    assert_eq!(g.edits().len(), 1);
    assert!(matches!(g.edits()[0].op, EditOp::Merge { .. }));
}

#[test]
fn an_edit_before_a_merge_stays_with_the_node_it_named() {
    let mut g = graph();
    let rename = EditOp::Rename {
        node: "org:京东方科技集团".into(), label: "京东方集团".into(), from: String::new()
    };
    apply(&mut g, rename, "").unwrap();
    apply(&mut g, merge_op(), "").unwrap();
    let after = content(&g);
    // re-applying does not rename the node that absorbed it
    assert!(reapply(&mut g).is_empty());
    assert_eq!(content(&g), after);
    assert_eq!(node(&g, "org:京东方").unwrap().label, "京东方");
}

#[test]
fn undoing_a_merge_keeps_the_kept_nodes_own_evidence_and_edges_added_by_hand() {
    let mut g = graph();
    // both name the same sentence as evidence for their tie to 西南大学
    let (group, swu) = (
        g.node_by_key(&Key::parse("org:京东方科技集团").unwrap()).unwrap(),
        g.node_by_key(&Key::parse("org:西南大学").unwrap()).unwrap(),
    );
    let boe = g.node_by_key(&Key::parse("org:京东方").unwrap()).unwrap();
    let shared = g.edge(g.find_edge(boe, swu, "cooperates_with").unwrap()).unwrap().2.evidence.clone();
    g.put_edge(group, swu, "cooperates_with", "签署", shared);
    let link = EditOp::AddEdge {
        source: "org:京东方科技集团".into(),
        target: "person:李明远#d1".into(),
        relation: "related".into(),
        label: "顾问".into(),
    };
    apply(&mut g, link, "").unwrap();
    let before = content(&g);
    apply(&mut g, merge_op(), "").unwrap();
    undo(&mut g).unwrap().unwrap();
    assert_eq!(content(&g), before);
}

#[test]
fn a_split_into_a_key_another_node_has_is_refused() {
    let mut g = graph();
    let m = node(&g, "org:京东方科技集团").unwrap().mentions[0];
    let op = EditOp::Split {
        node: "org:京东方科技集团".into(),
        into: "org:京东方".into(),
        label: "京东方".into(),
        mentions: vec![DocSpan { doc: g.fingerprint(m.doc).unwrap(), start: m.span.start, end: m.span.end }],
    };
    assert_eq!(apply(&mut g, op, ""), Err(CurateError::KeyTaken("org:京东方".into())));
}

#[test]
fn a_merge_split_back_again_settles_and_does_not_churn() {
    let mut g = graph();
    apply(&mut g, merge_op(), "").unwrap();
    let boe = node(&g, "org:京东方").unwrap();
    let m = boe.mentions.iter().copied().find(|m| m.span.end - m.span.start == 7).unwrap();
    let op = EditOp::Split {
        node: "org:京东方".into(),
        into: "org:京东方科技集团".into(),
        label: "京东方科技集团".into(),
        mentions: vec![DocSpan { doc: g.fingerprint(m.doc).unwrap(), start: m.span.start, end: m.span.end }],
    };
    apply(&mut g, op, "").unwrap();
    let settled = content(&g);
    assert!(reapply(&mut g).is_empty());
    assert!(reapply(&mut g).is_empty());
    assert_eq!(content(&g), settled);
    let log = serde_json::to_string(g.edits()).unwrap();
    reapply(&mut g);
    assert_eq!(serde_json::to_string(g.edits()).unwrap(), log, "the log grows with each re-application");
}
