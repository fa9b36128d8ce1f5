//! The pipeline as one call: input paths (articles, saved graphs, folders) → loaded items →
//! one merged [`KnowledgeGraph`]. Shared by the command line and the window's background jobs, so
//! both treat files and report failures the same way.

use std::path::{Path, PathBuf};

use crate::export::json;
use crate::extract::{Extraction, Extractor};
use crate::graph::KnowledgeGraph;
use crate::graph::model::GraphFile;
use crate::ingest::{self, ArticleFormat, Document};

/// A file that could not be used, and why; displays as one line "path: reason".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct LoadError {
    pub path: String,
    pub reason: String,
}

impl LoadError {
    fn new(path: &Path, reason: impl std::fmt::Display) -> Self {
        Self { path: path.display().to_string(), reason: reason.to_string() }
    }
}

/// One loaded input, ready to merge.
#[derive(Debug, Clone)]
pub enum Loaded {
    Article(Box<(Document, Extraction)>),
    Graph(Box<GraphFile>),
}

/// Whether a path names a saved graph (by extension).
#[must_use]
pub fn is_graph_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Whether a file found in a folder is an input (article or graph).
#[must_use]
pub fn is_input_file(path: &Path) -> bool {
    is_graph_file(path) || ArticleFormat::from_path(path).is_some()
}

/// Expands folders (recursively, in sorted order) into their article and graph files; files
/// named directly are kept whatever their extension.
#[must_use]
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut errors);
        } else {
            files.push(p.clone());
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<LoadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(LoadError::new(dir, format!("cannot read folder: {e}")));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, files, errors);
        } else if is_input_file(&p) {
            files.push(p);
        }
    }
}

/// Reads one file: a saved graph is parsed, an article is cleaned and extracted.
///
/// # Errors
/// The file cannot be read or parsed; the error names the file.
pub fn load(path: &Path, extractor: &dyn Extractor) -> Result<Loaded, LoadError> {
    if is_graph_file(path) {
        let text = std::fs::read_to_string(path).map_err(|e| LoadError::new(path, format!("cannot read: {e}")))?;
        let file = json::parse(&text).map_err(|e| LoadError::new(path, e))?;
        return Ok(Loaded::Graph(Box::new(file)));
    }
    let doc = ingest::load_path(path).map_err(|e| LoadError::new(path, strip_path(&e.to_string(), path)))?;
    let x = extractor.extract(&doc);
    Ok(Loaded::Article(Box::new((doc, x))))
}

/// Loads an article given as bytes (the bundled sample).
///
/// # Errors
/// The bytes are not a readable article.
pub fn load_bytes(name: &str, bytes: &[u8], extractor: &dyn Extractor) -> Result<Loaded, LoadError> {
    let format = ArticleFormat::from_path(Path::new(name)).unwrap_or(ArticleFormat::PlainText);
    let doc = ingest::from_bytes(name, bytes, format)
        .map_err(|e| LoadError::new(Path::new(name), strip_path(&e.to_string(), Path::new(name))))?;
    let x = extractor.extract(&doc);
    Ok(Loaded::Article(Box::new((doc, x))))
}

fn strip_path(msg: &str, path: &Path) -> String {
    let prefix = format!("{}: ", path.display());
    msg.strip_prefix(&prefix).unwrap_or(msg).to_owned()
}

/// Merges a loaded item into a graph; on error the graph is unchanged.
///
/// # Errors
/// A saved graph that is inconsistent.
pub fn merge(g: &mut KnowledgeGraph, path: &str, item: Loaded) -> Result<(), LoadError> {
    match item {
        Loaded::Article(b) => {
            let (doc, x) = *b;
            g.add_document(&doc, &x);
            Ok(())
        }
        Loaded::Graph(file) => {
            g.merge_file(*file).map_err(|e| LoadError { path: path.to_owned(), reason: e.to_string() })
        }
    }
}

/// Loads every input into one graph, in order; files that fail are reported and skipped.
#[must_use]
pub fn build(paths: &[PathBuf], extractor: &dyn Extractor) -> (KnowledgeGraph, Vec<LoadError>) {
    let (files, mut errors) = expand(paths);
    let mut g = KnowledgeGraph::new();
    let loaded = load_all(&files, extractor);
    for (path, result) in files.iter().zip(loaded) {
        match result.and_then(|item| merge(&mut g, &path.display().to_string(), item)) {
            Ok(()) => {}
            Err(e) => errors.push(e),
        }
    }
    (g, errors)
}

/// Loads files in parallel (one thread per core), results in input order.
#[must_use]
pub fn load_all(files: &[PathBuf], extractor: &dyn Extractor) -> Vec<Result<Loaded, LoadError>> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(files.len().max(1));
    if threads <= 1 {
        return files.iter().map(|f| load(f, extractor)).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|c| (c, s.spawn(move || c.iter().map(|f| load(f, extractor)).collect::<Vec<_>>())))
            .collect();
        handles
            .into_iter()
            .flat_map(|(c, h)| {
                h.join().unwrap_or_else(|_| {
                    c.iter().map(|f| Err(LoadError::new(f, "extraction failed unexpectedly"))).collect()
                })
            })
            .collect()
    })
}
