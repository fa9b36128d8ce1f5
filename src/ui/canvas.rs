//! The graph canvas: input and painting around the headless [`zhitu::scene`]. The scene decides
//! what is drawn (culling, edge levels, labels placed without overlap, k-hop focus); this module
//! turns pointer input into [`Action`]s (pan by dragging the background, zoom with the wheel or
//! pinch around the pointer, drag a node to move and pin it, hover, click to select a node or an
//! edge, double-click to focus), paints the frame and the minimap (click or drag it to move the
//! view). Every labelled node is an AccessKit button with its label.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Vec2};
use petgraph::stable_graph::NodeIndex;
use zhitu::scene::{Camera, Emphasis, Frame, LabelOf, Scene, paint};

use super::{Action, Selection, View, ZhituApp};

pub use zhitu::scene::paint::kind_colour;

/// Search hits marked on the canvas at most.
const MARKED: usize = 200;

/// The minimap's size, in the canvas's bottom-left corner.
const MINIMAP: Vec2 = Vec2::new(220.0, 150.0);

/// The minimap shows when part of the graph is out of view, or always above this many nodes.
const MINIMAP_NODES: usize = 500;

fn camera(view: &View, rect: Rect) -> Camera {
    Camera { centre: [view.centre.x, view.centre.y], zoom: view.zoom, size: [rect.width(), rect.height()] }
}

fn local(rect: Rect, p: Pos2) -> [f32; 2] {
    [p.x - rect.min.x, p.y - rect.min.y]
}

