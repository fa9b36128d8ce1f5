//! The pipeline as one call: input paths (articles, saved graphs, folders) → loaded items →
//! one merged [`KnowledgeGraph`]. Shared by the command line and the window's background jobs, so
//! both treat files and report failures the same way.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

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
            g.add_document(doc, &x);
            Ok(())
        }
        Loaded::Graph(file) => {
            g.merge_file(*file).map_err(|e| LoadError { path: path.to_owned(), reason: e.to_string() })
        }
    }
}

/// How far a build has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files read (merged or failed) so far, and in all.
    pub done: usize,
    pub total: usize,
    /// Characters of document text read so far.
    pub chars: u64,
    /// Files that failed so far.
    pub failed: usize,
}

/// How a build runs: worker threads and the cancel signal.
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions<'a> {
    /// Worker threads (at least 1); output is the same whatever the number.
    pub threads: usize,
    /// Set (from any thread) to stop: no further file is started, and the files read so far
    /// stay merged.
    pub cancel: Option<&'a AtomicBool>,
}

impl Default for BuildOptions<'_> {
    fn default() -> Self {
        Self { threads: crate::par::default_threads(), cancel: None }
    }
}

/// Files each worker may run ahead of the merge: enough to keep every core busy past a slow
/// file, few enough that memory is bounded by the window, not by the corpus.
const FILES_AHEAD_PER_THREAD: usize = 8;

/// Loads every input into one graph, in order; files that fail are reported and skipped.
#[must_use]
pub fn build(paths: &[PathBuf], extractor: &dyn Extractor) -> (KnowledgeGraph, Vec<LoadError>) {
    let (g, errors, _) = build_with(paths, extractor, BuildOptions::default(), |_| {});
    (g, errors)
}

/// [`build`] with options, reporting progress after each file. Returns the graph, the failures
/// and whether the build was cancelled before the end.
pub fn build_with(
    paths: &[PathBuf],
    extractor: &dyn Extractor,
    options: BuildOptions<'_>,
    mut progress: impl FnMut(&Progress),
) -> (KnowledgeGraph, Vec<LoadError>, bool) {
    let (files, mut errors) = expand(paths);
    let mut g = KnowledgeGraph::new();
    let finished = load_stream(&files, extractor, options, |path, result, p| {
        if let Err(e) = result.and_then(|item| merge(&mut g, &path.display().to_string(), item)) {
            errors.push(e);
        }
        progress(p);
        ControlFlow::Continue(())
    });
    (g, errors, !finished)
}

/// Characters of document text in a loaded item.
fn text_chars(item: &Loaded) -> u64 {
    let count = |t: &str| t.chars().count() as u64;
    match item {
        Loaded::Article(b) => count(&b.0.text),
        Loaded::Graph(f) => f.documents.iter().map(|d| count(&d.text)).sum(),
    }
}

/// One unit of work for the pool: a file, or a part of a collection file read beforehand.
enum Task {
    File(PathBuf),
    /// A part of a big plain-text file, taken by the worker that extracts it.
    Part(PathBuf, std::sync::Mutex<Option<Document>>),
    /// A collection file that could not be read.
    Failed(PathBuf, LoadError),
}

impl Task {
    fn path(&self) -> &Path {
        match self {
            Self::File(p) | Self::Part(p, _) | Self::Failed(p, _) => p,
        }
    }
}

/// A collection file as tasks: its parts, or the one failure.
fn collection_tasks(path: &Path) -> Vec<Task> {
    match ingest::collection::load_parts(path) {
        Ok(parts) => {
            parts.into_iter().map(|d| Task::Part(PathBuf::from(&d.path), std::sync::Mutex::new(Some(d)))).collect()
        }
        Err(e) => {
            let e = LoadError::new(path, strip_path(&e.to_string(), path));
            vec![Task::Failed(path.to_path_buf(), e)]
        }
    }
}

fn is_collection_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| ingest::collection::is_collection(path, m.len()))
}

fn run_task(task: &Task, extractor: &dyn Extractor) -> Result<Loaded, LoadError> {
    match task {
        Task::File(path) => load_guarded(path, extractor),
        Task::Part(path, doc) => {
            let doc = doc.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
            let Some(doc) = doc else { return Err(LoadError::new(path, "read twice")) };
            guarded(path, || {
                let x = extractor.extract(&doc);
                Ok(Loaded::Article(Box::new((doc, x))))
            })
        }
        Task::Failed(_, e) => Err(e.clone()),
    }
}

