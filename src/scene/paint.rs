//! A [`Frame`] as egui shapes: edges, nodes coloured by kind, labels on a light backing, and
//! the minimap. The window's canvas and the frame benchmark both paint through here.

use egui::epaint::text::FontsView;
use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, Vec2};

use super::{Camera, Frame, LabelOf, Scene};
use crate::extract::EntityKind;

/// The colour of a kind, shared by nodes, the legend and the exports.
#[must_use]
pub const fn kind_colour(kind: EntityKind) -> Color32 {
    let [r, g, b] = crate::export::table::kind_rgb(kind);
    Color32::from_rgb(r, g, b)
}

/// Colours of groups (communities), in turn: distinct hues, then again.
const GROUPS: [Color32; 12] = [
    Color32::from_rgb(31, 119, 180),
    Color32::from_rgb(255, 127, 14),
    Color32::from_rgb(44, 160, 44),
    Color32::from_rgb(214, 39, 40),
    Color32::from_rgb(148, 103, 189),
    Color32::from_rgb(140, 86, 75),
    Color32::from_rgb(227, 119, 194),
    Color32::from_rgb(23, 190, 207),
    Color32::from_rgb(188, 189, 34),
    Color32::from_rgb(127, 127, 127),
    Color32::from_rgb(57, 59, 121),
    Color32::from_rgb(173, 73, 74),
];

/// The colour of a group (a community).
#[must_use]
pub fn group_colour(group: u32) -> Color32 {
    GROUPS[group as usize % GROUPS.len()]
}

pub const BACKGROUND: Color32 = Color32::from_rgb(250, 250, 252);
pub const HIGHLIGHT: Color32 = Color32::from_rgb(240, 160, 20);
const MARK: Color32 = Color32::from_rgb(220, 30, 120);

/// Measures text as egui lays it out (the galley is cached, so painting it again is cheap).
pub fn measure<'a>(fonts: &'a mut FontsView<'_>) -> impl FnMut(&str, f32) -> [f32; 2] + 'a {
    move |text, size| {
        let g = fonts.layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::BLACK);
        [g.size().x, g.size().y]
    }
}

fn pos(origin: Pos2, p: [f32; 2]) -> Pos2 {
    Pos2::new(origin.x + p[0], origin.y + p[1])
}

/// The shapes of a frame whose screen coordinates start at `origin`.
#[must_use]
pub fn shapes(scene: &Scene, frame: &Frame, origin: Pos2, fonts: &mut FontsView<'_>) -> Vec<Shape> {
    let mut out = Vec::with_capacity(frame.edges.len() + frame.nodes.len() * 2 + frame.labels.len() * 2);
    for e in &frame.edges {
        let colour = if e.emphasised {
            Color32::from_rgba_unmultiplied(60, 60, 80, 230)
        } else if scene.edges()[e.edge as usize].typed {
            Color32::from_rgba_unmultiplied(70, 80, 110, (150.0 * e.alpha) as u8)
        } else {
            Color32::from_rgba_unmultiplied(140, 140, 150, (110.0 * e.alpha) as u8)
        };
        out.push(Shape::line_segment([pos(origin, e.from), pos(origin, e.to)], Stroke::new(e.width, colour)));
    }
    for n in &frame.nodes {
        let node = &scene.nodes()[n.node as usize];
        let mut colour = node.group.map_or(kind_colour(node.kind), group_colour);
        if n.dim {
            colour = colour.gamma_multiply(0.3);
        }
        let at = pos(origin, n.at);
        out.push(Shape::circle_filled(at, n.radius, colour));
        if n.marked {
            out.push(Shape::circle_stroke(at, n.radius + 2.5, Stroke::new(2.5, MARK)));
        } else if n.radius >= 4.0 {
            out.push(Shape::circle_stroke(at, n.radius, Stroke::new(1.0, Color32::WHITE)));
        }
    }
    for l in &frame.labels {
        let rect = Rect::from_min_max(pos(origin, [l.rect[0], l.rect[1]]), pos(origin, [l.rect[2], l.rect[3]]));
        match l.target {
            LabelOf::Node(i) => {
                let text_colour = if l.dim { Color32::from_gray(170) } else { Color32::from_gray(25) };
                let galley = fonts.layout_no_wrap(
                    scene.nodes()[i as usize].label.clone(),
                    FontId::proportional(l.size),
                    text_colour,
                );
                out.push(Shape::rect_filled(rect, 2.0, BACKGROUND.gamma_multiply(if l.dim { 0.3 } else { 0.8 })));
                out.push(Shape::galley(rect.min + Vec2::splat(1.0), galley, text_colour));
            }
            LabelOf::Edge(e) => {
                let ink = Color32::from_rgb(90, 50, 10);
                let galley =
                    fonts.layout_no_wrap(scene.edges()[e as usize].label.clone(), FontId::proportional(l.size), ink);
                out.push(Shape::rect_filled(rect, 3.0, Color32::from_rgb(255, 246, 220)));
                out.push(Shape::galley(rect.min + Vec2::splat(2.0), galley, ink));
            }
        }
    }
    out
}