/// Draws the canvas and handles its input; every change it wants (camera, hover, selection,
/// pins) goes into `out` as an [`Action`]. Returns what it drew.
pub fn show(app: &ZhituApp, ui: &mut egui::Ui, out: &mut Vec<Action>) -> Frame {
    let (rect, background) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, paint::BACKGROUND);
    let scene = &app.scene;
    let Some(bounds) = scene.bounds() else {
        let text = if app.graph.is_empty() {
            "No graph yet: File > Open… (Ctrl+O), or drop articles here"
        } else {
            "Nothing to show: every node is filtered out (View > Filters)"
        };
        painter.text(rect.center(), Align2::CENTER_CENTER, text, FontId::proportional(16.0), Color32::GRAY);
        return Frame::default();
    };
    let mut view = app.viewer.view;
    if view.follow {
        fit(&mut view, rect, bounds);
    }

    // a drag that starts on a node moves it; any other drag pans
    let drag_id = ui.scope_id().with("dragged-node");
    if background.drag_started() {
        let start = ui.input(|i| i.pointer.press_origin()).unwrap_or(rect.center());
        let hit = scene.node_at(&camera(&view, rect), local(rect, start)).map(|i| scene.nodes()[i as usize].index);
        ui.data_mut(|d| d.insert_temp::<Option<NodeIndex>>(drag_id, hit));
    }
    let dragged_node =
        if background.dragged() { ui.data(|d| d.get_temp::<Option<NodeIndex>>(drag_id)).flatten() } else { None };
    let mut actions = Vec::new();
    if let Some(n) = dragged_node {
        if let Some(p) = background.interact_pointer_pos() {
            let w = camera(&view, rect).to_world(local(rect, p));
            actions.push(Action::Pin(n, Pos2::new(w[0], w[1])));
            view.follow = false;
        }
    } else {
        navigate(&mut view, ui, rect, &background);
    }
    let cam = camera(&view, rect);

    let selected_node = match app.viewer.selection {
        Some(Selection::Node(n)) => scene.dense(n),
        _ => None,
    };
    let selected_edge = match app.viewer.selection {
        Some(Selection::Edge(e)) => scene.dense_edge(e),
        _ => None,
    };
    let hovered = app.viewer.hovered.and_then(|n| scene.dense(n));
    let mut emphasis = Emphasis {
        focus: selected_node.or(hovered),
        hops: app.viewer.hops,
        only_neighbourhood: app.viewer.only_neighbourhood && selected_node.is_some(),
        selected_node,
        selected_edge,
        marked: app
            .viewer
            .path
            .iter()
            .flat_map(|p| p.nodes.iter().copied())
            .chain(app.search_matches())
            .filter_map(|n| scene.dense(n))
            .take(MARKED)
            .collect(),
        reserved: Vec::new(),
    };
    // the minimap's corner (labels keep clear of it)
    let mini = Rect::from_min_size(Pos2::new(rect.min.x + 8.0, rect.max.y - MINIMAP.y - 8.0), MINIMAP);
    let view_rect = cam.world_rect(0.0);
    let all_in_view = bounds[0] >= view_rect[0]
        && bounds[1] >= view_rect[1]
        && bounds[2] <= view_rect[2]
        && bounds[3] <= view_rect[3];
    let useful = !all_in_view || scene.nodes().len() > MINIMAP_NODES;
    let mini_shown = useful && rect.width() > 2.5 * MINIMAP.x && rect.height() > 2.5 * MINIMAP.y;
    if mini_shown {
        emphasis.reserved.push([
            mini.min.x - rect.min.x,
            mini.min.y - rect.min.y,
            mini.max.x - rect.min.x,
            mini.max.y - rect.min.y,
        ]);
    }
    let frame = painter.fonts_mut(|f| scene.frame(&cam, &emphasis, &mut paint::measure(f)));
    let shapes = painter.fonts_mut(|f| paint::shapes(scene, &frame, rect.min, f));
    painter.extend(shapes);
    painter.extend(paint::rings(&frame, rect.min, selected_node, emphasis.focus));

    // labelled nodes are buttons (for assistive technology, and a click target)
    for label in &frame.labels {
        let LabelOf::Node(i) = label.target else { continue };
        let node = &scene.nodes()[i as usize];
        // frame nodes come in node order
        let Ok(k) = frame.nodes.binary_search_by_key(&i, |d| d.node) else { continue };
        let at = &frame.nodes[k];
        let centre = rect.min + Vec2::new(at.at[0], at.at[1]);
        let hit = Rect::from_center_size(centre, Vec2::splat(2.0 * at.radius.max(6.0))).intersect(rect);
        let response = ui.interact(hit, ui.scope_id().with(("node", node.index)), Sense::click());
        let is_selected = selected_node == Some(i);
        response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &node.label));
        if response.clicked() {
            actions.push(Action::Select(Some(Selection::Node(node.index))));
        }
        if response.double_clicked() {
            actions.push(Action::Focus(node.index));
        }
    }

    // the minimap, over the canvas
    if mini_shown {
        let (shapes, map) = paint::minimap(scene, &cam, mini, 4000);
        painter.extend(shapes);
        let response = ui.interact(mini, ui.scope_id().with("minimap"), Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Minimap"));
        if let (Some(map), Some(p)) = (map, response.interact_pointer_pos())
            && (response.clicked() || response.dragged())
        {
            let w = map.to_world(p);
            view.centre = Vec2::new(w[0], w[1]);
            view.follow = false;
        }
    }

    // hover, and clicks on the background: a node, else the nearest edge, else nothing
    let hover_at =
        ui.input(|i| i.pointer.hover_pos()).filter(|p| rect.contains(*p) && !(mini_shown && mini.contains(*p)));
    // only a node drawn this frame (not one "only this neighbourhood" hides)
    let drawn = |i: &u32| frame.nodes.binary_search_by_key(i, |d| d.node).is_ok();
    let hover = hover_at
        .and_then(|p| scene.node_at(&cam, local(rect, p)))
        .filter(drawn)
        .map(|i| scene.nodes()[i as usize].index);
    let hover = dragged_node.or(hover);
    if hover != app.viewer.hovered {
        out.push(Action::Hover(hover));
    }
    if background.clicked()
        && let Some(p) = background.interact_pointer_pos()
    {
        let at = local(rect, p);
        let pick = if let Some(i) = scene.node_at(&cam, at).filter(drawn) {
            Some(Selection::Node(scene.nodes()[i as usize].index))
        } else {
            Scene::edge_at(&frame, at).map(|e| Selection::Edge(scene.edges()[e as usize].index))
        };
        actions.push(Action::Select(pick));
    }
    if background.double_clicked()
        && let Some(i) = background.interact_pointer_pos().and_then(|p| scene.node_at(&cam, local(rect, p)))
    {
        actions.push(Action::Focus(scene.nodes()[i as usize].index));
    }
    if frame.edges_left_out > 0 {
        let note = format!("{} weaker edges not drawn at this zoom", frame.edges_left_out);
        painter.text(
            rect.right_bottom() - Vec2::new(8.0, 6.0),
            Align2::RIGHT_BOTTOM,
            note,
            FontId::proportional(11.0),
            Color32::GRAY,
        );
    }
    if view != app.viewer.view {
        out.push(Action::SetView(view));
    }
    out.extend(actions);
    frame
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
        view.zoom = (view.zoom * factor).clamp(0.002, 20.0);
        view.centre = before - (anchor - rect.center()) / view.zoom;
        view.follow = false;
    }
}

/// Fits the placed nodes (and room for their labels) into the canvas.
fn fit(view: &mut View, rect: Rect, bounds: [f32; 4]) {
    let margin = Vec2::new(140.0, 60.0);
    let avail = (rect.size() - margin).max(Vec2::splat(50.0));
    let size = Vec2::new(bounds[2] - bounds[0], bounds[3] - bounds[1]).max(Vec2::splat(1.0));
    view.zoom = (avail.x / size.x).min(avail.y / size.y).clamp(0.002, 3.0);
    // labels sit to the right of nodes: shift the view a little to the right
    view.centre = Vec2::new(f32::midpoint(bounds[0], bounds[2]), f32::midpoint(bounds[1], bounds[3]))
        + Vec2::new(30.0 / view.zoom, 0.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camera_round_trips() {
        let view = View { centre: Vec2::new(5.0, -7.0), zoom: 2.5, follow: false };
        let rect = Rect::from_min_size(Pos2::new(10.0, 20.0), Vec2::new(400.0, 300.0));
        let cam = camera(&view, rect);
        let w = [33.0, 44.0];
        let back = cam.to_world(cam.to_screen(w));
        assert!((back[0] - w[0]).abs() < 1e-3 && (back[1] - w[1]).abs() < 1e-3);
        // the view's centre is the canvas's centre
        let c = cam.to_screen([5.0, -7.0]);
        assert_eq!(rect.min + Vec2::new(c[0], c[1]), rect.center());
    }
}
