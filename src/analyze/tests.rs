use petgraph::graph::UnGraph;

use super::*;

/// A petgraph graph of unit-weight edges, as a CSR (typed).
fn csr(n: usize, edges: &[(u32, u32)]) -> Csr {
    let mut g: UnGraph<(), f64> = UnGraph::new_undirected();
    for _ in 0..n {
        g.add_node(());
    }
    for &(a, b) in edges {
        g.add_edge(a.into(), b.into(), 1.0);
    }
    Csr::from_graph(&g, |e| (*e.weight(), true))
}

/// Two cliques of five joined by one edge.
fn barbell() -> Csr {
    let mut edges = Vec::new();
    for base in [0u32, 5] {
        for a in 0..5 {
            for b in a + 1..5 {
                edges.push((base + a, base + b));
            }
        }
    }
    edges.push((4, 5));
    csr(10, &edges)
}

#[test]
fn csr_merges_parallel_edges_and_drops_loops() {
    let g = csr(3, &[(0, 1), (1, 0), (1, 1), (1, 2)]);
    assert_eq!(degree(&g), [1, 2, 1]);
    assert_eq!(g.neighbours(0).collect::<Vec<_>>(), [(1, 2.0, true)]);
    assert!((g.strength()[1] - 3.0).abs() < 1e-12);
}

#[test]
fn pagerank_sums_to_one_and_favours_the_hub() {
    let star = csr(6, &[(0, 1), (0, 2), (0, 3), (0, 4), (0, 5)]);
    let pr = pagerank(&star);
    assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    assert!(pr[0] > 2.0 * pr[1]);
    // a symmetric graph: equal ranks; an isolated node still gets the teleport share
    let pr = pagerank(&csr(4, &[(0, 1), (1, 2), (2, 0)]));
    assert!((pr[0] - pr[1]).abs() < 1e-9 && pr[3] > 0.0);
}

#[test]
fn components_are_numbered_by_size() {
    let c = components(&csr(6, &[(4, 5), (0, 1), (1, 2)]));
    assert_eq!(c, [0, 0, 0, 2, 1, 1]);
}

#[test]
fn betweenness_matches_hand_counts() {
    // a path 0-1-2-3: node 1 lies on pairs (0,2),(0,3); node 2 on (0,3),(1,3)
    let (b, exact) = betweenness(&csr(4, &[(0, 1), (1, 2), (2, 3)]), 1, 2);
    assert!(exact);
    assert_eq!(b, [0.0, 2.0, 2.0, 0.0]);
    // an end of the bridge lies on every path from the other four of its side to the five of
    // the other side: 4 × 5
    let (b, _) = betweenness(&barbell(), 1, 3);
    assert!((b[4] - 20.0).abs() < 1e-9 && (b[5] - 20.0).abs() < 1e-9, "{b:?}");
    assert!(b[0].abs() < 1e-12);
    // the same on one thread
    assert_eq!(betweenness(&barbell(), 1, 1).0, b);
}

#[test]
fn leiden_finds_the_two_cliques_deterministically() {
    let g = barbell();
    let c = leiden::communities(&g, 1.0, 7);
    assert_eq!(c, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    assert_eq!(leiden::communities(&g, 1.0, 7), c);
    let q = leiden::modularity(&g, &c, 1.0);
    // by hand: 2m = 42; each clique has 20 inside and total 21
    let expected = 2.0 * (20.0 / 42.0 - (21.0f64 / 42.0).powi(2));
    assert!((q - expected).abs() < 1e-12, "{q} vs {expected}");
    assert!(q > leiden::modularity(&g, &[0; 10], 1.0));
}

#[test]
fn leiden_on_planted_groups_beats_a_random_split() {
    // 8 groups of 25 nodes, dense inside, a few links between groups
    let mut edges = Vec::new();
    let mut x = 12345u64;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for g in 0..8u32 {
        for _ in 0..120 {
            let (a, b) = ((next() % 25) as u32, (next() % 25) as u32);
            if a != b {
                edges.push((g * 25 + a, g * 25 + b));
            }
        }
    }
    for _ in 0..30 {
        let (a, b) = ((next() % 200) as u32, (next() % 200) as u32);
        if a != b {
            edges.push((a, b));
        }
    }
    let g = csr(200, &edges);
    let c = leiden::communities(&g, 1.0, 1);
    let q = leiden::modularity(&g, &c, 1.0);
    let planted: Vec<u32> = (0..200).map(|i| i / 25).collect();
    let q_planted = leiden::modularity(&g, &planted, 1.0);
    assert!(q >= q_planted - 0.01, "found {q}, planted {q_planted}");
    // every community is connected
    for k in 0..=*c.iter().max().unwrap() {
        let members: Vec<usize> = (0..200).filter(|&i| c[i] == k).collect();
        let mut seen = vec![members[0]];
        let mut stack = vec![members[0]];
        while let Some(u) = stack.pop() {
            for (v, _, _) in g.neighbours(u) {
                if c[v] == k && !seen.contains(&v) {
                    seen.push(v);
                    stack.push(v);
                }
            }
        }
        assert_eq!(seen.len(), members.len(), "community {k} is not connected");
    }
}

#[test]
fn paths_prefer_typed_relations() {
    let mut g: UnGraph<(), (f64, bool)> = UnGraph::new_undirected();
    for _ in 0..4 {
        g.add_node(());
    }
    // 0 -co_occurs- 3 directly, or 0 -typed- 1 -typed- 3
    g.add_edge(0.into(), 3.into(), (1.0, false));
    g.add_edge(0.into(), 1.into(), (1.0, true));
    g.add_edge(1.into(), 3.into(), (1.0, true));
    let csr = Csr::from_graph(&g, |e| *e.weight());
    assert_eq!(shortest_path(&csr, 0, 3), Some(vec![0, 1, 3]));
    assert_eq!(shortest_path(&csr, 0, 2), None);
    assert_eq!(shortest_path(&csr, 2, 2), Some(vec![2]));
}

#[test]
fn the_sample_gets_attributes() {
    let mut g = KnowledgeGraph::new();
    let loaded =
        crate::pipeline::load_bytes(crate::SAMPLE_NAME, crate::SAMPLE_ARTICLE, &crate::extract::HybridExtractor)
            .unwrap();
    crate::pipeline::merge(&mut g, crate::SAMPLE_NAME, loaded).unwrap();
    let a = analyse(&g, 1, 2);
    assert!(a.modularity > 0.0);
    annotate(&mut g, &a);
    let beibei = g.node(g.find_by_name("北碚区").unwrap()).unwrap();
    for k in ["community", "pagerank", "degree", "betweenness"] {
        assert!(beibei.attrs.contains_key(k), "{k} missing");
    }
    // 北碚区 is the most central node of its own article
    let top = (0..a.pagerank.len()).max_by(|&x, &y| a.pagerank[x].total_cmp(&a.pagerank[y])).unwrap();
    assert_eq!(g.node(petgraph::stable_graph::NodeIndex::new(top)).unwrap().label, "北碚区");
}
