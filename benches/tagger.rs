//! Tagger speed: model load time, and chars per second on one thread and on all cores, over the
//! written sentences of the exactness reference (`tests/data/lac_reference.jsonl`).
//!
//! `cargo bench --bench tagger`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhitu::extract::lac::Lac;

fn sentences() -> Vec<Vec<char>> {
    include_str!("../tests/data/lac_reference.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["kind"] == "sentence")
        .filter_map(|v| v["text"].as_str().map(|t| t.chars().collect()))
        .collect()
}

fn bench(c: &mut Criterion) {
    c.bench_function("lac_load", |b| b.iter(Lac::load_embedded));

    let texts = sentences();
    let refs: Vec<&[char]> = texts.iter().map(Vec::as_slice).collect();
    let chars: usize = texts.iter().map(Vec::len).sum();
    let model = Lac::get();
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut group = c.benchmark_group("lac_tag");
    group.throughput(Throughput::Elements(chars as u64));
    group.sample_size(20);
    group.bench_function("1_thread", |b| b.iter(|| model.tag_batch_with(&refs, 1)));
    group.bench_function(format!("{cores}_threads"), |b| b.iter(|| model.tag_batch_with(&refs, cores)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
