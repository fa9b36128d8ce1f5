//! The details side panel: search results; for a selected node its kind, aliases, attributes,
//! every source sentence grouped by article with the mention highlighted, and its neighbours; for
//! a selected edge its relation and evidence; otherwise an overview of the articles.

use std::collections::BTreeMap;

use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, TextFormat};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use zhitu::graph::{KnowledgeGraph, SpanRef, StoredDocument};
use zhitu::text::Span;

use super::{Action, Selection, ZhituApp, canvas::kind_colour};

const MARK: Color32 = Color32::from_rgb(255, 224, 120);
const MAX_SENTENCES: usize = 60;

pub fn show(app: &mut ZhituApp, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.add_space(4.0);
        search_results(app, ui);
        match app.viewer.selection {
            Some(Selection::Node(n)) if app.graph.node(n).is_some() => node_details(app, ui, n),
            Some(Selection::Edge(e)) if app.graph.edge(e).is_some() => edge_details(app, ui, e),
            _ => overview(app, ui),
        }
    });
}

fn search_results(app: &mut ZhituApp, ui: &mut egui::Ui) {
    if app.viewer.search.trim().is_empty() {
        return;
    }
    let hits = app.search_matches();
    ui.label(RichText::new(format!("{} match(es) for “{}”", hits.len(), app.viewer.search.trim())).strong());
    for n in hits.into_iter().take(12) {
        let Some(node) = app.graph.node(n) else { continue };
        let text = format!("{}  ·  {}", node.label, node.kind.label_zh());
        if ui.button(RichText::new(text).color(kind_colour(node.kind))).clicked() {
            app.push(Action::Focus(n));
        }
    }
    ui.separator();
}

/// Entities listed in the ranking.
const RANKED: usize = 20;

fn overview(app: &mut ZhituApp, ui: &mut egui::Ui) {
    ranking(app, ui);
    ui.heading("Articles");
    for d in app.graph.documents() {
        doc_header(ui, d);
        ui.add_space(6.0);
    }
    ui.separator();
    ui.label("Click a node or an edge to read the sentences it came from. Drag the background to pan, scroll to zoom, drag a node to pin it.");
}

/// The most central entities (by `PageRank` once the analysis is done, by mentions before):
/// click one to select it.
fn ranking(app: &mut ZhituApp, ui: &mut egui::Ui) {
    if app.graph.node_count() == 0 {
        return;
    }
    let analysis = app.current_analysis();
    let mut nodes: Vec<(f64, NodeIndex)> = app
        .graph
        .nodes()
        .map(|(i, n)| {
            let score = analysis.as_ref().and_then(|(_, a)| a.pagerank.get(i.index()).copied());
            (score.unwrap_or(n.mentions.len() as f64), i)
        })
        .collect();
    nodes.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ui.heading("Ranking");
    match &analysis {
        Some((_, a)) => {
            let communities = a.community.iter().max().map_or(0, |&c| c + 1);
            ui.label(format!("By PageRank · {communities} communities, modularity {:.3}", a.modularity));
        }
        None => {
            ui.label("By mentions (the analysis is running)");
        }
    }
    egui::Grid::new("ranking").num_columns(2).striped(true).show(ui, |ui| {
        for (rank, &(score, n)) in nodes.iter().take(RANKED).enumerate() {
            let Some(node) = app.graph.node(n) else { continue };
            let text = format!("{}. {}", rank + 1, node.label);
            if ui.button(RichText::new(text).color(kind_colour(node.kind))).clicked() {
                app.push(Action::Focus(n));
            }
            ui.label(if analysis.is_some() { format!("{score:.4}") } else { format!("{score:.0}") });
            ui.end_row();
        }
    });
    ui.separator();
}

