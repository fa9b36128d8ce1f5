//! Export: the graph to files other tools read, and the native JSON back into a graph.
//!
//! Exporters are pure functions from a [`KnowledgeGraph`] to text; writing files and naming them
//! in errors is done here too so the CLI and the window report the same way. Only the native JSON
//! exists so far; `GraphML`, GEXF, CSV and Cypher arrive with the export work.

pub mod json;

use std::path::Path;

use crate::graph::KnowledgeGraph;

/// Output formats the command line accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
}

impl Format {
    /// Parses a `--format` value.
    ///
    /// # Errors
    /// A format that is not supported (yet).
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "json" => Ok(Self::Json),
            "graphml" | "gexf" | "csv" | "cypher" => Err(format!("format \"{s}\" is not supported yet; use json")),
            _ => Err(format!("unknown format \"{s}\" (known: json)")),
        }
    }
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{path}: cannot write: {source}")]
pub struct ExportError {
    pub path: String,
    #[source]
    pub source: std::io::Error,
}

/// Renders the graph in a format.
#[must_use]
pub fn render(g: &KnowledgeGraph, format: Format) -> String {
    match format {
        Format::Json => json::to_string(g),
    }
}

/// Writes the graph in a format to a writer (a file, standard output), streaming.
///
/// # Errors
/// The writer fails.
pub fn write_to(g: &KnowledgeGraph, format: Format, out: impl std::io::Write) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(g, out),
    }
}

/// Writes the graph to a file, atomically (a temporary file renamed into place), so a failed
/// write never leaves half a file where a good one was.
///
/// # Errors
/// The file cannot be written.
pub fn write_file(g: &KnowledgeGraph, format: Format, path: &Path) -> Result<(), ExportError> {
    let err = |source| ExportError { path: path.display().to_string(), source };
    let tmp = path.with_extension("zhitu-tmp");
    let written = std::fs::File::create(&tmp).and_then(|f| write_to(g, format, f));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(err(e));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        err(e)
    })
}
