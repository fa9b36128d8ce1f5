//! Entity tagging of lines, streamed (what `zhitu tag` runs): each input line — plain text, or
//! a JSON object with a string `text` — becomes one JSON object
//! `{"text": …, "entities": [{"start", "end", "kind", "text"}]}`, in order.
//!
//! Lines are read in bounded chunks (memory does not grow with input length) and tagged on all
//! cores. A line that is not UTF-8, or a JSON line without a string `text`, yields an object with
//! no entities and an `error` field, and is reported; the other lines still come out.

use std::io::{BufRead, Write};

use crate::extract::{Extractor, TaggedSpan};

#[derive(serde::Serialize)]
struct Tagged<'a> {
    text: &'a str,
    entities: Vec<TaggedSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Lines read before they are tagged together on all cores: bounds memory to one chunk.
const CHUNK_LINES: usize = 512;
const CHUNK_BYTES: usize = 4 << 20;

/// Tags every line of `input` into `out`, in order; returns how many lines had errors. Lines are
/// read in chunks of at most [`CHUNK_LINES`] lines or [`CHUNK_BYTES`] bytes (a longer line is a
/// chunk of its own), and each chunk is tagged on all cores.
///
/// # Errors
/// Reading the input or writing the output failed.
pub fn tag_stream(
    mut input: impl BufRead,
    out: &mut impl Write,
    extractor: &dyn Extractor,
    mut on_error: impl FnMut(&str),
) -> std::io::Result<usize> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut line_no = 0usize;
    let mut bad = 0;
    loop {
        let mut chunk: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut bytes = 0;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            let mut buf = Vec::new();
            if input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            line_no += 1;
            while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                buf.pop();
            }
            bytes += buf.len();
            chunk.push((line_no, buf));
        }
        if chunk.is_empty() {
            break;
        }
        let tagged = tag_chunk(&chunk, extractor, threads);
        for (text, entities, error) in tagged {
            if let Some(e) = &error {
                on_error(e);
                bad += 1;
            }
            serde_json::to_writer(&mut *out, &Tagged { text: &text, entities, error })?;
            out.write_all(b"\n")?;
        }
    }
    Ok(bad)
}

type LineResult = (String, Vec<TaggedSpan>, Option<String>);

/// Lines a worker takes at a time: the tagger shares work between the lines of a batch.
const BATCH_LINES: usize = 32;

/// The lines of a batch tagged together: the text of each line (or why it has none), then one
/// call of [`Extractor::tag_many`] over the good ones.
fn tag_lines(batch: &[(usize, Vec<u8>)], extractor: &dyn Extractor) -> Vec<LineResult> {
    let texts: Vec<Result<String, String>> = batch
        .iter()
        .map(|(line_no, raw)| match std::str::from_utf8(raw) {
            Err(e) => Err(format!("line {line_no}: not valid UTF-8 (byte {})", e.valid_up_to())),
            Ok(s) => line_text(s).map_err(|e| format!("line {line_no}: {e}")),
        })
        .collect();
    let good: Vec<&str> = texts.iter().filter_map(|t| t.as_deref().ok()).collect();
    let mut tagged = extractor.tag_many(&good).into_iter();
    texts
        .into_iter()
        .map(|t| match t {
            Ok(text) => {
                let entities = tagged.next().unwrap_or_default();
                (text, entities, None)
            }
            Err(e) => (String::new(), Vec::new(), Some(e)),
        })
        .collect()
}

/// The lines of a chunk tagged on `threads` threads in batches, in input order.
fn tag_chunk(chunk: &[(usize, Vec<u8>)], extractor: &dyn Extractor, threads: usize) -> Vec<LineResult> {
    let batches: Vec<&[(usize, Vec<u8>)]> = chunk.chunks(BATCH_LINES).collect();
    crate::par::map_ordered(&batches, threads, || (), |(), batch| tag_lines(batch, extractor))
        .into_iter()
        .flatten()
        .collect()
}

/// The text of a line: the `text` field of a JSON object line, or the line itself.
fn line_text(line: &str) -> Result<String, String> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('{') {
        let v: serde_json::Value = serde_json::from_str(trimmed).map_err(|e| format!("invalid JSON: {e}"))?;
        return v
            .get("text")
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| "JSON line has no string \"text\" field".to_owned());
    }
    Ok(line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::HybridExtractor;

    fn run_lines(input: &[u8]) -> (Vec<serde_json::Value>, usize) {
        let mut out = Vec::new();
        let bad = tag_stream(input, &mut out, &HybridExtractor, |_| {}).unwrap();
        let lines = String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        (lines, bad)
    }

    #[test]
    fn plain_and_json_lines() {
        let (out, bad) = run_lines("北碚区委书记周旭表示\n{\"text\": \"绵阳市很美\", \"id\": 3}\n\n".as_bytes());
        assert_eq!(bad, 0);
        assert_eq!(out.len(), 3);
        assert_eq!(
            out[0]["entities"].as_array().unwrap().iter().find(|e| e["kind"] == "person").unwrap()["text"],
            "周旭"
        );
        assert_eq!(out[1]["text"], "绵阳市很美");
        assert_eq!(out[1]["entities"][0]["start"], 0);
        assert_eq!(out[1]["entities"][0]["end"], 3);
        assert_eq!(out[2]["entities"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn bad_lines_are_reported_and_the_rest_go_on() {
        let mut input = b"\xff\xfe bad\n{\"id\": 1}\n".to_vec();
        input.extend("北碚区\n".as_bytes());
        let (out, bad) = run_lines(&input);
        assert_eq!(bad, 2);
        assert_eq!(out.len(), 3);
        assert!(out[0]["error"].as_str().unwrap().contains("UTF-8"));
        assert!(out[1]["error"].as_str().unwrap().contains("text"));
        assert_eq!(out[2]["entities"][0]["text"], "北碚区");
    }

    #[test]
    fn order_is_kept_across_chunks_and_threads() {
        let input: String = (0..1_500).map(|i| format!("{}北碚区\n", "。".repeat(i % 7))).collect();
        let (out, bad) = run_lines(input.as_bytes());
        assert_eq!(bad, 0);
        assert_eq!(out.len(), 1_500);
        for (i, o) in out.iter().enumerate() {
            assert_eq!(o["entities"][0]["start"], i % 7, "line {i}");
        }
    }

    #[test]
    fn a_long_line_is_fine() {
        let line = "北碚区与绵阳市合作。".repeat(3_000);
        let (out, bad) = run_lines(format!("{line}\n").as_bytes());
        assert_eq!(bad, 0);
        assert!(out[0]["entities"].as_array().unwrap().len() >= 6_000);
    }
}
