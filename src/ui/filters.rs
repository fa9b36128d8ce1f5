//! The filters and focus panel: how far the focus reaches (1–3 hops) and whether only that
//! neighbourhood is drawn; minimum mentions and degree; relation types and co-occurrence; the
//! article set; freezing the layout. Kinds are filtered in the top bar.

use std::collections::BTreeSet;

use egui::RichText;
use zhitu::scene::{CO_OCCURS, CO_OCCURS_HIDDEN_ABOVE, ColourBy, SizeBy};

use super::{Action, Selection, ZhituApp};

/// Articles listed by name at most (the rest are counted).
const LISTED_ARTICLES: usize = 500;

pub fn show(app: &mut ZhituApp, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.heading("Focus");
        ui.horizontal(|ui| {
            ui.label("Neighbourhood");
            for k in 1..=3u8 {
                ui.radio_value(&mut app.viewer.hops, k, format!("{k} hop{}", if k > 1 { "s" } else { "" }));
            }
        });
        let selected = matches!(app.viewer.selection, Some(Selection::Node(_)));
        ui.add_enabled(selected, egui::Checkbox::new(&mut app.viewer.only_neighbourhood, "Only this neighbourhood"))
            .on_disabled_hover_text("Select a node first");

        ui.separator();
        ui.heading("Appearance");
        let analysed = app.current_analysis().is_some();
        ui.horizontal(|ui| {
            ui.label("Colour by");
            ui.radio_value(&mut app.viewer.appearance.colour, ColourBy::Kind, "kind");
            ui.add_enabled_ui(analysed, |ui| {
                ui.radio_value(&mut app.viewer.appearance.colour, ColourBy::Community, "community");
            });
        });
        ui.horizontal(|ui| {
            ui.label("Size by");
            ui.radio_value(&mut app.viewer.appearance.size, SizeBy::Mentions, "mentions");
            ui.radio_value(&mut app.viewer.appearance.size, SizeBy::Degree, "degree");
            ui.add_enabled_ui(analysed, |ui| {
                ui.radio_value(&mut app.viewer.appearance.size, SizeBy::PageRank, "PageRank");
            });
        });
        if !analysed {
            ui.label(RichText::new("Communities and PageRank appear when the analysis is done.").weak());
        }

        ui.separator();
        super::timeline::show(app, ui);

        ui.separator();
        ui.heading("Nodes");
        let max_mentions = app.graph.nodes().map(|(_, n)| n.mentions.len()).max().unwrap_or(1).max(1);
        let f = &mut app.viewer.filter;
        ui.add(
            egui::Slider::new(&mut f.min_mentions, 0..=max_mentions.min(200)).text("min. mentions").logarithmic(true),
        );
        ui.add(egui::Slider::new(&mut f.min_degree, 0..=100).text("min. edges").logarithmic(true));

        ui.separator();
        ui.heading("Relations");
        let types: BTreeSet<String> =
            app.graph.edges().map(|(_, _, _, e)| e.kind.clone()).filter(|k| k != CO_OCCURS).collect();
        for t in types {
            let mut shown = !f.hidden_relations.contains(&t);
            if ui.checkbox(&mut shown, t.as_str()).changed() {
                if shown {
                    f.hidden_relations.remove(&t);
                } else {
                    f.hidden_relations.insert(t);
                }
            }
        }
        let mut co = f.shows_co_occurs(app.graph.node_count());
        if ui
            .checkbox(&mut co, "co_occurs (same sentence)")
            .on_hover_text(format!("Hidden by default above {CO_OCCURS_HIDDEN_ABOVE} nodes"))
            .changed()
        {
            f.co_occurs = Some(co);
        }

        ui.separator();
        ui.heading("Articles");
        let docs = app.graph.documents();
        ui.horizontal(|ui| {
            if ui.button("All").clicked() {
                f.hidden_documents.clear();
            }
            if ui.button("None").clicked() {
                f.hidden_documents = (0..docs.len()).collect();
            }
            ui.label(format!("{} of {} shown", docs.len() - f.hidden_documents.len().min(docs.len()), docs.len()));
        });
        for (k, d) in docs.iter().enumerate().take(LISTED_ARTICLES) {
            let name = if d.record.title.is_empty() { &d.record.path } else { &d.record.title };
            let mut shown = !f.hidden_documents.contains(&k);
            if ui.checkbox(&mut shown, name.as_str()).on_hover_text(d.record.path.as_str()).changed() {
                if shown {
                    f.hidden_documents.remove(&k);
                } else {
                    f.hidden_documents.insert(k);
                }
            }
        }
        if docs.len() > LISTED_ARTICLES {
            ui.label(RichText::new(format!("… and {} more", docs.len() - LISTED_ARTICLES)).weak());
        }

        ui.separator();
        ui.heading("Layout");
        let mut frozen = app.frozen;
        if ui.checkbox(&mut frozen, "Freeze").on_hover_text("Stop moving; new nodes settle around the map").changed() {
            app.push(Action::Freeze(frozen));
        }
        if ui.button("Lay out again").clicked() {
            app.push(Action::Relayout);
        }
    });
}
