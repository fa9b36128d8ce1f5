//! `zhitu analyze`: build or load the graph, run `zhitu::analyze` on it, write the annotated
//! graph (with `-o`) and print a summary.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use petgraph::stable_graph::NodeIndex;
use zhitu::analyze::{self, Analysis, EXACT_BETWEENNESS_NODES};
use zhitu::export::{self, Format};
use zhitu::extract::EntityKind;
use zhitu::graph::KnowledgeGraph;

use super::{Timings, build};

/// Entities listed per kind, communities listed, and members named per community.
const TOP_PER_KIND: usize = 5;
const TOP_COMMUNITIES: usize = 8;
const MEMBERS_NAMED: usize = 6;

pub fn run(inputs: &[PathBuf], out: &super::Output) -> anyhow::Result<ExitCode> {
    let format = Format::parse(&out.format).map_err(anyhow::Error::msg)?;
    let threads = super::thread_count(out.threads);
    let mut timings = Timings::from_env();
    let (mut graph, all_read) = build(inputs, out.seed, threads, out.path.is_some(), &mut timings);
    let a = analyze::analyse(&graph, out.seed, threads);
    timings.stage("analyse");
    analyze::annotate(&mut graph, &a);
    if let Some(path) = out.path.as_deref() {
        export::write_file(&graph, format, path)?;
        timings.stage("write");
    }
    print!("{}", summary(&graph, &a));
    timings.report();
    Ok(if all_read { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The summary printed on stdout.
pub fn summary(g: &KnowledgeGraph, a: &Analysis) -> String {
    let mut out = String::new();
    let label = |i: usize| g.node(NodeIndex::new(i)).map_or("?", |n| n.label.as_str());
    let components = a.component.iter().max().map_or(0, |&c| c as usize + 1);
    let largest = a.component.iter().filter(|&&c| c == 0).count();
    let _ = writeln!(
        out,
        "{} nodes, {} edges, {} article(s); {components} component(s), the largest {largest} nodes",
        g.node_count(),
        g.edge_count(),
        g.documents().len()
    );
    let communities = a.community.iter().max().map_or(0, |&c| c as usize + 1);
    let _ = writeln!(out, "{communities} communities (Leiden), modularity {:.4}", a.modularity);
    let _ = writeln!(
        out,
        "betweenness: {}",
        if a.betweenness_exact {
            "exact".to_owned()
        } else {
            format!("estimated from sampled sources (graphs over {EXACT_BETWEENNESS_NODES} nodes)")
        }
    );
    let mut by_rank: Vec<usize> = (0..a.pagerank.len()).filter(|&i| g.node(NodeIndex::new(i)).is_some()).collect();
    by_rank.sort_by(|&x, &y| a.pagerank[y].total_cmp(&a.pagerank[x]).then(x.cmp(&y)));
    let _ = writeln!(out, "\nTop entities by PageRank:");
    for kind in EntityKind::ALL {
        let top: Vec<String> = by_rank
            .iter()
            .filter(|&&i| g.node(NodeIndex::new(i)).is_some_and(|n| n.kind == kind))
            .take(TOP_PER_KIND)
            .map(|&i| format!("{} ({:.4}, degree {})", label(i), a.pagerank[i], a.degree[i]))
            .collect();
        if !top.is_empty() {
            let _ = writeln!(out, "  {:<13}{}", kind.as_str(), top.join(", "));
        }
    }
    let _ = writeln!(out, "\nLargest communities:");
    for c in 0..communities.min(TOP_COMMUNITIES) as u32 {
        let members: Vec<&usize> = by_rank.iter().filter(|&&i| a.community[i] == c).collect();
        let named: Vec<&str> = members.iter().take(MEMBERS_NAMED).map(|&&i| label(i)).collect();
        let _ = writeln!(out, "  #{c} ({} nodes): {}", members.len(), named.join(", "));
    }
    out
}
