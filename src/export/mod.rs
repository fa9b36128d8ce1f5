//! Export: the graph to files other tools read, and the native JSON back into a graph.
//!
//! Exporters are pure functions from a [`KnowledgeGraph`] to text: the native JSON ([`json`]),
//! GEXF 1.3 ([`gexf`]), `GraphML` ([`graphml`]), CSV for `neo4j-admin` ([`csv`], a directory) and
//! Cypher ([`cypher`]); [`table`] holds what they share. Writing files (atomically) and naming
//! them in errors is done here too so the CLI and the window report the same way.

pub mod csv;
pub mod cypher;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod table;

use std::path::Path;

use crate::graph::KnowledgeGraph;

/// Output formats the command line accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Gexf,
    GraphMl,
    /// A directory of CSV files.
    Csv,
    Cypher,
}

impl Format {
    /// Parses a `--format` value.
    ///
    /// # Errors
    /// A format that is not supported (yet).
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "json" => Ok(Self::Json),
            "gexf" => Ok(Self::Gexf),
            "graphml" => Ok(Self::GraphMl),
            "csv" => Ok(Self::Csv),
            "cypher" => Ok(Self::Cypher),
            _ => Err(format!("unknown format \"{s}\" (known: json, gexf, graphml, csv, cypher)")),
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

/// Writes the graph in a format to a writer (a file, standard output), streaming.
///
/// # Errors
/// The writer fails.
pub fn write_to(g: &KnowledgeGraph, format: Format, out: impl std::io::Write) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(g, out),
        Format::Gexf => gexf::write(g, out),
        Format::GraphMl => graphml::write(g, out),
        Format::Cypher => cypher::write(g, out),
        Format::Csv => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "csv is a directory of files: give one with -o DIR",
        )),
    }
}

/// Writes the graph to a file, atomically ([`crate::atomic`]), so a failed or killed write
/// never leaves half a file where a good one was.
///
/// # Errors
/// The file cannot be written.
pub fn write_file(g: &KnowledgeGraph, format: Format, path: &Path) -> Result<(), ExportError> {
    let err = |source| ExportError { path: path.display().to_string(), source };
    if format == Format::Csv {
        return csv::write_dir(g, path).map_err(err);
    }
    crate::atomic::write(path, |out| write_to(g, format, out)).map_err(err)
}

#[cfg(test)]
mod tests;
