//! Frame preparation of the canvas: the egui shapes (labels included) of a 1,600 × 1,000 view
//! of a 20,000-node, 100,000-edge graph, zoomed out to the whole graph and zoomed in, plus
//! hit-testing. Text is measured and laid out with egui's fonts and the embedded CJK face, as
//! in the window (galleys are cached between frames there too).
//!
//! `cargo bench --bench canvas`. The graph is synthetic (`common::power_law`, fixed seed), laid
//! out by the real layout.

#![allow(clippy::unwrap_used)]

mod common;

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use zhitu::extract::EntityKind;
use zhitu::layout::{ForceLayout, LayoutInput, Params};
use zhitu::scene::{Camera, Emphasis, Scene, SceneEdge, SceneNode, paint};

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
const SYLLABLES: &str = "明华建国志强文军平东海林晓红春秋云峰伟芳丽娟敏静燕玲桂英";
const ORG_ENDINGS: [&str; 4] = ["集团有限公司", "大学", "研究院", "科技有限公司"];
const PLACE_ENDINGS: [&str; 3] = ["区", "县", "镇"];

fn name(rng: &mut common::Rng, kind: EntityKind) -> String {
    let s: Vec<char> = SURNAMES.chars().collect();
    let y: Vec<char> = SYLLABLES.chars().collect();
    let mut pick = |v: &[char]| v[rng.below(v.len())];
    match kind {
        EntityKind::Person => format!("{}{}{}", pick(&s), pick(&y), pick(&y)),
        EntityKind::Place => format!("{}{}{}", pick(&y), pick(&y), PLACE_ENDINGS[rng.below(3)]),
        EntityKind::Organization => format!("{}{}{}", pick(&y), pick(&y), ORG_ENDINGS[rng.below(4)]),
        EntityKind::Initiative => format!("{}{}{}{}工程", pick(&y), pick(&y), pick(&y), pick(&y)),
    }
}

fn scene(nodes: usize, edges: usize) -> Scene {
    let links = common::power_law(nodes, edges, 2026);
    let mut rng = common::Rng(7);
    let mut degree = vec![0usize; nodes];
    for &(a, b, _) in &links {
        degree[a] += 1;
        degree[b] += 1;
    }
    let scene_nodes: Vec<SceneNode> = (0..nodes)
        .map(|k| {
            let kind = EntityKind::ALL[rng.below(4)];
            SceneNode::new(NodeIndex::new(k), name(&mut rng, kind), kind, 1 + degree[k] / 2, degree[k])
        })
        .collect();
    let scene_edges = links
        .iter()
        .enumerate()
        .map(|(k, &(a, b, w))| SceneEdge {
            index: EdgeIndex::new(k),
            a: a as u32,
            b: b as u32,
            weight: w,
            typed: k % 4 == 0,
            label: "合作".into(),
        })
        .collect();
    let input = LayoutInput {
        nodes: Vec::new(),
        edges: links.iter().map(|&(a, b, w)| (a, b, 1.0 + (w as f32).ln())).collect(),
        initial: vec![None; nodes],
        mass: degree.iter().map(|&d| 1.0 + (d as f32).sqrt() * 0.3).collect(),
    };
    let mut layout = ForceLayout::new(&input, 7, Params::for_nodes(nodes));
    layout.settle();
    let mut s = Scene::new(scene_nodes, scene_edges);
    let pos = layout.positions().to_vec();
    s.set_positions(|i| Some(pos[i.index()]));
    s
}

fn bench(c: &mut Criterion) {
    let s = scene(20_000, 100_000);
    let ctx = egui::Context::default();
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "cjk".into(),
        Arc::new(egui::FontData::from_static(include_bytes!("../assets/fonts/NotoSansSC-Zhitu-subset.otf"))),
    );
    fonts.families.get_mut(&egui::FontFamily::Proportional).unwrap().push("cjk".into());
    ctx.set_fonts(fonts);
    let _ = ctx.run_ui(egui::RawInput::default(), |_| {});
    let b = s.bounds().unwrap();
    let size = [1600.0, 1000.0];
    let fit = (size[0] / (b[2] - b[0])).min(size[1] / (b[3] - b[1]));
    let centre = [f32::midpoint(b[0], b[2]), f32::midpoint(b[1], b[3])];
    let mut group = c.benchmark_group("canvas");
    for (name, zoom) in [("frame_20k_nodes_whole_graph", fit), ("frame_20k_nodes_zoomed_in_8x", fit * 8.0)] {
        let camera = Camera { centre, zoom, size };
        let em = Emphasis { hops: 1, ..Emphasis::default() };
        let (frame, shapes) = ctx.fonts_mut(|f| {
            let frame = s.frame(&camera, &em, &mut paint::measure(f));
            let shapes = paint::shapes(&s, &frame, egui::Pos2::ZERO, f);
            (frame, shapes.len())
        });
        eprintln!(
            "{name}: {} nodes, {} edges ({} left out), {} labels, {shapes} shapes",
            frame.nodes.len(),
            frame.edges.len(),
            frame.edges_left_out,
            frame.labels.len()
        );
        group.bench_function(name, |bench| {
            bench.iter(|| {
                ctx.fonts_mut(|f| {
                    let frame = s.frame(&camera, &em, &mut paint::measure(f));
                    black_box(paint::shapes(&s, &frame, egui::Pos2::ZERO, f))
                })
            });
        });
    }
    let camera = Camera { centre, zoom: fit * 8.0, size };
    group.bench_function("hit_test_20k_nodes", |bench| {
        bench.iter(|| black_box(s.node_at(&camera, [800.0, 500.0])));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
