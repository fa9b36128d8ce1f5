//! Corpus scale: merging extracted documents into one graph (1k and 10k generated articles), and
//! the whole pipeline (read, decode, extract, merge) over 1k generated article files.
//!
//! `cargo bench --bench corpus`. The corpus comes from `zhitu::corpus_gen` (fixed seed). The 10k
//! merge reuses the 1k extractions over ten distinct copies of each text (the same entities
//! re-mentioned across a bigger corpus), so its setup costs one extraction pass, not ten.

#![allow(clippy::unwrap_used)] // a benchmark may fail loudly on a broken setup

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use zhitu::corpus_gen::{CorpusSpec, write_dir};
use zhitu::extract::{Extraction, Extractor, HybridExtractor};
use zhitu::graph::KnowledgeGraph;
use zhitu::ingest::{self, Document};

fn extracted(dir: &std::path::Path) -> Vec<(Document, Extraction)> {
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let docs: Vec<Document> = files.iter().filter_map(|p| ingest::load_path(p).ok()).collect();
    zhitu::par::map_ordered(
        &docs,
        zhitu::par::default_threads(),
        || (),
        |(), d| (d.clone(), HybridExtractor.extract(d)),
    )
}

fn merge_all(items: &[(Document, Extraction)]) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    for (d, x) in items {
        g.add_document(d.clone(), x);
    }
    g
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    write_dir(&CorpusSpec { articles: 1000, seed: 2026, ..CorpusSpec::default() }, dir.path()).unwrap();
    let one_k = extracted(dir.path());
    let ten_k: Vec<(Document, Extraction)> = (0..10)
        .flat_map(|copy| {
            one_k.iter().map(move |(d, x)| {
                // a distinct text (so a distinct document) with the same offsets
                let text = format!("{}{}", d.text, "。".repeat(copy + 1));
                (Document::new(d.path.clone(), d.title.clone(), text), x.clone())
            })
        })
        .collect();

    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    for (name, items) in [("1k_documents", &one_k), ("10k_documents", &ten_k)] {
        group.throughput(Throughput::Elements(items.len() as u64));
        group.bench_function(name, |b| b.iter(|| black_box(merge_all(items))));
    }
    group.finish();

    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    let chars: u64 = one_k.iter().map(|(d, _)| d.text.chars().count() as u64).sum();
    group.throughput(Throughput::Elements(chars));
    let inputs = vec![dir.path().to_path_buf()];
    group.bench_function("extract_1k_files", |b| {
        b.iter_batched(
            || (),
            |()| black_box(zhitu::pipeline::build(&inputs, &HybridExtractor)),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