/// The path tool: type the other end, pick it, read the shortest path (typed relations first)
/// with the evidence of each hop.
fn path_tool(app: &mut ZhituApp, ui: &mut egui::Ui, from: NodeIndex) {
    ui.label(RichText::new("Path to…").strong());
    let caption = ui.label("Other end");
    ui.add(egui::TextEdit::singleline(&mut app.viewer.path_query).hint_text("a name").desired_width(200.0))
        .labelled_by(caption.id);
    let query = app.viewer.path_query.trim().to_owned();
    if !query.is_empty() {
        let hits: Vec<(NodeIndex, String)> = app
            .graph
            .nodes()
            .filter(|(i, node)| {
                *i != from && (node.label.contains(&query) || node.aliases.iter().any(|a| a.contains(&query)))
            })
            .take(8)
            .map(|(i, node)| (i, node.label.clone()))
            .collect();
        for (other, label) in hits {
            if ui.button(format!("path to {label}")).clicked() {
                app.push(Action::FindPath(from, other));
            }
        }
    }
    let Some(path) = app.viewer.path.clone().filter(|p| p.from == from) else { return };
    let to = app.graph.node(path.to).map_or("?", |x| x.label.as_str()).to_owned();
    if path.nodes.is_empty() {
        ui.label(format!("No path to {to}."));
        return;
    }
    ui.label(format!("{} hop(s) to {to}:", path.nodes.len() - 1));
    for w in path.nodes.windows(2) {
        let (a, b) = (w[0], w[1]);
        // the hop's edge: a typed relation first
        let mut edges: Vec<EdgeIndex> =
            app.graph.neighbours(a).into_iter().filter(|&(o, _)| o == b).map(|(_, e)| e).collect();
        edges.sort_by_key(|&e| app.graph.edge(e).is_none_or(|(_, _, x)| x.kind == "co_occurs"));
        let Some(&e) = edges.first() else { continue };
        let (Some(na), Some(nb), Some((_, _, edge))) = (app.graph.node(a), app.graph.node(b), app.graph.edge(e)) else {
            continue;
        };
        let text = format!("{} —{}→ {}", na.label, edge.label, nb.label);
        let evidence = edge.evidence.first().and_then(|first| {
            let d = app.graph.documents().get(first.doc)?;
            Some(d.slice(d.sentence_around(first.span)).to_owned())
        });
        if ui.button(text).on_hover_text("Show the evidence").clicked() {
            app.push(Action::Select(Some(Selection::Edge(e))));
        }
        if let Some(sentence) = evidence {
            ui.label(RichText::new(sentence).small().color(Color32::from_gray(70)));
        }
    }
}

fn doc_header(ui: &mut egui::Ui, d: &StoredDocument) {
    let r = &d.record;
    ui.label(RichText::new(if r.title.is_empty() { &r.path } else { &r.title }).strong());
    let meta: Vec<&str> =
        [r.source.as_deref(), r.published.as_deref(), Some(r.path.as_str())].into_iter().flatten().collect();
    ui.label(RichText::new(meta.join(" · ")).small().color(Color32::from_gray(90)));
}

fn node_details(app: &mut ZhituApp, ui: &mut egui::Ui, n: NodeIndex) {
    let Some(node) = app.graph.node(n).cloned() else { return };
    ui.horizontal(|ui| {
        let (dot, _) = ui.allocate_exact_size(egui::Vec2::splat(16.0), egui::Sense::hover());
        ui.painter().circle_filled(dot.center(), 7.0, kind_colour(node.kind));
        ui.label(RichText::new(&node.label).size(22.0).strong());
    });
    ui.label(format!(
        "{} {} · {} mention(s)",
        zhitu::export::table::kind_label(node.kind),
        node.kind.label_zh(),
        node.mentions.len()
    ));
    if !node.aliases.is_empty() {
        ui.label(format!("Also called: {}", node.aliases.join("、")));
    }
    if !node.attrs.is_empty() {
        egui::Grid::new("attrs").num_columns(2).striped(true).show(ui, |ui| {
            for k in node.attrs.keys() {
                ui.label(RichText::new(attr_name(k)).color(Color32::from_gray(90)));
                ui.label(node.attr(k).unwrap_or_default());
                ui.end_row();
            }
        });
    }
    ui.separator();
    super::edits::node_section(app, ui, n);
    ui.separator();
    path_tool(app, ui, n);
    ui.separator();
    ui.label(RichText::new("Sources").strong());
    let spans: Vec<SpanRef> = node.mentions.clone();
    sentences(&app.graph, ui, &spans, &spans);

    ui.separator();
    let neighbours = app.graph.neighbours(n);
    ui.label(RichText::new(format!("Neighbours ({})", neighbours.len())).strong());
    for (other, e) in neighbours {
        let (Some(o), Some((a, _, edge))) = (app.graph.node(other), app.graph.edge(e)) else { continue };
        let arrow = if a == n { "→" } else { "←" };
        let text = format!("{arrow} {}  ·  {} ({})", o.label, edge.label, edge.weight);
        let (colour, hover) = (kind_colour(o.kind), format!("Show why {} and {} are linked", node.label, o.label));
        ui.horizontal(|ui| {
            if ui.button(RichText::new(text).color(colour)).clicked() {
                app.push(Action::Focus(other));
            }
            if ui.small_button("evidence").on_hover_text(hover).clicked() {
                app.push(Action::Select(Some(Selection::Edge(e))));
            }
        });
    }
}

