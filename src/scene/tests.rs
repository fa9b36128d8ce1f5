use super::*;
use crate::extract::HybridExtractor;
use crate::pipeline;

/// Text measured as full-width glyphs for CJK and half-width otherwise.
fn measure(text: &str, size: f32) -> [f32; 2] {
    let w: f32 = text.chars().map(|c| if c.is_ascii() { 0.55 } else { 1.0 }).sum();
    [w * size, size * 1.3]
}

/// A scene of `n` nodes on a jittered grid with ring edges and some long ones; node `k` has
/// `n - k` mentions (node 0 is the most important).
fn synthetic(n: usize) -> Scene {
    let nodes = (0..n)
        .map(|k| {
            SceneNode::new(NodeIndex::new(k), format!("实体{k}号机构"), EntityKind::ALL[k % 4], (n - k) / 10 + 1, 2)
        })
        .collect();
    let mut edges = Vec::new();
    for k in 0..n {
        for (j, w) in [((k + 1) % n, 1 + (k % 7) as u32), ((k * 37 + 11) % n, 1)] {
            edges.push(SceneEdge {
                index: EdgeIndex::new(edges.len()),
                a: k as u32,
                b: j as u32,
                weight: w,
                typed: k % 3 == 0,
                label: "合作".into(),
            });
        }
    }
    let mut s = Scene::new(nodes, edges);
    let side = (n as f32).sqrt().ceil() as usize;
    s.set_positions(|i| {
        let k = i.index();
        let jitter = ((k * 7919) % 13) as f32;
        Some([(k % side) as f32 * 40.0 + jitter, (k / side) as f32 * 40.0 - jitter])
    });
    s
}

fn camera_on(s: &Scene, zoom: f32) -> Camera {
    let b = s.bounds().unwrap();
    Camera { centre: [f32::midpoint(b[0], b[2]), f32::midpoint(b[1], b[3])], zoom, size: [1600.0, 1000.0] }
}

#[test]
fn placed_labels_never_overlap_and_stay_on_screen_at_any_zoom() {
    let s = synthetic(5000);
    for zoom in [0.01, 0.05, 0.2, 0.6, 1.5, 4.0] {
        let f = s.frame(&camera_on(&s, zoom), &Emphasis::default(), &mut measure);
        assert!(!f.labels.is_empty(), "no label at zoom {zoom}");
        for (k, a) in f.labels.iter().enumerate() {
            assert!(a.rect[0] >= 0.0 && a.rect[1] >= 0.0 && a.rect[2] <= 1600.0 && a.rect[3] <= 1000.0);
            for b in &f.labels[k + 1..] {
                assert!(!grid::overlaps(a.rect, b.rect), "zoom {zoom}: {a:?} overlaps {b:?}");
            }
        }
    }
}

#[test]
fn the_main_entity_is_labelled_zoomed_out_and_more_labels_appear_zooming_in() {
    let s = synthetic(5000);
    let out = s.frame(&camera_on(&s, 0.2), &Emphasis::default(), &mut measure);
    assert!(out.labels.iter().any(|l| l.target == LabelOf::Node(0)), "the most important node has no label");
    // labels are sized by importance: the first placed is the biggest
    let sizes: Vec<f32> = out.labels.iter().map(|l| l.size).collect();
    assert!(sizes[0] >= *sizes.last().unwrap());
    // zoomed in on a corner: the nodes there are labelled although they are minor
    let mut cam = camera_on(&s, 2.0);
    cam.centre = s.position(4999).unwrap();
    let near = s.frame(&cam, &Emphasis::default(), &mut measure);
    assert!(near.labels.iter().any(|l| l.target == LabelOf::Node(4999)));
    let labelled_per_node = |f: &Frame| f.labels.len() as f32 / f.nodes.len() as f32;
    assert!(labelled_per_node(&near) > labelled_per_node(&out) * 3.0);
}

#[test]
fn culling_draws_only_what_is_on_screen() {
    let s = synthetic(5000);
    let all = s.frame(&camera_on(&s, 0.01), &Emphasis::default(), &mut measure);
    assert_eq!(all.nodes.len(), 5000);
    let mut cam = camera_on(&s, 3.0);
    cam.centre = s.position(2500).unwrap();
    let near = s.frame(&cam, &Emphasis::default(), &mut measure);
    assert!(!near.nodes.is_empty() && near.nodes.len() < 400, "{} nodes drawn", near.nodes.len());
    for n in &near.nodes {
        assert!(n.at[0] > -100.0 && n.at[0] < 1700.0 && n.at[1] > -100.0 && n.at[1] < 1100.0);
    }
    assert!(near.edges.len() < all.edges.len());
}

