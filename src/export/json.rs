//! The native graph JSON (`"format": "zhitu-graph"`, `"version": 1`): writing and reading.
//! Output is pretty-printed with sorted attribute maps, so the same graph always gives the same
//! bytes.

use std::io::Write;

use crate::graph::model::GraphFile;
use crate::graph::view::FileView;
use crate::graph::{GraphError, KnowledgeGraph};

/// The graph as JSON text (ends with a newline).
#[must_use]
pub fn to_string(g: &KnowledgeGraph) -> String {
    // serializing our own model cannot fail: every map key is a string and floats are finite
    let mut s = serde_json::to_string_pretty(&FileView::new(g)).unwrap_or_default();
    s.push('\n');
    s
}

/// Writes the graph's JSON (the same bytes as [`to_string`]) to a writer, without holding the
/// whole text in memory.
///
/// # Errors
/// The writer fails.
pub fn write(g: &KnowledgeGraph, out: impl std::io::Write) -> std::io::Result<()> {
    write_view(&FileView::new(g), out)
}

/// Writes a borrowed view of a graph (its own or other top-level fields) as pretty JSON.
///
/// # Errors
/// The writer fails.
pub fn write_view(view: &FileView<'_>, out: impl std::io::Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, view).map_err(std::io::Error::other)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Writes the graph's JSON on one line (a `--jsonl` fragment), newline-terminated.
///
/// # Errors
/// The writer fails.
pub fn write_line(g: &KnowledgeGraph, mut out: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer(&mut out, &FileView::new(g)).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}

/// Why JSON text is not a usable graph.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("invalid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("invalid JSON: the text ends too early (a truncated file?): {0}")]
    Truncated(serde_json::Error),
    #[error("JSON, but not a Zhitu graph: {0}")]
    NotAGraph(String),
    #[error("{0}")]
    Graph(#[from] GraphError),
}

/// Parses graph JSON into the file model (not yet checked for consistency).
///
/// # Errors
/// The text is not JSON, or JSON of another kind (no or another `format`, a newer `version`), or
/// not of the graph format's shape.
pub fn parse(text: &str) -> Result<GraphFile, ReadError> {
    match serde_json::from_str(text) {
        Ok(file) => Ok(file),
        Err(e) if e.is_eof() => Err(ReadError::Truncated(e)),
        Err(e) if e.is_data() => {
            // JSON of another shape: say what it is before what field is missing
            let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { return Err(e.into()) };
            let Some(object) = value.as_object() else {
                return Err(ReadError::NotAGraph("the top level is not an object".into()));
            };
            match object.get("format").and_then(serde_json::Value::as_str) {
                None => Err(ReadError::NotAGraph("it has no \"format\": \"zhitu-graph\" field".into())),
                Some(f) if f != crate::graph::model::FORMAT => Err(GraphError::Format(f.to_owned()).into()),
                Some(_) => match object.get("version").and_then(serde_json::Value::as_u64) {
                    Some(v) if v != u64::from(crate::graph::model::VERSION) => {
                        Err(GraphError::Version(u32::try_from(v).unwrap_or(u32::MAX)).into())
                    }
                    _ => Err(e.into()),
                },
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// Parses graph JSON into a graph.
///
/// # Errors
/// The text is not valid graph JSON, or the graph in it is inconsistent.
pub fn from_str(text: &str) -> Result<KnowledgeGraph, ReadError> {
    Ok(KnowledgeGraph::from_file(parse(text)?)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Extractor, RuleExtractor};
    use crate::ingest::Document;

    #[test]
    fn text_round_trip_is_byte_identical() {
        let mut g = KnowledgeGraph::new();
        let d = Document::new("a.txt".into(), "标题".into(), "北碚区委书记周旭表示,北碚与绵阳合作。".into());
        let x = RuleExtractor.extract(&d);
        g.add_document(d, &x);
        crate::layout::settle_graph(&mut g, 1);
        let a = to_string(&g);
        let b = to_string(&from_str(&a).unwrap());
        assert_eq!(a, b);
        assert!(a.contains("\"format\": \"zhitu-graph\""));
        let mut streamed = Vec::new();
        write(&g, &mut streamed).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), a, "streamed and in-memory JSON differ");
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert!(from_str("{").unwrap_err().to_string().starts_with("invalid JSON"));
        let e = from_str(r#"{"format":"zhitu-graph","version":2}"#).unwrap_err();
        assert_eq!(e.to_string(), "unsupported graph version 2 (this build reads version 1)");
    }

    #[test]
    fn unknown_fields_survive() {
        let text = r#"{"format":"zhitu-graph","version":1,"generator":"x","documents":[],"nodes":[{"id":"a","label":"北碚区","kind":"place","x":1.5,"y":-2.25,"colour":"red"}],"edges":[],"note":"hi"}"#;
        let out = to_string(&from_str(text).unwrap());
        assert!(out.contains("\"colour\": \"red\"") && out.contains("\"note\": \"hi\""), "{out}");
    }
}
