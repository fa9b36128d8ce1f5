//! Layout at scale: one force step on 20,000 nodes and 100,000 edges on one core, and a whole
//! fresh layout of that graph (multilevel start, then the finest level to the end).
//!
//! `cargo bench --bench layout`. The graph is synthetic (`common::power_law`, fixed seed).

#![allow(clippy::unwrap_used)]

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use zhitu::layout::{ForceLayout, LayoutInput, Params, Phase};

fn input(nodes: usize, edges: usize) -> LayoutInput {
    let edges = common::power_law(nodes, edges, 2026);
    let mut degree = vec![0usize; nodes];
    for &(a, b, _) in &edges {
        degree[a] += 1;
        degree[b] += 1;
    }
    LayoutInput {
        nodes: Vec::new(),
        edges: edges.iter().map(|&(a, b, w)| (a, b, 1.0 + (w as f32).ln())).collect(),
        initial: vec![None; nodes],
        mass: degree.iter().map(|&d| 1.0 + (d as f32).sqrt() * 0.3).collect(),
    }
}

fn bench(c: &mut Criterion) {
    let big = input(20_000, 100_000);
    eprintln!("graph: {} nodes, {} edges", big.initial.len(), big.edges.len());
    let params = Params::for_nodes(big.initial.len());
    let mut group = c.benchmark_group("layout");
    group.sample_size(20);
    let mut layout = ForceLayout::new(&big, 7, params).with_threads(1);
    group.bench_function("step_20k_nodes_100k_edges_one_core", |b| {
        b.iter(|| {
            if layout.step() == Phase::Settled {
                layout.reheat();
            }
            black_box(layout.positions()[0])
        });
    });
    group.sample_size(10);
    group.bench_function("fresh_layout_20k_nodes_100k_edges_one_core", |b| {
        b.iter(|| {
            let mut l = ForceLayout::new(&big, 7, params).with_threads(1);
            l.settle();
            black_box(l.iteration())
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