fn attr_name(k: &str) -> &str {
    match k {
        "role" => "role 职务",
        "adcode" => "adcode 行政区划代码",
        "path" => "path 行政区划",
        "lon" => "longitude 经度",
        "lat" => "latitude 纬度",
        "merged_because" => "merged because 合并依据",
        "official_name" => "official name 正式名称",
        "continent" => "continent 所在洲",
        "country" => "country 所属国家",
        other => other,
    }
}

fn edge_details(app: &mut ZhituApp, ui: &mut egui::Ui, e: EdgeIndex) {
    let Some((a, b, edge)) = app.graph.edge(e) else { return };
    let edge = edge.clone();
    let (Some(na), Some(nb)) = (app.graph.node(a).cloned(), app.graph.node(b).cloned()) else { return };
    ui.label(RichText::new(format!("{} — {} — {}", na.label, edge.label, nb.label)).size(18.0).strong());
    ui.label(format!("type {} · weight {} · {} evidence span(s)", edge.kind, edge.weight, edge.evidence.len()));
    ui.horizontal(|ui| {
        for (n, node) in [(a, &na), (b, &nb)] {
            if ui.button(RichText::new(&node.label).color(kind_colour(node.kind))).clicked() {
                app.push(Action::Focus(n));
            }
        }
    });
    super::edits::edge_section(app, ui, e);
    ui.separator();
    ui.label(RichText::new("Evidence").strong());
    let marks: Vec<SpanRef> = na.mentions.iter().chain(&nb.mentions).copied().collect();
    sentences(&app.graph, ui, &edge.evidence, &marks);
}

/// The sentences around `spans`, grouped by article, with `marks` highlighted.
fn sentences(g: &KnowledgeGraph, ui: &mut egui::Ui, spans: &[SpanRef], marks: &[SpanRef]) {
    let mut by_doc: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
    for s in spans {
        let Some(d) = g.documents().get(s.doc) else { continue };
        let sentence = d.sentence_around(s.span);
        let list = by_doc.entry(s.doc).or_default();
        if !list.contains(&sentence) {
            list.push(sentence);
        }
    }
    let mut shown = 0;
    for (doc, mut list) in by_doc {
        let d = &g.documents()[doc];
        list.sort();
        egui::Frame::new().fill(Color32::from_gray(246)).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
            doc_header(ui, d);
            for sentence in list {
                if shown == MAX_SENTENCES {
                    ui.label("…");
                }
                shown += 1;
                if shown > MAX_SENTENCES {
                    continue;
                }
                let inside: Vec<Span> =
                    marks.iter().filter(|m| m.doc == doc && sentence.contains(m.span)).map(|m| m.span).collect();
                ui.add(egui::Label::new(highlighted(d, sentence, &inside)).wrap());
            }
        });
        ui.add_space(4.0);
    }
}

/// A sentence as a layout job with the given spans on a marker background.
fn highlighted(d: &StoredDocument, sentence: Span, marks: &[Span]) -> LayoutJob {
    let mut marks: Vec<Span> = marks.to_vec();
    marks.sort();
    let plain = TextFormat { font_id: FontId::proportional(15.0), color: Color32::from_gray(20), ..Default::default() };
    let mark = TextFormat { background: MARK, ..plain.clone() };
    let mut job = LayoutJob::default();
    let mut at = sentence.start;
    for m in marks {
        if m.start < at {
            continue;
        }
        job.append(d.slice(Span::new(at, m.start)), 0.0, plain.clone());
        job.append(d.slice(m), 0.0, mark.clone());
        at = m.end;
    }
    job.append(d.slice(Span::new(at, sentence.end)), 0.0, plain);
    job
}
