//! Writes a synthetic news corpus (see `zhitu::corpus_gen`) for tests and benchmarks:
//!
//! `cargo run --release --no-default-features --example gen_corpus -- OUT_DIR N [--seed S] [--chars 1500] [--gbk 0.05] [--repeat 0.1]`
//! writes N article files into `OUT_DIR`;
//! `cargo run --release --no-default-features --example gen_corpus -- --one-file OUT.txt --mb 60 [--seed S]`
//! streams one large text file of news paragraphs.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use zhitu::corpus_gen::{CorpusSpec, paragraphs_text, write_dir};

const USAGE: &str = "usage: gen_corpus OUT_DIR N [--seed S] [--chars 1500] [--gbk 0.05] [--repeat 0.1]\n       \
                     gen_corpus --one-file OUT.txt --mb 60 [--seed S]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}\n{USAGE}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut spec = CorpusSpec::default();
    let mut one_file: Option<PathBuf> = None;
    let mut mb = 60.0_f64;
    let mut positional = Vec::new();
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--seed" => spec.seed = parse(&value("--seed")?)?,
            "--chars" => spec.target_chars = parse(&value("--chars")?)?,
            "--gbk" => spec.gbk_share = parse(&value("--gbk")?)?,
            "--repeat" => spec.repeat_share = parse(&value("--repeat")?)?,
            "--one-file" => one_file = Some(PathBuf::from(value("--one-file")?)),
            "--mb" => mb = parse(&value("--mb")?)?,
            "-h" | "--help" => return Err("help".to_owned()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => positional.push(arg),
        }
    }
    let start = Instant::now();
    if let Some(path) = one_file {
        if !positional.is_empty() {
            return Err("--one-file takes no positional arguments".to_owned());
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a size in MB
        let bytes = (mb.max(0.0) * 1024.0 * 1024.0) as usize;
        let file = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut out = std::io::BufWriter::new(file);
        let mut written = 0usize;
        for paragraph in paragraphs_text(spec.seed, bytes) {
            out.write_all(paragraph.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
            written += paragraph.len();
        }
        out.flush().map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote {written} bytes to {} in {:.2?}", path.display(), start.elapsed());
        return Ok(());
    }
    let [dir, n] = positional.as_slice() else {
        return Err("expected OUT_DIR and N".to_owned());
    };
    spec.articles = parse(n)?;
    let count = write_dir(&spec, dir.as_ref()).map_err(|e| format!("{dir}: {e}"))?;
    eprintln!("wrote {count} articles to {dir} in {:.2?}", start.elapsed());
    Ok(())
}

fn parse<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("not a valid value: {s}"))
}
