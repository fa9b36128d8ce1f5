//! Sharding a corpus: `zhitu extract --jsonl` writes one graph fragment per input (extraction of
//! one document is pure), and `zhitu merge` combines fragments and saved graphs by identity key,
//! exactly as if the articles had been extracted together. "-" as an extract input reads the
//! input paths from standard input (one per line), so `RDD.pipe` can feed a partition's paths.

use std::io::{BufRead, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use zhitu::export::{Format, json};
use zhitu::extract::HybridExtractor;
use zhitu::graph::KnowledgeGraph;
use zhitu::pipeline::{self, BuildOptions};

/// The inputs with "-" replaced by the paths read from standard input.
fn with_stdin_paths(inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            for line in std::io::stdin().lock().lines() {
                let line = line.context("cannot read input paths from standard input")?;
                let line = line.trim();
                if !line.is_empty() {
                    out.push(PathBuf::from(line));
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// `zhitu extract --jsonl`: one fragment line per readable input, in input order; bad inputs get
/// a line on stderr each.
pub fn fragments(inputs: &[PathBuf], output: Option<&Path>, threads: usize) -> anyhow::Result<ExitCode> {
    let inputs = with_stdin_paths(inputs)?;
    let (files, mut errors) = pipeline::expand(&inputs);
    let mut stream = |out: &mut dyn Write| -> std::io::Result<()> {
        let mut failure: Option<std::io::Error> = None;
        let options = BuildOptions { threads, cancel: None };
        pipeline::load_stream(&files, &HybridExtractor, options, |path, result, _| {
            let item = match result {
                Ok(item) => item,
                Err(e) => {
                    errors.push(e);
                    return ControlFlow::Continue(());
                }
            };
            let mut g = KnowledgeGraph::new();
            if let Err(e) = pipeline::merge(&mut g, &path.display().to_string(), item) {
                errors.push(e);
                return ControlFlow::Continue(());
            }
            match json::write_line(&g, &mut *out) {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    failure = Some(e);
                    ControlFlow::Break(())
                }
            }
        });
        failure.map_or_else(|| out.flush(), Err)
    };
    // a file is replaced whole when every line is written (crate::atomic), standard output streams
    match output {
        Some(path) => {
            zhitu::atomic::write(path, &mut stream).with_context(|| format!("{}: cannot write", path.display()))?;
        }
        None => stream(&mut std::io::BufWriter::new(std::io::stdout().lock())).context("cannot write the fragments")?,
    }
    for e in &errors {
        eprintln!("zhitu: {e}");
    }
    Ok(if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Merges one input into the graph: a fragment file (every line a graph) or a saved graph.
fn merge_input(g: &mut KnowledgeGraph, path: &Path) -> Result<(), String> {
    let fragments = path.as_os_str() == "-" || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    if !fragments {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file = json::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        return g.merge_file(file).map_err(|e| format!("{}: {e}", path.display()));
    }
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?))
    };
    // a bad line (a shard killed while writing) is named; the lines after it still merge
    let mut bad = Vec::new();
    for (k, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let merged = json::parse(&line)
            .map_err(|e| e.to_string())
            .and_then(|file| g.merge_file(file).map_err(|e| e.to_string()));
        if let Err(e) = merged {
            bad.push(format!("{} line {}: {e}", path.display(), k + 1));
        }
    }
    if bad.is_empty() { Ok(()) } else { Err(bad.join("\nzhitu: ")) }
}

/// `zhitu merge`: every input merged in order (a bad input is named and the rest go on), laid
/// out, written.
pub fn merge(inputs: &[PathBuf], out: &super::Output) -> anyhow::Result<ExitCode> {
    let format = Format::parse(&out.format).map_err(anyhow::Error::msg)?;
    let mut g = KnowledgeGraph::new();
    let mut all = true;
    for p in inputs {
        // a graph that does not parse or is inconsistent changes nothing; in a fragment file,
        // the fragments before a bad line stay merged
        if let Err(e) = merge_input(&mut g, p) {
            eprintln!("zhitu: {e}");
            all = false;
        }
    }
    super::report_stale_edits(&mut g);
    zhitu::layout::settle_graph_with(&mut g, out.seed, super::thread_count(out.threads));
    super::write_graph(&g, format, out.path.as_deref())?;
    Ok(if all { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
