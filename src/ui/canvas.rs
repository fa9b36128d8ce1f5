//! The graph canvas, painted with egui's `Painter`: nodes coloured by kind and sized by mentions,
//! edges by weight, Chinese labels; pan by dragging the background, zoom with the wheel or pinch
//! around the pointer, drag a node to move and pin it; hover highlights a node's neighbourhood,
//! a click selects a node or an edge. Every visible node is an AccessKit button with its label.

use std::collections::HashSet;

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, Vec2};
use petgraph::stable_graph::NodeIndex;
use zhitu::extract::EntityKind;

use super::{Action, Selection, View, ZhituApp};

/// The colour of a kind, shared by nodes and the legend.
#[must_use]
pub const fn kind_colour(kind: EntityKind) -> Color32 {
    match kind {
        EntityKind::Person => Color32::from_rgb(232, 116, 59),
        EntityKind::Place => Color32::from_rgb(52, 120, 212),
        EntityKind::Organization => Color32::from_rgb(25, 160, 115),
        EntityKind::Initiative => Color32::from_rgb(148, 94, 207),
    }
}

const BACKGROUND: Color32 = Color32::from_rgb(250, 250, 252);
const HIGHLIGHT: Color32 = Color32::from_rgb(240, 160, 20);

struct Transform {
    rect: Rect,
    centre: Vec2,
    zoom: f32,
}

impl Transform {
    fn to_screen(&self, w: Pos2) -> Pos2 {
        self.rect.center() + (w.to_vec2() - self.centre) * self.zoom
    }

    fn to_world(&self, s: Pos2) -> Pos2 {
        ((s - self.rect.center()) / self.zoom + self.centre).to_pos2()
    }
}

fn radius(mentions: usize, zoom: f32) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let base = (5.0 + 2.2 * (mentions as f32).sqrt()).min(22.0);
    base * zoom.sqrt().clamp(0.7, 1.6)
}

/// Draws the canvas and handles its input; every change it wants (camera, hover, selection,
/// pins) goes into `out` as an [`Action`].
pub fn show(app: &ZhituApp, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let (rect, background) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, BACKGROUND);

    let visible: Vec<(NodeIndex, Pos2)> = app
        .graph
        .nodes()
        .filter(|(i, _)| app.is_visible(*i))
        .filter_map(|(i, _)| Some((i, app.position(i)?)))
        .collect();
    if visible.is_empty() {
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            "No graph yet: File > Open… (Ctrl+O), or drop articles here",
            FontId::proportional(16.0),
            Color32::GRAY,
        );
        return;
    }
    let mut view = app.viewer.view;
    if view.follow {
        fit(&mut view, rect, &visible);
    }
    navigate(&mut view, ui, rect, &background);
    let t = Transform { rect, centre: view.centre, zoom: view.zoom };

    // what to emphasise: the hovered or selected node and its neighbours
    let focus = app.viewer.hovered.or(match app.viewer.selection {
        Some(Selection::Node(n)) => Some(n),
        _ => None,
    });
    let mut near: HashSet<NodeIndex> = HashSet::new();
    if let Some(f) = focus {
        near.insert(f);
        near.extend(app.graph.neighbours(f).into_iter().map(|(n, _)| n));
    }
    let shown: HashSet<NodeIndex> = visible.iter().map(|(n, _)| *n).collect();

    // edges
    let mut labels = Vec::new();
    for (e, a, b, edge) in app.graph.edges() {
        if !shown.contains(&a) || !shown.contains(&b) {
            continue;
        }
        let (Some(pa), Some(pb)) = (app.position(a), app.position(b)) else { continue };
        let (sa, sb) = (t.to_screen(pa), t.to_screen(pb));
        let typed = edge.kind != "co_occurs";
        let touches_focus = focus.is_some_and(|f| f == a || f == b);
        let selected = app.viewer.selection == Some(Selection::Edge(e));
        #[allow(clippy::cast_precision_loss)]
        let width = 0.8 + (edge.weight.max(1) as f32).ln() * 0.8 + if typed { 0.6 } else { 0.0 };
        let colour = if selected {
            HIGHLIGHT
        } else if touches_focus {
            Color32::from_rgba_unmultiplied(60, 60, 80, 220)
        } else if focus.is_some() {
            Color32::from_rgba_unmultiplied(150, 150, 160, 40)
        } else if typed {
            Color32::from_rgba_unmultiplied(70, 80, 110, 150)
        } else {
            Color32::from_rgba_unmultiplied(140, 140, 150, 70)
        };
        painter.line_segment([sa, sb], Stroke::new(if selected { width + 2.0 } else { width }, colour));
        if typed && (touches_focus || selected) {
            labels.push((sa + (sb - sa) * 0.5, edge.label.clone()));
        }
    }

    // nodes
    let mut hovered = None;
    let mut actions = Vec::new();
    let font = FontId::proportional((13.0 * view.zoom.sqrt()).clamp(11.0, 18.0));
    let show_all_labels = visible.len() <= 200 || view.zoom > 1.5;
    for &(n, world) in &visible {
        let Some(node) = app.graph.node(n) else { continue };
        let p = t.to_screen(world);
        let r = radius(node.mentions.len(), view.zoom);
        let hit = Rect::from_center_size(p, Vec2::splat(2.0 * r.max(6.0)));
        if !rect.intersects(hit) {
            continue;
        }
        let id = ui.scope_id().with(("node", &node.id));
        let response = ui.interact(hit, id, Sense::click_and_drag());
        let is_selected = app.viewer.selection == Some(Selection::Node(n));
        let label = node.label.clone();
        response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &label));
        if response.hovered() || response.dragged() {
            hovered = Some(n);
        }
        if response.clicked() {
            actions.push(Action::Select(Some(Selection::Node(n))));
        }
        if response.double_clicked() {
            actions.push(Action::Focus(n));
        }
        if response.dragged()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            actions.push(Action::Pin(n, t.to_world(pointer)));
        }
        let dim = focus.is_some() && !near.contains(&n);
        let mut colour = kind_colour(node.kind);
        if dim {
            colour = colour.gamma_multiply(0.3);
        }
        painter.circle_filled(p, r, colour);
        let ring = if is_selected {
            Stroke::new(3.0, HIGHLIGHT)
        } else if Some(n) == focus {
            Stroke::new(2.0, Color32::from_gray(40))
        } else {
            Stroke::new(1.0, Color32::WHITE)
        };
        painter.circle_stroke(p, r, ring);
        if show_all_labels || near.contains(&n) || is_selected {
            let text_colour = if dim { Color32::from_gray(170) } else { Color32::from_gray(25) };
            let galley = painter.layout_no_wrap(node.label.clone(), font.clone(), text_colour);
            let at = p + Vec2::new(r + 3.0, -galley.size().y / 2.0);
            painter.rect_filled(
                Rect::from_min_size(at, galley.size()).expand(1.0),
                2.0,
                BACKGROUND.gamma_multiply(if dim { 0.3 } else { 0.8 }),
            );
            painter.galley(at, galley, text_colour);
        }
    }
    for (at, text) in labels {
        let galley = painter.layout_no_wrap(text, FontId::proportional(12.0), Color32::from_rgb(90, 50, 10));
        let r = Rect::from_center_size(at, galley.size()).expand(2.0);
        painter.add(Shape::rect_filled(r, 3.0, Color32::from_rgb(255, 246, 220)));
        painter.galley(r.min + Vec2::splat(2.0), galley, Color32::from_rgb(90, 50, 10));
    }
    if hovered != app.viewer.hovered {
        out.push(Action::Hover(hovered));
    }
    if actions.iter().any(|a| matches!(a, Action::Pin(..))) {
        view.follow = false;
    }
    if view != app.viewer.view {
        out.push(Action::SetView(view));
    }
    out.extend(actions);

    // a click on the background selects the nearest edge, or clears the selection
    if background.clicked() {
        let pick = background.interact_pointer_pos().and_then(|p| nearest_edge(app, &t, &shown, p));
        out.push(Action::Select(pick.map(Selection::Edge)));
    }
}

