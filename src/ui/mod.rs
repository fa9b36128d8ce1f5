//! The desktop window (eframe/egui): the graph canvas, the details side panel, search and kind
//! filters, file dialogs and background jobs.
//!
//! Data never depends on the UI: the window owns a [`KnowledgeGraph`] and view state, widgets
//! emit [`Action`]s during a frame, and the actions are applied after it. Loading and exporting
//! run on worker threads; the layout runs on its own thread ([`LayoutWorker`]).

mod canvas;
mod dialogs;
mod fonts;
mod panel;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use egui::{Key, KeyboardShortcut, Modifiers, Pos2, Vec2};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use zhitu::extract::{EntityKind, HybridExtractor};
use zhitu::graph::KnowledgeGraph;
use zhitu::layout::worker::{Command, LayoutWorker};
use zhitu::layout::{DEFAULT_SEED, ForceLayout, LayoutInput, Params, Phase};
use zhitu::pipeline::{self, LoadError, Loaded};

pub use dialogs::{FileDialogs, Purpose, RfdDialogs};

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// Opens the window on the given files, or on the bundled sample when there are none.
pub fn run(files: Vec<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("知图 Zhitu")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "zhitu",
        options,
        Box::new(move |cc| {
            let mut app = ZhituApp::new(&cc.egui_ctx, AppOptions::default(), Arc::new(RfdDialogs));
            if files.is_empty() {
                app.load_sample();
            } else {
                app.load(files, true);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// How the app runs: the real window uses threads and system fonts; tests run everything inline
/// with the embedded font only, so frames are deterministic.
#[derive(Debug, Clone, Copy)]
pub struct AppOptions {
    pub background: bool,
    pub system_fonts: bool,
    pub seed: u64,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self { background: true, system_fonts: true, seed: DEFAULT_SEED }
    }
}

/// What is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    Node(NodeIndex),
    Edge(EdgeIndex),
}

/// Things widgets ask for; applied after the frame.
#[derive(Debug, Clone)]
pub enum Action {
    Select(Option<Selection>),
    /// Select a node and centre the view on it.
    Focus(NodeIndex),
    Dialog(Purpose),
    Load {
        paths: Vec<PathBuf>,
        replace: bool,
    },
    Export(PathBuf),
    FitView,
    Relayout,
    DismissErrors,
    CancelPrompt,
    Pin(NodeIndex, Pos2),
}

/// The pan and zoom of the canvas: world point at the canvas centre, and pixels per unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub centre: Vec2,
    pub zoom: f32,
    /// Keep fitting the whole graph while the layout moves, until the user pans or zooms.
    pub follow: bool,
}

impl Default for View {
    fn default() -> Self {
        Self { centre: Vec2::ZERO, zoom: 1.0, follow: true }
    }
}

/// A path typed by hand when no dialog answered.
#[derive(Debug, Clone)]
struct PathPrompt {
    purpose: Purpose,
    text: String,
}

/// A finished background job.
enum JobResult {
    Loaded { replace: bool, items: Vec<(String, Result<Loaded, LoadError>)> },
    Exported(Result<PathBuf, String>),
}

/// The application state.
pub struct ZhituApp {
    ctx: egui::Context,
    options: AppOptions,
    pub graph: KnowledgeGraph,
    /// Node order of the current layout problem, and each node's position in world units.
    layout_nodes: Vec<NodeIndex>,
    positions: HashMap<NodeIndex, Pos2>,
    layout_phase: Phase,
    layout_generation: u64,
    worker: Option<LayoutWorker>,
    pub view: View,
    pub selection: Option<Selection>,
    pub hovered: Option<NodeIndex>,
    pub search: String,
    focus_search: bool,
    /// Kinds shown on the canvas.
    pub visible_kinds: [bool; 4],
    pub errors: Vec<String>,
    pub status: String,
    dialogs: Arc<dyn FileDialogs>,
    pending_dialog: Option<dialogs::PendingDialog>,
    prompt: Option<PathPrompt>,
    jobs: Vec<Receiver<JobResult>>,
    actions: Vec<Action>,
}

impl ZhituApp {
    /// A window state with an empty graph.
    pub fn new(ctx: &egui::Context, options: AppOptions, dialogs: Arc<dyn FileDialogs>) -> Self {
        install_style(ctx, options.system_fonts);
        let worker = options.background.then(|| {
            let repaint = ctx.clone();
            LayoutWorker::spawn(Box::new(move || repaint.request_repaint()))
        });
        Self {
            ctx: ctx.clone(),
            options,
            graph: KnowledgeGraph::new(),
            layout_nodes: Vec::new(),
            positions: HashMap::new(),
            layout_phase: Phase::Settled,
            layout_generation: 0,
            worker,
            view: View::default(),
            selection: None,
            hovered: None,
            search: String::new(),
            focus_search: false,
            visible_kinds: [true; 4],
            errors: Vec::new(),
            status: String::new(),
            dialogs,
            pending_dialog: None,
            prompt: None,
            jobs: Vec::new(),
            actions: Vec::new(),
        }
    }

    /// Loads the article bundled with the binary.
    pub fn load_sample(&mut self) {
        // extraction belongs off the UI thread, like any other load
        self.spawn_job(|| JobResult::Loaded {
            replace: true,
            items: vec![(
                zhitu::SAMPLE_NAME.to_owned(),
                pipeline::load_bytes(zhitu::SAMPLE_NAME, zhitu::SAMPLE_ARTICLE, &HybridExtractor),
            )],
        });
    }

    /// Loads files (articles, graphs, folders): replacing the graph or adding to it. Runs on a
    /// worker thread in the window.
    pub fn load(&mut self, paths: Vec<PathBuf>, replace: bool) {
        let (files, errors) = pipeline::expand(&paths);
        self.errors.extend(errors.iter().map(ToString::to_string));
        if files.is_empty() {
            return;
        }
        let work = move || {
            let results = pipeline::load_all(&files, &HybridExtractor);
            let items = files.iter().map(|f| f.display().to_string()).zip(results).collect();
            JobResult::Loaded { replace, items }
        };
        self.status = format!("Reading {} file(s)…", paths.len());
        self.spawn_job(work);
    }

    fn spawn_job(&mut self, work: impl FnOnce() -> JobResult + Send + 'static) {
        if self.options.background {
            let (tx, rx) = mpsc::channel();
            let ctx = self.ctx.clone();
            std::thread::spawn(move || {
                let _ = tx.send(work());
                ctx.request_repaint();
            });
            self.jobs.push(rx);
        } else {
            let result = work();
            self.finish_job(result);
        }
    }

    fn finish_job(&mut self, result: JobResult) {
        match result {
            JobResult::Loaded { replace, items } => self.apply_loaded(replace, items),
            JobResult::Exported(Ok(path)) => self.status = format!("Exported {}", path.display()),
            JobResult::Exported(Err(e)) => self.errors.push(e),
        }
    }

    /// Merges loaded items. With `replace`, the new graph takes the old one's place only if at
    /// least one file loaded; whatever fails is reported and changes nothing.
    fn apply_loaded(&mut self, replace: bool, items: Vec<(String, Result<Loaded, LoadError>)>) {
        let mut target = if replace { KnowledgeGraph::new() } else { self.graph.clone() };
        let mut ok = 0;
        for (path, result) in items {
            match result.and_then(|item| pipeline::merge(&mut target, &path, item)) {
                Ok(()) => ok += 1,
                Err(e) => self.errors.push(format!("Could not open {e}")),
            }
        }
        if ok == 0 {
            self.status = "Nothing loaded; the graph is unchanged.".into();
            return;
        }
        if replace {
            self.selection = None;
            self.view = View::default();
        } else {
            self.store_positions(&mut target);
        }
        self.graph = target;
        self.selection = self.selection.filter(|s| match s {
            Selection::Node(n) => self.graph.node(*n).is_some(),
            Selection::Edge(e) => self.graph.edge(*e).is_some(),
        });
        self.status = format!("Loaded {ok} file(s).");
        self.restart_layout();
    }

    /// Writes current positions into a graph (so exports and relayouts start from them).
    fn store_positions(&self, g: &mut KnowledgeGraph) {
        for (&n, p) in &self.positions {
            g.set_position(n, [f64::from(p.x), f64::from(p.y)]);
        }
    }

    /// Starts the layout over on the current graph; nodes with positions keep them as a start.
    fn restart_layout(&mut self) {
        let input = LayoutInput::from_graph(&self.graph);
        let mut layout = ForceLayout::new(&input, self.options.seed, Params::default());
        self.layout_generation += 1;
        if let Some(w) = &self.worker {
            w.send(Command::Replace {
                input: input.clone(),
                seed: self.options.seed,
                generation: self.layout_generation,
            });
        } else {
            layout.settle();
        }
        self.layout_phase = layout.phase();
        self.layout_nodes.clone_from(&input.nodes);
        self.positions = input.nodes.iter().zip(layout.positions()).map(|(&n, p)| (n, Pos2::new(p[0], p[1]))).collect();
        if self.worker.is_none() {
            self.view.follow = true;
        }
    }

    /// Takes the layout thread's latest positions.
    fn poll_layout(&mut self) {
        let Some(w) = &self.worker else { return };
        let snap = w.snapshot();
        if snap.generation != self.layout_generation || snap.positions.len() != self.layout_nodes.len() {
            return;
        }
        for (n, p) in self.layout_nodes.iter().zip(&snap.positions) {
            self.positions.insert(*n, Pos2::new(p[0], p[1]));
        }
        self.layout_phase = snap.phase;
    }

    fn poll_jobs(&mut self) {
        let mut finished = Vec::new();
        self.jobs.retain(|rx| match rx.try_recv() {
            Ok(r) => {
                finished.push(r);
                false
            }
            Err(mpsc::TryRecvError::Empty) => true,
            Err(mpsc::TryRecvError::Disconnected) => false,
        });
        for r in finished {
            self.finish_job(r);
        }
        if let Some(answer) = self.pending_dialog.as_ref().and_then(dialogs::PendingDialog::poll) {
            let purpose = self.pending_dialog.take().map_or(Purpose::Open, |d| d.purpose);
            self.on_dialog_answer(purpose, answer);
        }
    }

    fn on_dialog_answer(&mut self, purpose: Purpose, answer: Vec<PathBuf>) {
        if answer.is_empty() {
            // cancelled, or no dialog on this system: offer a path field instead
            self.prompt = Some(PathPrompt { purpose, text: String::new() });
        } else {
            self.answer(purpose, answer);
        }
    }

    fn answer(&mut self, purpose: Purpose, paths: Vec<PathBuf>) {
        match purpose {
            Purpose::Open => self.load(paths, true),
            Purpose::Add => self.load(paths, false),
            Purpose::Export => {
                if let Some(p) = paths.into_iter().next() {
                    self.export(p);
                }
            }
        }
    }

    /// Exports the graph (with the positions on screen) as JSON, on a worker thread.
    pub fn export(&mut self, path: PathBuf) {
        let mut g = self.graph.clone();
        self.store_positions(&mut g);
        self.spawn_job(move || {
            JobResult::Exported(
                zhitu::export::write_file(&g, zhitu::export::Format::Json, &path)
                    .map(|()| path)
                    .map_err(|e| e.to_string()),
            )
        });
    }

    /// Whether a node's kind is shown.
    #[must_use]
    pub fn is_visible(&self, n: NodeIndex) -> bool {
        self.graph.node(n).is_some_and(|node| self.visible_kinds[kind_index(node.kind)])
    }

    /// Nodes whose label or alias contains the search text, label matches first.
    #[must_use]
    pub fn search_matches(&self) -> Vec<NodeIndex> {
        let q = self.search.trim();
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(bool, usize, NodeIndex)> = self
            .graph
            .nodes()
            .filter(|(_, n)| n.label.contains(q) || n.aliases.iter().any(|a| a.contains(q)))
            .map(|(i, n)| (!n.label.contains(q), n.label.chars().count(), i))
            .collect();
        hits.sort();
        hits.into_iter().map(|(_, _, i)| i).collect()
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Select(s) => self.selection = s,
            Action::Focus(n) => {
                self.selection = Some(Selection::Node(n));
                if let Some(kind) = self.graph.node(n).map(|node| kind_index(node.kind)) {
                    self.visible_kinds[kind] = true;
                }
                if let Some(p) = self.positions.get(&n) {
                    self.view.centre = p.to_vec2();
                    self.view.follow = false;
                }
            }
            Action::Dialog(purpose) => {
                if self.pending_dialog.is_some() {
                    return;
                }
                self.prompt = None;
                if self.options.background {
                    let ctx = self.ctx.clone();
                    self.pending_dialog =
                        Some(dialogs::PendingDialog::spawn(&self.dialogs, purpose, move || ctx.request_repaint()));
                } else {
                    // tests: the stand-in dialog answers at once
                    let answer = dialogs::ask(self.dialogs.as_ref(), purpose);
                    self.on_dialog_answer(purpose, answer);
                }
            }
            Action::Load { paths, replace } => {
                self.prompt = None;
                self.load(paths, replace);
            }
            Action::Export(p) => {
                self.prompt = None;
                self.export(p);
            }
            Action::FitView => self.view.follow = true,
            Action::Relayout => {
                self.graph.clear_positions();
                self.view.follow = true;
                self.restart_layout();
            }
            Action::DismissErrors => self.errors.clear(),
            Action::CancelPrompt => self.prompt = None,
            Action::Pin(n, p) => {
                self.positions.insert(n, p);
                self.graph.set_position(n, [f64::from(p.x), f64::from(p.y)]);
                if let (Some(w), Some(i)) = (&self.worker, self.layout_nodes.iter().position(|&x| x == n)) {
                    w.send(Command::Pin(i, Some([p.x, p.y])));
                }
            }
        }
    }

    /// Draws one frame; everything the window shows is built here.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.ctx = ui.ctx().clone();
        self.poll_jobs();
        self.poll_layout();
        self.shortcuts(ui.ctx());
        self.dropped_files(ui.ctx());

        egui::Panel::top("menu").show(ui, |ui| self.top_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::right("details").resizable(true).default_size(380.0).min_size(260.0).show(ui, |ui| {
            panel::show(self, ui);
        });
        egui::CentralPanel::no_frame().show(ui, |ui| canvas::show(self, ui));

        for a in std::mem::take(&mut self.actions) {
            self.apply(a);
        }
        if self.layout_phase == Phase::Running || !self.jobs.is_empty() || self.pending_dialog.is_some() {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let (open, export, find, escape) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&OPEN),
                i.consume_shortcut(&EXPORT),
                i.consume_shortcut(&FIND),
                i.key_pressed(Key::Escape),
            )
        });
        if open {
            self.actions.push(Action::Dialog(Purpose::Open));
        }
        if export {
            self.actions.push(Action::Dialog(Purpose::Export));
        }
        if find {
            self.focus_search = true;
        }
        if escape {
            self.actions.push(Action::Select(None));
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if !dropped.is_empty() {
            self.actions.push(Action::Load { paths: dropped, replace: false });
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.add(egui::Button::new("Open…").shortcut_text(ui.ctx().format_shortcut(&OPEN))).clicked() {
                    self.actions.push(Action::Dialog(Purpose::Open));
                }
                if ui.button("Add files…").clicked() {
                    self.actions.push(Action::Dialog(Purpose::Add));
                }
                if ui.add(egui::Button::new("Export JSON…").shortcut_text(ui.ctx().format_shortcut(&EXPORT))).clicked()
                {
                    self.actions.push(Action::Dialog(Purpose::Export));
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                if ui.button("Fit to view").clicked() {
                    self.actions.push(Action::FitView);
                }
                if ui.button("Lay out again").clicked() {
                    self.actions.push(Action::Relayout);
                }
            });
            ui.separator();
            let caption = ui.label("Search");
            let search = ui
                .add(egui::TextEdit::singleline(&mut self.search).hint_text("names (Ctrl+F)").desired_width(180.0))
                .labelled_by(caption.id);
            if std::mem::take(&mut self.focus_search) {
                search.request_focus();
            }
            if search.lost_focus()
                && ui.input(|i| i.key_pressed(Key::Enter))
                && let Some(&first) = self.search_matches().first()
            {
                self.actions.push(Action::Focus(first));
            }
            ui.separator();
            for kind in EntityKind::ALL {
                let i = kind_index(kind);
                let colour = canvas::kind_colour(kind);
                let (dot, _) = ui.allocate_exact_size(Vec2::splat(12.0), egui::Sense::hover());
                ui.painter().circle_filled(dot.center(), 5.0, colour);
                ui.checkbox(&mut self.visible_kinds[i], format!("{} {}", kind_label_en(kind), kind.label_zh()));
            }
            if ui.button("Fit").on_hover_text("Fit the whole graph in view").clicked() {
                self.actions.push(Action::FitView);
            }
        });
        if let Some(prompt) = &mut self.prompt {
            let mut go = false;
            let mut cancel = false;
            ui.horizontal(|ui| {
                let verb = prompt.purpose.verb();
                ui.label("No file chosen (or no file dialog on this system).");
                let caption = ui.label(format!("{verb} path:"));
                let field = ui
                    .add(egui::TextEdit::singleline(&mut prompt.text).hint_text("/path/to/file").desired_width(360.0))
                    .labelled_by(caption.id);
                go = ui.button(verb).clicked() || (field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)));
                cancel = ui.button("Cancel").clicked();
            });
            if go && !prompt.text.trim().is_empty() {
                let path = PathBuf::from(prompt.text.trim());
                self.actions.push(match prompt.purpose {
                    Purpose::Open => Action::Load { paths: vec![path], replace: true },
                    Purpose::Add => Action::Load { paths: vec![path], replace: false },
                    Purpose::Export => Action::Export(path),
                });
            } else if cancel {
                self.actions.push(Action::CancelPrompt);
            }
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        if !self.errors.is_empty() {
            egui::Frame::new().fill(egui::Color32::from_rgb(253, 236, 234)).inner_margin(6.0).show(ui, |ui| {
                for e in &self.errors {
                    ui.colored_label(egui::Color32::from_rgb(160, 20, 20), e);
                }
                if ui.button("Dismiss").clicked() {
                    self.actions.push(Action::DismissErrors);
                }
            });
        }
        ui.horizontal(|ui| {
            let layout = match self.layout_phase {
                Phase::Running => "laying out…",
                Phase::Settled => "layout settled",
            };
            ui.label(format!(
                "{} nodes · {} edges · {} article(s) · {layout}",
                self.graph.node_count(),
                self.graph.edge_count(),
                self.graph.documents().len()
            ));
            if !self.status.is_empty() {
                ui.separator();
                ui.label(&self.status);
            }
        });
    }

    pub(crate) fn push(&mut self, a: Action) {
        self.actions.push(a);
    }

    pub(crate) fn position(&self, n: NodeIndex) -> Option<Pos2> {
        self.positions.get(&n).copied()
    }
}

/// Fonts with Chinese glyphs and the light theme.
pub fn install_style(ctx: &egui::Context, system_fonts: bool) {
    ctx.set_fonts(fonts::definitions(system_fonts));
    ctx.set_visuals(egui::Visuals::light());
}

impl eframe::App for ZhituApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

pub(crate) const fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organization => 2,
        EntityKind::Initiative => 3,
    }
}

pub(crate) const fn kind_label_en(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Place => "Place",
        EntityKind::Organization => "Organization",
        EntityKind::Initiative => "Initiative",
    }
}

#[cfg(test)]
mod tests;
