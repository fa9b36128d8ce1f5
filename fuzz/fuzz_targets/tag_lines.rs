//! Fuzz target: bytes as the input of `zhitu tag` (lines of plain text or JSON objects with a
//! `text`). Checks that no input panics, that every input line gives exactly one output line of
//! JSON, and that every entity's span lies inside its line's text and selects its `text`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhitu::extract::HybridExtractor;

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    let bad = zhitu::tag::tag_stream(data, &mut out, &HybridExtractor, |_| {}).expect("in-memory I/O");
    let lines = data.split(|&b| b == b'\n').count() - usize::from(data.is_empty() || data.ends_with(b"\n"));
    let output = String::from_utf8(out).expect("the output is UTF-8");
    let objects: Vec<serde_json::Value> =
        output.lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect();
    assert_eq!(objects.len(), lines);
    assert_eq!(objects.iter().filter(|o| o.get("error").is_some()).count(), bad);
    for o in &objects {
        let text: Vec<char> = o["text"].as_str().expect("a text").chars().collect();
        for e in o["entities"].as_array().expect("entities") {
            let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            assert!(start < end && end <= text.len(), "{e} outside a line of {} chars", text.len());
            assert_eq!(text[start..end].iter().collect::<String>(), e["text"].as_str().unwrap());
        }
    }
});
