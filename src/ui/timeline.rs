//! The timeline: a histogram of the articles by month, a range (two sliders) that hides the
//! articles outside it — and with them the mentions and edges only they support — live, and
//! Play, which widens the range month by month.

use std::collections::{BTreeMap, BTreeSet};

use egui::{Color32, RichText, Sense, Vec2};
use zhitu::graph::KnowledgeGraph;

use super::ZhituApp;

/// How long Play shows each month.
const STEP: std::time::Duration = std::time::Duration::from_millis(700);

/// The months the articles were published in (YYYY-MM), in order, with their articles.
#[must_use]
pub fn months(g: &KnowledgeGraph) -> Vec<(String, Vec<usize>)> {
    let mut by_month: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (k, d) in g.documents().iter().enumerate() {
        let Some(date) = d.record.published.as_deref() else { continue };
        let month: String = date.chars().take(7).collect();
        let b = month.as_bytes();
        if b.len() == 7 && b[4] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit()) {
            by_month.entry(month).or_default().push(k);
        }
    }
    by_month.into_iter().collect()
}

/// The articles the timeline hides: the dated ones outside the range.
#[must_use]
pub fn hidden(g: &KnowledgeGraph, range: Option<(usize, usize)>) -> BTreeSet<usize> {
    let Some((from, to)) = range else { return BTreeSet::new() };
    months(g).into_iter().enumerate().filter(|(k, _)| *k < from || *k > to).flat_map(|(_, (_, docs))| docs).collect()
}

#[allow(clippy::cast_sign_loss)] // slider values are month indexes, never negative
pub fn show(app: &mut ZhituApp, ui: &mut egui::Ui) {
    ui.heading("Timeline");
    let months = months(&app.graph);
    if months.len() < 2 {
        ui.label(RichText::new("The articles' dates span less than two months.").weak());
        return;
    }
    let last = months.len() - 1;
    let (mut from, mut to) = app.viewer.timeline.unwrap_or((0, last));
    // playing: one more month every step, then stop at the end
    if let Some(since) = app.viewer.playing {
        if since.elapsed() >= STEP {
            if to < last {
                to += 1;
                app.viewer.playing = Some(std::time::Instant::now());
            } else {
                app.viewer.playing = None;
            }
        }
        ui.ctx().request_repaint_after(STEP / 4);
    }
    // the histogram, months in range in colour
    let most = months.iter().map(|(_, d)| d.len()).max().unwrap_or(1).max(1);
    let (rect, _) = ui.allocate_exact_size(Vec2::new(ui.available_width(), 48.0), Sense::hover());
    let bar = rect.width() / months.len() as f32;
    for (k, (_, docs)) in months.iter().enumerate() {
        let h = rect.height() * docs.len() as f32 / most as f32;
        let x = rect.left() + bar * k as f32;
        let r =
            egui::Rect::from_min_max(egui::pos2(x + 0.5, rect.bottom() - h), egui::pos2(x + bar - 0.5, rect.bottom()));
        let colour = if (from..=to).contains(&k) { Color32::from_rgb(52, 120, 212) } else { Color32::from_gray(200) };
        ui.painter().rect_filled(r, 1.0, colour);
    }
    let label = |k: usize| months[k.min(last)].0.clone();
    ui.add(egui::Slider::new(&mut from, 0..=last).text("from").custom_formatter(|v, _| label(v as usize)));
    ui.add(egui::Slider::new(&mut to, 0..=last).text("to").custom_formatter(|v, _| label(v as usize)));
    if from > to {
        std::mem::swap(&mut from, &mut to);
    }
    ui.horizontal(|ui| {
        let playing = app.viewer.playing.is_some();
        if ui.button(if playing { "Pause" } else { "Play" }).clicked() {
            if playing {
                app.viewer.playing = None;
            } else {
                if to == last {
                    to = from;
                }
                app.viewer.playing = Some(std::time::Instant::now());
            }
        }
        if ui.button("All").clicked() {
            from = 0;
            to = last;
            app.viewer.playing = None;
        }
        let shown: usize = months[from..=to].iter().map(|(_, d)| d.len()).sum();
        ui.label(format!("{} – {}: {shown} article(s)", label(from), label(to)));
    });
    app.viewer.timeline = if (from, to) == (0, last) && app.viewer.playing.is_none() { None } else { Some((from, to)) };
}