#[test]
fn zoomed_out_the_edge_budget_keeps_the_strongest_edges() {
    let s = synthetic(5000);
    let f = s.frame(&camera_on(&s, 0.01), &Emphasis::default(), &mut measure);
    assert_eq!(f.edges.len(), EDGE_BUDGET);
    assert_eq!(f.edges_left_out, s.edges().len() - EDGE_BUDGET);
    let weakest_drawn = f.edges.iter().map(|e| s.edges()[e.edge as usize].rank_key()).min().unwrap();
    let drawn: std::collections::HashSet<u32> = f.edges.iter().map(|e| e.edge).collect();
    let strongest_left = (0..s.edges().len() as u32)
        .filter(|e| !drawn.contains(e))
        .map(|e| s.edges()[e as usize].rank_key())
        .max()
        .unwrap();
    assert!(weakest_drawn >= strongest_left);
    // and the last ones fade
    assert!(f.edges.last().unwrap().alpha < f.edges[0].alpha);
}

#[test]
fn hit_testing_finds_the_node_under_the_pointer() {
    let s = synthetic(400);
    let cam = camera_on(&s, 1.0);
    for i in [0u32, 17, 399] {
        let at = cam.to_screen(s.position(i).unwrap());
        assert_eq!(s.node_at(&cam, [at[0] + 1.0, at[1] - 1.0]), Some(i));
    }
    assert_eq!(s.node_at(&cam, [-500.0, -500.0]), None);
    let f = s.frame(&cam, &Emphasis::default(), &mut measure);
    let e = f.edges[0];
    let mid = [f32::midpoint(e.from[0], e.to[0]), f32::midpoint(e.from[1], e.to[1]) + 2.0];
    assert!(Scene::edge_at(&f, mid).is_some());
}

/// A chain 0 - 1 - 2 - 3 - 4 - 5.
fn chain() -> Scene {
    let nodes =
        (0..6).map(|k| SceneNode::new(NodeIndex::new(k), format!("节点{k}"), EntityKind::Person, 1, 2)).collect();
    let edges = (0..5)
        .map(|k| SceneEdge {
            index: EdgeIndex::new(k),
            a: k as u32,
            b: k as u32 + 1,
            weight: 1,
            typed: true,
            label: "任职".into(),
        })
        .collect();
    let mut s = Scene::new(nodes, edges);
    s.set_positions(|i| Some([i.index() as f32 * 100.0, 0.0]));
    s
}

#[test]
fn focus_keeps_k_hops_bright_and_can_hide_the_rest() {
    let s = chain();
    let cam = camera_on(&s, 1.0);
    for hops in 1..=3u8 {
        let em = Emphasis { focus: Some(0), hops, ..Emphasis::default() };
        let f = s.frame(&cam, &em, &mut measure);
        let bright: Vec<u32> = f.nodes.iter().filter(|n| !n.dim).map(|n| n.node).collect();
        assert_eq!(bright, (0..=u32::from(hops)).collect::<Vec<_>>(), "hops {hops}");
        assert_eq!(f.nodes.len(), 6, "dimmed, not hidden");
        let only = s.frame(&cam, &Emphasis { only_neighbourhood: true, ..em }, &mut measure);
        assert_eq!(only.nodes.len(), usize::from(hops) + 1);
        assert_eq!(only.edges.len(), usize::from(hops));
    }
    assert_eq!(s.hop_distances(2, 1), [u8::MAX, 1, 0, 1, u8::MAX, u8::MAX]);
}

#[test]
fn search_hits_are_ringed_and_labelled_first() {
    let s = synthetic(3000);
    let em = Emphasis { marked: vec![2999], hops: 1, ..Emphasis::default() };
    let f = s.frame(&camera_on(&s, 0.05), &em, &mut measure);
    assert!(f.nodes.iter().any(|n| n.node == 2999 && n.marked));
    assert_eq!(f.labels[0].target, LabelOf::Node(2999));
}

fn sample_graph() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let loaded = pipeline::load_bytes(crate::SAMPLE_NAME, crate::SAMPLE_ARTICLE, &HybridExtractor).unwrap();
    pipeline::merge(&mut g, crate::SAMPLE_NAME, loaded).unwrap();
    let second =
        "重庆嘉陵精密仪器有限公司董事长赵明远与西南大学签署合作协议。北碚区副区长钱文华出席签约仪式。".as_bytes();
    let loaded = pipeline::load_bytes("second.txt", second, &HybridExtractor).unwrap();
    pipeline::merge(&mut g, "second.txt", loaded).unwrap();
    g
}

