//! Fuzz target: bytes as a graph JSON file (`export::json::from_str`), then, when it reads,
//! merged into a graph that has articles and edits, with the edits re-applied, written back and
//! read again. Checks that no input panics, that a bad file leaves the graph as it was, and
//! that what is written reads back to the same JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhitu::export::json;

/// A small graph with an edit, built once.
fn base() -> zhitu::graph::KnowledgeGraph {
    let text = r#"{"format":"zhitu-graph","version":1,
      "documents":[{"id":"d1","path":"a.txt","text":"西南大学与京东方合作。"}],
      "nodes":[{"id":"n1","key":"org:西南大学","label":"西南大学","kind":"organization","mentions":[{"doc":"d1","start":0,"end":4}]},
               {"id":"n2","key":"org:京东方","label":"京东方","kind":"organization","mentions":[{"doc":"d1","start":5,"end":8}]}],
      "edges":[{"id":"e1","source":"n1","target":"n2","type":"cooperates_with","label":"合作","weight":1,"evidence":[{"doc":"d1","start":0,"end":11}]}],
      "edits":[{"time":"2026-11-28T00:00:00Z","kind":"rename","node":"org:京东方","label":"京东方科技","from":"京东方"}]}"#;
    let mut g = json::from_str(text).expect("the base graph reads");
    zhitu::curate::reapply(&mut g);
    g
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut g = base();
    let before = json::to_string(&g);
    let Ok(file) = json::parse(text) else {
        assert_eq!(json::to_string(&g), before);
        return;
    };
    if g.merge_file(file).is_err() {
        assert_eq!(json::to_string(&g), before, "a bad file changed the graph");
        return;
    }
    let _ = zhitu::curate::reapply(&mut g);
    let written = json::to_string(&g);
    let again = json::from_str(&written).expect("what Zhitu writes, it reads");
    assert_eq!(json::to_string(&again), written);
});
