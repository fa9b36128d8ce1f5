//! Command line: `zhitu [FILE…]` opens the window, `zhitu extract` writes a graph headless,
//! `zhitu tag` tags lines for pipelines. Errors end in one line per problem on stderr and a
//! non-zero exit.

mod analyze;
mod progress;
mod shard;
mod tag;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use zhitu::export::{self, Format};
use zhitu::extract::HybridExtractor;
use zhitu::pipeline::BuildOptions;

/// Zhitu (知图): turn Chinese news articles into a knowledge graph of people, places,
/// organizations and initiatives, and explore it in a desktop window.
#[derive(Debug, Parser)]
#[command(name = "zhitu", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles (.txt .html .htm) or saved graphs (.json) to open in the window; with none, the
    /// bundled sample article opens.
    files: Vec<PathBuf>,
}

/// Where and how a graph is written, and how it is laid out: shared by `extract`, `merge` and
/// `analyze`.
#[derive(Debug, clap::Args)]
struct Output {
    /// Write here instead of standard output (a directory for csv).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    path: Option<PathBuf>,
    /// Output format: json, gexf (Gephi), graphml, csv (a directory for neo4j-admin import) or
    /// cypher (a script for Neo4j or `FalkorDB`).
    #[arg(long, default_value = "json")]
    format: String,
    /// Seed of the layout (and of the community search): the same seed gives the same output.
    #[arg(long, default_value_t = zhitu::layout::DEFAULT_SEED)]
    seed: u64,
    /// Worker threads (default: every core, or `ZHITU_THREADS`); the output is the same for any
    /// number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the graph of articles and saved graphs without a window and write it out.
    ///
    /// A FILE is an article (.txt .html .htm) or a saved graph (.json); a DIR means every such
    /// file under it, recursively, in sorted order. All inputs merge into one graph.
    Extract {
        /// Input files and folders.
        #[arg(required = true, value_name = "FILE|DIR")]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        out: Output,
        /// Stream one graph fragment (one document with its entities and relations, one line of
        /// JSON, no layout) per input instead of one merged graph: for sharding a corpus; `zhitu
        /// merge` combines fragments exactly. With "-" as an input, input paths are read from
        /// standard input, one per line (for `RDD.pipe`).
        #[arg(long)]
        jsonl: bool,
    },
    /// Merge saved graphs and `--jsonl` fragment files (".jsonl", or "-" for standard input) into
    /// one graph, lay it out and write it.
    Merge {
        /// Graph JSON files and fragment files.
        #[arg(required = true, value_name = "FILE")]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        out: Output,
    },
    /// Build or load the graph, then add each node's `community` (Leiden, modularity),
    /// `pagerank`, `degree` and `betweenness` and print a summary: the graph's size and
    /// components, the top entities of each kind, the largest communities with their top
    /// members. The annotated graph is written with `-o`.
    Analyze {
        /// Input files and folders (articles or saved graphs).
        #[arg(required = true, value_name = "FILE|DIR")]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        out: Output,
    },
    /// Tag entities line by line: reads plain lines or JSON lines with a "text" field from FILE
    /// (or standard input) and writes one JSON object per line:
    /// {"text": …, "entities": [{"start", "end", "kind", "text"}]} with offsets in characters.
    Tag {
        /// Input file; standard input when absent or "-".
        file: Option<PathBuf>,
    },
}