/// Loads files on the worker pool and hands each result to `sink` on the calling thread, in input
/// order, with the progress including it. A bounded number of files is in flight at once. A big
/// plain-text file is read as a collection of parts (see [`ingest::collection`]) when its turn
/// comes, each part handed on as its own article (the progress total grows by its parts), so
/// memory holds at most one collection's parts. An extraction that panics becomes an error naming
/// the file. Returns false when cancelled (by the options' flag, checked before each file is
/// started and before each result is handed on, or by `sink` returning `Break`).
pub fn load_stream(
    files: &[PathBuf],
    extractor: &dyn Extractor,
    options: BuildOptions<'_>,
    mut sink: impl FnMut(&Path, Result<Loaded, LoadError>, &Progress) -> ControlFlow<()>,
) -> bool {
    let cancelled = || options.cancel.is_some_and(|c| c.load(Ordering::Relaxed));
    let threads = options.threads.max(1);
    let mut p = Progress { done: 0, total: files.len(), chars: 0, failed: 0 };
    let mut rest = files;
    while !rest.is_empty() {
        if cancelled() {
            return false;
        }
        // the next run of ordinary files, or one collection file split into its parts
        let run = rest.iter().position(|f| is_collection_file(f)).unwrap_or(rest.len());
        let tasks: Vec<Task> = if run == 0 {
            let parts = collection_tasks(&rest[0]);
            p.total += parts.len().saturating_sub(1);
            rest = &rest[1..];
            parts
        } else {
            let files = rest[..run].iter().map(|f| Task::File(f.clone())).collect();
            rest = &rest[run..];
            files
        };
        let mut stopped = false;
        crate::par::stream_ordered(
            &tasks,
            threads,
            threads * FILES_AHEAD_PER_THREAD,
            || (),
            |(), task| if cancelled() { None } else { Some(run_task(task, extractor)) },
            |i, result| {
                let flow = match result.filter(|_| !cancelled()) {
                    None => ControlFlow::Break(()),
                    Some(result) => {
                        p.done += 1;
                        match &result {
                            Ok(item) => p.chars += text_chars(item),
                            Err(_) => p.failed += 1,
                        }
                        sink(tasks[i].path(), result, &p)
                    }
                };
                stopped |= flow.is_break();
                flow
            },
        );
        if stopped {
            return false;
        }
    }
    true
}

/// [`load`], with a panic inside ingest or extraction turned into an error naming the file.
fn load_guarded(path: &Path, extractor: &dyn Extractor) -> Result<Loaded, LoadError> {
    guarded(path, || load(path, extractor))
}

fn guarded(path: &Path, work: impl FnOnce() -> Result<Loaded, LoadError>) -> Result<Loaded, LoadError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let what = crate::par::panic_message(&*panic);
        Err(LoadError::new(path, format!("internal error while reading this file ({what}); please report it")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extraction;

    /// Extracts nothing: for tests of the plumbing, not of extraction.
    struct Nothing;

    impl Extractor for Nothing {
        fn extract(&self, _: &Document) -> Extraction {
            Extraction::default()
        }
    }

    #[test]
    fn a_big_plain_text_file_streams_as_parts_in_order_between_its_neighbours() {
        let dir = tempfile::tempdir().unwrap();
        let small = |name: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, "西南大学位于重庆市北碚区。\n").unwrap();
            p
        };
        let (a, z) = (small("a.txt"), small("z.txt"));
        let dump = dir.path().join("m.txt");
        let line = "第{}条：绵阳市与北碚区签署合作协议，双方将共建产业园。\n";
        let mut text = String::new();
        let mut i = 0;
        while text.len() as u64 <= ingest::collection::COLLECTION_BYTES {
            text.push_str(&line.replace("{}", &i.to_string()));
            i += 1;
        }
        std::fs::write(&dump, &text).unwrap();
        let mut seen = Vec::new();
        let mut last = None;
        let options = BuildOptions { threads: 3, cancel: None };
        let done = load_stream(&[a, dump.clone(), z], &Nothing, options, |path, r, p| {
            let Ok(Loaded::Article(b)) = r else { panic!("{path:?} failed") };
            assert!(b.0.text.chars().count() <= ingest::collection::PART_CHARS);
            seen.push(path.display().to_string());
            last = Some(*p);
            ControlFlow::Continue(())
        });
        assert!(done);
        let parts = seen.len() - 2;
        assert!(parts > 10, "{parts} parts");
        assert!(seen[0].ends_with("a.txt") && seen[seen.len() - 1].ends_with("z.txt"));
        for (k, path) in seen[1..=parts].iter().enumerate() {
            assert_eq!(*path, format!("{}#{}", dump.display(), k + 1));
        }
        let last = last.unwrap();
        assert_eq!((last.done, last.total, last.failed), (seen.len(), seen.len(), 0));
    }

    #[test]
    fn a_cancelled_build_keeps_what_it_merged_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..40 {
            std::fs::write(dir.path().join(format!("a{i:02}.txt")), format!("第{i}号：西南大学位于北碚区。\n"))
                .unwrap();
        }
        let cancel = AtomicBool::new(false);
        let options = BuildOptions { threads: 2, cancel: Some(&cancel) };
        let (g, errors, cancelled) = build_with(&[dir.path().to_path_buf()], &Nothing, options, |p| {
            if p.done == 5 {
                cancel.store(true, Ordering::Relaxed);
            }
        });
        assert!(cancelled && errors.is_empty());
        assert_eq!(g.documents().len(), 5, "merging went on after the cancel");
    }

    #[test]
    fn a_file_deleted_while_a_folder_loads_is_named_and_the_rest_load() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..5 {
            std::fs::write(dir.path().join(format!("a{i}.txt")), format!("第{i}号：西南大学位于北碚区。\n")).unwrap();
        }
        // listed, then deleted before its turn
        let (files, errors) = expand(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        std::fs::remove_file(dir.path().join("a2.txt")).unwrap();
        let (g, errors, cancelled) = build_with(&files, &Nothing, BuildOptions::default(), |_| {});
        assert!(!cancelled);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].path.ends_with("a2.txt") && errors[0].reason.contains("cannot read"), "{:?}", errors[0]);
        assert_eq!(g.documents().len(), 4);
    }
}
