//! Command line: `zhitu [FILE…]` opens the window, `zhitu extract` writes a graph headless,
//! `zhitu tag` tags lines for pipelines. Errors end in one line per problem on stderr and a
//! non-zero exit.

mod tag;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use zhitu::export::{self, Format};
use zhitu::extract::HybridExtractor;

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
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Output format (json; graphml, gexf, csv and cypher are planned).
        #[arg(long, default_value = "json")]
        format: String,
        /// Layout seed: the same seed gives the same positions.
        #[arg(long, default_value_t = zhitu::layout::DEFAULT_SEED)]
        seed: u64,
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
        Some(Command::Extract { inputs, output, format, seed }) => extract(&inputs, output.as_deref(), &format, seed),
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

fn extract(inputs: &[PathBuf], output: Option<&std::path::Path>, format: &str, seed: u64) -> anyhow::Result<ExitCode> {
    let format = Format::parse(format).map_err(anyhow::Error::msg)?;
    let (mut graph, errors) = zhitu::pipeline::build(inputs, &HybridExtractor);
    for e in &errors {
        eprintln!("zhitu: {e}");
    }
    zhitu::layout::settle_graph(&mut graph, seed);
    if let Some(path) = output {
        export::write_file(&graph, format, path)?
    } else {
        let mut out = std::io::stdout().lock();
        out.write_all(export::render(&graph, format).as_bytes()).context("cannot write to standard output")?;
    }
    Ok(if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
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
