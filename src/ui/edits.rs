//! Correcting the graph in the window: the *Correct* section of a selected node (rename, change
//! kind, hide, merge another node into it, split mentions off it, link it to another node) and
//! of a selected edge (hide, mark wrong), and the history panel (every edit with its time and
//! note, undo and redo, edits that no longer apply). The edits themselves are `zhitu::curate`'s;
//! this module only turns clicks into [`Action::Edit`], [`Action::Undo`] and [`Action::Redo`].

use std::collections::BTreeSet;

use egui::{Color32, RichText};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use zhitu::curate;
use zhitu::extract::{EntityKind, RelationType};
use zhitu::graph::model::{DocSpan, EditOp};

use super::{Action, ZhituApp};

/// Candidates listed under a name typed to merge or link.
const CANDIDATES: usize = 8;

/// Height of the list of mentions to split off (it scrolls: a hub has hundreds).
const SPLIT_LIST_HEIGHT: f32 = 220.0;

/// What the *Correct* section is filling in, for one node.
#[derive(Debug, Clone, Default)]
pub struct EditForm {
    pub node: Option<NodeIndex>,
    pub name: String,
    pub note: String,
    pub merge_query: String,
    pub link_query: String,
    pub link_relation: usize,
    /// Mentions (indexes into the node's mentions) chosen to split off, and the new name.
    pub split: BTreeSet<usize>,
    pub split_name: String,
}

/// Relation types offered when linking two nodes by hand.
const LINK_TYPES: [RelationType; 8] = [
    RelationType::WorksFor,
    RelationType::HoldsPosition,
    RelationType::PartOf,
    RelationType::LocatedIn,
    RelationType::CooperatesWith,
    RelationType::Promotes,
    RelationType::MemberOf,
    RelationType::Related,
];

fn key_of(app: &ZhituApp, n: NodeIndex) -> Option<String> {
    app.graph.node(n).map(|node| node.key.to_string())
}

/// Nodes other than `not` whose name contains `query`, label matches first.
fn candidates(app: &ZhituApp, query: &str, not: NodeIndex) -> Vec<(NodeIndex, String)> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(bool, usize, NodeIndex, String)> = app
        .graph
        .nodes()
        .filter(|(i, node)| *i != not && (node.label.contains(query) || node.aliases.iter().any(|a| a.contains(query))))
        .map(|(i, node)| (!node.label.contains(query), node.label.chars().count(), i, node.label.clone()))
        .collect();
    hits.sort();
    hits.into_iter().take(CANDIDATES).map(|(_, _, i, label)| (i, label)).collect()
}

/// The *Correct* section of a selected node.
pub fn node_section(app: &mut ZhituApp, ui: &mut egui::Ui, n: NodeIndex) {
    let Some(node) = app.graph.node(n).cloned() else { return };
    if app.viewer.edit.node != Some(n) {
        app.viewer.edit = EditForm { node: Some(n), name: node.label.clone(), ..EditForm::default() };
    }
    let Some(key) = key_of(app, n) else { return };
    ui.toggle_value(&mut app.viewer.show_correct, RichText::new("Correct").strong())
        .on_hover_text("Rename, change kind, hide, merge, split, link");
    if !app.viewer.show_correct {
        return;
    }
    ui.group(|ui| {
        let caption = ui.label("Note (why)");
        ui.add(egui::TextEdit::singleline(&mut app.viewer.edit.note).hint_text("optional").desired_width(220.0))
            .labelled_by(caption.id);

        ui.horizontal(|ui| {
            let caption = ui.label("Name");
            ui.add(egui::TextEdit::singleline(&mut app.viewer.edit.name).desired_width(140.0)).labelled_by(caption.id);
            let name = app.viewer.edit.name.trim().to_owned();
            if ui.add_enabled(!name.is_empty() && name != node.label, egui::Button::new("Rename")).clicked() {
                app.push(Action::Edit(Box::new(EditOp::Rename {
                    node: key.clone(),
                    label: name,
                    from: String::new(),
                })));
            }
        });

        ui.horizontal(|ui| {
            ui.label("Kind");
            for kind in EntityKind::ALL {
                if ui.selectable_label(node.kind == kind, kind.label_zh()).clicked() && node.kind != kind {
                    app.push(Action::Edit(Box::new(EditOp::Retype { node: key.clone(), to: kind, from: None })));
                }
            }
        });
        if ui.button("Hide this node").on_hover_text("Not drawn; undo or the history brings it back").clicked() {
            app.push(Action::Edit(Box::new(EditOp::HideNode { node: key.clone() })));
        }

        ui.separator();
        let caption = ui.label("Merge another node into this one");
        ui.add(egui::TextEdit::singleline(&mut app.viewer.edit.merge_query).hint_text("its name").desired_width(200.0))
            .labelled_by(caption.id);
        for (other, label) in candidates(app, &app.viewer.edit.merge_query, n) {
            if ui.button(format!("Merge {label} into {}", node.label)).clicked()
                && let Some(absorb) = key_of(app, other)
            {
                app.push(Action::Edit(Box::new(EditOp::Merge { keep: key.clone(), absorb, absorbed: None })));
            }
        }

        ui.separator();
        ui.label("Split mentions off as another entity");
        egui::ScrollArea::vertical().id_salt("split mentions").max_height(SPLIT_LIST_HEIGHT).show(ui, |ui| {
            split_choices(app, ui, &node.mentions);
        });
        ui.horizontal(|ui| {
            let caption = ui.label("New name");
            ui.add(egui::TextEdit::singleline(&mut app.viewer.edit.split_name).desired_width(120.0))
                .labelled_by(caption.id);
            let name = app.viewer.edit.split_name.trim().to_owned();
            let chosen: Vec<DocSpan> = app
                .viewer
                .edit
                .split
                .iter()
                .filter_map(|&i| node.mentions.get(i))
                .filter_map(|m| {
                    app.graph.fingerprint(m.doc).map(|doc| DocSpan { doc, start: m.span.start, end: m.span.end })
                })
                .collect();
            let ready = !name.is_empty() && !chosen.is_empty() && chosen.len() < node.mentions.len();
            if ui.add_enabled(ready, egui::Button::new("Split off")).clicked() {
                let doc = node
                    .mentions
                    .first()
                    .and_then(|m| app.graph.documents().get(m.doc))
                    .map_or("", |d| d.record.id.as_str());
                let into = curate::key_for_split(&node.key, node.kind, &name, doc).to_string();
                app.push(Action::Edit(Box::new(EditOp::Split {
                    node: key.clone(),
                    into,
                    label: name,
                    mentions: chosen,
                })));
            }
        });

        ui.separator();
        let caption = ui.label("Link to another node");
        ui.add(egui::TextEdit::singleline(&mut app.viewer.edit.link_query).hint_text("its name").desired_width(200.0))
            .labelled_by(caption.id);
        ui.horizontal_wrapped(|ui| {
            for (i, t) in LINK_TYPES.iter().enumerate() {
                ui.selectable_value(&mut app.viewer.edit.link_relation, i, t.as_str());
            }
        });
        let relation = LINK_TYPES[app.viewer.edit.link_relation.min(LINK_TYPES.len() - 1)];
        for (other, label) in candidates(app, &app.viewer.edit.link_query, n) {
            if ui.button(format!("Link {} —{}→ {label}", node.label, relation.as_str())).clicked()
                && let Some(target) = key_of(app, other)
            {
                let label = app.viewer.edit.note.trim().to_owned();
                app.push(Action::Edit(Box::new(EditOp::AddEdge {
                    source: key.clone(),
                    target,
                    relation: relation.as_str().to_owned(),
                    label,
                })));
            }
        }
    });
}