/// Runs the command line and turns errors into one line on stderr.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { out, jsonl: true, .. }) if !out.format.eq_ignore_ascii_case("json") => {
            Err(anyhow::anyhow!("--jsonl writes JSON fragments; --format {} does not apply", out.format))
        }
        Some(Command::Extract { inputs, out, jsonl: true }) => {
            shard::fragments(&inputs, out.path.as_deref(), thread_count(out.threads))
        }
        Some(Command::Extract { inputs, out, jsonl: false }) => extract(&inputs, &out),
        Some(Command::Merge { inputs, out }) => shard::merge(&inputs, &out),
        Some(Command::Analyze { inputs, out }) => analyze::run(&inputs, &out),
        Some(Command::Tag { file }) => tag::run(file.as_deref()),
        None => window(cli.files),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("zhitu: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Writes a graph to a file (or directory) or, without one, to standard output.
fn write_graph(
    g: &zhitu::graph::KnowledgeGraph,
    format: Format,
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    if let Some(path) = output {
        export::write_file(g, format, path)?;
    } else {
        export::write_to(g, format, std::io::stdout().lock()).context("cannot write to standard output")?;
    }
    Ok(())
}

fn thread_count(asked: Option<u16>) -> usize {
    asked.map_or_else(zhitu::par::default_threads, |n| usize::from(n).min(zhitu::par::max_threads()))
}

/// Reads, extracts and merges the inputs, reporting bad files on stderr, and lays the graph out
/// when `layout` (positions are only needed when the graph is written). Returns the graph and
/// whether every input was read.
fn build(
    inputs: &[PathBuf],
    seed: u64,
    threads: usize,
    layout: bool,
    timings: &mut Timings,
) -> (zhitu::graph::KnowledgeGraph, bool) {
    let bar = progress::Bar::for_stderr();
    let options = BuildOptions { threads, cancel: None };
    let (mut graph, errors, _) = zhitu::pipeline::build_with(inputs, &HybridExtractor, options, |p| bar.update(p));
    bar.finish();
    timings.stage("read and extract");
    for e in &errors {
        eprintln!("zhitu: {e}");
    }
    report_stale_edits(&mut graph);
    if layout {
        zhitu::layout::settle_graph_with(&mut graph, seed, threads);
        timings.stage("layout");
    }
    (graph, errors.is_empty())
}

/// Re-applies the analyst's edits the inputs carried to the merged graph (so a merge of two
/// nodes saved with one graph holds for the articles added to it), and names on stderr those
/// that no longer apply; they stay in the log.
fn report_stale_edits(graph: &mut zhitu::graph::KnowledgeGraph) {
    if graph.edits().is_empty() {
        return;
    }
    for stale in zhitu::curate::reapply(graph) {
        let what = zhitu::curate::describe(&graph.edits()[stale.index].op);
        eprintln!("zhitu: edit {} ({what}) no longer applies: {}", stale.index + 1, stale.reason);
    }
}

fn extract(inputs: &[PathBuf], out: &Output) -> anyhow::Result<ExitCode> {
    let format = Format::parse(&out.format).map_err(anyhow::Error::msg)?;
    let threads = thread_count(out.threads);
    let mut timings = Timings::from_env();
    let (graph, all_read) = build(inputs, out.seed, threads, true, &mut timings);
    write_graph(&graph, format, out.path.as_deref())?;
    timings.stage("write");
    timings.report();
    Ok(if all_read { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Stage times (and, on Linux, the resident memory after each) on stderr when `ZHITU_TIMINGS` is
/// set: for measuring where a run's time and memory go.
struct Timings {
    on: bool,
    last: std::time::Instant,
    stages: Vec<(&'static str, f64, Option<u64>)>,
}

impl Timings {
    fn from_env() -> Self {
        Self { on: std::env::var_os("ZHITU_TIMINGS").is_some(), last: std::time::Instant::now(), stages: Vec::new() }
    }

    fn stage(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        let rss = if self.on { resident_mib() } else { None };
        self.stages.push((name, now.duration_since(self.last).as_secs_f64(), rss));
        self.last = now;
    }

    fn report(&self) {
        if self.on {
            let parts: Vec<String> = self
                .stages
                .iter()
                .map(|(n, s, rss)| match rss {
                    Some(mib) => format!("{n} {s:.2} s (then {mib} MiB resident)"),
                    None => format!("{n} {s:.2} s"),
                })
                .collect();
            eprintln!("zhitu: timings: {}", parts.join(", "));
        }
    }
}

/// The process's resident memory in MiB, where `/proc` tells it.
fn resident_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

#[cfg(feature = "gui")]
fn window(files: Vec<PathBuf>) -> anyhow::Result<ExitCode> {
    crate::ui::run(files)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn window(_files: Vec<PathBuf>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this build has no window (built without the \"gui\" feature); use `zhitu extract` or `zhitu tag`")
}
