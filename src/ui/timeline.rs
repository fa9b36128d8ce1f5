//! The timeline: a histogram of the articles on their time axis (by day, week, month or year,
//! whichever the dates' span reads best in; `zhitu::scene::timeline`), a range (two sliders)
//! that hides the articles outside it — and with them the mentions and edges only they
//! support — live, and Play, which widens the range bin by bin.

use egui::{Color32, RichText, Sense, Vec2};
use zhitu::scene::timeline::Step;

use super::ZhituApp;

/// How long Play takes over the whole axis, and the shortest and longest time per bin.
const PLAY_TOTAL: std::time::Duration = std::time::Duration::from_secs(20);
const STEP_MIN: std::time::Duration = std::time::Duration::from_millis(120);
const STEP_MAX: std::time::Duration = std::time::Duration::from_millis(700);

#[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)] // slider values are bin indexes
pub fn show(app: &mut ZhituApp, ui: &mut egui::Ui) {
    ui.heading("Timeline");
    let axis = app.timeline_axis();
    if axis.len() < 2 {
        ui.label(RichText::new("The articles' dates fall on fewer than two days.").weak());
        return;
    }
    let last = axis.len() - 1;
    let (mut from, mut to) = app.viewer.timeline.unwrap_or((0, last));
    from = from.min(last);
    to = to.min(last);
    // playing: one more bin every step, then stop at the end
    let step = (PLAY_TOTAL / u32::try_from(axis.len()).unwrap_or(u32::MAX)).clamp(STEP_MIN, STEP_MAX);
    if let Some(since) = app.viewer.playing {
        if since.elapsed() >= step {
            if to < last {
                to += 1;
                app.viewer.playing = Some(std::time::Instant::now());
            } else {
                app.viewer.playing = None;
            }
        }
        ui.ctx().request_repaint_after(step / 4);
    }
    // the histogram, bins in range in colour; hovering a bar names it
    let most = axis.bins.iter().map(|b| b.documents.len()).max().unwrap_or(1).max(1);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(ui.available_width(), 48.0), Sense::hover());
    let bar = rect.width() / axis.len() as f32;
    let gap = if bar > 3.0 { 0.5 } else { 0.0 };
    for (k, b) in axis.bins.iter().enumerate() {
        let h = rect.height() * b.documents.len() as f32 / most as f32;
        let x = rect.left() + bar * k as f32;
        let r =
            egui::Rect::from_min_max(egui::pos2(x + gap, rect.bottom() - h), egui::pos2(x + bar - gap, rect.bottom()));
        let colour = if (from..=to).contains(&k) { Color32::from_rgb(52, 120, 212) } else { Color32::from_gray(200) };
        ui.painter().rect_filled(r, 1.0, colour);
    }
    ui.painter().hline(rect.x_range(), rect.bottom(), ui.visuals().widgets.noninteractive.bg_stroke);
    if let Some(p) = response.hover_pos() {
        let k = (((p.x - rect.left()) / bar) as usize).min(last);
        response.on_hover_text(format!(
            "{}: {} article(s)",
            name(axis.step, &axis.bins[k].label),
            axis.bins[k].documents.len()
        ));
    }
    let label = |k: usize| axis.bins[k.min(last)].label.clone();
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
        let unit = match axis.step {
            Step::Day => "by day",
            Step::Week => "by week",
            Step::Month => "by month",
            Step::Year => "by year",
        };
        ui.label(format!("{} – {}: {} article(s), {unit}", label(from), label(to), axis.count(from, to)));
    });
    app.viewer.timeline = if (from, to) == (0, last) && app.viewer.playing.is_none() { None } else { Some((from, to)) };
}

/// A bin as a tooltip names it.
fn name(step: Step, label: &str) -> String {
    match step {
        Step::Week => format!("week of {label}"),
        _ => label.to_owned(),
    }
}