fn nearest_edge(
    app: &ZhituApp,
    t: &Transform,
    shown: &HashSet<NodeIndex>,
    p: Pos2,
) -> Option<petgraph::stable_graph::EdgeIndex> {
    let mut best = None;
    let mut best_d = 6.0f32;
    for (e, a, b, _) in app.graph.edges() {
        if !shown.contains(&a) || !shown.contains(&b) {
            continue;
        }
        let (Some(pa), Some(pb)) = (app.position(a), app.position(b)) else { continue };
        let d = distance_to_segment(p, t.to_screen(pa), t.to_screen(pb));
        if d < best_d {
            best_d = d;
            best = Some(e);
        }
    }
    best
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    if len2 == 0.0 {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// Pan by dragging the background, zoom around the pointer with the wheel or a pinch.
fn navigate(view: &mut View, ui: &egui::Ui, rect: Rect, background: &egui::Response) {
    if background.dragged() {
        view.centre -= background.drag_delta() / view.zoom;
        view.follow = false;
    }
    if !background.hovered() && !ui.rect_contains_pointer(rect) {
        return;
    }
    let (scroll, pinch, pointer) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta(), i.pointer.hover_pos()));
    let factor = pinch * (scroll * 0.0015).exp();
    if (factor - 1.0).abs() > 1e-4 {
        let anchor = pointer.unwrap_or(rect.center());
        let before = (anchor - rect.center()) / view.zoom + view.centre;
        view.zoom = (view.zoom * factor).clamp(0.02, 20.0);
        view.centre = before - (anchor - rect.center()) / view.zoom;
        view.follow = false;
    }
}

/// Fits the visible nodes (and room for their labels) into the canvas.
fn fit(view: &mut View, rect: Rect, visible: &[(NodeIndex, Pos2)]) {
    let mut bounds = Rect::NOTHING;
    for (_, p) in visible {
        bounds.extend_with(*p);
    }
    let margin = Vec2::new(140.0, 60.0);
    let avail = (rect.size() - margin).max(Vec2::splat(50.0));
    let size = bounds.size().max(Vec2::splat(1.0));
    view.zoom = (avail.x / size.x).min(avail.y / size.y).clamp(0.05, 3.0);
    // labels sit to the right of nodes: shift the view a little to the right
    view.centre = bounds.center().to_vec2() + Vec2::new(30.0 / view.zoom, 0.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_distance() {
        let d = distance_to_segment(Pos2::new(5.0, 3.0), Pos2::new(0.0, 0.0), Pos2::new(10.0, 0.0));
        assert!((d - 3.0).abs() < 1e-5);
        let d = distance_to_segment(Pos2::new(-4.0, 3.0), Pos2::new(0.0, 0.0), Pos2::new(10.0, 0.0));
        assert!((d - 5.0).abs() < 1e-5);
    }

    #[test]
    fn transform_round_trips() {
        let t = Transform {
            rect: Rect::from_min_size(Pos2::new(10.0, 20.0), Vec2::new(400.0, 300.0)),
            centre: Vec2::new(5.0, -7.0),
            zoom: 2.5,
        };
        let w = Pos2::new(33.0, 44.0);
        let back = t.to_world(t.to_screen(w));
        assert!((back - w).length() < 1e-3);
    }
}