/// A check box per mention (its text and the start of its sentence), to choose those to split
/// off.
fn split_choices(app: &mut ZhituApp, ui: &mut egui::Ui, mentions: &[zhitu::graph::SpanRef]) {
    for (i, m) in mentions.iter().enumerate() {
        let Some(d) = app.graph.documents().get(m.doc) else { continue };
        let sentence = d.slice(d.sentence_around(m.span));
        let short: String = sentence.chars().take(28).collect();
        let mut on = app.viewer.edit.split.contains(&i);
        if ui.checkbox(&mut on, format!("{}: {short}", d.slice(m.span))).changed() {
            if on {
                app.viewer.edit.split.insert(i);
            } else {
                app.viewer.edit.split.remove(&i);
            }
        }
    }
}

/// The *Correct* section of a selected edge.
pub fn edge_section(app: &mut ZhituApp, ui: &mut egui::Ui, e: EdgeIndex) {
    let Some((a, b, edge)) = app.graph.edge(e) else { return };
    let (Some(source), Some(target)) = (key_of(app, a), key_of(app, b)) else { return };
    let relation = edge.kind.clone();
    ui.horizontal(|ui| {
        if ui.button("Hide this edge").clicked() {
            app.push(Action::Edit(Box::new(EditOp::HideEdge {
                source: source.clone(),
                target: target.clone(),
                relation: relation.clone(),
            })));
        }
        if ui.button("Mark wrong").on_hover_text("Take it out, and keep it out when articles bring it again").clicked()
        {
            app.push(Action::Edit(Box::new(EditOp::MarkWrong { source, target, relation, removed: None })));
        }
    });
}

/// The history panel: the edit log, newest last, with undo and redo.
pub fn history(app: &mut ZhituApp, ui: &mut egui::Ui) {
    ui.heading("Edits");
    ui.horizontal(|ui| {
        if ui.add_enabled(!app.graph.edits().is_empty(), egui::Button::new("Undo")).clicked() {
            app.push(Action::Undo);
        }
        if ui.add_enabled(!app.redo.is_empty(), egui::Button::new("Redo")).clicked() {
            app.push(Action::Redo);
        }
    });
    if app.graph.edits().is_empty() && app.redo.is_empty() {
        ui.label(RichText::new("No edits yet. Select a node or an edge and open Correct.").weak());
        return;
    }
    let graph = std::sync::Arc::clone(&app.graph);
    for (i, record) in graph.edits().iter().enumerate() {
        let stale = app.stale_edits.iter().find(|s| s.index == i);
        let text = format!("{}. {}", i + 1, curate::describe(&record.op));
        let line = if stale.is_some() {
            RichText::new(text).color(Color32::from_rgb(170, 30, 30))
        } else {
            RichText::new(text)
        };
        let response = ui.label(line);
        let mut tip = record.time.replace('T', " ").replace('Z', " UTC");
        if !record.note.is_empty() {
            tip = format!("{tip}\n{}", record.note);
        }
        if let Some(s) = stale {
            tip = format!("{tip}\nno longer applies: {}", s.reason);
        }
        response.on_hover_text(tip);
        if matches!(record.op, EditOp::HideNode { .. } | EditOp::HideEdge { .. })
            && ui.small_button(format!("Show again ({})", i + 1)).clicked()
        {
            app.push(Action::Unhide(i));
        }
    }
    for record in app.redo.iter().rev() {
        ui.label(RichText::new(format!("undone: {}", curate::describe(&record.op))).weak());
    }
}
