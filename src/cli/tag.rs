//! `zhitu tag`: streaming entity tagging, one JSON object per input line (`zhitu::tag`); bad
//! lines are named on stderr and the exit code says so.

use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use zhitu::extract::HybridExtractor;

pub fn run(file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let input: Box<dyn BufRead> = match file {
        Some(p) if p != Path::new("-") => Box::new(std::io::BufReader::new(
            std::fs::File::open(p).with_context(|| format!("{}: cannot open", p.display()))?,
        )),
        _ => Box::new(std::io::stdin().lock()),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let bad = zhitu::tag::tag_stream(input, &mut out, &HybridExtractor, |e| eprintln!("zhitu tag: {e}"))
        .context("cannot tag the input")?;
    out.flush().context("cannot write to standard output")?;
    Ok(if bad == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