/// Rings around the selected node (and the focus), drawn over the frame.
#[must_use]
pub fn rings(frame: &Frame, origin: Pos2, selected: Option<u32>, focus: Option<u32>) -> Vec<Shape> {
    let mut out = Vec::new();
    for n in &frame.nodes {
        let at = pos(origin, n.at);
        if Some(n.node) == selected {
            out.push(Shape::circle_stroke(at, n.radius, Stroke::new(3.0, HIGHLIGHT)));
        } else if Some(n.node) == focus {
            out.push(Shape::circle_stroke(at, n.radius, Stroke::new(2.0, Color32::from_gray(40))));
        }
    }
    out
}

/// The minimap: the whole graph (its most important nodes, at most `max_points`) in `rect`,
/// with the camera's view as a frame. Returns the shapes and the transform from world to
/// minimap (scale, offset) so a click can be mapped back.
#[must_use]
pub fn minimap(
    scene: &Scene,
    camera: &Camera,
    rect: Rect,
    max_points: usize,
) -> (Vec<Shape>, Option<MinimapTransform>) {
    let mut out = vec![
        Shape::rect_filled(rect, 4.0, Color32::from_rgba_unmultiplied(255, 255, 255, 225)),
        Shape::rect_stroke(rect, 4.0, Stroke::new(1.0, Color32::from_gray(180)), egui::StrokeKind::Inside),
    ];
    let Some(b) = scene.bounds() else { return (out, None) };
    let t = MinimapTransform::new(b, rect);
    for &i in scene.by_importance().iter().take(max_points) {
        if let Some(p) = scene.position(i) {
            let node = &scene.nodes()[i as usize];
            let colour = node.group.map_or(kind_colour(node.kind), group_colour).gamma_multiply(0.8);
            out.push(Shape::rect_filled(Rect::from_center_size(t.to_map(p), Vec2::splat(2.0)), 0.0, colour));
        }
    }
    let view = camera.world_rect(0.0);
    let frame = Rect::from_min_max(t.to_map([view[0], view[1]]), t.to_map([view[2], view[3]])).intersect(rect);
    if frame.is_positive() {
        out.push(Shape::rect_stroke(frame, 0.0, Stroke::new(1.5, HIGHLIGHT), egui::StrokeKind::Middle));
    }
    (out, Some(t))
}

/// World ↔ minimap coordinates.
#[derive(Debug, Clone, Copy)]
pub struct MinimapTransform {
    scale: f32,
    world_centre: [f32; 2],
    map_centre: Pos2,
}

impl MinimapTransform {
    fn new(bounds: [f32; 4], rect: Rect) -> Self {
        let (w, h) = ((bounds[2] - bounds[0]).max(1.0), (bounds[3] - bounds[1]).max(1.0));
        let inner = rect.shrink(6.0);
        let scale = (inner.width() / w).min(inner.height() / h);
        Self {
            scale,
            world_centre: [f32::midpoint(bounds[0], bounds[2]), f32::midpoint(bounds[1], bounds[3])],
            map_centre: rect.center(),
        }
    }

    #[must_use]
    pub fn to_map(&self, w: [f32; 2]) -> Pos2 {
        self.map_centre + Vec2::new(w[0] - self.world_centre[0], w[1] - self.world_centre[1]) * self.scale
    }

    #[must_use]
    pub fn to_world(&self, p: Pos2) -> [f32; 2] {
        let d = (p - self.map_centre) / self.scale;
        [self.world_centre[0] + d.x, self.world_centre[1] + d.y]
    }
}