#[test]
fn each_filter_changes_what_is_shown() {
    let g = sample_graph();
    let all = Scene::from_graph(&g, &Filter::default());
    assert_eq!(all.nodes().len(), g.node_count());
    assert_eq!(all.edges().len(), g.edge_count(), "a small graph shows co_occurs");
    let count = |f: Filter| {
        let s = Scene::from_graph(&g, &f);
        (s.nodes().len(), s.edges().len())
    };
    let (n, e) = (all.nodes().len(), all.edges().len());

    let mut kinds = Filter::default();
    kinds.kinds[kind_index(EntityKind::Place)] = false;
    let (kn, _) = count(kinds);
    assert!(kn < n && kn > 0);

    let (mn, _) = count(Filter { min_mentions: 3, ..Filter::default() });
    assert!(mn < n && mn > 0);
    let (dn, _) = count(Filter { min_degree: 5, ..Filter::default() });
    assert!(dn < n && dn > 0);
    // every node shown has the minimum among the edges shown (dropping one lowers others)
    let core = Scene::from_graph(&g, &Filter { min_degree: 5, ..Filter::default() });
    for (i, node) in core.nodes().iter().enumerate() {
        let shown = core.edges().iter().filter(|e| e.a as usize == i || e.b as usize == i).count();
        assert!(shown >= 5 && shown == node.degree, "{} has {shown} shown edges", node.label);
    }

    let (_, ce) = count(Filter { co_occurs: Some(false), ..Filter::default() });
    assert!(ce < e && ce > 0);
    let typed = all.edges().iter().find(|x| x.typed).map(|x| g.edge(x.index).unwrap().2.kind.clone()).unwrap();
    let (_, re) = count(Filter { hidden_relations: [typed].into(), ..Filter::default() });
    assert!(re < e);

    // leaving out the second article drops what only it says
    let (an, ae) = count(Filter { hidden_documents: [1].into(), ..Filter::default() });
    assert!(an < n && ae < e, "{an}/{n} {ae}/{e}");
    let (bn, _) = count(Filter { hidden_documents: [0, 1].into(), ..Filter::default() });
    assert_eq!(bn, 0);
}

#[test]
fn co_occurs_is_hidden_by_default_only_on_big_graphs() {
    let f = Filter::default();
    assert!(f.shows_co_occurs(CO_OCCURS_HIDDEN_ABOVE));
    assert!(!f.shows_co_occurs(CO_OCCURS_HIDDEN_ABOVE + 1));
    assert!(Filter { co_occurs: Some(true), ..f }.shows_co_occurs(1_000_000));
}

#[test]
fn a_hub_in_focus_draws_its_own_edges_under_a_cap_and_the_rest_under_the_budget() {
    // a star of 3,000 leaves around node 0, plus a ring among the leaves
    let n = 3001;
    let nodes = (0..n).map(|k| SceneNode::new(NodeIndex::new(k), format!("点{k}"), EntityKind::Place, 1, 2)).collect();
    let mut edges = Vec::new();
    for k in 1..n {
        for (a, b) in [(0, k), (k, k % (n - 1) + 1)] {
            edges.push(SceneEdge {
                index: EdgeIndex::new(edges.len()),
                a: a as u32,
                b: b as u32,
                weight: 1,
                typed: true,
                label: String::new(),
            });
        }
    }
    let mut s = Scene::new(nodes, edges);
    s.set_positions(|i| Some([(i.index() % 60) as f32 * 30.0, (i.index() / 60) as f32 * 30.0]));
    let em = Emphasis { focus: Some(0), hops: 3, ..Emphasis::default() };
    let f = s.frame(&camera_on(&s, 0.2), &em, &mut measure);
    assert!(f.edges.len() <= FOCUS_EDGE_BUDGET + EDGE_BUDGET, "{} edges drawn", f.edges.len());
    assert!(f.edges_left_out > 0);
}

#[test]
fn frames_are_deterministic() {
    let s = synthetic(2000);
    let cam = camera_on(&s, 0.3);
    let em = Emphasis { focus: Some(5), hops: 2, ..Emphasis::default() };
    assert_eq!(s.frame(&cam, &em, &mut measure), s.frame(&cam, &em, &mut measure));
}
